//! Back-pain massage intake widget.
//!
//! The crate has two halves. [`domain`] is pure Rust: it parses and validates answers,
//! screens for red flags, scores the outlook check, ranks the eight massage techniques
//! and builds a session plan. It never touches the browser, so it builds and tests on the
//! host with plain `cargo test`, and the `assess` command uses it natively.
//!
//! The browser half (`ui`, `browser`) exists only on `wasm32`: Yew components that turn
//! events into actions and render what the domain computed, and thin adapters for local
//! storage, the location hash and the embed configuration.

pub mod domain;
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

// Talc from a fixed arena instead of the default dlmalloc: 2.3 KB less brotli, and
// measured by the e2e answer-to-render timing (5 runs each): dlmalloc median 0.9-1.0 ms,
// maximum 1.7-3.7 ms; talc growing memory on demand, maximum up to 5.6 ms (memory.grow
// calls); talc from this arena, median 0.9 ms, maximum 1.4-2.5 ms. 16 MiB is many times
// what an intake, its check-ins and a 256 KB import need; the browser commits the pages
// only as they are used. The widget is single-threaded (no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmArenaTalc = {
    use core::mem::MaybeUninit;
    static mut MEMORY: [MaybeUninit<u8>; 16 << 20] = [MaybeUninit::uninit(); 16 << 20];
    // SAFETY: nothing but the allocator ever touches MEMORY.
    unsafe { talc::wasm::new_wasm_arena_allocator(&raw mut MEMORY) }
};
