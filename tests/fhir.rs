//! The FHIR R4 resources of `clinic::fhir`: the Questionnaire matches the questionnaire
//! data question by question, a response reads back to the same answers (every answer
//! fixture, and random answer sets), and a malformed or foreign response is refused with
//! an error, one test per refusal. The official schema is checked in node
//! (`e2e/fhir.test.mjs`), with a maintained validator.

mod common;

use std::fs;

use backpain_intake::clinic::fhir::{
    self, answers_from_response, questionnaire, response, FhirError, ASSESSMENT_GROUP, QUESTIONNAIRE_URL,
};
use backpain_intake::domain::intake::MAX_FILE_BYTES;
use backpain_intake::domain::question::Kind;
use backpain_intake::domain::questionnaire::Questionnaire;
use backpain_intake::domain::{AnswerErrorKind, AnswerSet, Intake};
use common::{answers_with_probability, with};
use proptest::prelude::*;
use serde_json::{json, Value};

const AUTHORED: &str = "2026-12-01";

/// Every item of a resource, depth first, groups included.
fn items(resource: &Value) -> Vec<&Value> {
    let mut found = Vec::new();
    let mut stack: Vec<&Value> = resource["item"].as_array().map(|a| a.iter().rev().collect()).unwrap_or_default();
    while let Some(item) = stack.pop() {
        found.push(item);
        if let Some(children) = item["item"].as_array() {
            stack.extend(children.iter().rev());
        }
    }
    found
}

fn item<'a>(resource: &'a Value, link_id: &str) -> &'a Value {
    let found: Vec<&Value> = items(resource).into_iter().filter(|i| i["linkId"] == link_id).collect();
    assert_eq!(found.len(), 1, "{link_id} appears once");
    found[0]
}

fn intake(answers: AnswerSet) -> Intake {
    Intake { answers, checkins: Vec::new() }
}

fn round_trip(answers: &AnswerSet) -> Result<AnswerSet, FhirError> {
    answers_from_response(&response(&intake(answers.clone()), AUTHORED).to_string())
}

#[test]
fn every_question_appears_once_with_its_type_options_and_required_flag() {
    let q = questionnaire();
    assert_eq!(q["resourceType"], "Questionnaire");
    assert_eq!(q["status"], "active");
    assert_eq!(q["url"], QUESTIONNAIRE_URL);
    assert_eq!(q["version"], Questionnaire::get().version.to_string());
    assert!(q["description"].as_str().is_some_and(|d| d.contains("not a validated instrument")));
    let data = Questionnaire::get();
    for step in data.steps {
        let group = item(&q, step.id.as_str());
        assert_eq!(group["type"], "group");
        let linked: Vec<&str> =
            group["item"].as_array().into_iter().flatten().filter_map(|i| i["linkId"].as_str()).collect();
        let expected: Vec<&str> = step.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(linked, expected, "the questions of {} in order", step.id);
    }
    for question in data.questions() {
        let id = question.id;
        let found = item(&q, id.as_str());
        assert_eq!(found["required"], question.required, "{id}");
        assert!(found["text"].as_str().is_some_and(|t| !t.is_empty() && t != id.as_str()), "{id} has its label");
        let (fhir_type, repeats) = match id.kind() {
            Kind::Integer { min, max } => {
                let extensions = found["extension"].as_array().expect("min and max");
                assert_eq!(extensions[0]["url"], "http://hl7.org/fhir/StructureDefinition/minValue");
                assert_eq!(extensions[0]["valueInteger"], min);
                assert_eq!(extensions[1]["url"], "http://hl7.org/fhir/StructureDefinition/maxValue");
                assert_eq!(extensions[1]["valueInteger"], max);
                ("integer", false)
            }
            Kind::Bool => ("boolean", false),
            Kind::One(_) => ("choice", false),
            Kind::Many { .. } => ("choice", true),
        };
        assert_eq!(found["type"], fhir_type, "{id}");
        assert_eq!(found["repeats"].as_bool().unwrap_or(false), repeats, "{id}");
        let options: Vec<&Value> = found["answerOption"].as_array().into_iter().flatten().collect();
        let codes: Vec<&str> = options.iter().filter_map(|o| o["valueCoding"]["code"].as_str()).collect();
        assert_eq!(codes, question.codes, "{id}: one option per code, in display order");
        for option in options {
            let coding = &option["valueCoding"];
            assert_eq!(coding["system"], fhir::code_system(id.as_str()), "{id}");
            assert!(coding["display"].as_str().is_some_and(|d| !d.is_empty()), "{id}");
        }
    }
}

