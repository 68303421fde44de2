//! The answer format: every kind of bad input is a typed error naming the id, and every
//! good document round-trips.

mod common;

use backpain_intake::domain::choices::{Condition, Duration, OtherCare, Pattern};
use backpain_intake::domain::input::{answer_for_choice, parse_typed_number, toggle_code};
use backpain_intake::domain::intake::{Answer, CodeSet, Intake};
use backpain_intake::domain::{AnswerErrorKind, AnswerSet, QuestionId};

/// Parses `text` and compares the error message (or "ok").
#[track_caller]
fn check(text: &str, expected: &str) {
    let got = match Intake::from_json(text) {
        Ok(_) => "ok".to_owned(),
        Err(err) => err.to_string(),
    };
    assert_eq!(got, expected, "input: {text}");
}

fn doc(answers: &str) -> String {
    format!(r#"{{"format": 1, "answers": {answers}}}"#)
}

#[test]
fn good_documents() {
    check(&doc("{}"), "ok");
    check(&doc(r#"{"age": 46, "duration": "over_12_weeks", "pattern": ["knots"], "rf_bladder": false}"#), "ok");
    check(&doc(r#"{"age": null}"#), "ok");
    check(&doc(r#"{"session_minutes": 60}"#), "ok");
    check(&doc(r#"{"session_minutes": "90"}"#), "ok");
    check(&doc(r#"{"conditions": []}"#), "ok");
    check(&doc(r#"{"other_care": ["none"]}"#), "ok");
}

#[test]
fn document_errors() {
    check("", "not valid JSON (unexpected end of input at line 1 column 1)");
    check("{", "not valid JSON (expected a quoted key in an object at line 1 column 2)");
    check("{\"format\": 1,\n \"format\": 1}", "not valid JSON (duplicate key in an object at line 2 column 2)");
    check("[]", "expected a JSON object with \"format\" and \"answers\"");
    check(r#"{"answers": {}}"#, "the \"format\" field is missing (expected 1 or 2)");
    check(r#"{"format": 2, "answers": {}}"#, "ok");
    check(r#"{"format": 3, "answers": {}}"#, "format 3 is not supported (this version reads formats 1 and 2)");
    check(r#"{"format": "1", "answers": {}}"#, "format \"1\" is not supported (this version reads formats 1 and 2)");
    check(r#"{"format": 1}"#, "the \"answers\" field is missing");
    check(r#"{"format": 1, "answers": []}"#, "answers: expected an object, found an array");
    check(r#"{"format": 1, "answers": {}, "extra": 1}"#, "unknown field \"extra\"");
}

#[test]
fn answer_errors_name_the_id() {
    check(&doc(r#"{"favourite_colour": "blue"}"#), "favourite_colour: unknown question id");
    check(&doc(r#"{"duration": "forever"}"#), "duration: unknown code \"forever\"");
    check(&doc(r#"{"duration": 3}"#), "duration: expected a code string, found an integer");
    check(&doc(r#"{"age": "46"}"#), "age: expected a whole number, found a string");
    check(&doc(r#"{"age": 46.5}"#), "age: expected a whole number, found a decimal number");
    check(&doc(r#"{"age": 15}"#), "age: 15 is out of range (allowed 16 to 110)");
    check(&doc(r#"{"age": 111}"#), "age: 111 is out of range (allowed 16 to 110)");
    check(&doc(r#"{"age": -1}"#), "age: -1 is out of range (allowed 16 to 110)");
    check(&doc(r#"{"age": 18446744073709551616}"#), "age: 18446744073709551616 is out of range (allowed 16 to 110)");
    check(&doc(r#"{"age": 4.6e1}"#), "age: expected a whole number, found a decimal number");
    check(&doc(r#"{"pain_now": 11}"#), "pain_now: 11 is out of range (allowed 0 to 10)");
    check(&doc(r#"{"rf_bladder": "no"}"#), "rf_bladder: expected true or false, found a string");
    check(&doc(r#"{"rf_bladder": 0}"#), "rf_bladder: expected true or false, found an integer");
    check(&doc(r#"{"pattern": "knots"}"#), "pattern: expected an array of codes, found a string");
    check(&doc(r#"{"pattern": [1]}"#), "pattern: expected an array of code strings, found an integer");
    check(&doc(r#"{"pattern": ["knots", "knots"]}"#), "pattern: code \"knots\" is given twice");
    check(&doc(r#"{"pattern": ["lumpy"]}"#), "pattern: unknown code \"lumpy\"");
    check(&doc(r#"{"location": []}"#), "location: choose at least 1");
    check(&doc(r#"{"other_care": ["none", "exercise"]}"#), "other_care: \"none\" cannot be combined with other codes");
    check(&doc(r#"{"liked_techniques": ["reiki"]}"#), "liked_techniques: unknown code \"reiki\"");
    check(&doc(r#"{"session_minutes": 45}"#), "session_minutes: expected a code string, found an integer");
}

#[test]
fn checkin_errors_name_the_entry_and_field() {
    let with_checkins = |list: &str| format!(r#"{{"format": 1, "answers": {{}}, "checkins": {list}}}"#);
    check(&with_checkins(r#"[{"date": "2026-11-20", "pain_now": 3, "pain_worst_week": 5, "sessions": 1}]"#), "ok");
    check(&with_checkins("{}"), "checkins: expected an array, found an object");
    check(&with_checkins("[1]"), "checkins[0]: expected an object, found an integer");
    check(
        &with_checkins(r#"[{"date": "2026-02-30", "pain_now": 3, "pain_worst_week": 5, "sessions": 1}]"#),
        "checkins[0].date: \"2026-02-30\" is not a date in the form YYYY-MM-DD",
    );
    check(
        &with_checkins(r#"[{"date": "2026-11-20", "pain_worst_week": 5, "sessions": 1}]"#),
        "checkins[0].pain_now: this field is missing",
    );
    check(
        &with_checkins(r#"[{"date": "2026-11-20", "pain_now": 12, "pain_worst_week": 5, "sessions": 1}]"#),
        "checkins[0].pain_now: 12 is out of range (allowed 0 to 10)",
    );
    check(
        &with_checkins(r#"[{"date": "2026-11-20", "pain_now": 1, "pain_worst_week": 5, "sessions": 1, "mood": 3}]"#),
        "checkins[0]: unknown field \"mood\"",
    );
    let many = format!(
        "[{}]",
        vec![r#"{"date": "2026-11-20", "pain_now": 1, "pain_worst_week": 1, "sessions": 0}"#; 1001].join(",")
    );
    check(&with_checkins(&many), "checkins: more than 1000 entries");
}

#[test]
fn leap_days_are_real_days() {
    use backpain_intake::domain::checkins::Date;
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2000-02-29").is_some());
    assert!(Date::parse("1900-02-29").is_none());
    assert!(Date::parse("2026-13-01").is_none());
    assert!(Date::parse("2026-1-01").is_none());
    assert!(Date::parse("+026-01-01").is_none());
}

#[test]
fn a_parsed_document_round_trips() {
    let answers = common::clear_answers();
    let set = common::with(serde_json::Value::Object(serde_json::Map::new()));
    let written: serde_json::Value = serde_json::from_str(&set.to_json().to_text()).unwrap_or_default();
    assert_eq!(written["answers"], serde_json::Value::Object(answers));
    let again = AnswerSet::from_json(&set.to_json().to_text());
    assert_eq!(again, Ok(set));
}

#[test]
fn typed_reads() {
    let set = common::with(serde_json::json!({"duration": "recurring", "pattern": ["knots", "stiffness"]}));
    assert_eq!(set.one::<Duration>(), Some(Duration::Recurring));
    assert_eq!(set.many::<Pattern>(), Some(vec![Pattern::Stiffness, Pattern::Knots]));
    assert_eq!(set.includes(Pattern::Sharp), Some(false));
    assert_eq!(set.integer(QuestionId::Age), Some(35));
    assert_eq!(set.flag(QuestionId::RfBladder), Some(false));
    assert_eq!(common::only(serde_json::json!({})).includes(Pattern::Sharp), None);
}

#[test]
fn set_checks_the_kind_and_changes_nothing_on_error() {
    let mut set = AnswerSet::new();
    assert!(set.set(QuestionId::Age, Answer::Integer(40)).is_ok());
    let err = set.set(QuestionId::Age, Answer::Integer(9)).map_err(|e| e.kind);
    assert_eq!(err, Err(AnswerErrorKind::OutOfRange { found: "9".into(), min: 16, max: 110 }));
    assert_eq!(set.integer(QuestionId::Age), Some(40));
    assert!(set.set(QuestionId::Age, Answer::Bool(true)).is_err());
    assert!(set.set(QuestionId::Location, Answer::Many(CodeSet::EMPTY)).is_err());
    assert!(set.set(QuestionId::Duration, Answer::One(5)).is_err());
    assert!(set.set(QuestionId::Pattern, Answer::Many(CodeSet::from_bits(1 << 7))).is_err());
    assert!(set.set(QuestionId::Pattern, Answer::Many(CodeSet::from_bits(1 << 6))).is_ok());
    assert_eq!(set.len(), 2);
}

#[test]
fn ticking_and_unticking_codes() {
    let many = |positions: &[usize]| Some(Answer::Many(CodeSet::from_positions(positions.iter().copied())));
    let id = QuestionId::Pattern;
    assert_eq!(toggle_code(id, None, 2, true), many(&[2]));
    assert_eq!(toggle_code(id, many(&[2]), 5, true), many(&[2, 5]));
    assert_eq!(toggle_code(id, many(&[2, 5]), 2, false), many(&[5]));
    assert_eq!(toggle_code(id, many(&[5]), 5, false), None, "unticking the last takes the answer back");
    assert_eq!(toggle_code(QuestionId::Conditions, Some(Answer::Many(CodeSet::EMPTY)), 0, true), many(&[0]));
    let none = OtherCare::None.index();
    let care = QuestionId::OtherCare;
    assert_eq!(toggle_code(care, many(&[0, 3]), none, true), many(&[none]), "none clears the others");
    assert_eq!(toggle_code(care, many(&[none]), 1, true), many(&[1]), "any other code clears none");
    assert_eq!(toggle_code(QuestionId::Age, Some(Answer::Integer(40)), 0, true), Some(Answer::Integer(40)));
}

#[test]
fn typed_numbers() {
    let id = QuestionId::Age;
    assert_eq!(parse_typed_number(id, ""), Ok(None));
    assert_eq!(parse_typed_number(id, " 46 "), Ok(Some(Answer::Integer(46))));
    assert_eq!(parse_typed_number(id, "16"), Ok(Some(Answer::Integer(16))));
    assert_eq!(parse_typed_number(id, "110"), Ok(Some(Answer::Integer(110))));
    for bad in ["15", "111", "999", "-3", "4.5", "forty", "1e2"] {
        assert!(parse_typed_number(id, bad).is_err(), "{bad}");
    }
    assert!(parse_typed_number(QuestionId::Duration, "3").is_err());
}

#[test]
fn choice_inputs_become_answers() {
    let many = |positions: &[usize]| Some(Answer::Many(CodeSet::from_positions(positions.iter().copied())));
    /// The question, its current answer, the input's value and checked state, and the
    /// answer that follows (`None`: not a value of this question).
    type Case = (QuestionId, Option<Answer>, &'static str, bool, Option<Option<Answer>>);
    let cases: &[Case] = &[
        (QuestionId::RfBladder, None, "true", true, Some(Some(Answer::Bool(true)))),
        (QuestionId::RfBladder, None, "false", true, Some(Some(Answer::Bool(false)))),
        (QuestionId::RfBladder, None, "yes", true, None),
        (QuestionId::PainNow, None, "7", true, Some(Some(Answer::Integer(7)))),
        (QuestionId::PainNow, None, "11", true, None),
        (QuestionId::Duration, None, "recurring", true, Some(Some(Answer::One(3)))),
        (QuestionId::Duration, None, "forever", true, None),
        (QuestionId::Pattern, None, "knots", true, Some(many(&[5]))),
        (QuestionId::Pattern, many(&[5]), "knots", false, Some(None)),
        (QuestionId::Conditions, many(&[0]), "none_of_these", true, Some(Some(Answer::Many(CodeSet::EMPTY)))),
        (QuestionId::Conditions, Some(Answer::Many(CodeSet::EMPTY)), "none_of_these", false, Some(None)),
        (QuestionId::Conditions, Some(Answer::Many(CodeSet::EMPTY)), "arthritis", true, Some(many(&[15]))),
    ];
    for (id, current, value, checked, expected) in cases {
        assert_eq!(answer_for_choice(*id, *current, value, *checked), *expected, "{id} {value} {checked}");
    }
}

#[test]
fn format_1_documents_read_with_the_safer_clot_code_and_are_written_as_format_2() {
    let v1 = r#"{"format": 1, "answers": {"conditions": ["osteoporosis", "dvt_or_leg_swelling"]}}"#;
    let (intake, format) = Intake::from_json_versioned(v1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(format, 1);
    assert_eq!(intake.answers.many::<Condition>(), Some(vec![Condition::Osteoporosis, Condition::LegSwellingNew]));
    let written = intake.to_json().to_text();
    assert!(written.starts_with(r#"{"format":2,"#), "{written}");
    assert!(written.contains(r#""conditions":["osteoporosis","leg_swelling_new"]"#), "{written}");
    // The questions v2 added are unanswered in v1 data, and asked as new.
    let added: Vec<&str> = intake.added_since(format).iter().map(|id| id.as_str()).collect();
    assert_eq!(added, ["rf_sexual_function", "rf_chest_abdomen"]);
    assert!(intake.added_since(2).is_empty(), "nothing is new to a format-2 reader");
}

#[test]
fn a_refused_file_is_explained_in_words_of_the_catalog_naming_the_part_at_fault() {
    use backpain_intake::domain::text::Catalog;
    let english = Catalog::english();
    let said = |text: &str| {
        let error = Intake::from_json(text).expect_err("refused");
        (english.text(error.text_key().as_str()).to_owned(), error.place().to_owned())
    };
    let (text, place) = said(r#"{"format": 2, "answers": {"favourite_colour": "blue"}}"#);
    assert_eq!(
        (text.as_str(), place.as_str()),
        ("The file has something this form does not accept, at {field}.", "favourite_colour")
    );
    let (text, place) = said(r#"{"format": 2, "answers": {"age": 300}}"#);
    assert_eq!(
        (text.as_str(), place.as_str()),
        ("The file has something this form does not accept, at {field}.", "age")
    );
    assert_eq!(said("not json").0, "The file is not an answers file from this form.");
    assert_eq!(
        said(r#"{"format": 9, "answers": {}}"#).0,
        "The file was saved by a newer version of this form, which this page cannot read."
    );
    assert_eq!(said(r#"{"recipe": 1}"#).0, "The file is not an answers file from this form.");
}
