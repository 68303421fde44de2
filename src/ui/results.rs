//! The results: the summary a phone shows first (verdict, best fits, plan, where it hurts,
//! the next step), then the details in sections opened on demand, then the actions. A
//! person who came back to saved results is welcomed back first (`welcome_back.rs`).
//!
//! DOM hooks: the root carries `data-triage="<level>"`; the summary, the sections, the
//! outlook, the technique cards and the buttons carry theirs (see `view::overview` and
//! the other views).

use std::rc::Rc;

use yew::prelude::*;

use super::checkin_form::{checkin_form, on_checkin_submit, CheckInFormState};
use super::markup::{into_html, Markup, Write};
use super::share_panel::{share_panel, Clinic, ShareState};
use super::state::use_value;
use super::texts::use_texts;
use super::welcome_back::welcome_back;
use crate::browser::{self, page};
use crate::domain::checkins::MAX_CHECKINS;
use crate::domain::compare::Sort;
use crate::domain::embed::EmbedConfig;
use crate::domain::intake::file_name;
use crate::domain::sections::{welcome_back_first, OpenSections, Section};
use crate::domain::share;
use crate::domain::widget::Event;
use crate::domain::{Assessment, Intake};
use crate::view::answer_summary::answer_summary;
use crate::view::body_map::body_map;
use crate::view::checkin::{checkin_head, checkin_history};
use crate::view::clinic_panel::clinic_panel;
use crate::view::comparison_table::comparison_table;
use crate::view::outlook_panel::outlook_panel;
use crate::view::overview::{section_end, section_start, summary, Primary};
use crate::view::session_plan::{session_plan, PlanPart};
use crate::view::technique_ranking::technique_ranking;
use crate::view::triage_panel::triage_panel;
use crate::view::Press;

#[derive(Properties)]
pub struct ResultsProps {
    pub assessment: Rc<Assessment>,
    pub intake: Rc<Intake>,
    /// The widget's events: actions on the intake, sections opened, the welcome back left.
    pub on_event: Callback<Event>,
    pub on_print: Callback<()>,
    /// The clinic's configuration: contact details and the emergency number.
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    /// Which sections the person opened or closed.
    #[prop_or_default]
    pub open: OpenSections,
    /// Welcome the person back with a quick check-in first.
    #[prop_or(false)]
    pub welcome_back: bool,
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
            && self.on_event == other.on_event
            && self.on_print == other.on_print
            && self.open == other.open
            && self.welcome_back == other.welcome_back
            && self.read_only == other.read_only
    }
}

