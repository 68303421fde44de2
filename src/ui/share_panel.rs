//! Sharing a result: a link whose fragment carries the answers, copied, sent through the
//! system share sheet, or shown as a QR code; optionally with the check-ins and a
//! passphrase. No server ever receives the link's data.

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::state::Value;
use super::texts::Texts;
use crate::browser::{crypto, page};
use crate::codec::qr::{self, Ecc};
use crate::domain::share;
use crate::domain::text::UiKey;
use crate::domain::Intake;

/// What the copy button last achieved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Copied {
    Yes,
    /// The clipboard was refused: the link is selected for the person to copy.
    ByHand,
}

/// The panel's state, held by the results.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ShareState {
    /// The link, once made.
    pub link: Option<String>,
    pub with_checkins: bool,
    pub protected: bool,
    /// Deriving the passphrase key takes a moment.
    pub busy: bool,
    pub copied: Option<Copied>,
}

/// An input of this share panel, found from an element inside it.
fn input(from: Option<web_sys::Element>, selector: &str) -> Option<web_sys::HtmlInputElement> {
    super::find_near(&from?, ".bpi-share", selector)
}

/// The panel's heading and first paragraph, and the label of the link field once there
/// is one.
fn heading(texts: &Texts, intro: UiKey, link_label: Option<UiKey>) -> Html {
    let mut m = Markup::new();
    m.element("h3", &[("id", "bpi-share-title")], texts.ui(ui!("ui.share.title")));
    m.element("p", &[], texts.ui(intro));
    if let Some(label) = link_label {
        m.element("label", &[("for", "bpi-share-link"), ("class", "bpi-field")], texts.ui(label));
    }
    into_html(m)
}

