//! The progress bar: step names, where the person is, and the percentage done.

use yew::prelude::*;

use super::texts::use_texts;
use crate::domain::questionnaire::StepId;
use crate::domain::session::Action;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    pub step: StepId,
    /// The steps the person may jump back (or forward) to.
    pub reachable: Vec<StepId>,
    pub percent: u8,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let texts = use_texts();
    let number = (props.step.index() + 1).to_string();
    let total = StepId::ALL.len().to_string();
    let percent = props.percent.to_string();
    let summary = texts.format("ui.progress.summary", &[("step", &number), ("total", &total), ("percent", &percent)]);
    html! {
        <nav class="bpi-progress" aria-label={texts.t("ui.progress.label")}>
            <p class="bpi-progress-summary" id="bpi-progress-summary">{ summary }</p>
            <progress class="bpi-progress-meter" max="100" value={percent} aria-labelledby="bpi-progress-summary"></progress>
            <ol class="bpi-progress-steps">
                { for StepId::ALL.iter().map(|&step| {
                    let title = texts.t(&format!("step.{step}.title")).to_owned();
                    let current = step == props.step;
                    let done = step.index() < props.step.index();
                    let class = classes!(
                        "bpi-progress-step",
                        current.then_some("bpi-progress-step--current"),
                        done.then_some("bpi-progress-step--done"),
                    );
                    let item = if !current && props.reachable.contains(&step) {
                        let go = props.on_action.reform(move |_: MouseEvent| Action::GoTo(step));
                        html! { <button type="button" class="bpi-link" data-goto={step.as_str()} onclick={go}>{ title }</button> }
                    } else {
                        html! { <span>{ title }</span> }
                    };
                    html! {
                        <li {class} aria-current={current.then_some("step")}>{ item }</li>
                    }
                }) }
            </ol>
        </nav>
    }
}
