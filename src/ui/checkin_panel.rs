//! The check-in section: the native view's head and history around the form.

use yew::prelude::*;

use super::markup::{into_html, Markup};
use super::texts::Texts;
use crate::domain::{Intake, Progress};
use crate::view::checkin::{checkin_head, checkin_history};
use crate::view::Press;

/// The progress message, the check-in form, the chart and the history. `form` is `None`
/// for a shared result, which shows the history but takes no check-ins.
pub(super) fn checkin_panel(
    texts: &Texts,
    intake: &Intake,
    progress: Progress,
    form: Option<Html>,
    on_press: &Callback<Press>,
) -> Html {
    let mut head = Markup::new();
    checkin_head(&mut head, texts, progress);
    let mut history = Markup::with_presses(on_press);
    checkin_history(&mut history, texts, intake, form.is_some());
    html! {
        <section class="bpi-panel bpi-checkins" aria-labelledby="bpi-checkin-title">
            { into_html(head) }
            { form }
            { into_html(history) }
        </section>
    }
}
