//! "Clear my data", with an inline confirmation so nothing is lost by a slip.

use yew::prelude::*;

use super::texts::Texts;

/// The button (`data-action="clear"`, labelled by `label_key`) or, while `confirming`,
/// the question with "delete everything" (`data-action="clear-confirm"`) and "keep"
/// (`data-action="clear-cancel"`). `on_ask` opens or closes the question.
pub(super) fn clear_data(
    texts: &Texts,
    label_key: &'static str,
    confirming: bool,
    on_ask: &Callback<bool>,
    on_confirm: &Callback<()>,
) -> Html {
    if !confirming {
        return html! {
            <button type="button" class="bpi-button bpi-button--quiet" data-action="clear"
                    onclick={on_ask.reform(|_: MouseEvent| true)}>
                { texts.t(label_key) }
            </button>
        };
    }
    let confirm = {
        let (on_ask, on_confirm) = (on_ask.clone(), on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            on_ask.emit(false);
            on_confirm.emit(());
        })
    };
    html! {
        <div class="bpi-confirm" role="alertdialog" aria-labelledby="bpi-confirm-text">
            <p id="bpi-confirm-text">{ texts.t("ui.clear.question") }</p>
            <div class="bpi-actions">
                <button type="button" class="bpi-button bpi-button--danger" data-action="clear-confirm" onclick={confirm}>
                    { texts.t("ui.clear.confirm") }
                </button>
                <button type="button" class="bpi-button" data-action="clear-cancel" onclick={on_ask.reform(|_: MouseEvent| false)}>
                    { texts.t("ui.clear.cancel") }
                </button>
            </div>
        </div>
    }
}
