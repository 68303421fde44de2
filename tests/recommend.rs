//! Ranking: every avoid and caution entry, the statuses, the withholding rule, and that
//! every fit change carries its reason.

mod common;

use backpain_intake::domain::recommend::{
    factors, rank, score, CautionId, Reason, Status, AVOID_FIT_CAP, BASE_FIT, FIT_RULES, RECOMMENDED_MAX,
    RECOMMENDED_MIN_FIT, SAFETY_RULES,
};
use backpain_intake::domain::techniques::techniques;
use backpain_intake::domain::{TechniqueId, TechniqueResult};
use common::{assessed, with};
use serde_json::{json, Value};

fn result(results: &[TechniqueResult], id: &str) -> TechniqueResult {
    match results.iter().find(|r| r.id.as_str() == id) {
        Some(r) => r.clone(),
        None => panic!("{id} missing from the ranking"),
    }
}

/// Ranks the clear intake changed by `changes` and checks that each technique in
/// `expected` has that status and carries that caution.
#[track_caller]
fn check(changes: Value, status: &str, caution: &str, techniques: &[&str]) {
    let results = rank(&with(changes.clone()), false);
    for id in techniques {
        let r = result(&results, id);
        assert_eq!(r.status.as_str(), status, "{id} with {changes}");
        assert!(
            r.cautions.iter().any(|c| c.as_str() == caution),
            "{id} with {changes} lacks {caution}: {:?}",
            r.cautions
        );
    }
}

#[test]
fn avoid_entries_of_the_contract() {
    let avoid = "avoid";
    check(json!({"conditions": ["osteoporosis"]}), avoid, "avoid_fragile_bones", &["deep_tissue", "sports", "thai"]);
    check(
        json!({"conditions": ["anticoagulants"]}),
        avoid,
        "avoid_bleeding_risk",
        &["deep_tissue", "trigger_point", "sports"],
    );
    check(
        json!({"conditions": ["bleeding_disorder"]}),
        avoid,
        "avoid_bleeding_risk",
        &["deep_tissue", "trigger_point", "sports"],
    );
    check(json!({"conditions": ["reduced_sensation"]}), avoid, "avoid_heat_unfelt", &["hot_stone"]);
    check(json!({"conditions": ["heat_sensitivity"]}), avoid, "avoid_heat_sensitivity", &["hot_stone"]);
    check(json!({"conditions": ["skin_condition"]}), avoid, "avoid_heat_on_skin", &["hot_stone"]);
    check(json!({"pregnancy": "pregnant_first_trimester"}), avoid, "avoid_heat_in_pregnancy", &["hot_stone"]);
    check(json!({"pregnancy": "pregnant_later"}), avoid, "avoid_heat_in_pregnancy", &["hot_stone"]);
    check(json!({"pregnancy": "pregnant_first_trimester"}), avoid, "avoid_stretching_in_pregnancy", &["thai"]);
    check(json!({"pregnancy": "pregnant_later"}), avoid, "avoid_stretching_in_pregnancy", &["thai"]);
    check(json!({"conditions": ["hypermobility"]}), avoid, "avoid_overstretching_joints", &["thai"]);
    check(json!({"conditions": ["dvt_or_leg_swelling"]}), avoid, "avoid_clot_risk", &["deep_tissue", "sports"]);
    check(json!({"conditions": ["recent_surgery"]}), avoid, "avoid_after_surgery", &["deep_tissue", "sports"]);
    check(
        json!({"conditions": ["cancer_treatment"]}),
        avoid,
        "avoid_during_cancer_treatment",
        &["deep_tissue", "sports"],
    );
}

#[test]
fn avoid_entries_beyond_the_contract() {
    check(json!({"conditions": ["dvt_or_leg_swelling"]}), "avoid", "avoid_clot_risk", &["thai"]);
    check(
        json!({"conditions": ["recent_fracture"]}),
        "avoid",
        "avoid_near_fracture",
        &["deep_tissue", "trigger_point", "sports", "thai"],
    );
    check(json!({"conditions": ["open_wound"]}), "avoid", "avoid_heat_on_wound", &["hot_stone"]);
}

