//! Ranking: how well each of the eight techniques fits this person, and whether any of
//! them should be avoided or adapted.
//!
//! No technique is proven better than another for back pain (Furlan et al., Cochrane
//! Database Syst Rev 2015, CD001929: massage helps short-term, no style stands out), so
//! the fit is about comfort and match, not efficacy. Every point of fit and every status
//! comes from a row of a table below and carries that row's reason or caution id, which
//! the widget turns into words.
//!
//! - Fit starts at [`BASE_FIT`]; each [`FitRule`] that holds adds or removes points; the
//!   rules read from the technique facts (pressure, heat, clothing, session length) do
//!   the same. The sum is shown on a scale of 0 to 100 by [`shown_fit`]: as it is up to
//!   [`FIT_KNEE`], then compressed so that the most any technique could score
//!   ([`RAW_CEILING`]) reads 100. Every point in the tables is a multiple of 5, so two
//!   different sums never show the same fit: a tie on screen is a true tie, never one
//!   made by cutting scores off at 100.
//! - Each [`SafetyRule`] that holds adds a caution id. An avoid-level caution makes the
//!   status `avoid` and caps the fit at [`AVOID_FIT_CAP`]; a caution-level one makes the
//!   status `caution` and costs [`CAUTION_PENALTY`] points.
//! - A technique whose defining feature the person said no to (heat, only firm pressure,
//!   undressing) is capped at [`CONFLICT_FIT_CAP`]: see [`conflicts_with_preference`].
//! - Of the techniques with no caution, the best [`RECOMMENDED_MAX`] with a fit of
//!   [`RECOMMENDED_MIN_FIT`] or more are `recommended`, unless screening withholds
//!   recommendations; the others are `suitable`.

use serde::Serialize;

use super::choices::{
    Activity, Aggravator, Clothed, Condition, Duration, Experience, Goal, Heat, Location, Occupation, Pattern,
    Pressure, SessionMinutes,
};
use super::codes::codes;
use super::intake::AnswerSet;
use super::question::QuestionId;
use super::techniques::{techniques, Clothing, PressureLevel, Technique, TechniqueId};
pub use super::when::{PainBand, When};
use super::when::{BLEEDING_RISK, CLOT_RISK};
use crate::codec::sort::{sort_small_by, sort_small_by_key};

/// Every technique starts here.
pub const BASE_FIT: i32 = 35;
/// A technique with no caution and at least this fit (75 points, as shown) can be
/// recommended...
pub const RECOMMENDED_MIN_FIT: u8 = shown_fit(75);
/// ...and at most this many are, the best fits first: a short list helps a person choose,
/// eight "recommended" badges would not.
pub const RECOMMENDED_MAX: usize = 3;
/// Points each distinct caution-level caution costs.
pub const CAUTION_PENALTY: i32 = 10;
/// The most fit an avoided technique can show, so it always sorts below the rest.
pub const AVOID_FIT_CAP: u8 = 10;
/// The most fit a technique can show when the person said no to what defines it (see
/// [`conflicts_with_preference`]): below any technique with nothing for or against it
/// ([`BASE_FIT`]), so the small bonuses it earns elsewhere can never lift it to the top.
pub const CONFLICT_FIT_CAP: u8 = 20;

codes! {
    /// Why a technique's fit went up or down. The sign of every reason is fixed (checked
    /// by a test), so the widget can say "fits because" or "fits less because".
    pub enum Reason {
        GentleForMildPain = "gentle_for_mild_pain",
        SuitsModerateToSeverePain = "suits_moderate_to_severe_pain",
        SoothingAtAnyLevel = "soothing_at_any_level",
        GentleWhenPainHigh = "gentle_when_pain_high",
        GentleStartForNewPain = "gentle_start_for_new_pain",
        ChronicDeepTension = "chronic_deep_tension",
        ChronicFasciaRestriction = "chronic_fascia_restriction",
        ChronicMuscleKnots = "chronic_muscle_knots",
        ChronicLowBackEastern = "chronic_low_back_eastern",
        PreventionMaintenance = "prevention_maintenance",
        MatchesPressure = "matches_pressure",
        AdjustablePressure = "adjustable_pressure",
        EnjoysWarmth = "enjoys_warmth",
        DoneClothed = "done_clothed",
        GoalRelaxation = "goal_relaxation",
        GoalTargetedRelief = "goal_targeted_relief",
        GoalMobility = "goal_mobility",
        GoalSportRecovery = "goal_sport_recovery",
        GoalPrevention = "goal_prevention",
        TargetsKnots = "targets_knots",
        EasesStiffness = "eases_stiffness",
        CalmsSpasms = "calms_spasms",
        ReferredPain = "referred_pain",
        GentleForNervePain = "gentle_for_nerve_pain",
        RelaxesDullAche = "relaxes_dull_ache",
        StressRelief = "stress_relief",
        SittingPosture = "sitting_posture",
        MorningStiffness = "morning_stiffness",
        GoodFirstMassage = "good_first_massage",
        GentleAfterBadExperience = "gentle_after_bad_experience",
        LikedBefore = "liked_before",
        Athlete = "athlete",
        ActiveLifestyle = "active_lifestyle",
        PhysicalWork = "physical_work",
        FitsSessionLength = "fits_session_length",
        FibromyalgiaGentle = "fibromyalgia_gentle",
        WarmthForArthritis = "warmth_for_arthritis",
        NeckShoulderKnots = "neck_shoulder_knots",
        TooIntenseForMildPain = "too_intense_for_mild_pain",
        StrongWhenPainHigh = "strong_when_pain_high",
        StretchingWhenPainHigh = "stretching_when_pain_high",
        DeepPressureTooEarly = "deep_pressure_too_early",
        StretchingTooEarly = "stretching_too_early",
        FirmerThanPreferred = "firmer_than_preferred",
        LighterThanPreferred = "lighter_than_preferred",
        PrefersNoHeat = "prefers_no_heat",
        UsuallyUndressed = "usually_undressed",
        StrongForFirstTime = "strong_for_first_time",
        UnfamiliarForFirstTime = "unfamiliar_for_first_time",
        BurningPainNeedsGentle = "burning_pain_needs_gentle",
        NeedsLongerSession = "needs_longer_session",
    }
}

