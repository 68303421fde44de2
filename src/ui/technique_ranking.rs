//! The personal ranking: why it is about fit and not efficacy, the fit chart, and one
//! card per technique, best fit first.

use yew::prelude::*;

use super::fit_chart::fit_chart;
use super::markup::{panel, para};
use super::technique_card::technique_card;
use super::texts::Texts;
use crate::domain::Assessment;

/// The eight techniques in the assessment's order (best fit first): a note that no
/// technique is proven better than another, a bar chart of the fits, and the cards.
pub(super) fn technique_ranking(texts: &Texts, assessment: &Assessment) -> Html {
    let withheld = assessment.withhold_recommendations;
    let body = html! {
        <>
            { para(None, texts.t("ui.results.ranking.no_best").into()) }
            if withheld {
                { para(Some("bpi-withheld"), texts.t("ui.results.ranking.withheld").into()) }
            }
            { fit_chart(texts, &assessment.techniques) }
            <ol class="bpi-cards">
                { for assessment.techniques.iter().map(|result| html! {
                    <li key={result.id.as_str()}>{ technique_card(texts, result, withheld) }</li>
                }) }
            </ol>
        </>
    };
    panel("bpi-panel bpi-ranking", "bpi-ranking-title", texts.t("ui.results.ranking.title").into(), body)
}
