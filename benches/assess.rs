//! Times one `assess` call (and one parse + assess) on the three fixture intakes.
//!
//! A plain harness, no framework: it warms up, then takes the median of many batches,
//! so the figure is steady on a busy two-core machine. Run with `cargo bench --bench
//! assess`; the target is under 50 µs per call on the host.

use std::hint::black_box;
use std::time::{Duration, Instant};

use backpain_intake::domain::{assess, Intake};

const BATCH: u32 = 200;
const BATCHES: usize = 31;

/// The median time of one call of `f`.
fn median_per_call(mut f: impl FnMut()) -> Duration {
    for _ in 0..BATCH {
        f();
    }
    let mut samples: Vec<Duration> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..BATCH {
                f();
            }
            start.elapsed() / BATCH
        })
        .collect();
    samples.sort();
    samples[BATCHES / 2]
}

fn main() {
    let mut worst = Duration::ZERO;
    for name in ["clear", "caution", "emergency"] {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("bench: cannot read {path}: {err}");
                std::process::exit(1);
            }
        };
        let intake = match Intake::from_json(&text) {
            Ok(intake) => intake,
            Err(err) => {
                eprintln!("bench: {path}: {err}");
                std::process::exit(1);
            }
        };
        let assess_only = median_per_call(|| {
            black_box(assess(black_box(&intake.answers), black_box(&intake.checkins)));
        });
        let parse_and_assess = median_per_call(|| {
            if let Ok(parsed) = Intake::from_json(black_box(&text)) {
                black_box(assess(&parsed.answers, &parsed.checkins));
            }
        });
        worst = worst.max(assess_only);
        println!(
            "bench assess/{name:<9} {:>8.2} µs per call   parse+assess {:>8.2} µs",
            assess_only.as_secs_f64() * 1e6,
            parse_and_assess.as_secs_f64() * 1e6
        );
    }
    let target = Duration::from_micros(50);
    println!(
        "bench assess: slowest fixture {:.2} µs per call (target under {} µs): {}",
        worst.as_secs_f64() * 1e6,
        target.as_micros(),
        if worst < target { "within target" } else { "OVER TARGET" }
    );
}
