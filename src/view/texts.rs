//! The words of one language, as the views read them: a catalog with the clinic's texts
//! applied, cheap to copy and compare.
//!
//! English is compiled in. Another language's catalog is fetched when first chosen (see
//! the widget core's `FetchCatalog` effect), and each widget keeps the catalogs it has
//! for the life of the page.

use crate::domain::checkins::Date;
use crate::domain::embed::TextOverrides;
use crate::domain::text::{fill, Catalog, Lang, UiKey};

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
    /// English, as shipped.
    pub fn english() -> Texts {
        Texts { catalog: Catalog::english(), lang: Lang::En }
    }

    /// English with the clinician page's own texts, which [`Texts::english`] lacks.
    pub fn clinician() -> Texts {
        Texts { catalog: Catalog::english_clinician(), lang: Lang::En }
    }

    /// English with a clinic's texts applied (as shipped when there are none).
    pub fn english_with(overrides: &TextOverrides) -> Texts {
        if overrides.for_lang(Lang::En).next().is_none() {
            return Texts::english();
        }
        Texts::keep(Lang::En, Catalog::english().clone(), overrides)
    }

    /// `catalog` (of `lang`) with a clinic's texts applied, kept for the rest of the
    /// page's life: a widget makes at most one per language, when it is first chosen.
    pub fn keep(lang: Lang, mut catalog: Catalog, overrides: &TextOverrides) -> Texts {
        catalog.replace(overrides.for_lang(lang));
        Texts { catalog: Box::leak(Box::new(catalog)), lang }
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

    /// The text of an interface key (see the `ui!` macro); "?" if missing, which the catalog
    /// tests rule out.
    pub fn ui(&self, key: UiKey) -> &'static str {
        self.catalog.ui(key).unwrap_or("?")
    }

    /// The text of an interface key with `{name}` placeholders filled in.
    pub fn format_ui(&self, key: UiKey, args: &[(&str, &str)]) -> String {
        fill(self.ui(key), args)
    }

    /// The text of `key` with `{name}` placeholders filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.catalog.format(key, args)
    }

    /// A date in this language's words.
    pub fn date(&self, date: Date) -> String {
        self.catalog.date(date)
    }
}
