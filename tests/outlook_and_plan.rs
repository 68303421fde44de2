//! The outlook check's thresholds, the frequency plan, check-in progress and the plan's
//! conditional items.

mod common;

use backpain_intake::domain::checkins::{progress, CheckIn, Date, Progress};
use backpain_intake::domain::outlook::{stratify, Risk};
use backpain_intake::domain::plan::{frequency, plan, Frequency, Offer, PlanItem, Section};
use backpain_intake::domain::{assess, choices::Duration};
use common::with;
use serde_json::{json, Map, Value};

/// Agrees with the named outlook items, disagrees with the rest, and scores.
#[track_caller]
fn check(agree: &[&str], bothersome: &str, total: u8, psychosocial: u8, risk: Risk) {
    let mut changes = Map::new();
    for item in agree {
        changes.insert((*item).to_owned(), Value::Bool(true));
    }
    changes.insert("sb_bothersome".into(), Value::from(bothersome));
    let score = stratify(&with(Value::Object(changes)));
    let got = score.map(|s| (s.total, s.psychosocial, s.risk));
    assert_eq!(got, Some((total, psychosocial, risk)), "agree {agree:?}, bothersome {bothersome}");
}

#[test]
fn outlook_thresholds() {
    check(&[], "not_at_all", 0, 0, Risk::Low);
    check(&["sb_leg_pain", "sb_neck_shoulder", "sb_walk_short"], "slightly", 3, 0, Risk::Low);
    check(&["sb_leg_pain", "sb_neck_shoulder", "sb_walk_short", "sb_dress_slowly"], "moderately", 4, 0, Risk::Medium);
    check(&["sb_leg_pain", "sb_neck_shoulder"], "very_much", 3, 1, Risk::Low);
    check(&["sb_unsafe_active", "sb_worry", "sb_never_better"], "moderately", 3, 3, Risk::Low);
    check(&["sb_leg_pain", "sb_unsafe_active", "sb_worry", "sb_never_better"], "slightly", 4, 3, Risk::Medium);
    check(&["sb_leg_pain", "sb_unsafe_active", "sb_worry", "sb_never_better"], "extremely", 5, 4, Risk::High);
    check(&["sb_unsafe_active", "sb_worry", "sb_never_better", "sb_no_enjoyment"], "slightly", 4, 4, Risk::High);
    check(
        &[
            "sb_leg_pain",
            "sb_neck_shoulder",
            "sb_walk_short",
            "sb_dress_slowly",
            "sb_unsafe_active",
            "sb_worry",
            "sb_never_better",
            "sb_no_enjoyment",
        ],
        "extremely",
        9,
        5,
        Risk::High,
    );
}

#[test]
fn an_unanswered_outlook_item_gives_no_score() {
    assert_eq!(stratify(&with(json!({"sb_worry": null}))), None);
    assert_eq!(stratify(&with(json!({"sb_bothersome": null}))), None);
}

#[test]
fn frequency_by_duration() {
    let cases = [
        (Duration::Under6Weeks, Frequency::Weekly),
        (Duration::From6To12Weeks, Frequency::Weekly),
        (Duration::Over12Weeks, Frequency::BiweeklyOrMonthly),
        (Duration::Recurring, Frequency::BiweeklyOrMonthly),
        (Duration::NoPainPrevention, Frequency::MonthlyOrQuarterly),
    ];
    for (duration, expected) in cases {
        assert_eq!(frequency(Some(duration), Progress::Steady, Offer::Plan), Some(expected), "{duration}");
        let improving = frequency(Some(duration), Progress::Improving, Offer::Plan);
        assert_eq!(improving, Some(Frequency::AsNeededOrMonthly), "{duration}");
        // No plan for someone who must follow medical advice first, however it goes.
        for progress in [Progress::Steady, Progress::Improving] {
            let withheld = frequency(Some(duration), progress, Offer::Withheld);
            assert_eq!(withheld, Some(Frequency::AfterMedicalAdvice), "{duration}");
        }
    }
    assert_eq!(frequency(None, Progress::Steady, Offer::Plan), None);
    assert_eq!(frequency(None, Progress::Steady, Offer::Withheld), Some(Frequency::AfterMedicalAdvice));
}

fn checkin(pain_now: u8) -> CheckIn {
    CheckIn { date: Date { year: 2026, month: 11, day: 20 }, pain_now, pain_worst_week: pain_now, sessions: 1 }
}

#[test]
fn progress_thresholds() {
    let cases: &[(Option<u8>, &[u8], Progress)] = &[
        (None, &[], Progress::NotEnoughData),
        (Some(6), &[], Progress::NotEnoughData),
        (None, &[6], Progress::NotEnoughData),
        (Some(6), &[4], Progress::Improving),  // down 2 points
        (Some(6), &[5], Progress::Steady),     // down 1 point, 17%
        (Some(3), &[2], Progress::Improving),  // down 1 point, 33%
        (Some(10), &[8], Progress::Improving), // down 2 points, 20%
        (Some(10), &[9], Progress::Steady),    // down 1 point, 10%
        (Some(0), &[0], Progress::Steady),
        (Some(4), &[6], Progress::Worse), // up 2 points
        (Some(4), &[5], Progress::Steady),
        (None, &[7, 6, 5], Progress::Improving), // first check-in is the baseline without an intake value
        (Some(7), &[3, 7], Progress::Steady),    // the latest value counts, not the best
    ];
    for (intake, values, expected) in cases {
        let list: Vec<CheckIn> = values.iter().map(|v| checkin(*v)).collect();
        assert_eq!(progress(*intake, &list), *expected, "intake {intake:?}, check-ins {values:?}");
    }
}

