//! The sealer (`sealer-<hash>.js` and its wasm): seals a person's answers to their clinic's
//! key, fetched by `boot.js` the first time a person sends. Its own small module, so the
//! widget's bundle does not carry the ECDH, HKDF and envelope code that only people
//! sending to a clinic with a key use (measured there: 6.7 KB brotli). `scripts/package.mjs`
//! builds it as it builds the clinician page.

/// Seals a person's answers to the clinic key `key` (its snippet text): `answers` is the
/// payload of their plain share link (`domain::share::encode`, with check-ins if they
/// chose), sealed with today's date and the name or `initials` they gave. Returns the
/// sealed link, to the clinician page beside the widget's files (`files`, boot.js's
/// directory), or `None` when the key or the answers are not valid or the browser cannot
/// seal.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn seal(key: String, answers: String, initials: String, files: String) -> Option<String> {
    use backpain_intake::codec::sealed::{ClinicKey, FRAGMENT_PREFIX};
    use backpain_intake::domain::checkins::Date;
    use backpain_intake::domain::share::{self, clean_initials, Letter, Opened};
    let key = ClinicKey::parse(&key).ok()?;
    let Opened::Plain(intake) = share::decode(&answers).ok()? else {
        return None;
    };
    let sent = Date::parse(&backpain_intake::browser::today());
    let letter = Letter { intake: *intake, sent, initials: clean_initials(&initials) };
    // The answers carry check-ins only when the person chose to send them.
    let payload = backpain_intake::browser::crypto::seal_for_clinic(&key, &letter.to_bytes(true)).await.ok()?;
    Some([&files, "clinician.html", FRAGMENT_PREFIX, &payload].concat())
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the sealer runs in the browser: boot.js loads it from a release build (scripts/serve.sh)");
    std::process::exit(2);
}
