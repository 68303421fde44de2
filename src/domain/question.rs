//! The questions' schema: every question id and the kind of answer it takes, with its
//! codes or range (the answers table of shared/design/domain.md), declared once, in
//! [`QuestionId::kind`], and the [`Choice`] trait that ties each code enum of
//! [`choices`](super::choices) to its question.
//!
//! How the questions are presented (steps, order, when each is shown) is the
//! [`questionnaire`](super::questionnaire), which reads answers; this schema does not, so
//! the answers can be built on it without a circle.

use super::choices::{
    Activity, Aggravator, Bothersome, Clothed, Condition, Duration, Experience, Goal, Heat, Location, NightPain,
    Occupation, Onset, OtherCare, Pattern, Pregnancy, Pressure, SessionMinutes,
};
use super::codes::codes;
use super::techniques::TechniqueId;

codes! {
    /// Every question of the intake: the contract's table in its v1 order, then the
    /// questions v2 added.
    pub enum QuestionId {
        Age = "age",
        Pregnancy = "pregnancy",
        Occupation = "occupation",
        Activity = "activity",
        Location = "location",
        Duration = "duration",
        Onset = "onset",
        PainNow = "pain_now",
        PainWorstWeek = "pain_worst_week",
        Pattern = "pattern",
        Aggravators = "aggravators",
        NightPain = "night_pain",
        MorningStiffness = "morning_stiffness_improves_with_movement",
        RfBladder = "rf_bladder",
        RfBowel = "rf_bowel",
        RfSaddleNumbness = "rf_saddle_numbness",
        RfProgressiveWeakness = "rf_progressive_weakness",
        RfBothLegs = "rf_both_legs",
        RfNumbnessOneLeg = "rf_numbness_one_leg",
        RfFever = "rf_fever",
        RfImmunosuppressed = "rf_immunosuppressed",
        RfCancerHistory = "rf_cancer_history",
        RfWeightLoss = "rf_weight_loss",
        RfSteroids = "rf_steroids",
        Conditions = "conditions",
        SbLegPain = "sb_leg_pain",
        SbNeckShoulder = "sb_neck_shoulder",
        SbWalkShort = "sb_walk_short",
        SbDressSlowly = "sb_dress_slowly",
        SbUnsafeActive = "sb_unsafe_active",
        SbWorry = "sb_worry",
        SbNeverBetter = "sb_never_better",
        SbNoEnjoyment = "sb_no_enjoyment",
        SbBothersome = "sb_bothersome",
        Experience = "experience",
        LikedTechniques = "liked_techniques",
        Pressure = "pressure",
        Goal = "goal",
        Heat = "heat",
        Clothed = "clothed",
        SessionMinutes = "session_minutes",
        OtherCare = "other_care",
        // Contract v2 (answer format 2). Appended, never inserted: the share link packs
        // answers in this order.
        RfSexualFunction = "rf_sexual_function",
        RfChestAbdomen = "rf_chest_abdomen",
        RfNeckStrokeSigns = "rf_neck_stroke_signs",
        OnsetBefore45 = "onset_before_45",
    }
}

/// The number of questions; the size of an [`AnswerSet`](super::intake::AnswerSet).
pub const QUESTION_COUNT: usize = QuestionId::ALL.len();

/// What kind of answer a question takes, with its codes or range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole number in `min..=max`.
    Integer { min: u8, max: u8 },
    /// Exactly one of the codes.
    One(&'static [&'static str]),
    /// Any number of distinct codes, at least `min` of them. `exclusive`, when set, is a
    /// code that cannot be combined with any other (such as "none").
    Many { codes: &'static [&'static str], min: usize, exclusive: Option<&'static str> },
    /// Yes or no.
    Bool,
}

impl Kind {
    /// The codes of a choice question, empty for the others.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Kind::One(codes) | Kind::Many { codes, .. } => codes,
            Kind::Integer { .. } | Kind::Bool => &[],
        }
    }

    /// The name of the kind as the questionnaire data spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Integer { .. } => "integer",
            Kind::One(_) => "one",
            Kind::Many { .. } => "many",
            Kind::Bool => "bool",
        }
    }
}

