//! The results: triage first, then the outlook, the ranking, the comparison, the session
//! plan, check-ins, a summary of the main answers and the actions.
//!
//! DOM hooks: the root carries `data-triage="<level>"`; the outlook, the technique cards
//! and the buttons carry theirs (see their files).

use std::rc::Rc;

use yew::prelude::*;

use super::answer_summary::answer_summary;
use super::checkin_form::{checkin_form, on_checkin_submit, CheckInFormState};
use super::checkin_panel::checkin_panel;
use super::comparison_table::comparison_table;
use super::markup::{into_html, Markup};
use super::outlook_panel::outlook_panel;
use super::session_plan::session_plan;
use super::share_panel::{share_panel, ShareState};
use super::technique_ranking::technique_ranking;
use super::texts::use_texts;
use super::triage_panel::triage_panel;
use crate::browser::{self, page};
use crate::domain::answers::file_name;
use crate::domain::compare::{Sort, SortColumn};
use crate::domain::session::Action;
use crate::domain::{Assessment, Intake};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub assessment: Rc<Assessment>,
    pub intake: Rc<Intake>,
    pub on_action: Callback<Action>,
    pub on_print: Callback<()>,
    /// A result someone shared: no check-in form, sharing, export or editing.
    #[prop_or(false)]
    pub read_only: bool,
}

/// The whole results screen, in the order a person needs it: whether massage is safe at
/// all, what the outlook means, which techniques fit, how they compare, the plan, progress
/// over time, and what to show the therapist.
///
/// The static parts are written as escaped markup (`crate::html`), which costs the bundle
/// far less than `html!` for hundreds of elements; the inputs (the check-in form, the
/// share panel) are components, and the buttons inside static markup are handled by one
/// delegated listener on the section.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let texts = use_texts();
    let sort = use_state(Sort::default);
    let checkin_state = use_state(CheckInFormState::default);
    let share_state = use_state(ShareState::default);
    // The sort button to give the focus back to after the table is redrawn.
    let sorted_by = use_mut_ref(|| None::<SortColumn>);
    {
        let sorted_by = sorted_by.clone();
        use_effect_with(*sort, move |_| {
            if let Some(column) = sorted_by.borrow_mut().take() {
                focus(&format!("[data-sort=\"{column}\"]"));
            }
        });
    }
    let assessment = &props.assessment;
    let read_only = props.read_only;
    let print = props.on_print.reform(|_: MouseEvent| ());
    let back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let export = {
        let intake = props.intake.clone();
        Callback::from(move |_: MouseEvent| {
            // A refused download leaves nothing to undo; the button can be pressed again.
            let _ =
                page::download(&file_name(&browser::today()), &intake.to_json().to_pretty_text(), "application/json");
        })
    };
    // One listener for the buttons inside static markup: sort headers and check-in removal.
    let onclick = {
        let (sort, on_action) = (sort.clone(), props.on_action.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(target) = event.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let attribute =
                |name: &str| target.closest(&format!("[{name}]")).ok().flatten().and_then(|e| e.get_attribute(name));
            if let Some(column) = attribute("data-sort").as_deref().and_then(SortColumn::from_code) {
                *sorted_by.borrow_mut() = Some(column);
                sort.set(sort.clicked(column));
            } else if let Some(index) = attribute("data-remove-checkin").and_then(|i| i.parse().ok()) {
                on_action.emit(Action::RemoveCheckIn(index));
            }
        })
    };

    let mut body = Markup::new();
    triage_panel(&mut body, &texts, assessment);
    outlook_panel(&mut body, &texts, assessment.stratification);
    technique_ranking(&mut body, &texts, assessment);
    comparison_table(&mut body, &texts, assessment, *sort);
    session_plan(&mut body, &texts, assessment);
    let mut summary = Markup::new();
    answer_summary(&mut summary, &texts, &props.intake);

    html! {
        <section class="bpi-results" data-triage={assessment.triage.as_str()} aria-labelledby="bpi-results-title"
                 {onclick}>
            <h2 id="bpi-results-title" class="bpi-results-title" tabindex="-1" data-focus-heading="">
                { texts.t("ui.results.title") }
            </h2>
            { into_html(body) }
            { checkin_panel(&texts, &props.intake, assessment.progress, (!read_only).then(|| {
                checkin_form(&texts, *checkin_state, on_checkin_submit(checkin_state.clone(), props.on_action.clone()))
            })) }
            { into_html(summary) }
            if !read_only {
                { share_panel(&texts, &props.intake, &share_state) }
            }
            <div class="bpi-nav bpi-results-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="print" onclick={print}>
                    { texts.t("ui.results.print") }
                </button>
                if !read_only {
                    <button type="button" class="bpi-button" data-action="export" onclick={export}>
                        { texts.t("ui.results.export") }
                    </button>
                    <button type="button" class="bpi-button" data-action="back" onclick={back}>
                        { texts.t("ui.results.back") }
                    </button>
                }
            </div>
        </section>
    }
}

/// Focuses the first element matching `selector`, if any.
fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        // Focus can be refused; the table is still sorted.
        let _ = element.focus();
    }
}
