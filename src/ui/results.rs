//! The results: triage first, then the outlook, the ranking, the comparison, the session
//! plan, check-ins, a summary of the main answers and the actions.
//!
//! DOM hooks: the root carries `data-triage="<level>"`; the outlook, the technique cards
//! and the buttons carry theirs (see their files).

use std::rc::Rc;

use yew::prelude::*;

use super::answer_summary::answer_summary;
use super::checkin_panel::checkin_panel;
use super::comparison_table::ComparisonTable;
use super::outlook_panel::outlook_panel;
use super::session_plan::session_plan;
use super::technique_ranking::technique_ranking;
use super::texts::use_texts;
use super::triage_panel::triage_panel;
use super::use_focus_on;
use crate::domain::session::Action;
use crate::domain::{Assessment, Intake};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub assessment: Rc<Assessment>,
    pub intake: Rc<Intake>,
    pub on_action: Callback<Action>,
    pub on_print: Callback<()>,
    pub focus_heading: bool,
}

/// The whole results screen, in the order a person needs it: whether massage is safe at
/// all, what the outlook means, which techniques fit, how they compare, the plan, progress
/// over time, and what to show the therapist.
///
/// Only the parts with state of their own (the sortable table, the check-in form) are
/// components; the rest are plain view functions, one per file, because every Yew
/// component adds its own copy of the lifecycle code to the bundle.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let texts = use_texts();
    let heading = use_focus_on((), props.focus_heading);
    let assessment = &props.assessment;
    let print = props.on_print.reform(|_: MouseEvent| ());
    let back = props.on_action.reform(|_: MouseEvent| Action::Back);
    html! {
        <section class="bpi-results" data-triage={assessment.triage.as_str()} aria-labelledby="bpi-results-title">
            <h2 id="bpi-results-title" class="bpi-results-title" tabindex="-1" ref={heading}>
                { texts.t("ui.results.title") }
            </h2>
            { triage_panel(&texts, assessment) }
            { outlook_panel(&texts, assessment.stratification) }
            { technique_ranking(&texts, assessment) }
            <ComparisonTable assessment={assessment.clone()} />
            { session_plan(&texts, assessment) }
            { checkin_panel(&texts, &props.intake, assessment.progress, &props.on_action) }
            { answer_summary(&texts, &props.intake) }
            <div class="bpi-nav bpi-results-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="print" onclick={print}>
                    { texts.t("ui.results.print") }
                </button>
                <button type="button" class="bpi-button" data-action="back" onclick={back}>
                    { texts.t("ui.results.back") }
                </button>
            </div>
        </section>
    }
}
