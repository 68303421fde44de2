//! The pain line: "pain now" at the intake and at each check-in, as an SVG chart sized
//! with SVG attributes only (no inline styles, for the content security policy).

use super::html::Write;
use super::texts::Texts;
use crate::domain::chart::{PointLabel, PAIN_LINE};
use crate::domain::question::QuestionId;
use crate::domain::Intake;

/// A line of "pain now" on a 0-10 scale, starting with the intake's answer (labelled as
/// the intake), then each check-in; its accessible name lists every point. Nothing is
/// drawn with fewer than two points.
pub fn progress_chart<W: Write>(m: &mut W, texts: &Texts, intake: &Intake) {
    let layout = PAIN_LINE;
    let chart = layout.pain_chart(intake.answers.integer(QuestionId::PainNow), &intake.checkins);
    if chart.points.len() < 2 {
        return;
    }
    let when = |label: PointLabel| match label {
        PointLabel::Intake => texts.ui(ui!("ui.chart.intake")).to_owned(),
        PointLabel::Date(date) => texts.date(date),
    };
    let summary: Vec<String> = chart
        .points
        .iter()
        .map(|p| {
            texts.format_ui(ui!("ui.chart.pain_item"), &[("when", &when(p.label)), ("pain", &p.value.to_string())])
        })
        .collect();
    let label = texts.format_ui(ui!("ui.chart.pain_label"), &[("list", &summary.join(", "))]);
    let (left, right) = (layout.left.to_string(), (layout.width - layout.right).to_string());
    let view_box = format!("0 0 {} {}", layout.width, layout.height);
    m.open("figure", &[("class", "bpi-chart bpi-pain-chart")]);
    m.open("svg", &[("viewBox", &view_box), ("role", "img"), ("aria-label", &label), ("font-size", "12")]);
    m.element("title", &[], texts.ui(ui!("ui.chart.pain_title")));
    let tick_x = (layout.left - 8).to_string();
    for tick in &chart.ticks {
        let y = tick.y.to_string();
        let grid = [
            ("x1", left.as_str()),
            ("x2", &right),
            ("y1", &y),
            ("y2", &y),
            ("stroke", "currentColor"),
            ("stroke-opacity", "0.2"),
        ];
        m.open("line", &grid).close("line");
        let text_y = (tick.y + 4).to_string();
        m.element(
            "text",
            &[("x", &tick_x), ("y", &text_y), ("text-anchor", "end"), ("fill", "currentColor")],
            &tick.value.to_string(),
        );
    }
    let line = [
        ("class", "bpi-line"),
        ("points", &chart.polyline()),
        ("fill", "none"),
        ("stroke", "currentColor"),
        ("stroke-width", "2"),
    ];
    m.open("polyline", &line).close("polyline");
    let label_y = (layout.baseline() + 24).to_string();
    for p in &chart.points {
        let class = if p.label == PointLabel::Intake { "bpi-point bpi-point--intake" } else { "bpi-point" };
        let (x, y) = (p.x.to_string(), p.y.to_string());
        m.open("circle", &[("class", class), ("cx", &x), ("cy", &y), ("r", "4"), ("fill", "currentColor")])
            .close("circle");
        if p.labelled {
            m.element(
                "text",
                &[("x", &x), ("y", &label_y), ("text-anchor", "middle"), ("fill", "currentColor")],
                &when(p.label),
            );
        }
    }
    m.close("svg").close("figure");
}
