//! Screening: red flags first.
//!
//! Every rule is one row of [`RULES`]: the flag it raises, the triage level it reaches and
//! the answers that raise it, with its source beside it. The triage is the highest level
//! any rule reaches. While a safety answer (see [`QuestionId::is_safety_answer`]) that is
//! shown is missing, the triage is `incomplete` and nothing is called safe, except that a
//! rule reaching `emergency` or `urgent` always wins: danger is never hidden by a gap.

use serde::Serialize;

use super::answers::{AnswerSet, Condition, Duration, NightPain, Onset, Pregnancy};
use super::codes::codes;
use super::questionnaire::{QuestionId, Questionnaire};

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
        matches!(self, Triage::Emergency | Triage::Urgent | Triage::MedicalReview | Triage::Incomplete)
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
        LegSwellingNew = "leg_swelling_new",
        RfNumbnessOneLeg = "rf_numbness_one_leg",
        Immunosuppressed = "immunosuppressed",
        InflammatoryPattern = "inflammatory_pattern",
        NewPainOver50 = "new_pain_over_50",
        YoungPersistentPain = "young_persistent_pain",
        DvtDiagnosed = "dvt_diagnosed",
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
        LongTermSteroids = "long_term_steroids",
    }
}

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

/// One screening rule.
pub struct Rule {
    pub flag: Flag,
    pub level: Triage,
    /// Whether the answers raise this flag. An unanswered input never raises it (except
    /// that an unanswered duration may be new pain, below); the `incomplete` triage covers
    /// the gap.
    pub raised: fn(&AnswerSet) -> bool,
}

fn yes(answers: &AnswerSet, id: QuestionId) -> bool {
    answers.flag(id) == Some(true)
}

fn condition(answers: &AnswerSet, condition: Condition) -> bool {
    answers.has(condition)
}

fn age(answers: &AnswerSet, test: fn(u8) -> bool) -> bool {
    answers.integer(QuestionId::Age).is_some_and(test)
}

/// "New pain" (domain.md v2): it began under 12 weeks ago. An unanswered duration counts
/// as new, so that no urgent finding is missed by a gap.
fn is_new_pain(answers: &AnswerSet) -> bool {
    matches!(answers.one::<Duration>(), None | Some(Duration::Under6Weeks | Duration::From6To12Weeks))
}

/// A possible fragility fracture: a minor strain, or sudden pain with no injury, in bones
/// weakened by osteoporosis or long-term steroids, with new pain (Downie 2013; NICE CKS).
fn fragile_bone_fracture(a: &AnswerSet) -> bool {
    matches!(a.one::<Onset>(), Some(Onset::MinorStrain | Onset::SuddenNoInjury))
        && (condition(a, Condition::Osteoporosis) || yes(a, QuestionId::RfSteroids))
        && is_new_pain(a)
}