impl QuestionId {
    /// The kind, codes and range of this question: the contract of domain.md.
    pub const fn kind(self) -> Kind {
        use QuestionId as Q;
        match self {
            Q::Age => Kind::Integer { min: 16, max: 110 },
            Q::PainNow | Q::PainWorstWeek => Kind::Integer { min: 0, max: 10 },
            Q::Pregnancy => Kind::One(Pregnancy::CODES),
            Q::Occupation => Kind::One(Occupation::CODES),
            Q::Activity => Kind::One(Activity::CODES),
            Q::Location => Kind::Many { codes: Location::CODES, min: 1, exclusive: None },
            Q::Duration => Kind::One(Duration::CODES),
            Q::Onset => Kind::One(Onset::CODES),
            Q::Pattern => Kind::Many { codes: Pattern::CODES, min: 0, exclusive: None },
            Q::Aggravators => Kind::Many { codes: Aggravator::CODES, min: 0, exclusive: None },
            Q::NightPain => Kind::One(NightPain::CODES),
            Q::Conditions => Kind::Many { codes: Condition::CODES, min: 0, exclusive: None },
            Q::SbBothersome => Kind::One(Bothersome::CODES),
            Q::Experience => Kind::One(Experience::CODES),
            Q::LikedTechniques => Kind::Many { codes: TechniqueId::CODES, min: 0, exclusive: None },
            Q::Pressure => Kind::One(Pressure::CODES),
            Q::Goal => Kind::One(Goal::CODES),
            Q::Heat => Kind::One(Heat::CODES),
            Q::Clothed => Kind::One(Clothed::CODES),
            Q::SessionMinutes => Kind::One(SessionMinutes::CODES),
            Q::OtherCare => Kind::Many { codes: OtherCare::CODES, min: 0, exclusive: Some("none") },
            Q::MorningStiffness
            | Q::RfBladder
            | Q::RfBowel
            | Q::RfSaddleNumbness
            | Q::RfProgressiveWeakness
            | Q::RfBothLegs
            | Q::RfNumbnessOneLeg
            | Q::RfFever
            | Q::RfImmunosuppressed
            | Q::RfCancerHistory
            | Q::RfWeightLoss
            | Q::RfSteroids
            | Q::RfSexualFunction
            | Q::RfChestAbdomen
            | Q::RfNeckStrokeSigns
            | Q::OnsetBefore45
            | Q::SbLegPain
            | Q::SbNeckShoulder
            | Q::SbWalkShort
            | Q::SbDressSlowly
            | Q::SbUnsafeActive
            | Q::SbWorry
            | Q::SbNeverBetter
            | Q::SbNoEnjoyment => Kind::Bool,
        }
    }

    /// Whether screening needs this answer (when the question is shown) before it can
    /// call anything safe: every red-flag question, the conditions list and the answers
    /// the rules read (domain.md v2, triage `incomplete`). Location and morning stiffness
    /// are here too because they decide whether a red-flag question is asked at all: a
    /// gap in them must not hide the question it gates.
    pub fn is_safety_answer(self) -> bool {
        use QuestionId as Q;
        self.as_str().starts_with("rf_")
            || matches!(
                self,
                Q::Conditions
                    | Q::Age
                    | Q::Pregnancy
                    | Q::Duration
                    | Q::Onset
                    | Q::NightPain
                    | Q::OnsetBefore45
                    | Q::Location
                    | Q::MorningStiffness
            )
    }

    /// The answer format that introduced this question: documents of an older format
    /// cannot hold it, and read with it unanswered.
    pub fn since_format(self) -> u64 {
        use QuestionId as Q;
        match self {
            Q::RfSexualFunction | Q::RfChestAbdomen | Q::RfNeckStrokeSigns | Q::OnsetBefore45 => 2,
            _ => 1,
        }
    }
}

/// The single-choice enums, tied to the question that asks them, for typed reads of an
/// [`AnswerSet`](super::intake::AnswerSet).
pub trait Choice: Copy + 'static {
    /// The question whose codes are this enum's codes.
    const QUESTION: QuestionId;
    /// The variant at this code position.
    fn from_position(index: usize) -> Option<Self>;
    /// The code position of this variant.
    fn position(self) -> usize;
}

macro_rules! choice {
    ($($ty:ty => $question:ident),+ $(,)?) => {
        $(impl Choice for $ty {
            const QUESTION: QuestionId = QuestionId::$question;
            fn from_position(index: usize) -> Option<Self> {
                <$ty>::from_index(index)
            }
            fn position(self) -> usize {
                self.index()
            }
        })+
    };
}

choice! {
    Pregnancy => Pregnancy,
    Occupation => Occupation,
    Activity => Activity,
    Location => Location,
    Duration => Duration,
    Onset => Onset,
    Pattern => Pattern,
    Aggravator => Aggravators,
    NightPain => NightPain,
    Condition => Conditions,
    Bothersome => SbBothersome,
    Experience => Experience,
    TechniqueId => LikedTechniques,
    Pressure => Pressure,
    Goal => Goal,
    Heat => Heat,
    Clothed => Clothed,
    SessionMinutes => SessionMinutes,
    OtherCare => OtherCare,
}
