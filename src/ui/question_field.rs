//! One question, drawn by its control: a number field, a 0-10 scale, radio buttons,
//! checkboxes, or a yes/no or agree/disagree pair.
//!
//! DOM hooks: the container carries `data-question="<id>"`; every choice input's `value`
//! is its code (`true`/`false` for yes/no, the number for a scale point).

use yew::prelude::*;

use super::texts::{use_texts, Texts};
use crate::browser::perf;
use crate::domain::answers::{parse_typed_number, toggle_code, Answer, CodeSet};
use crate::domain::questionnaire::{Control, Kind, Question, QuestionId};
use crate::domain::session::Action;
use crate::domain::text::{option_key, question_key};

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    pub question: &'static Question,
    pub answer: Option<Answer>,
    /// The person tried to go on without answering this required question.
    pub invalid: bool,
    pub on_action: Callback<Action>,
}

/// Sends an answer (or takes it back), marking the moment for the render timing.
fn send(on_action: &Callback<Action>, id: QuestionId, answer: Option<Answer>) {
    perf::mark_answer();
    on_action.emit(match answer {
        Some(answer) => Action::Answer(id, answer),
        None => Action::Unanswer(id),
    });
}

#[component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let texts = use_texts();
    let question = props.question;
    let id = question.id;
    let help_id = format!("bpi-help-{id}");
    let error_id = format!("bpi-error-{id}");
    let mut described = Vec::new();
    if question.help {
        described.push(help_id.clone());
    }
    if props.invalid {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let label = texts.t(&question_key(id, "label")).to_owned();
    let help = question.help.then(|| {
        html! { <p class="bpi-help" id={help_id.clone()}>{ texts.t(&question_key(id, "help")) }</p> }
    });
    let error = props.invalid.then(|| {
        html! { <p class="bpi-field-error" id={error_id.clone()}>{ texts.t("ui.field.required") }</p> }
    });
    let required = question.required.then(|| {
        html! { <span class="bpi-required" aria-hidden="true">{ " *" }</span> }
    });
    let class = classes!("bpi-q", props.invalid.then_some("bpi-q--invalid"));
    let container_id = format!("bpi-q-{id}");

    if question.control == Control::Number {
        return html! {
            <div {class} id={container_id} data-question={id.as_str()}>
                <label class="bpi-q-label" for={format!("bpi-in-{id}")}>{ label }{ required }</label>
                { help }
                { error }
                <NumberInput {question} answer={props.answer} invalid={props.invalid}
                             described={described.clone()} on_action={props.on_action.clone()} />
            </div>
        };
    }

    let options = choice_options(&texts, props);
    html! {
        <div {class} id={container_id} data-question={id.as_str()}>
            <fieldset class="bpi-fieldset" aria-describedby={described}>
                <legend class="bpi-q-label">{ label }{ required }</legend>
                { help }
                { error }
                { options }
            </fieldset>
        </div>
    }
}

