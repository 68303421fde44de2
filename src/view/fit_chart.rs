//! The fit of each technique as an SVG bar chart, sized with SVG attributes only (no
//! inline styles, for the content security policy); colours come from the status classes.

use super::html::Write;
use super::texts::Texts;
use crate::domain::chart::FIT_BARS;
use crate::domain::techniques::Technique;
use crate::domain::TechniqueResult;

/// One bar per technique, in the order given (best fit first), each labelled with its
/// name and fit and classed `bpi-bar--<status>`; the chart's accessible name lists every
/// technique with its fit.
pub fn fit_chart<W: Write>(m: &mut W, texts: &Texts, rows: &[TechniqueResult]) {
    let layout = FIT_BARS;
    let names: Vec<&str> = rows.iter().map(|r| texts.lookup(&Technique::text_key(r.id, "name"))).collect();
    let summary: Vec<String> = rows
        .iter()
        .zip(&names)
        .map(|(r, name)| texts.format_ui(ui!("ui.chart.fit_item"), &[("name", name), ("fit", &r.fit.to_string())]))
        .collect();
    let label = texts.format_ui(ui!("ui.chart.fit_label"), &[("list", &summary.join(", "))]);
    let view_box = format!("0 0 {} {}", layout.width(), layout.height(rows.len()));
    m.open("figure", &[("class", "bpi-chart bpi-fit-chart")]);
    m.open("svg", &[("viewBox", &view_box), ("role", "img"), ("aria-label", &label), ("font-size", "14")]);
    m.element("title", &[], texts.ui(ui!("ui.chart.fit_title")));
    let label_x = layout.label_end_x().to_string();
    for (i, (r, name)) in rows.iter().zip(names).enumerate() {
        let y = layout.text_y(i).to_string();
        let fit = r.fit.to_string();
        m.open("g", &[]);
        m.element("text", &[("x", &label_x), ("y", &y), ("text-anchor", "end"), ("fill", "currentColor")], name);
        m.open(
            "rect",
            &[
                ("class", &["bpi-bar bpi-bar--", r.status.as_str()].concat()),
                ("x", &layout.bar_x().to_string()),
                ("y", &layout.bar_y(i).to_string()),
                ("width", &layout.bar_length(r.fit).to_string()),
                ("height", &layout.bar_height.to_string()),
                ("rx", "3"),
                ("fill", "currentColor"),
            ],
        )
        .close("rect");
        m.element("text", &[("x", &layout.value_x(r.fit).to_string()), ("y", &y), ("fill", "currentColor")], &fit);
        m.close("g");
    }
    m.close("svg").close("figure");
}
