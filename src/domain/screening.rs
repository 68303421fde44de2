//! Screening: red flags first.
//!
//! Every rule is one row of [`RULES`]: the flag it raises, the triage level it reaches and
//! the answers that raise it, with its source beside it. A condition of the conditions
//! list is a row of its own kind, the condition and its level: the condition is its own
//! flag, so its code is written once, in [`Condition`]. The triage is the highest level
//! any rule reaches. While a safety answer (see [`QuestionId::is_safety_answer`]) that is
//! shown is missing, the triage is `incomplete` and nothing is called safe, except that a
//! rule reaching `emergency` or `urgent` always wins: danger is never hidden by a gap.

use std::fmt;

use serde::{Serialize, Serializer};

use super::choices::{Condition, NightPain, Onset};
use super::codes::{self, codes};
use super::intake::AnswerSet;
use super::question::QuestionId;
use super::questionnaire::Questionnaire;
use super::when::When;

codes! {
    /// The triage levels, from least to most serious; `Incomplete` stands apart.
    pub enum Triage {
        Clear = "clear",
        Caution = "caution",
        MedicalReview = "medical_review",
        Urgent = "urgent",
        Emergency = "emergency",
        Incomplete = "incomplete",
    }
}

impl Triage {
    /// Whether the comparison must not recommend anything, and no session plan or booking
    /// is offered (domain.md v2): a doctor comes first, or a safety answer is missing.
    pub fn withholds_recommendations(self) -> bool {
        self.reading() != Reading::Recommendations
    }

    /// Whether the person is sent to medical care before anything else (emergency or
    /// urgent): the outlook check is then not shown as advice.
    pub fn needs_care_now(self) -> bool {
        matches!(self, Triage::Emergency | Triage::Urgent)
    }

    /// How the comparison of techniques reads at this level (domain.md v2).
    pub fn reading(self) -> Reading {
        match self {
            Triage::Clear | Triage::Caution => Reading::Recommendations,
            Triage::MedicalReview => Reading::AfterMedicalAdvice,
            Triage::Urgent | Triage::Emergency | Triage::Incomplete => Reading::ForReadingOnly,
        }
    }

    /// The severity rank used to pick the highest level; `Incomplete` ranks between
    /// `MedicalReview` and `Urgent` because it withholds recommendations but is not a
    /// finding.
    pub fn rank(self) -> u8 {
        match self {
            Triage::Clear => 0,
            Triage::Caution => 1,
            Triage::MedicalReview => 2,
            Triage::Incomplete => 3,
            Triage::Urgent => 4,
            Triage::Emergency => 5,
        }
    }
}

codes! {
    /// What a rule finds in the answers besides a listed condition: a red-flag answer or
    /// a pattern of answers. Declared in the order of [`RULES`].
    pub enum Finding {
        RfBladder = "rf_bladder",
        RfBowel = "rf_bowel",
        RfSaddleNumbness = "rf_saddle_numbness",
        RfSexualFunction = "rf_sexual_function",
        RfBothLegs = "rf_both_legs",
        RfProgressiveWeakness = "rf_progressive_weakness",
        RfChestAbdomen = "rf_chest_abdomen",
        RfNeckStrokeSigns = "rf_neck_stroke_signs",
        MajorTrauma = "major_trauma",
        FractureRisk = "fracture_risk",
        FractureRiskAge = "fracture_risk_age",
        RfFever = "rf_fever",
        InfectionRisk = "infection_risk",
        RfCancerHistory = "rf_cancer_history",
        RfWeightLoss = "rf_weight_loss",
        ConstantNightPain = "constant_night_pain",
        RfNumbnessOneLeg = "rf_numbness_one_leg",
        Immunosuppressed = "immunosuppressed",
        InflammatoryPattern = "inflammatory_pattern",
        NewPainOver50 = "new_pain_over_50",
        YoungPersistentPain = "young_persistent_pain",
        Pregnancy = "pregnancy",
        Postpartum = "postpartum",
        SeverePain = "severe_pain",
        LongTermSteroids = "long_term_steroids",
    }
}

/// Everything screening can raise: a finding, or a condition of the conditions list. A
/// condition's flag is the condition itself and carries its code, so a condition code is
/// written once, in [`Condition`]; its level is its row in [`RULES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    Finding(Finding),
    Condition(Condition),
}

