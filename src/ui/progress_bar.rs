//! The progress bar: the native view (`view::step::progress`), its step buttons pressed
//! into actions.

use yew::prelude::*;

use super::markup::{into_html, Markup};
use super::step_view::step_presses;
use super::texts::Texts;
use crate::domain::questionnaire::StepId;
use crate::domain::session::Action;
use crate::view::step::progress;

/// The step names (reachable ones are buttons, `data-goto="<step>"`), the current step
/// marked, and "Step n of 6, p% done" with a meter.
pub(super) fn progress_bar(
    texts: &Texts,
    here: StepId,
    reachable: &[StepId],
    percent: u8,
    on_action: &Callback<Action>,
) -> Html {
    let mut m = Markup::with_presses(&step_presses(on_action));
    progress(&mut m, texts, here, reachable, percent);
    into_html(m)
}
