//! Screening: red flags first.
//!
//! Every rule is one row of [`RULES`]: the flag it raises, the triage level it reaches and
//! the answers that raise it, with its source beside it. The triage is the highest level
//! any rule reaches. While a safety answer (any `rf_*` question, or the conditions list)
//! is missing the triage is `incomplete` and nothing is called safe, except that a rule
//! reaching `emergency` or `urgent` always wins: danger is never hidden by a gap.

use serde::Serialize;

use super::answers::{AnswerSet, Condition, Duration, NightPain, Onset, Pregnancy};
use super::codes::codes;
use super::questionnaire::QuestionId;

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
    /// Whether the comparison must not recommend anything (domain.md).
    pub fn withholds_recommendations(self) -> bool {
        matches!(self, Triage::Emergency | Triage::Urgent | Triage::Incomplete)
    }

    /// The severity rank used to pick the highest level; `Incomplete` ranks between
    /// `MedicalReview` and `Urgent` because it withholds recommendations but is not a
    /// finding.
    fn rank(self) -> u8 {
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
    /// Everything screening can raise. A condition's flag carries the condition's code.
    pub enum Flag {
        RfBladder = "rf_bladder",
        RfBowel = "rf_bowel",
        RfSaddleNumbness = "rf_saddle_numbness",
        RfProgressiveWeakness = "rf_progressive_weakness",
        MajorTrauma = "major_trauma",
        FractureRisk = "fracture_risk",
        RfFever = "rf_fever",
        InfectionRisk = "infection_risk",
        RfCancerHistory = "rf_cancer_history",
        RfWeightLoss = "rf_weight_loss",
        ConstantNightPain = "constant_night_pain",
        RfBothLegs = "rf_both_legs",
        RfNumbnessOneLeg = "rf_numbness_one_leg",
        InflammatoryPattern = "inflammatory_pattern",
        NewPainOver50 = "new_pain_over_50",
        DvtOrLegSwelling = "dvt_or_leg_swelling",
        RecentSurgery = "recent_surgery",
        RecentFracture = "recent_fracture",
        CancerTreatment = "cancer_treatment",
        OpenWound = "open_wound",
        Osteoporosis = "osteoporosis",
        Anticoagulants = "anticoagulants",
        BleedingDisorder = "bleeding_disorder",
        ReducedSensation = "reduced_sensation",
        HeatSensitivity = "heat_sensitivity",
        SkinCondition = "skin_condition",
        VaricoseVeins = "varicose_veins",
        Hypermobility = "hypermobility",
        OilAllergy = "oil_allergy",
        Fibromyalgia = "fibromyalgia",
        Arthritis = "arthritis",
        DiscHerniation = "disc_herniation",
        SpinalStenosis = "spinal_stenosis",
        HighBloodPressure = "high_blood_pressure",
        Pregnancy = "pregnancy",
        Postpartum = "postpartum",
        SeverePain = "severe_pain",
        Immunosuppressed = "immunosuppressed",
        LongTermSteroids = "long_term_steroids",
    }
}

/// One screening rule.
pub struct Rule {
    pub flag: Flag,
    pub level: Triage,
    /// Whether the answers raise this flag. An unanswered input never raises it; the
    /// `incomplete` triage covers the gap.
    pub raised: fn(&AnswerSet) -> bool,
}

fn yes(answers: &AnswerSet, id: QuestionId) -> bool {
    answers.flag(id) == Some(true)
}

fn condition(answers: &AnswerSet, condition: Condition) -> bool {
    answers.has(condition)
}

/// Pain that began recently. An unanswered duration counts as recent, so that an
/// immunosuppressed person is never cleared by a gap.
fn is_new_pain(answers: &AnswerSet) -> bool {
    matches!(answers.one::<Duration>(), None | Some(Duration::Under6Weeks))
}

