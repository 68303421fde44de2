//! The language switcher: every shipped language, each named in itself.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::text::Lang;

/// A labelled select of the shipped languages; choosing one calls `on_lang`.
pub(super) fn lang_switcher(texts: &Texts, current: Lang, on_lang: &Callback<Lang>) -> Html {
    let onchange = on_lang.reform(|event: Event| {
        let code = event.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Lang::from_tag(&code).unwrap_or(Lang::En)
    });
    html! {
        <div class="bpi-lang">
            <label>
                <span>{ texts.ui(ui!("ui.lang.label")) }</span>
                <select data-action="lang" {onchange}>
                    { for Lang::ALL.iter().map(|lang| html! {
                        <option value={lang.code()} lang={lang.code()} selected={*lang == current}>{ lang.name() }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
