//! Check-ins: how the pain has gone since the intake, the chart and the list of those
//! recorded. (The form to add one is an input, in `ui::checkin_form`.)

use super::html::Write;
use super::progress_chart::progress_chart;
use super::texts::Texts;
use super::Press;
use crate::domain::text;
use crate::domain::{Intake, Progress};

/// The heading (`bpi-checkin-title`), the progress message (`data-progress`) and a note
/// that the plan books less often once the pain eases.
pub fn checkin_head<W: Write>(m: &mut W, texts: &Texts, progress: Progress) {
    m.element("h3", &[("id", "bpi-checkin-title")], texts.ui(ui!("ui.checkin.title")));
    m.element("p", &[], texts.ui(ui!("ui.checkin.intro")));
    m.element(
        "p",
        &[("class", "bpi-checkin-progress"), ("data-progress", progress.as_str())],
        texts.lookup(&text::progress_key(progress)),
    );
    m.element("p", &[], texts.ui(ui!("ui.checkin.frequency_moves")));
}

/// The pain chart (the intake first) and the history. With `removable` (the person's
/// own results, not a shared one) each entry has a remove button
/// (`data-remove-checkin="<index>"`, pressed as [`Press::RemoveCheckIn`]).
pub fn checkin_history<W: Write>(m: &mut W, texts: &Texts, intake: &Intake, removable: bool) {
    if intake.checkins.is_empty() {
        m.element("p", &[], texts.ui(ui!("ui.checkin.none")));
        return;
    }
    progress_chart(m, texts, intake);
    m.element("h4", &[], texts.ui(ui!("ui.checkin.history")));
    m.open("ol", &[("class", "bpi-checkin-list")]);
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
        m.open("li", &[("class", "bpi-checkin-entry")]).text(&entry);
        if removable {
            let label = texts.format_ui(ui!("ui.checkin.remove_label"), &[("date", &date)]);
            let attributes = [
                ("type", "button"),
                ("class", "bpi-button bpi-button--small bpi-checkin-remove"),
                ("aria-label", label.as_str()),
                ("data-remove-checkin", &index.to_string()),
            ];
            m.text(" ").open("button", &attributes).press(Press::RemoveCheckIn(index));
            m.text(texts.ui(ui!("ui.checkin.remove"))).close("button");
        }
        m.close("li");
    }
    m.close("ol");
}
