//! One question, drawn by its control: a number field, a 0-10 scale, radio buttons,
//! checkboxes, or a yes/no or agree/disagree pair.
//!
//! DOM hooks: the container carries `data-question="<id>"`; every choice input's `value`
//! is its code (`true`/`false` for yes/no, the number for a scale point).

use yew::prelude::*;

use super::state::use_value;
use super::texts::{use_texts, Texts};
use crate::browser::perf;
use crate::domain::input::{answer_for_choice, parse_typed_number, NONE_OF_THESE};
use crate::domain::intake::{Answer, AnswerSet, CodeSet};
use crate::domain::question::{Kind, QuestionId};
use crate::domain::questionnaire::{Control, Question};
use crate::domain::session::Action;
use crate::domain::text::{option_key, question_key};

/// Sends an answer (or takes it back), marking the moment for the render timing.
pub(super) fn send(on_action: &Callback<Action>, id: QuestionId, answer: Option<Answer>) {
    perf::mark_answer();
    on_action.emit(match answer {
        Some(answer) => Action::Answer(id, answer),
        None => Action::Unanswer(id),
    });
}

/// The delegated `change` listener of a step's form: reads which choice input changed
/// (its `name` is `bpi-<question id>`, its `value` the code) and sends the answer the
/// domain makes of it. One listener for every radio button and checkbox keeps the bundle
/// small; number fields answer through their own input listener.
pub(super) fn on_choice_change(answers: AnswerSet, on_action: Callback<Action>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        if !matches!(input.type_().as_str(), "radio" | "checkbox") {
            return;
        }
        let Some(id) = input.name().strip_prefix("bpi-").and_then(QuestionId::from_code) else {
            return;
        };
        if let Some(answer) = answer_for_choice(id, answers.get(id), &input.value(), input.checked()) {
            send(&on_action, id, answer);
        }
    })
}

