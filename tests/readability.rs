//! Plain language: every English text a person reads is easy to read.
//!
//! People in pain read badly, so the contract (shared/design/domain.md) sets a reading
//! level: the Flesch-Kincaid grade of each English text of 12 words or more is at most 8,
//! and the emergency and urgent guidance, read by people who may also be frightened, at
//! most 6. Shorter texts (labels, buttons) are left out: on a few words the formula
//! says little. The syllable counter is our own rule of thumb, so a grade here can
//! differ from another tool's by a point; the limits are what this test enforces.
//!
//! Run `cargo test --test readability -- --nocapture` to see the ten hardest texts.

use backpain_intake::domain::screening::Screening;
use backpain_intake::domain::text::flag_key;
use backpain_intake::domain::Flag;
use serde_json::Value;

const CATALOG: &str = include_str!("../data/i18n/en.json");
const MAX_GRADE: f64 = 8.0;
const MAX_URGENT_GRADE: f64 = 6.0;
const MIN_WORDS: usize = 12;

/// The keys of the flags whose level is emergency or urgent, read from the crate's own
/// rule table.
fn urgent_flags() -> Vec<String> {
    Flag::ALL.iter().filter(|f| Screening::level_of(**f).needs_care_now()).map(|f| flag_key(*f)).collect()
}

/// The guidance that must read at grade 6: the emergency and urgent triage texts, every
/// `ui.emergency.*` text, the emergency stop signs and the emergency and urgent flags.
fn is_urgent_guidance(key: &str) -> bool {
    matches!(key, "triage.emergency.body" | "triage.urgent.body" | "plan.stop_signs.emergency_signs")
        || key.starts_with("ui.emergency.")
        || urgent_flags().iter().any(|k| k == key)
}

/// Words that the rules below miscount, with their real syllables.
const EXCEPTIONS: [(&str, usize); 13] = [
    ("area", 3),
    ("idea", 3),
    ("being", 2),
    ("doing", 2),
    ("going", 2),
    ("trying", 2),
    ("every", 2),
    ("everyday", 3),
    ("serious", 3),
    ("usual", 3),
    ("create", 2),
    ("quiet", 2),
    ("period", 3),
];

/// Syllables in one word. A digit or a `{placeholder}` is one syllable (numbers and names
/// filled in later are short); apostrophes are dropped ("don't" is "dont"), and the parts
/// of a hyphenated word ("long-lasting") are counted apart and added up.
fn syllables(word: &str) -> usize {
    if word.starts_with('{') || word.chars().any(|c| c.is_ascii_digit()) {
        return 1;
    }
    let word = word.to_lowercase().replace(['\'', '’'], "");
    word.split(|c: char| !c.is_alphabetic()).filter(|p| !p.is_empty()).map(part_syllables).sum::<usize>().max(1)
}

/// Syllables in a run of letters: its vowel groups (y is a vowel except first), less a
/// silent final e ("care", "makes"; not "table", "muscles", nor "places" and "changes",
/// where -es is heard), less a silent -ed ("walked"; not "wanted"). A suffix -ly, -ment,
/// -ful, -ness or -less adds one to its stem, so the stem's e stays silent ("likely").
fn part_syllables(w: &str) -> usize {
    if let Some((_, n)) = EXCEPTIONS.iter().find(|(e, _)| *e == w) {
        return *n;
    }
    for suffix in ["ly", "ment", "ful", "ness", "less"] {
        if let Some(stem) = w.strip_suffix(suffix).filter(|s| s.len() > 2) {
            return part_syllables(stem) + 1;
        }
    }
    let c: Vec<char> = w.chars().collect();
    let vowel = |i: usize| matches!(c[i], 'a' | 'e' | 'i' | 'o' | 'u') || (c[i] == 'y' && i > 0);
    let mut n = (0..c.len()).filter(|&i| vowel(i) && (i == 0 || !vowel(i - 1))).count();
    let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && c.len() > 3;
    let stem = if plural { &w[..w.len() - 1] } else { w };
    let len = stem.chars().count();
    if n > 1 && stem.ends_with('e') && len > 2 && !vowel(len - 2) {
        let heard_le = stem.ends_with("le") && !vowel(len - 3);
        let heard_es = plural && ["ce", "ge", "se", "ze", "xe", "che", "she"].iter().any(|s| stem.ends_with(s));
        if !heard_le && !heard_es {
            n -= 1;
        }
    } else if n > 1 && w.ends_with("ed") && c.len() > 3 && !matches!(c[c.len() - 3], 't' | 'd') && !vowel(c.len() - 3) {
        n -= 1;
    }
    n.max(1)
}