impl Reason {
    /// Whether this reason raises the fit (true) or lowers it (false).
    pub fn is_positive(self) -> bool {
        self < Reason::TooIntenseForMildPain
    }
}

codes! {
    /// Why a technique should be avoided or adapted. The `avoid_` ids are avoid-level;
    /// the rest are caution-level (checked by a test against [`SAFETY_RULES`]).
    pub enum CautionId {
        AvoidFragileBones = "avoid_fragile_bones",
        AvoidBleedingRisk = "avoid_bleeding_risk",
        AvoidHeatUnfelt = "avoid_heat_unfelt",
        AvoidHeatSensitivity = "avoid_heat_sensitivity",
        AvoidHeatOnSkin = "avoid_heat_on_skin",
        AvoidHeatInPregnancy = "avoid_heat_in_pregnancy",
        AvoidStretchingInPregnancy = "avoid_stretching_in_pregnancy",
        AvoidOverstretchingJoints = "avoid_overstretching_joints",
        AvoidClotRisk = "avoid_clot_risk",
        AvoidAfterSurgery = "avoid_after_surgery",
        AvoidDuringCancerTreatment = "avoid_during_cancer_treatment",
        AvoidNearFracture = "avoid_near_fracture",
        AvoidHeatOnWound = "avoid_heat_on_wound",
        GentlePressureFragileBones = "gentle_pressure_fragile_bones",
        SteroidsGentlePressure = "steroids_gentle_pressure",
        BruisingRisk = "bruising_risk",
        NoDeepWorkOverVeins = "no_deep_work_over_veins",
        HeatOnVeins = "heat_on_veins",
        CheckOils = "check_oils",
        PrenatalTrainedTherapist = "prenatal_trained_therapist",
        PostpartumGentle = "postpartum_gentle",
        CarefulJointStretching = "careful_joint_stretching",
        TenderTissue = "tender_tissue",
        ProtectDisc = "protect_disc",
        StenosisNoBackbends = "stenosis_no_backbends",
        HeatAndBloodPressure = "heat_and_blood_pressure",
        CannotFeelPressure = "cannot_feel_pressure",
        HighPainGoGently = "high_pain_go_gently",
        NerveSymptoms = "nerve_symptoms",
        NoNeckManipulation = "no_neck_manipulation",
        ClearOfWound = "clear_of_wound",
        ClotKeepOffLegs = "clot_keep_off_legs",
        SurgerySite = "surgery_site",
        OncologyTrained = "oncology_trained",
        FractureSite = "fracture_site",
    }
}

impl CautionId {
    /// Whether this caution means "avoid" rather than "adapt".
    pub fn is_avoid(self) -> bool {
        self.as_str().starts_with("avoid_")
    }
}

codes! {
    /// A technique's standing for this person.
    pub enum Status {
        Avoid = "avoid",
        Caution = "caution",
        Suitable = "suitable",
        Recommended = "recommended",
    }
}

/// One row of the fit table: when this holds, this technique gains (or loses) points.
#[derive(Clone, Copy, Debug)]
pub struct FitRule {
    pub technique: TechniqueId,
    pub when: When,
    pub points: i8,
    pub reason: Reason,
}

const fn fit(technique: TechniqueId, when: When, points: i8, reason: Reason) -> FitRule {
    FitRule { technique, when, points, reason }
}

use Reason as R;
use TechniqueId as T;

