//! The data files: the questionnaire agrees with the schema, the technique facts are
//! complete, and every language catalog holds every key the widget can ask for.

use std::collections::BTreeSet;

use backpain_intake::domain::checkins::Date;
use backpain_intake::domain::question::{Kind, QuestionId};
use backpain_intake::domain::questionnaire::{Control, Question, Questionnaire, ShowIf, Step, StepId};
use backpain_intake::domain::techniques::{self, techniques, TechniqueId};
use backpain_intake::domain::text::{is_safety_wording, required_keys, Catalog, Lang, UiKey, UI_KEYS};
use serde_json::{json, Value};

/// The questionnaire data as JSON, read independently of build.rs.
fn questionnaire_json() -> Value {
    serde_json::from_str(include_str!("../data/questionnaire.json"))
        .unwrap_or_else(|e| panic!("questionnaire.json: {e}"))
}

#[test]
fn the_compiled_questionnaire_is_the_data_and_matches_the_schema() {
    let questionnaire = Questionnaire::get();
    assert_eq!(questionnaire.check(), Vec::<String>::new());
    let steps: Vec<StepId> = questionnaire.steps.iter().map(|s| s.id).collect();
    assert_eq!(steps, StepId::ALL);

    // What build.rs compiled equals the file, field by field.
    let data = questionnaire_json();
    assert_eq!(data["version"], u64::from(questionnaire.version));
    let data_steps = data["steps"].as_array().map(Vec::as_slice).unwrap_or_default();
    assert_eq!(data_steps.len(), questionnaire.steps.len());
    for (data_step, step) in data_steps.iter().zip(questionnaire.steps) {
        assert_eq!(data_step["id"], step.id.as_str());
        let data_questions = data_step["questions"].as_array().map(Vec::as_slice).unwrap_or_default();
        assert_eq!(data_questions.len(), step.questions.len(), "{}", step.id);
        for (d, q) in data_questions.iter().zip(step.questions) {
            let id = q.id.as_str();
            assert_eq!(d["id"], id);
            assert_eq!(d["kind"], q.kind, "{id}");
            assert_eq!(d.get("codes").cloned().unwrap_or(json!([])), json!(q.codes), "{id}");
            assert_eq!(d.get("min").and_then(Value::as_u64), q.min.map(u64::from), "{id}");
            assert_eq!(d.get("max").and_then(Value::as_u64), q.max.map(u64::from), "{id}");
            assert_eq!(d["required"], q.required, "{id}");
            assert_eq!(d["control"], q.control.as_str(), "{id}");
            assert_eq!(d.get("help").and_then(Value::as_bool).unwrap_or(false), q.help, "{id}");
            let show_if: Vec<Value> = q
                .show_if
                .iter()
                .map(|r| match r.at_least {
                    Some(min) => json!({"question": r.question.as_str(), "at_least": min}),
                    None => json!({"question": r.question.as_str(), "any_of": r.any_of}),
                })
                .collect();
            assert_eq!(d.get("show_if").cloned().unwrap_or(json!([])), json!(show_if), "{id}");
        }
    }
}

fn question(
    id: QuestionId,
    kind: &'static str,
    codes: &'static [&'static str],
    range: (Option<u8>, Option<u8>),
) -> Question {
    Question {
        id,
        kind,
        codes,
        min: range.0,
        max: range.1,
        required: true,
        control: Control::Choices,
        show_if: &[],
        help: false,
    }
}

