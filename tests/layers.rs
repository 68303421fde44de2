//! The codecs stay below the domain: no file of `src/codec/` imports `domain`, so each
//! can be read, tested and reused without the clinical code (and `build.rs` can compile
//! `codec/json.rs` on its own).

use std::fs;

#[test]
fn codec_imports_nothing_from_domain() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/codec");
    let mut files = 0;
    for entry in fs::read_dir(dir).expect("src/codec is readable") {
        let path = entry.expect("a directory entry").path();
        let text = fs::read_to_string(&path).expect("a codec file is text");
        files += 1;
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            assert!(
                !code.contains("domain") && !code.contains("super::super"),
                "{}:{}: {line}",
                path.display(),
                number + 1
            );
        }
    }
    assert!(files >= 6, "mod.rs and the five codecs");
}

/// The clinic's side (FHIR, with serde_json; the key backup) is for the `fhir` command and
/// the clinician page (`ui/clinician.rs`, its own bundle, and the key store it uses,
/// `browser/clinic_key.rs`): nothing else of the browser build names either, so neither
/// reaches the person's widget.
#[test]
fn the_widget_uses_nothing_of_clinic() {
    let mut files = 0;
    for dir in ["src/ui", "src/browser", "src/view"] {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in fs::read_dir(&dir).expect("the directory is readable") {
            let path = entry.expect("a directory entry").path();
            if path.ends_with("ui/clinician.rs") || path.ends_with("browser/clinic_key.rs") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("a source file is text");
            files += 1;
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                assert!(!names_word(code, "clinic"), "{}:{}: {line}", path.display(), number + 1);
                let declares = path.ends_with("browser/mod.rs") && code.trim() == "pub mod clinic_key;";
                assert!(declares || !names_word(code, "clinic_key"), "{}:{}: {line}", path.display(), number + 1);
            }
        }
    }
    assert!(files >= 10, "the ui, browser and view files");
}

/// Whether `code` names the module `word` as a path does: `crate::word`, `word::item`, or
/// the whole word in a `use` line (so neither `clinic_panel` nor `--bpi-clinic-accent`).
fn names_word(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let is_use = code.trim_start().starts_with("use ") || code.trim_start().starts_with("pub use ");
    code.match_indices(word).any(|(at, _)| {
        let (before, after) = (&code[..at], &code[at + word.len()..]);
        let whole = !before.chars().next_back().is_some_and(is_ident) && !after.chars().next().is_some_and(is_ident);
        whole && (before.ends_with("::") || after.starts_with("::") || is_use)
    })
}