#[test]
fn caution_entries() {
    let caution = "caution";
    check(
        json!({"conditions": ["osteoporosis"]}),
        caution,
        "gentle_pressure_fragile_bones",
        &["shiatsu", "trigger_point"],
    );
    check(json!({"rf_steroids": true}), caution, "steroids_gentle_pressure", &["deep_tissue", "sports", "thai"]);
    check(json!({"conditions": ["anticoagulants"]}), caution, "bruising_risk", &["shiatsu", "thai"]);
    check(json!({"conditions": ["varicose_veins"]}), caution, "no_deep_work_over_veins", &["deep_tissue", "sports"]);
    check(json!({"conditions": ["varicose_veins"]}), caution, "heat_on_veins", &["hot_stone"]);
    check(
        json!({"conditions": ["oil_allergy"]}),
        caution,
        "check_oils",
        &["swedish", "deep_tissue", "hot_stone", "sports"],
    );
    check(
        json!({"pregnancy": "pregnant_later"}),
        caution,
        "prenatal_trained_therapist",
        &["deep_tissue", "trigger_point", "shiatsu", "sports"],
    );
    check(json!({"pregnancy": "postpartum"}), caution, "postpartum_gentle", &["deep_tissue", "thai"]);
    check(
        json!({"conditions": ["hypermobility"]}),
        caution,
        "careful_joint_stretching",
        &["sports", "myofascial_release"],
    );
    check(json!({"conditions": ["arthritis"]}), caution, "careful_joint_stretching", &["thai"]);
    check(json!({"conditions": ["fibromyalgia"]}), caution, "tender_tissue", &["deep_tissue", "trigger_point"]);
    check(json!({"conditions": ["disc_herniation"]}), caution, "protect_disc", &["deep_tissue", "thai", "sports"]);
    check(json!({"conditions": ["spinal_stenosis"]}), caution, "stenosis_no_backbends", &["thai"]);
    check(json!({"conditions": ["high_blood_pressure"]}), caution, "heat_and_blood_pressure", &["hot_stone"]);
    check(
        json!({"conditions": ["reduced_sensation"]}),
        caution,
        "cannot_feel_pressure",
        &["deep_tissue", "trigger_point", "sports"],
    );
    check(json!({"pain_now": 8}), caution, "high_pain_go_gently", &["deep_tissue", "trigger_point", "sports", "thai"]);
    check(json!({"pattern": ["radiating_leg"]}), caution, "nerve_symptoms", &["deep_tissue", "thai"]);
    check(json!({"rf_numbness_one_leg": true}), caution, "nerve_symptoms", &["deep_tissue", "thai"]);
    check(json!({"location": ["neck_shoulder"]}), caution, "no_neck_manipulation", &["thai"]);
    check(json!({"conditions": ["open_wound"]}), caution, "clear_of_wound", &["swedish", "deep_tissue", "thai"]);
    check(
        json!({"conditions": ["dvt_or_leg_swelling"]}),
        caution,
        "clot_keep_off_legs",
        &["swedish", "trigger_point", "myofascial_release", "hot_stone", "shiatsu"],
    );
    check(json!({"conditions": ["recent_surgery"]}), caution, "surgery_site", &["swedish", "thai", "hot_stone"]);
    check(json!({"conditions": ["cancer_treatment"]}), caution, "oncology_trained", &["swedish", "thai", "hot_stone"]);
    check(
        json!({"conditions": ["recent_fracture"]}),
        caution,
        "fracture_site",
        &["swedish", "myofascial_release", "hot_stone", "shiatsu"],
    );
}

#[test]
fn seven_point_pain_is_not_the_severe_caution() {
    let results = rank(&with(json!({"pain_now": 7})), false);
    assert!(results.iter().all(|r| !r.cautions.contains(&CautionId::HighPainGoGently)));
}

#[test]
fn avoided_techniques_sort_last_with_capped_fit() {
    let results = rank(
        &with(
            json!({"conditions": ["osteoporosis", "anticoagulants"], "goal": "sport_recovery", "activity": "athlete"}),
        ),
        false,
    );
    let avoided: Vec<&str> = results.iter().filter(|r| r.status == Status::Avoid).map(|r| r.id.as_str()).collect();
    assert_eq!(avoided.len(), 4, "{avoided:?}");
    assert!(results.iter().rev().take(4).all(|r| r.status == Status::Avoid && r.fit <= AVOID_FIT_CAP));
    // Sports would otherwise fit an athlete after sport best of all.
    assert_eq!(result(&results, "sports").status, Status::Avoid);
}

#[test]
fn the_ranking_is_sorted_and_complete() {
    let results = assessed(&with(json!({}))).techniques;
    assert_eq!(results.len(), 8);
    assert!(results.windows(2).all(|w| w[0].fit >= w[1].fit));
    let mut ids: Vec<TechniqueId> = results.iter().map(|r| r.id).collect();
    ids.sort();
    assert_eq!(ids, TechniqueId::ALL);
}

