//! The welcome screen: what this is and is not, privacy, time, start or continue.

use yew::prelude::*;

use super::clear_data::clear_data;
use super::import_button::import_button;
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
    html! {
        <section class="bpi-welcome" aria-labelledby="bpi-welcome-title">
            <h2 id="bpi-welcome-title" class="bpi-title" tabindex="-1" data-focus-heading="">{ texts.ui(ui!("ui.welcome.title")) }</h2>
            <p class="bpi-lead">{ texts.ui(ui!("ui.welcome.lead")) }</p>
            <ul class="bpi-welcome-points">
                <li>{ texts.ui(ui!("ui.welcome.not_diagnosis")) }</li>
                <li>{ texts.ui(ui!("ui.welcome.safety_first")) }</li>
                <li>{ texts.ui(ui!("ui.welcome.private")) }</li>
                <li>{ texts.ui(ui!("ui.welcome.time")) }</li>
            </ul>
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
