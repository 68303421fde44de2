//! The Trunk entry point: the binary whose wasm `boot.js` loads.
//!
//! `index.html` names this binary with `data-bin="backpain-intake"`; a binary, not the
//! library's cdylib, because rustc skips link-time optimisation when a crate is built as
//! both rlib and cdylib (measured: 22 KB brotli more). Nothing mounts on load: boot.js
//! initialises the module and calls [`mount_widget`] for each widget on the page. On
//! the host there is nothing to mount, so the native build only points at the commands
//! useful there.

/// Mounts one widget: see `backpain_intake::ui::mount_widget`. `sealer` seals a letter to
/// a clinic's key, into a link to the clinician page beside the widget's files, through
/// the sealer module (`src/bin/sealer.rs`), which boot.js fetches when first used; the
/// single-file edition passes none.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_widget(
    host: &web_sys::Element,
    root: &web_sys::Element,
    catalogs: Option<js_sys::Function>,
    sealer: Option<js_sys::Function>,
) {
    backpain_intake::browser::set_sealer(sealer);
    backpain_intake::ui::mount_widget(host, root, backpain_intake::browser::CatalogLoader::new(catalogs));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "backpain-intake runs in the browser: serve it with scripts/serve.sh, \
         or run the native assessment with `cargo run --bin assess < answers.json`"
    );
    std::process::exit(2);
}
