//! The static parts of the screens around the inputs: the welcome, a step's heading, the
//! emergency guidance and a shared result's heading. Each heading that takes the focus
//! on a new screen carries `data-focus-heading`.

use super::html::Write;
use super::texts::Texts;
use crate::domain::questionnaire::StepId;
use crate::domain::screening::Triage;
use crate::domain::text::{self, Part, UiKey};

/// The welcome's heading (`bpi-welcome-title`), lead and what to expect.
pub fn welcome_intro<W: Write>(m: &mut W, texts: &Texts) {
    let heading = [("id", "bpi-welcome-title"), ("tabindex", "-1"), ("data-focus-heading", ""), ("class", "bpi-title")];
    m.element("h2", &heading, texts.ui(ui!("ui.welcome.title")));
    m.element("p", &[("class", "bpi-lead")], texts.ui(ui!("ui.welcome.lead")));
    m.open("ul", &[("class", "bpi-welcome-points")]);
    for key in [
        ui!("ui.welcome.not_diagnosis"),
        ui!("ui.welcome.safety_first"),
        ui!("ui.welcome.private"),
        ui!("ui.welcome.time"),
    ] {
        m.element("li", &[], texts.ui(key));
    }
    m.close("ul");
}

/// The id of a step's heading, which labels its section.
pub fn step_title_id(step: StepId) -> String {
    ["bpi-step-", step.as_str()].concat()
}

/// A step's heading (`bpi-step-<step>`), introduction and the note on required questions.
pub fn step_head<W: Write>(m: &mut W, texts: &Texts, step: StepId) {
    let title_id = step_title_id(step);
    let heading =
        [("id", title_id.as_str()), ("tabindex", "-1"), ("data-focus-heading", ""), ("class", "bpi-step-title")];
    m.element("h2", &heading, texts.lookup(&text::step_key(step, Part::Title)));
    m.element("p", &[("class", "bpi-step-intro")], texts.lookup(&text::step_key(step, Part::Intro)));
    m.element("p", &[("class", "bpi-required-note")], texts.ui(ui!("ui.step.required_note")));
}

/// The emergency guidance (`bpi-emergency-title`), with the clinic's local emergency
/// number as a link when it set one.
pub fn emergency_guidance<W: Write>(m: &mut W, texts: &Texts, emergency_number: Option<&str>) {
    m.element("h2", &[("id", "bpi-emergency-title")], texts.lookup(&text::triage_key(Triage::Emergency, Part::Title)));
    m.element("p", &[], texts.lookup(&text::triage_key(Triage::Emergency, Part::Body)));
    if let Some(number) = emergency_number {
        let label = texts.format_ui(ui!("ui.emergency.call"), &[("number", number)]);
        m.open("p", &[("class", "bpi-call")]);
        m.element("a", &[("href", &["tel:", number].concat())], &label).close("p");
    }
    m.element("p", &[], texts.ui(ui!("ui.emergency.no_massage")));
}

/// A shared result's heading (`bpi-shared-title`) and first paragraph, and a note
/// (`data-notice="new-questions"`) when `note` is given.
pub fn shared_heading<W: Write>(m: &mut W, texts: &Texts, title: UiKey, body: UiKey, note: Option<UiKey>) {
    m.element("h2", &[("id", "bpi-shared-title"), ("tabindex", "-1"), ("data-focus-heading", "")], texts.ui(title));
    m.element("p", &[], texts.ui(body));
    if let Some(note) = note {
        m.element("p", &[("role", "status"), ("data-notice", "new-questions"), ("class", "bpi-note")], texts.ui(note));
    }
}
