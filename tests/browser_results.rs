//! Browser tests of the results screen, run in headless Chromium by
//! `cargo test --target wasm32-unknown-unknown --test browser_results`.
//! On the host this file compiles to an empty test binary.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::compare::{sort_rows, Direction, Sort, SortColumn};
use backpain_intake::domain::embed::EmbedConfig;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::sections::{OpenSections, Section};
use backpain_intake::domain::session::Action;
use backpain_intake::domain::techniques::Technique;
use backpain_intake::domain::text::{question_key, Catalog};
use backpain_intake::domain::widget::Event;
use backpain_intake::domain::{assess, Assessment, Intake, Status, TechniqueId};
use backpain_intake::ui::{Results, ResultsProps};

wasm_bindgen_test_configure!(run_in_browser);

const CLEAR: &str = include_str!("fixtures/clear.json");
const CAUTION: &str = include_str!("fixtures/caution.json");
const EMERGENCY: &str = include_str!("fixtures/emergency.json");

/// Appends a fresh element to the body, so each test renders into its own root.
fn fresh_root() -> Element {
    let document = web_sys::window().and_then(|window| window.document()).expect("a browser document");
    let root = document.create_element("div").expect("a new div");
    document.body().expect("a body").append_child(&root).expect("the div joins the body");
    root
}

fn intake(json: &str) -> Intake {
    Intake::from_json(json).expect("the fixture parses")
}

/// What one rendered results screen sent out.
struct Rendered {
    root: Element,
    assessment: Assessment,
    actions: Rc<RefCell<Vec<Action>>>,
    prints: Rc<RefCell<usize>>,
    /// Every other event, as its debug text.
    events: Rc<RefCell<Vec<String>>>,
}

/// Renders the results of an intake into a fresh root and waits for the render.
async fn render(intake: Intake) -> Rendered {
    render_for_clinic(intake, EmbedConfig::default()).await
}

/// The same, on a clinic's page configured with `config`, every section open (as after
/// the person opened them), so the details can be focused.
async fn render_for_clinic(intake: Intake, config: EmbedConfig) -> Rendered {
    let all_open = Section::ALL.iter().fold(OpenSections::default(), |open, s| open.set(*s, true));
    render_with(intake, config, all_open).await
}

/// The results as a person first sees them: each section as its default.
async fn render_closed(intake: Intake) -> Rendered {
    render_with(intake, EmbedConfig::default(), OpenSections::default()).await
}

async fn render_with(intake: Intake, config: EmbedConfig, open: OpenSections) -> Rendered {
    let root = fresh_root();
    let assessment = assess(&intake.answers, &intake.checkins);
    let actions = Rc::new(RefCell::new(Vec::new()));
    let prints = Rc::new(RefCell::new(0));
    let events = Rc::new(RefCell::new(Vec::new()));
    let props = ResultsProps {
        assessment: Rc::new(assessment.clone()),
        intake: Rc::new(intake),
        on_event: {
            let (actions, events) = (actions.clone(), events.clone());
            Callback::from(move |event| match event {
                Event::Act(action) => actions.borrow_mut().push(action),
                other => events.borrow_mut().push(format!("{other:?}")),
            })
        },
        on_print: {
            let prints = prints.clone();
            Callback::from(move |()| *prints.borrow_mut() += 1)
        },
        read_only: false,
        config: Rc::new(config),
        open,
        welcome_back: false,
    };
    yew::Renderer::<Results>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Rendered { root, assessment, actions, prints, events }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|node| node.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).expect("a valid selector").unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn click(root: &Element, selector: &str) {
    one(root, selector).dyn_into::<HtmlElement>().expect("an HTML element").click();
}

