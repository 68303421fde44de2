//! The prerendered first screen (`view::prerender`, written into the pages at build time)
//! is the live widget's own, element for element, in every language: so when the widget
//! takes its place nothing on the screen changes. The differences it is meant to have are
//! taken out first: the start button and "open a saved file" wait `disabled` for the
//! loader and the widget, the language switcher `inert`, the first step waits `hidden`
//! behind "Start", and "clear my data" waits hidden for the first answer.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

use backpain_intake::browser::CatalogLoader;
use backpain_intake::domain::embed::{EmbedConfig, TextOverrides};
use backpain_intake::domain::text::{Catalog, Lang};
use backpain_intake::ui::{App, AppProps};
use backpain_intake::view::prerender::first_screens;
use backpain_intake::view::{Markup, Texts};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A shipped catalog's text (English is compiled in).
fn catalog_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "{}",
        Lang::Es => include_str!("../data/i18n/es.json"),
        Lang::Fr => include_str!("../data/i18n/fr.json"),
        Lang::De => include_str!("../data/i18n/de.json"),
        Lang::PtBr => include_str!("../data/i18n/pt-BR.json"),
        Lang::Ar => include_str!("../data/i18n/ar.json"),
        Lang::Zh => include_str!("../data/i18n/zh.json"),
    }
}

/// The live widget in `lang`, on its welcome or, after "Start", on its first step: its
/// `.bpi-app` element once it has rendered in that language.
async fn live(lang: Lang, start: bool) -> Element {
    // The page's catalog loader, as boot.js gives one: the shipped catalogs.
    let catalogs = js_sys::Object::new();
    for lang in Lang::ALL {
        js_sys::Reflect::set(&catalogs, &lang.code().into(), &catalog_text(*lang).into()).expect("set");
    }
    js_sys::Reflect::set(&js_sys::global(), &"bpiCatalogs".into(), &catalogs).expect("set");
    let loader = js_sys::Function::new_with_args("lang", "return Promise.resolve(globalThis.bpiCatalogs[lang]);");
    let key = format!("bpi-prerender-test.{}.{}", lang.code(), js_sys::Math::random());
    let config = EmbedConfig { storage_key: key, lang: Some(lang), ..EmbedConfig::default() };
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    let props = AppProps { config: Rc::new(config), catalogs: CatalogLoader::new(Some(loader)) };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let selector = format!(".bpi-app[lang={}]", lang.code());
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.query_selector(&selector).ok().flatten().is_some() {
            break;
        }
        let tick = js_sys::Promise::resolve(&JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    if start {
        let button = root.query_selector(".bpi-welcome [data-action=next]").ok().flatten().expect("a start button");
        button.unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }
    root.query_selector(&selector).ok().flatten().expect("the widget in its language")
}

/// The prerendered screens in `lang`, parsed, with the meant differences taken out: the
/// welcome's `.bpi-app` and the first step's.
fn prerendered(lang: Lang) -> (Element, Element) {
    let texts = match lang {
        Lang::En => Texts::english(),
        _ => {
            let catalog = Catalog::parse_over(catalog_text(lang), Catalog::english()).expect("a shipped catalog");
            Texts::keep(lang, catalog, &TextOverrides::default())
        }
    };
    let mut html = Markup::new();
    first_screens(&mut html, &texts);
    let holder = document().create_element("div").expect("div");
    holder.set_inner_html(&html.into_string());
    for (selector, attribute) in [("[disabled]", "disabled"), ("[inert]", "inert"), (".bpi-app[hidden]", "hidden")] {
        let found = holder.query_selector_all(selector).expect("a selector");
        for i in 0..found.length() {
            let element: Element = found.item(i).expect("an element").unchecked_into();
            element.remove_attribute(attribute).expect("removed");
        }
    }
    holder.query_selector("button[data-action=clear][hidden]").ok().flatten().expect("a waiting clear button").remove();
    let apps = holder.children();
    (apps.item(0).expect("the welcome"), apps.item(1).expect("the first step"))
}

/// The two the same, element for element, attribute for attribute and text for text (Yew
/// may keep a text in two nodes, or an empty one, where the parser makes one: a copy of
/// the live one is normalised first).
fn assert_same(live: &Element, prerendered: &Element, what: &str) {
    let copy = live.clone_node_with_deep(true).expect("a copy");
    copy.normalize();
    prerendered.normalize();
    assert!(
        copy.is_equal_node(Some(prerendered)),
        "the prerendered {what} differs from the widget's:\n live: {}\n prerendered: {}",
        live.outer_html(),
        prerendered.outer_html()
    );
}

#[wasm_bindgen_test]
async fn the_first_screen_is_the_widgets_own_in_every_language() {
    for lang in Lang::ALL {
        let (welcome, step) = prerendered(*lang);
        assert_same(&live(*lang, false).await, &welcome, &format!("welcome ({})", lang.code()));
        assert_same(&live(*lang, true).await, &step, &format!("first step ({})", lang.code()));
    }
}
