//! The progress bar: step names, where the person is, and the percentage done.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::questionnaire::StepId;
use crate::domain::session::Action;
use crate::domain::text::{self, Part};

/// The step names (reachable ones are buttons, `data-goto="<step>"`), the current step
/// marked, and "Step n of 6, p% done" with a meter.
pub(super) fn progress_bar(
    texts: &Texts,
    here: StepId,
    reachable: &[StepId],
    percent: u8,
    on_action: &Callback<Action>,
) -> Html {
    let number = (here.index() + 1).to_string();
    let total = StepId::ALL.len().to_string();
    let percent = percent.to_string();
    let summary =
        texts.format_ui(ui!("ui.progress.summary"), &[("step", &number), ("total", &total), ("percent", &percent)]);
    html! {
        <nav class="bpi-progress" aria-label={texts.ui(ui!("ui.progress.label"))}>
            <p class="bpi-progress-summary" id="bpi-progress-summary">{ summary }</p>
            <progress class="bpi-progress-meter" max="100" value={percent} aria-labelledby="bpi-progress-summary"></progress>
            <ol class="bpi-progress-steps">
                { for StepId::ALL.iter().map(|&step| {
                    let title = texts.lookup(&text::step_key(step, Part::Title)).to_owned();
                    let current = step == here;
                    let done = step.index() < here.index();
                    let class = match (current, done) {
                        (true, _) => "bpi-progress-step bpi-progress-step--current",
                        (_, true) => "bpi-progress-step bpi-progress-step--done",
                        _ => "bpi-progress-step",
                    };
                    let item = if !current && reachable.contains(&step) {
                        let go = on_action.reform(move |_: MouseEvent| Action::GoTo(step));
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
