//! The check-in form: the day, the pain now, the worst pain this week and the sessions
//! since the last check-in.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::texts::use_texts;
use crate::browser;
use crate::domain::checkins::{CheckIn, Date, MAX_SESSIONS};
use crate::domain::session::Action;

#[derive(Properties, PartialEq)]
pub struct CheckInFormProps {
    pub on_action: Callback<Action>,
}

/// The form's fields, in order; each one's position is its index in [`FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Date,
    PainNow,
    PainWorst,
    Sessions,
}

/// Each field with its input name, label key and largest value (none for the date).
const FIELDS: [(Field, &str, &str, Option<u8>); 4] = [
    (Field::Date, "date", "ui.checkin.date", None),
    (Field::PainNow, "pain_now", "ui.checkin.pain_now", Some(10)),
    (Field::PainWorst, "pain_worst_week", "ui.checkin.pain_worst", Some(10)),
    (Field::Sessions, "sessions", "ui.checkin.sessions", Some(MAX_SESSIONS)),
];

impl Field {
    /// The text key of the message shown when this field is not valid.
    fn error_key(self) -> &'static str {
        match self {
            Field::Date => "ui.checkin.error_date",
            Field::PainNow | Field::PainWorst => "ui.checkin.error_pain",
            Field::Sessions => "ui.checkin.error_sessions",
        }
    }
}

/// The value typed into an input, or nothing when the input is not there.
fn value_of(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>().map(|input| input.value()).unwrap_or_default()
}

/// Reads the form: the check-in, or the first field that is not valid. The date must be
/// a real day ([`Date::parse`]); the numbers whole and within their ranges.
fn read(nodes: &[NodeRef; 4]) -> Result<CheckIn, Field> {
    let number = |field: Field| {
        let (_, _, _, max) = FIELDS[field as usize];
        let value = value_of(&nodes[field as usize]).trim_ascii().parse::<u8>().ok();
        value.filter(|n| *n <= max.unwrap_or(0)).ok_or(field)
    };
    Ok(CheckIn {
        date: Date::parse(value_of(&nodes[Field::Date as usize]).trim_ascii()).ok_or(Field::Date)?,
        pain_now: number(Field::PainNow)?,
        pain_worst_week: number(Field::PainWorst)?,
        sessions: number(Field::Sessions)?,
    })
}

/// The four inputs (the date defaulting to today) and a save button
/// (`data-action="checkin"`). A valid form sends [`Action::RecordCheckIn`]; otherwise the
/// first field in error is named in an inline alert, marked invalid and focused.
#[component]
pub fn CheckInForm(props: &CheckInFormProps) -> Html {
    let texts = use_texts();
    let today = use_state(browser::today);
    let error = use_state(|| None::<Field>);
    let saved = use_state(|| false);
    let nodes = [use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref()];

    let onsubmit = {
        let (error, saved, on_action, nodes) = (error.clone(), saved.clone(), props.on_action.clone(), nodes.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = read(&nodes);
            saved.set(result.is_ok());
            error.set(result.as_ref().err().copied());
            match result {
                Ok(checkin) => on_action.emit(Action::RecordCheckIn(checkin)),
                Err(field) => {
                    if let Some(input) = nodes[field as usize].cast::<HtmlInputElement>() {
                        // Focus can be refused; the message still names the problem.
                        let _ = input.focus();
                    }
                }
            }
        })
    };
    let fields = FIELDS.iter().zip(&nodes).map(|(&(field, name, label, max), node)| {
        let id = format!("bpi-checkin-{name}");
        let invalid = *error == Some(field);
        let (kind, value) = match field {
            Field::Date => ("date", Some((*today).clone())),
            Field::Sessions => ("number", Some("0".to_owned())),
            Field::PainNow | Field::PainWorst => ("number", None),
        };
        html! {
            <div class="bpi-field">
                <label for={id.clone()}>{ texts.t(label) }</label>
                <input {id} {name} type={kind} ref={node.clone()} {value} min={max.map(|_| "0")}
                       max={max.map(|m| m.to_string())} step={max.map(|_| "1")} inputmode={max.map(|_| "numeric")}
                       aria-invalid={invalid.then_some("true")} aria-describedby={invalid.then_some("bpi-checkin-error")} />
            </div>
        }
    });
    html! {
        <form class="bpi-checkin-form" novalidate=true {onsubmit}>
            <fieldset class="bpi-fieldset">
                <legend>{ texts.t("ui.checkin.form_title") }</legend>
                { for fields }
                if let Some(field) = *error {
                    <p class="bpi-field-error" id="bpi-checkin-error" role="alert" data-notice="checkin-invalid">
                        { texts.t(field.error_key()) }
                    </p>
                }
                if *saved {
                    <p class="bpi-checkin-saved" role="status" data-notice="checkin-saved">{ texts.t("ui.checkin.saved") }</p>
                }
                <button type="submit" class="bpi-button bpi-button--primary" data-action="checkin">
                    { texts.t("ui.checkin.submit") }
                </button>
            </fieldset>
        </form>
    }
}
