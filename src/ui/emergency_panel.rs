//! The emergency guidance, shown the moment an emergency sign is ticked, on every screen.

use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::texts::Texts;
use crate::domain::session::Action;

/// The emergency guidance, with the local emergency number when the clinic set one, and
/// a button to the summary unless the screen has its own results button
/// (`data-action="results"` stays unique on the page).
pub(super) fn emergency_panel(
    texts: &Texts,
    emergency_number: Option<&str>,
    results_button: bool,
    on_action: &Callback<Action>,
) -> Html {
    let results = on_action.reform(|_: MouseEvent| Action::ShowResults);
    let mut guidance = Markup::new();
    guidance.element("h2", &[("id", "bpi-emergency-title")], texts.t("triage.emergency.title"));
    guidance.element("p", &[], texts.t("triage.emergency.body"));
    if let Some(number) = emergency_number {
        let label = texts.format_ui(ui!("ui.emergency.call"), &[("number", number)]);
        guidance.open("p", &[("class", "bpi-call")]);
        guidance.element("a", &[("href", &format!("tel:{number}"))], &label).close("p");
    }
    guidance.element("p", &[], texts.ui(ui!("ui.emergency.no_massage")));
    html! {
        <section class="bpi-emergency" role="alert" data-notice="emergency" aria-labelledby="bpi-emergency-title">
            { into_html(guidance) }
            if results_button {
                <button type="button" class="bpi-button bpi-button--danger" data-action="results" onclick={results}>
                    { texts.ui(ui!("ui.emergency.summary")) }
                </button>
            }
        </section>
    }
}
