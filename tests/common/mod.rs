//! Shared fixtures for the native tests: a complete answer set that screens clear, and a
//! way to change a few answers of it.

#![allow(dead_code)]

use backpain_intake::domain::intake::{Answer, CodeSet};
use backpain_intake::domain::question::{Kind, QuestionId};
use backpain_intake::domain::{assess, AnswerSet, Assessment};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const CLEAR_ANSWERS: &str = r#"{
    "age": 35, "pregnancy": "not_applicable", "occupation": "standing", "activity": "light",
    "location": ["lower_back"], "duration": "6_to_12_weeks", "onset": "gradual",
    "pain_now": 4, "pain_worst_week": 6, "pattern": ["dull_ache"], "aggravators": [],
    "night_pain": "none", "morning_stiffness_improves_with_movement": false,
    "rf_bladder": false, "rf_bowel": false, "rf_saddle_numbness": false,
    "rf_sexual_function": false, "rf_chest_abdomen": false,
    "rf_progressive_weakness": false, "rf_both_legs": false, "rf_numbness_one_leg": false,
    "rf_fever": false, "rf_immunosuppressed": false, "rf_cancer_history": false,
    "rf_weight_loss": false, "rf_steroids": false, "conditions": [],
    "sb_leg_pain": false, "sb_neck_shoulder": false, "sb_walk_short": false,
    "sb_dress_slowly": false, "sb_unsafe_active": false, "sb_worry": false,
    "sb_never_better": false, "sb_no_enjoyment": false, "sb_bothersome": "slightly",
    "experience": "positive", "pressure": "medium", "goal": "relaxation",
    "heat": "neutral", "clothed": "either", "session_minutes": "60", "other_care": ["exercise"]
}"#;

/// A complete intake with nothing of concern: every safety answer given, all "no" (the
/// neck question is not asked: the pain is in the lower back).
pub fn clear_answers() -> Map<String, Value> {
    let value: Value = serde_json::from_str(CLEAR_ANSWERS).unwrap_or(Value::Null);
    match value {
        Value::Object(map) => map,
        _ => panic!("CLEAR_ANSWERS is a JSON object"),
    }
}

/// The clear intake with `changes` applied; a `null` in `changes` removes that answer.
pub fn with(changes: Value) -> AnswerSet {
    let mut map = clear_answers();
    if let Value::Object(changes) = changes {
        for (key, value) in changes {
            if value.is_null() {
                map.remove(&key);
            } else {
                map.insert(key, value);
            }
        }
    }
    parse(Value::Object(map))
}

/// Only these answers.
pub fn only(answers: Value) -> AnswerSet {
    parse(answers)
}

fn parse(answers: Value) -> AnswerSet {
    let doc = json!({ "format": 2, "answers": answers });
    match AnswerSet::from_json(&doc.to_string()) {
        Ok(set) => set,
        Err(err) => panic!("fixture does not parse: {err}"),
    }
}

/// Assesses with no check-ins.
pub fn assessed(answers: &AnswerSet) -> Assessment {
    assess(answers, &[])
}

/// The codes of a list of serialisable ids, for compact assertions.
pub fn codes<T: serde::Serialize>(items: &[T]) -> Vec<String> {
    items
        .iter()
        .map(|item| match serde_json::to_value(item) {
            Ok(Value::String(s)) => s,
            other => format!("{other:?}"),
        })
        .collect()
}

/// A valid answer for one question, for property tests: any value in range, any code, any
/// set of codes that meets the minimum with an exclusive code only alone.
pub fn valid_answer(id: QuestionId) -> BoxedStrategy<Answer> {
    match id.kind() {
        Kind::Integer { min, max } => (min..=max).prop_map(Answer::Integer).boxed(),
        Kind::Bool => any::<bool>().prop_map(Answer::Bool).boxed(),
        Kind::One(codes) => (0..codes.len() as u8).prop_map(Answer::One).boxed(),
        Kind::Many { codes, min, exclusive } => {
            let n = codes.len();
            let exclusive = exclusive.and_then(|code| codes.iter().position(|c| *c == code));
            (0u32..(1 << n))
                .prop_filter_map("at least the minimum, exclusive code alone", move |bits| {
                    let set = CodeSet::from_bits(bits);
                    let alone = exclusive.is_none_or(|p| !set.contains_position(p) || set.len() == 1);
                    (set.len() >= min && alone).then_some(Answer::Many(set))
                })
                .boxed()
        }
    }
}

/// Each question answered (validly, at random) with probability `p`.
pub fn answers_with_probability(p: f64) -> impl Strategy<Value = AnswerSet> {
    let per_question: Vec<BoxedStrategy<Option<Answer>>> =
        QuestionId::ALL.iter().map(|&id| prop::option::weighted(p, valid_answer(id)).boxed()).collect();
    per_question.prop_map(|answers| {
        let mut set = AnswerSet::new();
        for (id, answer) in QuestionId::ALL.iter().zip(answers) {
            if let Some(answer) = answer {
                // Every generated answer is valid by construction; an error would show up
                // as a missing answer and fail the round-trip property.
                let _ = set.set(*id, answer);
            }
        }
        set
    })
}
