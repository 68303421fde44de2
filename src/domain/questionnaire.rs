//! The questionnaire: every question id, its kind and codes, and the presentation data.
//!
//! The ids, kinds, codes and ranges are the contract of shared/design/domain.md and are
//! declared here once, in [`QuestionId::kind`]. How the questions are presented (steps,
//! order, which are required, when a question is shown, the text keys) is data, in
//! `data/questionnaire.json`, loaded with `include_str!`. A test checks that the data and
//! this schema agree question by question, code by code.

use super::answers::{
    Activity, Aggravator, Answer, AnswerSet, Bothersome, Clothed, Condition, Duration, Experience, Goal, Heat,
    Location, NightPain, Occupation, Onset, OtherCare, Pattern, Pregnancy, Pressure, SessionMinutes,
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

/// The number of questions; the size of an [`AnswerSet`].
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

codes! {
    /// The steps of the intake, in order.
    pub enum StepId {
        AboutYou = "about_you",
        YourPain = "your_pain",
        SafetyCheck = "safety_check",
        HealthConditions = "health_conditions",
        Outlook = "outlook",
        Preferences = "preferences",
    }
}

codes! {
    /// How a question is put on screen. A presentation hint only; the kind decides validity.
    pub enum Control {
        /// A number field (age).
        Number = "number",
        /// A row of numbered choices, 0 to 10 (pain scales).
        Scale = "scale",
        /// Radio buttons (one) or checkboxes (many).
        Choices = "choices",
        /// A yes / no pair.
        YesNo = "yes_no",
        /// Agree / disagree, for the outlook statements.
        AgreeDisagree = "agree_disagree",
    }
}

/// One condition for showing a question: another answer holds one of `any_of` (a code,
/// or `true`/`false` for a yes/no question), or, for a number, is at least `at_least`.
/// A question is shown while every one of its conditions holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShowIf {
    pub question: QuestionId,
    pub any_of: &'static [&'static str],
    pub at_least: Option<u8>,
}

impl ShowIf {
    /// Whether the answers meet this condition; an unanswered question never does.
    pub fn holds(&self, answers: &AnswerSet) -> bool {
        match answers.get(self.question) {
            Some(Answer::Integer(n)) => self.at_least.is_some_and(|min| n >= min),
            Some(Answer::Bool(b)) => self.any_of.contains(&if b { "true" } else { "false" }),
            _ => self.any_of.iter().any(|code| answers.has_code(self.question, code)),
        }
    }
}

/// One question as the questionnaire data presents it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    /// The kind, repeated in the data for readers; checked against [`QuestionId::kind`].
    pub kind: &'static str,
    /// The codes in display order; checked against the schema.
    pub codes: &'static [&'static str],
    pub min: Option<u8>,
    pub max: Option<u8>,
    pub required: bool,
    pub control: Control,
    /// Every condition must hold for the question to show; none means always shown.
    pub show_if: &'static [ShowIf],
    /// Whether the question has a help text (`q.<id>.help`).
    pub help: bool,
}

impl Question {
    /// Whether the question is shown for these answers.
    pub fn is_shown(&self, answers: &AnswerSet) -> bool {
        self.show_if.iter().all(|rule| rule.holds(answers))
    }

    /// Whether this question still needs an answer before the person can go on.
    pub fn needs_answer(&self, answers: &AnswerSet) -> bool {
        self.required && self.is_shown(answers) && !answers.is_answered(self.id)
    }
}

/// One step of the intake and its questions, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub id: StepId,
    pub questions: &'static [Question],
}

impl Step {
    /// The visible required questions of this step that have no answer yet.
    pub fn unanswered(&self, answers: &AnswerSet) -> Vec<QuestionId> {
        self.questions.iter().filter(|q| q.needs_answer(answers)).map(|q| q.id).collect()
    }
}

/// The whole questionnaire as `data/questionnaire.json` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Questionnaire {
    pub version: u32,
    pub steps: &'static [Step],
}

// `STEPS` and `VERSION`, generated by build.rs from data/questionnaire.json.
include!(concat!(env!("OUT_DIR"), "/questionnaire_data.rs"));

