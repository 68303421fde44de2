//! The Trunk entry point: mounts the widget into the page, nothing else.
//!
//! `index.html` names this binary with `data-bin="backpain-intake"`. On the host there is
//! nothing to mount, so the native build only points at the commands that are useful there.

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
