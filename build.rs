//! Compiles the questionnaire and the technique facts in `data/` into Rust tables.
//!
//! The data stays data: `data/questionnaire.json` and `data/techniques.json` are what a
//! reader edits, and `tests/data.rs` checks them against the schema. This script turns
//! them into `static` tables at build time instead of parsing JSON in the browser,
//! which measured 3.3 KB brotli of parsing code in the bundle and a parse at start-up.
//! Every code is named through `from_code_const`, so an unknown code stops the build.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// The crate's own JSON reader (std only), so the build needs no extra dependency.
#[allow(dead_code)]
#[path = "src/codec/json.rs"]
mod json;

use json::Json as Value;

type Map = [(String, Value)];

/// A member of an object.
fn member<'a>(map: &'a Map, key: &str) -> Option<&'a Value> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn main() {
    for file in ["data/questionnaire.json", "data/techniques.json", "data/i18n/en.json"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let out = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let questionnaire = questionnaire(&read("data/questionnaire.json"));
    write(&Path::new(&out).join("questionnaire_data.rs"), &questionnaire);
    let techniques = techniques(&read("data/techniques.json"));
    write(&Path::new(&out).join("techniques_data.rs"), &techniques);
    let (english, clinician, ui_keys, check) = packed_catalog(&read("data/i18n/en.json"));
    write(&Path::new(&out).join("en_catalog.txt"), &english);
    write(&Path::new(&out).join("en_clinician.txt"), &clinician);
    write(&Path::new(&out).join("ui_keys.txt"), &ui_keys);
    write(&Path::new(&out).join("en_domain_keys.rs"), &check);
}

/// The English catalog packed for the bundle, and its interface keys.
///
/// The catalog is its texts alone, in key order, [`RECORD`] between them, without the
/// page's own `page.*` texts (web/boot.js reads those from the JSON). No key is written:
/// the domain's keys (every key but `ui.*`) sort before the interface keys, and the
/// widget derives them from its own enums and questionnaire (`text::required_keys`,
/// which a test holds equal to them); the interface keys are the second file, one per
/// line, sorted, which the widget also reads at compile time to turn each `ui!("ui.…")`
/// into an index. So no key is in the bundle twice, and a mistyped interface key does
/// not compile. Together 4.6 KB (brotli) smaller than the JSON and the literals.
/// `Catalog::english` reads it back; `tests/data.rs` checks the two agree.
///
/// The clinician page's texts (`ui.clinician.*`) are packed apart, in the same way, and
/// are empty in the widget's catalog: only the clinician page reads them
/// (`Catalog::english_clinician`), so they stay out of the person's bundle.
/// The prefix of the clinician page's own texts.
const CLINICIAN: &str = "ui.clinician.";

fn packed_catalog(value: &Value) -> (String, String, String, String) {
    const RECORD: char = '\u{1e}';
    let map = value.as_object().unwrap_or_else(|| fail("en.json: expected an object"));
    let mut entries: Vec<(&str, &str)> = map
        .iter()
        .filter(|(k, _)| !k.starts_with("page."))
        .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_else(|| fail(&format!("en.json: {k} must be a string")))))
        .collect();
    entries.sort_unstable();
    let first_ui = entries.iter().position(|(k, _)| k.starts_with("ui.")).unwrap_or(entries.len());
    if let Some((key, _)) = entries[first_ui..].iter().find(|(k, _)| !k.starts_with("ui.")) {
        fail(&format!("en.json: {key} sorts after the ui.* keys; the widget reads domain keys first"));
    }
    if let Some((key, _)) = entries.iter().find(|(_, text)| text.contains(RECORD)) {
        fail(&format!("en.json: {key} holds the separator U+001E"));
    }
    let clinician = |key: &str| key.starts_with(CLINICIAN);
    let texts: Vec<&str> = entries.iter().map(|(key, text)| if clinician(key) { "" } else { *text }).collect();
    let clinician_texts: Vec<&str> = entries.iter().filter(|(key, _)| clinician(key)).map(|(_, text)| *text).collect();
    let ui_keys: Vec<&str> = entries[first_ui..].iter().map(|(key, _)| *key).collect();
    let domain_keys: Vec<&str> = entries[..first_ui].iter().map(|(key, _)| *key).collect();
    let check = format!("({}, {:#010x})", domain_keys.len(), fnv1a(&domain_keys));
    let record = RECORD.to_string();
    (texts.join(&record), clinician_texts.join(&record), ui_keys.join("\n"), check)
}

/// FNV-1a (32 bits) over the keys, each followed by a newline: `text::key_hash` computes
/// the same over the keys the widget derives, so a difference is caught at start-up.
fn fnv1a(keys: &[&str]) -> u32 {
    keys.iter()
        .flat_map(|k| k.bytes().chain([b'\n']))
        .fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}

fn read(path: &str) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    json::parse(&text).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

/// An object whose keys are all in `allowed`.
fn object<'a>(value: &'a Value, context: &str, allowed: &[&str]) -> &'a Map {
    let map = value.as_object().unwrap_or_else(|| fail(&format!("{context}: expected an object")));
    if let Some((key, _)) = map.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        fail(&format!("{context}: unknown field {key}"));
    }
    map
}