impl Flag {
    /// Every flag, in the order of [`RULES`]: most serious first, as `flags` lists them.
    pub const ALL: &'static [Flag] = &FLAGS;
    /// Every flag's code, in the same order.
    pub const CODES: &'static [&'static str] = &FLAG_CODES;

    /// The stable code of this flag: the finding's code, or the condition's.
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::Finding(finding) => finding.as_str(),
            Flag::Condition(condition) => condition.as_str(),
        }
    }

    /// The flag with this code, if any.
    pub fn from_code(code: &str) -> Option<Flag> {
        Self::ALL.get(codes::position(Self::CODES, code)?).copied()
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The flags of [`RULES`], one per row, read at compile time.
const FLAGS: [Flag; RULES.len()] = {
    let mut flags = [Flag::Finding(Finding::RfBladder); RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        flags[i] = RULES[i].flag;
        i += 1;
    }
    flags
};

/// The codes of [`FLAGS`].
const FLAG_CODES: [&str; RULES.len()] = {
    let mut codes = [""; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        codes[i] = FLAGS[i].as_str();
        i += 1;
    }
    codes
};

// Every condition has exactly one row, so none can go unflagged: a condition added to the
// list without a level stops the build.
const _: () = {
    let mut c = 0;
    while c < Condition::ALL.len() {
        let (mut rows, mut i) = (0, 0);
        while i < RULES.len() {
            if let Flag::Condition(condition) = RULES[i].flag {
                rows += (condition as usize == c) as usize;
            }
            i += 1;
        }
        assert!(rows == 1, "every condition needs exactly one row in RULES");
        c += 1;
    }
};

/// How the person reads the comparison of techniques.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Massage may start: the best fits are recommended.
    Recommendations,
    /// A doctor first: the ranking is what may suit them once their doctor agrees.
    AfterMedicalAdvice,
    /// Care comes first, or a safety answer is missing: for reading only.
    ForReadingOnly,
}

/// One screening rule: the flag it raises, the level it reaches, and the answers that
/// raise it (an unanswered input never does, except that an unanswered duration may be
/// new pain, [`When::MaybeNewPain`]; the `incomplete` triage covers the gap).
pub struct Rule {
    pub flag: Flag,
    pub level: Triage,
    pub when: When,
}

/// A finding's row.
const fn rule(finding: Finding, level: Triage, when: When) -> Rule {
    Rule { flag: Flag::Finding(finding), level, when }
}

/// A condition's row: the condition itself is both the answer that raises the flag and
/// the flag, so the row names it once.
const fn condition(condition: Condition, level: Triage) -> Rule {
    Rule { flag: Flag::Condition(condition), level, when: When::Condition(condition) }
}

use Condition as Cd;
use Finding as F;
use QuestionId as Q;
use Triage::{Caution, Emergency, MedicalReview, Urgent};

/// A possible fragility fracture: a minor strain, or sudden pain with no injury, in bones
/// weakened by osteoporosis or long-term steroids, with pain that may be new (Downie
/// 2013; NICE CKS).
const FRAGILE_BONE_FRACTURE: When = When::AllOf(&[
    When::AnyOf(&[When::Onset(Onset::MinorStrain), When::Onset(Onset::SuddenNoInjury)]),
    When::AnyOf(&[When::Condition(Cd::Osteoporosis), When::Yes(Q::RfSteroids)]),
    When::MaybeNewPain,
]);

/// A possible fracture from a minor strain at 70 or over, with pain that may be new
/// (Downie 2013: older age is among the strongest signs of a vertebral fracture).
const OLDER_AGE_FRACTURE: When =
    When::AllOf(&[When::Onset(Onset::MinorStrain), When::AgeAtLeast(70), When::MaybeNewPain]);

