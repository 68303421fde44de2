//! The welcome screen: what this is and is not, privacy, time, start or continue.

use yew::prelude::*;

use super::clear_data::ClearData;
use super::texts::use_texts;
use super::use_focus_on;
use crate::domain::session::Action;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// Whether a saved session exists, to offer "continue" and "start over".
    pub has_progress: bool,
    pub on_action: Callback<Action>,
    pub on_clear: Callback<()>,
    pub focus_heading: bool,
}

#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let texts = use_texts();
    let heading = use_focus_on((), props.focus_heading);
    let start = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <section class="bpi-welcome" aria-labelledby="bpi-welcome-title">
            <h2 id="bpi-welcome-title" class="bpi-title" tabindex="-1" ref={heading}>{ texts.t("ui.welcome.title") }</h2>
            <p class="bpi-lead">{ texts.t("ui.welcome.lead") }</p>
            <ul class="bpi-welcome-points">
                <li>{ texts.t("ui.welcome.not_diagnosis") }</li>
                <li>{ texts.t("ui.welcome.safety_first") }</li>
                <li>{ texts.t("ui.welcome.private") }</li>
                <li>{ texts.t("ui.welcome.time") }</li>
            </ul>
            <div class="bpi-actions">
                if props.has_progress {
                    <button type="button" class="bpi-button bpi-button--primary" data-action="next" onclick={start}>
                        { texts.t("ui.welcome.continue") }
                    </button>
                    <ClearData on_confirm={props.on_clear.clone()} label_key="ui.welcome.start_over" />
                } else {
                    <button type="button" class="bpi-button bpi-button--primary" data-action="next" onclick={start}>
                        { texts.t("ui.welcome.start") }
                    </button>
                }
            </div>
        </section>
    }
}
