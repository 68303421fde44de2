//! The widget's top-level component.

use yew::prelude::*;

/// The whole widget. For now a welcome screen; the questionnaire and results follow.
#[component]
pub fn App() -> Html {
    html! {
        <section class="bpi-app" aria-labelledby="bpi-title">
            <h1 id="bpi-title" class="bpi-title">{ "Back pain massage intake" }</h1>
            <p class="bpi-lead">
                { "A few questions about your back pain: first we check for signs that need a \
                   doctor rather than a massage, then we compare eight massage techniques for \
                   you. Your answers stay in this browser." }
            </p>
        </section>
    }
}
