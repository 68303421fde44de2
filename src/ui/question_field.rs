//! What a question does when answered: the step form's one change listener for every
//! choice, and the number field, which keeps what the person types. The questions
//! themselves are drawn by the native view (`view::step`).

use yew::prelude::*;

use super::state::use_value;
use super::texts::use_texts;
use crate::browser::perf;
use crate::domain::input::{answer_for_choice, parse_typed_number};
use crate::domain::intake::{Answer, AnswerSet};
use crate::domain::question::{Kind, QuestionId};
use crate::domain::questionnaire::Question;
use crate::domain::session::Action;

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

#[derive(Properties)]
pub(super) struct NumberInputProps {
    pub question: &'static Question,
    pub answer: Option<Answer>,
    pub invalid: bool,
    pub on_action: Callback<Action>,
}

/// The question by address: each is one entry of the static questionnaire.
impl PartialEq for NumberInputProps {
    fn eq(&self, other: &NumberInputProps) -> bool {
        std::ptr::eq(self.question, other.question)
            && self.answer == other.answer
            && self.invalid == other.invalid
            && self.on_action == other.on_action
    }
}

/// A number field that keeps what the person types, even when it is not yet a valid
/// answer, and says what is wrong once they leave the field.
#[component]
pub(super) fn NumberInput(props: &NumberInputProps) -> Html {
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
    // What describes the field: its help, the "required" error and the range error, each
    // when shown (the ids `view::step::question_start` writes).
    let range_id = format!("bpi-range-{id}");
    let described: Vec<String> = [
        props.question.help.then(|| format!("bpi-help-{id}")),
        props.invalid.then(|| format!("bpi-error-{id}")),
        problem.get().then(|| range_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
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
