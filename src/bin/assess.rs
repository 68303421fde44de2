//! `assess`: an AnswerSet JSON document on stdin, the Assessment JSON on stdout.
//!
//! ```sh
//! cargo run --release --bin assess < answers.json
//! ```
//!
//! A bad input prints one clear error line on stderr and exits with status 2.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use backpain_intake::domain::{assess, Intake};

    let mut input = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("assess: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    match Intake::from_json(&input) {
        Ok(intake) => {
            let assessment = assess(&intake.answers, &intake.checkins);
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{}", assessment.to_json_pretty()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("assess: {err}");
            ExitCode::from(2)
        }
    }
}

// The widget's wasm build compiles every bin target; this one has nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}