#[test]
fn the_questionnaire_check_finds_problems() {
    let mut liked = question(QuestionId::LikedTechniques, "many", &["swedish"], (None, None));
    liked.required = false;
    liked.show_if = &[ShowIf { question: QuestionId::Experience, any_of: &["great"], at_least: None }];
    let mut fever = question(QuestionId::RfFever, "bool", &[], (None, None));
    fever.required = false;
    fever.show_if = &[
        ShowIf { question: QuestionId::Age, any_of: &[], at_least: Some(45) },
        ShowIf { question: QuestionId::Occupation, any_of: &["desk"], at_least: Some(1) },
        ShowIf { question: QuestionId::MorningStiffness, any_of: &["maybe"], at_least: None },
    ];
    let questions: &'static [Question] = Box::leak(Box::new([
        question(QuestionId::Age, "one", &[], (None, None)),
        question(QuestionId::Age, "integer", &[], (Some(1), Some(2))),
        liked,
        fever,
    ]));
    let steps: &'static [Step] = Box::leak(Box::new([Step { id: StepId::AboutYou, questions }]));
    let problems = Questionnaire { version: 1, steps }.check();
    let expect = [
        "age: data says kind one, schema says integer",
        "age: data range None..=None differs from schema 16..=110",
        "age: data range Some(1)..=Some(2) differs from schema 16..=110",
        "liked_techniques: data codes",
        "liked_techniques: show_if refers to experience which is not asked before it",
        "liked_techniques: show_if code great is not a code of experience",
        "age: appears 2 times",
        "pregnancy: missing from the questionnaire data",
        "rf_fever: a safety answer must be required",
        "rf_fever: show_if at_least is for number questions only (occupation)",
        "rf_fever: a show_if condition needs any_of or at_least, not both",
        "rf_fever: show_if code maybe is not a code of morning_stiffness_improves_with_movement",
        "rf_fever: a safety answer is shown on occupation, which is not one",
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
fn every_technique_has_facts_and_they_are_the_data() {
    let list = techniques();
    assert_eq!(techniques::check(list), Vec::<String>::new());
    let ids: Vec<TechniqueId> = list.iter().map(|t| t.id).collect();
    assert_eq!(ids, TechniqueId::ALL, "techniques.json lists them in the contract's order");
    let data: Value = serde_json::from_str(include_str!("../data/techniques.json")).unwrap_or(Value::Null);
    let compiled: Vec<Value> = list
        .iter()
        .map(|t| {
            json!({
                "id": t.id.as_str(),
                "pressure": t.pressure.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                "heat": t.heat,
                "clothing": t.clothing.as_str(),
                "oil": t.oil,
                "stretching": t.stretching,
                "session_minutes": t.session_minutes,
            })
        })
        .collect();
    assert_eq!(data, Value::Array(compiled));
}

/// A shipped catalog, read from `data/i18n/` on its own (with no English fallback).
fn shipped(lang: Lang) -> Catalog {
    let text = shipped_text(lang);
    Catalog::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", lang.code()))
}

fn shipped_text(lang: Lang) -> String {
    let path = format!("{}/data/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_catalog_is_complete() {
    let required: BTreeSet<String> = required_keys().into_iter().collect();
    for lang in Lang::ALL {
        let catalog = &shipped(*lang);
        let present: BTreeSet<String> = catalog.keys().map(str::to_owned).collect();
        let missing: Vec<&String> = required.difference(&present).collect();
        assert!(missing.is_empty(), "{} lacks {} keys: {missing:#?}", lang.code(), missing.len());
        let empty: Vec<&str> = catalog.keys().filter(|k| catalog.text(k).trim().is_empty()).collect();
        assert!(empty.is_empty(), "{} has empty texts: {empty:?}", lang.code());
    }
}

#[test]
fn the_english_catalog_has_no_unknown_keys() {
    // Interface keys (ui.*) belong to the widget and page keys (page.*) to the widget's
    // own pages; everything else must be a domain key.
    let required: BTreeSet<String> = required_keys().into_iter().collect();
    let catalog = Catalog::english();
    let unknown: Vec<&str> =
        catalog.keys().filter(|k| !k.starts_with("ui.") && !PAGE_KEYS.contains(k) && !required.contains(*k)).collect();
    assert!(unknown.is_empty(), "unused keys: {unknown:#?}");
}

/// The texts of the pages around the widget: the header of the standalone page
/// (index.html), which web/boot.js translates when the widget shows another language, the
/// embed page's explanation, and the loader's last-resort screen.
const PAGE_KEYS: [&str; 8] = [
    "page.title",
    "page.intro",
    "page.embed_only",
    "page.failed.h2",
    "page.failed.p",
    "page.failed.emergency",
    "page.failed.retry",
    "page.failed.move",
];

#[test]
fn the_standalone_page_says_in_english_what_the_catalog_says() {
    let page = include_str!("../index.html");
    // The page's texts are not in the widget's own English catalog (web/boot.js reads
    // them from the JSON file), so read the file.
    let english = Catalog::parse(include_str!("../data/i18n/en.json")).unwrap_or_default();
    let title = english.text("page.title");
    assert!(page.contains(&format!("<title>{title}</title>")), "index.html's <title> is page.title");
    assert!(page.contains(&format!(r#"<h1 class="bpi-page-title">{title}</h1>"#)), "its heading is page.title");
    let intro = english.text("page.intro");
    assert!(page.contains(&format!(r#"<p class="bpi-page-intro">{intro}</p>"#)), "its intro is page.intro");
}

#[test]
fn every_catalog_has_the_same_keys_as_english() {
    let english = shipped(Lang::En);
    let english: BTreeSet<&str> = english.keys().collect();
    for lang in Lang::ALL {
        let catalog = shipped(*lang);
        let keys: BTreeSet<&str> = catalog.keys().collect();
        let missing: Vec<&&str> = english.difference(&keys).collect();
        let extra: Vec<&&str> = keys.difference(&english).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:#?}, unknown {extra:#?}", lang.code());
    }
}

#[test]
fn every_translation_keeps_the_placeholders_of_english() {
    let english = Catalog::english_clinician();
    for lang in Lang::ALL {
        let catalog = shipped(*lang);
        let differ: Vec<&str> = english.keys().filter(|k| catalog.placeholders(k) != english.placeholders(k)).collect();
        assert!(differ.is_empty(), "{}: placeholders differ in {differ:#?}", lang.code());
    }
}

/// The glossary of a language's safety terms, `data/i18n/glossary/<code>.json`: each term
/// as English writes it in the safety texts, the words this language uses for it (the
/// term, and the forms grammar makes of it), and the health service or medical body whose
/// pages for patients use it.
fn glossary(lang: Lang) -> Value {
    let path = format!("{}/data/i18n/glossary/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_safety_text_uses_the_terms_of_its_glossary() {
    let english = Catalog::english_clinician();
    let safety: Vec<&str> = english.keys().filter(|k| is_safety_wording(k)).collect();
    assert!(safety.len() > 200, "the safety texts are found ({})", safety.len());
    for lang in Lang::ALL.iter().filter(|l| **l != Lang::En) {
        let (glossary, catalog) = (glossary(*lang), shipped(*lang));
        assert_eq!(glossary["lang"], lang.code());
        let terms = glossary["terms"].as_array().expect("terms");
        assert!(terms.len() >= 10, "{}: a glossary of {} terms", lang.code(), terms.len());
        let mut wrong = Vec::new();
        for term in terms {
            let field =
                |name: &str| term[name].as_str().unwrap_or_else(|| panic!("{}: {term} has no {name}", lang.code()));
            let (en, word, source) = (field("en").to_lowercase(), field("term"), field("source"));
            assert!(source.len() > 10, "{}: {en} names where its term comes from", lang.code());
            let forms: Vec<String> = term["forms"]
                .as_array()
                .expect("forms")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_lowercase)
                .collect();
            assert!(forms.contains(&word.to_lowercase()), "{}: {en}: the term is one of its forms", lang.code());
            let uses: Vec<&&str> = safety.iter().filter(|k| english.text(k).to_lowercase().contains(&en)).collect();
            assert!(!uses.is_empty(), "{}: no English safety text says {en:?}", lang.code());
            for key in uses {
                let text = catalog.text(key).to_lowercase();
                if !forms.iter().any(|form| text.contains(form.as_str())) {
                    wrong.push(format!("{key} says {en:?} without {word:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}: {wrong:#?}", lang.code());
    }
}

/// In a right-to-left catalog, what a clinic fills in keeps its own order: a phone or
/// emergency number sits in a left-to-right isolate (U+2066 ... U+2069), or "+44 20 7946
/// 0000" would show its groups reversed among Arabic words, and a clinic's name in a
/// first-strong isolate (U+2068 ... U+2069), in whichever script it is written.
#[test]
fn right_to_left_catalogs_isolate_numbers_and_names() {
    for lang in Lang::ALL.iter().filter(|l| l.dir() == "rtl") {
        let catalog = shipped(*lang);
        for key in catalog.keys() {
            let text = catalog.text(key);
            for (placeholder, isolated) in [
                ("{phone}", "\u{2066}{phone}\u{2069}"),
                ("{number}", "\u{2066}{number}\u{2069}"),
                ("{clinic}", "\u{2068}{clinic}\u{2069}"),
            ] {
                assert_eq!(text.matches(placeholder).count(), text.matches(isolated).count(), "{}: {key}", lang.code());
            }
        }
    }
    assert!(Lang::ALL.iter().any(|l| l.dir() == "rtl"), "Arabic reads right to left");
}

#[test]
fn a_catalog_read_over_english_fills_gaps_and_drops_strangers() {
    let english = Catalog::english_clinician();
    let partial = Catalog::parse_over(r#"{"common.yes": "Sí", "not.a.key": "x"}"#, english).expect("valid JSON");
    assert_eq!(partial.text("common.yes"), "Sí");
    assert_eq!(partial.text("common.no"), english.text("common.no"), "a missing key keeps English");
    assert_eq!(partial.lookup("not.a.key"), None);
    assert_eq!(partial.keys().count(), english.keys().count());
    assert!(Catalog::parse_over("{not json", english).is_err());
    assert!(Catalog::parse_over(r#"{"common.yes": 1}"#, english).is_err());
}

#[test]
fn dates_read_in_each_language() {
    let date = Date { year: 2026, month: 11, day: 5 };
    assert_eq!(Catalog::english().date(date), "5 Nov 2026");
    for lang in Lang::ALL {
        let text = shipped(*lang).date(date);
        assert!(text.contains('5') && text.contains("2026") && !text.contains('{'), "{}: {text}", lang.code());
    }
}

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("en"), Some(Lang::En));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
    assert_eq!(Lang::from_tag("xx"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::from_tag("es-419"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
    assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("pt"), Some(Lang::PtBr), "Brazilian Portuguese is the nearest to any Portuguese");
    assert_eq!(Lang::from_tag("PT_pt"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("ar-EG"), Some(Lang::Ar));
    assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("pt-BR-x-private"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("-BR"), None, "no primary subtag");
    for lang in Lang::ALL {
        let primary = lang.code().split('-').next().unwrap_or_default();
        assert_eq!(primary.len(), 2, "from_tag reads two letters of {}", lang.code());
        assert_eq!(Lang::from_tag(lang.code()), Some(*lang));
        assert_eq!(lang.dir(), if *lang == Lang::Ar { "rtl" } else { "ltr" });
    }
}

#[test]
fn the_language_is_the_persons_then_the_clinics_then_the_browsers() {
    let browser = ["it-IT".to_owned(), "fr-BE".to_owned(), "es".to_owned()];
    assert_eq!(Lang::choose(Some(Lang::Es), Some(Lang::En), &browser), Lang::Es);
    assert_eq!(Lang::choose(None, Some(Lang::En), &browser), Lang::En);
    assert_eq!(Lang::choose(None, None, &browser), Lang::Fr, "the first shipped browser language");
    assert_eq!(Lang::choose(None, None, &["it".to_owned()]), Lang::En);
    assert_eq!(Lang::choose(None, None, &[]), Lang::En);
}

/// Every `"ui.…"` string literal in the widget's source: the components and views, and
/// the domain modules that name the keys whose choice a native test checks (the widget
/// core, texts, errors).
fn ui_keys_in_source() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let files = ["src/ui", "src/view", "src/domain"].into_iter().flat_map(|dir| {
        let dir = format!("{root}/{dir}");
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")).flatten().map(|e| e.path())
    });
    for path in files {
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (i, _) in text.match_indices("\"ui.") {
                let rest = &text[i + 1..];
                let end = rest.find('"').unwrap_or(0);
                // A prefix such as "ui.emergency." names a group of keys, not a key.
                if !rest[..end].ends_with('.') {
                    keys.insert(rest[..end].to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_interface_key_resolves_and_none_is_unused() {
    let mut used = ui_keys_in_source();
    assert!(used.len() > 20, "the scan found the widget's keys: {used:?}");
    // The clinician's short name of each red-flag question, read by the question's id.
    let safety = Questionnaire::get().step(StepId::SafetyCheck).expect("the safety step");
    used.extend(safety.questions.iter().map(|q| format!("ui.clinician.rf.{}", q.id.as_str())));
    let catalog = Catalog::english();
    let missing: Vec<&String> = used.iter().filter(|k| catalog.lookup(k).is_none()).collect();
    assert!(missing.is_empty(), "keys used in src/ui but missing from en.json: {missing:#?}");
    let unused: Vec<&str> = catalog.keys().filter(|k| k.starts_with("ui.") && !used.contains(*k)).collect();
    assert!(unused.is_empty(), "ui keys in en.json that no component uses: {unused:#?}");
}

#[test]
fn placeholders_are_filled_in_one_pass() {
    let catalog =
        Catalog::parse(r#"{"a": "{n} of {total}, {n} again", "b": "{unknown} and { braces } and {", "c": "{x}{y}"}"#)
            .expect("a valid catalog");
    assert_eq!(catalog.format("a", &[("n", "3"), ("total", "9")]), "3 of 9, 3 again");
    // A placeholder without a value, or a brace that is not one, stays as written.
    assert_eq!(catalog.format("b", &[("n", "1")]), "{unknown} and { braces } and {");
    // A value is never read as a placeholder itself.
    assert_eq!(catalog.format("c", &[("x", "{y}"), ("y", "é")]), "{y}é");
    assert_eq!(catalog.format("missing.key", &[]), "missing.key");
}

#[test]
fn the_packed_english_catalog_is_the_json_file() {
    // build.rs packs en.json for the bundle, all but the page's own texts, and the widget
    // derives the keys; reading it back gives exactly the file.
    let mut json: Value = serde_json::from_str(include_str!("../data/i18n/en.json")).unwrap_or(Value::Null);
    if let Some(map) = json.as_object_mut() {
        map.retain(|key, _| !PAGE_KEYS.contains(&key.as_str()));
    }
    let parsed = Catalog::parse(&json.to_string()).unwrap_or_default();
    assert!(parsed.keys().count() > 600);
    assert_eq!(Catalog::english_clinician(), &parsed);
    assert_eq!(Catalog::english().text("page.title"), "page.title", "not in the bundle");
    // The widget's catalog has the clinician page's texts empty, and every other text.
    for key in parsed.keys() {
        let widget = Catalog::english().lookup(key);
        if key.starts_with("ui.clinician.") {
            assert_eq!(widget, Some(""), "{key}");
        } else {
            assert_eq!(widget, parsed.lookup(key), "{key}");
        }
    }
}

#[test]
fn every_interface_key_resolves_to_its_own_text() {
    // ui!("…") resolves a key to its place among the interface keys at compile time; the
    // text found there must be the key's.
    let english = Catalog::english_clinician();
    let keys: Vec<&str> = UI_KEYS.split('\n').collect();
    assert!(keys.len() > 150 && keys.windows(2).all(|w| w[0] < w[1]), "sorted interface keys");
    for key in keys {
        let ui = UiKey::of(key);
        assert_eq!(ui.as_str(), key);
        assert_eq!(english.ui(ui), english.lookup(key), "{key}");
        for lang in Lang::ALL {
            let catalog = Catalog::parse_over(&shipped_text(*lang), english).unwrap_or_default();
            assert_eq!(catalog.ui(ui), catalog.lookup(key), "{key} in {}", lang.code());
        }
    }
}