/// The Flesch-Kincaid grade of a text and its number of words. A sentence ends with
/// `.`, `!` or `?`; a text without one (a label) is one sentence.
fn grade(text: &str) -> (f64, usize) {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let sentences = text
        .split_inclusive(['.', '!', '?'])
        .filter(|s| s.ends_with(['.', '!', '?']) && s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let n = words.len().max(1) as f64;
    (0.39 * n / sentences as f64 + 11.8 * syllables as f64 / n - 15.59, words.len())
}

/// Every English text of 12 words or more as (grade, key, text), hardest first.
fn graded() -> Vec<(f64, String, String)> {
    let catalog: Value = serde_json::from_str(CATALOG).expect("en.json is valid JSON");
    let texts = catalog.as_object().expect("en.json is one object");
    let mut rows: Vec<(f64, String, String)> = texts
        .iter()
        .filter_map(|(key, text)| {
            let text = text.as_str().unwrap_or_else(|| panic!("{key} is not a string"));
            let (grade, words) = grade(text);
            (words >= MIN_WORDS).then(|| (grade, key.clone(), text.to_owned()))
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rows
}

/// Up to ten rows as lines of grade, key and text, for a writer to start from.
fn worst_ten(rows: &[&(f64, String, String)]) -> String {
    rows.iter().take(10).map(|(g, key, text)| format!("{g:5.1}  {key}: {text}\n")).collect()
}

#[test]
fn no_english_text_is_above_grade_8() {
    let rows = graded();
    println!("The ten hardest English texts:\n{}", worst_ten(&rows.iter().collect::<Vec<_>>()));
    let failing: Vec<_> = rows.iter().filter(|(g, _, _)| *g > MAX_GRADE).collect();
    assert!(failing.is_empty(), "{} texts above grade {MAX_GRADE}; the worst:\n{}", failing.len(), worst_ten(&failing));
}

#[test]
fn emergency_and_urgent_guidance_is_at_grade_6_or_below() {
    let rows = graded();
    let failing: Vec<_> = rows.iter().filter(|(g, key, _)| is_urgent_guidance(key) && *g > MAX_URGENT_GRADE).collect();
    assert!(
        failing.is_empty(),
        "{} emergency or urgent texts above grade {MAX_URGENT_GRADE}; the worst:\n{}",
        failing.len(),
        worst_ten(&failing)
    );
}

#[test]
fn every_listed_guidance_text_is_in_the_catalog() {
    let catalog: Value = serde_json::from_str(CATALOG).expect("en.json is valid JSON");
    let flags = urgent_flags();
    assert_eq!(flags.len(), 17, "8 emergency and 9 urgent flags (contract v2)");
    let fixed = ["triage.emergency.body", "triage.urgent.body", "plan.stop_signs.emergency_signs"];
    let listed: Vec<&str> = flags.iter().map(String::as_str).chain(fixed).collect();
    let missing: Vec<&str> = listed.into_iter().filter(|key| catalog.get(*key).is_none()).collect();
    assert!(missing.is_empty(), "guidance keys missing from en.json: {missing:?}");
}

fn check(word: &str, expected: usize) {
    assert_eq!(syllables(word), expected, "syllables in {word:?}");
}

#[test]
fn the_syllable_counter_follows_its_rules() {
    let cases = [
        ("back", 1),
        ("massage", 2),
        ("therapist", 3),
        ("emergency", 4),
        ("you", 1),          // y first is a consonant
        ("body", 2),         // y after a consonant is a vowel
        ("care", 1),         // silent final e
        ("free", 1),         // ee is one vowel group, not a silent e
        ("table", 2),        // -le after a consonant is heard
        ("whole", 1),        // -le after a vowel is silent
        ("muscles", 2),      // plural of a heard -le
        ("makes", 1),        // silent -es
        ("changes", 2),      // -es heard after g
        ("places", 2),       // -es heard after c
        ("walked", 1),       // silent -ed
        ("wanted", 2),       // -ed heard after t
        ("likely", 2),       // suffix -ly keeps the stem's e silent
        ("movement", 2),     // suffix -ment
        ("area", 3),         // an exception
        ("don't", 1),        // apostrophes dropped
        ("long-lasting", 3), // hyphenated parts added up
        ("112", 1),          // digits
        ("{number}", 1),     // placeholders
        ("(C-section),", 3), // punctuation around a word is ignored
    ];
    for (word, expected) in cases {
        check(word, expected);
    }
}

#[test]
fn the_grade_counts_words_and_sentences() {
    // 12 words, 2 sentences, 12 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    let (g, words) = grade("Call for help now. Do not wait for a call back here.");
    assert_eq!(words, 12);
    assert!((g - -1.45).abs() < 1e-9, "{g}");
    // A label without a full stop is one sentence.
    assert_eq!(grade("Pain in both legs").1, 4);
}
