//! Conditions on the answers, as data: the one vocabulary that the screening rules, the
//! ranking's fit and safety tables and the plan's items are written in, so that a
//! threshold or a predicate is written once and every table is a typed list a test can
//! read.
//!
//! An unanswered question never makes a condition hold, with one deliberate exception,
//! [`When::MaybeNewPain`], which screening uses so that a gap never hides an urgent
//! finding. [`When::Not`] inverts that too: `Not(Yes(q))` holds while `q` is unanswered,
//! so write "answered no" as its own condition rather than with `Not`, and keep `Not`
//! for conditions whose gaps the `incomplete` triage covers (as screening does).

use super::choices::{
    Activity, Aggravator, Condition, Duration, Experience, Goal, Location, NightPain, Occupation, Onset, Pattern,
    Pregnancy,
};
use super::intake::AnswerSet;
use super::question::QuestionId;

/// The pain now, out of 10, from which pain counts as severe: a caution in screening and
/// gentler work in the ranking.
pub const SEVERE_PAIN: u8 = 8;

/// Easy bleeding: blood thinners or a bleeding disorder (Batavia 2004). The ranking avoids
/// or adapts firm work for it; the plan keeps firm self-pressure away and asks the person
/// to report bruising.
pub const BLEEDING_RISK: When =
    When::AnyOf(&[When::Condition(Condition::Anticoagulants), When::Condition(Condition::BleedingDisorder)]);

/// A clot, known or possible (NICE NG158): nothing that could move it, in a session or
/// with a ball or roller at home.
pub const CLOT_RISK: When =
    When::AnyOf(&[When::Condition(Condition::DvtDiagnosed), When::Condition(Condition::LegSwellingNew)]);

/// The pain bands of the seed articles' severity row: mild 0-3, moderate 4-6, severe 7-10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PainBand {
    Mild,
    Moderate,
    Severe,
}

impl PainBand {
    /// The band of a 0-10 pain score.
    pub fn of(pain: u8) -> PainBand {
        match pain {
            0..=3 => PainBand::Mild,
            4..=6 => PainBand::Moderate,
            _ => PainBand::Severe,
        }
    }
}

/// A condition on the answers that a rule row tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Pain(PainBand),
    /// `pain_now` of [`SEVERE_PAIN`] or more (the caution threshold of screening).
    SeverePain,
    Duration(Duration),
    /// Over twelve weeks or recurring.
    Chronic,
    /// "New pain" (domain.md v2): it began under twelve weeks ago.
    NewPain,
    /// New pain, or a duration not given: screening's reading, so that an urgent
    /// finding is never missed through a gap.
    MaybeNewPain,
    Onset(Onset),
    NightPain(NightPain),
    /// An age of at least this many years.
    AgeAtLeast(u8),
    /// An age below this many years.
    AgeBelow(u8),
    Goal(Goal),
    Pattern(Pattern),
    Aggravator(Aggravator),
    Experience(Experience),
    Activity(Activity),
    Occupation(Occupation),
    Condition(Condition),
    Location(Location),
    /// Pregnant in any trimester.
    Pregnant,
    /// Pregnant past the first trimester.
    PregnantLater,
    Postpartum,
    /// A yes to this question.
    Yes(QuestionId),
    /// Long hours sitting: desk or driving work, or sitting makes the pain worse.
    SitsForLong,
    /// Any of these conditions holds.
    AnyOf(&'static [When]),
    /// Every one of these conditions holds.
    AllOf(&'static [When]),
    /// This condition does not hold.
    Not(&'static When),
}

impl When {
    /// Whether the answers meet this condition.
    pub fn holds(self, a: &AnswerSet) -> bool {
        let duration = a.one::<Duration>();
        let is_new = |d: Duration| matches!(d, Duration::Under6Weeks | Duration::From6To12Weeks);
        let age = a.integer(QuestionId::Age);
        match self {
            When::Pain(band) => a.integer(QuestionId::PainNow).map(PainBand::of) == Some(band),
            When::SeverePain => a.integer(QuestionId::PainNow).is_some_and(|p| p >= SEVERE_PAIN),
            When::Duration(d) => duration == Some(d),
            When::Chronic => duration.is_some_and(Duration::is_chronic),
            When::NewPain => duration.is_some_and(is_new),
            When::MaybeNewPain => duration.is_none_or(is_new),
            When::Onset(o) => a.one::<Onset>() == Some(o),
            When::NightPain(n) => a.one::<NightPain>() == Some(n),
            When::AgeAtLeast(years) => age.is_some_and(|age| age >= years),
            When::AgeBelow(years) => age.is_some_and(|age| age < years),
            When::Goal(g) => a.one::<Goal>() == Some(g),
            When::Pattern(p) => a.has(p),
            When::Aggravator(x) => a.has(x),
            When::Experience(e) => a.one::<Experience>() == Some(e),
            When::Activity(x) => a.one::<Activity>() == Some(x),
            When::Occupation(o) => a.one::<Occupation>() == Some(o),
            When::Condition(c) => a.has(c),
            When::Location(l) => a.has(l),
            When::Pregnant => a.one::<Pregnancy>().is_some_and(Pregnancy::is_pregnant),
            When::PregnantLater => a.one::<Pregnancy>() == Some(Pregnancy::PregnantLater),
            When::Postpartum => a.one::<Pregnancy>() == Some(Pregnancy::Postpartum),
            When::Yes(id) => a.flag(id) == Some(true),
            When::SitsForLong => {
                matches!(a.one::<Occupation>(), Some(Occupation::Desk | Occupation::Driving))
                    || a.has(Aggravator::Sitting)
            }
            When::AnyOf(list) => list.iter().any(|w| w.holds(a)),
            When::AllOf(list) => list.iter().all(|w| w.holds(a)),
            When::Not(when) => !when.holds(a),
        }
    }
}