/// A possible fracture from a minor strain at 70 or over, with new pain (Downie 2013:
/// older age is among the strongest signs of a vertebral fracture).
fn older_age_fracture(a: &AnswerSet) -> bool {
    a.one::<Onset>() == Some(Onset::MinorStrain) && age(a, |age| age >= 70) && is_new_pain(a)
}

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
    Rule { flag: Flag::RfBladder, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfBladder) },
    Rule { flag: Flag::RfBowel, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfBowel) },
    Rule { flag: Flag::RfSaddleNumbness, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfSaddleNumbness) },
    Rule { flag: Flag::RfSexualFunction, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfSexualFunction) },
    Rule { flag: Flag::RfBothLegs, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfBothLegs) },
    // Progressive neurological deficit (NICE CKS sciatica: emergency referral).
    Rule {
        flag: Flag::RfProgressiveWeakness,
        level: Triage::Emergency,
        raised: |a| yes(a, QuestionId::RfProgressiveWeakness),
    },
    // Sudden severe, tearing or pulsing belly or chest pain with back pain: possible
    // abdominal aortic aneurysm or dissection (NICE CKS low back pain red flags).
    Rule { flag: Flag::RfChestAbdomen, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfChestAbdomen) },
    // New dizziness, double vision, trouble speaking or swallowing, drop attacks or a
    // numb face with neck pain: possible stroke or neck artery dissection (IFOMPT 2020).
    Rule { flag: Flag::RfNeckStrokeSigns, level: Triage::Emergency, raised: |a| yes(a, QuestionId::RfNeckStrokeSigns) },
    // Possible fracture: significant trauma at any age; a minor strain or sudden pain with
    // fragile bones; a minor strain at 70 or over (Downie 2013; NICE CKS).
    Rule { flag: Flag::MajorTrauma, level: Triage::Urgent, raised: |a| a.one::<Onset>() == Some(Onset::MajorTrauma) },
    Rule { flag: Flag::FractureRisk, level: Triage::Urgent, raised: fragile_bone_fracture },
    Rule { flag: Flag::FractureRiskAge, level: Triage::Urgent, raised: older_age_fracture },
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
    // New leg swelling that no doctor has explained: possible deep vein thrombosis, which
    // needs assessment the same day (NICE NG158).
    Rule { flag: Flag::LegSwellingNew, level: Triage::Urgent, raised: |a| condition(a, Condition::LegSwellingNew) },
    // Nerve root involvement in one leg: assess before massage (NICE CKS sciatica).
    Rule {
        flag: Flag::RfNumbnessOneLeg,
        level: Triage::MedicalReview,
        raised: |a| yes(a, QuestionId::RfNumbnessOneLeg),
    },
    // Immunosuppression or injected drugs with longer-standing pain: infection is less
    // likely than with new pain, but a doctor should still agree first (NICE CKS).
    Rule {
        flag: Flag::Immunosuppressed,
        level: Triage::MedicalReview,
        raised: |a| yes(a, QuestionId::RfImmunosuppressed) && !is_new_pain(a),
    },
    // Inflammatory back pain: morning stiffness easing with movement, lasting over three
    // months, that began before 45 (ASAS 2009; NICE NG65). People 45 or over are asked
    // when it began.
    Rule {
        flag: Flag::InflammatoryPattern,
        level: Triage::MedicalReview,
        raised: |a| {
            yes(a, QuestionId::MorningStiffness)
                && a.one::<Duration>().is_some_and(Duration::is_chronic)
                && (age(a, |age| age < 45) || yes(a, QuestionId::OnsetBefore45))
        },
    },
    // New back pain after 50 with no injury, or a minor one, to explain it (Downie 2013;
    // NICE CKS), unless a fracture rule has already made it urgent.
    Rule {
        flag: Flag::NewPainOver50,
        level: Triage::MedicalReview,
        raised: |a| {
            age(a, |age| age > 50)
                && matches!(a.one::<Duration>(), Some(Duration::Under6Weeks | Duration::From6To12Weeks))
                && matches!(a.one::<Onset>(), Some(Onset::Gradual | Onset::SuddenNoInjury | Onset::MinorStrain))
                && !fragile_bone_fracture(a)
                && !older_age_fracture(a)
        },
    },
    // Under 20 with pain lasting over twelve weeks or coming back: serious causes are
    // more likely in the young (IFOMPT 2020).
    Rule {
        flag: Flag::YoungPersistentPain,
        level: Triage::MedicalReview,
        raised: |a| age(a, |age| age < 20) && a.one::<Duration>().is_some_and(Duration::is_chronic),
    },
    // Conditions that need a doctor's clearance before massage (Batavia 2004).
    Rule { flag: Flag::DvtDiagnosed, level: Triage::MedicalReview, raised: |a| condition(a, Condition::DvtDiagnosed) },
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
        raised: |a| a.integer(QuestionId::PainNow).is_some_and(|pain| pain >= SEVERE_PAIN),
    },
    // Long-term steroids thin bones and skin, which changes how a therapist works even
    // without the fracture pattern above.
    Rule { flag: Flag::LongTermSteroids, level: Triage::Caution, raised: |a| yes(a, QuestionId::RfSteroids) },
];

/// The pain now, out of 10, from which pain counts as severe: a caution in screening and
/// gentler work in the ranking.
pub const SEVERE_PAIN: u8 = 8;

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
