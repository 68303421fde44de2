//! The results: triage first, then the outlook, the ranking, the comparison, the session
//! plan, check-ins, a summary of the main answers and the actions.
//!
//! DOM hooks: the root carries `data-triage="<level>"`; the outlook, the technique cards
//! and the buttons carry theirs (see their files).

use std::rc::Rc;

use yew::prelude::*;

use super::checkin_form::{checkin_form, on_checkin_submit, CheckInFormState};
use super::checkin_panel::checkin_panel;
use super::markup::{into_html, Markup};
use super::share_panel::{share_panel, Clinic, ShareState};
use super::state::use_value;
use super::texts::use_texts;
use crate::browser::{self, page};
use crate::domain::checkins::MAX_CHECKINS;
use crate::domain::compare::{Sort, SortColumn};
use crate::domain::embed::EmbedConfig;
use crate::domain::intake::file_name;
use crate::domain::session::Action;
use crate::domain::{Assessment, Intake};
use crate::view::answer_summary::answer_summary;
use crate::view::clinic_panel::clinic_panel;
use crate::view::comparison_table::comparison_table;
use crate::view::outlook_panel::outlook_panel;
use crate::view::session_plan::session_plan;
use crate::view::technique_ranking::technique_ranking;
use crate::view::triage_panel::triage_panel;
use crate::view::Press;

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
/// The static parts are the native views (`crate::view`), written as Yew nodes, which
/// costs the bundle far less than `html!` for hundreds of elements; the inputs (the
/// check-in form, the share panel) are components, and what a button inside static markup
/// does is a [`Press`].
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let texts = use_texts();
    let config = &props.config;
    let sort = use_value(Sort::default);
    let checkin_state = use_value(CheckInFormState::default);
    let share_state = use_value(ShareState::default);
    // The results section, and the sort button to give the focus back to after the table
    // is drawn again.
    let section = use_node_ref();
    let sorted_by = use_mut_ref(|| None::<SortColumn>);
    {
        let (section, sorted_by) = (section.clone(), sorted_by.clone());
        use_effect_with(sort.get(), move |_| {
            let Some(column) = sorted_by.borrow_mut().take() else {
                return;
            };
            let selector = ["[data-sort=\"", column.as_str(), "\"]"].concat();
            let button = section.cast::<web_sys::Element>().and_then(|s| s.query_selector(&selector).ok()?);
            if let Some(button) = button {
                // Focus can be refused; the table is still sorted.
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
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
    // What the buttons inside static markup do: sort the comparison, remove a check-in.
    let on_press = {
        let (sort, on_action) = (sort.clone(), props.on_action.clone());
        Callback::from(move |press| match press {
            Press::Sort(column) => {
                *sorted_by.borrow_mut() = Some(column);
                sort.set(sort.get().clicked(column));
            }
            Press::RemoveCheckIn(index) => on_action.emit(Action::RemoveCheckIn(index)),
            // The results write no button of the clinician page.
            Press::Select(_) => {}
        })
    };

    let mut body = Markup::with_presses(&on_press);
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
                 ref={section}>
            <h2 id="bpi-results-title" class="bpi-results-title" tabindex="-1" data-focus-heading="">
                { texts.ui(ui!("ui.results.title")) }
            </h2>
            { into_html(body) }
            { checkin_panel(&texts, &props.intake, assessment.progress, (!read_only).then(|| {
                let full = props.intake.checkins.len() >= MAX_CHECKINS;
                checkin_form(&texts, checkin_state.get(), full, on_checkin_submit(checkin_state.clone(), props.on_action.clone()))
            }), &on_press) }
            { into_html(summary) }
            if !read_only {
                { share_panel(&texts, &props.intake, &share_state, config.clinic_key.as_deref().map(|key| Clinic {
                    key,
                    name: config.clinic_name.as_deref().unwrap_or_else(|| texts.ui(ui!("ui.send.your_clinic"))),
                    email: config.clinic_email.as_deref(),
                })) }
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
