//! The pain line: "pain now" at the intake and at each check-in, as an SVG chart sized
//! with SVG attributes only (no inline styles, for the content security policy).

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::chart::{PointLabel, PAIN_LINE};
use crate::domain::questionnaire::QuestionId;
use crate::domain::Intake;

/// A line of "pain now" on a 0-10 scale, starting with the intake's answer (labelled as
/// the intake), then each check-in; its accessible name lists every point. Nothing is
/// drawn with fewer than two points.
pub(super) fn progress_chart(texts: &Texts, intake: &Intake) -> Html {
    let layout = PAIN_LINE;
    let chart = layout.pain_chart(intake.answers.integer(QuestionId::PainNow), &intake.checkins);
    if chart.points.len() < 2 {
        return Html::default();
    }
    let when = |label: PointLabel| match label {
        PointLabel::Intake => texts.t("ui.chart.intake").to_owned(),
        PointLabel::Date(date) => date.to_string(),
    };
    let summary: Vec<String> = chart
        .points
        .iter()
        .map(|p| texts.format("ui.chart.pain_item", &[("when", &when(p.label)), ("pain", &p.value.to_string())]))
        .collect();
    let label = texts.format("ui.chart.pain_label", &[("list", &summary.join(", "))]);
    let (left, right) = (layout.left, layout.width - layout.right);
    let ticks = chart.ticks.iter().map(|tick| {
        html! {
            <g key={tick.value}>
                <line x1={left.to_string()} x2={right.to_string()} y1={tick.y.to_string()} y2={tick.y.to_string()}
                      stroke="currentColor" stroke-opacity="0.2" />
                <text x={(left - 8).to_string()} y={(tick.y + 4).to_string()} text-anchor="end"
                      fill="currentColor">{ tick.value }</text>
            </g>
        }
    });
    let label_y = (layout.baseline() + 24).to_string();
    let points = chart.points.iter().enumerate().map(|(i, p)| {
        let class = if p.label == PointLabel::Intake { "bpi-point bpi-point--intake" } else { "bpi-point" };
        html! {
            <g key={i}>
                <circle {class} cx={p.x.to_string()} cy={p.y.to_string()} r="4" fill="currentColor" />
                if p.labelled {
                    <text x={p.x.to_string()} y={label_y.clone()} text-anchor="middle"
                          fill="currentColor">{ when(p.label) }</text>
                }
            </g>
        }
    });
    html! {
        <figure class="bpi-chart bpi-pain-chart">
            <svg viewBox={format!("0 0 {} {}", layout.width, layout.height)} role="img" aria-label={label}
                 font-size="12">
                <title>{ texts.t("ui.chart.pain_title") }</title>
                { for ticks }
                <polyline class="bpi-line" points={chart.polyline()} fill="none" stroke="currentColor"
                          stroke-width="2" />
                { for points }
            </svg>
        </figure>
    }
}
