//! The session plan: how often, how long, and what to do before, during, after and
//! between sessions.
//!
//! Frequency follows the seed articles' frequency table (seed 002): acute pain weekly,
//! chronic pain every two weeks or monthly, prevention monthly or quarterly, and "as
//! needed or monthly" once the check-ins show improvement. The rest of the plan is a table
//! of items, each shown always, only when, or unless an answer holds, so that no one is
//! told to lie on their back in late pregnancy or to heat skin they cannot feel.

use serde::Serialize;

use super::checkins::Progress;
use super::choices::{Aggravator, Condition, Duration, SessionMinutes};
use super::codes::codes;
use super::intake::AnswerSet;
use super::outlook::{Risk, Stratification};
use super::question::QuestionId;
use super::when::{When, BLEEDING_RISK, CLOT_RISK};

codes! {
    /// How often to book.
    pub enum Frequency {
        Weekly = "weekly",
        BiweeklyOrMonthly = "biweekly_or_monthly",
        MonthlyOrQuarterly = "monthly_or_quarterly",
        AsNeededOrMonthly = "as_needed_or_monthly",
        /// Not yet: medical advice comes first (domain.md v2).
        AfterMedicalAdvice = "after_medical_advice",
    }
}

/// Whether a session plan may be offered at all: not while screening withholds
/// recommendations (a doctor first, or a safety answer missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    Plan,
    Withheld,
}

/// The frequency for this duration of pain, moved to "as needed or monthly" once the
/// check-ins show improvement (seed 002 frequency table; domain.md), and "after medical
/// advice" while no plan is offered.
pub fn frequency(duration: Option<Duration>, progress: Progress, offer: Offer) -> Option<Frequency> {
    if offer == Offer::Withheld {
        return Some(Frequency::AfterMedicalAdvice);
    }
    if progress == Progress::Improving {
        return Some(Frequency::AsNeededOrMonthly);
    }
    Some(match duration? {
        Duration::Under6Weeks | Duration::From6To12Weeks => Frequency::Weekly,
        Duration::Over12Weeks | Duration::Recurring => Frequency::BiweeklyOrMonthly,
        Duration::NoPainPrevention => Frequency::MonthlyOrQuarterly,
    })
}

codes! {
    /// The parts of the plan, in the order the widget shows them.
    pub enum Section {
        FirstSession = "first_session",
        Prepare = "prepare",
        Aftercare = "aftercare",
        SelfMassage = "self_massage",
        Stretches = "stretches",
        Alongside = "alongside",
        StopSigns = "stop_signs",
    }
}

codes! {
    /// One item of the plan; its words are `plan.<section>.<item>` in the catalogs.
    pub enum PlanItem {
        Consultation = "consultation",
        SayWhatHurts = "say_what_hurts",
        Draping = "draping",
        PressureFeedback = "pressure_feedback",
        SorenessAfter = "soreness_after",
        ComfortableClothes = "comfortable_clothes",
        ArriveEarly = "arrive_early",
        LightMeal = "light_meal",
        Hydrate = "hydrate",
        BringSummary = "bring_summary",
        MedicationList = "medication_list",
        DrinkWater = "drink_water",
        GentleMovement = "gentle_movement",
        WarmthAfter = "warmth_after",
        RestIfSore = "rest_if_sore",
        ReportBruising = "report_bruising",
        BallAgainstWall = "ball_against_wall",
        HandsOnly = "hands_only",
        FoamRoller = "foam_roller",
        WarmUpFirst = "warm_up_first",
        NotOnSpine = "not_on_spine",
        StopIfSharp = "stop_if_sharp",
        KneeToChest = "knee_to_chest",
        CatCow = "cat_cow",
        HipFlexor = "hip_flexor",
        SideLyingKnees = "side_lying_knees",
        Walking = "walking",
        StayActive = "stay_active",
        Physiotherapy = "physiotherapy",
        SupportedRecovery = "supported_recovery",
        WorkSetup = "work_setup",
        Sleep = "sleep",
        ReviewWorsening = "review_worsening",
        EmergencySigns = "emergency_signs",
        NewNumbness = "new_numbness",
        FeverOrUnwell = "fever_or_unwell",
        NotEasing = "not_easing",
        PainAfterMassage = "pain_after_massage",
    }
}