/// The fit table, row by row from the seed articles' factor tables (shared/seeds: 002's
/// "factor / consideration" table for severity, conditions, pressure and experience, its
/// frequency table for duration; 004's technique sections for myofascial release,
/// sports, shiatsu and Thai; 001 and 000 for goals and patterns). Pressure, heat,
/// clothing and session length are scored from the technique facts instead, in
/// [`fact_rules`].
pub const FIT_RULES: &[FitRule] = &[
    // Severity of pain (seed 002 severity row: Swedish for mild pain; deep tissue too
    // strong for mild pain and best kept for moderate to severe; trigger point for
    // localised pain; hot stone soothing at every level).
    fit(T::Swedish, When::Pain(PainBand::Mild), 10, R::GentleForMildPain),
    fit(T::DeepTissue, When::Pain(PainBand::Mild), -10, R::TooIntenseForMildPain),
    fit(T::HotStone, When::Pain(PainBand::Mild), 5, R::SoothingAtAnyLevel),
    fit(T::DeepTissue, When::Pain(PainBand::Moderate), 10, R::SuitsModerateToSeverePain),
    fit(T::TriggerPoint, When::Pain(PainBand::Moderate), 10, R::SuitsModerateToSeverePain),
    fit(T::HotStone, When::Pain(PainBand::Moderate), 5, R::SoothingAtAnyLevel),
    // High pain: gentle, sustained work first; strong pressure and stretching later.
    fit(T::Swedish, When::Pain(PainBand::Severe), 10, R::GentleWhenPainHigh),
    fit(T::MyofascialRelease, When::Pain(PainBand::Severe), 10, R::GentleWhenPainHigh),
    fit(T::HotStone, When::Pain(PainBand::Severe), 5, R::SoothingAtAnyLevel),
    fit(T::DeepTissue, When::Pain(PainBand::Severe), -15, R::StrongWhenPainHigh),
    fit(T::Sports, When::Pain(PainBand::Severe), -10, R::StrongWhenPainHigh),
    fit(T::Thai, When::Pain(PainBand::Severe), -15, R::StretchingWhenPainHigh),
    // Duration (seed 002 frequency table; seed 004: no strong massage on acute injuries;
    // deep tissue, myofascial and trigger point for chronic and persistent pain; shiatsu
    // and Thai as options for chronic low back pain).
    fit(T::Swedish, When::Duration(Duration::Under6Weeks), 10, R::GentleStartForNewPain),
    fit(T::DeepTissue, When::Duration(Duration::Under6Weeks), -10, R::DeepPressureTooEarly),
    fit(T::Thai, When::Duration(Duration::Under6Weeks), -5, R::StretchingTooEarly),
    fit(T::DeepTissue, When::Chronic, 10, R::ChronicDeepTension),
    fit(T::MyofascialRelease, When::Chronic, 10, R::ChronicFasciaRestriction),
    fit(T::TriggerPoint, When::Chronic, 5, R::ChronicMuscleKnots),
    fit(T::Shiatsu, When::Chronic, 5, R::ChronicLowBackEastern),
    fit(T::Thai, When::Chronic, 5, R::ChronicLowBackEastern),
    fit(T::Swedish, When::Duration(Duration::NoPainPrevention), 10, R::PreventionMaintenance),
    fit(T::Sports, When::Duration(Duration::NoPainPrevention), 10, R::PreventionMaintenance),
    fit(T::Shiatsu, When::Duration(Duration::NoPainPrevention), 5, R::PreventionMaintenance),
    // Goal (seed 002 preferences row: Swedish and hot stone for relaxation, deep tissue and
    // trigger point for targeted relief; seed 004: myofascial and Thai for flexibility,
    // sports massage for athletes and recovery).
    fit(T::Swedish, When::Goal(Goal::Relaxation), 15, R::GoalRelaxation),
    fit(T::HotStone, When::Goal(Goal::Relaxation), 15, R::GoalRelaxation),
    fit(T::Shiatsu, When::Goal(Goal::Relaxation), 5, R::GoalRelaxation),
    fit(T::DeepTissue, When::Goal(Goal::TargetedRelief), 15, R::GoalTargetedRelief),
    fit(T::TriggerPoint, When::Goal(Goal::TargetedRelief), 15, R::GoalTargetedRelief),
    fit(T::MyofascialRelease, When::Goal(Goal::TargetedRelief), 5, R::GoalTargetedRelief),
    fit(T::MyofascialRelease, When::Goal(Goal::Mobility), 15, R::GoalMobility),
    fit(T::Thai, When::Goal(Goal::Mobility), 15, R::GoalMobility),
    fit(T::Sports, When::Goal(Goal::Mobility), 10, R::GoalMobility),
    fit(T::Shiatsu, When::Goal(Goal::Mobility), 5, R::GoalMobility),
    fit(T::Sports, When::Goal(Goal::SportRecovery), 20, R::GoalSportRecovery),
    fit(T::DeepTissue, When::Goal(Goal::SportRecovery), 10, R::GoalSportRecovery),
    fit(T::Swedish, When::Goal(Goal::Prevention), 10, R::GoalPrevention),
    fit(T::Sports, When::Goal(Goal::Prevention), 10, R::GoalPrevention),
    fit(T::Shiatsu, When::Goal(Goal::Prevention), 10, R::GoalPrevention),
    // Pattern of pain (seed 004: trigger point for knots and sharp local pain; myofascial
    // for restricted movement; seed 002: hot stone for stiffness; seed 000: massage eases
    // spasms; deep pressure is not for nerve-like burning pain). Leg pain that travels is
    // nerve pain (domain.md v2): it raises no technique's fit, and the safety table
    // cautions firm and point pressure for it.
    fit(T::TriggerPoint, When::Pattern(Pattern::Knots), 15, R::TargetsKnots),
    fit(T::DeepTissue, When::Pattern(Pattern::Knots), 10, R::TargetsKnots),
    fit(T::HotStone, When::Pattern(Pattern::Stiffness), 10, R::EasesStiffness),
    fit(T::MyofascialRelease, When::Pattern(Pattern::Stiffness), 10, R::EasesStiffness),
    fit(T::Thai, When::Pattern(Pattern::Stiffness), 5, R::EasesStiffness),
    fit(T::Swedish, When::Pattern(Pattern::Spasms), 5, R::CalmsSpasms),
    fit(T::HotStone, When::Pattern(Pattern::Spasms), 5, R::CalmsSpasms),
    fit(T::TriggerPoint, When::Pattern(Pattern::Sharp), 5, R::ReferredPain),
    fit(T::Swedish, When::Pattern(Pattern::Burning), 5, R::GentleForNervePain),
    fit(T::MyofascialRelease, When::Pattern(Pattern::Burning), 5, R::GentleForNervePain),
    fit(T::DeepTissue, When::Pattern(Pattern::Burning), -10, R::BurningPainNeedsGentle),
    fit(T::Swedish, When::Pattern(Pattern::DullAche), 5, R::RelaxesDullAche),
    fit(T::HotStone, When::Pattern(Pattern::DullAche), 5, R::RelaxesDullAche),
    // What makes it worse (seed 000: stress shows up as tight back muscles; seed 004:
    // office workers sitting for long; morning stiffness eases with warmth).
    fit(T::Swedish, When::Aggravator(Aggravator::Stress), 10, R::StressRelief),
    fit(T::HotStone, When::Aggravator(Aggravator::Stress), 10, R::StressRelief),
    fit(T::Shiatsu, When::Aggravator(Aggravator::Stress), 5, R::StressRelief),
    fit(T::TriggerPoint, When::SitsForLong, 5, R::SittingPosture),
    fit(T::MyofascialRelease, When::SitsForLong, 5, R::SittingPosture),
    fit(T::HotStone, When::Aggravator(Aggravator::Morning), 5, R::MorningStiffness),
    fit(T::MyofascialRelease, When::Aggravator(Aggravator::Morning), 5, R::MorningStiffness),
    // Past experience (seed 002 experience row: Swedish suits beginners; deep tissue suits
    // people who already know they tolerate strong pressure).
    fit(T::Swedish, When::Experience(Experience::None), 10, R::GoodFirstMassage),
    fit(T::HotStone, When::Experience(Experience::None), 5, R::GoodFirstMassage),
    fit(T::DeepTissue, When::Experience(Experience::None), -10, R::StrongForFirstTime),
    fit(T::TriggerPoint, When::Experience(Experience::None), -5, R::StrongForFirstTime),
    fit(T::Thai, When::Experience(Experience::None), -5, R::UnfamiliarForFirstTime),
    fit(T::Swedish, When::Experience(Experience::Negative), 5, R::GentleAfterBadExperience),
    fit(T::MyofascialRelease, When::Experience(Experience::Negative), 5, R::GentleAfterBadExperience),
    fit(T::DeepTissue, When::Experience(Experience::Negative), -10, R::StrongForFirstTime),
    // Activity and work (seed 004: sports massage for athletes and active people; deep
    // tissue for athletes and manual labourers).
    fit(T::Sports, When::Activity(Activity::Athlete), 20, R::Athlete),
    fit(T::DeepTissue, When::Activity(Activity::Athlete), 5, R::Athlete),
    fit(T::Sports, When::Activity(Activity::Moderate), 5, R::ActiveLifestyle),
    fit(T::DeepTissue, When::Occupation(Occupation::ManualLifting), 5, R::PhysicalWork),
    fit(T::Sports, When::Occupation(Occupation::ManualLifting), 5, R::PhysicalWork),
    // Conditions that favour a gentle style (seed 004: myofascial release is often chosen
    // with fibromyalgia; warmth eases arthritic stiffness).
    fit(T::MyofascialRelease, When::Condition(Condition::Fibromyalgia), 10, R::FibromyalgiaGentle),
    fit(T::Swedish, When::Condition(Condition::Fibromyalgia), 5, R::FibromyalgiaGentle),
    fit(T::HotStone, When::Condition(Condition::Arthritis), 5, R::WarmthForArthritis),
    // Where it hurts (seed 002: trigger point case of neck stiffness).
    fit(T::TriggerPoint, When::Location(Location::NeckShoulder), 5, R::NeckShoulderKnots),
];

