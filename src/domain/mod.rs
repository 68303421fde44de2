//! The pure domain: answers in, assessment out.
//!
//! This module never touches the browser (no UI framework, no DOM or JS bindings), so it
//! builds and tests on the host. The data flows one way:
//!
//! ```text
//! answers (JSON, UI events, storage, share link)
//!   -> AnswerSet (validated)  -> assess() -> Assessment (triage, outlook, ranking, plan)
//! ```
//!
//! The modules, in an order in which each imports only modules listed before it, so
//! there is no circle among them:
//!
//! - The answers: [`choices`] (the code enums of the choice questions), [`techniques`]
//!   (the eight techniques and their facts), [`question`] (every question id and the kind
//!   of answer it takes), [`error`] (what is wrong with an input), [`checkins`],
//!   [`intake`] (the [`AnswerSet`], the [`Intake`] file and their JSON), [`input`] (what a
//!   person types or ticks, as answers), [`questionnaire`] (steps, and which questions
//!   are shown for some answers).
//! - The assessment: [`when`] (the conditions every rule table is written in),
//!   [`screening`], [`outlook`], [`recommend`], [`plan`], and [`assess`] here.
//! - Around them: [`share`] (the share link), [`text`] (the words, per language),
//!   [`error_text`], [`embed`] (a clinic's configuration), [`inbox`] (the clinician
//!   page's opened intakes), [`compare`] and [`chart`] (the
//!   results' table and charts), [`sections`] (which detail sections are open), [`session`], [`store`] and [`widget`] (the widget as a
//!   native state machine).
//!
//! The byte and text codecs it uses (JSON, base64url, CRC-32, QR, sorting) are in
//! [`codec`](crate::codec), which knows nothing of this module.
//!
//! The contract it implements is shared/design/domain.md.

mod codes;

pub mod chart;
pub mod checkins;
pub mod choices;
pub mod compare;
pub mod embed;
pub mod error;
pub mod error_text;
pub mod inbox;
pub mod input;
pub mod intake;
pub mod outlook;
pub mod plan;
pub mod question;
pub mod questionnaire;
pub mod recommend;
pub mod screening;
pub mod sections;
pub mod session;
pub mod share;
pub mod store;
pub mod techniques;
pub mod text;
pub mod when;
pub mod widget;

use serde::Serialize;

pub use checkins::{CheckIn, Progress};
pub use error::{AnswerError, AnswerErrorKind};
pub use intake::{Answer, AnswerSet, Intake};
pub use outlook::Stratification;
pub use plan::{Frequency, Plan};
pub use question::QuestionId;
pub use questionnaire::Questionnaire;
pub use recommend::{Status, TechniqueResult};
pub use screening::{Flag, Screening, Triage};
pub use techniques::TechniqueId;

/// Everything the widget shows on the results, computed from the answers alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub triage: Triage,
    /// Every raised flag, most serious first.
    pub flags: Vec<Flag>,
    /// True for emergency, urgent, medical review and incomplete: the comparison may be
    /// read, but nothing is recommended, and no session plan or booking is offered.
    pub withhold_recommendations: bool,
    /// The outlook check; `null` until all nine items are answered.
    pub stratification: Option<Stratification>,
    /// All eight techniques, best fit first.
    pub techniques: Vec<TechniqueResult>,
    /// How often to book: `after_medical_advice` while recommendations are withheld;
    /// `null` while the duration of pain is unanswered.
    pub frequency: Option<Frequency>,
    /// The safety answers still missing.
    pub missing: Vec<QuestionId>,
    /// How the pain is going across the check-ins.
    pub progress: Progress,
    /// The session plan.
    pub plan: Plan,
}

/// Assesses an intake: screening first, then the outlook, the ranking and the plan.
pub fn assess(answers: &AnswerSet, checkins: &[CheckIn]) -> Assessment {
    let screening = screening::screen(answers);
    let withhold = screening.triage.withholds_recommendations();
    let stratification = outlook::stratify(answers);
    let progress = checkins::progress(answers.integer(QuestionId::PainNow), checkins);
    let offer = if withhold { plan::Offer::Withheld } else { plan::Offer::Plan };
    let plan = plan::plan(answers, stratification.as_ref(), progress, offer);
    Assessment {
        triage: screening.triage,
        flags: screening.flags,
        withhold_recommendations: withhold,
        stratification,
        techniques: recommend::rank(answers, withhold),
        frequency: plan.frequency,
        missing: screening.missing,
        progress,
        plan,
    }
}

impl Assessment {
    /// The assessment as pretty JSON (the `assess` command's output).
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail; an empty object is a
        // harmless fallback that keeps this total.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}