static QUESTIONNAIRE: Questionnaire = Questionnaire { version: VERSION, steps: STEPS };

impl Questionnaire {
    /// The questionnaire shipped with the widget, compiled in from `data/` by build.rs.
    pub fn get() -> &'static Questionnaire {
        &QUESTIONNAIRE
    }

    /// Every question in display order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.steps.iter().flat_map(|s| s.questions.iter())
    }

    /// The question with this id.
    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The step that asks this question.
    pub fn step_of(&self, id: QuestionId) -> Option<&Step> {
        self.steps.iter().find(|s| s.questions.iter().any(|q| q.id == id))
    }

    /// The step with this id.
    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The first step that still has a visible required question unanswered, if any.
    pub fn first_incomplete_step(&self, answers: &AnswerSet) -> Option<StepId> {
        self.steps.iter().find(|s| !s.unanswered(answers).is_empty()).map(|s| s.id)
    }

    /// Checks the data against the schema: every question exactly once, the same kind,
    /// codes and range as [`QuestionId::kind`], conditions that refer to real codes of
    /// earlier questions. Returns every problem found, one line each.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = [0usize; QUESTION_COUNT];
        for (position, question) in self.questions().enumerate() {
            seen[question.id.index()] += 1;
            let id = question.id;
            let kind = id.kind();
            if question.kind != kind.as_str() {
                problems.push(format!("{id}: data says kind {}, schema says {}", question.kind, kind.as_str()));
            }
            let mut data_codes: Vec<&str> = question.codes.to_vec();
            data_codes.sort_unstable();
            let mut schema_codes = kind.codes().to_vec();
            schema_codes.sort_unstable();
            if data_codes != schema_codes {
                problems.push(format!(
                    "{id}: data codes {:?} differ from schema codes {:?}",
                    question.codes,
                    kind.codes()
                ));
            }
            if let Kind::Integer { min, max } = kind {
                if question.min != Some(min) || question.max != Some(max) {
                    problems.push(format!(
                        "{id}: data range {:?}..={:?} differs from schema {min}..={max}",
                        question.min, question.max
                    ));
                }
            }
            for rule in question.show_if {
                let earlier = self.questions().take(position).any(|q| q.id == rule.question);
                if !earlier {
                    problems.push(format!("{id}: show_if refers to {} which is not asked before it", rule.question));
                }
                let target = rule.question.kind();
                for code in rule.any_of {
                    let valid = match target {
                        Kind::Bool => matches!(*code, "true" | "false"),
                        _ => target.codes().contains(code),
                    };
                    if !valid {
                        problems.push(format!("{id}: show_if code {code} is not a code of {}", rule.question));
                    }
                }
                if rule.at_least.is_some() != matches!(target, Kind::Integer { .. }) {
                    problems.push(format!("{id}: show_if at_least is for number questions only ({})", rule.question));
                }
                if rule.any_of.is_empty() == rule.at_least.is_none() {
                    problems.push(format!("{id}: a show_if condition needs any_of or at_least, not both"));
                }
            }
        }
        for id in QuestionId::ALL {
            match seen[id.index()] {
                1 => {}
                0 => problems.push(format!("{id}: missing from the questionnaire data")),
                n => problems.push(format!("{id}: appears {n} times in the questionnaire data")),
            }
        }
        for id in QuestionId::ALL.iter().filter(|id| id.is_safety_answer()) {
            let Some(question) = self.question(*id) else { continue };
            if !question.required {
                problems.push(format!("{id}: a safety answer must be required"));
            }
            // A safety question may be conditional, but only on safety answers, so that a
            // gap in what gates it makes the triage incomplete instead of hiding it.
            for rule in question.show_if.iter().filter(|rule| !rule.question.is_safety_answer()) {
                problems.push(format!("{id}: a safety answer is shown on {}, which is not one", rule.question));
            }
        }
        problems
    }
}

/// The single-choice enums, tied to the question that asks them, for typed reads of an
/// [`AnswerSet`].
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