/// Points for the fit rules read from the technique facts.
pub mod fact_points {
    /// Preferred pressure is one the technique is worked at.
    pub const PRESSURE_MATCH: i32 = 15;
    /// Per pressure level between the preference and the nearest level offered.
    pub const PRESSURE_STEP: i32 = -10;
    /// "Unsure" of pressure, and the technique can start light.
    pub const PRESSURE_ADJUSTABLE: i32 = 5;
    /// Likes warmth, and the technique uses heat.
    pub const WARMTH_LIKED: i32 = 15;
    /// Avoids heat, and the technique uses heat.
    pub const WARMTH_DISLIKED: i32 = -30;
    /// Prefers to stay clothed, and the technique is done clothed.
    pub const CLOTHED: i32 = 15;
    /// Prefers to stay clothed, and the technique can be done either way.
    pub const CLOTHED_EITHER: i32 = 5;
    /// Prefers to stay clothed, and the technique is usually done undressed.
    pub const UNDRESSED: i32 = -15;
    /// The preferred session length is within the technique's usual range.
    pub const SESSION_FITS: i32 = 5;
    /// The preferred session is shorter than the technique usually needs.
    pub const SESSION_TOO_SHORT: i32 = -10;
    /// The person named this technique among those they liked before.
    pub const LIKED_BEFORE: i32 = 15;
}

