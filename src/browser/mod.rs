//! Adapters at the edge between the widget and the browser: local storage, performance
//! marks and the embed configuration. They translate browser failures into typed values
//! so that the UI shows a notice instead of panicking.

pub mod clinic_key;
pub mod crypto;
pub mod page;
pub mod perf;
pub mod storage;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::text::Lang;

/// Fetches a language's catalog through the loader the page passed to `mount_widget`: a
/// JS function that takes a language code and returns a promise of the catalog's JSON
/// text. Without a loader only English, which is compiled in, is available.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogLoader(Option<js_sys::Function>);

impl CatalogLoader {
    pub fn new(loader: Option<js_sys::Function>) -> CatalogLoader {
        CatalogLoader(loader)
    }

    /// The catalog's text, or `None` when there is no loader or it fails (offline, say).
    pub async fn load(&self, lang: Lang) -> Option<String> {
        let promise = self.0.as_ref()?.call1(&JsValue::NULL, &lang.code().into()).ok()?;
        let promise: js_sys::Promise = promise.dyn_into().ok()?;
        wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_string()
    }
}

thread_local! {
    /// The sealer boot.js passed to `mount_widget`: seals a letter to a clinic's key.
    static SEALER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the sealer boot.js passed (`None` leaves sending to a clinic unable to seal).
pub fn set_sealer(sealer: Option<js_sys::Function>) {
    SEALER.set(sealer);
}

/// A link to the clinic's clinician page with `answers` (the payload of a plain share
/// link) and the person's `initials` sealed to `key` (the snippet's text): boot.js answers
/// with the sealer module (`src/bin/sealer.rs`). `None` when there is no sealer, it
/// cannot be fetched (offline before its first use), the key is not on the curve, or the
/// browser cannot seal.
pub async fn seal_for_clinic(key: &str, answers: &str, initials: &str) -> Option<String> {
    let sealer = SEALER.with_borrow(Clone::clone)?;
    let promise = sealer.call3(&JsValue::NULL, &key.into(), &answers.into(), &initials.into()).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise.dyn_into::<js_sys::Promise>().ok()?).await.ok()?.as_string()
}

/// Calls `on_change` with the new value whenever another tab changes `key` in local
/// storage (`None` when it was removed). Same-tab writes raise no event, by the spec.
pub fn listen_to_other_tabs(key: String, on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // A `null` key means the whole store was cleared.
        match event.key() {
            Some(changed) if changed == key => on_change(event.new_value()),
            None => on_change(None),
            Some(_) => {}
        }
    }))
}

/// Logs a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        // A refused print dialog (some embedded contexts) needs no further handling.
        let _ = window.print();
    }
}

/// Today's date in the person's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The browser's preferred language tags, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}