/// The share button (`data-action="share"`), then the link in a field carrying
/// `data-share-link`, a copy button (`data-action="copy-link"`) with a select-and-copy
/// fallback, the system share sheet where the browser has one, a QR code, and options to
/// include check-ins or protect the link with a passphrase.
pub(super) fn share_panel(texts: &Texts, intake: &Rc<Intake>, state: &Value<ShareState>) -> Html {
    // The state this render shows (the callbacks read the state when they run).
    let shown = state.borrow();
    let plain = {
        let (intake, state) = (intake.clone(), state.clone());
        move |with_checkins: bool| {
            let link = Some(page::share_url(&share::encode(&intake, with_checkins)));
            state.set(ShareState { link, with_checkins, ..ShareState::default() });
        }
    };
    let open = {
        let (plain, with_checkins) = (plain.clone(), shown.with_checkins);
        Callback::from(move |_: MouseEvent| plain(with_checkins))
    };
    let Some(url) = shown.link.clone() else {
        return html! {
            <section class="bpi-panel bpi-share" aria-labelledby="bpi-share-title">
                { heading(texts, ui!("ui.share.intro"), None) }
                <button type="button" class="bpi-button" data-action="share" onclick={open}>{ texts.ui(ui!("ui.share.button")) }</button>
            </section>
        };
    };
    let toggle_checkins = {
        let with_checkins = shown.with_checkins;
        Callback::from(move |_: Event| plain(!with_checkins))
    };
    let protect = {
        let (intake, state) = (intake.clone(), state.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let secret = input(event.target_dyn_into(), "#bpi-share-passphrase").map(|i| i.value()).unwrap_or_default();
            if secret.is_empty() {
                return;
            }
            let current = state.borrow().clone();
            state.set(ShareState { busy: true, ..current.clone() });
            let (intake, state) = (intake.clone(), state.clone());
            spawn_local(async move {
                let sealed = crypto::seal(&intake, current.with_checkins, &secret).await;
                state.set(match sealed {
                    Ok(payload) => ShareState { link: Some(page::share_url(&payload)), protected: true, ..current },
                    Err(_) => current,
                });
            });
        })
    };
    let copy = {
        let (state, url) = (state.clone(), url.clone());
        Callback::from(move |event: MouseEvent| {
            let (state, url) = (state.clone(), url.clone());
            let field = input(event.target_dyn_into(), "#bpi-share-link");
            spawn_local(async move {
                let copied = if page::copy_text(&url).await {
                    Copied::Yes
                } else {
                    if let Some(field) = field {
                        field.select();
                    }
                    Copied::ByHand
                };
                let current = state.borrow().clone();
                state.set(ShareState { copied: Some(copied), ..current });
            });
        })
    };
    let web_share = page::can_web_share().then(|| {
        let (url, title) = (url.clone(), texts.ui(ui!("ui.share.title")).to_owned());
        let onclick = Callback::from(move |_: MouseEvent| {
            let (url, title) = (url.clone(), title.clone());
            spawn_local(async move {
                // A dismissed share sheet needs no message.
                let _ = page::web_share(&title, &url).await;
            });
        });
        html! { <button type="button" class="bpi-button" data-action="web-share" {onclick}>{ texts.ui(ui!("ui.share.system")) }</button> }
    });
    let mut code = Markup::new();
    if let Ok(qr) = qr::encode(url.as_bytes(), Ecc::M) {
        let (view_box, path) = (qr.view_box(4), qr.svg_path(4));
        let attributes = [
            ("class", "bpi-qr"),
            ("viewBox", view_box.as_str()),
            ("role", "img"),
            ("aria-label", texts.ui(ui!("ui.share.qr_label"))),
            ("shape-rendering", "crispEdges"),
        ];
        code.open("svg", &attributes);
        code.open("rect", &[("class", "bpi-qr-light"), ("width", "100%"), ("height", "100%")]).close("rect");
        code.open("path", &[("class", "bpi-qr-dark"), ("d", &path)]).close("path");
        code.close("svg");
    }
    let mut note = Markup::new();
    if let Some(copied) = shown.copied {
        let (notice, key) = match copied {
            Copied::Yes => ("copied", ui!("ui.share.copied")),
            Copied::ByHand => ("copy-manual", ui!("ui.share.copy_by_hand")),
        };
        note.element("p", &[("role", "status"), ("data-notice", notice), ("class", "bpi-note")], texts.ui(key));
    }
    let mut passphrase = Markup::new();
    passphrase.element("label", &[("for", "bpi-share-passphrase")], texts.ui(ui!("ui.share.passphrase")));
    passphrase.element("p", &[("class", "bpi-help")], texts.ui(ui!("ui.share.passphrase_help")));
    html! {
        <section class="bpi-panel bpi-share" aria-labelledby="bpi-share-title">
            { heading(texts, if shown.protected { ui!("ui.share.protected") } else { ui!("ui.share.anyone") }, Some(ui!("ui.share.link_label"))) }
            <input id="bpi-share-link" class="bpi-share-link" type="text" readonly=true value={url.clone()}
                   data-share-link={url} />
            <div class="bpi-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="copy-link" onclick={copy}>
                    { texts.ui(ui!("ui.share.copy")) }
                </button>
                { web_share }
            </div>
            { into_html(note) }
            { into_html(code) }
            if !intake.checkins.is_empty() {
                <label class="bpi-option">
                    <input type="checkbox" checked={shown.with_checkins} onchange={toggle_checkins} data-share-checkins="" />
                    <span>{ texts.ui(ui!("ui.share.with_checkins")) }</span>
                </label>
            }
            <form class="bpi-share-protect" onsubmit={protect}>
                { into_html(passphrase) }
                <input id="bpi-share-passphrase" type="password" autocomplete="new-password" />
                <button type="submit" class="bpi-button" data-action="protect" disabled={shown.busy}>
                    { texts.ui(if shown.busy { ui!("ui.share.protecting") } else { ui!("ui.share.protect") }) }
                </button>
            </form>
        </section>
    }
}
