//! The check-in form: the day, the pain now, the worst pain this week and the sessions
//! since the last check-in.

use web_sys::HtmlInputElement;
use yew::html::onsubmit;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::state::Value;
use super::texts::Texts;
use crate::browser;
use crate::domain::checkins::{CheckIn, Date, MAX_SESSIONS};
use crate::domain::session::Action;
use crate::domain::text::UiKey;

/// The form's fields, in order; each one's position is its index in [`FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Date,
    PainNow,
    PainWorst,
    Sessions,
}

/// Each field with its input name, label key and largest value (none for the date).
const FIELDS: [(Field, &str, UiKey, Option<u8>); 4] = [
    (Field::Date, "date", ui!("ui.checkin.date"), None),
    (Field::PainNow, "pain_now", ui!("ui.checkin.pain_now"), Some(10)),
    (Field::PainWorst, "pain_worst_week", ui!("ui.checkin.pain_worst"), Some(10)),
    (Field::Sessions, "sessions", ui!("ui.checkin.sessions"), Some(MAX_SESSIONS)),
];

impl Field {
    /// The text key of the message shown when this field is not valid.
    pub(super) fn error_key(self) -> UiKey {
        match self {
            Field::Date => ui!("ui.checkin.error_date"),
            Field::PainNow | Field::PainWorst => ui!("ui.checkin.error_pain"),
            Field::Sessions => ui!("ui.checkin.error_sessions"),
        }
    }
}

/// The input of a field in the submitted form, found by its name; with `chosen`, of a
/// group of radio buttons (the welcome back's scales) only the one ticked.
fn input_of(form: &web_sys::Element, field: Field, chosen: bool) -> Option<HtmlInputElement> {
    let (_, name, _, _) = FIELDS[field as usize];
    let only = if chosen { ":is(:checked,:not([type=radio]))" } else { "" };
    let element = form.query_selector(&format!("[name=\"{name}\"]{only}")).ok()??;
    wasm_bindgen::JsCast::dyn_into(element).ok()
}

/// Reads the form: the check-in, or the first field that is not valid. The date must be
/// a real day ([`Date::parse`]); the numbers whole and within their ranges.
fn read(form: &web_sys::Element) -> Result<CheckIn, Field> {
    let value_of = |field: Field| input_of(form, field, true).map(|input| input.value()).unwrap_or_default();
    let number = |field: Field| {
        let (_, _, _, max) = FIELDS[field as usize];
        let value = value_of(field).trim_ascii().parse::<u8>().ok();
        value.filter(|n| *n <= max.unwrap_or(0)).ok_or(field)
    };
    Ok(CheckIn {
        date: Date::parse(value_of(Field::Date).trim_ascii()).ok_or(Field::Date)?,
        pain_now: number(Field::PainNow)?,
        pain_worst_week: number(Field::PainWorst)?,
        sessions: number(Field::Sessions)?,
    })
}

/// What the form last said: the field in error, or that the check-in was saved.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct CheckInFormState {
    pub error: Option<Field>,
    pub saved: bool,
}

/// The submit listener: a valid form sends [`Action::RecordCheckIn`]; otherwise the first
/// field in error is named, marked invalid and focused.
pub(super) fn on_checkin_submit(state: Value<CheckInFormState>, on_action: Callback<Action>) -> Callback<SubmitEvent> {
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let Some(form) = event.target_dyn_into::<web_sys::Element>() else {
            return;
        };
        let result = read(&form);
        state.set(CheckInFormState { error: result.as_ref().err().copied(), saved: result.is_ok() });
        match result {
            Ok(checkin) => on_action.emit(Action::RecordCheckIn(checkin)),
            Err(field) => {
                if let Some(input) = input_of(&form, field, false) {
                    // Focus can be refused; the message still names the problem.
                    let _ = input.focus();
                }
            }
        }
    })
}

/// The four inputs (the date defaulting to today) and a save button
/// (`data-action="checkin"`); the error or the confirmation of the last submit. When the
/// person has the most check-ins kept (`MAX_CHECKINS`) (`full`), it says so plainly instead.
pub(super) fn checkin_form(
    texts: &Texts,
    state: CheckInFormState,
    full: bool,
    onsubmit: Callback<SubmitEvent>,
) -> Html {
    let mut m = Markup::new();
    if full {
        let attributes = [("class", "bpi-note"), ("role", "status"), ("data-notice", "checkin-limit")];
        m.element("p", &attributes, texts.ui(ui!("ui.checkin.limit")));
        return into_html(m);
    }
    let today = browser::today();
    m.open("form", &[("class", "bpi-checkin-form"), ("novalidate", "")]).listen(onsubmit::Wrapper::new(onsubmit));
    m.open("fieldset", &[("class", "bpi-fieldset")]).element("legend", &[], texts.ui(ui!("ui.checkin.form_title")));
    for (field, name, label, max) in FIELDS {
        let id = ["bpi-checkin-", name].concat();
        let invalid = state.error == Some(field);
        let (kind, value) = match field {
            Field::Date => ("date", Some(today.as_str())),
            Field::Sessions => ("number", Some("0")),
            Field::PainNow | Field::PainWorst => ("number", None),
        };
        let max_text = max.map(|m| m.to_string()).unwrap_or_default();
        let number = max.is_some();
        let attributes = [
            ("id", id.as_str()),
            ("name", name),
            ("type", kind),
            (if value.is_some() { "value" } else { "" }, value.unwrap_or_default()),
            (if number { "min" } else { "" }, "0"),
            (if number { "max" } else { "" }, &max_text),
            (if number { "step" } else { "" }, "1"),
            (if number { "inputmode" } else { "" }, "numeric"),
            (if invalid { "aria-invalid" } else { "" }, "true"),
            (if invalid { "aria-describedby" } else { "" }, "bpi-checkin-error"),
        ];
        m.open("div", &[("class", "bpi-field")]).element("label", &[("for", &id)], texts.ui(label));
        m.open("input", &attributes).close("input").close("div");
    }
    // The error and the confirmation in slots of their own, as before, so that one never
    // becomes the other in place (each is announced as it appears).
    let (mut error, mut saved) = (Markup::new(), Markup::new());
    if let Some(field) = state.error {
        let attributes = [
            ("id", "bpi-checkin-error"),
            ("role", "alert"),
            ("data-notice", "checkin-invalid"),
            ("class", "bpi-field-error"),
        ];
        error.element("p", &attributes, texts.ui(field.error_key()));
    }
    if state.saved {
        let attributes = [("role", "status"), ("data-notice", "checkin-saved"), ("class", "bpi-checkin-saved")];
        saved.element("p", &attributes, texts.ui(ui!("ui.checkin.saved")));
    }
    m.child(into_html(error)).child(into_html(saved));
    let submit = [("type", "submit"), ("class", "bpi-button bpi-button--primary"), ("data-action", "checkin")];
    m.element("button", &submit, texts.ui(ui!("ui.checkin.submit")));
    m.close("fieldset").close("form");
    into_html(m)
}
