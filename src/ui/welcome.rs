//! The welcome screen: what this is and is not, privacy, time, start or continue.

use yew::prelude::*;

use super::clear_data::clear_data;
use super::import_button::import_button;
use super::markup::{into_html, Markup, Write};
use super::texts::Texts;
use crate::domain::session::Action;
use crate::domain::Intake;

/// The welcome screen. With a saved session (`has_progress`) it offers "continue" and
/// "start over" (which asks before deleting: `clearing` is whether it is asking, how to
/// ask, and what deletes); it always offers opening a saved file.
pub(super) fn welcome(
    texts: &Texts,
    has_progress: bool,
    on_action: &Callback<Action>,
    clearing: (bool, &Callback<bool>, &Callback<()>),
    on_import: &Callback<Result<(Intake, u64), String>>,
) -> Html {
    let (confirming, on_ask, on_clear) = clearing;
    let start = on_action.reform(|_: MouseEvent| Action::Start);
    let start_label = texts.ui(if has_progress { ui!("ui.welcome.continue") } else { ui!("ui.welcome.start") });
    let mut intro = Markup::new();
    let heading = [("id", "bpi-welcome-title"), ("tabindex", "-1"), ("data-focus-heading", ""), ("class", "bpi-title")];
    intro.element("h2", &heading, texts.ui(ui!("ui.welcome.title")));
    intro.element("p", &[("class", "bpi-lead")], texts.ui(ui!("ui.welcome.lead")));
    intro.open("ul", &[("class", "bpi-welcome-points")]);
    for key in [
        ui!("ui.welcome.not_diagnosis"),
        ui!("ui.welcome.safety_first"),
        ui!("ui.welcome.private"),
        ui!("ui.welcome.time"),
    ] {
        intro.element("li", &[], texts.ui(key));
    }
    intro.close("ul");
    html! {
        <section class="bpi-welcome" aria-labelledby="bpi-welcome-title">
            { into_html(intro) }
            <div class="bpi-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="next" onclick={start}>
                    { start_label }
                </button>
                if has_progress {
                    { clear_data(texts, ui!("ui.welcome.start_over"), confirming, on_ask, on_clear) }
                }
                { import_button(texts, on_import) }
            </div>
        </section>
    }
}
