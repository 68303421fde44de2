//! Browser tests of the widget shell, run in headless Chromium by
//! `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
//! On the host this file compiles to an empty test binary.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use backpain_intake::ui::{mount, App, ROOT_CLASS, ROOT_ID};

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

#[wasm_bindgen_test]
async fn mount_adds_a_styled_root_when_the_page_has_none() {
    let document = web_sys::window().and_then(|window| window.document()).expect("a browser document");
    assert!(document.get_element_by_id(ROOT_ID).is_none());

    mount();
    yew::scheduler::flush().await;

    let root = document.get_element_by_id(ROOT_ID).expect("mount adds the root element");
    assert_eq!(root.class_name(), ROOT_CLASS);
    assert!(root.query_selector("h2").expect("a valid selector").is_some());
}
