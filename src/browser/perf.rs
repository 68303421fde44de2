//! Performance marks for the answer-to-render time.
//!
//! An answer handler calls [`mark_answer`]; the app calls [`measure_render`] after the
//! DOM has been updated. The measure `bpi:answer-render` is what the end-to-end test reads
//! from `performance.getEntriesByName`, so the timing lives in the browser's own timeline
//! rather than in a timed test.

use std::cell::Cell;

/// The mark set when an answer is given.
pub const ANSWER_MARK: &str = "bpi:answer";
/// The measure from the answer to the end of the re-render.
pub const RENDER_MEASURE: &str = "bpi:answer-render";

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks the moment an answer was given.
pub fn mark_answer() {
    if let Some(performance) = performance() {
        if performance.mark(ANSWER_MARK).is_ok() {
            PENDING.with(|p| p.set(true));
        }
    }
}

/// Measures from the last answer mark to now, once per mark.
pub fn measure_render() {
    if !PENDING.with(|p| p.replace(false)) {
        return;
    }
    if let Some(performance) = performance() {
        // A failed measure only loses a timing sample.
        let _ = performance.measure_with_start_mark(RENDER_MEASURE, ANSWER_MARK);
    }
}
