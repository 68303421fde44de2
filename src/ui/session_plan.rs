//! The session plan: how often and how long to book, then each part of the plan in order.

use yew::prelude::*;

use super::markup::{panel, para, titled_list};
use super::texts::Texts;
use crate::domain::plan::Section;
use crate::domain::text::plan_key;
use crate::domain::Assessment;

/// How often to book (or that it depends on how long the pain has lasted), how long a
/// session should be, and the plan's sections in order: the first session, preparing,
/// aftercare, self-massage with its limits, stretches, care alongside massage, and when
/// to stop and get help. While recommendations are withheld only the stop signs are
/// shown, with a note that the rest follows once massage is safe to start.
pub(super) fn session_plan(texts: &Texts, assessment: &Assessment) -> Html {
    let plan = &assessment.plan;
    let withheld = assessment.withhold_recommendations;
    let sections =
        plan.sections.iter().filter(|(s, _)| !withheld || *s == Section::StopSigns).map(|(section, items)| {
            let items = items.iter().map(|item| texts.t(&plan_key(*section, *item)).to_owned().into()).collect();
            let title = texts.t(&format!("plan.{section}.title")).to_owned().into();
            titled_list("h4", format!("bpi-plan-section bpi-plan-section--{section}").into(), title, items)
        });
    let frequency = match plan.frequency {
        Some(frequency) => texts.t(&format!("frequency.{frequency}")).to_owned(),
        None => texts.t("ui.plan.frequency_unknown").to_owned(),
    };
    let minutes = plan.session_minutes.to_string();
    let body = html! {
        <>
            if withheld {
                { para(Some("bpi-withheld"), texts.t("ui.plan.withheld").into()) }
            } else {
                <dl class="bpi-plan-booking">
                    <dt>{ texts.t("ui.plan.how_often") }</dt>
                    <dd>{ frequency }</dd>
                    <dt>{ texts.t("ui.plan.how_long") }</dt>
                    <dd>{ texts.format("ui.plan.session_minutes", &[("minutes", &minutes)]) }</dd>
                </dl>
            }
            { for sections }
        </>
    };
    panel("bpi-panel bpi-plan", "bpi-plan-title", texts.t("ui.plan.title").into(), body)
}
