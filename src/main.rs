//! The Trunk entry point: mounts the widget into the page, nothing else.
//!
//! `index.html` names this binary with `data-bin="backpain-intake"`. On the host there is
//! nothing to mount, so the native build only points at the commands that are useful there.

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

#[cfg(target_arch = "wasm32")]
fn main() {
    backpain_intake::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "backpain-intake runs in the browser: serve it with scripts/serve.sh, \
         or run the native assessment with `cargo run --bin assess < answers.json`"
    );
    std::process::exit(2);
}
