//! The data files: the questionnaire agrees with the schema, the technique facts are
//! complete, and every language catalog holds every key the widget can ask for.

use std::collections::BTreeSet;

use backpain_intake::domain::questionnaire::{Kind, QuestionId, Questionnaire, StepId};
use backpain_intake::domain::techniques::{self, techniques, TechniqueId};
use backpain_intake::domain::text::{required_keys, Catalog, Lang};

#[test]
fn the_questionnaire_parses_and_matches_the_schema() {
    let parsed = Questionnaire::parse(include_str!("../data/questionnaire.json"));
    let questionnaire = match parsed {
        Ok(q) => q,
        Err(err) => panic!("data/questionnaire.json: {err}"),
    };
    assert_eq!(questionnaire.check(), Vec::<String>::new());
    assert_eq!(&questionnaire, Questionnaire::get());
    let steps: Vec<StepId> = questionnaire.steps.iter().map(|s| s.id).collect();
    assert_eq!(steps, StepId::ALL);
}

#[test]
fn the_questionnaire_check_finds_problems() {
    let broken = r#"{"version": 1, "steps": [{"id": "about_you", "questions": [
        {"id": "age", "kind": "one", "required": true, "control": "number"},
        {"id": "age", "kind": "integer", "min": 1, "max": 2, "required": true, "control": "number"},
        {"id": "liked_techniques", "kind": "many", "codes": ["swedish"], "required": false, "control": "choices",
         "show_if": {"question": "experience", "any_of": ["great"]}},
        {"id": "rf_fever", "kind": "bool", "required": false, "control": "yes_no"}
    ]}]}"#;
    let problems = match Questionnaire::parse(broken) {
        Ok(q) => q.check(),
        Err(err) => panic!("{err}"),
    };
    let expect = [
        "age: data says kind one, schema says integer",
        "age: data range None..=None differs from schema 16..=110",
        "age: data range Some(1)..=Some(2) differs from schema 16..=110",
        "liked_techniques: data codes",
        "liked_techniques: show_if refers to experience which is not asked before it",
        "liked_techniques: show_if code great is not a code of experience",
        "age: appears 2 times",
        "pregnancy: missing from the questionnaire data",
        "rf_fever: a safety answer must be required and always shown",
    ];
    for e in expect {
        assert!(problems.iter().any(|p| p.starts_with(e)), "no problem starting {e:?} in {problems:#?}");
    }
}

#[test]
fn no_question_has_more_codes_than_a_code_set_holds() {
    for id in QuestionId::ALL {
        if let Kind::Many { codes, .. } = id.kind() {
            assert!(codes.len() <= 32, "{id}");
        }
        if let Kind::One(codes) = id.kind() {
            assert!(codes.len() <= 255, "{id}");
        }
    }
}

#[test]
fn every_technique_has_facts() {
    let parsed = techniques::parse_techniques(include_str!("../data/techniques.json"));
    let list = match parsed {
        Ok(list) => list,
        Err(err) => panic!("data/techniques.json: {err}"),
    };
    assert_eq!(techniques::check(&list), Vec::<String>::new());
    assert_eq!(list.as_slice(), techniques());
    let ids: Vec<TechniqueId> = list.iter().map(|t| t.id).collect();
    assert_eq!(ids, TechniqueId::ALL);
}

#[test]
fn every_catalog_is_complete() {
    let required: BTreeSet<String> = required_keys().into_iter().collect();
    for lang in Lang::ALL {
        let catalog = Catalog::get(*lang);
        let present: BTreeSet<String> = catalog.keys().map(str::to_owned).collect();
        let missing: Vec<&String> = required.difference(&present).collect();
        assert!(missing.is_empty(), "{} lacks {} keys: {missing:#?}", lang.code(), missing.len());
        let empty: Vec<&str> = catalog.keys().filter(|k| catalog.text(k).trim().is_empty()).collect();
        assert!(empty.is_empty(), "{} has empty texts: {empty:?}", lang.code());
    }
}

#[test]
fn the_english_catalog_has_no_unknown_keys() {
    // Interface keys (ui.*) belong to the widget; everything else must be a domain key.
    let required: BTreeSet<String> = required_keys().into_iter().collect();
    let catalog = Catalog::get(Lang::En);
    let unknown: Vec<&str> = catalog.keys().filter(|k| !k.starts_with("ui.") && !required.contains(*k)).collect();
    assert!(unknown.is_empty(), "unused keys: {unknown:#?}");
}

#[test]
fn every_catalog_has_the_same_keys_as_english() {
    let english: BTreeSet<&str> = Catalog::get(Lang::En).keys().collect();
    for lang in Lang::ALL {
        let keys: BTreeSet<&str> = Catalog::get(*lang).keys().collect();
        assert_eq!(keys, english, "{}", lang.code());
    }
}

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("en"), Some(Lang::En));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
    assert_eq!(Lang::from_tag("xx"), None);
    assert_eq!(Lang::from_tag(""), None);
}

/// Every `"ui.…"` string literal in the widget's source.
fn ui_keys_in_source() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (i, _) in text.match_indices("\"ui.") {
                let rest = &text[i + 1..];
                let end = rest.find('"').unwrap_or(0);
                keys.insert(rest[..end].to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_interface_key_resolves_and_none_is_unused() {
    let used = ui_keys_in_source();
    assert!(used.len() > 20, "the scan found the widget's keys: {used:?}");
    let catalog = Catalog::get(Lang::En);
    let missing: Vec<&String> = used.iter().filter(|k| catalog.lookup(k).is_none()).collect();
    assert!(missing.is_empty(), "keys used in src/ui but missing from en.json: {missing:#?}");
    let unused: Vec<&str> = catalog.keys().filter(|k| k.starts_with("ui.") && !used.contains(*k)).collect();
    assert!(unused.is_empty(), "ui keys in en.json that no component uses: {unused:#?}");
}
