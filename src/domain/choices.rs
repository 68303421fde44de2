//! The codes of the choice questions: one `codes!` enum per question whose answers are
//! codes (shared/design/domain.md, the answers table), with the few facts that belong to
//! a code, such as which pregnancy codes mean pregnant now.
//!
//! This module is the bottom of the answers' layers: it imports nothing but the `codes!`
//! macro, and [`question`](super::question) ties each enum to the question that asks it.

use super::codes::codes;

/// How many condition codes format 1 had: the first 19 of [`Condition`], in order (format
/// 2 appended `dvt_diagnosed`). Share links of version 1 pack this many bits.
pub const V1_CONDITION_CODES: usize = 19;
/// The format-1 code of the condition that format 2 split in two, and the code it reads
/// as: unexplained leg swelling is the safer reading of "a clot or leg swelling".
pub const V1_DVT_CODE: (&str, &str) = ("dvt_or_leg_swelling", "leg_swelling_new");

codes! {
    pub enum Pregnancy {
        NotApplicable = "not_applicable",
        PregnantFirstTrimester = "pregnant_first_trimester",
        PregnantLater = "pregnant_later",
        Postpartum = "postpartum",
    }
}

impl Pregnancy {
    /// Pregnant now, in any trimester (postpartum is not).
    pub fn is_pregnant(self) -> bool {
        matches!(self, Pregnancy::PregnantFirstTrimester | Pregnancy::PregnantLater)
    }
}

codes! {
    pub enum Occupation {
        Desk = "desk",
        Standing = "standing",
        ManualLifting = "manual_lifting",
        Driving = "driving",
        Mixed = "mixed",
        NotWorking = "not_working",
    }
}

codes! {
    pub enum Activity {
        Sedentary = "sedentary",
        Light = "light",
        Moderate = "moderate",
        Athlete = "athlete",
    }
}

codes! {
    pub enum Location {
        NeckShoulder = "neck_shoulder",
        UpperBack = "upper_back",
        MidBack = "mid_back",
        LowerBack = "lower_back",
        ButtockHip = "buttock_hip",
        Leg = "leg",
    }
}

codes! {
    pub enum Duration {
        Under6Weeks = "under_6_weeks",
        From6To12Weeks = "6_to_12_weeks",
        Over12Weeks = "over_12_weeks",
        Recurring = "recurring",
        NoPainPrevention = "no_pain_prevention",
    }
}

impl Duration {
    /// Pain that has lasted past twelve weeks or keeps coming back.
    pub fn is_chronic(self) -> bool {
        matches!(self, Duration::Over12Weeks | Duration::Recurring)
    }
}

codes! {
    pub enum Onset {
        Gradual = "gradual",
        SuddenNoInjury = "sudden_no_injury",
        MinorStrain = "minor_strain",
        MajorTrauma = "major_trauma",
    }
}

codes! {
    pub enum Pattern {
        DullAche = "dull_ache",
        Stiffness = "stiffness",
        Sharp = "sharp",
        Burning = "burning",
        RadiatingLeg = "radiating_leg",
        Knots = "knots",
        Spasms = "spasms",
    }
}

codes! {
    pub enum Aggravator {
        Sitting = "sitting",
        Standing = "standing",
        Bending = "bending",
        Lifting = "lifting",
        Morning = "morning",
        NightRest = "night_rest",
        Stress = "stress",
    }
}

codes! {
    pub enum NightPain {
        None = "none",
        EasesWithPosition = "eases_with_position",
        ConstantUnrelenting = "constant_unrelenting",
    }
}

codes! {
    pub enum Condition {
        Osteoporosis = "osteoporosis",
        Anticoagulants = "anticoagulants",
        BleedingDisorder = "bleeding_disorder",
        // Position 3 was `dvt_or_leg_swelling` in format 1; links of that format carry
        // its bit here, so they read as the new, unexplained swelling.
        LegSwellingNew = "leg_swelling_new",
        ReducedSensation = "reduced_sensation",
        HeatSensitivity = "heat_sensitivity",
        SkinCondition = "skin_condition",
        OpenWound = "open_wound",
        RecentSurgery = "recent_surgery",
        RecentFracture = "recent_fracture",
        CancerTreatment = "cancer_treatment",
        VaricoseVeins = "varicose_veins",
        Hypermobility = "hypermobility",
        OilAllergy = "oil_allergy",
        Fibromyalgia = "fibromyalgia",
        Arthritis = "arthritis",
        DiscHerniation = "disc_herniation",
        SpinalStenosis = "spinal_stenosis",
        HighBloodPressure = "high_blood_pressure",
        DvtDiagnosed = "dvt_diagnosed",
    }
}

codes! {
    pub enum Bothersome {
        NotAtAll = "not_at_all",
        Slightly = "slightly",
        Moderately = "moderately",
        VeryMuch = "very_much",
        Extremely = "extremely",
    }
}

codes! {
    pub enum Experience {
        None = "none",
        Positive = "positive",
        Mixed = "mixed",
        Negative = "negative",
    }
}

codes! {
    pub enum Pressure {
        Light = "light",
        Medium = "medium",
        Firm = "firm",
        Unsure = "unsure",
    }
}

codes! {
    pub enum Goal {
        Relaxation = "relaxation",
        TargetedRelief = "targeted_relief",
        Mobility = "mobility",
        SportRecovery = "sport_recovery",
        Prevention = "prevention",
    }
}

codes! {
    pub enum Heat {
        LikesWarmth = "likes_warmth",
        Neutral = "neutral",
        AvoidHeat = "avoid_heat",
    }
}

codes! {
    pub enum Clothed {
        PreferClothed = "prefer_clothed",
        Either = "either",
    }
}

codes! {
    pub enum SessionMinutes {
        Thirty = "30",
        Sixty = "60",
        Ninety = "90",
    }
}

impl SessionMinutes {
    /// The length in minutes.
    pub fn minutes(self) -> u8 {
        match self {
            SessionMinutes::Thirty => 30,
            SessionMinutes::Sixty => 60,
            SessionMinutes::Ninety => 90,
        }
    }
}

codes! {
    pub enum OtherCare {
        Physiotherapy = "physiotherapy",
        Chiropractic = "chiropractic",
        Medication = "medication",
        Exercise = "exercise",
        None = "none",
    }
}
