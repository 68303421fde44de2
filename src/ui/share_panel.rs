//! Sharing a result: a link whose fragment carries the answers, copied, sent through the
//! system share sheet, or shown as a QR code; optionally with the check-ins and a
//! passphrase. Where the clinic set its key (`data-clinic-key`), the panel first offers
//! to send the answers to the clinic: a link sealed to that key, which only the clinic's
//! own computer opens, sent from the person's own e-mail (`data-clinic-email`), share
//! sheet or clipboard. No server ever receives either link's data.

use std::rc::Rc;

use yew::html::{onchange, onsubmit};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::state::Value;
use super::texts::Texts;
use crate::browser::{self, crypto, page};
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
    /// The link is sealed to the clinic's key.
    pub sealed: bool,
    /// The name or initials sealed with it, as typed.
    pub initials: String,
    /// Deriving a key takes a moment.
    pub busy: bool,
    /// The browser could not seal the answers.
    pub failed: bool,
    pub copied: Option<Copied>,
}

/// The clinic the answers can be sent to: its key, its name and its e-mail address.
#[derive(Clone, Copy)]
pub(super) struct Clinic<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub email: Option<&'a str>,
}

/// An input of this share panel, found from an element inside it.
fn input(from: Option<web_sys::Element>, selector: &str) -> Option<web_sys::HtmlInputElement> {
    super::find_near(&from?, ".bpi-share", selector)
}

/// The panel's heading and first paragraph, and the label of the link field once there
/// is one.
fn heading(m: &mut Markup, title: &str, intro: &str, link_label: Option<&str>) {
    m.element("h3", &[("id", "bpi-share-title")], title);
    m.element("p", &[], intro);
    if let Some(label) = link_label {
        m.element("label", &[("for", "bpi-share-link"), ("class", "bpi-field")], label);
    }
}

/// Seals the answers to the clinic's key and shows the link, or says it could not.
fn seal(intake: Rc<Intake>, key: Rc<str>, state: Value<ShareState>, with_checkins: bool, initials: String) {
    let current = ShareState { with_checkins, initials, sealed: true, ..ShareState::default() };
    state.set(ShareState { busy: true, ..current.clone() });
    spawn_local(async move {
        let sealed = browser::seal_for_clinic(&key, &share::encode(&intake, with_checkins), &current.initials).await;
        state.set(match sealed {
            Some(link) => ShareState { link: Some(link), ..current },
            None => ShareState { failed: true, sealed: false, ..current },
        });
    });
}

