//! The welcome back: a person who returns to saved results first sees their last check-in
//! and "How is your back today?", answered in three taps (pain now, worst this week,
//! save), then what the check-in changed and an offer to share it.
//!
//! DOM hooks: the panel carries `data-welcome-back`, its save button
//! `data-action="quick-checkin"`, and "see all my results" `data-action="see-results"`.

use yew::html::onsubmit;
use yew::prelude::*;

use super::checkin_form::CheckInFormState;
use super::markup::{into_html, Markup, Write};
use super::texts::Texts;
use crate::browser;
use crate::domain::checkins::MAX_SESSIONS;
use crate::domain::text;
use crate::domain::{Assessment, Intake};
use crate::view::progress_chart::progress_chart;
use crate::view::step::scale;
use crate::view::Press;

/// The panel; `onsubmit` reads the form as the check-in form does (same field names).
pub(super) fn welcome_back(
    texts: &Texts,
    intake: &Intake,
    assessment: &Assessment,
    state: CheckInFormState,
    onsubmit: Callback<SubmitEvent>,
    on_press: &Callback<Press>,
) -> Html {
    let mut m = Markup::with_presses(on_press);
    let section =
        [("class", "bpi-panel bpi-welcome-back"), ("aria-labelledby", "bpi-back-title"), ("data-welcome-back", "")];
    m.open("section", &section).element("h3", &[("id", "bpi-back-title")], texts.ui(ui!("ui.back.title")));
    match intake.checkins.last() {
        Some(last) if !state.saved => {
            let (date, pain) = (texts.date(last.date), last.pain_now.to_string());
            m.element("p", &[], &texts.format_ui(ui!("ui.back.last"), &[("date", &date), ("pain_now", &pain)]));
        }
        Some(_) => {}
        None => {
            m.element("p", &[], texts.ui(ui!("ui.back.first")));
        }
    }
    if state.saved {
        let frequency = assessment.plan.frequency.map(|f| texts.lookup(&text::frequency_key(f))).unwrap_or_default();
        let saved = texts.format_ui(ui!("ui.back.saved"), &[("frequency", frequency)]);
        m.element("p", &[("role", "status"), ("data-notice", "checkin-saved"), ("class", "bpi-checkin-saved")], &saved);
        progress_chart(&mut m, texts, intake);
        m.open("button", &[("type", "button"), ("class", "bpi-button bpi-button--primary")]);
        m.press(Press::ShareUpdate).text(texts.ui(ui!("ui.back.share"))).close("button");
    } else {
        m.open("form", &[("class", "bpi-quick-checkin"), ("novalidate", "")]).listen(onsubmit::Wrapper::new(onsubmit));
        m.open("fieldset", &[("class", "bpi-fieldset")]);
        m.element("legend", &[("class", "bpi-back-question")], texts.ui(ui!("ui.back.question")));
        // The intake's own 0 to 10 scales, under the names the check-in form reads.
        for (name, label) in [("pain_now", ui!("ui.back.pain_now")), ("pain_worst_week", ui!("ui.back.pain_worst"))] {
            m.open("fieldset", &[("class", "bpi-fieldset")]).element("legend", &[], texts.ui(label));
            scale(&mut m, texts, name, 0..=10, None);
            m.close("fieldset");
        }
        let max = MAX_SESSIONS.to_string();
        m.open("div", &[("class", "bpi-field")]);
        m.element("label", &[("for", "bpi-back-sessions")], texts.ui(ui!("ui.checkin.sessions")));
        let number = [
            ("id", "bpi-back-sessions"),
            ("name", "sessions"),
            ("type", "number"),
            ("value", "0"),
            ("min", "0"),
            ("max", &max),
            ("inputmode", "numeric"),
        ];
        m.open("input", &number).close("input").close("div");
        m.open("input", &[("type", "hidden"), ("name", "date"), ("value", &browser::today())]).close("input");
        if let Some(field) = state.error {
            let attributes = [("role", "alert"), ("data-notice", "checkin-invalid"), ("class", "bpi-field-error")];
            m.element("p", &attributes, texts.ui(field.error_key()));
        }
        let submit =
            [("type", "submit"), ("class", "bpi-button bpi-button--primary"), ("data-action", "quick-checkin")];
        m.element("button", &submit, texts.ui(ui!("ui.checkin.submit")));
        m.close("fieldset").close("form");
    }
    m.text(" ").open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "see-results")]);
    m.press(Press::LeaveWelcomeBack).text(texts.ui(ui!("ui.back.see_all"))).close("button");
    m.close("section");
    into_html(m)
}
