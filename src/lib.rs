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