#[test]
fn link_ids_are_unique_and_every_code_is_the_projects_own() {
    let q = questionnaire();
    let mut link_ids: Vec<&str> = items(&q).iter().filter_map(|i| i["linkId"].as_str()).collect();
    let count = link_ids.len();
    link_ids.sort_unstable();
    link_ids.dedup();
    assert_eq!(link_ids.len(), count);
    let text = q.to_string();
    assert!(!text.contains("loinc") && !text.contains("snomed"));
    for system in text.split("\"system\":\"").skip(1) {
        assert!(system.starts_with(fhir::URI_BASE), "{}", &system[..40.min(system.len())]);
    }
}

#[test]
fn conditional_questions_have_enable_when() {
    let q = questionnaire();
    let data = Questionnaire::get();
    for question in data.questions() {
        let found = item(&q, question.id.as_str());
        assert_eq!(found.get("enableWhen").is_some(), !question.show_if.is_empty(), "{}", question.id);
        let conditions = found["enableWhen"].as_array().map_or(0, Vec::len);
        assert_eq!(found.get("enableBehavior").is_some(), conditions > 1, "{}", question.id);
    }
    let neck = item(&q, "rf_neck_stroke_signs");
    assert_eq!(
        neck["enableWhen"],
        json!([{ "question": "location", "operator": "=",
                 "answerCoding": { "system": fhir::code_system("location"), "code": "neck_shoulder" } }])
    );
    let liked = item(&q, "liked_techniques");
    assert_eq!(liked["enableBehavior"], "any");
    let codes: Vec<&str> = liked["enableWhen"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["answerCoding"]["code"].as_str())
        .collect();
    assert_eq!(codes, ["positive", "mixed"]);
    // All three rules must hold, and "over 12 weeks or recurring" is "answered, and
    // none of the other durations".
    let before_45 = item(&q, "onset_before_45");
    assert_eq!(before_45["enableBehavior"], "all");
    let conditions = before_45["enableWhen"].as_array().expect("conditions");
    assert!(conditions.contains(&json!({ "question": "age", "operator": ">=", "answerInteger": 45 })));
    assert!(conditions.contains(&json!({ "question": "duration", "operator": "exists", "answerBoolean": true })));
    let excluded: Vec<&str> = conditions
        .iter()
        .filter(|c| c["operator"] == "!=")
        .filter_map(|c| c["answerCoding"]["code"].as_str())
        .collect();
    assert_eq!(excluded, ["under_6_weeks", "6_to_12_weeks", "no_pain_prevention"]);
    assert!(conditions.contains(&json!({
        "question": "morning_stiffness_improves_with_movement", "operator": "=", "answerBoolean": true
    })));
}

#[test]
fn every_show_if_rule_has_an_exact_enable_when_form() {
    // A many-answer rule of several codes beside other rules would be written loosely
    // (see `fhir::enable_when`); the data must have none.
    for question in Questionnaire::get().questions() {
        for rule in question.show_if {
            let several = rule.any_of.len() > 1 && matches!(rule.question.kind(), Kind::Many { .. });
            assert!(!(several && question.show_if.len() > 1), "{}: {rule:?}", question.id);
        }
    }
}

