//! The `assess` command: JSON in, Assessment JSON out; one error line and exit 2 on bad
//! input.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(input: &str) -> Run {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_assess"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("cannot start assess: {err}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A closed pipe (the command exiting early) is not this test's concern.
        let _ = stdin.write_all(input.as_bytes());
    }
    let output = match child.wait_with_output() {
        Ok(output) => output,
        Err(err) => panic!("assess did not finish: {err}"),
    };
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs a fixture and checks triage, the top technique and the statuses.
#[track_caller]
fn check_fixture(name: &str, triage: &str, flags: &[&str], top: &str) {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let run = run(&input);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{name}");
    let out: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{name}: output is not JSON: {e}"));
    assert_eq!(out["triage"], triage, "{name}");
    let got_flags: Vec<&str> =
        out["flags"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    assert_eq!(got_flags, flags, "{name}");
    assert_eq!(out["techniques"][0]["id"], top, "{name}");
    assert_eq!(out["techniques"].as_array().map(Vec::len), Some(8), "{name}");
    for key in ["withhold_recommendations", "stratification", "frequency", "missing", "plan"] {
        assert!(out.get(key).is_some(), "{name}: no {key}");
    }
}

#[test]
fn fixtures_assess_as_expected() {
    check_fixture("clear", "clear", &[], "trigger_point");
    check_fixture("caution", "caution", &["osteoporosis", "anticoagulants"], "myofascial_release");
    check_fixture("emergency", "emergency", &["rf_bladder", "rf_saddle_numbness", "severe_pain"], "swedish");
}

#[test]
fn format_1_fixtures_still_assess_and_ask_the_new_questions() {
    // Kept forever: answer files exported before contract v2.
    for (name, triage) in [("clear", "incomplete"), ("caution", "incomplete"), ("emergency", "emergency")] {
        let path = format!("{}/tests/fixtures/answers-v1-{name}.json", env!("CARGO_MANIFEST_DIR"));
        let input = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let run = run(&input);
        assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{name}");
        let out: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
        assert_eq!(out["triage"], triage, "{name}");
        assert_eq!(out["missing"], serde_json::json!(["rf_sexual_function", "rf_chest_abdomen"]), "{name}");
        assert_eq!(out["withhold_recommendations"], true, "{name}");
    }
}

#[test]
fn the_contract_example_assesses() {
    let run = run(
        r#"{ "format": 2, "answers": { "age": 46, "duration": "over_12_weeks", "pattern": ["knots"], "rf_bladder": false } }"#,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    assert_eq!(out["triage"], "incomplete");
    assert_eq!(out["withhold_recommendations"], true);
    assert_eq!(out["frequency"], "after_medical_advice");
    // 5 answers the rules read (not age or duration), 12 red flags (not rf_bladder), and
    // the conditions list.
    assert_eq!(out["missing"].as_array().map(Vec::len), Some(18));
}

/// Bad input: exit 2, nothing on stdout, exactly one line on stderr that contains `needle`.
#[track_caller]
fn check_error(input: &str, needle: &str) {
    let run = run(input);
    assert_eq!(run.status, 2, "{input}");
    assert_eq!(run.stdout, "", "{input}");
    assert_eq!(run.stderr.lines().count(), 1, "{input}: {:?}", run.stderr);
    assert!(run.stderr.contains(needle), "{input}: {:?} lacks {needle:?}", run.stderr);
}

#[test]
fn bad_input_prints_one_line_and_exits_2() {
    check_error("", "not valid JSON");
    check_error("not json", "not valid JSON");
    check_error("{\"format\": 1, \"answers\": {\"age\": 9}}", "age: 9 is out of range");
    check_error("{\"format\": 1, \"answers\": {\"mood\": \"ok\"}}", "mood: unknown question id");
    check_error(
        "{\"format\": 1, \"answers\": {\"pattern\": [\"knots\", \"knots\"]}}",
        "pattern: code \"knots\" is given twice",
    );
    check_error("{\"format\": 9, \"answers\": {}}", "format 9 is not supported");
    check_error("{\"format\": 0, \"answers\": {}}", "format 0 is not supported");
    // The v1 code reads only in format-1 documents, and a v2 question only from format 2.
    check_error(
        "{\"format\": 2, \"answers\": {\"conditions\": [\"dvt_or_leg_swelling\"]}}",
        "conditions: unknown code \"dvt_or_leg_swelling\"",
    );
    check_error("{\"format\": 1, \"answers\": {\"rf_chest_abdomen\": false}}", "rf_chest_abdomen: unknown question id");
    check_error("\u{0}\u{1}binary", "not valid JSON");
}
