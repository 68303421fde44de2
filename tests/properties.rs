//! Property tests: no input makes the parser panic; every valid answer set assesses to
//! all eight techniques sorted by fit, with recommendations withheld whenever screening
//! says so; and every answer set survives a JSON round trip.

mod common;

use backpain_intake::domain::intake::Intake;
use backpain_intake::domain::plan::Frequency;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::recommend::Status;
use backpain_intake::domain::{assess, AnswerSet, TechniqueId, Triage};
use common::{answers_with_probability, with};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_0-9]{0,12}".prop_map(Value::String),
        prop::sample::select(QuestionId::CODES).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof!["[a-z_]{0,10}", prop::sample::select(QuestionId::CODES).prop_map(String::from)],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An answers object whose keys are real question ids but whose values are anything.
fn hostile_answers() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(prop::sample::select(QuestionId::CODES), any_json(), 0..12).prop_map(|m| {
        let answers: Map<String, Value> = m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let mut doc = Map::new();
        doc.insert("format".into(), Value::from(1));
        doc.insert("answers".into(), Value::Object(answers));
        Value::Object(doc)
    })
}

/// Any valid answer set: each question answered or not.
fn valid_answers() -> impl Strategy<Value = AnswerSet> {
    answers_with_probability(0.8)
}

/// What holds for the assessment of any valid answers.
fn check_assessment(answers: &AnswerSet) -> Result<(), TestCaseError> {
    let assessment = assess(answers, &[]);
    let mut ids: Vec<TechniqueId> = assessment.techniques.iter().map(|t| t.id).collect();
    prop_assert!(assessment.techniques.windows(2).all(|w| w[0].fit >= w[1].fit));
    ids.sort();
    prop_assert_eq!(ids, TechniqueId::ALL.to_vec());
    prop_assert!(assessment.techniques.iter().all(|t| t.fit <= 100));
    let withheld =
        matches!(assessment.triage, Triage::Emergency | Triage::Urgent | Triage::MedicalReview | Triage::Incomplete);
    prop_assert_eq!(assessment.withhold_recommendations, withheld);
    if withheld {
        prop_assert!(assessment.techniques.iter().all(|t| t.status != Status::Recommended));
        prop_assert_eq!(assessment.frequency, Some(Frequency::AfterMedicalAdvice));
    } else {
        // A plan is offered only when every safety answer is given, duration among
        // them, so there is always a frequency to show.
        prop_assert!(assessment.frequency.is_some_and(|f| f != Frequency::AfterMedicalAdvice));
    }
    if assessment.triage == Triage::Incomplete {
        prop_assert!(!assessment.missing.is_empty());
    }
    if assessment.missing.is_empty() {
        prop_assert_ne!(assessment.triage, Triage::Incomplete);
    }
    Ok(())
}

/// Random answers over the clear intake: every question answered, a few of them (one in
/// twelve) changed, so that every triage level comes up (measured over 256 cases: all
/// six levels).
fn complete_answers() -> impl Strategy<Value = AnswerSet> {
    answers_with_probability(1.0 / 12.0).prop_map(|random| {
        let mut set = with(json!({}));
        for (id, answer) in random.iter() {
            let _ = set.set(id, answer);
        }
        set
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_json_value_panics_the_parser(value in any_json()) {
        let _ = Intake::from_json(&value.to_string());
    }

    #[test]
    fn no_answers_object_panics_the_parser(doc in hostile_answers()) {
        if let Ok(intake) = Intake::from_json(&doc.to_string()) {
            // Whatever was accepted is valid and assesses.
            let assessment = assess(&intake.answers, &intake.checkins);
            prop_assert_eq!(assessment.techniques.len(), 8);
        }
    }

    #[test]
    fn no_text_panics_the_parser(text in ".{0,200}") {
        let _ = Intake::from_json(&text);
    }

    #[test]
    fn every_valid_answer_set_assesses_completely(answers in valid_answers()) {
        check_assessment(&answers)?;
    }

    #[test]
    fn every_complete_answer_set_assesses_completely(answers in complete_answers()) {
        // Mostly complete intakes reach every triage level, medical review and a plan
        // included, which sparse random ones rarely do.
        check_assessment(&answers)?;
    }

    #[test]
    fn every_valid_answer_set_round_trips_through_json(answers in valid_answers()) {
        let text = answers.to_json().to_text();
        prop_assert_eq!(AnswerSet::from_json(&text), Ok(answers));
    }
}
