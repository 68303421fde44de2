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
use super::clinic_panel::clinic_panel;
use super::comparison_table::comparison_table;
use super::markup::{into_html, Markup};
use super::outlook_panel::outlook_panel;
use super::session_plan::session_plan;
use super::share_panel::{share_panel, ShareState};
use super::state::use_value;
use super::technique_ranking::technique_ranking;
use super::texts::use_texts;
use super::triage_panel::triage_panel;
use crate::browser::{self, page};
use crate::domain::checkins::MAX_CHECKINS;
use crate::domain::compare::{Sort, SortColumn};
use crate::domain::embed::EmbedConfig;
use crate::domain::intake::file_name;
use crate::domain::session::Action;
use crate::domain::{Assessment, Intake};

#[derive(Properties)]
pub struct ResultsProps {
    pub assessment: Rc<Assessment>,
    pub intake: Rc<Intake>,
    pub on_action: Callback<Action>,
    pub on_print: Callback<()>,
    /// The clinic's configuration: contact details and the emergency number.
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    /// A result someone shared: no check-in form, sharing, export or editing.
    #[prop_or(false)]
    pub read_only: bool,
}

/// By address: the widget hands over a new callback on each of its renders, so the
/// results render again anyway, and comparing whole assessments only cost code.
impl PartialEq for ResultsProps {
    fn eq(&self, other: &ResultsProps) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.intake, &other.intake)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.on_action == other.on_action
            && self.on_print == other.on_print
            && self.read_only == other.read_only
    }
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
    let config = &props.config;
    let sort = use_value(Sort::default);
    let checkin_state = use_value(CheckInFormState::default);
    let share_state = use_value(ShareState::default);
    // The results section and the sort button to give the focus back to after the
    // table is redrawn.
    let sorted_by = use_mut_ref(|| None::<(web_sys::Element, SortColumn)>);
    {
        let sorted_by = sorted_by.clone();
        use_effect_with(sort.get(), move |_| {
            if let Some((section, column)) = sorted_by.borrow_mut().take() {
                let selector = format!("[data-sort=\"{column}\"]");
                let button = section.query_selector(&selector).ok().flatten();
                if let Some(button) =
                    button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
                {
                    // Focus can be refused; the table is still sorted.
                    let _ = button.focus();
                }
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
                *sorted_by.borrow_mut() = target.closest(".bpi-results").ok().flatten().map(|s| (s, column));
                sort.set(sort.get().clicked(column));
            } else if let Some(index) = attribute("data-remove-checkin").and_then(|i| i.parse().ok()) {
                on_action.emit(Action::RemoveCheckIn(index));
            }
        })
    };

    let mut body = Markup::new();
    triage_panel(&mut body, &texts, assessment, config.emergency_number.as_deref());
    outlook_panel(&mut body, &texts, assessment.stratification, assessment.triage);
    technique_ranking(&mut body, &texts, assessment);
    comparison_table(&mut body, &texts, assessment, sort.get());
    session_plan(&mut body, &texts, assessment);
    if !read_only {
        clinic_panel(&mut body, &texts, config, assessment.triage);
    }
    let mut summary = Markup::new();
    answer_summary(&mut summary, &texts, &props.intake);

    html! {
        <section class="bpi-results" data-triage={assessment.triage.as_str()} aria-labelledby="bpi-results-title"
                 {onclick}>
            <h2 id="bpi-results-title" class="bpi-results-title" tabindex="-1" data-focus-heading="">
                { texts.ui(ui!("ui.results.title")) }
            </h2>
            { into_html(body) }
            { checkin_panel(&texts, &props.intake, assessment.progress, (!read_only).then(|| {
                let full = props.intake.checkins.len() >= MAX_CHECKINS;
                checkin_form(&texts, checkin_state.get(), full, on_checkin_submit(checkin_state.clone(), props.on_action.clone()))
            })) }
            { into_html(summary) }
            if !read_only {
                { share_panel(&texts, &props.intake, &share_state) }
            }
            <div class="bpi-nav bpi-results-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="print" onclick={print}>
                    { texts.ui(ui!("ui.results.print")) }
                </button>
                if !read_only {
                    <button type="button" class="bpi-button" data-action="export" onclick={export}>
                        { texts.ui(ui!("ui.results.export")) }
                    </button>
                    <button type="button" class="bpi-button" data-action="back" onclick={back}>
                        { texts.ui(ui!("ui.results.back")) }
                    </button>
                }
            </div>
        </section>
    }
}
