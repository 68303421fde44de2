//! The widget's flow in a real browser: welcome, steps, validation, the emergency panel,
//! saving each answer, resuming, and the storage notices.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

use backpain_intake::browser::CatalogLoader;
use backpain_intake::domain::embed::EmbedConfig;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::questionnaire::StepId;
use backpain_intake::domain::session::{Screen, Session};
use backpain_intake::domain::text::{Catalog, Lang};
use backpain_intake::domain::Intake;
use backpain_intake::ui::{App, AppProps};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("local storage")
}

/// Mounts the widget with its own storage key into a fresh element.
async fn mount(key: &str) -> Element {
    let config = EmbedConfig { storage_key: key.to_owned(), ..EmbedConfig::default() };
    mount_with(config, CatalogLoader::default()).await
}

/// Mounts the widget with a configuration and a catalog loader into a fresh element.
async fn mount_with(config: EmbedConfig, catalogs: CatalogLoader) -> Element {
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { config: Rc::new(config), catalogs }).render();
    yew::scheduler::flush().await;
    root
}

/// A catalog loader written in JS, as a page would give one: `body` takes `lang`.
fn loader(body: &str) -> CatalogLoader {
    CatalogLoader::new(Some(js_sys::Function::new_with_args("lang", body)))
}

/// Waits (by yielding to the browser, a bounded number of times) until `ready` holds.
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ =
                web_sys::window().expect("a window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
        yew::scheduler::flush().await;
    }
    panic!("the condition never held");
}

fn unique_key(name: &str) -> String {
    format!("bpi-app-test.{name}.{}", js_sys::Math::random())
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no element matches {selector}"))
}

async fn click(root: &Element, selector: &str) {
    get(root, selector).dyn_into::<HtmlElement>().expect("an HTML element").click();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = get(root, selector).dyn_into().expect("an input");
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

fn saved(key: &str) -> Session {
    let text = storage().get_item(key).ok().flatten().expect("the session is saved");
    Session::from_saved_json(&text).expect("the saved session reads back")
}

#[wasm_bindgen_test]
async fn start_then_next_without_answers_lists_what_is_missing() {
    let key = unique_key("validation");
    let root = mount(&key).await;
    assert!(find(&root, ".bpi-welcome").is_some());
    click(&root, "[data-action=next]").await;
    assert!(find(&root, "[data-step=about_you]").is_some(), "start leads to the first step");
    let heading = get(&root, "#bpi-step-about_you");
    assert_eq!(document().active_element().as_ref(), Some(&heading), "focus moves to the step heading");

    click(&root, "[data-action=next]").await;
    let summary = get(&root, ".bpi-error-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let links = summary.query_selector_all("a").expect("links").length();
    assert_eq!(links, 2, "age and pregnancy are required; occupation and activity are not");
    assert_eq!(get(&root, "[data-question=age] input").get_attribute("aria-invalid").as_deref(), Some("true"));

    type_into(&root, "[data-question=age] input", "46").await;
    click(&root, "[data-question=pregnancy] input[value=not_applicable]").await;
    assert!(find(&root, ".bpi-error-summary").is_none(), "answering clears the summary");
    click(&root, "[data-action=next]").await;
    assert!(find(&root, "[data-step=your_pain]").is_some());

    let session = saved(&key);
    assert_eq!(session.intake.answers.integer(QuestionId::Age), Some(46));
    assert_eq!(session.screen, Screen::Step(StepId::YourPain), "every answer and move is saved at once");
    let _ = storage().remove_item(&key);
}

#[wasm_bindgen_test]
async fn an_out_of_range_age_is_not_an_answer() {
    let key = unique_key("age");
    let root = mount(&key).await;
    click(&root, "[data-action=next]").await;
    type_into(&root, "[data-question=age] input", "9").await;
    assert_eq!(saved(&key).intake.answers.integer(QuestionId::Age), None);
    type_into(&root, "[data-question=age] input", "19").await;
    assert_eq!(saved(&key).intake.answers.integer(QuestionId::Age), Some(19));
    let _ = storage().remove_item(&key);
}

/// Saves a session on the safety step with everything before it answered.
fn save_at_safety_step(key: &str) {
    let intake = Intake::from_json(
        r#"{"format": 1, "answers": {"age": 40, "pregnancy": "not_applicable", "location": ["lower_back"],
            "duration": "over_12_weeks", "onset": "gradual", "pain_now": 5, "pain_worst_week": 7,
            "night_pain": "none", "morning_stiffness_improves_with_movement": false}}"#,
    )
    .expect("valid answers");
    let session = Session { intake, screen: Screen::Step(StepId::SafetyCheck), unanswered: Vec::new() };
    storage().set_item(key, &session.to_saved_json()).expect("save");
}