/// One question: its label or legend, help, error and control.
pub(super) fn question_field(
    texts: &Texts,
    question: &'static Question,
    answer: Option<Answer>,
    invalid: bool,
    on_action: &Callback<Action>,
) -> Html {
    let id = question.id;
    let help_id = format!("bpi-help-{id}");
    let error_id = format!("bpi-error-{id}");
    let mut described = Vec::new();
    if question.help {
        described.push(help_id.clone());
    }
    if invalid {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let label = texts.t(&question_key(id, "label")).to_owned();
    let help = question.help.then(|| {
        html! { <p class="bpi-help" id={help_id.clone()}>{ texts.t(&question_key(id, "help")) }</p> }
    });
    let error = invalid.then(|| {
        html! { <p class="bpi-field-error" id={error_id.clone()}>{ texts.ui(ui!("ui.field.required")) }</p> }
    });
    let required = question.required.then(|| {
        html! { <span class="bpi-required" aria-hidden="true">{ " *" }</span> }
    });
    let class = if invalid { "bpi-q bpi-q--invalid" } else { "bpi-q" };
    let container_id = format!("bpi-q-{id}");

    if question.control == Control::Number {
        return html! {
            <div key={id.as_str()} {class} id={container_id} data-question={id.as_str()}>
                <label class="bpi-q-label" for={format!("bpi-in-{id}")}>{ label }{ required }</label>
                { help }
                { error }
                <NumberInput {question} {answer} {invalid} {described} on_action={on_action.clone()} />
            </div>
        };
    }
    html! {
        <div key={id.as_str()} {class} id={container_id} data-question={id.as_str()}>
            <fieldset class="bpi-fieldset" aria-describedby={described}>
                <legend class="bpi-q-label">{ label }{ required }</legend>
                { help }
                { error }
                { choice_options(texts, question, answer) }
            </fieldset>
        </div>
    }
}

/// One radio button or checkbox with its label.
fn option(
    name: &str,
    kind: &'static str,
    value: &str,
    checked: bool,
    label: &str,
    extra_class: Option<&'static str>,
) -> Html {
    let input_id = format!("{name}-{value}");
    html! {
        <label class={extra_class.unwrap_or("bpi-option")} for={input_id.clone()}>
            <input type={kind} id={input_id} name={name.to_owned()} value={value.to_owned()} {checked}
                   data-none={(value == NONE_OF_THESE).then_some("true")} />
            <span>{ label.to_owned() }</span>
        </label>
    }
}

/// The radio buttons or checkboxes of a choice, scale or yes/no question.
fn choice_options(texts: &Texts, question: &'static Question, answer: Option<Answer>) -> Html {
    let id = question.id;
    let name = format!("bpi-{id}");
    match (id.kind(), question.control) {
        (Kind::Integer { min, max }, _) => {
            let chosen = match answer {
                Some(Answer::Integer(n)) => Some(n),
                _ => None,
            };
            html! {
                <>
                    <p class="bpi-scale-anchors" aria-hidden="true">
                        <span>{ texts.ui(ui!("ui.scale.low")) }</span><span>{ texts.ui(ui!("ui.scale.high")) }</span>
                    </p>
                    <div class="bpi-scale">
                        { for (min..=max).map(|n| {
                            let input_id = format!("{name}-{n}");
                            let label = match n {
                                0 => texts.format_ui(ui!("ui.scale.point_low"), &[("n", "0")]),
                                10 => texts.format_ui(ui!("ui.scale.point_high"), &[("n", "10")]),
                                _ => n.to_string(),
                            };
                            html! {
                                <span class="bpi-scale-point">
                                    <input type="radio" id={input_id.clone()} name={name.clone()} value={n.to_string()}
                                           checked={chosen == Some(n)} />
                                    <label for={input_id} aria-label={label}>{ n }</label>
                                </span>
                            }
                        }) }
                    </div>
                </>
            }
        }
        (Kind::Bool, control) => {
            let (yes, no) = if control == Control::AgreeDisagree {
                ("common.agree", "common.disagree")
            } else {
                ("common.yes", "common.no")
            };
            let chosen = match answer {
                Some(Answer::Bool(b)) => Some(b),
                _ => None,
            };
            html! {
                <div class="bpi-options bpi-options--pair">
                    { option(&name, "radio", "true", chosen == Some(true), texts.t(yes), None) }
                    { option(&name, "radio", "false", chosen == Some(false), texts.t(no), None) }
                </div>
            }
        }
        (kind, _) => {
            let many = matches!(kind, Kind::Many { .. });
            let codes = kind.codes();
            let checked = |position: usize| match answer {
                Some(Answer::One(p)) => usize::from(p) == position,
                Some(Answer::Many(set)) => set.contains_position(position),
                _ => false,
            };
            let input = if many { "checkbox" } else { "radio" };
            // A required list that may be empty (the conditions) needs an explicit
            // "none of these": an untouched list must not read as "none".
            let none_option = matches!(kind, Kind::Many { min: 0, .. } if question.required).then(|| {
                let chosen = answer == Some(Answer::Many(CodeSet::EMPTY));
                option(
                    &name,
                    "checkbox",
                    NONE_OF_THESE,
                    chosen,
                    texts.ui(ui!("ui.field.none_of_these")),
                    Some("bpi-option bpi-option--none"),
                )
            });
            html! {
                <div class={if many { "bpi-options bpi-options--many" } else { "bpi-options" }}>
                    { for question.codes.iter().filter_map(|code| codes.iter().position(|c| c == code).map(|p| (p, code))).map(|(position, code)| {
                        option(&name, input, code, checked(position), texts.lookup(&option_key(id, code)), None)
                    }) }
                    { none_option }
                </div>
            }
        }
    }
}

#[derive(Properties)]
struct NumberInputProps {
    question: &'static Question,
    answer: Option<Answer>,
    invalid: bool,
    described: Option<String>,
    on_action: Callback<Action>,
}

/// The question by address: each is one entry of the static questionnaire.
impl PartialEq for NumberInputProps {
    fn eq(&self, other: &NumberInputProps) -> bool {
        std::ptr::eq(self.question, other.question)
            && self.answer == other.answer
            && self.invalid == other.invalid
            && self.described == other.described
            && self.on_action == other.on_action
    }
}

/// A number field that keeps what the person types, even when it is not yet a valid
/// answer, and says what is wrong once they leave the field.
#[component]
fn NumberInput(props: &NumberInputProps) -> Html {
    let texts = use_texts();
    let id = props.question.id;
    let shown = |answer: Option<Answer>| match answer {
        Some(Answer::Integer(n)) => n.to_string(),
        _ => String::new(),
    };
    let raw = use_value(|| shown(props.answer));
    let problem = use_value(|| false);
    // Follow changes from elsewhere (another tab, a reset) unless the field already
    // shows that value.
    {
        let raw = raw.clone();
        use_effect_with(props.answer, move |answer| {
            let same = parse_typed_number(id, &raw.borrow()).ok().flatten() == *answer;
            if !same {
                raw.set(shown(*answer));
            }
        });
    }
    let oninput = {
        let raw = raw.clone();
        let problem = problem.clone();
        let on_action = props.on_action.clone();
        let answer = props.answer;
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let text = input.value();
            let parsed = parse_typed_number(id, &text);
            if parsed.is_ok() {
                problem.set(false);
            }
            let next = parsed.ok().flatten();
            if next != answer {
                send(&on_action, id, next);
            }
            raw.set(text);
        })
    };
    let onblur = {
        let raw = raw.clone();
        let problem = problem.clone();
        Callback::from(move |_: FocusEvent| {
            let wrong = parse_typed_number(id, &raw.borrow()).is_err();
            problem.set(wrong)
        })
    };
    let (min, max) = match id.kind() {
        Kind::Integer { min, max } => (min, max),
        _ => (0, 0),
    };
    let range_id = format!("bpi-range-{id}");
    let described = match &props.described {
        Some(d) if problem.get() => Some(format!("{d} {range_id}")),
        Some(d) => Some(d.clone()),
        None => problem.get().then(|| range_id.clone()),
    };
    html! {
        <>
            <input type="number" class="bpi-number" id={format!("bpi-in-{id}")} name={format!("bpi-{id}")}
                   inputmode="numeric" min={min.to_string()} max={max.to_string()} step="1" value={raw.borrow().clone()}
                   aria-invalid={(props.invalid || problem.get()).then_some("true")} aria-describedby={described}
                   aria-required={props.question.required.then_some("true")} autocomplete="off" {oninput} {onblur} />
            if problem.get() {
                <p class="bpi-field-error" id={range_id}>
                    { texts.format_ui(ui!("ui.field.range"), &[("min", &min.to_string()), ("max", &max.to_string())]) }
                </p>
            }
        </>
    }
}