#[test]
fn the_assessment_group_is_computed_and_read_only() {
    let q = questionnaire();
    let group = item(&q, ASSESSMENT_GROUP);
    assert!(group["text"].as_str().is_some_and(|t| t.contains("Computed by the widget")));
    let children = group["item"].as_array().expect("items");
    let ids: Vec<&str> = children.iter().filter_map(|i| i["linkId"].as_str()).collect();
    assert_eq!(ids, ["triage", "flags", "outlook_total", "outlook_psychosocial", "outlook_group"]);
    assert!(children.iter().all(|i| i["readOnly"] == true));
    assert_eq!(item(&q, "flags")["repeats"], true);
    let groups: Vec<&str> = item(&q, "outlook_group")["answerOption"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["valueCoding"]["code"].as_str())
        .collect();
    assert_eq!(groups, ["low", "medium", "high"]);
}

#[test]
fn a_response_carries_the_answers_and_the_assessment() {
    let answers =
        with(json!({ "conditions": ["osteoporosis"], "location": ["lower_back", "leg"], "session_minutes": null }));
    let r = response(&intake(answers), AUTHORED);
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    assert_eq!(r["status"], "completed");
    assert_eq!(r["authored"], AUTHORED);
    assert_eq!(r["questionnaire"], format!("{QUESTIONNAIRE_URL}|{}", Questionnaire::get().version));
    assert_eq!(item(&r, "age")["answer"], json!([{ "valueInteger": 35 }]));
    assert_eq!(item(&r, "rf_bladder")["answer"], json!([{ "valueBoolean": false }]));
    let location = item(&r, "location")["answer"].as_array().expect("answers").clone();
    assert_eq!(location.len(), 2);
    assert_eq!(location[1]["valueCoding"]["code"], "leg");
    assert!(location[1]["valueCoding"]["display"].is_string());
    // Unanswered and unshown questions have no item.
    assert!(items(&r).iter().all(|i| i["linkId"] != "session_minutes" && i["linkId"] != "rf_neck_stroke_signs"));
    assert_eq!(item(&r, "triage")["answer"][0]["valueCoding"]["code"], "caution");
    assert_eq!(item(&r, "flags")["answer"][0]["valueCoding"]["code"], "osteoporosis");
    assert_eq!(item(&r, "outlook_total")["answer"], json!([{ "valueInteger": 0 }]));
    assert_eq!(item(&r, "outlook_group")["answer"][0]["valueCoding"]["code"], "low");
}

#[test]
fn a_response_leaves_out_an_unscored_outlook_and_absent_flags() {
    let r = response(&intake(with(json!({ "sb_worry": null }))), AUTHORED);
    let assessment: Vec<&str> = item(&r, ASSESSMENT_GROUP)["item"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["linkId"].as_str())
        .collect();
    assert_eq!(assessment, ["triage"]);
    let empty = response(&Intake::default(), AUTHORED);
    assert_eq!(empty["item"].as_array().map(Vec::len), Some(1), "only the assessment group");
    assert_eq!(item(&empty, "triage")["answer"][0]["valueCoding"]["code"], "incomplete");
    assert_eq!(empty["status"], "in-progress", "a partial screen is never filed as finished");
}

#[test]
fn every_answer_fixture_round_trips() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut count = 0;
    for entry in fs::read_dir(dir).expect("the fixtures") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a fixture is text");
        let Ok(doc) = serde_json::from_str::<Value>(&text) else { continue };
        if doc.get("format").is_none() || doc.get("answers").is_none() {
            continue;
        }
        let intake = Intake::from_json(&text).expect("an answer fixture reads");
        let back = answers_from_response(&response(&intake, AUTHORED).to_string());
        assert_eq!(back.as_ref(), Ok(&intake.answers), "{}", path.display());
        count += 1;
    }
    assert_eq!(count, 6, "three of format 2, three of format 1");
}

#[test]
fn an_empty_many_answer_round_trips_as_an_item_without_answer() {
    let answers = with(json!({ "conditions": [], "pattern": [] }));
    let r = response(&intake(answers.clone()), AUTHORED);
    assert!(item(&r, "conditions").get("answer").is_none());
    assert_eq!(round_trip(&answers), Ok(answers));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn random_answer_sets_round_trip(answers in answers_with_probability(0.7)) {
        prop_assert_eq!(round_trip(&answers), Ok(answers));
    }
}