/// When an item is shown.
#[derive(Clone, Copy, Debug)]
pub enum Show {
    Always,
    Only(When),
    Unless(When),
    /// Only for these outlook groups (an unscored outlook shows none of them).
    Outlook(&'static [Risk]),
    /// Only when the check-ins show the pain getting worse.
    Worsening,
}

/// One row of the plan table.
#[derive(Clone, Copy, Debug)]
pub struct PlanRow {
    pub section: Section,
    pub item: PlanItem,
    pub show: Show,
}

const fn row(section: Section, item: PlanItem, show: Show) -> PlanRow {
    PlanRow { section, item, show }
}

use Condition as Cd;
use PlanItem as I;
use Section as S;

/// Heat is wrong for skin that cannot feel it, reacts to it or is broken.
const NO_HEAT: When = When::AnyOf(&[
    When::Condition(Cd::HeatSensitivity),
    When::Condition(Cd::ReducedSensation),
    When::Condition(Cd::SkinCondition),
    When::Condition(Cd::OpenWound),
]);
/// A fresh surgical site or fracture, which no stretch should pull on.
const HEALING_SITE: When = When::AnyOf(&[When::Condition(Cd::RecentFracture), When::Condition(Cd::RecentSurgery)]);
/// Firm self-pressure with a ball or roller is wrong for fragile bones, easy bleeding,
/// clots, fresh surgery or fractures, and in pregnancy.
const NO_FIRM_SELF_PRESSURE: When =
    When::AnyOf(&[When::Condition(Cd::Osteoporosis), BLEEDING_RISK, CLOT_RISK, HEALING_SITE, When::Pregnant]);
/// Pulling the spine into a deep forward bend is advised against with osteoporosis
/// (Royal Osteoporosis Society, Strong, Steady and Straight, 2019) and near a fresh
/// fracture or surgical site. Lying flat on the back is advised against after the first
/// trimester (RCOG, Exercise in pregnancy, 2006): [`When::PregnantLater`]. Side-lying
/// knee bends take the place of knee-to-chest for all of these.
const NO_FLAT_FLEXION: When = When::AnyOf(&[When::Condition(Cd::Osteoporosis), HEALING_SITE, When::PregnantLater]);

/// The plan table. The items come from the seed articles: what to expect in a first
/// session and how to prepare (seeds 000, 004), aftercare and soreness lasting 24 to 36
/// hours (seed 002), self-massage with a ball or foam roller, never on the spine, stopping
/// at sharp pain (seed 004), knee-to-chest, cat-cow and hip flexor stretches (seed 004),
/// massage as part of a wider plan with movement and exercise (seeds 000, 002, 004). The
/// outlook rows follow the STarT Back matched-care model (Hill et al., Lancet 2011):
/// advice and reassurance for low risk, physiotherapy for medium, psychologically
/// informed physiotherapy for high.
pub const PLAN_ROWS: &[PlanRow] = &[
    row(S::FirstSession, I::Consultation, Show::Always),
    row(S::FirstSession, I::SayWhatHurts, Show::Always),
    row(S::FirstSession, I::Draping, Show::Always),
    row(S::FirstSession, I::PressureFeedback, Show::Always),
    row(S::FirstSession, I::SorenessAfter, Show::Always),
    row(S::Prepare, I::ComfortableClothes, Show::Always),
    row(S::Prepare, I::ArriveEarly, Show::Always),
    row(S::Prepare, I::LightMeal, Show::Always),
    row(S::Prepare, I::Hydrate, Show::Always),
    row(S::Prepare, I::BringSummary, Show::Always),
    row(
        S::Prepare,
        I::MedicationList,
        Show::Only(When::AnyOf(&[When::Condition(Cd::Anticoagulants), When::Yes(QuestionId::RfSteroids)])),
    ),
    row(S::Aftercare, I::DrinkWater, Show::Always),
    row(S::Aftercare, I::GentleMovement, Show::Always),
    row(S::Aftercare, I::WarmthAfter, Show::Unless(NO_HEAT)),
    row(S::Aftercare, I::RestIfSore, Show::Always),
    row(S::Aftercare, I::ReportBruising, Show::Only(BLEEDING_RISK)),
    row(S::SelfMassage, I::WarmUpFirst, Show::Unless(NO_HEAT)),
    row(S::SelfMassage, I::BallAgainstWall, Show::Unless(NO_FIRM_SELF_PRESSURE)),
    row(S::SelfMassage, I::FoamRoller, Show::Unless(NO_FIRM_SELF_PRESSURE)),
    row(S::SelfMassage, I::HandsOnly, Show::Only(NO_FIRM_SELF_PRESSURE)),
    row(S::SelfMassage, I::NotOnSpine, Show::Always),
    row(S::SelfMassage, I::StopIfSharp, Show::Always),
    row(S::Stretches, I::KneeToChest, Show::Unless(NO_FLAT_FLEXION)),
    row(S::Stretches, I::CatCow, Show::Unless(HEALING_SITE)),
    row(S::Stretches, I::HipFlexor, Show::Unless(HEALING_SITE)),
    row(S::Stretches, I::SideLyingKnees, Show::Only(NO_FLAT_FLEXION)),
    row(S::Stretches, I::Walking, Show::Always),
    row(S::Alongside, I::StayActive, Show::Always),
    row(S::Alongside, I::SupportedRecovery, Show::Outlook(&[Risk::High])),
    row(S::Alongside, I::Physiotherapy, Show::Outlook(&[Risk::Medium, Risk::High])),
    row(S::Alongside, I::WorkSetup, Show::Only(When::SitsForLong)),
    row(S::Alongside, I::Sleep, Show::Only(When::Aggravator(Aggravator::NightRest))),
    row(S::StopSigns, I::ReviewWorsening, Show::Worsening),
    row(S::StopSigns, I::EmergencySigns, Show::Always),
    row(S::StopSigns, I::NewNumbness, Show::Always),
    row(S::StopSigns, I::FeverOrUnwell, Show::Always),
    row(S::StopSigns, I::NotEasing, Show::Always),
    row(S::StopSigns, I::PainAfterMassage, Show::Always),
];

/// The plan for this person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Also the assessment's top-level `frequency`, so it is not repeated in JSON.
    #[serde(skip)]
    pub frequency: Option<Frequency>,
    /// The session length to book: the person's preference, else 60 minutes.
    pub session_minutes: u8,
    /// The items of each section, in section order; sections with no item are left out.
    /// While no plan is offered, only the stop signs.
    #[serde(serialize_with = "sections_as_object")]
    pub sections: Vec<(Section, Vec<PlanItem>)>,
}