/// The fit rules that compare preferences with a technique's facts (seed 002: comfort
/// with pressure and with warmth; seed 004: shiatsu and Thai are done clothed; seed 000:
/// sessions of 30 to 90 minutes; seed 002: a technique that worked before is worth
/// returning to).
pub fn fact_rules(technique: &Technique, a: &AnswerSet) -> Vec<(Reason, i32)> {
    use fact_points as P;
    let mut out = Vec::new();
    match a.one::<Pressure>() {
        Some(Pressure::Unsure) if technique.offers_pressure(PressureLevel::Light) => {
            out.push((R::AdjustablePressure, P::PRESSURE_ADJUSTABLE));
        }
        Some(Pressure::Unsure) | None => {}
        Some(preferred) => {
            let wanted = match preferred {
                Pressure::Light => PressureLevel::Light,
                Pressure::Firm => PressureLevel::Firm,
                _ => PressureLevel::Medium,
            };
            let nearest = technique
                .pressure
                .iter()
                .map(|level| level.index() as i32 - wanted.index() as i32)
                .min_by_key(|d| d.abs());
            match nearest {
                Some(0) => out.push((R::MatchesPressure, P::PRESSURE_MATCH)),
                Some(d) if d > 0 => out.push((R::FirmerThanPreferred, P::PRESSURE_STEP * d)),
                Some(d) => out.push((R::LighterThanPreferred, P::PRESSURE_STEP * -d)),
                None => {}
            }
        }
    }
    if technique.heat {
        match a.one::<Heat>() {
            Some(Heat::LikesWarmth) => out.push((R::EnjoysWarmth, P::WARMTH_LIKED)),
            Some(Heat::AvoidHeat) => out.push((R::PrefersNoHeat, P::WARMTH_DISLIKED)),
            _ => {}
        }
    }
    if a.one::<Clothed>() == Some(Clothed::PreferClothed) {
        match technique.clothing {
            Clothing::Clothed => out.push((R::DoneClothed, P::CLOTHED)),
            Clothing::Either => out.push((R::DoneClothed, P::CLOTHED_EITHER)),
            Clothing::Draped => out.push((R::UsuallyUndressed, P::UNDRESSED)),
        }
    }
    if let Some(session) = a.one::<SessionMinutes>() {
        let [shortest, longest] = technique.session_minutes;
        let minutes = session.minutes();
        if minutes < shortest {
            out.push((R::NeedsLongerSession, P::SESSION_TOO_SHORT));
        } else if minutes <= longest {
            out.push((R::FitsSessionLength, P::SESSION_FITS));
        }
    }
    if a.has(technique.id) {
        out.push((R::LikedBefore, P::LIKED_BEFORE));
    }
    out
}

