//! Check-ins: how the pain has gone since the intake, a form to add one, the chart and
//! the list of those recorded.

use yew::prelude::*;

use super::checkin_form::CheckInForm;
use super::markup::{panel, para};
use super::progress_chart::progress_chart;
use super::texts::Texts;
use crate::domain::session::Action;
use crate::domain::{Intake, Progress};

/// The progress message, a note that the plan books less often once the pain eases, the
/// check-in form, the pain chart (the intake first) and the history, each entry with a
/// remove button that sends [`Action::RemoveCheckIn`].
pub(super) fn checkin_panel(texts: &Texts, intake: &Intake, progress: Progress, on_action: &Callback<Action>) -> Html {
    let history = intake.checkins.iter().enumerate().map(|(index, checkin)| {
        let date = checkin.date.to_string();
        let entry = texts.format(
            "ui.checkin.entry",
            &[
                ("date", &date),
                ("pain_now", &checkin.pain_now.to_string()),
                ("pain_worst", &checkin.pain_worst_week.to_string()),
                ("sessions", &checkin.sessions.to_string()),
            ],
        );
        html! {
            <li key={index} class="bpi-checkin-entry">
                { entry }{ " " }
                <button type="button" class="bpi-button bpi-button--small bpi-checkin-remove"
                        aria-label={texts.format("ui.checkin.remove_label", &[("date", &date)])}
                        onclick={on_action.reform(move |_: MouseEvent| Action::RemoveCheckIn(index))}>
                    { texts.t("ui.checkin.remove") }
                </button>
            </li>
        }
    });
    let body = html! {
        <>
            { para(None, texts.t("ui.checkin.intro").into()) }
            <p class="bpi-checkin-progress" data-progress={progress.as_str()}>{ texts.t(&format!("progress.{progress}")) }</p>
            { para(None, texts.t("ui.checkin.frequency_moves").into()) }
            <CheckInForm on_action={on_action.clone()} />
            if intake.checkins.is_empty() {
                { para(None, texts.t("ui.checkin.none").into()) }
            } else {
                { progress_chart(texts, intake) }
                <h4>{ texts.t("ui.checkin.history") }</h4>
                <ol class="bpi-checkin-list">{ for history }</ol>
            }
        </>
    };
    panel("bpi-panel bpi-checkins", "bpi-checkin-title", texts.t("ui.checkin.title").into(), body)
}
