//! "Clear my data", with an inline confirmation so nothing is lost by a slip.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::text::UiKey;
use crate::domain::widget::Event;

/// The button (`data-action="clear"`, labelled by `label_key`) or, while `confirming`,
/// the question with "delete everything" (`data-action="clear-confirm"`) and "keep"
/// (`data-action="clear-cancel"`). `on_ask` opens or closes the question.
pub(super) fn clear_data(texts: &Texts, label_key: UiKey, confirming: bool, dispatch: &Callback<Event>) -> Html {
    if !confirming {
        return html! {
            <button type="button" class="bpi-button bpi-button--quiet" data-action="clear"
                    onclick={dispatch.reform(|_: MouseEvent| Event::AskClear(true))}>
                { texts.ui(label_key) }
            </button>
        };
    }
    confirm_dialog(
        texts,
        ("bpi-confirm-text", ui!("ui.clear.question"), ui!("ui.clear.confirm"), ui!("ui.clear.cancel")),
        ("clear-confirm", "clear-cancel"),
        dispatch.reform(|_: MouseEvent| Event::Clear),
        dispatch.reform(|_: MouseEvent| Event::AskClear(false)),
    )
}

/// A question to answer before something is lost: the question, a danger button that
/// does it and a button that keeps everything as it is. The first tuple is the question's
/// element id and the text keys of the question and the two buttons; the second, the
/// buttons' `data-action`s.
pub(super) fn confirm_dialog(
    texts: &Texts,
    (id, question, yes_label, no_label): (&'static str, UiKey, UiKey, UiKey),
    (yes_action, no_action): (&'static str, &'static str),
    on_yes: Callback<MouseEvent>,
    on_no: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="bpi-confirm" role="alertdialog" aria-labelledby={id}>
            <p {id}>{ texts.ui(question) }</p>
            <div class="bpi-actions">
                <button type="button" class="bpi-button bpi-button--danger" data-action={yes_action} onclick={on_yes}>
                    { texts.ui(yes_label) }
                </button>
                <button type="button" class="bpi-button" data-action={no_action} onclick={on_no}>
                    { texts.ui(no_label) }
                </button>
            </div>
        </div>
    }
}
