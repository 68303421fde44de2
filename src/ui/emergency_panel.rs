//! The emergency guidance, shown the moment an emergency sign is ticked, on every screen.

use yew::prelude::*;

use super::markup::{into_html, Markup};
use super::texts::Texts;
use crate::domain::session::Action;
use crate::view::screens::emergency_guidance;

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
    emergency_guidance(&mut guidance, texts, emergency_number);
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
