//! The fit of each technique as an SVG bar chart, sized with SVG attributes only (no
//! inline styles, for the content security policy); colours come from the status classes.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::chart::FIT_BARS;
use crate::domain::techniques::Technique;
use crate::domain::TechniqueResult;

/// One bar per technique, in the order given (best fit first), each labelled with its
/// name and fit and classed `bpi-bar--<status>`; the chart's accessible name lists every
/// technique with its fit.
pub(super) fn fit_chart(texts: &Texts, rows: &[TechniqueResult]) -> Html {
    let layout = FIT_BARS;
    let names: Vec<String> = rows.iter().map(|r| texts.t(&Technique::text_key(r.id, "name")).to_owned()).collect();
    let summary: Vec<String> = rows
        .iter()
        .zip(&names)
        .map(|(r, name)| texts.format("ui.chart.fit_item", &[("name", name), ("fit", &r.fit.to_string())]))
        .collect();
    let label = texts.format("ui.chart.fit_label", &[("list", &summary.join(", "))]);
    let bars = rows.iter().zip(names).enumerate().map(|(i, (r, name))| {
        let y = layout.text_y(i).to_string();
        html! {
            <g key={r.id.as_str()}>
                <text x={layout.label_end_x().to_string()} y={y.clone()} text-anchor="end" fill="currentColor">{ name }</text>
                <rect class={format!("bpi-bar bpi-bar--{}", r.status)} x={layout.bar_x().to_string()}
                      y={layout.bar_y(i).to_string()} width={layout.bar_length(r.fit).to_string()}
                      height={layout.bar_height.to_string()} rx="3" fill="currentColor" />
                <text x={layout.value_x(r.fit).to_string()} {y} fill="currentColor">{ r.fit }</text>
            </g>
        }
    });
    html! {
        <figure class="bpi-chart bpi-fit-chart">
            <svg viewBox={format!("0 0 {} {}", layout.width(), layout.height(rows.len()))} role="img"
                 aria-label={label} font-size="14">
                <title>{ texts.t("ui.chart.fit_title") }</title>
                { for bars }
            </svg>
        </figure>
    }
}
