//! Ranking: every avoid and caution entry, the statuses, the withholding rule, and that
//! every fit change carries its reason.

mod common;

use backpain_intake::domain::recommend::{
    conflicts_with_preference, fact_points, factors, rank, score, shown_fit, tied_with, CautionId, Reason, Status,
    AVOID_FIT_CAP, BASE_FIT, CAUTION_PENALTY, CONFLICT_FIT_CAP, FIT_KNEE, FIT_RULES, RAW_CEILING, RECOMMENDED_MAX,
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
    for clot in ["dvt_diagnosed", "leg_swelling_new"] {
        check(json!({"conditions": [clot]}), avoid, "avoid_clot_risk", &["deep_tissue", "sports"]);
    }
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
    for clot in ["dvt_diagnosed", "leg_swelling_new"] {
        check(json!({"conditions": [clot]}), "avoid", "avoid_clot_risk", &["thai"]);
    }
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
    check(
        json!({"rf_steroids": true}),
        caution,
        "steroids_gentle_pressure",
        &["deep_tissue", "sports", "thai", "trigger_point", "shiatsu"],
    );
    check(json!({"conditions": ["anticoagulants"]}), caution, "bruising_risk", &["shiatsu", "thai"]);
    check(
        json!({"conditions": ["varicose_veins"]}),
        caution,
        "no_deep_work_over_veins",
        &["deep_tissue", "sports", "thai", "trigger_point"],
    );
    check(json!({"conditions": ["varicose_veins"]}), caution, "heat_on_veins", &["hot_stone"]);
    check(
        json!({"conditions": ["oil_allergy"]}),
        caution,
        "check_oils",
        &["swedish", "deep_tissue", "hot_stone", "sports"],
    );
    // Any pregnancy: every technique that is not avoided needs a pregnancy-trained
    // therapist (v2).
    for pregnancy in ["pregnant_first_trimester", "pregnant_later"] {
        check(
            json!({"pregnancy": pregnancy}),
            caution,
            "prenatal_trained_therapist",
            &["swedish", "deep_tissue", "trigger_point", "myofascial_release", "shiatsu", "sports"],
        );
        check(json!({"pregnancy": pregnancy}), "avoid", "prenatal_trained_therapist", &["hot_stone", "thai"]);
    }
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
    // Every technique worked with firm or sustained pressure (v2).
    check(
        json!({"conditions": ["reduced_sensation"]}),
        caution,
        "cannot_feel_pressure",
        &["deep_tissue", "trigger_point", "myofascial_release", "sports", "shiatsu", "thai"],
    );
    check(json!({"pain_now": 8}), caution, "high_pain_go_gently", &["deep_tissue", "trigger_point", "sports", "thai"]);
    // Nerve symptoms: firm and point pressure and strong stretches, five techniques (v2).
    let nerve = ["deep_tissue", "trigger_point", "sports", "shiatsu", "thai"];
    for changes in [
        json!({"pattern": ["radiating_leg"]}),
        json!({"rf_numbness_one_leg": true}),
        json!({"conditions": ["disc_herniation"]}),
        json!({"conditions": ["spinal_stenosis"]}),
    ] {
        check(changes, caution, "nerve_symptoms", &nerve);
    }
    let neck = json!({"location": ["neck_shoulder"], "rf_neck_stroke_signs": false});
    check(neck, caution, "no_neck_manipulation", &["thai", "sports", "shiatsu"]);
    check(json!({"conditions": ["open_wound"]}), caution, "clear_of_wound", &["swedish", "deep_tissue", "thai"]);
    for clot in ["dvt_diagnosed", "leg_swelling_new"] {
        check(
            json!({"conditions": [clot]}),
            caution,
            "clot_keep_off_legs",
            &["swedish", "trigger_point", "myofascial_release", "hot_stone", "shiatsu"],
        );
    }
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
    for changes in [
        json!({"rf_bladder": true}),
        json!({"rf_fever": true}),
        json!({"rf_fever": null}),
        json!({"rf_numbness_one_leg": true}),
        json!({"conditions": ["dvt_diagnosed"]}),
    ] {
        let assessment = assessed(&with(changes.clone()));
        assert!(assessment.withhold_recommendations, "{changes}");
        assert_eq!(assessment.techniques.len(), 8);
        assert!(assessment.techniques.iter().all(|r| r.status != Status::Recommended), "{changes}");
        // The comparison is still all there: the same order and fits as if nothing were
        // withheld, with "recommended" read as "suitable".
        let free = rank(&with(changes.clone()), false);
        for (withheld, free) in assessment.techniques.iter().zip(&free) {
            let status = if free.status == Status::Recommended { Status::Suitable } else { free.status };
            assert_eq!((withheld.id, withheld.fit, withheld.status), (free.id, free.fit, status), "{changes}");
        }
    }
    for changes in [json!({"conditions": ["arthritis"]}), json!({})] {
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
        let mut expected = i32::from(shown_fit(sum));
        if conflicts_with_preference(technique, &answers) {
            expected = expected.min(i32::from(CONFLICT_FIT_CAP));
        }
        assert_eq!(i32::from(r.fit), expected, "{r:?} from {factors:?}");
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

#[test]
fn leg_pain_that_travels_favours_no_technique() {
    // Nerve pain (v2): no fit row reads it, and trigger point is not recommended for it
    // even with a herniated disc and a wish for targeted relief.
    let base = rank(&with(json!({})), false);
    let travelling = rank(&with(json!({"pattern": ["radiating_leg"]})), false);
    for r in &travelling {
        assert!(r.fit <= result(&base, r.id.as_str()).fit, "{r:?}");
    }
    let disc = rank(
        &with(
            json!({"pattern": ["radiating_leg", "sharp"], "conditions": ["disc_herniation"], "goal": "targeted_relief"}),
        ),
        false,
    );
    assert_eq!(result(&disc, "trigger_point").status, Status::Caution);
}

/// The three best-placed techniques.
fn top_three(changes: Value) -> Vec<String> {
    rank(&with(changes), false).iter().take(3).map(|r| r.id.as_str().to_owned()).collect()
}

#[test]
fn a_preference_against_a_defining_feature_outweighs_the_bonuses() {
    // Everything that lifts hot stone, and a wish to avoid heat: it stays out of the top
    // three, its fit capped below a technique with nothing for or against it.
    let warm_liked = json!({"goal": "relaxation", "aggravators": ["stress"], "pattern": ["stiffness", "dull_ache", "spasms"],
               "experience": "none", "heat": "avoid_heat", "pressure": "light"});
    assert!(!top_three(warm_liked.clone()).contains(&"hot_stone".to_owned()), "{:?}", top_three(warm_liked.clone()));
    assert!(result(&rank(&with(warm_liked), false), "hot_stone").fit <= CONFLICT_FIT_CAP);
    // Only firm pressure for someone who wants it light.
    let light = json!({"pressure": "light", "goal": "targeted_relief", "pattern": ["knots"], "activity": "athlete"});
    assert!(!top_three(light.clone()).contains(&"deep_tissue".to_owned()), "{:?}", top_three(light));
    // Undressing for someone who prefers to stay clothed.
    let clothed = json!({"clothed": "prefer_clothed", "goal": "relaxation", "aggravators": ["stress"]});
    for id in ["swedish", "deep_tissue", "hot_stone"] {
        assert!(result(&rank(&with(clothed.clone()), false), id).fit <= CONFLICT_FIT_CAP, "{id}");
    }
    // No preference against it: no cap.
    assert!(result(&rank(&with(json!({"heat": "neutral"})), false), "hot_stone").fit > CONFLICT_FIT_CAP);
}

/// The shown fit separates every two sums a technique can reach: the tables move in steps
/// of 5, and the scale gives each step at least one point up to the ceiling.
#[test]
fn every_table_moves_the_fit_in_steps_of_five() {
    use fact_points as P;
    let facts = [
        P::PRESSURE_MATCH,
        P::PRESSURE_STEP,
        P::PRESSURE_ADJUSTABLE,
        P::WARMTH_LIKED,
        P::WARMTH_DISLIKED,
        P::CLOTHED,
        P::CLOTHED_EITHER,
        P::UNDRESSED,
        P::SESSION_FITS,
        P::SESSION_TOO_SHORT,
        P::LIKED_BEFORE,
    ];
    let rows = FIT_RULES.iter().map(|rule| i32::from(rule.points));
    for points in rows.chain(facts).chain([BASE_FIT, CAUTION_PENALTY]) {
        assert_eq!(points % 5, 0, "{points}");
    }
    let shown: Vec<u8> = (0..=RAW_CEILING / 5).map(|step| shown_fit(step * 5)).collect();
    assert!(shown.windows(2).all(|w| w[0] < w[1]), "{shown:?}");
    assert_eq!((shown_fit(FIT_KNEE), shown_fit(RAW_CEILING), shown_fit(-20)), (70, 100, 0));
    // Up to the knee the fit reads as the points add up; the recommendation threshold is
    // still 75 points.
    assert!((0..=FIT_KNEE).all(|points| i32::from(shown_fit(points)) == points));
    assert_eq!(RECOMMENDED_MIN_FIT, shown_fit(75));
}

/// No person reaches the ceiling: a search that tries every answer to every question, one
/// at a time, from many starting points, never scores above it.
#[test]
fn the_ceiling_bounds_every_sum() {
    for technique in techniques() {
        for changes in [
            json!({}),
            json!({"goal": "relaxation", "aggravators": ["stress", "morning"], "pattern": ["spasms", "dull_ache", "burning", "stiffness", "knots", "sharp"],
                   "experience": "none", "pressure": "unsure", "heat": "likes_warmth", "clothed": "prefer_clothed",
                   "liked_techniques": ["swedish", "hot_stone", "myofascial_release", "sports", "shiatsu", "thai", "deep_tissue", "trigger_point"]}),
        ] {
            let answers = with(changes);
            let sum: i32 = BASE_FIT + factors(technique, &answers).iter().map(|(_, points)| points).sum::<i32>();
            assert!(sum < RAW_CEILING, "{:?} reaches {sum}", technique.id);
        }
    }
}

/// The person who used to see two techniques at "Fit 100 of 100": relaxation, stress and a
/// first massage lift Swedish and hot stone past 100 points, and they now read apart.
#[test]
fn no_tie_at_the_top_is_made_by_cutting_off_at_100() {
    let answers = with(json!({"goal": "relaxation", "aggravators": ["stress"], "experience": "none",
                              "pattern": ["dull_ache", "spasms"], "pain_now": 2, "pain_worst_week": 3,
                              "heat": "likes_warmth", "duration": "under_6_weeks"}));
    let results = rank(&answers, false);
    let sums: Vec<i32> = results
        .iter()
        .map(|r| {
            let technique = techniques().iter().find(|t| t.id == r.id).expect("every technique");
            BASE_FIT + factors(technique, &answers).iter().map(|(_, points)| points).sum::<i32>()
        })
        .collect();
    assert!(sums[0] > 100 && sums[1] > 100, "{sums:?}");
    assert!(results[0].fit > results[1].fit, "{results:?}");
    assert!(results[0].fit < 100);
    assert!(tied_with(&results, results[0].id).is_empty());
}

/// A true tie is named: both techniques with the same fit, and never an avoided one.
#[test]
fn true_ties_are_named_and_avoided_techniques_never_tie() {
    let results = rank(&with(json!({"conditions": ["osteoporosis", "dvt_diagnosed"]})), false);
    for r in &results {
        for other in tied_with(&results, r.id) {
            let other = results.iter().find(|o| o.id == other).expect("a technique of the list");
            assert_eq!(other.fit, r.fit);
            assert!(r.status != Status::Avoid && other.status != Status::Avoid);
            assert!(tied_with(&results, other.id).contains(&r.id));
        }
    }
    let avoided: Vec<&TechniqueResult> = results.iter().filter(|r| r.status == Status::Avoid).collect();
    assert!(avoided.len() >= 2);
    assert!(avoided.iter().all(|r| tied_with(&results, r.id).is_empty()));
    // The clear intake has at least one true tie to name.
    let clear = rank(&with(json!({})), false);
    let tied = clear.iter().find(|r| !tied_with(&clear, r.id).is_empty());
    assert!(tied.is_some(), "{clear:?}");
}
