//! The summary of what is missing on a step, linked to each field, announced at once.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::question::QuestionId;
use crate::domain::text::question_key;

/// The questions still to answer, each a link that focuses its first input; announced
/// at once (`role="alert"`).
pub(super) fn error_summary(texts: &Texts, unanswered: &[QuestionId]) -> Html {
    html! {
        <div class="bpi-error-summary" role="alert" aria-labelledby="bpi-error-summary-title">
            <h3 id="bpi-error-summary-title">{ texts.ui(ui!("ui.step.missing_title")) }</h3>
            <ul>
                { for unanswered.iter().map(|id| html! {
                    <li>
                        <a href={format!("#bpi-q-{id}")} onclick={focus_question(*id)}>
                            { texts.t(&question_key(*id, "label")) }
                        </a>
                    </li>
                }) }
            </ul>
        </div>
    }
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
