//! The widget's parts around the screens: the notices, "clear my data" with its
//! confirmation, the welcome's buttons and the emergency guidance that stands above the
//! steps. What their buttons do is a [`Press`], which the shell turns into an event.
//!
//! DOM hooks: each notice has `role="alert"` or `role="status"` and
//! `data-notice="<kind>"`; the buttons carry `data-action` (`clear`, `clear-confirm`,
//! `clear-cancel`, `replace-confirm`, `replace-cancel`, `next` on the welcome,
//! `results` under the emergency guidance).

use super::html::Write;
use super::screens::emergency_guidance;
use super::texts::Texts;
use super::Press;
use crate::domain::text::{share_error_key, UiKey};
use crate::domain::widget::{Detail, Notice};

/// The notices, newest last, each dismissible ([`Press::Dismiss`]).
pub fn notices<W: Write>(m: &mut W, texts: &Texts, notices: &[Notice]) {
    if notices.is_empty() {
        return;
    }
    m.open("div", &[("class", "bpi-notices")]);
    for notice in notices {
        let kind = notice.kind;
        let role = if kind.is_alert() { "alert" } else { "status" };
        m.open(
            "div",
            &[("class", &["bpi-notice bpi-notice--", role].concat()), ("role", role), ("data-notice", kind.as_str())],
        );
        m.element("p", &[], texts.ui(kind.text_key()));
        let detail = match &notice.detail {
            Some(Detail::Link(code)) => Some(texts.lookup(&share_error_key(*code))),
            Some(Detail::Said(said)) => Some(said.as_str()),
            None => None,
        };
        if let Some(detail) = detail {
            m.element("p", &[("class", "bpi-notice-detail")], detail);
        }
        let dismiss =
            [("type", "button"), ("class", "bpi-link"), ("aria-label", texts.ui(ui!("ui.notice.dismiss_label")))];
        m.open("button", &dismiss).press(Press::Dismiss(kind)).text(texts.ui(ui!("ui.notice.dismiss")));
        m.close("button").close("div");
    }
    m.close("div");
}

/// A question to answer before something is lost (`role="alertdialog"`): the question
/// (its element id and text), a danger button that does it and one that keeps everything.
pub fn confirm<W: Write>(
    m: &mut W,
    texts: &Texts,
    (id, question): (&'static str, UiKey),
    yes: (&'static str, UiKey, Press),
    no: (&'static str, UiKey, Press),
) {
    m.open("div", &[("class", "bpi-confirm"), ("role", "alertdialog"), ("aria-labelledby", id)]);
    m.element("p", &[("id", id)], texts.ui(question)).open("div", &[("class", "bpi-actions")]);
    for ((action, label, press), class) in [(yes, "bpi-button bpi-button--danger"), (no, "bpi-button")] {
        m.open("button", &[("type", "button"), ("class", class), ("data-action", action)]).press(press);
        m.text(texts.ui(label)).close("button");
    }
    m.close("div").close("div");
}

/// "Clear my data" (`data-action="clear"`, labelled by `label`) or, while `confirming`,
/// the question with "delete everything" and "keep".
pub fn clear_data<W: Write>(m: &mut W, texts: &Texts, label: UiKey, confirming: bool) {
    if confirming {
        confirm(
            m,
            texts,
            ("bpi-confirm-text", ui!("ui.clear.question")),
            ("clear-confirm", ui!("ui.clear.confirm"), Press::Clear),
            ("clear-cancel", ui!("ui.clear.cancel"), Press::AskClear(false)),
        );
    } else {
        let button = [("type", "button"), ("class", "bpi-button bpi-button--quiet"), ("data-action", "clear")];
        m.open("button", &button).press(Press::AskClear(true)).text(texts.ui(label)).close("button");
    }
}

/// The welcome's start (or continue) button, and "start over" with a saved session.
pub fn welcome_actions<W: Write>(m: &mut W, texts: &Texts, has_progress: bool, confirming_clear: bool) {
    let label = texts.ui(if has_progress { ui!("ui.welcome.continue") } else { ui!("ui.welcome.start") });
    let start = [("type", "button"), ("class", "bpi-button bpi-button--primary"), ("data-action", "next")];
    m.open("button", &start).press(Press::Start).text(label).close("button");
    if has_progress {
        clear_data(m, texts, ui!("ui.welcome.start_over"), confirming_clear);
    }
}

/// The emergency guidance, shown the moment an emergency sign is ticked, on every screen
/// but the results: the local emergency number when the clinic set one, and a button to
/// the summary unless the screen has its own results button (`results_button`), so that
/// `data-action="results"` stays unique on the page.
pub fn emergency_panel<W: Write>(m: &mut W, texts: &Texts, emergency_number: Option<&str>, results_button: bool) {
    let attributes = [
        ("class", "bpi-emergency"),
        ("role", "alert"),
        ("data-notice", "emergency"),
        ("aria-labelledby", "bpi-emergency-title"),
    ];
    m.open("section", &attributes);
    emergency_guidance(m, texts, emergency_number);
    if results_button {
        let button = [("type", "button"), ("class", "bpi-button bpi-button--danger"), ("data-action", "results")];
        m.open("button", &button).press(Press::ShowResults).text(texts.ui(ui!("ui.emergency.summary"))).close("button");
    }
    m.close("section");
}