/// The screening rules, most serious first.
///
/// Sources: NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated
/// 2020) and NICE CKS "Back pain - low (without radiculopathy)" and "Sciatica (lumbar
/// radiculopathy)" for the red flags; GIRFT national suspected cauda equina syndrome
/// pathway (2023) for the emergency signs; Downie et al., BMJ 2013;347:f7095 for fracture
/// and malignancy; ASAS criteria (Sieper et al., Ann Rheum Dis 2009) and NICE NG65 for the
/// inflammatory pattern; the IFOMPT international framework for examination of the
/// cervical region (Rushton et al., 2020) for neck artery signs and for young people with
/// persisting pain; NICE NG158 (2020) for suspected deep vein thrombosis; Batavia, Phys
/// Ther 2004 (contraindications to therapeutic massage) for the conditions that need a
/// doctor's clearance first.
pub const RULES: &[Rule] = &[
    // Suspected cauda equina syndrome: a surgical emergency. GIRFT 2023 counts new
    // symptoms in both legs and sexual dysfunction among its signs (NICE CKS as well).
    rule(F::RfBladder, Emergency, When::Yes(Q::RfBladder)),
    rule(F::RfBowel, Emergency, When::Yes(Q::RfBowel)),
    rule(F::RfSaddleNumbness, Emergency, When::Yes(Q::RfSaddleNumbness)),
    rule(F::RfSexualFunction, Emergency, When::Yes(Q::RfSexualFunction)),
    rule(F::RfBothLegs, Emergency, When::Yes(Q::RfBothLegs)),
    // Progressive neurological deficit (NICE CKS sciatica: emergency referral).
    rule(F::RfProgressiveWeakness, Emergency, When::Yes(Q::RfProgressiveWeakness)),
    // Sudden severe, tearing or pulsing belly or chest pain with back pain: possible
    // abdominal aortic aneurysm or dissection (NICE CKS low back pain red flags).
    rule(F::RfChestAbdomen, Emergency, When::Yes(Q::RfChestAbdomen)),
    // New dizziness, double vision, trouble speaking or swallowing, drop attacks or a
    // numb face with neck pain: possible stroke or neck artery dissection (IFOMPT 2020).
    rule(F::RfNeckStrokeSigns, Emergency, When::Yes(Q::RfNeckStrokeSigns)),
    // Possible fracture: significant trauma at any age; a minor strain or sudden pain with
    // fragile bones; a minor strain at 70 or over (Downie 2013; NICE CKS).
    rule(F::MajorTrauma, Urgent, When::Onset(Onset::MajorTrauma)),
    rule(F::FractureRisk, Urgent, FRAGILE_BONE_FRACTURE),
    rule(F::FractureRiskAge, Urgent, OLDER_AGE_FRACTURE),
    // Possible spinal infection: fever, or immunosuppression or injected drugs with new
    // pain (NICE CKS).
    rule(F::RfFever, Urgent, When::Yes(Q::RfFever)),
    rule(F::InfectionRisk, Urgent, When::AllOf(&[When::Yes(Q::RfImmunosuppressed), When::MaybeNewPain])),
    // Possible malignancy: past cancer is the strongest single sign; unexplained weight
    // loss; unrelenting night pain (Downie 2013; NICE CKS).
    rule(F::RfCancerHistory, Urgent, When::Yes(Q::RfCancerHistory)),
    rule(F::RfWeightLoss, Urgent, When::Yes(Q::RfWeightLoss)),
    rule(F::ConstantNightPain, Urgent, When::NightPain(NightPain::ConstantUnrelenting)),
    // New leg swelling that no doctor has explained: possible deep vein thrombosis, which
    // needs assessment the same day (NICE NG158).
    condition(Cd::LegSwellingNew, Urgent),
    // Nerve root involvement in one leg: assess before massage (NICE CKS sciatica).
    rule(F::RfNumbnessOneLeg, MedicalReview, When::Yes(Q::RfNumbnessOneLeg)),
    // Immunosuppression or injected drugs with longer-standing pain: infection is less
    // likely than with new pain, but a doctor should still agree first (NICE CKS).
    rule(
        F::Immunosuppressed,
        MedicalReview,
        When::AllOf(&[When::Yes(Q::RfImmunosuppressed), When::Not(&When::MaybeNewPain)]),
    ),
    // Inflammatory back pain: morning stiffness easing with movement, lasting over three
    // months, that began before 45 (ASAS 2009; NICE NG65). People 45 or over are asked
    // when it began.
    rule(
        F::InflammatoryPattern,
        MedicalReview,
        When::AllOf(&[
            When::Yes(Q::MorningStiffness),
            When::Chronic,
            When::AnyOf(&[When::AgeBelow(45), When::Yes(Q::OnsetBefore45)]),
        ]),
    ),
    // New back pain after 50 with no injury, or a minor one, to explain it (Downie 2013;
    // NICE CKS), unless a fracture rule has already made it urgent.
    rule(
        F::NewPainOver50,
        MedicalReview,
        When::AllOf(&[
            When::AgeAtLeast(51),
            When::NewPain,
            When::AnyOf(&[
                When::Onset(Onset::Gradual),
                When::Onset(Onset::SuddenNoInjury),
                When::Onset(Onset::MinorStrain),
            ]),
            When::Not(&FRAGILE_BONE_FRACTURE),
            When::Not(&OLDER_AGE_FRACTURE),
        ]),
    ),
    // Under 20 with pain lasting over twelve weeks or coming back: serious causes are
    // more likely in the young (IFOMPT 2020).
    rule(F::YoungPersistentPain, MedicalReview, When::AllOf(&[When::AgeBelow(20), When::Chronic])),
    // Conditions that need a doctor's clearance before massage (Batavia 2004).
    condition(Cd::DvtDiagnosed, MedicalReview),
    condition(Cd::RecentSurgery, MedicalReview),
    condition(Cd::RecentFracture, MedicalReview),
    condition(Cd::CancerTreatment, MedicalReview),
    condition(Cd::OpenWound, MedicalReview),
    // Everything else the therapist must know and adapt to (Batavia 2004; domain.md).
    condition(Cd::Osteoporosis, Caution),
    condition(Cd::Anticoagulants, Caution),
    condition(Cd::BleedingDisorder, Caution),
    condition(Cd::ReducedSensation, Caution),
    condition(Cd::HeatSensitivity, Caution),
    condition(Cd::SkinCondition, Caution),
    condition(Cd::VaricoseVeins, Caution),
    condition(Cd::Hypermobility, Caution),
    condition(Cd::OilAllergy, Caution),
    condition(Cd::Fibromyalgia, Caution),
    condition(Cd::Arthritis, Caution),
    condition(Cd::DiscHerniation, Caution),
    condition(Cd::SpinalStenosis, Caution),
    condition(Cd::HighBloodPressure, Caution),
    rule(F::Pregnancy, Caution, When::Pregnant),
    rule(F::Postpartum, Caution, When::Postpartum),
    rule(F::SeverePain, Caution, When::SeverePain),
    // Long-term steroids thin bones and skin, which changes how a therapist works even
    // without the fracture pattern above.
    rule(F::LongTermSteroids, Caution, When::Yes(Q::RfSteroids)),
];

