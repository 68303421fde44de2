//! Yew function components, one per file, and the function that mounts the widget.
//!
//! Components only translate events into [`Action`](crate::domain::session::Action)s and
//! render what the domain computed: every decision lives in `crate::domain`.

mod answer_summary;
mod app;
mod checkin_form;
mod checkin_panel;
mod clear_data;
mod comparison_table;
mod emergency_panel;
mod error_summary;
mod fit_chart;
mod import_button;
mod markup;
mod notice_list;
mod outlook_panel;
mod progress_bar;
mod progress_chart;
mod question_field;
mod results;
mod session_plan;
mod share_panel;
mod shared_view;
mod step_view;
mod technique_card;
mod technique_ranking;
mod texts;
mod triage_panel;
mod welcome;

use std::rc::Rc;

pub use app::{App, AppProps};
pub use notice_list::{Notice, NoticeKind};
pub use results::{Results, ResultsProps};
pub use texts::{use_texts, Texts};

use crate::browser;
use crate::domain::embed::EmbedConfig;

/// The id of the element the widget renders into.
pub const ROOT_ID: &str = "backpain-intake";

/// The class every widget stylesheet selector is scoped under.
pub const ROOT_CLASS: &str = "bpi-root";

/// Renders [`App`] into the element with id [`ROOT_ID`], configured by its `data-*`
/// attributes.
///
/// A page without that element still gets a working widget: a root element is appended
/// to the body. The root always carries [`ROOT_CLASS`], so the scoped styles apply.
pub fn mount() {
    let Some(root) = find_or_create_root() else {
        browser::warn("backpain-intake: no document to render into");
        return;
    };
    let _ = root.class_list().add_1(ROOT_CLASS);
    let (config, warnings) = EmbedConfig::from_attributes(|name| root.get_attribute(name));
    for warning in warnings {
        browser::warn(&warning.to_string());
    }
    yew::Renderer::<App>::with_root_and_props(root, AppProps { config: Rc::new(config) }).render();
}

fn find_or_create_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    if let Some(root) = document.get_element_by_id(ROOT_ID) {
        return Some(root);
    }
    let root = document.create_element("div").ok()?;
    root.set_id(ROOT_ID);
    document.body()?.append_child(&root).ok()?;
    Some(root)
}
