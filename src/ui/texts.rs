//! The words of the widget, through a context so every component reads the same catalog.

use yew::prelude::*;

use crate::domain::text::{Catalog, Lang};

/// A language's catalog, cheap to copy and compare.
#[derive(Clone, Copy, Debug)]
pub struct Texts {
    catalog: &'static Catalog,
    pub lang: Lang,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        std::ptr::eq(self.catalog, other.catalog) && self.lang == other.lang
    }
}

impl Texts {
    /// The shipped catalog of `lang`.
    pub fn of(lang: Lang) -> Texts {
        Texts { catalog: Catalog::get(lang), lang }
    }

    /// The text of `key` (the key itself when missing; a test keeps that from shipping).
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        self.catalog.text(key)
    }

    /// The text of a key built at run time, borrowed for as long as the catalog lives. A
    /// missing key (which the catalog tests rule out) shows as "?".
    pub fn lookup(&self, key: &str) -> &'static str {
        self.catalog.lookup(key).unwrap_or("?")
    }

    /// The text of `key` with `{name}` placeholders filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.catalog.format(key, args)
    }
}

/// The texts of the widget this component is in.
#[hook]
pub fn use_texts() -> Texts {
    use_context::<Texts>().unwrap_or_else(|| Texts::of(Lang::En))
}
