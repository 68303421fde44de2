//! The emergency guidance, shown the moment an emergency sign is ticked, on every screen.

use yew::prelude::*;

use super::texts::use_texts;
use crate::domain::session::Action;

#[derive(Properties, PartialEq)]
pub struct EmergencyPanelProps {
    pub on_action: Callback<Action>,
    /// False where the screen already has its own results button (the last step), so
    /// that `data-action="results"` stays unique on the page.
    #[prop_or(true)]
    pub results_button: bool,
}

#[component]
pub fn EmergencyPanel(props: &EmergencyPanelProps) -> Html {
    let texts = use_texts();
    let results = props.on_action.reform(|_: MouseEvent| Action::ShowResults);
    html! {
        <section class="bpi-emergency" role="alert" data-notice="emergency" aria-labelledby="bpi-emergency-title">
            <h2 id="bpi-emergency-title">{ texts.t("triage.emergency.title") }</h2>
            <p>{ texts.t("triage.emergency.body") }</p>
            <p>{ texts.t("ui.emergency.no_massage") }</p>
            if props.results_button {
                <button type="button" class="bpi-button bpi-button--danger" data-action="results" onclick={results}>
                    { texts.t("ui.emergency.summary") }
                </button>
            }
        </section>
    }
}