/// Whether the person said no to what defines this technique (domain.md v2): heat for a
/// person who avoids it, pressure that is only firm for one who wants light pressure, or
/// undressing for one who prefers to stay clothed. An explicit preference against a
/// technique's defining feature weighs more than any bonus: the fit is capped at
/// [`CONFLICT_FIT_CAP`].
pub fn conflicts_with_preference(technique: &Technique, a: &AnswerSet) -> bool {
    let only_firm =
        !technique.offers_pressure(PressureLevel::Light) && !technique.offers_pressure(PressureLevel::Medium);
    (technique.heat && a.one::<Heat>() == Some(Heat::AvoidHeat))
        || (a.one::<Pressure>() == Some(Pressure::Light) && only_firm)
        || (a.one::<Clothed>() == Some(Clothed::PreferClothed) && technique.clothing == Clothing::Draped)
}

/// Which techniques a safety rule concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// These techniques.
    Only(&'static [TechniqueId]),
    /// Every technique usually done with oil or lotion.
    WithOil,
    /// Every technique that uses heat.
    WithHeat,
    /// Every technique except these (which another row covers at a stricter level).
    AllExcept(&'static [TechniqueId]),
}

impl Target {
    /// Whether the rule concerns this technique.
    pub fn includes(self, technique: &Technique) -> bool {
        match self {
            Target::Only(list) => list.contains(&technique.id),
            Target::WithOil => technique.oil,
            Target::WithHeat => technique.heat,
            Target::AllExcept(list) => !list.contains(&technique.id),
        }
    }
}

/// One row of the safety table: when this holds, these techniques get this caution.
#[derive(Clone, Copy, Debug)]
pub struct SafetyRule {
    pub when: When,
    pub target: Target,
    pub caution: CautionId,
}

const fn safety(when: When, target: Target, caution: CautionId) -> SafetyRule {
    SafetyRule { when, target, caution }
}

use CautionId as C;
use Condition as Cd;

/// Nerve symptoms (domain.md v2): leg pain that travels, numbness in one leg, or a disc or
/// a narrowed canal that can press on a nerve.
const NERVE: When = When::AnyOf(&[
    When::Pattern(Pattern::RadiatingLeg),
    When::Yes(QuestionId::RfNumbnessOneLeg),
    When::Condition(Cd::DiscHerniation),
    When::Condition(Cd::SpinalStenosis),
]);
/// Every technique worked with firm or sustained pressure (the technique facts, and
/// trigger point, myofascial and shiatsu holding pressure on one spot).
const FIRM_OR_SUSTAINED: Target =
    Target::Only(&[T::DeepTissue, T::TriggerPoint, T::MyofascialRelease, T::Sports, T::Shiatsu, T::Thai]);

/// The safety table. The avoid rows and the caution rows of v2 (nerve symptoms, reduced
/// sensation, the neck, pregnancy, varicose veins) are the contract's minimum
/// (shared/design/domain.md); the rest follow the seeds (seed 002: a doctor's advice first with osteoporosis, no hot
/// stones with heat sensitivity, Swedish over hot stone for sensitive skin, a rare stroke
/// risk with neck manipulation; seed 004: no massage over a recent fracture or an open
/// wound) and Batavia, Phys Ther 2004 on
/// contraindications to therapeutic massage (clots, bleeding risk, fragile bones, reduced
/// sensation, pregnancy, cancer treatment, varicose veins, recent surgery).
pub const SAFETY_RULES: &[SafetyRule] = &[
    // Avoid.
    safety(When::Condition(Cd::Osteoporosis), Target::Only(&[T::DeepTissue, T::Sports, T::Thai]), C::AvoidFragileBones),
    safety(BLEEDING_RISK, Target::Only(&[T::DeepTissue, T::TriggerPoint, T::Sports]), C::AvoidBleedingRisk),
    safety(When::Condition(Cd::ReducedSensation), Target::WithHeat, C::AvoidHeatUnfelt),
    safety(When::Condition(Cd::HeatSensitivity), Target::WithHeat, C::AvoidHeatSensitivity),
    safety(When::Condition(Cd::SkinCondition), Target::WithHeat, C::AvoidHeatOnSkin),
    safety(When::Condition(Cd::OpenWound), Target::WithHeat, C::AvoidHeatOnWound),
    safety(When::Pregnant, Target::WithHeat, C::AvoidHeatInPregnancy),
    safety(When::Pregnant, Target::Only(&[T::Thai]), C::AvoidStretchingInPregnancy),
    safety(When::Condition(Cd::Hypermobility), Target::Only(&[T::Thai]), C::AvoidOverstretchingJoints),
    safety(CLOT_RISK, Target::Only(&[T::DeepTissue, T::Sports, T::Thai]), C::AvoidClotRisk),
    safety(When::Condition(Cd::RecentSurgery), Target::Only(&[T::DeepTissue, T::Sports]), C::AvoidAfterSurgery),
    safety(
        When::Condition(Cd::CancerTreatment),
        Target::Only(&[T::DeepTissue, T::Sports]),
        C::AvoidDuringCancerTreatment,
    ),
    safety(
        When::Condition(Cd::RecentFracture),
        Target::Only(&[T::DeepTissue, T::TriggerPoint, T::Sports, T::Thai]),
        C::AvoidNearFracture,
    ),
    // Adapt.
    safety(
        When::Condition(Cd::Osteoporosis),
        Target::Only(&[T::Shiatsu, T::TriggerPoint]),
        C::GentlePressureFragileBones,
    ),
    // Long-term steroids thin bones as osteoporosis does: gentle pressure wherever it is
    // firm or on one point (the clinical review of v2).
    safety(
        When::Yes(QuestionId::RfSteroids),
        Target::Only(&[T::DeepTissue, T::Sports, T::Thai, T::TriggerPoint, T::Shiatsu]),
        C::SteroidsGentlePressure,
    ),
    safety(BLEEDING_RISK, Target::Only(&[T::Shiatsu, T::Thai]), C::BruisingRisk),
    safety(
        When::Condition(Cd::VaricoseVeins),
        Target::Only(&[T::DeepTissue, T::Sports, T::Thai, T::TriggerPoint]),
        C::NoDeepWorkOverVeins,
    ),
    safety(When::Condition(Cd::VaricoseVeins), Target::WithHeat, C::HeatOnVeins),
    safety(When::Condition(Cd::OilAllergy), Target::WithOil, C::CheckOils),
    safety(When::Pregnant, Target::AllExcept(&[]), C::PrenatalTrainedTherapist),
    safety(When::Postpartum, Target::Only(&[T::DeepTissue, T::Thai]), C::PostpartumGentle),
    safety(
        When::Condition(Cd::Hypermobility),
        Target::Only(&[T::Sports, T::MyofascialRelease]),
        C::CarefulJointStretching,
    ),
    safety(When::Condition(Cd::Arthritis), Target::Only(&[T::Thai]), C::CarefulJointStretching),
    safety(When::Condition(Cd::Fibromyalgia), Target::Only(&[T::DeepTissue, T::TriggerPoint]), C::TenderTissue),
    safety(When::Condition(Cd::DiscHerniation), Target::Only(&[T::DeepTissue, T::Thai, T::Sports]), C::ProtectDisc),
    safety(When::Condition(Cd::SpinalStenosis), Target::Only(&[T::Thai]), C::StenosisNoBackbends),
    safety(When::Condition(Cd::HighBloodPressure), Target::WithHeat, C::HeatAndBloodPressure),
    safety(When::Condition(Cd::ReducedSensation), FIRM_OR_SUSTAINED, C::CannotFeelPressure),
    safety(When::SeverePain, Target::Only(&[T::DeepTissue, T::TriggerPoint, T::Sports, T::Thai]), C::HighPainGoGently),
    safety(NERVE, Target::Only(&[T::DeepTissue, T::TriggerPoint, T::Sports, T::Shiatsu, T::Thai]), C::NerveSymptoms),
    safety(
        When::Location(Location::NeckShoulder),
        Target::Only(&[T::Thai, T::Sports, T::Shiatsu]),
        C::NoNeckManipulation,
    ),
    safety(When::Condition(Cd::OpenWound), Target::AllExcept(&[T::HotStone]), C::ClearOfWound),
    safety(CLOT_RISK, Target::AllExcept(&[T::DeepTissue, T::Sports, T::Thai]), C::ClotKeepOffLegs),
    safety(When::Condition(Cd::RecentSurgery), Target::AllExcept(&[T::DeepTissue, T::Sports]), C::SurgerySite),
    safety(When::Condition(Cd::CancerTreatment), Target::AllExcept(&[T::DeepTissue, T::Sports]), C::OncologyTrained),
    safety(
        When::Condition(Cd::RecentFracture),
        Target::AllExcept(&[T::DeepTissue, T::TriggerPoint, T::Sports, T::Thai]),
        C::FractureSite,
    ),
];

/// How one technique stands for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TechniqueResult {
    pub id: TechniqueId,
    /// 0 to 100.
    pub fit: u8,
    pub status: Status,
    /// Every reason that moved the fit, in table order, each once.
    pub reasons: Vec<Reason>,
    /// Every caution that applies, avoid-level first.
    pub cautions: Vec<CautionId>,
}

