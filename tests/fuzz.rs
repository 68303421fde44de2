//! Fuzzing every reader of outside input: the share-link decoder (plain and sealed bodies),
//! the JSON reader, the saved-state reader, the answer-file import, a clinic's catalog and
//! its `data-texts`. Each gets random text, random bytes, and mutations of a valid input
//! (flipped, cut, repeated and inserted pieces), plus a few huge inputs. For every input:
//! no panic (a panic is a trap in the browser), and memory bounded, measured by a
//! counting allocator around the system one.
//!
//! One `#[test]`, so that nothing else allocates while an input is measured. `cargo test`
//! runs `FUZZ_CASES` inputs per reader (20,000 by default, a few seconds); a longer run:
//! `FUZZ_CASES=200000 cargo test --release --test fuzz -- --nocapture`. Native only: the
//! widget's own allocator is the global one on wasm32.

#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use backpain_intake::codec::json;
use backpain_intake::domain::embed::EmbedConfig;
use backpain_intake::domain::session::{Action, Session};
use backpain_intake::domain::share::{self, payload_of_fragment};
use backpain_intake::domain::text::Catalog;
use backpain_intake::domain::Intake;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = IN_USE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most memory one input may take beyond what was in use before it: many times what
/// the largest accepted document needs (a 1 MB text of small values), and less than the
/// reader without its limits takes for the huge inputs below.
const MEMORY_LIMIT: usize = 16 << 20;

/// Runs `read` on `input`, and fails if it took more than [`MEMORY_LIMIT`] at its peak.
fn bounded(what: &str, input: &str, read: &dyn Fn(&str)) -> Result<(), TestCaseError> {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    read(input);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    prop_assert!(peak <= MEMORY_LIMIT, "{what}: {peak} bytes for an input of {} bytes", input.len());
    Ok(())
}

/// Mutations of `valid`: up to eight edits, each replacing, removing, repeating or
/// inserting a piece at a random place, with characters that matter to the format.
fn mutations(valid: String, alphabet: &'static str) -> impl Strategy<Value = String> {
    let edit = (
        0usize..4,
        any::<prop::sample::Index>(),
        0usize..12,
        prop::sample::select(alphabet.chars().collect::<Vec<_>>()),
    );
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut text: Vec<char> = valid.chars().collect();
        for (kind, at, length, c) in edits {
            let at = at.index(text.len() + 1);
            let end = (at + length).min(text.len());
            match kind {
                0 if at < text.len() => text[at] = c,
                1 => drop(text.drain(at..end)),
                2 => {
                    let piece: Vec<char> = text[at..end].to_vec();
                    text.splice(at..at, piece);
                }
                _ => text.insert(at, c),
            }
        }
        text.into_iter().collect()
    })
}

/// Any of: random text over `alphabet`, random Unicode, or a mutation of one of `valid`.
fn inputs(valid: Vec<String>, alphabet: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop_oneof![
        prop::collection::vec(prop::sample::select(chars), 0..400).prop_map(|c| c.into_iter().collect()),
        any::<String>(),
        prop::sample::select(valid).prop_flat_map(move |v| mutations(v, alphabet)),
    ]
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("a fixture")
}

/// The answers and saved sessions of the fixtures, and a long, valid intake with check-ins.
fn documents() -> (Vec<String>, Vec<String>) {
    let answers: Vec<String> =
        ["clear.json", "caution.json", "emergency.json", "answers-v1-caution.json"].into_iter().map(fixture).collect();
    let mut saved = vec![fixture("saved-v1-results.json")];
    for text in &answers {
        let Ok(intake) = Intake::from_json(text) else { continue };
        saved.push(Session::new().apply(Action::Replace(Box::new(intake), 2)).to_saved_json());
    }
    (answers, saved)
}

/// A reader: its name, valid inputs to mutate, the characters that matter to its format,
/// and the call.
type Reader<'a> = (&'static str, Vec<String>, &'static str, &'a dyn Fn(&str));

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000)
}

#[test]
fn no_reader_panics_or_runs_away_with_memory() {
    let cases = cases();
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let (answers, saved) = documents();
    let links: Vec<String> = [
        "share-v1-clear.txt",
        "share-v1-caution.txt",
        "share-v1-caution-sealed.txt",
        "share-v2-clear.txt",
        "share-v2-emergency.txt",
    ]
    .into_iter()
    .map(|name| fixture(name).trim().to_owned())
    .collect();
    const JSON: &str = "{}[]\",:0123456789-+.eEtruefalsn \\/u\"abcdefxyz\u{e9}\u{1F600}\n";
    const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=#r+/ ";

    let readers: [Reader; 6] = [
        ("share link", links, BASE64, &|text: &str| {
            let _ = share::decode(payload_of_fragment(text).unwrap_or(text));
            let _ = share::decode_body(text.len() as u8, text.as_bytes());
        }),
        ("JSON reader", answers.clone(), JSON, &|text: &str| {
            let _ = json::parse(text);
        }),
        ("saved state", saved, JSON, &|text: &str| {
            let _ = Session::from_saved_json(text);
        }),
        ("answer file", answers.clone(), JSON, &|text: &str| {
            let _ = Intake::from_json_versioned(text);
        }),
        (
            "catalog",
            vec![r#"{"ui.welcome.title": "Hola", "triage.clear.title": "Sin {x}"}"#.to_owned()],
            JSON,
            &|text: &str| {
                let _ = Catalog::parse(text);
            },
        ),
        (
            "data-texts",
            vec![r#"{"es": {"ui.welcome.title": "Hola"}, "ui.results.title": "R"}"#.to_owned()],
            JSON,
            &|text: &str| {
                let _ = EmbedConfig::from_attributes(|name| (name == "data-texts").then(|| text.to_owned()));
            },
        ),
    ];
    for (what, valid, alphabet, read) in &readers {
        runner
            .run(&inputs(valid.clone(), alphabet), |input| bounded(what, &input, *read))
            .unwrap_or_else(|failure| panic!("{what}: {failure}"));
        println!("{what}: {cases} inputs, no panic, memory bounded");
    }

    // Huge inputs, as another tab, an extension or an old bug could leave in storage.
    let huge = [
        format!("[{}0]", "0,".repeat(750_000)),
        "x".repeat(4_000_000),
        "[".repeat(1_000_000),
        format!("{{\"v\":2,\"intake\":{{\"format\":2,\"answers\":{{}},\"checkins\":[{}]}}}}", "{},".repeat(400_000)),
        format!("#r={}", "A".repeat(2_000_000)),
    ];
    for text in &huge {
        for (what, _, _, read) in &readers {
            bounded(what, text, *read).unwrap_or_else(|failure| panic!("{what}: {failure}"));
        }
    }
    println!("{} huge inputs through every reader, memory bounded", huge.len());
}