/// The radio buttons or checkboxes of a choice, scale or yes/no question.
fn choice_options(texts: &Texts, props: &QuestionFieldProps) -> Html {
    let question = props.question;
    let id = question.id;
    let name = format!("bpi-{id}");
    match (id.kind(), question.control) {
        (Kind::Integer { min, max }, _) => {
            let chosen = match props.answer {
                Some(Answer::Integer(n)) => Some(n),
                _ => None,
            };
            html! {
                <>
                    <p class="bpi-scale-anchors" aria-hidden="true">
                        <span>{ texts.t("ui.scale.low") }</span><span>{ texts.t("ui.scale.high") }</span>
                    </p>
                    <div class="bpi-scale">
                        { for (min..=max).map(|n| {
                            let on_action = props.on_action.clone();
                            let onchange = Callback::from(move |_: Event| send(&on_action, id, Some(Answer::Integer(n))));
                            let input_id = format!("bpi-{id}-{n}");
                            let label = match n {
                                0 => texts.format("ui.scale.point_low", &[("n", "0")]),
                                10 => texts.format("ui.scale.point_high", &[("n", "10")]),
                                _ => n.to_string(),
                            };
                            html! {
                                <span class="bpi-scale-point">
                                    <input type="radio" id={input_id.clone()} name={name.clone()} value={n.to_string()}
                                           checked={chosen == Some(n)} {onchange} />
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
            let chosen = match props.answer {
                Some(Answer::Bool(b)) => Some(b),
                _ => None,
            };
            html! {
                <div class="bpi-options bpi-options--pair">
                    { for [(true, yes), (false, no)].into_iter().map(|(value, key)| {
                        let on_action = props.on_action.clone();
                        let onchange = Callback::from(move |_: Event| send(&on_action, id, Some(Answer::Bool(value))));
                        let input_id = format!("bpi-{id}-{value}");
                        html! {
                            <label class="bpi-option" for={input_id.clone()}>
                                <input type="radio" id={input_id} name={name.clone()} value={value.to_string()}
                                       checked={chosen == Some(value)} {onchange} />
                                <span>{ texts.t(key) }</span>
                            </label>
                        }
                    }) }
                </div>
            }
        }
        (Kind::One(codes), _) => {
            let chosen = match props.answer {
                Some(Answer::One(p)) => Some(usize::from(p)),
                _ => None,
            };
            html! {
                <div class="bpi-options">
                    { for question.codes.iter().filter_map(|code| codes.iter().position(|c| c == code).map(|p| (p, code))).map(|(position, code)| {
                        let on_action = props.on_action.clone();
                        let value = position as u8;
                        let onchange = Callback::from(move |_: Event| send(&on_action, id, Some(Answer::One(value))));
                        let input_id = format!("bpi-{id}-{code}");
                        html! {
                            <label class="bpi-option" for={input_id.clone()}>
                                <input type="radio" id={input_id} name={name.clone()} value={code.clone()}
                                       checked={chosen == Some(position)} {onchange} />
                                <span>{ texts.t(&option_key(id, code)) }</span>
                            </label>
                        }
                    }) }
                </div>
            }
        }
        (Kind::Many { codes, min, .. }, _) => {
            let set = match props.answer {
                Some(Answer::Many(set)) => Some(set),
                _ => None,
            };
            // A required list that may be empty (the conditions) needs an explicit
            // "none of these": an untouched list must not read as "none".
            let none_option = (question.required && min == 0).then(|| {
                let on_action = props.on_action.clone();
                let onchange = Callback::from(move |e: Event| {
                    let on = checkbox_checked(&e);
                    send(&on_action, id, on.then_some(Answer::Many(CodeSet::EMPTY)));
                });
                let input_id = format!("bpi-{id}-none-of-these");
                html! {
                    <label class="bpi-option bpi-option--none" for={input_id.clone()}>
                        <input type="checkbox" id={input_id} value="none_of_these" data-none="true"
                               checked={set == Some(CodeSet::EMPTY)} {onchange} />
                        <span>{ texts.t("ui.field.none_of_these") }</span>
                    </label>
                }
            });
            html! {
                <div class="bpi-options bpi-options--many">
                    { for question.codes.iter().filter_map(|code| codes.iter().position(|c| c == code).map(|p| (p, code))).map(|(position, code)| {
                        let on_action = props.on_action.clone();
                        let current = props.answer;
                        let onchange = Callback::from(move |e: Event| {
                            send(&on_action, id, toggle_code(id, current, position, checkbox_checked(&e)));
                        });
                        let input_id = format!("bpi-{id}-{code}");
                        html! {
                            <label class="bpi-option" for={input_id.clone()}>
                                <input type="checkbox" id={input_id} value={code.clone()}
                                       checked={set.is_some_and(|s| s.contains_position(position))} {onchange} />
                                <span>{ texts.t(&option_key(id, code)) }</span>
                            </label>
                        }
                    }) }
                    { none_option }
                </div>
            }
        }
    }
}

fn checkbox_checked(event: &Event) -> bool {
    event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|input| input.checked())
}

#[derive(Properties, PartialEq)]
struct NumberInputProps {
    question: &'static Question,
    answer: Option<Answer>,
    invalid: bool,
    described: Option<String>,
    on_action: Callback<Action>,
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
    let raw = use_state(|| shown(props.answer));
    let problem = use_state(|| false);
    // Follow changes from elsewhere (another tab, a reset) unless the field already
    // shows that value.
    {
        let raw = raw.clone();
        use_effect_with(props.answer, move |answer| {
            if parse_typed_number(id, &raw).ok().flatten() != *answer {
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
        Callback::from(move |_: FocusEvent| problem.set(parse_typed_number(id, &raw).is_err()))
    };
    let (min, max) = match id.kind() {
        Kind::Integer { min, max } => (min, max),
        _ => (0, 0),
    };
    let range_id = format!("bpi-range-{id}");
    let described = match &props.described {
        Some(d) if *problem => Some(format!("{d} {range_id}")),
        Some(d) => Some(d.clone()),
        None => problem.then(|| range_id.clone()),
    };
    html! {
        <>
            <input type="number" class="bpi-number" id={format!("bpi-in-{id}")} name={format!("bpi-{id}")}
                   inputmode="numeric" min={min.to_string()} max={max.to_string()} step="1" value={(*raw).clone()}
                   aria-invalid={(props.invalid || *problem).then_some("true")} aria-describedby={described}
                   aria-required={props.question.required.then_some("true")} autocomplete="off" {oninput} {onblur} />
            if *problem {
                <p class="bpi-field-error" id={range_id}>
                    { texts.format("ui.field.range", &[("min", &min.to_string()), ("max", &max.to_string())]) }
                </p>
            }
        </>
    }
}