/// What screening found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Screening {
    pub triage: Triage,
    /// Every raised flag, most serious first.
    pub flags: Vec<Flag>,
    /// The safety answers still missing.
    pub missing: Vec<QuestionId>,
}

impl Screening {
    /// The level a single flag reaches.
    pub fn level_of(flag: Flag) -> Triage {
        RULES.iter().find(|r| r.flag == flag).map_or(Triage::Caution, |r| r.level)
    }

    /// The flags that reach exactly this level.
    pub fn flags_at(&self, level: Triage) -> impl Iterator<Item = Flag> + '_ {
        self.flags.iter().copied().filter(move |f| Self::level_of(*f) == level)
    }
}

/// Runs every rule over the answers.
pub fn screen(answers: &AnswerSet) -> Screening {
    let raised: Vec<&Rule> = RULES.iter().filter(|rule| rule.when.holds(answers)).collect();
    let missing = missing_safety_answers(answers);
    let highest = raised.iter().map(|r| r.level).max_by_key(|l| l.rank()).unwrap_or(Triage::Clear);
    let triage = match highest {
        _ if highest.needs_care_now() => highest,
        _ if !missing.is_empty() => Triage::Incomplete,
        _ => highest,
    };
    Screening { triage, flags: raised.iter().map(|r| r.flag).collect(), missing }
}

/// The safety answers a screening still needs: every safety question that is shown for
/// these answers and not answered, in questionnaire order.
pub fn missing_safety_answers(answers: &AnswerSet) -> Vec<QuestionId> {
    Questionnaire::get()
        .questions()
        .filter(|q| q.id.is_safety_answer() && q.is_shown(answers) && !answers.is_answered(q.id))
        .map(|q| q.id)
        .collect()
}