/// The whole results screen: the summary first, then the sections in the order a person
/// needs them (whether massage is safe at all, the outlook, which techniques fit and how
/// they compare, the plan, self-care, progress, the answers, sharing), then the actions.
///
/// The static parts are the native views (`crate::view`), written as Yew nodes; the
/// inputs (the check-in forms, the share panel) are placed among them as children; what a
/// button inside static markup does is a [`Press`].
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let texts = use_texts();
    let config = &props.config;
    let sort = use_value(Sort::default);
    let checkin_state = use_value(CheckInFormState::default);
    let quick_state = use_value(CheckInFormState::default);
    let share_state = use_value(ShareState::default);
    // The element to give the focus to once the screen is drawn again: the sort button
    // pressed, or a section opened from elsewhere.
    let section = use_node_ref();
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let (section, focus_next) = (section.clone(), focus_next.clone());
        use_effect(move || {
            let Some(selector) = focus_next.borrow_mut().take() else {
                return;
            };
            let found = section.cast::<web_sys::Element>().and_then(|s| s.query_selector(&selector).ok()?);
            if let Some(element) = found {
                let element = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element);
                // Focus can be refused; the section is open all the same.
                let _ = element.focus();
                element.scroll_into_view();
            }
        });
    }
    let assessment = &props.assessment;
    let (read_only, triage) = (props.read_only, assessment.triage);
    let on_action = props.on_event.reform(Event::Act);
    // What the buttons inside static markup do.
    let on_press = {
        let (sort, on_event, on_print, focus_next, intake, share_state) = (
            sort.clone(),
            props.on_event.clone(),
            props.on_print.clone(),
            focus_next.clone(),
            props.intake.clone(),
            share_state.clone(),
        );
        Callback::from(move |press| match press {
            Press::Sort(column) => {
                *focus_next.borrow_mut() = Some(["[data-sort=\"", column.as_str(), "\"]"].concat());
                sort.set(sort.get().clicked(column));
            }
            Press::Show(section) => {
                *focus_next.borrow_mut() = Some(["#bpi-sec-", section.as_str()].concat());
                on_event.emit(Event::OpenSection(section, true));
            }
            Press::MakeLink => {
                let with_checkins = share_state.borrow().with_checkins;
                let link = Some(page::share_url(&share::encode(&intake, with_checkins)));
                share_state.set(ShareState { link, with_checkins, ..ShareState::default() });
                *focus_next.borrow_mut() = Some("#bpi-share-link".to_owned());
                on_event.emit(Event::OpenSection(Section::Share, true));
            }
            Press::ShareUpdate => {
                // The update is the check-ins: the next link carries them (the person
                // still sees, and can untick, "include my check-ins").
                share_state.set(ShareState { with_checkins: true, ..ShareState::default() });
                *focus_next.borrow_mut() = Some("#bpi-sec-share".to_owned());
                on_event.emit(Event::OpenSection(Section::Share, true));
            }
            Press::Print => on_print.emit(()),
            Press::Export => {
                // A refused download leaves nothing to undo; the button can be pressed again.
                let _ = page::download(
                    &file_name(&browser::today()),
                    &intake.to_json().to_pretty_text(),
                    "application/json",
                );
            }
            press => {
                if let Some(event) = super::press_event(press) {
                    on_event.emit(event);
                }
            }
        })
    };
    let is_open = |s: Section| props.open.is_open(s, triage);

    let mut m = Markup::with_presses(&on_press);
    // Care comes first: see `welcome_back_first`.
    let back = props.welcome_back.then(|| {
        welcome_back(
            &texts,
            &props.intake,
            assessment,
            quick_state.get(),
            on_checkin_submit(quick_state.clone(), on_action.clone()),
            &on_press,
        )
    });
    let (above, below) = match back {
        Some(back) if welcome_back_first(triage) => (Some(back), None),
        back => (None, back),
    };
    if let Some(back) = above {
        m.child(back);
    }
    let primary = Primary::choose(config, triage, read_only);
    summary(&mut m, &texts, assessment, &props.intake, config, primary);
    if let Some(back) = below {
        m.child(back);
    }
    section_start(&mut m, &texts, Section::Safety, is_open(Section::Safety));
    triage_panel(&mut m, &texts, assessment, config.emergency_number.as_deref());
    section_end(&mut m);
    section_start(&mut m, &texts, Section::Outlook, is_open(Section::Outlook));
    outlook_panel(&mut m, &texts, assessment.stratification, triage);
    section_end(&mut m);
    section_start(&mut m, &texts, Section::Techniques, is_open(Section::Techniques));
    technique_ranking(&mut m, &texts, assessment);
    section_end(&mut m);
    section_start(&mut m, &texts, Section::Comparison, is_open(Section::Comparison));
    comparison_table(&mut m, &texts, assessment, sort.get());
    section_end(&mut m);
    section_start(&mut m, &texts, Section::Plan, is_open(Section::Plan));
    session_plan(&mut m, &texts, assessment, PlanPart::Sessions);
    section_end(&mut m);
    if !assessment.withhold_recommendations {
        section_start(&mut m, &texts, Section::SelfCare, is_open(Section::SelfCare));
        session_plan(&mut m, &texts, assessment, PlanPart::SelfCare);
        section_end(&mut m);
    }
    section_start(&mut m, &texts, Section::Progress, is_open(Section::Progress));
    m.open("section", &[("class", "bpi-panel bpi-checkins"), ("aria-labelledby", "bpi-checkin-title")]);
    checkin_head(&mut m, &texts, assessment.progress);
    if !read_only {
        let full = props.intake.checkins.len() >= MAX_CHECKINS;
        m.child(checkin_form(
            &texts,
            checkin_state.get(),
            full,
            on_checkin_submit(checkin_state.clone(), on_action.clone()),
        ));
    }
    // A shared result shows the history but takes no check-ins.
    checkin_history(&mut m, &texts, &props.intake, !read_only);
    m.close("section");
    section_end(&mut m);
    section_start(&mut m, &texts, Section::Answers, is_open(Section::Answers));
    body_map(&mut m, &texts, &props.intake, "bpi-map-answers");
    answer_summary(&mut m, &texts, &props.intake);
    section_end(&mut m);
    if !read_only {
        section_start(&mut m, &texts, Section::Share, is_open(Section::Share));
        clinic_panel(&mut m, &texts, config, triage);
        m.child(share_panel(
            &texts,
            &props.intake,
            &share_state,
            config.clinic_key.as_deref().map(|key| Clinic {
                key,
                name: config.clinic_name.as_deref().unwrap_or_else(|| texts.ui(ui!("ui.send.your_clinic"))),
                email: config.clinic_email.as_deref(),
            }),
            primary != Primary::Share,
        ));
        section_end(&mut m);
    }
    actions(&mut m, &texts, read_only);

    html! {
        <section class="bpi-results" data-triage={triage.as_str()} aria-labelledby="bpi-results-title" ref={section}>
            <h2 id="bpi-results-title" class="bpi-results-title" tabindex="-1" data-focus-heading="">
                { texts.ui(ui!("ui.results.title")) }
            </h2>
            { into_html(m) }
        </section>
    }
}

/// Print, and (on the person's own results) save the answers as a file and change them.
fn actions(m: &mut Markup, texts: &super::texts::Texts, read_only: bool) {
    m.open("div", &[("class", "bpi-nav bpi-results-actions")]);
    m.open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "print")]).press(Press::Print);
    m.text(texts.ui(ui!("ui.results.print"))).close("button");
    if !read_only {
        m.open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "export")])
            .press(Press::Export);
        m.text(texts.ui(ui!("ui.results.export"))).close("button");
        m.open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "back")]).press(Press::Back);
        m.text(texts.ui(ui!("ui.results.back"))).close("button");
    }
    m.close("div");
}
