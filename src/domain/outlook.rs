//! The outlook check: a back-pain outlook score adapted from the domains of the Keele
//! STarT Back Screening Tool.
//!
//! Scoring facts (Hill et al., Arthritis Rheum 2008;59(5):632-641; Keele University
//! scoring guide): nine items, each agree scores 1; the ninth ("how bothersome") scores 1
//! for "very much" or "extremely". The total is all nine; the psychosocial subscore is
//! items 5 to 9 (feeling unsafe being active, worrying thoughts, never getting better, no
//! enjoyment, bothersomeness). Low risk when the total is 3 or less; otherwise high risk
//! when the psychosocial subscore is 4 or more; otherwise medium.
//!
//! The wording of our items is our own, so the product calls this an outlook check
//! adapted from those domains, not the validated tool. A clinic holding a licence can
//! supply the official wording through the embed configuration.

use serde::Serialize;

use super::choices::Bothersome;
use super::codes::codes;
use super::intake::AnswerSet;
use super::question::QuestionId;

/// The eight agree/disagree items, in the tool's order.
pub const AGREE_ITEMS: [QuestionId; 8] = [
    QuestionId::SbLegPain,
    QuestionId::SbNeckShoulder,
    QuestionId::SbWalkShort,
    QuestionId::SbDressSlowly,
    QuestionId::SbUnsafeActive,
    QuestionId::SbWorry,
    QuestionId::SbNeverBetter,
    QuestionId::SbNoEnjoyment,
];

/// The agree items that count toward the psychosocial subscore.
pub const PSYCHOSOCIAL_ITEMS: [QuestionId; 4] =
    [QuestionId::SbUnsafeActive, QuestionId::SbWorry, QuestionId::SbNeverBetter, QuestionId::SbNoEnjoyment];

/// Total at or below which the risk is low.
pub const LOW_RISK_MAX_TOTAL: u8 = 3;
/// Psychosocial subscore at or above which the risk is high.
pub const HIGH_RISK_MIN_PSYCHOSOCIAL: u8 = 4;

codes! {
    /// The outlook group.
    pub enum Risk {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// The outlook score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stratification {
    /// 0 to 9.
    pub total: u8,
    /// 0 to 5.
    pub psychosocial: u8,
    pub risk: Risk,
}

/// The nine outlook items, for checking which are still unanswered.
pub fn items() -> impl Iterator<Item = QuestionId> {
    AGREE_ITEMS.into_iter().chain(std::iter::once(QuestionId::SbBothersome))
}

/// Scores the outlook check; `None` until all nine items are answered, because a partial
/// score would read lower, and so more reassuring, than the truth.
pub fn stratify(answers: &AnswerSet) -> Option<Stratification> {
    if items().any(|id| !answers.is_answered(id)) {
        return None;
    }
    let agreed = |ids: &[QuestionId]| ids.iter().filter(|&&id| answers.flag(id) == Some(true)).count() as u8;
    let bothersome =
        u8::from(matches!(answers.one::<Bothersome>(), Some(Bothersome::VeryMuch | Bothersome::Extremely)));
    let total = agreed(&AGREE_ITEMS) + bothersome;
    let psychosocial = agreed(&PSYCHOSOCIAL_ITEMS) + bothersome;
    let risk = if total <= LOW_RISK_MAX_TOTAL {
        Risk::Low
    } else if psychosocial >= HIGH_RISK_MIN_PSYCHOSOCIAL {
        Risk::High
    } else {
        Risk::Medium
    };
    Some(Stratification { total, psychosocial, risk })
}
