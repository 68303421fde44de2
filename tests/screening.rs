//! Screening: one case per triage rule (contract v2), the boundaries, and the
//! missing-answer rules, each one line through `check`; then what each level means for
//! the rest of the assessment (withholding, statuses, frequency, plan).

mod common;

use backpain_intake::domain::choices::Condition;
use backpain_intake::domain::plan::Section;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::recommend::Status;
use backpain_intake::domain::screening::{screen, Finding, Reading, Screening, Triage, RULES};
use backpain_intake::domain::when::When;
use backpain_intake::domain::Flag;
use common::{assessed, codes, with};
use serde_json::{json, Value};

/// Screens the clear intake changed by `changes` and compares triage and flags.
#[track_caller]
fn check(changes: Value, triage: &str, flags: &[&str]) {
    let screening = screen(&with(changes.clone()));
    assert_eq!(
        (screening.triage.as_str(), codes(&screening.flags)),
        (triage, flags.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        "changes: {changes}"
    );
}

/// Screens and compares triage and the missing safety answers.
#[track_caller]
fn check_missing(changes: Value, triage: &str, missing: &[&str]) {
    let screening = screen(&with(changes.clone()));
    assert_eq!(
        (screening.triage.as_str(), codes(&screening.missing)),
        (triage, missing.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        "changes: {changes}"
    );
}

#[test]
fn nothing_of_concern_is_clear() {
    check(json!({}), "clear", &[]);
}

#[test]
fn emergency_signs() {
    // Suspected cauda equina (GIRFT 2023), including symptoms in both legs and sexual
    // problems; progressive weakness; aneurysm; stroke signs with neck pain.
    check(json!({"rf_bladder": true}), "emergency", &["rf_bladder"]);
    check(json!({"rf_bowel": true}), "emergency", &["rf_bowel"]);
    check(json!({"rf_saddle_numbness": true}), "emergency", &["rf_saddle_numbness"]);
    check(json!({"rf_sexual_function": true}), "emergency", &["rf_sexual_function"]);
    check(json!({"rf_both_legs": true}), "emergency", &["rf_both_legs"]);
    check(json!({"rf_progressive_weakness": true}), "emergency", &["rf_progressive_weakness"]);
    check(json!({"rf_chest_abdomen": true}), "emergency", &["rf_chest_abdomen"]);
    let neck = |signs: bool| json!({"location": ["neck_shoulder"], "rf_neck_stroke_signs": signs});
    check(neck(true), "emergency", &["rf_neck_stroke_signs"]);
    check(neck(false), "clear", &[]);
}

#[test]
fn urgent_signs() {
    check(json!({"onset": "major_trauma"}), "urgent", &["major_trauma"]);
    check(
        json!({"onset": "major_trauma", "age": 16, "duration": "over_12_weeks"}),
        "urgent",
        &["major_trauma", "young_persistent_pain"],
    );
    check(json!({"rf_fever": true}), "urgent", &["rf_fever"]);
    check(json!({"rf_cancer_history": true}), "urgent", &["rf_cancer_history"]);
    check(json!({"rf_weight_loss": true}), "urgent", &["rf_weight_loss"]);
    check(json!({"night_pain": "constant_unrelenting"}), "urgent", &["constant_night_pain"]);
    // Unexplained new leg swelling is a possible clot: a same-day check (NICE NG158).
    check(json!({"conditions": ["leg_swelling_new"]}), "urgent", &["leg_swelling_new"]);
}

#[test]
fn fracture_with_fragile_bones() {
    let fragile =
        |onset: &str, duration: &str| json!({"onset": onset, "duration": duration, "conditions": ["osteoporosis"]});
    check(fragile("minor_strain", "under_6_weeks"), "urgent", &["fracture_risk", "osteoporosis"]);
    check(fragile("minor_strain", "6_to_12_weeks"), "urgent", &["fracture_risk", "osteoporosis"]);
    check(fragile("sudden_no_injury", "under_6_weeks"), "urgent", &["fracture_risk", "osteoporosis"]);
    check(fragile("minor_strain", "over_12_weeks"), "caution", &["osteoporosis"]);
    check(fragile("gradual", "under_6_weeks"), "caution", &["osteoporosis"]);
    check(json!({"onset": "minor_strain", "rf_steroids": true}), "urgent", &["fracture_risk", "long_term_steroids"]);
    check(
        json!({"onset": "sudden_no_injury", "rf_steroids": true}),
        "urgent",
        &["fracture_risk", "long_term_steroids"],
    );
    check(json!({"onset": "gradual", "rf_steroids": true}), "caution", &["long_term_steroids"]);
    check(json!({"onset": "minor_strain"}), "clear", &[]);
}

#[test]
fn fracture_after_a_minor_strain_at_seventy() {
    let strain = |age: u8, duration: &str| json!({"age": age, "onset": "minor_strain", "duration": duration});
    check(strain(69, "under_6_weeks"), "medical_review", &["new_pain_over_50"]);
    check(strain(70, "under_6_weeks"), "urgent", &["fracture_risk_age"]);
    check(strain(80, "6_to_12_weeks"), "urgent", &["fracture_risk_age"]);
    check(strain(80, "over_12_weeks"), "clear", &[]);
    check(json!({"age": 80, "onset": "gradual", "duration": "under_6_weeks"}), "medical_review", &["new_pain_over_50"]);
}

#[test]
fn immunosuppression_is_urgent_with_new_pain_and_a_doctor_first_otherwise() {
    let immune = |duration: Value| json!({"rf_immunosuppressed": true, "duration": duration});
    check(immune(json!("under_6_weeks")), "urgent", &["infection_risk"]);
    check(immune(json!("6_to_12_weeks")), "urgent", &["infection_risk"]);
    check(immune(json!("over_12_weeks")), "medical_review", &["immunosuppressed"]);
    check(immune(json!("recurring")), "medical_review", &["immunosuppressed"]);
    // An unanswered duration counts as new pain: a gap never clears a risk.
    check(immune(Value::Null), "urgent", &["infection_risk"]);
}

#[test]
fn medical_review_signs() {
    check(json!({"rf_numbness_one_leg": true}), "medical_review", &["rf_numbness_one_leg"]);
    for condition in ["dvt_diagnosed", "recent_surgery", "recent_fracture", "cancer_treatment", "open_wound"] {
        check(json!({"conditions": [condition]}), "medical_review", &[condition]);
    }
}

#[test]
fn inflammatory_pattern_boundaries() {
    let stiff = |age: u8, duration: &str| json!({"morning_stiffness_improves_with_movement": true, "age": age, "duration": duration});
    check(stiff(30, "over_12_weeks"), "medical_review", &["inflammatory_pattern"]);
    check(stiff(44, "recurring"), "medical_review", &["inflammatory_pattern"]);
    check(stiff(30, "6_to_12_weeks"), "clear", &[]);
    // From 45 the person is asked when the pain began; until then it is a gap.
    check_missing(stiff(45, "over_12_weeks"), "incomplete", &["onset_before_45"]);
    let began = |age: u8, before_45: bool| {
        json!({"morning_stiffness_improves_with_movement": true, "age": age, "duration": "over_12_weeks",
               "onset_before_45": before_45})
    };
    check(began(45, true), "medical_review", &["inflammatory_pattern"]);
    check(began(60, true), "medical_review", &["inflammatory_pattern"]);
    check(began(45, false), "clear", &[]);
    check(
        json!({"morning_stiffness_improves_with_movement": false, "age": 30, "duration": "over_12_weeks"}),
        "clear",
        &[],
    );
}

#[test]
fn new_pain_after_fifty_boundaries() {
    let new_pain = |age: u8, duration: &str, onset: &str| json!({"age": age, "duration": duration, "onset": onset});
    check(new_pain(50, "under_6_weeks", "gradual"), "clear", &[]);
    check(new_pain(51, "under_6_weeks", "gradual"), "medical_review", &["new_pain_over_50"]);
    check(new_pain(51, "6_to_12_weeks", "gradual"), "medical_review", &["new_pain_over_50"]);
    check(new_pain(60, "under_6_weeks", "sudden_no_injury"), "medical_review", &["new_pain_over_50"]);
    check(new_pain(60, "under_6_weeks", "minor_strain"), "medical_review", &["new_pain_over_50"]);
    check(new_pain(60, "over_12_weeks", "gradual"), "clear", &[]);
    check(new_pain(60, "recurring", "gradual"), "clear", &[]);
    check(new_pain(60, "no_pain_prevention", "gradual"), "clear", &[]);
}

#[test]
fn young_people_with_pain_that_lasts() {
    // IFOMPT 2020: under 20 with pain over 12 weeks or coming back needs a doctor's look.
    let young = |age: u8, duration: &str| json!({"age": age, "duration": duration});
    check(young(19, "over_12_weeks"), "medical_review", &["young_persistent_pain"]);
    check(young(16, "recurring"), "medical_review", &["young_persistent_pain"]);
    check(young(20, "over_12_weeks"), "clear", &[]);
    check(young(19, "6_to_12_weeks"), "clear", &[]);
}

#[test]
fn caution_conditions() {
    for condition in [
        "osteoporosis",
        "anticoagulants",
        "bleeding_disorder",
        "reduced_sensation",
        "heat_sensitivity",
        "skin_condition",
        "varicose_veins",
        "hypermobility",
        "oil_allergy",
        "fibromyalgia",
        "arthritis",
        "disc_herniation",
        "spinal_stenosis",
        "high_blood_pressure",
    ] {
        check(json!({"conditions": [condition]}), "caution", &[condition]);
    }
    check(json!({"pregnancy": "pregnant_first_trimester"}), "caution", &["pregnancy"]);
    check(json!({"pregnancy": "pregnant_later"}), "caution", &["pregnancy"]);
    check(json!({"pregnancy": "postpartum"}), "caution", &["postpartum"]);
    check(json!({"rf_steroids": true}), "caution", &["long_term_steroids"]);
}

#[test]
fn severe_pain_boundary() {
    check(json!({"pain_now": 7}), "clear", &[]);
    check(json!({"pain_now": 8}), "caution", &["severe_pain"]);
    check(json!({"pain_now": 10}), "caution", &["severe_pain"]);
}

#[test]
fn the_highest_level_wins_and_every_flag_is_listed() {
    check(
        json!({"rf_bladder": true, "rf_fever": true, "conditions": ["osteoporosis", "recent_surgery"], "pain_now": 9}),
        "emergency",
        &["rf_bladder", "rf_fever", "recent_surgery", "osteoporosis", "severe_pain"],
    );
    check(
        json!({"rf_numbness_one_leg": true, "conditions": ["arthritis"]}),
        "medical_review",
        &["rf_numbness_one_leg", "arthritis"],
    );
}

#[test]
fn each_missing_safety_answer_is_incomplete_and_listed() {
    let safety = [
        "age",
        "pregnancy",
        "location",
        "duration",
        "onset",
        "night_pain",
        "morning_stiffness_improves_with_movement",
        "rf_bladder",
        "rf_bowel",
        "rf_saddle_numbness",
        "rf_sexual_function",
        "rf_progressive_weakness",
        "rf_chest_abdomen",
        "rf_both_legs",
        "rf_numbness_one_leg",
        "rf_fever",
        "rf_immunosuppressed",
        "rf_cancer_history",
        "rf_weight_loss",
        "rf_steroids",
        "conditions",
    ];
    for id in safety {
        check_missing(json!({ id: null }), "incomplete", &[id]);
    }
    // Questions that only gate nothing are not safety answers.
    check_missing(json!({"pain_now": null, "occupation": null, "sb_worry": null, "goal": null}), "clear", &[]);
    // A safety question that is shown only sometimes is missing only when shown.
    check_missing(json!({"location": ["neck_shoulder", "lower_back"]}), "incomplete", &["rf_neck_stroke_signs"]);
    check_missing(json!({"age": 30, "duration": "over_12_weeks"}), "clear", &[]);
}

#[test]
fn a_missing_answer_never_hides_danger() {
    // Emergency and urgent findings win over missing answers.
    check(json!({"rf_bowel": true, "rf_fever": null}), "emergency", &["rf_bowel"]);
    check(json!({"rf_chest_abdomen": true, "age": null}), "emergency", &["rf_chest_abdomen"]);
    check(json!({"rf_weight_loss": true, "conditions": null}), "urgent", &["rf_weight_loss"]);
    check(json!({"onset": "major_trauma", "rf_sexual_function": null}), "urgent", &["major_trauma"]);
    // Lower findings do not: the triage stays incomplete, the flags are still listed.
    check(json!({"rf_numbness_one_leg": true, "rf_fever": null}), "incomplete", &["rf_numbness_one_leg"]);
    check(json!({"conditions": null, "pain_now": 9}), "incomplete", &["severe_pain"]);
    check(json!({"age": null, "conditions": ["dvt_diagnosed"]}), "incomplete", &["dvt_diagnosed"]);
}

#[test]
fn nothing_answered_is_incomplete_with_every_safety_answer_missing() {
    let screening = screen(&common::only(json!({})));
    assert_eq!(screening.triage, Triage::Incomplete);
    assert_eq!(screening.missing.len(), 21, "7 answers the rules read, 13 red flags and the conditions list");
    assert!(!screening.missing.contains(&QuestionId::RfNeckStrokeSigns), "asked only with neck pain");
    assert!(!screening.missing.contains(&QuestionId::OnsetBefore45), "asked only from 45");
}

#[test]
fn every_flag_has_exactly_one_rule() {
    for flag in Flag::ALL {
        assert_eq!(RULES.iter().filter(|r| r.flag == *flag).count(), 1, "{flag}");
    }
}

/// The flag codes in the order the `Flag` enum declared them before the condition flags
/// were derived from the conditions (and the order `flags` lists them in): the codes, the
/// text keys `flag.<code>` and the JSON order must not change.
const FLAG_CODES_BEFORE: &str = "\
    rf_bladder rf_bowel rf_saddle_numbness rf_sexual_function rf_both_legs \
    rf_progressive_weakness rf_chest_abdomen rf_neck_stroke_signs major_trauma \
    fracture_risk fracture_risk_age rf_fever infection_risk rf_cancer_history \
    rf_weight_loss constant_night_pain leg_swelling_new rf_numbness_one_leg \
    immunosuppressed inflammatory_pattern new_pain_over_50 young_persistent_pain \
    dvt_diagnosed recent_surgery recent_fracture cancer_treatment open_wound \
    osteoporosis anticoagulants bleeding_disorder reduced_sensation heat_sensitivity \
    skin_condition varicose_veins hypermobility oil_allergy fibromyalgia arthritis \
    disc_herniation spinal_stenosis high_blood_pressure pregnancy postpartum severe_pain \
    long_term_steroids";

#[test]
fn the_flag_codes_and_their_order_are_unchanged() {
    let before: Vec<&str> = FLAG_CODES_BEFORE.split_whitespace().collect();
    assert_eq!(before.len(), 45);
    assert_eq!(Flag::CODES, before);
    let from_all: Vec<&str> = Flag::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(from_all, before);
    let from_rules: Vec<&str> = RULES.iter().map(|r| r.flag.as_str()).collect();
    assert_eq!(from_rules, before);
    for code in before {
        assert_eq!(Flag::from_code(code).map(Flag::as_str), Some(code));
        assert_eq!(serde_json::to_value(Flag::from_code(code)).ok(), Some(json!(code)));
    }
    assert_eq!(Flag::from_code("dvt_or_leg_swelling"), None);
}

#[test]
fn every_condition_is_its_own_flag_raised_by_itself() {
    for condition in Condition::ALL {
        let rows: Vec<_> = RULES.iter().filter(|r| r.flag == Flag::Condition(*condition)).collect();
        assert_eq!(rows.len(), 1, "{condition}");
        assert_eq!(rows[0].when, When::Condition(*condition), "{condition}");
        let screening = screen(&with(json!({"conditions": [condition.as_str()]})));
        assert_eq!(screening.flags, [Flag::Condition(*condition)], "{condition}");
        assert_eq!(screening.triage, rows[0].level, "{condition}");
    }
    assert!(Finding::CODES.iter().all(|code| Condition::from_code(code).is_none()));
}

#[test]
fn rules_are_listed_most_serious_first() {
    let order = [Triage::Emergency, Triage::Urgent, Triage::MedicalReview, Triage::Caution];
    let positions: Vec<usize> = RULES.iter().map(|r| order.iter().position(|l| *l == r.level).unwrap_or(99)).collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
}

/// Assesses the clear intake changed by `changes` and compares what the triage means for
/// the rest: whether recommendations are withheld, the frequency, how the comparison
/// reads, and whether any technique is recommended or a plan section besides the stop
/// signs is offered.
#[track_caller]
fn check_reading(changes: Value, triage: &str, withhold: bool, frequency: &str, reading: Reading) {
    let assessment = assessed(&with(changes.clone()));
    let recommended = assessment.techniques.iter().any(|t| t.status == Status::Recommended);
    let plan_beyond_stop_signs = assessment.plan.sections.iter().any(|(s, _)| *s != Section::StopSigns);
    assert_eq!(
        (
            assessment.triage.as_str(),
            assessment.withhold_recommendations,
            assessment.frequency.map(|f| f.as_str()),
            assessment.triage.reading(),
        ),
        (triage, withhold, Some(frequency), reading),
        "changes: {changes}"
    );
    if withhold {
        assert!(!recommended, "nothing is recommended while withheld: {changes}");
        assert!(!plan_beyond_stop_signs, "only the stop signs while withheld: {changes}");
        assert!(!assessment.plan.items(Section::StopSigns).is_empty(), "the stop signs stay: {changes}");
    }
}

#[test]
fn what_each_level_withholds() {
    use Reading::{AfterMedicalAdvice, ForReadingOnly, Recommendations};
    check_reading(json!({}), "clear", false, "weekly", Recommendations);
    check_reading(json!({"conditions": ["arthritis"]}), "caution", false, "weekly", Recommendations);
    check_reading(
        json!({"rf_numbness_one_leg": true}),
        "medical_review",
        true,
        "after_medical_advice",
        AfterMedicalAdvice,
    );
    check_reading(
        json!({"conditions": ["dvt_diagnosed"]}),
        "medical_review",
        true,
        "after_medical_advice",
        AfterMedicalAdvice,
    );
    check_reading(json!({"rf_fever": true}), "urgent", true, "after_medical_advice", ForReadingOnly);
    check_reading(json!({"rf_both_legs": true}), "emergency", true, "after_medical_advice", ForReadingOnly);
    check_reading(json!({"rf_steroids": null}), "incomplete", true, "after_medical_advice", ForReadingOnly);
    assert!(assessed(&with(json!({}))).techniques.iter().any(|t| t.status == Status::Recommended));
}

#[test]
fn the_level_of_a_flag_is_its_rule_level() {
    assert_eq!(Screening::level_of(Flag::Finding(Finding::RfBothLegs)), Triage::Emergency);
    assert_eq!(Screening::level_of(Flag::Condition(Condition::LegSwellingNew)), Triage::Urgent);
    assert_eq!(Screening::level_of(Flag::Condition(Condition::DvtDiagnosed)), Triage::MedicalReview);
    assert_eq!(Screening::level_of(Flag::Finding(Finding::Immunosuppressed)), Triage::MedicalReview);
}

#[test]
fn the_words_for_a_status_follow_the_reading() {
    use backpain_intake::domain::text::{reading_note_key, status_key};
    use Reading::{AfterMedicalAdvice, ForReadingOnly, Recommendations};
    for (status, reading, key) in [
        (Status::Recommended, Recommendations, "status.recommended"),
        (Status::Suitable, Recommendations, "status.suitable"),
        (Status::Suitable, AfterMedicalAdvice, "ui.results.status_after_doctor"),
        (Status::Caution, AfterMedicalAdvice, "ui.results.status_after_doctor"),
        (Status::Suitable, ForReadingOnly, "ui.results.status_on_hold"),
        // "Avoid" is always said as it is.
        (Status::Avoid, AfterMedicalAdvice, "status.avoid"),
        (Status::Avoid, ForReadingOnly, "status.avoid"),
    ] {
        assert_eq!(status_key(status, reading), key, "{status} {reading:?}");
    }
    assert_eq!(reading_note_key(Recommendations), None);
    assert_eq!(reading_note_key(AfterMedicalAdvice), Some("ui.results.ranking.after_doctor"));
    assert_eq!(reading_note_key(ForReadingOnly), Some("ui.results.ranking.withheld"));
}