/// A response to the clear intake, changed by `change`, must be refused with an error
/// that `matches`.
fn check_refused(change: impl FnOnce(&mut Value), matches: impl FnOnce(&FhirError) -> bool) {
    let mut r = response(&intake(with(json!({}))), AUTHORED);
    change(&mut r);
    let result = answers_from_response(&r.to_string());
    assert!(result.as_ref().is_err_and(matches), "{result:?}");
    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(!message.is_empty() && !message.ends_with('.') && !message.contains('\n'), "{message}");
}

/// The answer entries of the item with this linkId, to change them.
fn answers_of<'a>(r: &'a mut Value, link_id: &str) -> &'a mut Value {
    for group in r["item"].as_array_mut().expect("groups") {
        for item in group["item"].as_array_mut().expect("items") {
            if item["linkId"] == link_id {
                return &mut item["answer"];
            }
        }
    }
    panic!("{link_id} is in the response");
}

#[test]
fn refuses_another_resource_type() {
    check_refused(
        |r| r["resourceType"] = "Questionnaire".into(),
        |e| matches!(e, FhirError::WrongResourceType(t) if t == "Questionnaire"),
    );
}

#[test]
fn refuses_another_questionnaire() {
    check_refused(
        |r| r["questionnaire"] = "http://loinc.org/q/12345".into(),
        |e| matches!(e, FhirError::UnknownQuestionnaire(_)),
    );
    check_refused(
        |r| r["questionnaire"] = format!("{QUESTIONNAIRE_URL}|1").into(),
        |e| matches!(e, FhirError::UnknownQuestionnaire(_)),
    );
}

#[test]
fn refuses_an_unknown_link_id() {
    check_refused(
        |r| r["item"][0]["item"][0]["linkId"] = "shoe_size".into(),
        |e| matches!(e, FhirError::UnknownLinkId(id) if id == "shoe_size"),
    );
    check_refused(
        |r| r["item"][0]["linkId"] = "extras".into(),
        |e| matches!(e, FhirError::UnknownLinkId(id) if id == "extras"),
    );
}

#[test]
fn refuses_a_question_outside_its_step() {
    check_refused(|r| r["item"][1]["item"][0]["linkId"] = "age".into(), |e| matches!(e, FhirError::OutOfPlace { .. }));
}

#[test]
fn refuses_an_unknown_code() {
    check_refused(
        |r| answers_of(r, "duration")[0]["valueCoding"]["code"] = "forever".into(),
        |e| matches!(e, FhirError::Answer(err) if matches!(&err.kind, AnswerErrorKind::UnknownCode(c) if c == "forever")),
    );
}

#[test]
fn refuses_a_code_of_another_system() {
    check_refused(
        |r| answers_of(r, "duration")[0]["valueCoding"]["system"] = "http://snomed.info/sct".into(),
        |e| matches!(e, FhirError::ForeignSystem { link_id, .. } if link_id == "duration"),
    );
}

#[test]
fn refuses_a_value_of_the_wrong_type() {
    check_refused(
        |r| *answers_of(r, "age") = json!([{ "valueString": "35" }]),
        |e| matches!(e, FhirError::WrongValueType { link_id, .. } if link_id == "age"),
    );
    check_refused(
        |r| *answers_of(r, "rf_bladder") = json!([{ "valueBoolean": "no" }]),
        |e| matches!(e, FhirError::WrongValueType { link_id, .. } if link_id == "rf_bladder"),
    );
}

#[test]
fn refuses_a_number_out_of_range() {
    check_refused(
        |r| *answers_of(r, "age") = json!([{ "valueInteger": 7 }]),
        |e| matches!(e, FhirError::Answer(err) if matches!(err.kind, AnswerErrorKind::OutOfRange { .. })),
    );
}

#[test]
fn refuses_a_question_given_twice() {
    check_refused(
        |r| {
            let first = r["item"][0]["item"][0].clone();
            r["item"][0]["item"].as_array_mut().expect("items").push(first);
        },
        |e| matches!(e, FhirError::Duplicate(id) if id == "age"),
    );
}