#[test]
fn improvement_moves_the_frequency() {
    let answers = with(json!({"duration": "over_12_weeks", "pain_now": 6}));
    assert_eq!(assess(&answers, &[]).frequency, Some(Frequency::BiweeklyOrMonthly));
    assert_eq!(assess(&answers, &[checkin(5)]).frequency, Some(Frequency::BiweeklyOrMonthly));
    let improved = assess(&answers, &[checkin(5), checkin(4)]);
    assert_eq!((improved.progress, improved.frequency), (Progress::Improving, Some(Frequency::AsNeededOrMonthly)));
    let worse = assess(&answers, &[checkin(8)]);
    assert_eq!(worse.progress, Progress::Worse);
    assert!(worse.plan.items(Section::StopSigns).contains(&PlanItem::ReviewWorsening));
}

/// Plans for the clear intake changed by `changes` and checks an item is shown or not.
#[track_caller]
fn check_item(changes: Value, section: Section, item: PlanItem, shown: bool) {
    let plan = plan(&with(changes.clone()), None, Progress::NotEnoughData, Offer::Plan);
    assert_eq!(plan.items(section).contains(&item), shown, "{item} with {changes}");
}

#[test]
fn plan_items_respect_conditions() {
    check_item(json!({}), Section::SelfMassage, PlanItem::BallAgainstWall, true);
    check_item(json!({}), Section::SelfMassage, PlanItem::HandsOnly, false);
    check_item(json!({"conditions": ["osteoporosis"]}), Section::SelfMassage, PlanItem::BallAgainstWall, false);
    check_item(json!({"conditions": ["osteoporosis"]}), Section::SelfMassage, PlanItem::FoamRoller, false);
    check_item(json!({"conditions": ["osteoporosis"]}), Section::SelfMassage, PlanItem::HandsOnly, true);
    check_item(json!({"conditions": ["anticoagulants"]}), Section::SelfMassage, PlanItem::FoamRoller, false);
    check_item(json!({"pregnancy": "pregnant_later"}), Section::SelfMassage, PlanItem::FoamRoller, false);
    check_item(json!({"conditions": ["heat_sensitivity"]}), Section::Aftercare, PlanItem::WarmthAfter, false);
    check_item(json!({"conditions": ["reduced_sensation"]}), Section::SelfMassage, PlanItem::WarmUpFirst, false);
    check_item(json!({}), Section::Stretches, PlanItem::KneeToChest, true);
    check_item(json!({"pregnancy": "pregnant_later"}), Section::Stretches, PlanItem::KneeToChest, false);
    check_item(json!({"pregnancy": "pregnant_later"}), Section::Stretches, PlanItem::SideLyingKnees, true);
    check_item(json!({"pregnancy": "pregnant_first_trimester"}), Section::Stretches, PlanItem::KneeToChest, true);
    check_item(json!({"conditions": ["osteoporosis"]}), Section::Stretches, PlanItem::KneeToChest, false);
    check_item(json!({"conditions": ["anticoagulants"]}), Section::Prepare, PlanItem::MedicationList, true);
    check_item(json!({"conditions": ["anticoagulants"]}), Section::Aftercare, PlanItem::ReportBruising, true);
    check_item(json!({"occupation": "desk"}), Section::Alongside, PlanItem::WorkSetup, true);
    check_item(json!({}), Section::StopSigns, PlanItem::EmergencySigns, true);
    check_item(json!({}), Section::StopSigns, PlanItem::ReviewWorsening, false);
}

#[test]
fn outlook_shapes_the_care_alongside() {
    let answers = with(json!({}));
    let items = |changes: Value| {
        let a = with(changes);
        plan(&a, stratify(&a).as_ref(), Progress::NotEnoughData, Offer::Plan).items(Section::Alongside).to_vec()
    };
    assert!(!items(json!({})).contains(&PlanItem::Physiotherapy));
    let medium = json!({"sb_leg_pain": true, "sb_neck_shoulder": true, "sb_walk_short": true, "sb_dress_slowly": true});
    assert!(items(medium).contains(&PlanItem::Physiotherapy));
    let high = json!({"sb_unsafe_active": true, "sb_worry": true, "sb_never_better": true, "sb_no_enjoyment": true});
    let high_items = items(high);
    assert!(high_items.contains(&PlanItem::Physiotherapy) && high_items.contains(&PlanItem::SupportedRecovery));
    assert_eq!(plan(&answers, None, Progress::NotEnoughData, Offer::Plan).session_minutes, 60);
    assert_eq!(
        plan(&with(json!({"session_minutes": "90"})), None, Progress::NotEnoughData, Offer::Plan).session_minutes,
        90
    );
}
