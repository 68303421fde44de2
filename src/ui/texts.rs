//! The words of the widget, through a context so every component reads the same catalog
//! ([`Texts`], native, in `crate::view`).

use yew::prelude::*;

pub use crate::view::Texts;

/// The texts of the widget this component is in.
#[hook]
pub fn use_texts() -> Texts {
    use_context::<Texts>().unwrap_or_else(Texts::english)
}
