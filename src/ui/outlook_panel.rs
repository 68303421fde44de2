//! The outlook check: what the score suggests about recovery and what it means for care.

use yew::prelude::*;

use super::markup::para;
use super::texts::Texts;
use crate::domain::Stratification;

/// The outlook group with its explanation and score, or a note that the questions were
/// not all answered (`stratification` is `None`); what the result means for care; and
/// what kind of check this is.
///
/// DOM hook: the root carries `data-outlook="low|medium|high"` when there is a score.
pub(super) fn outlook_panel(texts: &Texts, stratification: Option<Stratification>) -> Html {
    let result = match stratification {
        Some(score) => {
            let (total, psychosocial) = (score.total.to_string(), score.psychosocial.to_string());
            html! {
                <>
                    <p class="bpi-outlook-result"><strong>{ texts.t(&format!("outlook.{}.title", score.risk)) }</strong></p>
                    { para(None, texts.t(&format!("outlook.{}.body", score.risk)).to_owned().into()) }
                    { para(Some("bpi-outlook-score"), texts.format("ui.results.outlook.score",
                        &[("total", &total), ("psychosocial", &psychosocial)]).into()) }
                </>
            }
        }
        None => para(None, texts.t("ui.results.outlook.unanswered").into()),
    };
    html! {
        <section class="bpi-panel bpi-outlook" data-outlook={stratification.map(|s| s.risk.as_str())}
                 aria-labelledby="bpi-outlook-title">
            <h3 id="bpi-outlook-title">{ texts.t("ui.results.outlook.title") }</h3>
            { result }
            { para(None, texts.t("ui.results.outlook.care").into()) }
            { para(Some("bpi-note"), texts.t("ui.results.outlook.about").into()) }
        </section>
    }
}
