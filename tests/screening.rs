//! Screening: one case per triage rule, the boundaries, and the missing-answer rules,
//! each one line through `check`.

mod common;

use backpain_intake::domain::screening::{screen, Triage, RULES};
use backpain_intake::domain::Flag;
use common::{codes, with};
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

#[test]
fn nothing_of_concern_is_clear() {
    check(json!({}), "clear", &[]);
}

#[test]
fn emergency_signs() {
    check(json!({"rf_bladder": true}), "emergency", &["rf_bladder"]);
    check(json!({"rf_bowel": true}), "emergency", &["rf_bowel"]);
    check(json!({"rf_saddle_numbness": true}), "emergency", &["rf_saddle_numbness"]);
    check(json!({"rf_progressive_weakness": true}), "emergency", &["rf_progressive_weakness"]);
}

#[test]
fn urgent_signs() {
    check(json!({"onset": "major_trauma"}), "urgent", &["major_trauma"]);
    check(
        json!({"onset": "minor_strain", "conditions": ["osteoporosis"]}),
        "urgent",
        &["fracture_risk", "osteoporosis"],
    );
    check(json!({"onset": "minor_strain", "rf_steroids": true}), "urgent", &["fracture_risk", "long_term_steroids"]);
    check(json!({"rf_fever": true}), "urgent", &["rf_fever"]);
    check(json!({"rf_immunosuppressed": true, "duration": "under_6_weeks"}), "urgent", &["infection_risk"]);
    check(json!({"rf_cancer_history": true}), "urgent", &["rf_cancer_history"]);
    check(json!({"rf_weight_loss": true}), "urgent", &["rf_weight_loss"]);
    check(json!({"night_pain": "constant_unrelenting"}), "urgent", &["constant_night_pain"]);
    check(json!({"rf_both_legs": true}), "urgent", &["rf_both_legs"]);
}

#[test]
fn fracture_needs_both_the_strain_and_the_bone_risk() {
    check(json!({"onset": "minor_strain"}), "clear", &[]);
    check(json!({"onset": "gradual", "conditions": ["osteoporosis"]}), "caution", &["osteoporosis"]);
    check(json!({"onset": "gradual", "rf_steroids": true}), "caution", &["long_term_steroids"]);
}

#[test]
fn immunosuppression_is_urgent_only_with_new_pain() {
    check(json!({"rf_immunosuppressed": true, "duration": "over_12_weeks"}), "caution", &["immunosuppressed"]);
    check(json!({"rf_immunosuppressed": true, "duration": "6_to_12_weeks"}), "caution", &["immunosuppressed"]);
    // An unanswered duration counts as new pain: a gap never clears a risk.
    check(json!({"rf_immunosuppressed": true, "duration": null}), "urgent", &["infection_risk"]);
}

#[test]
fn medical_review_signs() {
    check(json!({"rf_numbness_one_leg": true}), "medical_review", &["rf_numbness_one_leg"]);
    check(
        json!({"morning_stiffness_improves_with_movement": true, "age": 30, "duration": "over_12_weeks"}),
        "medical_review",
        &["inflammatory_pattern"],
    );
    check(
        json!({"morning_stiffness_improves_with_movement": true, "age": 30, "duration": "recurring"}),
        "medical_review",
        &["inflammatory_pattern"],
    );
    check(json!({"age": 60, "duration": "under_6_weeks", "onset": "gradual"}), "medical_review", &["new_pain_over_50"]);
    check(
        json!({"age": 60, "duration": "under_6_weeks", "onset": "sudden_no_injury"}),
        "medical_review",
        &["new_pain_over_50"],
    );
    for condition in ["dvt_or_leg_swelling", "recent_surgery", "recent_fracture", "cancer_treatment", "open_wound"] {
        check(json!({"conditions": [condition]}), "medical_review", &[condition]);
    }
}

#[test]
fn inflammatory_pattern_boundaries() {
    let stiff = |age: u8, duration: &str| json!({"morning_stiffness_improves_with_movement": true, "age": age, "duration": duration});
    check(stiff(44, "over_12_weeks"), "medical_review", &["inflammatory_pattern"]);
    check(stiff(45, "over_12_weeks"), "clear", &[]);
    check(stiff(30, "6_to_12_weeks"), "clear", &[]);
    check(
        json!({"morning_stiffness_improves_with_movement": false, "age": 30, "duration": "over_12_weeks"}),
        "clear",
        &[],
    );
}

#[test]
fn new_pain_after_fifty_boundaries() {
    let new_pain = |age: u8| json!({"age": age, "duration": "under_6_weeks", "onset": "gradual"});
    check(new_pain(50), "clear", &[]);
    check(new_pain(51), "medical_review", &["new_pain_over_50"]);
    check(json!({"age": 60, "duration": "6_to_12_weeks", "onset": "gradual"}), "clear", &[]);
    check(json!({"age": 60, "duration": "under_6_weeks", "onset": "minor_strain"}), "clear", &[]);
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
fn a_missing_safety_answer_is_incomplete_and_listed() {
    let screening = screen(&with(json!({"rf_fever": null})));
    assert_eq!(screening.triage, Triage::Incomplete);
    assert_eq!(codes(&screening.missing), ["rf_fever"]);

    let screening = screen(&with(json!({"conditions": null, "rf_bladder": null})));
    assert_eq!(screening.triage, Triage::Incomplete);
    assert_eq!(codes(&screening.missing), ["rf_bladder", "conditions"]);
}

#[test]
fn a_missing_answer_never_hides_danger() {
    // Emergency and urgent findings win over missing answers.
    check(json!({"rf_bowel": true, "rf_fever": null}), "emergency", &["rf_bowel"]);
    check(json!({"rf_weight_loss": true, "conditions": null}), "urgent", &["rf_weight_loss"]);
    // Lower findings do not: the triage stays incomplete, the flags are still listed.
    check(json!({"rf_numbness_one_leg": true, "rf_fever": null}), "incomplete", &["rf_numbness_one_leg"]);
    check(json!({"conditions": null, "pain_now": 9}), "incomplete", &["severe_pain"]);
}

#[test]
fn nothing_answered_is_incomplete_with_every_safety_answer_missing() {
    let screening = screen(&common::only(json!({})));
    assert_eq!(screening.triage, Triage::Incomplete);
    assert_eq!(screening.missing.len(), 12, "11 red flags and the conditions list");
}

#[test]
fn every_flag_has_exactly_one_rule() {
    for flag in Flag::ALL {
        assert_eq!(RULES.iter().filter(|r| r.flag == *flag).count(), 1, "{flag}");
    }
}

#[test]
fn rules_are_listed_most_serious_first() {
    let order = [Triage::Emergency, Triage::Urgent, Triage::MedicalReview, Triage::Caution];
    let positions: Vec<usize> = RULES.iter().map(|r| order.iter().position(|l| *l == r.level).unwrap_or(99)).collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
}
