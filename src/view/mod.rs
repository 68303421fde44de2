//! The native view layer: functions from the core's state and a catalog to markup.
//!
//! ```text
//!  event -> Widget::apply (domain::widget) -> state + effects -> the Yew shell (ui/)
//!                                              state -> view -> Write -> DOM
//! ```
//!
//! A view writes through [`Write`]: in the browser it builds Yew nodes (`ui::markup`),
//! natively [`html::Markup`] writes escaped HTML, so every view is tested without a
//! browser (`tests/view.rs`) and can be printed or prerendered at build time. Views hold
//! no state and own no events: the one thing a static element does when pressed is named
//! by a [`Press`], which the shell turns into an action. `ui/` keeps what owns events and
//! Yew state (inputs, forms, the shell).

pub mod answer_summary;
pub mod checkin;
pub mod clinic_panel;
pub mod clinician;
pub mod comparison_table;
pub mod fit_chart;
pub mod html;
pub mod outlook_panel;
pub mod progress_chart;
pub mod screens;
pub mod session_plan;
pub mod technique_card;
pub mod technique_ranking;
pub mod texts;
pub mod triage_panel;

pub use html::{Markup, Write};
pub use texts::Texts;

use crate::domain::compare::SortColumn;

/// What pressing a button in static markup does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// Sort the comparison by this column (again: the other way).
    Sort(SortColumn),
    /// Remove the check-in at this position.
    RemoveCheckIn(usize),
    /// Show the opened intake at this position (the clinician page).
    Select(usize),
}
