//! One step of the intake: its questions, what is missing, and Back / Next. The static
//! parts are the native views (`view::step`); the number fields are components.

use yew::prelude::*;

use super::error_summary::error_summary;
use super::markup::{into_html, Markup};
use super::question_field::{on_choice_change, NumberInput};
use super::texts::Texts;
use crate::domain::intake::AnswerSet;
use crate::domain::question::QuestionId;
use crate::domain::questionnaire::{Control, Questionnaire, StepId};
use crate::domain::session::Action;
use crate::view::screens::{step_head, step_title_id};
use crate::view::step::{choice_options, question_end, question_start, step_nav};
use crate::view::Press;

/// What the intake's buttons do: move between steps, or to the results.
pub(super) fn step_presses(on_action: &Callback<Action>) -> Callback<Press> {
    let on_action = on_action.clone();
    Callback::from(move |press| {
        let action = match press {
            Press::Back => Action::Back,
            Press::Next => Action::Next,
            Press::ShowResults => Action::ShowResults,
            Press::Go(step) => Action::GoTo(step),
            _ => return,
        };
        on_action.emit(action);
    })
}

/// One step: its heading and introduction, the summary of what is missing after a
/// refused "next", its visible questions, and Back / Next (or "see my results" on the
/// last step).
pub(super) fn step_view(
    texts: &Texts,
    step_id: StepId,
    answers: &AnswerSet,
    unanswered: &[QuestionId],
    on_action: &Callback<Action>,
) -> Html {
    let Some(step) = Questionnaire::get().step(step_id) else {
        return html! {};
    };
    let title_id = step_title_id(step_id);
    let mut head = Markup::new();
    step_head(&mut head, texts, step_id);
    let mut questions = Markup::new();
    for question in step.questions.iter().filter(|q| q.is_shown(answers)) {
        let (answer, invalid) = (answers.get(question.id), unanswered.contains(&question.id));
        question_start(&mut questions, texts, question, invalid);
        if question.control == Control::Number {
            questions.child(html! { <NumberInput {question} {answer} {invalid} on_action={on_action.clone()} /> });
        } else {
            choice_options(&mut questions, texts, question, answer);
        }
        question_end(&mut questions, question);
    }
    let mut nav = Markup::with_presses(&step_presses(on_action));
    step_nav(&mut nav, texts, step_id);
    html! {
        <section class="bpi-step" data-step={step_id.as_str()} aria-labelledby={title_id}>
            { into_html(head) }
            if !unanswered.is_empty() {
                { error_summary(texts, unanswered) }
            }
            <form class="bpi-questions" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                  onchange={on_choice_change(answers.clone(), on_action.clone())}>
                { into_html(questions) }
            </form>
            { into_html(nav) }
        </section>
    }
}
