//! Check-ins: how the pain has gone since the intake, a form to add one, the chart and
//! the list of those recorded.

use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::progress_chart::progress_chart;
use super::texts::Texts;
use crate::domain::text;
use crate::domain::{Intake, Progress};

/// The progress message, a note that the plan books less often once the pain eases, the
/// check-in form, the pain chart (the intake first) and the history. `form` is
/// `None` for a shared result, which shows the history but takes no check-ins; otherwise
/// each entry has a remove button (`data-remove-checkin="<index>"`, handled by the
/// results' delegated listener).
pub(super) fn checkin_panel(texts: &Texts, intake: &Intake, progress: Progress, form: Option<Html>) -> Html {
    let mut head = Markup::new();
    head.element("h3", &[("id", "bpi-checkin-title")], texts.ui(ui!("ui.checkin.title")));
    head.element("p", &[], texts.ui(ui!("ui.checkin.intro")));
    head.element(
        "p",
        &[("class", "bpi-checkin-progress"), ("data-progress", progress.as_str())],
        texts.lookup(&text::progress_key(progress)),
    );
    head.element("p", &[], texts.ui(ui!("ui.checkin.frequency_moves")));

    let mut history = Markup::new();
    if intake.checkins.is_empty() {
        history.element("p", &[], texts.ui(ui!("ui.checkin.none")));
    } else {
        progress_chart(&mut history, texts, intake);
        history.element("h4", &[], texts.ui(ui!("ui.checkin.history")));
        history.open("ol", &[("class", "bpi-checkin-list")]);
        for (index, checkin) in intake.checkins.iter().enumerate() {
            let date = texts.date(checkin.date);
            let entry = texts.format_ui(
                ui!("ui.checkin.entry"),
                &[
                    ("date", &date),
                    ("pain_now", &checkin.pain_now.to_string()),
                    ("pain_worst", &checkin.pain_worst_week.to_string()),
                    ("sessions", &checkin.sessions.to_string()),
                ],
            );
            history.open("li", &[("class", "bpi-checkin-entry")]).text(&entry);
            if form.is_some() {
                let label = texts.format_ui(ui!("ui.checkin.remove_label"), &[("date", &date)]);
                let attributes = [
                    ("type", "button"),
                    ("class", "bpi-button bpi-button--small bpi-checkin-remove"),
                    ("aria-label", label.as_str()),
                    ("data-remove-checkin", &index.to_string()),
                ];
                history.text(" ").element("button", &attributes, texts.ui(ui!("ui.checkin.remove")));
            }
            history.close("li");
        }
        history.close("ol");
    }
    html! {
        <section class="bpi-panel bpi-checkins" aria-labelledby="bpi-checkin-title">
            { into_html(head) }
            { form }
            { into_html(history) }
        </section>
    }
}
