//! The domain's JSON reader and writer, checked against serde_json: the same documents
//! accepted, the same values read, text that serde_json reads back identically, and no
//! panic or stack overflow on any input.

use backpain_intake::codec::json::{self, Json, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

/// Reads our value back through serde_json, for comparison.
fn as_serde(value: &Json) -> Value {
    match serde_json::from_str(&value.to_text()) {
        Ok(v) => v,
        Err(err) => panic!("serde_json cannot read our text {:?}: {err}", value.to_text()),
    }
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn reads_what_serde_writes(value in any_value()) {
        for text in [serde_json::to_string(&value), serde_json::to_string_pretty(&value)] {
            let text = text.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let ours = json::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            // Compared with serde_json's own reading of the text: without its
            // float_roundtrip feature, serde_json may read a float one ulp off what it wrote.
            let theirs: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(as_serde(&ours), theirs);
            prop_assert_eq!(json::parse(&ours.to_pretty_text()), Ok(ours));
        }
    }

    #[test]
    fn strings_round_trip_exactly(text in any::<String>()) {
        let written = Json::str(text.clone()).to_text();
        prop_assert_eq!(serde_json::from_str::<String>(&written).ok(), Some(text.clone()));
        let serde_written = serde_json::to_string(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(json::parse(&serde_written), Ok(Json::String(text)));
    }

    #[test]
    fn agrees_with_serde_on_arbitrary_text(text in "[\\[\\]{}:,\"\\\\ a-z0-9.eE+\\-ntrufls\\u{e9}\\u{1F600}]{0,40}") {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&as_serde(a), b),
            // serde_json keeps the last of duplicate keys; we refuse them.
            (Err(e), Ok(_)) => prop_assert!(e.problem == "duplicate key in an object", "{} on {:?}", e, text),
            (Ok(a), Err(e)) => prop_assert!(false, "we accept {:?} as {:?}, serde_json says {}", text, a, e),
            (Err(_), Err(_)) => {}
        }
    }

    #[test]
    fn never_panics(text in ".{0,300}") {
        let _ = json::parse(&text);
    }
}

/// Parses `text` and compares the outcome with `expected` ("ok" or the error message).
#[track_caller]
fn check(text: &str, expected: &str) {
    let got = match json::parse(text) {
        Ok(_) => "ok".to_owned(),
        Err(err) => err.to_string(),
    };
    assert_eq!(got, expected, "{text:?}");
}

#[test]
fn errors_say_what_and_where() {
    check("", "unexpected end of input at line 1 column 1");
    check("  ", "unexpected end of input at line 1 column 3");
    check("nul", "expected a value at line 1 column 1");
    check("[1,]", "expected a value at line 1 column 4");
    check("[1 2]", "expected , or ] in an array at line 1 column 4");
    check("{\"a\" 1}", "expected : after a key at line 1 column 6");
    check("{\"a\": 1,}", "expected a quoted key in an object at line 1 column 9");
    check("{\"a\": 1, \"a\": 2}", "duplicate key in an object at line 1 column 10");
    // Keys in ascending order skip the duplicate scan; the first key out of order is
    // checked against every earlier one.
    check("{\"a\": 1, \"b\": 2, \"c\": 3, \"b\": 4}", "duplicate key in an object at line 1 column 26");
    check("\"abc", "unexpected end of input in a string at line 1 column 5");
    check("\"a\tb\"", "control character in a string at line 1 column 3");
    check("\"\\x\"", "invalid escape in a string at line 1 column 3");
    check("\"\\u12\"", "invalid \\u escape at line 1 column 6");
    check("\"\\ud800\"", "lone surrogate in a \\u escape at line 1 column 8");
    check("\"\\udc00\"", "lone surrogate in a \\u escape at line 1 column 8");
    check("01", "trailing characters at line 1 column 2");
    check("-", "invalid number at line 1 column 2");
    check("1.", "invalid number at line 1 column 3");
    check("1e", "invalid number at line 1 column 3");
    check("1 2", "trailing characters at line 1 column 3");
    check("{}\n\n  x", "trailing characters at line 3 column 3");
    check("\"é\" x", "trailing characters at line 1 column 5");
    check("\"\\ud83d\\ude00\"", "ok");
    check(" [true, false, null, -0, 1.5e-3, \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"] ", "ok");
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    check(&ok, "ok");
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(json::parse(&deep).is_err_and(|e| e.problem == "nested too deeply"));
    let hostile = "[{\"a\":".repeat(100_000);
    assert!(json::parse(&hostile).is_err_and(|e| e.problem == "nested too deeply"));
}

#[test]
fn numbers_keep_their_text() {
    assert_eq!(json::parse("46"), Ok(Json::Number("46".into())));
    assert_eq!(json::parse("-0.5e10"), Ok(Json::Number("-0.5e10".into())));
    assert!(Json::Number("46".into()).is_integer());
    assert!(Json::Number("-3".into()).is_integer());
    assert!(!Json::Number("4.6e1".into()).is_integer());
    assert_eq!(Json::Number("18446744073709551616".into()).as_u64(), None);
    assert_eq!(Json::Number("18446744073709551615".into()).as_u64(), Some(u64::MAX));
}

#[test]
fn writing_keeps_member_order_and_escapes() {
    let value = Json::object([("b", Json::int(1)), ("a", Json::str("x\"y\n\u{1}"))]);
    assert_eq!(value.to_text(), r#"{"b":1,"a":"x\"y\n\u0001"}"#);
    assert_eq!(value.to_pretty_text(), "{\n  \"b\": 1,\n  \"a\": \"x\\\"y\\n\\u0001\"\n}");
    assert_eq!(Json::Array(Vec::new()).to_pretty_text(), "[]");
}

#[test]
fn texts_too_long_or_with_too_many_values_are_refused_before_they_are_built() {
    use backpain_intake::codec::json::{MAX_TEXT_BYTES, MAX_VALUES};
    let long = format!("\"{}\"", "x".repeat(MAX_TEXT_BYTES));
    assert_eq!(json::parse(&long).map_err(|e| e.problem), Err("too large"));
    let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
    assert!(many.len() <= MAX_TEXT_BYTES);
    assert_eq!(json::parse(&many).map_err(|e| e.problem), Err("too many values"));
    let enough = format!("[{}0]", "0,".repeat(MAX_VALUES - 2));
    assert!(json::parse(&enough).is_ok(), "the array and its values, {MAX_VALUES} in all");
}