/// Every fit change for one technique: the table rows that hold, then the fact rules,
/// each with its points.
pub fn factors(technique: &Technique, a: &AnswerSet) -> Vec<(Reason, i32)> {
    FIT_RULES
        .iter()
        .filter(|rule| rule.technique == technique.id && rule.when.holds(a))
        .map(|rule| (rule.reason, i32::from(rule.points)))
        .chain(fact_rules(technique, a))
        .collect()
}

/// Points up to here are shown as they are; above it, [`shown_fit`] compresses them.
pub const FIT_KNEE: i32 = 70;

/// The most points any technique could score: its base, every positive row of the fit
/// table for it, and the best of each fact rule. No person reaches it (many rows exclude
/// each other), so no real score is cut off at 100.
pub const RAW_CEILING: i32 = raw_ceiling();

const fn raw_ceiling() -> i32 {
    use fact_points as P;
    let facts = P::PRESSURE_MATCH + P::WARMTH_LIKED + P::CLOTHED + P::SESSION_FITS + P::LIKED_BEFORE;
    let mut best = 0;
    let mut t = 0;
    while t < TechniqueId::ALL.len() {
        let mut sum = BASE_FIT + facts;
        let mut i = 0;
        while i < FIT_RULES.len() {
            let rule = &FIT_RULES[i];
            if rule.technique as u8 == TechniqueId::ALL[t] as u8 && rule.points > 0 {
                sum += rule.points as i32;
            }
            i += 1;
        }
        if sum > best {
            best = sum;
        }
        t += 1;
    }
    best
}

