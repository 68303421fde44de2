//! One step of the intake: its questions, what is missing, and Back / Next.

use yew::prelude::*;

use super::error_summary::error_summary;
use super::markup::{into_html, Markup};
use super::question_field::{on_choice_change, question_field};
use super::texts::Texts;
use crate::domain::intake::AnswerSet;
use crate::domain::question::QuestionId;
use crate::domain::questionnaire::{Questionnaire, StepId};
use crate::domain::session::Action;
use crate::view::screens::{step_head, step_title_id};

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
    let last = StepId::from_index(step_id.index() + 1).is_none();
    let back = on_action.reform(|_: MouseEvent| Action::Back);
    let (action, key, forward) = if last {
        ("results", ui!("ui.step.results"), on_action.reform(|_: MouseEvent| Action::ShowResults))
    } else {
        ("next", ui!("ui.step.next"), on_action.reform(|_: MouseEvent| Action::Next))
    };
    let title_id = step_title_id(step_id);
    let mut head = Markup::new();
    step_head(&mut head, texts, step_id);
    html! {
        <section class="bpi-step" data-step={step_id.as_str()} aria-labelledby={title_id.clone()}>
            { into_html(head) }
            if !unanswered.is_empty() {
                { error_summary(texts, unanswered) }
            }
            <form class="bpi-questions" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                  onchange={on_choice_change(answers.clone(), on_action.clone())}>
                { for step.questions.iter().filter(|q| q.is_shown(answers)).map(|question| {
                    question_field(texts, question, answers.get(question.id), unanswered.contains(&question.id), on_action)
                }) }
            </form>
            <div class="bpi-nav">
                <button type="button" class="bpi-button" data-action="back" onclick={back}>{ texts.ui(ui!("ui.step.back")) }</button>
                <button type="button" class="bpi-button bpi-button--primary" data-action={action} onclick={forward}>
                    { texts.ui(key) }
                </button>
            </div>
        </section>
    }
}
