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