// Every table moves the fit in steps of 5 (checked in tests/recommend.rs), and above the
// knee each step of 5 must still move the shown fit by at least 1.
const _: () = assert!(RAW_CEILING - FIT_KNEE <= 5 * (100 - FIT_KNEE));

/// A sum of points as the fit shown, 0 to 100: the same up to [`FIT_KNEE`], then scaled so
/// that [`RAW_CEILING`] reads 100, rounding up. Strictly increasing over the multiples of
/// 5 from 0 to the ceiling, so the order of the sums is the order of the fits.
pub const fn shown_fit(points: i32) -> u8 {
    if points <= 0 {
        0
    } else if points <= FIT_KNEE {
        points as u8
    } else if points >= RAW_CEILING {
        100
    } else {
        let span = RAW_CEILING - FIT_KNEE;
        (FIT_KNEE + ((100 - FIT_KNEE) * (points - FIT_KNEE) + span - 1) / span) as u8
    }
}

/// The other techniques that fit exactly as well as `id`, where that says something: not
/// among avoided techniques, whose fit is capped.
pub fn tied_with(results: &[TechniqueResult], id: TechniqueId) -> Vec<TechniqueId> {
    let Some(this) = results.iter().find(|r| r.id == id) else {
        return Vec::new();
    };
    results
        .iter()
        .filter(|r| r.id != id && r.fit == this.fit && r.status != Status::Avoid && this.status != Status::Avoid)
        .map(|r| r.id)
        .collect()
}

/// Scores one technique. Its status is `avoid`, `caution` or `suitable`; only [`rank`],
/// which sees all eight, promotes the best to `recommended`.
pub fn score(technique: &Technique, a: &AnswerSet) -> TechniqueResult {
    let mut fit = BASE_FIT;
    let mut reasons: Vec<Reason> = Vec::new();
    for (reason, points) in factors(technique, a) {
        fit += points;
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    let mut cautions: Vec<CautionId> = Vec::new();
    for rule in SAFETY_RULES.iter().filter(|r| r.target.includes(technique) && r.when.holds(a)) {
        if !cautions.contains(&rule.caution) {
            cautions.push(rule.caution);
        }
    }
    sort_small_by_key(&mut cautions, |c| (!c.is_avoid(), *c));
    let avoid = cautions.iter().any(|c| c.is_avoid());
    if !avoid {
        fit -= CAUTION_PENALTY * cautions.len() as i32;
    }
    let mut fit = shown_fit(fit);
    if conflicts_with_preference(technique, a) {
        fit = fit.min(CONFLICT_FIT_CAP);
    }
    let status = if avoid {
        fit = fit.min(AVOID_FIT_CAP);
        Status::Avoid
    } else if !cautions.is_empty() {
        Status::Caution
    } else {
        Status::Suitable
    };
    TechniqueResult { id: technique.id, fit, status, reasons, cautions }
}

/// Scores all eight techniques and sorts them: highest fit first, then the better status,
/// then the fixed technique order, so the ranking is deterministic.
pub fn rank(a: &AnswerSet, withhold: bool) -> Vec<TechniqueResult> {
    let mut results: Vec<TechniqueResult> = techniques().iter().map(|t| score(t, a)).collect();
    sort_small_by(&mut results, |x, y| {
        y.fit.cmp(&x.fit).then_with(|| y.status.cmp(&x.status)).then_with(|| x.id.cmp(&y.id))
    });
    if !withhold {
        results
            .iter_mut()
            .filter(|r| r.status == Status::Suitable && r.fit >= RECOMMENDED_MIN_FIT)
            .take(RECOMMENDED_MAX)
            .for_each(|r| r.status = Status::Recommended);
    }
    results
}