#[test]
fn refuses_a_code_given_twice() {
    check_refused(
        |r| {
            let answers = answers_of(r, "location").as_array_mut().expect("answers");
            answers.push(answers[0].clone());
        },
        |e| matches!(e, FhirError::Answer(err) if matches!(err.kind, AnswerErrorKind::Duplicate(_))),
    );
}

#[test]
fn refuses_several_answers_to_a_single_answer_question() {
    check_refused(
        |r| {
            let answers = answers_of(r, "duration").as_array_mut().expect("answers");
            answers.push(answers[0].clone());
        },
        |e| matches!(e, FhirError::SeveralAnswers(id) if id == "duration"),
    );
}

#[test]
fn refuses_an_answer_the_widget_refuses() {
    // "None" of other care cannot be combined with another kind of care.
    check_refused(
        |r| {
            let none = json!({ "valueCoding": { "system": fhir::code_system("other_care"), "code": "none" } });
            answers_of(r, "other_care").as_array_mut().expect("answers").push(none);
        },
        |e| matches!(e, FhirError::Answer(err) if matches!(err.kind, AnswerErrorKind::Exclusive(_))),
    );
}

#[test]
fn refuses_an_over_size_input() {
    let mut r = response(&intake(with(json!({}))), AUTHORED);
    r["text"] = json!({ "status": "generated", "div": "x".repeat(MAX_FILE_BYTES) });
    let result = answers_from_response(&r.to_string());
    assert_eq!(result, Err(FhirError::TooLarge { max: MAX_FILE_BYTES }));
}

#[test]
fn refuses_what_is_not_a_response_without_panicking() {
    for text in ["", "null", "[]", "{", "\"QuestionnaireResponse\"", "{\"resourceType\": 7}"] {
        assert!(answers_from_response(text).is_err(), "{text}");
    }
    check_refused(|r| r["item"] = json!({}), |e| matches!(e, FhirError::Malformed { .. }));
    check_refused(|r| r["item"][0]["item"][0] = json!("age"), |e| matches!(e, FhirError::Malformed { .. }));
    check_refused(|r| *answers_of(r, "age") = json!([]), |e| matches!(e, FhirError::Malformed { .. }));
    check_refused(|r| *answers_of(r, "age") = json!([{}]), |e| matches!(e, FhirError::Malformed { .. }));
}

#[test]
fn ignores_the_assessment_group() {
    let answers = with(json!({}));
    let mut r = response(&intake(answers.clone()), AUTHORED);
    let last = r["item"].as_array_mut().and_then(|groups| groups.last_mut()).expect("the assessment");
    last["item"] = json!([{ "linkId": "triage", "answer": [{ "valueString": "anything" }] }]);
    assert_eq!(answers_from_response(&r.to_string()), Ok(answers));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_text_panics_the_reader(text in ".{0,200}") {
        let _ = answers_from_response(&text);
    }
}

/// Every byte of a real response flipped, dropped or doubled in turn: the reader answers
/// with answers or an error, never a panic, and never with answers the widget refuses.
#[test]
fn a_damaged_response_is_read_or_refused_never_a_panic() {
    let text = serde_json::to_string(&response(&intake(with(json!({}))), AUTHORED)).expect("json");
    let bytes = text.as_bytes();
    let mut read = 0;
    for at in 0..bytes.len() {
        let flipped: Vec<u8> = bytes.iter().enumerate().map(|(i, b)| if i == at { b ^ 0x20 } else { *b }).collect();
        let dropped = [&bytes[..at], &bytes[at + 1..]].concat();
        let doubled = [&bytes[..=at], &bytes[at..]].concat();
        for damaged in [flipped, dropped, doubled] {
            let Ok(damaged) = String::from_utf8(damaged) else { continue };
            if let Ok(answers) = answers_from_response(&damaged) {
                read += 1;
                let document = Intake { answers, ..Intake::default() }.to_json().to_pretty_text();
                assert!(Intake::from_json(&document).is_ok(), "answers the widget would refuse: {document}");
            }
        }
    }
    assert!(read > 0, "some damage (inside a display text, say) leaves the answers readable");
}