fn string<'a>(map: &'a Map, key: &str, context: &str) -> &'a str {
    member(map, key).and_then(Value::as_str).unwrap_or_else(|| fail(&format!("{context}: {key} must be a string")))
}

fn boolean(map: &Map, key: &str, context: &str, default: Option<bool>) -> bool {
    match (member(map, key), default) {
        (None, Some(default)) => default,
        (value, _) => {
            value.and_then(Value::as_bool).unwrap_or_else(|| fail(&format!("{context}: {key} must be a boolean")))
        }
    }
}

fn small_number(map: &Map, key: &str, context: &str) -> Option<u8> {
    member(map, key).map(|v| {
        v.as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .unwrap_or_else(|| fail(&format!("{context}: {key} must be 0 to 255")))
    })
}

fn strings(map: &Map, key: &str, context: &str) -> Vec<String> {
    let Some(value) = member(map, key) else {
        return Vec::new();
    };
    let items = value.as_array().unwrap_or_else(|| fail(&format!("{context}: {key} must be an array")));
    items
        .iter()
        .map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| fail(&format!("{context}: {key} must hold strings"))))
        .collect()
}

/// A Rust slice literal of string literals.
fn str_slice(items: &[String]) -> String {
    format!("&[{}]", items.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", "))
}

fn questionnaire(value: &Value) -> String {
    let doc = object(value, "questionnaire", &["version", "steps"]);
    let version = small_number(doc, "version", "questionnaire").unwrap_or_else(|| fail("questionnaire: no version"));
    let steps = member(doc, "steps").and_then(Value::as_array).unwrap_or_else(|| fail("questionnaire: steps"));
    let mut out = format!("pub(super) const VERSION: u32 = {version};\n\npub(super) static STEPS: &[Step] = &[\n");
    for step in steps {
        let step = object(step, "a step", &["id", "questions"]);
        let id = string(step, "id", "a step");
        let questions =
            member(step, "questions").and_then(Value::as_array).unwrap_or_else(|| fail(&format!("step {id}")));
        let _ = writeln!(out, "    Step {{\n        id: StepId::from_code_const({id:?}),\n        questions: &[");
        for question in questions {
            let context = format!("a question of step {id}");
            let allowed = ["id", "kind", "codes", "min", "max", "required", "control", "show_if", "help"];
            let q = object(question, &context, &allowed);
            let rules = match member(q, "show_if") {
                None => &[][..],
                Some(rules) => {
                    rules.as_array().unwrap_or_else(|| fail(&format!("{context}: show_if must be an array")))
                }
            };
            let rules: Vec<String> = rules
                .iter()
                .map(|rule| {
                    let rule = object(rule, &context, &["question", "any_of", "at_least"]);
                    format!(
                        "ShowIf {{ question: QuestionId::from_code_const({:?}), any_of: {}, at_least: {:?} }}",
                        string(rule, "question", &context),
                        str_slice(&strings(rule, "any_of", &context)),
                        small_number(rule, "at_least", &context),
                    )
                })
                .collect();
            let show_if = format!("&[{}]", rules.join(", "));
            let _ = writeln!(
                out,
                "            Question {{ id: QuestionId::from_code_const({:?}), kind: {:?}, codes: {}, min: {:?}, max: {:?}, \
                 required: {}, control: Control::from_code_const({:?}), show_if: {show_if}, help: {} }},",
                string(q, "id", &context),
                string(q, "kind", &context),
                str_slice(&strings(q, "codes", &context)),
                small_number(q, "min", &context),
                small_number(q, "max", &context),
                boolean(q, "required", &context, None),
                string(q, "control", &context),
                boolean(q, "help", &context, Some(false)),
            );
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n");
    out
}

fn techniques(value: &Value) -> String {
    let items = value.as_array().unwrap_or_else(|| fail("techniques: expected an array"));
    let mut out = String::from("pub(super) static TECHNIQUES: &[Technique] = &[\n");
    for item in items {
        let allowed = ["id", "pressure", "heat", "clothing", "oil", "stretching", "session_minutes"];
        let t = object(item, "a technique", &allowed);
        let id = string(t, "id", "a technique");
        let pressure: Vec<String> =
            strings(t, "pressure", id).iter().map(|p| format!("PressureLevel::from_code_const({p:?})")).collect();
        let minutes: Vec<u8> = member(t, "session_minutes")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|n| n.as_u64().and_then(|n| u8::try_from(n).ok())).collect())
            .unwrap_or_default();
        let [shortest, longest] = minutes[..] else {
            fail(&format!("{id}: session_minutes must be two whole numbers"));
        };
        let _ = writeln!(
            out,
            "    Technique {{ id: TechniqueId::from_code_const({id:?}), pressure: &[{}], heat: {}, \
             clothing: Clothing::from_code_const({:?}), oil: {}, stretching: {}, session_minutes: [{shortest}, {longest}] }},",
            pressure.join(", "),
            boolean(t, "heat", id, None),
            string(t, "clothing", id),
            boolean(t, "oil", id, None),
            boolean(t, "stretching", id, None),
        );
    }
    out.push_str("];\n");
    out
}
