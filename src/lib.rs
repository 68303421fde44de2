//! Back-pain massage intake widget.
//!
//! Native, built and tested on the host with plain `cargo test`:
//! - [`domain`]: answers in, assessment out (screening for red flags, the outlook check,
//!   the ranking of the eight massage techniques, the session plan), the session, its
//!   storage policy and the widget core ([`domain::widget`]): the whole widget's state,
//!   moved by events, asking for effects. The `assess` command uses it natively.
//! - [`view`]: functions from the core's state and a catalog to markup, written through a
//!   small trait as Yew nodes in the browser or as escaped HTML natively.
//! - [`codec`], beneath both: the byte and text codecs with no clinical content (JSON,
//!   base64url, CRC-32, QR codes, a small sort), which import nothing from `domain`.
//! - [`clinic`], above `domain`: what a clinic's systems read, the intake as FHIR R4
//!   (`Questionnaire`, `QuestionnaireResponse`); the `fhir` command and the clinician
//!   page use it, the person's widget never (serde_json stays out of its bundle).
//!
//! On `wasm32` only: `ui`, the thin Yew shell that turns DOM events into the core's
//! events, runs its effects and renders the views with the inputs; and `browser`, the
//! adapters for local storage, Web Crypto, the address and files.

/// The [`UiKey`](crate::domain::text::UiKey) of an interface text, resolved at compile
/// time: `texts.ui(ui!("ui.results.title"))`. A key the English catalog lacks does not
/// compile.
macro_rules! ui {
    ($key:literal) => {{
        const KEY: $crate::domain::text::UiKey = $crate::domain::text::UiKey::of($key);
        KEY
    }};
}

// The clinician page's and the `fhir` command's: nothing of the person's widget names it
// (tests/layers.rs), so serde_json stays out of the widget's wasm.
pub mod clinic;
pub mod codec;
pub mod domain;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

// Talc, from a fixed arena first, instead of the default dlmalloc: 2.3 KB less brotli, and
// measured by the e2e answer-to-render timing (5 runs each): dlmalloc median 0.9-1.0 ms,
// maximum 1.7-3.7 ms; talc growing memory on demand, maximum up to 5.6 ms (memory.grow
// calls); talc from this arena, median 0.9 ms, maximum 1.4-2.5 ms. 16 MiB is many times
// what an intake, its check-ins and a 256 KB import need; the browser commits the pages
// only as they are used. Past the arena it grows the memory rather than trap: a value of
// several megabytes under the storage key (another tab, an extension) must be read, found
// too large and moved aside, not kill the widget at start. The widget is single-threaded
// (no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator {
    use core::alloc::Layout;
    use core::mem::MaybeUninit;

    use talc::base::binning::Binning;
    use talc::base::Talc;

    /// Where the allocator's memory comes from: the arena once, then new pages.
    #[derive(Debug)]
    pub struct ArenaThenGrow {
        arena: Option<(*mut u8, usize)>,
    }

    // SAFETY: `acquire` touches nothing but `talc` and the wasm memory it grows.
    unsafe impl talc::source::Source for ArenaThenGrow {
        fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
            if let Some((base, size)) = talc.source.arena.take() {
                // SAFETY: nothing but the allocator ever touches the arena.
                return unsafe { talc.claim(base, size) }.map(drop).ok_or(());
            }
            // Enough pages for the allocation, its alignment and the heap's own bookkeeping.
            const PAGE: usize = 1 << 16;
            let pages = (layout.size() + layout.align() + 256).div_ceil(PAGE);
            let previous = core::arch::wasm32::memory_grow(0, pages);
            if previous == usize::MAX {
                return Err(());
            }
            // SAFETY: the pages were just added to the memory and belong to no one else.
            unsafe { talc.claim((previous * PAGE) as *mut u8, pages * PAGE) }.map(drop).ok_or(())
        }
    }

    #[global_allocator]
    static ALLOCATOR: talc::cell::TalcSyncCell<ArenaThenGrow, talc::wasm::WasmBinning> = {
        static mut MEMORY: [MaybeUninit<u8>; 16 << 20] = [MaybeUninit::uninit(); 16 << 20];
        let arena = Some(((&raw mut MEMORY).cast::<u8>(), 16 << 20));
        talc::cell::TalcSyncCell::new_wasm(ArenaThenGrow { arena })
    };
}
