//! `fhir`: the intake as FHIR R4, for a clinic's records system.
//!
//! ```sh
//! cargo run --release --bin fhir -- questionnaire                          # the Questionnaire
//! cargo run --release --bin fhir -- response --authored 2026-12-01 < answers.json
//! cargo run --release --bin fhir -- answers < response.json                 # back to answers
//! cargo run --release --bin fhir -- normalise < answers.json                # as the widget writes it
//! ```
//!
//! `response` reads an answer document, as `assess` does; `answers` and `normalise` print
//! an answer document as the widget exports it. `normalise` lets a test compare answer
//! documents the way the widget sees them (format 1 read as format 2, codes in order).
//! A bad input or argument prints one error line on stderr and exits with status 2.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use backpain_intake::clinic::fhir;
    use backpain_intake::domain::checkins::Date;
    use backpain_intake::domain::Intake;

    const USAGE: &str =
        "usage: fhir questionnaire | fhir response --authored YYYY-MM-DD | fhir answers | fhir normalise";

    fn fail(message: impl std::fmt::Display) -> ExitCode {
        eprintln!("fhir: {message}");
        ExitCode::from(2)
    }

    fn stdin() -> Result<String, String> {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input).map_err(|err| format!("cannot read standard input: {err}"))?;
        Ok(input)
    }

    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = match args.as_slice() {
        ["questionnaire"] => serde_json::to_string_pretty(&fhir::questionnaire()).map_err(|e| e.to_string()),
        ["response", "--authored", day] => {
            if Date::parse(day).is_none() {
                return fail(format!("--authored {day} is not a YYYY-MM-DD day"));
            }
            let input = match stdin() {
                Ok(input) => input,
                Err(err) => return fail(err),
            };
            match Intake::from_json(&input) {
                Ok(intake) => serde_json::to_string_pretty(&fhir::response(&intake, day)).map_err(|e| e.to_string()),
                Err(err) => return fail(err),
            }
        }
        ["answers"] => {
            let input = match stdin() {
                Ok(input) => input,
                Err(err) => return fail(err),
            };
            match fhir::answers_from_response(&input) {
                Ok(answers) => Ok(Intake { answers, checkins: Vec::new() }.to_json().to_pretty_text()),
                Err(err) => return fail(err),
            }
        }
        ["normalise"] => {
            let input = match stdin() {
                Ok(input) => input,
                Err(err) => return fail(err),
            };
            match Intake::from_json(&input) {
                Ok(intake) => Ok(intake.to_json().to_pretty_text()),
                Err(err) => return fail(err),
            }
        }
        _ => return fail(USAGE),
    };
    match output {
        Ok(text) if writeln!(std::io::stdout().lock(), "{text}").is_ok() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(err) => fail(err),
    }
}

// The widget's wasm build compiles every bin target; this one has nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}
