//! The language switcher: every shipped language, each named in itself.

use yew::html::onchange;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};

use super::texts::Texts;
use crate::domain::text::Lang;

/// A labelled select of the shipped languages; choosing one calls `on_lang`.
pub(super) fn lang_switcher(texts: &Texts, current: Lang, on_lang: &Callback<Lang>) -> Html {
    let onchange = on_lang.reform(|event: Event| {
        let code = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Lang::from_tag(&code).unwrap_or(Lang::En)
    });
    let mut m = Markup::new();
    m.open("div", &[("class", "bpi-lang")]).open("label", &[]).element("span", &[], texts.ui(ui!("ui.lang.label")));
    m.open("select", &[("data-action", "lang")]).listen(onchange::Wrapper::new(onchange));
    for lang in Lang::ALL {
        let selected = if *lang == current { "selected" } else { "" };
        m.element("option", &[("value", lang.code()), ("lang", lang.code()), (selected, "")], lang.name());
    }
    m.close("select").close("label").close("div");
    into_html(m)
}
