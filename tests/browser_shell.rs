//! Browser tests of the widget shell, run in headless Chromium by
//! `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
//! On the host this file compiles to an empty test binary.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use wasm_bindgen::JsCast;

use backpain_intake::browser::CatalogLoader;
use backpain_intake::ui::{mount_widget, App, ROOT_CLASS};

wasm_bindgen_test_configure!(run_in_browser);

/// Appends a fresh element to the body, so each test renders into its own root.
fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().and_then(|window| window.document()).expect("a browser document");
    let root = document.create_element("div").expect("a new div");
    document.body().expect("a body").append_child(&root).expect("the div joins the body");
    root
}

#[wasm_bindgen_test]
async fn app_renders_the_welcome_heading() {
    let root = fresh_root();

    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let heading = root.query_selector("h2").expect("a valid selector").expect("the app renders a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Is massage right for your back pain?"));
}

/// A host element as a clinic's snippet writes it, with these data attributes.
fn host_with(attributes: &[(&str, &str)]) -> web_sys::Element {
    let host = fresh_root();
    for (name, value) in attributes {
        host.set_attribute(name, value).expect("an attribute");
    }
    host
}

#[wasm_bindgen_test]
async fn mount_widget_styles_the_root_and_applies_a_valid_accent() {
    let host = host_with(&[("data-accent-color", "#8a3b12"), ("data-storage-key", "shell-test.valid")]);

    mount_widget(&host, &host, CatalogLoader::default());
    yew::scheduler::flush().await;

    assert!(host.class_list().contains(ROOT_CLASS));
    let style = host.dyn_ref::<web_sys::HtmlElement>().expect("an HTML element").style();
    assert_eq!(style.get_property_value("--bpi-clinic-accent").as_deref(), Ok("#8a3b12"));
    assert!(host.query_selector("h2").expect("a valid selector").is_some(), "the welcome screen renders");
}

#[wasm_bindgen_test]
async fn mount_widget_ignores_hostile_attributes_and_renders_text_as_text() {
    let host = host_with(&[
        ("data-accent-color", "red; background: url(https://evil.example/x)"),
        ("data-booking-url", "javascript:alert(1)"),
        ("data-clinic-name", "<img src=x onerror=alert(1)>"),
        ("data-phone", "<b>0</b>"),
        ("data-storage-key", "shell-test.hostile"),
    ]);
    // A separate root, as in a shadow root: the widget draws there, the host configures.
    let root = fresh_root();

    mount_widget(&host, &root, CatalogLoader::default());
    yew::scheduler::flush().await;

    let style = root.dyn_ref::<web_sys::HtmlElement>().expect("an HTML element").style();
    assert_eq!(style.get_property_value("--bpi-clinic-accent").as_deref(), Ok(""), "a bad colour is dropped");
    assert!(root.query_selector("h2").expect("a valid selector").is_some(), "the widget still renders");
    assert!(root.query_selector("img, a[href^=javascript], b").expect("a valid selector").is_none());
    assert!(host.child_element_count() == 0, "nothing is drawn into the host");
}