fn set_value(root: &Element, selector: &str, value: &str) {
    one(root, selector).dyn_into::<HtmlInputElement>().expect("an input").set_value(value);
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

#[wasm_bindgen_test]
async fn the_root_carries_the_triage_of_each_fixture() {
    for (fixture, expected) in [(CLEAR, "clear"), (CAUTION, "caution"), (EMERGENCY, "emergency")] {
        let shown = render(intake(fixture)).await;
        let results = one(&shown.root, "section.bpi-results");
        assert_eq!(attr(&results, "data-triage").as_deref(), Some(shown.assessment.triage.as_str()));
        assert_eq!(shown.assessment.triage.as_str(), expected, "the fixture screens as its name says");
        let outlook = one(&shown.root, ".bpi-outlook");
        assert_eq!(attr(&outlook, "data-outlook"), shown.assessment.stratification.map(|s| s.risk.to_string()));
        assert!(shown.root.query_selector("[style]").expect("a valid selector").is_none(), "no inline styles");
    }
}

#[wasm_bindgen_test]
async fn each_technique_has_one_card_in_ranking_order() {
    for fixture in [CLEAR, CAUTION, EMERGENCY] {
        let shown = render(intake(fixture)).await;
        let cards = all(&shown.root, "[data-technique]");
        assert_eq!(cards.len(), 8);
        for (card, expected) in cards.iter().zip(&shown.assessment.techniques) {
            assert_eq!(attr(card, "data-technique").as_deref(), Some(expected.id.as_str()));
            assert_eq!(attr(card, "data-status").as_deref(), Some(expected.status.as_str()));
            assert_eq!(attr(card, "data-fit"), Some(expected.fit.to_string()));
        }
    }
}

#[wasm_bindgen_test]
async fn withheld_results_recommend_nothing() {
    let recommended = Catalog::english().text("status.recommended").to_owned();

    let clear = render(intake(CLEAR)).await;
    assert!(!clear.assessment.withhold_recommendations);
    assert!(!all(&clear.root, "[data-status=\"recommended\"]").is_empty(), "the clear fixture recommends some");
    assert!(clear.root.query_selector(".bpi-withheld").expect("a valid selector").is_none());

    let emergency = render(intake(EMERGENCY)).await;
    assert!(emergency.assessment.withhold_recommendations);
    assert!(all(&emergency.root, "[data-status=\"recommended\"]").is_empty());
    let text = emergency.root.text_content().unwrap_or_default();
    assert!(!text.contains(&recommended), "no technique reads as recommended");
    assert!(!all(&emergency.root, ".bpi-withheld").is_empty(), "the page says nothing is recommended");
    // No session plan: "how often" says medical advice comes first, with no session
    // length; the signs to stop and get help stay.
    let booking = one(&emergency.root, ".bpi-plan-booking").text_content().unwrap_or_default();
    assert!(booking.contains(Catalog::english().text("frequency.after_medical_advice")), "{booking}");
    assert!(!booking.contains(Catalog::english().text("ui.plan.how_long")), "{booking}");
    assert!(emergency.root.query_selector(".bpi-plan-section--stop_signs").expect("a valid selector").is_some());
    assert!(emergency.root.query_selector(".bpi-plan-section--self_massage").expect("a valid selector").is_none());
    let bladder = Catalog::english().text("flag.rf_bladder");
    let emergency_flags = one(&emergency.root, ".bpi-flags--emergency").text_content().unwrap_or_default();
    assert!(emergency_flags.contains(bladder), "the raised flags are explained under their level");
}

fn row_order(root: &Element) -> Vec<String> {
    all(root, ".bpi-table tbody tr").iter().filter_map(|row| attr(row, "data-row")).collect()
}

#[wasm_bindgen_test]
async fn clicking_a_column_header_sorts_the_table() {
    let shown = render(intake(CAUTION)).await;
    let name = |id: TechniqueId| Catalog::english().text(&Technique::text_key(id, "name")).to_owned();
    let expected = |column, direction| -> Vec<String> {
        sort_rows(&shown.assessment.techniques, Sort { column, direction }, name)
            .iter()
            .map(|r| r.id.to_string())
            .collect()
    };
    let by_fit: Vec<String> = shown.assessment.techniques.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(row_order(&shown.root), by_fit, "the table opens in ranking order");
    assert_eq!(attr(&one(&shown.root, "th[aria-sort]"), "aria-sort").as_deref(), Some("descending"));

    click(&shown.root, "button[data-sort=\"name\"]");
    yew::scheduler::flush().await;
    let by_name = expected(SortColumn::Name, Direction::Ascending);
    assert_ne!(by_name, by_fit, "the fixture orders differently by name");
    assert_eq!(row_order(&shown.root), by_name);
    let sorted = all(&shown.root, "th[aria-sort]");
    assert_eq!(sorted.len(), 1, "one sorted header at a time");
    assert_eq!(attr(&sorted[0], "aria-sort").as_deref(), Some("ascending"));
    assert!(sorted[0].query_selector("[data-sort=\"name\"]").expect("a valid selector").is_some());

    click(&shown.root, "button[data-sort=\"name\"]");
    yew::scheduler::flush().await;
    assert_eq!(row_order(&shown.root), expected(SortColumn::Name, Direction::Descending));

    click(&shown.root, "button[data-sort=\"session\"]");
    yew::scheduler::flush().await;
    assert_eq!(row_order(&shown.root), expected(SortColumn::Session, Direction::Ascending));
    // The table is drawn again, and the pressed header keeps the focus (keyboard users
    // stay where they were).
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    assert_eq!(focused.and_then(|e| e.get_attribute("data-sort")).as_deref(), Some("session"));
    assert!(all(&shown.root, ".bpi-table [data-technique]").is_empty(), "rows do not carry the card hook");
}

#[wasm_bindgen_test]
async fn submitting_the_checkin_form_records_a_checkin() {
    let shown = render(intake(CLEAR)).await;
    let date = one(&shown.root, "input[name=\"date\"]").dyn_into::<HtmlInputElement>().expect("an input");
    assert_eq!(date.value().len(), 10, "the date defaults to today");

    set_value(&shown.root, "input[name=\"date\"]", "2025-03-14");
    set_value(&shown.root, "input[name=\"pain_now\"]", "3");
    set_value(&shown.root, "input[name=\"pain_worst_week\"]", "5");
    set_value(&shown.root, "input[name=\"sessions\"]", "2");
    click(&shown.root, "button[data-action=\"checkin\"]");
    yew::scheduler::flush().await;

    let expected = CheckIn {
        date: Date::parse("2025-03-14").expect("a valid date"),
        pain_now: 3,
        pain_worst_week: 5,
        sessions: 2,
    };
    assert_eq!(*shown.actions.borrow(), vec![Action::RecordCheckIn(expected)]);
    assert!(shown.root.query_selector("[data-notice=\"checkin-invalid\"]").expect("a valid selector").is_none());
}

#[wasm_bindgen_test]
async fn a_bad_checkin_shows_an_error_and_sends_nothing() {
    let shown = render(intake(CLEAR)).await;
    set_value(&shown.root, "input[name=\"pain_now\"]", "11");
    set_value(&shown.root, "input[name=\"pain_worst_week\"]", "5");
    click(&shown.root, "button[data-action=\"checkin\"]");
    yew::scheduler::flush().await;
    assert!(shown.actions.borrow().is_empty());
    let error = one(&shown.root, "[data-notice=\"checkin-invalid\"]");
    assert_eq!(attr(&error, "role").as_deref(), Some("alert"));
    let pain = one(&shown.root, "input[name=\"pain_now\"]");
    assert_eq!(attr(&pain, "aria-invalid").as_deref(), Some("true"));

    set_value(&shown.root, "input[name=\"pain_now\"]", "4");
    set_value(&shown.root, "input[name=\"date\"]", "");
    click(&shown.root, "button[data-action=\"checkin\"]");
    yew::scheduler::flush().await;
    assert!(shown.actions.borrow().is_empty(), "an empty date is refused");
    let date = one(&shown.root, "input[name=\"date\"]");
    assert_eq!(attr(&date, "aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn checkins_are_listed_charted_and_removable() {
    let mut with_checkins = intake(CLEAR);
    let day = |text| Date::parse(text).expect("a valid date");
    with_checkins.checkins = vec![
        CheckIn { date: day("2025-01-10"), pain_now: 4, pain_worst_week: 6, sessions: 1 },
        CheckIn { date: day("2025-02-10"), pain_now: 2, pain_worst_week: 3, sessions: 2 },
    ];
    let shown = render(with_checkins).await;
    assert_eq!(all(&shown.root, ".bpi-checkin-entry").len(), 2);
    let chart = one(&shown.root, ".bpi-pain-chart svg");
    assert_eq!(attr(&chart, "role").as_deref(), Some("img"));
    assert!(attr(&chart, "aria-label").is_some_and(|label| label.contains("10 Feb 2025")), "the date in words");
    assert_eq!(all(&shown.root, ".bpi-pain-chart circle").len(), 3, "the intake and two check-ins");
    assert_eq!(attr(&one(&shown.root, ".bpi-checkin-progress"), "data-progress").as_deref(), Some("improving"));

    let removes = all(&shown.root, ".bpi-checkin-remove");
    removes[1].clone().dyn_into::<HtmlElement>().expect("a button").click();
    yew::scheduler::flush().await;
    assert_eq!(*shown.actions.borrow(), vec![Action::RemoveCheckIn(1)]);
}

#[wasm_bindgen_test]
async fn the_fit_chart_draws_a_bar_per_technique() {
    let shown = render(intake(CLEAR)).await;
    let chart = one(&shown.root, ".bpi-fit-chart svg");
    assert_eq!(attr(&chart, "role").as_deref(), Some("img"));
    assert!(chart.query_selector("title").expect("a valid selector").is_some());
    let bars = all(&chart, "rect.bpi-bar");
    assert_eq!(bars.len(), 8);
    let first = &shown.assessment.techniques[0];
    assert!(bars[0].class_list().contains(&format!("bpi-bar--{}", first.status)));
    assert_eq!(first.status, Status::Recommended);
}

#[wasm_bindgen_test]
async fn the_actions_print_and_go_back() {
    let shown = render(intake(CLEAR)).await;
    click(&shown.root, "button[data-action=\"print\"]");
    click(&shown.root, "button[data-action=\"back\"]");
    yew::scheduler::flush().await;
    assert_eq!(*shown.prints.borrow(), 1);
    assert_eq!(*shown.actions.borrow(), vec![Action::Back]);
}

#[wasm_bindgen_test]
async fn missing_answers_are_named_and_nothing_is_called_safe() {
    let mut partial = intake(CLEAR);
    partial.answers.clear(QuestionId::RfFever);
    partial.answers.clear(QuestionId::SbWorry);
    let shown = render(partial).await;
    assert_eq!(attr(&one(&shown.root, "section.bpi-results"), "data-triage").as_deref(), Some("incomplete"));
    let triage = one(&shown.root, ".bpi-triage").text_content().unwrap_or_default();
    let fever_key = question_key(QuestionId::RfFever, "label");
    let fever = Catalog::english().text(&fever_key);
    assert!(triage.contains(fever), "the missing safety question is named");
    assert!(all(&shown.root, "[data-status=\"recommended\"]").is_empty());
    assert_eq!(attr(&one(&shown.root, ".bpi-outlook"), "data-outlook"), None, "no outlook without every answer");
}

/// A clinic configured as its snippet would: every attribute set.
fn riverside() -> EmbedConfig {
    let (config, warnings) = EmbedConfig::from_attributes(|name| {
        let value = match name {
            "data-clinic-name" => "Riverside Physio & Massage",
            "data-booking-url" => "https://riverside.example/book",
            "data-phone" => "+44 20 7946 0000",
            "data-emergency-number" => "999",
            _ => return None,
        };
        Some(value.to_owned())
    });
    assert!(warnings.is_empty(), "the test clinic is valid: {warnings:?}");
    config
}

#[wasm_bindgen_test]
async fn a_clear_result_offers_the_clinics_booking_and_phone() {
    let shown = render_for_clinic(intake(CLEAR), riverside()).await;
    let panel = one(&shown.root, ".bpi-clinic");
    assert!(panel.text_content().unwrap_or_default().contains("Riverside Physio & Massage"));
    let book = one(&panel, "a[data-action=book]");
    assert_eq!(attr(&book, "href").as_deref(), Some("https://riverside.example/book"));
    let call = one(&panel, "a[data-action=call]");
    assert_eq!(attr(&call, "href").as_deref(), Some("tel:+442079460000"));
}

#[wasm_bindgen_test]
async fn an_emergency_result_sends_to_the_emergency_number_not_to_booking() {
    let shown = render_for_clinic(intake(EMERGENCY), riverside()).await;
    assert!(shown.root.query_selector("a[data-action=book]").expect("a valid selector").is_none());
    let links = all(&shown.root, "a[href='tel:999']");
    assert!(!links.is_empty(), "the local emergency number is a link");
    let panel = one(&shown.root, ".bpi-clinic");
    assert!(panel.query_selector(".bpi-note").expect("a valid selector").is_some(), "it says to see a doctor first");
}

#[wasm_bindgen_test]
async fn without_a_clinic_there_is_no_clinic_panel() {
    let shown = render(intake(CLEAR)).await;
    assert!(shown.root.query_selector(".bpi-clinic").expect("a valid selector").is_none());
}

/// The phone's first screen: the summary with its hooks, the verdict, the best fits (or
/// the withheld note), the body map named in words, and one next step.
#[wasm_bindgen_test]
async fn the_summary_comes_first_with_one_next_step() {
    for fixture in [CLEAR, CAUTION, EMERGENCY] {
        let shown = render(intake(fixture)).await;
        let summary = one(&shown.root, "[data-results-summary]");
        let first = one(&shown.root, ".bpi-results > :not(h2)");
        assert!(first.is_same_node(Some(&summary)), "the summary is the first thing under the title");
        assert_eq!(all(&shown.root, "[data-primary-action]").len(), 1);
        let picks = all(&summary, "[data-pick]");
        if shown.assessment.withhold_recommendations {
            assert!(picks.is_empty());
            assert!(summary.query_selector(".bpi-withheld").expect("a valid selector").is_some());
        } else {
            assert!(!picks.is_empty() && picks.len() <= 3);
            let recommended: Vec<&str> = shown
                .assessment
                .techniques
                .iter()
                .filter(|t| t.status == Status::Recommended)
                .map(|t| t.id.as_str())
                .collect();
            let named: Vec<String> = picks.iter().filter_map(|p| attr(p, "data-pick")).collect();
            assert_eq!(named, recommended.iter().take(3).map(|s| s.to_string()).collect::<Vec<_>>());
        }
        let map = one(&summary, "svg[role=img]");
        let title = one(&shown.root, &format!("#{}", attr(&map, "aria-labelledby").expect("a labelled map")));
        assert!(title.text_content().unwrap_or_default().starts_with("Where it hurts: "));
    }
}

/// Every section is a heading with a button that says whether it is open and which body
/// it opens; a closed body is hidden; pressing a toggle asks to open it.
#[wasm_bindgen_test]
async fn every_section_opens_from_its_button() {
    let shown = render_closed(intake(CLEAR)).await;
    let sections = all(&shown.root, "[data-section]");
    let names: Vec<String> = sections.iter().filter_map(|s| attr(s, "data-section")).collect();
    assert_eq!(
        names,
        ["safety", "outlook", "techniques", "comparison", "plan", "self_care", "progress", "answers", "share"]
    );
    for section in &sections {
        let toggle = one(section, "h3 > button[aria-expanded]");
        let body = one(section, &format!("#{}", attr(&toggle, "aria-controls").expect("it names its body")));
        assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"), "the clear intake opens nothing");
        assert!(body.has_attribute("hidden"));
    }
    click(&shown.root, "[data-section=outlook] button[aria-expanded]");
    assert_eq!(shown.events.borrow().as_slice(), ["OpenSection(Outlook, true)"]);
    // With a caution, the safety details start open.
    let caution = render_closed(intake(CAUTION)).await;
    let toggle = one(&caution.root, "[data-section=safety] button[aria-expanded]");
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("true"));
    assert!(!one(&caution.root, "#bpi-sec-body-safety").has_attribute("hidden"));
}

/// The next step: booking where the clinic offers it and screening allows, sending where
/// the clinic gave its key, sharing otherwise.
#[wasm_bindgen_test]
async fn the_next_step_follows_the_clinic_and_the_triage() {
    let booking = EmbedConfig { booking_url: Some("https://clinic.example/book".into()), ..EmbedConfig::default() };
    let shown = render_for_clinic(intake(CLEAR), booking.clone()).await;
    let primary = one(&shown.root, "[data-primary-action]");
    assert_eq!(attr(&primary, "data-primary-action").as_deref(), Some("book"));
    assert_eq!(attr(&primary, "href").as_deref(), Some("https://clinic.example/book"));
    // An emergency: no booking, and the summary printed to take along, as its guidance says.
    let emergency = render_for_clinic(intake(EMERGENCY), booking).await;
    assert_eq!(attr(&one(&emergency.root, "[data-primary-action]"), "data-primary-action").as_deref(), Some("print"));
    click(&emergency.root, "[data-primary-action]");
    assert_eq!(*emergency.prints.borrow(), 1);
    let plain = render(intake(CAUTION)).await;
    click(&plain.root, "[data-primary-action]");
    assert_eq!(plain.events.borrow().as_slice(), ["OpenSection(Share, true)"]);
}
