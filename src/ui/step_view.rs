//! One step of the intake: its questions, what is missing, and Back / Next.

use yew::prelude::*;

use super::error_summary::ErrorSummary;
use super::question_field::QuestionField;
use super::texts::use_texts;
use super::use_focus_on;
use crate::domain::answers::AnswerSet;
use crate::domain::questionnaire::{QuestionId, Questionnaire, StepId};
use crate::domain::session::Action;

#[derive(Properties, PartialEq)]
pub struct StepViewProps {
    pub step: StepId,
    pub answers: AnswerSet,
    /// The required questions the person tried to pass without answering.
    pub unanswered: Vec<QuestionId>,
    pub on_action: Callback<Action>,
    pub focus_heading: bool,
}

#[component]
pub fn StepView(props: &StepViewProps) -> Html {
    let texts = use_texts();
    let heading = use_focus_on(props.step, props.focus_heading);
    let Some(step) = Questionnaire::get().step(props.step) else {
        return html! {};
    };
    let last = StepId::from_index(props.step.index() + 1).is_none();
    let back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let forward = if last {
        let results = props.on_action.reform(|_: MouseEvent| Action::ShowResults);
        html! {
            <button type="button" class="bpi-button bpi-button--primary" data-action="results" onclick={results}>
                { texts.t("ui.step.results") }
            </button>
        }
    } else {
        let next = props.on_action.reform(|_: MouseEvent| Action::Next);
        html! {
            <button type="button" class="bpi-button bpi-button--primary" data-action="next" onclick={next}>
                { texts.t("ui.step.next") }
            </button>
        }
    };
    let on_answer = props.on_action.clone();
    let title_id = format!("bpi-step-{}", props.step);
    html! {
        <section class="bpi-step" data-step={props.step.as_str()} aria-labelledby={title_id.clone()}>
            <h2 id={title_id} class="bpi-step-title" tabindex="-1" ref={heading}>
                { texts.t(&format!("step.{}.title", props.step)) }
            </h2>
            <p class="bpi-step-intro">{ texts.t(&format!("step.{}.intro", props.step)) }</p>
            <p class="bpi-required-note">{ texts.t("ui.step.required_note") }</p>
            if !props.unanswered.is_empty() {
                <ErrorSummary unanswered={props.unanswered.clone()} />
            }
            <form class="bpi-questions" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for step.questions.iter().filter(|q| q.is_shown(&props.answers)).map(|question| html! {
                    <QuestionField key={question.id.as_str()} {question}
                                   answer={props.answers.get(question.id)}
                                   invalid={props.unanswered.contains(&question.id)}
                                   on_action={on_answer.clone()} />
                }) }
            </form>
            <div class="bpi-nav">
                <button type="button" class="bpi-button" data-action="back" onclick={back}>{ texts.t("ui.step.back") }</button>
                { forward }
            </div>
        </section>
    }
}
