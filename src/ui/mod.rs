//! The Yew shell: the components that own events and Yew state (inputs, forms, the
//! widget core's shell), and the function that mounts the widget.
//!
//! Components only translate events into [`Action`](crate::domain::session::Action)s and
//! render what the domain computed: every decision lives in `crate::domain`.

mod app;
mod checkin_form;
mod clinician;
mod error_summary;
mod import_button;
mod lang_switcher;
mod markup;
mod progress_bar;
mod question_field;
mod results;
mod share_panel;
mod shared_view;
mod shell;
mod state;
mod step_view;
mod texts;
mod welcome;
mod welcome_back;

use std::rc::Rc;

pub use app::{App, AppProps};
pub use clinician::{mount_clinician, ClinicianPage};
pub use results::{Results, ResultsProps};
pub use texts::{use_texts, Texts};

use crate::browser;
use crate::domain::embed::EmbedConfig;

/// The element matching `selector` inside the nearest ancestor of `from` matching
/// `within`: lookups stay inside this widget, which may sit in a shadow root where
/// `document` cannot see, or share the page with another widget.
pub(crate) fn find_near<T: wasm_bindgen::JsCast>(from: &web_sys::Element, within: &str, selector: &str) -> Option<T> {
    wasm_bindgen::JsCast::dyn_into(from.closest(within).ok()??.query_selector(selector).ok()??).ok()
}

/// The class every widget stylesheet selector is scoped under.
pub const ROOT_CLASS: &str = "bpi-root";

thread_local! {
    /// The storage keys of the widgets mounted on this page so far.
    static KEYS_IN_USE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Renders the widget into `root`, configured by the `data-*` attributes of `host`.
///
/// `boot.js` calls this for every element carrying `data-backpain-intake`: `host` is
/// that element, and `root` is where the widget draws, inside the host's shadow root
/// (so the clinic's styles and ours cannot meet) or the host itself. Bad attributes are
/// reported on the console and ignored. The root gets [`ROOT_CLASS`], and the clinic's
/// accent colour as a custom property set through the CSSOM, which a strict
/// Content-Security-Policy allows where a `style` attribute would not be.
pub fn mount_widget(host: &web_sys::Element, root: &web_sys::Element, catalogs: browser::CatalogLoader) {
    let (mut config, warnings) = EmbedConfig::from_attributes(|name| host.get_attribute(name));
    for warning in warnings {
        browser::warn(&warning.to_string());
    }
    // Two widgets on one page never share a key (one would overwrite the other's answers).
    if KEYS_IN_USE.with_borrow_mut(|keys| config.keep_apart_from(keys)) {
        let said = "backpain-intake: another widget on this page has the same storage key; this one saves under ";
        browser::warn(&[said, &config.storage_key].concat());
    }
    // A refused class or property only loses styling; the widget still works.
    let _ = root.class_list().add_1(ROOT_CLASS);
    if let (Some(accent), Some(root)) = (&config.accent, wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(root)) {
        let _ = root.style().set_property("--bpi-clinic-accent", accent);
    }
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { config: Rc::new(config), catalogs }).render();
}

/// What a button in static markup does, as the widget's event; `None` for the presses the
/// results (sort, show a section, print, export) and the clinician page handle themselves.
fn press_event(press: crate::view::Press) -> Option<crate::domain::widget::Event> {
    use crate::domain::session::Action;
    use crate::domain::widget::Event;
    use crate::view::Press;
    Some(match press {
        Press::Start => Event::Act(Action::Start),
        Press::Back => Event::Act(Action::Back),
        Press::Next => Event::Act(Action::Next),
        Press::ShowResults => Event::Act(Action::ShowResults),
        Press::Go(step) => Event::Act(Action::GoTo(step)),
        Press::RemoveCheckIn(index) => Event::Act(Action::RemoveCheckIn(index)),
        Press::Dismiss(kind) => Event::Dismiss(kind),
        Press::AskClear(ask) => Event::AskClear(ask),
        Press::Clear => Event::Clear,
        Press::Replace(yes) => Event::ConfirmReplace(yes),
        Press::Open(section, open) => Event::OpenSection(section, open),
        Press::LeaveWelcomeBack => Event::LeaveWelcomeBack,
        Press::Show(_)
        | Press::ShareUpdate
        | Press::MakeLink
        | Press::Sort(_)
        | Press::Select(_)
        | Press::Print
        | Press::Export => return None,
    })
}