#[test]
fn statuses_follow_fit_and_cautions() {
    let results = rank(
        &with(json!({"goal": "relaxation", "aggravators": ["stress"], "pressure": "light", "heat": "avoid_heat"})),
        false,
    );
    let mut recommended = 0;
    for r in &results {
        let expected = if !r.cautions.is_empty() {
            Status::Caution
        } else if r.fit >= RECOMMENDED_MIN_FIT && recommended < RECOMMENDED_MAX {
            recommended += 1;
            Status::Recommended
        } else {
            Status::Suitable
        };
        assert_eq!(r.status, expected, "{r:?}");
    }
    assert_eq!(results[0].id, TechniqueId::Swedish);
    assert_eq!(results[0].status, Status::Recommended);
    assert!(recommended >= 1);
}

#[test]
fn withheld_recommendations_rank_but_recommend_nothing() {
    for changes in [json!({"rf_bladder": true}), json!({"rf_fever": true}), json!({"rf_fever": null})] {
        let assessment = assessed(&with(changes.clone()));
        assert!(assessment.withhold_recommendations, "{changes}");
        assert_eq!(assessment.techniques.len(), 8);
        assert!(assessment.techniques.iter().all(|r| r.status != Status::Recommended), "{changes}");
        assert!(assessment.techniques.iter().any(|r| r.fit >= RECOMMENDED_MIN_FIT), "the comparison is still there");
    }
    for changes in [json!({"rf_numbness_one_leg": true}), json!({"conditions": ["arthritis"]}), json!({})] {
        assert!(!assessed(&with(changes.clone())).withhold_recommendations, "{changes}");
    }
}

#[test]
fn factor_tables_move_the_fit() {
    let fit_of = |changes: Value, id: &str| result(&rank(&with(changes), false), id).fit;
    // Knots favour trigger point; stiffness favours hot stone and myofascial release.
    assert!(fit_of(json!({"pattern": ["knots"]}), "trigger_point") > fit_of(json!({"pattern": []}), "trigger_point"));
    assert!(fit_of(json!({"pattern": ["stiffness"]}), "hot_stone") > fit_of(json!({"pattern": []}), "hot_stone"));
    assert!(
        fit_of(json!({"pattern": ["stiffness"]}), "myofascial_release")
            > fit_of(json!({"pattern": []}), "myofascial_release")
    );
    // Stress favours Swedish; athletes favour sports massage.
    assert!(fit_of(json!({"aggravators": ["stress"]}), "swedish") > fit_of(json!({}), "swedish"));
    assert!(fit_of(json!({"activity": "athlete"}), "sports") > fit_of(json!({}), "sports"));
    // A first massage favours a gentle start over deep tissue.
    let first = rank(&with(json!({"experience": "none"})), false);
    assert!(result(&first, "swedish").fit > result(&first, "deep_tissue").fit);
    // Firm pressure favours deep tissue; light pressure does not.
    assert!(fit_of(json!({"pressure": "firm"}), "deep_tissue") > fit_of(json!({"pressure": "light"}), "deep_tissue"));
    // Warmth and clothing preferences.
    assert!(fit_of(json!({"heat": "likes_warmth"}), "hot_stone") > fit_of(json!({"heat": "avoid_heat"}), "hot_stone"));
    assert!(fit_of(json!({"clothed": "prefer_clothed"}), "thai") > fit_of(json!({"clothed": "either"}), "thai"));
    assert!(fit_of(json!({"clothed": "prefer_clothed"}), "swedish") < fit_of(json!({"clothed": "either"}), "swedish"));
    // Liked before.
    assert!(fit_of(json!({"liked_techniques": ["shiatsu"]}), "shiatsu") > fit_of(json!({}), "shiatsu"));
}

#[test]
fn every_fit_change_names_its_reason() {
    let answers = with(
        json!({"pattern": ["knots", "burning"], "experience": "none", "pressure": "firm", "clothed": "prefer_clothed", "session_minutes": "30"}),
    );
    for technique in techniques() {
        let r = score(technique, &answers);
        let factors = factors(technique, &answers);
        let sum: i32 = BASE_FIT + factors.iter().map(|(_, points)| points).sum::<i32>();
        assert_eq!(i32::from(r.fit), sum.clamp(0, 100), "{r:?} from {factors:?}");
        let mut named: Vec<Reason> = factors.iter().map(|(reason, _)| *reason).collect();
        named.dedup();
        assert_eq!(r.reasons, named, "{}", technique.id);
    }
}

#[test]
fn every_reason_has_one_sign() {
    for reason in Reason::ALL {
        for rule in FIT_RULES.iter().filter(|f| f.reason == *reason) {
            assert_eq!(rule.points > 0, reason.is_positive(), "{reason} in {rule:?}");
        }
    }
}

#[test]
fn every_caution_id_is_raised_by_some_row() {
    for caution in CautionId::ALL {
        assert!(SAFETY_RULES.iter().any(|r| r.caution == *caution), "{caution} is never raised");
    }
}
