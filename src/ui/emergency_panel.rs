//! The emergency guidance, shown the moment an emergency sign is ticked, on every screen.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::session::Action;

/// The emergency guidance, with a button to the summary unless the screen has its own
/// results button (`data-action="results"` stays unique on the page).
pub(super) fn emergency_panel(texts: &Texts, results_button: bool, on_action: &Callback<Action>) -> Html {
    let results = on_action.reform(|_: MouseEvent| Action::ShowResults);
    html! {
        <section class="bpi-emergency" role="alert" data-notice="emergency" aria-labelledby="bpi-emergency-title">
            <h2 id="bpi-emergency-title">{ texts.t("triage.emergency.title") }</h2>
            <p>{ texts.t("triage.emergency.body") }</p>
            <p>{ texts.t("ui.emergency.no_massage") }</p>
            if results_button {
                <button type="button" class="bpi-button bpi-button--danger" data-action="results" onclick={results}>
                    { texts.t("ui.emergency.summary") }
                </button>
            }
        </section>
    }
}