#[wasm_bindgen_test]
async fn a_reload_resumes_on_the_same_step_with_a_notice() {
    let key = unique_key("resume");
    save_at_safety_step(&key);
    let root = mount(&key).await;
    assert!(find(&root, "[data-step=safety_check]").is_some(), "resumes exactly where the person was");
    let notice = get(&root, "[data-notice=restored]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    assert!(find(&root, "[data-question=rf_bladder]").is_some());
    let _ = storage().remove_item(&key);
}

#[wasm_bindgen_test]
async fn an_emergency_sign_shows_the_guidance_at_once() {
    let key = unique_key("emergency");
    save_at_safety_step(&key);
    let root = mount(&key).await;
    assert!(find(&root, "[data-notice=emergency]").is_none());
    click(&root, "[data-question=rf_saddle_numbness] input[value=true]").await;
    let panel = get(&root, "[data-notice=emergency]");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    click(&root, "[data-notice=emergency] [data-action=results]").await;
    assert_eq!(get(&root, ".bpi-results").get_attribute("data-triage").as_deref(), Some("emergency"));
    let _ = storage().remove_item(&key);
}

#[wasm_bindgen_test]
async fn none_of_these_is_an_explicit_answer() {
    let key = unique_key("conditions");
    let intake = Intake::from_json(r#"{"format": 1, "answers": {"age": 40}}"#).expect("valid");
    let session = Session { intake, screen: Screen::Step(StepId::HealthConditions), unanswered: Vec::new() };
    storage().set_item(&key, &session.to_saved_json()).expect("save");
    let root = mount(&key).await;
    click(&root, "[data-question=conditions] input[data-none]").await;
    assert_eq!(saved(&key).intake.answers.many::<backpain_intake::domain::choices::Condition>(), Some(Vec::new()));
    click(&root, "[data-question=conditions] input[value=arthritis]").await;
    let none: HtmlInputElement = get(&root, "[data-question=conditions] input[data-none]").dyn_into().expect("input");
    assert!(!none.checked(), "choosing a condition clears none-of-these");
    let _ = storage().remove_item(&key);
}

#[wasm_bindgen_test]
async fn corrupt_saved_data_is_reported_and_kept() {
    let key = unique_key("corrupt");
    storage().set_item(&key, "definitely not json").expect("save");
    let root = mount(&key).await;
    assert_eq!(get(&root, "[data-notice=storage-corrupt]").get_attribute("role").as_deref(), Some("alert"));
    assert!(find(&root, ".bpi-welcome").is_some());
    let backups: Vec<String> = (0..storage().length().unwrap_or(0))
        .filter_map(|i| storage().key(i).ok().flatten())
        .filter(|k| k.starts_with(&format!("{key}.backup.")))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(storage().get_item(&backups[0]).ok().flatten().as_deref(), Some("definitely not json"));
    let _ = storage().remove_item(&backups[0]);
    let _ = storage().remove_item(&key);
}

#[wasm_bindgen_test]
async fn clear_my_data_asks_first_then_wipes_everything() {
    let key = unique_key("clear");
    save_at_safety_step(&key);
    let root = mount(&key).await;
    click(&root, "footer [data-action=clear]").await;
    assert!(storage().get_item(&key).ok().flatten().is_some(), "nothing is deleted before confirming");
    click(&root, "[data-action=clear-confirm]").await;
    assert!(find(&root, ".bpi-welcome").is_some());
    assert!(find(&root, "[data-notice=cleared]").is_some());
    assert_eq!(storage().get_item(&key).ok().flatten(), None, "nothing is left in storage");
}

#[wasm_bindgen_test]
async fn the_clinics_language_is_fetched_and_shown() {
    let config = EmbedConfig { storage_key: unique_key("lang"), lang: Some(Lang::Es), ..EmbedConfig::default() };
    let catalogs = loader(r#"return Promise.resolve(JSON.stringify({"ui.welcome.title": "Hola " + lang}));"#);
    let root = mount_with(config, catalogs).await;
    until(|| find(&root, ".bpi-app[lang=es] h2").is_some()).await;
    assert_eq!(get(&root, "h2").text_content().as_deref(), Some("Hola es"));
    // A text the fetched catalog lacks keeps its English words.
    let start = get(&root, "[data-action=next]").text_content().unwrap_or_default();
    assert_eq!(start.trim(), Catalog::english().text("ui.welcome.start"));
}

#[wasm_bindgen_test]
async fn a_language_that_cannot_be_fetched_leaves_english_and_a_notice() {
    let config = EmbedConfig { storage_key: unique_key("lang-fail"), lang: Some(Lang::Fr), ..EmbedConfig::default() };
    let root = mount_with(config, loader("return Promise.reject(new Error('offline'));")).await;
    until(|| find(&root, "[data-notice=lang-unavailable]").is_some()).await;
    assert!(find(&root, ".bpi-app[lang=en] .bpi-welcome").is_some(), "the widget works, in English");
    // Without any loader, likewise.
    let config = EmbedConfig { storage_key: unique_key("lang-none"), lang: Some(Lang::Fr), ..EmbedConfig::default() };
    let root = mount_with(config, CatalogLoader::default()).await;
    until(|| find(&root, "[data-notice=lang-unavailable]").is_some()).await;
}
