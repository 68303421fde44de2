//! The summary of what is missing on a step, linked to each field, announced at once.

use yew::prelude::*;

use super::markup::{into_html, Markup, Write};

use super::texts::Texts;
use crate::domain::question::QuestionId;
use crate::domain::text::question_key;

/// The questions still to answer, each a link that focuses its first input; announced
/// at once (`role="alert"`).
pub(super) fn error_summary(texts: &Texts, unanswered: &[QuestionId]) -> Html {
    let mut m = Markup::new();
    let attributes =
        [("class", "bpi-error-summary"), ("role", "alert"), ("aria-labelledby", "bpi-error-summary-title")];
    m.open("div", &attributes).element(
        "h3",
        &[("id", "bpi-error-summary-title")],
        texts.ui(ui!("ui.step.missing_title")),
    );
    m.open("ul", &[]);
    for id in unanswered {
        let href = ["#bpi-q-", id.as_str()].concat();
        m.open("li", &[]).open("a", &[("href", &href)]).on_click(focus_question(*id));
        m.text(texts.t(&question_key(*id, "label"))).close("a").close("li");
    }
    m.close("ul").close("div");
    into_html(m)
}

/// Moves focus to the first input of a question. The link keeps its `href` for people
/// who open it otherwise, but a click must not touch the location hash, which carries
/// share links.
fn focus_question(id: QuestionId) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let link = event.target_dyn_into::<web_sys::Element>();
        let input =
            link.and_then(|l| super::find_near::<web_sys::HtmlElement>(&l, ".bpi-step", &format!("#bpi-q-{id} input")));
        if let Some(input) = input {
            // Focus can be refused; the summary still lists what is missing.
            let _ = input.focus();
        }
    })
}