/// The share panel. Without a link yet: the clinic's send button
/// (`data-action="send-to-clinic"`) with a field for the person's name or initials when
/// the clinic set its key, and the share button (`data-action="share"`, unless `hook_share`
/// is false: the summary's next step is then that button, and this one its twin). With one: the
/// link in a field carrying `data-share-link` (or `data-sealed-link`, sealed), an e-mail
/// link to the clinic (sealed), a copy button (`data-action="copy-link"`) with a
/// select-and-copy fallback, the system share sheet where the browser has one, a QR code,
/// the option to include check-ins, and (a plain link) to protect it with a passphrase.
pub(super) fn share_panel(
    texts: &Texts,
    intake: &Rc<Intake>,
    state: &Value<ShareState>,
    clinic: Option<Clinic>,
    hook_share: bool,
) -> Html {
    // The state this render shows (the callbacks read the state when they run).
    let shown = state.borrow().clone();
    let named = |key: UiKey| texts.format_ui(key, &[("clinic", clinic.map_or("", |c| c.name))]);
    let plain = {
        let (intake, state) = (intake.clone(), state.clone());
        move |with_checkins: bool| {
            let link = Some(page::share_url(&share::encode(&intake, with_checkins)));
            state.set(ShareState { link, with_checkins, ..ShareState::default() });
        }
    };
    let Some(url) = shown.link.clone() else {
        let open = {
            let (plain, with_checkins) = (plain.clone(), shown.with_checkins);
            Callback::from(move |_: MouseEvent| plain(with_checkins))
        };
        let mut m = Markup::new();
        m.open("section", &[("class", "bpi-panel bpi-share"), ("aria-labelledby", "bpi-share-title")]);
        let send = clinic.map(|clinic| {
            let (intake, state, with_checkins) = (intake.clone(), state.clone(), shown.with_checkins);
            let key: Rc<str> = clinic.key.into();
            let onclick = Callback::from(move |event: MouseEvent| {
                let initials =
                    input(event.target_dyn_into(), "#bpi-send-initials").map(|i| i.value()).unwrap_or_default();
                seal(intake.clone(), key.clone(), state.clone(), with_checkins, initials);
            });
            heading(&mut m, &named(ui!("ui.send.title")), &named(ui!("ui.send.intro")), None);
            if shown.failed {
                let attributes = [("role", "alert"), ("data-notice", "send-failed"), ("class", "bpi-note")];
                m.element("p", &attributes, texts.ui(ui!("ui.send.failed")));
            }
            m.element(
                "label",
                &[("for", "bpi-send-initials"), ("class", "bpi-field")],
                texts.ui(ui!("ui.send.initials")),
            );
            m.element(
                "p",
                &[("class", "bpi-help"), ("id", "bpi-send-initials-help")],
                texts.ui(ui!("ui.send.initials_help")),
            );
            let label = texts.ui(if shown.busy { ui!("ui.send.sealing") } else { ui!("ui.send.button") });
            let field = [
                ("id", "bpi-send-initials"),
                ("type", "text"),
                ("autocomplete", "off"),
                ("maxlength", "40"),
                ("aria-describedby", "bpi-send-initials-help"),
                ("value", &shown.initials),
            ];
            m.open("input", &field).close("input");
            let button = [
                ("type", "button"),
                ("class", "bpi-button bpi-button--primary"),
                ("data-action", "send-to-clinic"),
                (if shown.busy { "disabled" } else { "" }, ""),
            ];
            m.open("button", &button).on_click(onclick).text(label).close("button");
        });
        // Below the clinic's send button, sharing a plain link is the second way.
        let (tag, id) = if send.is_some() { ("h4", "bpi-share-plain") } else { ("h3", "bpi-share-title") };
        m.element(tag, &[("id", id)], texts.ui(ui!("ui.share.title")));
        m.element("p", &[], texts.ui(ui!("ui.share.intro")));
        let class = if send.is_some() { "bpi-button" } else { "bpi-button bpi-button--primary" };
        let button = [
            ("type", "button"),
            ("class", class),
            (if hook_share { "data-action" } else { "" }, "share"),
            (if shown.busy { "disabled" } else { "" }, ""),
        ];
        m.open("button", &button).on_click(open).text(texts.ui(ui!("ui.share.button"))).close("button");
        return panel(m);
    };
    let toggle_checkins = {
        let (intake, state, with_checkins, initials) =
            (intake.clone(), state.clone(), !shown.with_checkins, shown.initials.clone());
        let sealed_to: Option<Rc<str>> = clinic.filter(|_| shown.sealed).map(|c| c.key.into());
        Callback::from(move |_: Event| match &sealed_to {
            Some(key) => seal(intake.clone(), key.clone(), state.clone(), with_checkins, initials.clone()),
            None => plain(with_checkins),
        })
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
        Callback::from(move |_: MouseEvent| {
            let (url, title) = (url.clone(), title.clone());
            spawn_local(async move {
                // A dismissed share sheet needs no message.
                let _ = page::web_share(&title, &url).await;
            });
        })
    });
    let mut m = Markup::new();
    m.open("section", &[("class", "bpi-panel bpi-share"), ("aria-labelledby", "bpi-share-title")]);
    let mut mail = None;
    if shown.sealed {
        heading(
            &mut m,
            &named(ui!("ui.send.title")),
            &named(ui!("ui.send.ready")),
            Some(&named(ui!("ui.send.link_label"))),
        );
        mail = clinic.and_then(|c| c.email).map(|address| {
            let body = [texts.ui(ui!("ui.send.email_body")), "\n\n", &url].concat();
            [
                "mailto:",
                address,
                "?subject=",
                &String::from(js_sys::encode_uri_component(texts.ui(ui!("ui.send.email_subject")))),
                "&body=",
                &String::from(js_sys::encode_uri_component(&body)),
            ]
            .concat()
        });
    } else {
        let intro = texts.ui(if shown.protected { ui!("ui.share.protected") } else { ui!("ui.share.anyone") });
        heading(&mut m, texts.ui(ui!("ui.share.title")), intro, Some(texts.ui(ui!("ui.share.link_label"))));
    }
    // The link's field carries the hook of its kind: sealed to the clinic, or plain.
    let hook = if shown.sealed { "data-sealed-link" } else { "data-share-link" };
    let attributes = [
        ("id", "bpi-share-link"),
        ("class", "bpi-share-link"),
        ("type", "text"),
        ("readonly", ""),
        ("value", &url),
        (hook, &url),
    ];
    m.open("input", &attributes).close("input");
    m.open("div", &[("class", "bpi-actions")]);
    if let Some(href) = &mail {
        m.element(
            "a",
            &[("class", "bpi-button"), ("href", href), ("data-action", "send-email")],
            texts.ui(ui!("ui.send.email")),
        );
    }
    let button = [("type", "button"), ("class", "bpi-button bpi-button--primary"), ("data-action", "copy-link")];
    m.open("button", &button).on_click(copy).text(texts.ui(ui!("ui.share.copy"))).close("button");
    if let Some(onclick) = web_share {
        let button = [("type", "button"), ("class", "bpi-button"), ("data-action", "web-share")];
        m.open("button", &button).on_click(onclick).text(texts.ui(ui!("ui.share.system"))).close("button");
    }
    m.close("div");
    if let Some(copied) = shown.copied {
        let (notice, key) = match copied {
            Copied::Yes => ("copied", ui!("ui.share.copied")),
            Copied::ByHand => ("copy-manual", ui!("ui.share.copy_by_hand")),
        };
        m.element("p", &[("role", "status"), ("data-notice", notice), ("class", "bpi-note")], texts.ui(key));
    }
    if let Ok(qr) = qr::encode(url.as_bytes(), Ecc::M) {
        let (view_box, path) = (qr.view_box(4), qr.svg_path(4));
        let attributes = [
            ("class", "bpi-qr"),
            ("viewBox", view_box.as_str()),
            ("role", "img"),
            ("aria-label", texts.ui(ui!("ui.share.qr_label"))),
            ("shape-rendering", "crispEdges"),
        ];
        m.open("svg", &attributes);
        m.open("rect", &[("class", "bpi-qr-light"), ("width", "100%"), ("height", "100%")]).close("rect");
        m.open("path", &[("class", "bpi-qr-dark"), ("d", &path)]).close("path");
        m.close("svg");
    }
    if !intake.checkins.is_empty() {
        let checked = if shown.with_checkins { "true" } else { "false" };
        m.open("label", &[("class", "bpi-option")]);
        m.open("input", &[("type", "checkbox"), ("checked", checked), ("data-share-checkins", "")]);
        m.listen(onchange::Wrapper::new(toggle_checkins)).close("input");
        m.element("span", &[], texts.ui(ui!("ui.share.with_checkins"))).close("label");
    }
    if !shown.sealed {
        m.open("form", &[("class", "bpi-share-protect")]).listen(onsubmit::Wrapper::new(protect));
        m.element("label", &[("for", "bpi-share-passphrase")], texts.ui(ui!("ui.share.passphrase")));
        m.element("p", &[("class", "bpi-help")], texts.ui(ui!("ui.share.passphrase_help")));
        m.open("input", &[("id", "bpi-share-passphrase"), ("type", "password"), ("autocomplete", "new-password")]);
        m.close("input");
        let label = texts.ui(if shown.busy { ui!("ui.share.protecting") } else { ui!("ui.share.protect") });
        let button = [
            ("type", "submit"),
            ("class", "bpi-button"),
            ("data-action", "protect"),
            (if shown.busy { "disabled" } else { "" }, ""),
        ];
        m.element("button", &button, label).close("form");
    }
    panel(m)
}

/// The finished panel: the section opened at the start, closed.
fn panel(mut m: Markup) -> Html {
    m.close("section");
    into_html(m)
}
