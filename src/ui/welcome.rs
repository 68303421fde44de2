//! The welcome screen: what this is and is not, privacy, time, start or continue.

use yew::prelude::*;

use super::clear_data::clear_data;
use super::import_button::import_button;
use super::markup::{into_html, Markup};
use super::texts::Texts;
use crate::domain::session::Action;
use crate::domain::widget::Event;
use crate::view::screens::welcome_intro;

/// The welcome screen. With a saved session (`has_progress`) it offers "continue" and
/// "start over" (which asks before deleting: `confirming_clear` is whether it is asking);
/// it always offers opening a saved file.
pub(super) fn welcome(texts: &Texts, has_progress: bool, confirming_clear: bool, dispatch: &Callback<Event>) -> Html {
    let start = dispatch.reform(|_: MouseEvent| Event::Act(Action::Start));
    let start_label = texts.ui(if has_progress { ui!("ui.welcome.continue") } else { ui!("ui.welcome.start") });
    let mut intro = Markup::new();
    welcome_intro(&mut intro, texts);
    html! {
        <section class="bpi-welcome" aria-labelledby="bpi-welcome-title">
            { into_html(intro) }
            <div class="bpi-actions">
                <button type="button" class="bpi-button bpi-button--primary" data-action="next" onclick={start}>
                    { start_label }
                </button>
                if has_progress {
                    { clear_data(texts, ui!("ui.welcome.start_over"), confirming_clear, dispatch) }
                }
                { import_button(texts, dispatch) }
            </div>
        </section>
    }
}
