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
pub mod body_map;
pub mod checkin;
pub mod chrome;
pub mod clinic_panel;
pub mod clinician;
pub mod comparison_table;
pub mod fit_chart;
pub mod html;
pub mod outlook_panel;
pub mod overview;
pub mod prerender;
pub mod progress_chart;
pub mod screens;
pub mod session_plan;
pub mod step;
pub mod technique_card;
pub mod technique_ranking;
pub mod texts;
pub mod triage_panel;

pub use html::{Markup, Write};
pub use texts::Texts;

use crate::domain::compare::SortColumn;
use crate::domain::questionnaire::StepId;
use crate::domain::sections::Section;
use crate::domain::widget::NoticeKind;

/// What pressing a button in static markup does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// Sort the comparison by this column (again: the other way).
    Sort(SortColumn),
    /// Remove the check-in at this position.
    RemoveCheckIn(usize),
    /// Show the opened intake at this position (the clinician page).
    Select(usize),
    /// Open (`true`) or close a results section.
    Open(Section, bool),
    /// Open a results section and move the focus to it.
    Show(Section),
    /// Share the latest check-in: the share section opened, with the check-ins included.
    ShareUpdate,
    /// Make the share link at once and show it in the share section.
    MakeLink,
    /// Print the results.
    Print,
    /// Save the answers as a file.
    Export,
    /// Go back to change the answers.
    Back,
    /// Leave the welcome back for the whole results.
    LeaveWelcomeBack,
    /// Go to this step of the intake.
    Go(StepId),
    /// The next step, or the results from the last one.
    Next,
    ShowResults,
    /// Start (or continue) the intake from the welcome.
    Start,
    /// Dismiss a notice.
    Dismiss(NoticeKind),
    /// Ask (`true`) whether to clear the data, or keep it after all.
    AskClear(bool),
    /// Clear the data, confirmed.
    Clear,
    /// Replace the person's answers (`true`), or keep them.
    Replace(bool),
}
