//! The welcome screen: what this is and is not, privacy, time, start or continue.

use yew::prelude::*;

use super::import_button::import_button;
use super::markup::{into_html, Markup, Write};
use super::texts::Texts;
use crate::domain::widget::Event;
use crate::view::chrome::welcome_actions;
use crate::view::screens::welcome_intro;
use crate::view::Press;

/// The welcome screen. With a saved session (`has_progress`) it offers "continue" and
/// "start over" (which asks before deleting: `confirming_clear` is whether it is asking);
/// it always offers opening a saved file.
pub(super) fn welcome(
    texts: &Texts,
    has_progress: bool,
    confirming_clear: bool,
    dispatch: &Callback<Event>,
    on_press: &Callback<Press>,
) -> Html {
    let mut m = Markup::with_presses(on_press);
    m.open("section", &[("class", "bpi-welcome"), ("aria-labelledby", "bpi-welcome-title")]);
    welcome_intro(&mut m, texts);
    m.open("div", &[("class", "bpi-actions")]);
    welcome_actions(&mut m, texts, has_progress, confirming_clear);
    m.child(import_button(texts, dispatch));
    m.close("div").close("section");
    into_html(m)
}
