//! `prerender`: the widget's first screen in every language, for the build.
//!
//! ```sh
//! cargo run --release --bin prerender      # {"en": {"html": "...", "tree": [...]}, ...}
//! ```
//!
//! Prints one JSON object with a member per language: the prerendered root
//! (`view::prerender`) as HTML, and as the element tree `web/boot.js` draws. Run by
//! `scripts/package.mjs`; the catalogs are read from `data/i18n/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use backpain_intake::codec::json::Json;
    use backpain_intake::domain::embed::TextOverrides;
    use backpain_intake::domain::text::{Catalog, Lang};
    use backpain_intake::view::prerender::{first_screens, Tree};
    use backpain_intake::view::{Markup, Texts};

    let mut languages = Vec::new();
    for lang in Lang::ALL {
        let texts = if *lang == Lang::En {
            Texts::english()
        } else {
            let path = format!("{}/data/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
            let catalog = std::fs::read_to_string(&path)
                .map_err(|error| error.to_string())
                .and_then(|text| Catalog::parse_over(&text, Catalog::english()));
            match catalog {
                Ok(catalog) => Texts::keep(*lang, catalog, &TextOverrides::default()),
                Err(error) => {
                    eprintln!("prerender: {path}: {error}");
                    return std::process::ExitCode::from(2);
                }
            }
        };
        let (mut html, mut tree) = (Markup::new(), Tree::new());
        first_screens(&mut html, &texts);
        first_screens(&mut tree, &texts);
        let screens = Json::object([("html", Json::str(html.into_string())), ("tree", tree.into_json())]);
        languages.push((lang.code(), screens));
    }
    println!("{}", Json::object(languages).to_text());
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
