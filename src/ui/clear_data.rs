//! "Clear my data", with an inline confirmation so nothing is lost by a slip.

use yew::prelude::*;

use super::texts::use_texts;

#[derive(Properties, PartialEq)]
pub struct ClearDataProps {
    /// Called once the person confirms.
    pub on_confirm: Callback<()>,
    /// The text key of the first button.
    #[prop_or("ui.clear.button")]
    pub label_key: &'static str,
}

#[component]
pub fn ClearData(props: &ClearDataProps) -> Html {
    let texts = use_texts();
    let confirming = use_state(|| false);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let confirm = {
        let confirming = confirming.clone();
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_confirm.emit(());
        })
    };
    if *confirming {
        html! {
            <div class="bpi-confirm" role="alertdialog" aria-labelledby="bpi-confirm-text">
                <p id="bpi-confirm-text">{ texts.t("ui.clear.question") }</p>
                <div class="bpi-actions">
                    <button type="button" class="bpi-button bpi-button--danger" data-action="clear-confirm" onclick={confirm}>
                        { texts.t("ui.clear.confirm") }
                    </button>
                    <button type="button" class="bpi-button" data-action="clear-cancel" onclick={cancel}>
                        { texts.t("ui.clear.cancel") }
                    </button>
                </div>
            </div>
        }
    } else {
        html! {
            <button type="button" class="bpi-button bpi-button--quiet" data-action="clear" onclick={ask}>
                { texts.t(props.label_key) }
            </button>
        }
    }
}