fn sections_as_object<S: serde::Serializer>(
    sections: &[(Section, Vec<PlanItem>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(sections.iter().map(|(section, items)| (section, items)))
}

impl Plan {
    /// The items of one section.
    pub fn items(&self, section: Section) -> &[PlanItem] {
        self.sections.iter().find(|(s, _)| *s == section).map_or(&[], |(_, items)| items.as_slice())
    }
}

/// Builds the plan.
pub fn plan(a: &AnswerSet, outlook: Option<&Stratification>, progress: Progress, offer: Offer) -> Plan {
    let shown = |show: Show| match show {
        Show::Always => true,
        Show::Only(when) => when.holds(a),
        Show::Unless(when) => !when.holds(a),
        Show::Outlook(risks) => outlook.is_some_and(|s| risks.contains(&s.risk)),
        Show::Worsening => progress == Progress::Worse,
    };
    let sections = Section::ALL
        .iter()
        .filter(|&&section| offer == Offer::Plan || section == Section::StopSigns)
        .map(|&section| {
            let items =
                PLAN_ROWS.iter().filter(|r| r.section == section && shown(r.show)).map(|r| r.item).collect::<Vec<_>>();
            (section, items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect();
    Plan {
        frequency: frequency(a.one::<Duration>(), progress, offer),
        session_minutes: a.one::<SessionMinutes>().map_or(60, SessionMinutes::minutes),
        sections,
    }
}
