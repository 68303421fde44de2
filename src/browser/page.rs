//! The page around the widget: the location fragment, the clipboard, the Web Share API,
//! file downloads and uploads. Every call tolerates a browser that refuses it.

use gloo::events::EventListener;
use js_sys::{Array, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::share::FRAGMENT_PREFIX;

/// The current location fragment, `#...` or empty.
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Removes the fragment from the address without reloading or adding a history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        // A refused replaceState leaves the link in the address bar; nothing else changes.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// The address of this page with a share payload as its fragment. From the embed page,
/// which shows nothing when opened on its own, it is the standalone page beside it.
pub fn share_url(payload: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    let path = part(|l| l.pathname());
    let path = path.strip_suffix("embed.html").unwrap_or(&path);
    format!("{}{path}{}{FRAGMENT_PREFIX}{payload}", part(|l| l.origin()), part(|l| l.search()))
}

/// Calls `on_change` whenever the fragment changes (a share link pasted into this tab).
pub fn listen_to_fragment(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| on_change()))
}

/// Copies text to the clipboard; false when the browser refuses (no permission, an
/// insecure context, an iframe without clipboard access).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    if !Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Whether the browser offers the Web Share API.
pub fn can_web_share() -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet; false when it is refused or dismissed.
pub async fn web_share(title: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    JsFuture::from(window.navigator().share_with_data(&data)).await.is_ok()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let download = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let parts = Array::of1(&text.into());
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        web_sys::Url::revoke_object_url(&url).ok()
    };
    download().is_some()
}

/// Why a chosen file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than the limit given.
    TooLarge,
    /// The browser could not read it as text.
    Unreadable,
}

/// Reads the first file chosen in a file input as text, refusing files over `max_bytes`
/// before reading them.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: f64,
) -> Option<Result<String, FileProblem>> {
    let file = input.files()?.get(0)?;
    Some(read_file(&file, max_bytes).await)
}

/// Reads a file as text, refusing it unread when it is over `max_bytes`.
pub async fn read_file(file: &web_sys::File, max_bytes: f64) -> Result<String, FileProblem> {
    if file.size() > max_bytes {
        return Err(FileProblem::TooLarge);
    }
    let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
    text.ok_or(FileProblem::Unreadable)
}
