//! The clinician page's entry point (`clinician.html`): its own binary, so the person's
//! widget bundle never carries the clinician's code. `scripts/package.mjs` builds it for
//! the browser, runs wasm-bindgen and wasm-opt, and writes the page; `clinician.js`
//! initialises the module and calls [`mount_clinician`].

/// Mounts the clinician page: see `backpain_intake::ui::mount_clinician`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_clinician(root: &web_sys::Element, catalogs: Option<js_sys::Function>) {
    backpain_intake::ui::mount_clinician(root, backpain_intake::browser::CatalogLoader::new(catalogs));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the clinician page runs in the browser: open clinician.html from a release build (scripts/serve.sh)");
    std::process::exit(2);
}