/// The screening rules, most serious first.
///
/// Sources: NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated
/// 2020) and NICE CKS "Back pain - low (without radiculopathy)" and "Sciatica (lumbar
/// radiculopathy)" for the red flags; GIRFT national suspected cauda equina syndrome
/// pathway (2023) for the emergency signs; Downie et al., BMJ 2013;347:f7095 for fracture
/// and malignancy; ASAS criteria (Sieper et al., Ann Rheum Dis 2009) and NICE NG65 for the
/// inflammatory pattern; Batavia, Phys Ther 2004 (contraindications to therapeutic
/// massage) for the conditions that need a doctor's clearance first.
pub const RULES: &[Rule] = &[
    // Cauda equina syndrome: a surgical emergency (GIRFT 2023; NICE CKS).
    Rule { flag: Flag::RfBladder, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfBladder) },
    Rule { flag: Flag::RfBowel, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfBowel) },
    Rule { flag: Flag::RfSaddleNumbness, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfSaddleNumbness) },
    // Progressive neurological deficit (NICE CKS sciatica: emergency referral).
    Rule {
        flag: Flag::RfProgressiveWeakness,
        level: Triage::Emergency,
        raised: |a| yes(a, QuestionId::RfProgressiveWeakness),
    },
    // Possible fracture: significant trauma, or minor strain with osteoporosis or long-term
    // corticosteroids (Downie 2013; NICE CKS).
    Rule { flag: Flag::MajorTrauma, level: Triage::Urgent, raised: |a| a.one::<Onset>() == Some(Onset::MajorTrauma) },
    Rule {
        flag: Flag::FractureRisk,
        level: Triage::Urgent,
        raised: |a| {
            a.one::<Onset>() == Some(Onset::MinorStrain)
                && (condition(a, Condition::Osteoporosis) || yes(a, QuestionId::RfSteroids))
        },
    },
    // Possible spinal infection: fever, or immunosuppression or injected drugs with new
    // pain (NICE CKS).
    Rule { flag: Flag::RfFever, level: Triage::Urgent, raised: |a| yes(a, QuestionId::RfFever) },
    Rule {
        flag: Flag::InfectionRisk,
        level: Triage::Urgent,
        raised: |a| yes(a, QuestionId::RfImmunosuppressed) && is_new_pain(a),
    },
    // Possible malignancy: past cancer is the strongest single sign; unexplained weight
    // loss; unrelenting night pain (Downie 2013; NICE CKS).
    Rule { flag: Flag::RfCancerHistory, level: Triage::Urgent, raised: |a| yes(a, QuestionId::RfCancerHistory) },
    Rule { flag: Flag::RfWeightLoss, level: Triage::Urgent, raised: |a| yes(a, QuestionId::RfWeightLoss) },
    Rule {
        flag: Flag::ConstantNightPain,
        level: Triage::Urgent,
        raised: |a| a.one::<NightPain>() == Some(NightPain::ConstantUnrelenting),
    },
    // Symptoms in both legs can be early cauda equina (GIRFT 2023: bilateral sciatica).
    Rule { flag: Flag::RfBothLegs, level: Triage::Urgent, raised: |a| yes(a, QuestionId::RfBothLegs) },
    // Nerve root involvement in one leg: assess before massage (NICE CKS sciatica).
    Rule {
        flag: Flag::RfNumbnessOneLeg,
        level: Triage::MedicalReview,
        raised: |a| yes(a, QuestionId::RfNumbnessOneLeg),
    },
    // Inflammatory back pain: morning stiffness easing with movement, onset under 45,
    // lasting over three months (ASAS 2009; NICE NG65).
    Rule {
        flag: Flag::InflammatoryPattern,
        level: Triage::MedicalReview,
        raised: |a| {
            yes(a, QuestionId::MorningStiffness)
                && a.integer(QuestionId::Age).is_some_and(|age| age < 45)
                && a.one::<Duration>().is_some_and(Duration::is_chronic)
        },
    },
    // New back pain after 50 with no injury to explain it (Downie 2013; NICE CKS).
    Rule {
        flag: Flag::NewPainOver50,
        level: Triage::MedicalReview,
        raised: |a| {
            a.integer(QuestionId::Age).is_some_and(|age| age > 50)
                && a.one::<Duration>() == Some(Duration::Under6Weeks)
                && matches!(a.one::<Onset>(), Some(Onset::Gradual | Onset::SuddenNoInjury))
        },
    },
    // Conditions that need a doctor's clearance before massage (Batavia 2004).
    Rule {
        flag: Flag::DvtOrLegSwelling,
        level: Triage::MedicalReview,
        raised: |a| condition(a, Condition::DvtOrLegSwelling),
    },
    Rule {
        flag: Flag::RecentSurgery,
        level: Triage::MedicalReview,
        raised: |a| condition(a, Condition::RecentSurgery),
    },
    Rule {
        flag: Flag::RecentFracture,
        level: Triage::MedicalReview,
        raised: |a| condition(a, Condition::RecentFracture),
    },
    Rule {
        flag: Flag::CancerTreatment,
        level: Triage::MedicalReview,
        raised: |a| condition(a, Condition::CancerTreatment),
    },
    Rule { flag: Flag::OpenWound, level: Triage::MedicalReview, raised: |a| condition(a, Condition::OpenWound) },
    // Everything else the therapist must know and adapt to (Batavia 2004; domain.md).
    Rule { flag: Flag::Osteoporosis, level: Triage::Caution, raised: |a| condition(a, Condition::Osteoporosis) },
    Rule { flag: Flag::Anticoagulants, level: Triage::Caution, raised: |a| condition(a, Condition::Anticoagulants) },
    Rule {
        flag: Flag::BleedingDisorder,
        level: Triage::Caution,
        raised: |a| condition(a, Condition::BleedingDisorder),
    },
    Rule {
        flag: Flag::ReducedSensation,
        level: Triage::Caution,
        raised: |a| condition(a, Condition::ReducedSensation),
    },
    Rule { flag: Flag::HeatSensitivity, level: Triage::Caution, raised: |a| condition(a, Condition::HeatSensitivity) },
    Rule { flag: Flag::SkinCondition, level: Triage::Caution, raised: |a| condition(a, Condition::SkinCondition) },
    Rule { flag: Flag::VaricoseVeins, level: Triage::Caution, raised: |a| condition(a, Condition::VaricoseVeins) },
    Rule { flag: Flag::Hypermobility, level: Triage::Caution, raised: |a| condition(a, Condition::Hypermobility) },
    Rule { flag: Flag::OilAllergy, level: Triage::Caution, raised: |a| condition(a, Condition::OilAllergy) },
    Rule { flag: Flag::Fibromyalgia, level: Triage::Caution, raised: |a| condition(a, Condition::Fibromyalgia) },
    Rule { flag: Flag::Arthritis, level: Triage::Caution, raised: |a| condition(a, Condition::Arthritis) },
    Rule { flag: Flag::DiscHerniation, level: Triage::Caution, raised: |a| condition(a, Condition::DiscHerniation) },
    Rule { flag: Flag::SpinalStenosis, level: Triage::Caution, raised: |a| condition(a, Condition::SpinalStenosis) },
    Rule {
        flag: Flag::HighBloodPressure,
        level: Triage::Caution,
        raised: |a| condition(a, Condition::HighBloodPressure),
    },
    Rule {
        flag: Flag::Pregnancy,
        level: Triage::Caution,
        raised: |a| a.one::<Pregnancy>().is_some_and(Pregnancy::is_pregnant),
    },
    Rule {
        flag: Flag::Postpartum,
        level: Triage::Caution,
        raised: |a| a.one::<Pregnancy>() == Some(Pregnancy::Postpartum),
    },
    Rule {
        flag: Flag::SeverePain,
        level: Triage::Caution,
        raised: |a| a.integer(QuestionId::PainNow).is_some_and(|pain| pain >= 8),
    },
    // Immunosuppression or long-term steroids without the urgent pattern still change how
    // a therapist works (infection risk; thinner bones and skin).
    Rule {
        flag: Flag::Immunosuppressed,
        level: Triage::Caution,
        raised: |a| yes(a, QuestionId::RfImmunosuppressed) && !is_new_pain(a),
    },
    Rule { flag: Flag::LongTermSteroids, level: Triage::Caution, raised: |a| yes(a, QuestionId::RfSteroids) },
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
    let raised: Vec<&Rule> = RULES.iter().filter(|rule| (rule.raised)(answers)).collect();
    let missing: Vec<QuestionId> =
        QuestionId::ALL.iter().copied().filter(|id| id.is_safety_answer() && !answers.is_answered(*id)).collect();
    let highest = raised.iter().map(|r| r.level).max_by_key(|l| l.rank()).unwrap_or(Triage::Clear);
    let triage = match highest {
        Triage::Emergency | Triage::Urgent => highest,
        _ if !missing.is_empty() => Triage::Incomplete,
        _ => highest,
    };
    Screening { triage, flags: raised.iter().map(|r| r.flag).collect(), missing }
}
