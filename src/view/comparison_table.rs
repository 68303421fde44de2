//! All eight techniques side by side in one table, sortable by its column headers.

use super::html::Write;
use super::technique_card::status_label;
use super::texts::Texts;
use super::Press;
use crate::domain::compare::{sort_rows, Direction, Sort, SortColumn};
use crate::domain::techniques::{technique, Clothing, PressureLevel, Technique};
use crate::domain::text::UiKey;
use crate::domain::Assessment;

/// The columns, in order: the header's text key and, for a sortable column, what it sorts.
const COLUMNS: [(UiKey, Option<SortColumn>); 10] = [
    (ui!("ui.table.col.name"), Some(SortColumn::Name)),
    (ui!("ui.table.col.pressure"), Some(SortColumn::Pressure)),
    (ui!("ui.table.col.heat"), Some(SortColumn::Heat)),
    (ui!("ui.table.col.clothing"), Some(SortColumn::Clothing)),
    (ui!("ui.table.col.session"), Some(SortColumn::Session)),
    (ui!("ui.table.col.targets"), None),
    (ui!("ui.table.col.suits"), None),
    (ui!("ui.table.col.benefits"), None),
    (ui!("ui.table.col.cautions"), None),
    (ui!("ui.table.col.fit"), Some(SortColumn::Fit)),
];

/// The comparison of all eight techniques: name, pressure, heat, clothing, typical
/// session, what each works on, who it suits, benefits, cautions, and this person's fit
/// and standing, in the order `sort` gives. Each sortable header holds a button
/// (`data-sort="<column>"`, pressed as [`Press::Sort`]), and the sorted
/// header carries `aria-sort`. Rows carry `data-row="<id>"` (never `data-technique`,
/// which belongs to the cards).
pub fn comparison_table<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment, sort: Sort) {
    m.panel("bpi-panel bpi-compare", "bpi-compare-title", texts.ui(ui!("ui.table.title")), &[]);
    m.element("p", &[], texts.ui(ui!("ui.table.intro")));
    m.open(
        "div",
        &[
            ("class", "bpi-table-wrap"),
            ("role", "region"),
            ("aria-labelledby", "bpi-compare-caption"),
            ("tabindex", "0"),
        ],
    );
    m.open("table", &[("class", "bpi-table")]);
    m.element("caption", &[("id", "bpi-compare-caption")], texts.ui(ui!("ui.table.caption")));
    m.open("thead", &[]).open("tr", &[]);
    for (key, column) in COLUMNS {
        let Some(column) = column else {
            m.element("th", &[("scope", "col")], texts.ui(key));
            continue;
        };
        let arrow = match (sort.column == column, sort.direction) {
            (false, _) => "\u{21c5}",
            (true, Direction::Ascending) => "\u{25b2}",
            (true, Direction::Descending) => "\u{25bc}",
        };
        let aria_sort = sort.aria_sort(column).map_or(("", ""), |value| ("aria-sort", value));
        m.open("th", &[("scope", "col"), aria_sort]);
        m.open("button", &[("type", "button"), ("class", "bpi-sort"), ("data-sort", column.as_str())]);
        m.press(Press::Sort(column)).text(texts.ui(key)).element("span", &[("aria-hidden", "true")], arrow);
        m.close("button").close("th");
    }
    m.close("tr").close("thead").open("tbody", &[]);
    let reading = assessment.triage.reading();
    for row in sort_rows(&assessment.techniques, sort, |id| texts.lookup(&Technique::text_key(id, "name")).to_owned()) {
        let id = row.id;
        let part = |part: &str| texts.lookup(&Technique::text_key(id, part));
        m.open("tr", &[("data-row", id.as_str())]).element("th", &[("scope", "row")], part("name"));
        if let Some(t) = technique(id) {
            let [shortest, longest] = t.session_minutes;
            let pressure = match (t.pressure.first(), t.pressure.last()) {
                (Some(lightest), Some(firmest)) => texts.ui(pressure_label(*lightest, *firmest)),
                _ => "",
            };
            m.element("td", &[], pressure);
            m.element("td", &[], texts.ui(if t.heat { ui!("ui.table.heat.yes") } else { ui!("ui.table.heat.no") }));
            m.element("td", &[], texts.ui(clothing_label(t.clothing)));
            let minutes = texts
                .format_ui(ui!("ui.table.minutes"), &[("from", &shortest.to_string()), ("to", &longest.to_string())]);
            m.element("td", &[], &minutes);
        } else {
            for _ in 0..4 {
                m.element("td", &[], "");
            }
        }
        for name in ["targets", "suits", "benefits", "cautions"] {
            m.element("td", &[], part(name));
        }
        m.open("td", &[("class", &["bpi-status--", row.status.as_str()].concat())]);
        m.text(&texts.format_ui(ui!("ui.results.fit"), &[("fit", &row.fit.to_string())]));
        m.open("br", &[]).text(status_label(texts, row.status, reading));
        m.close("td").close("tr");
    }
    m.close("tbody").close("table").close("div").close("section");
}

/// The words for the range of pressure a technique is worked at, lightest to firmest.
fn pressure_label(lightest: PressureLevel, firmest: PressureLevel) -> UiKey {
    use PressureLevel::{Firm, Light, Medium};
    match (lightest, firmest) {
        (Light, Light) => ui!("ui.table.pressure.light"),
        (Medium, Medium) => ui!("ui.table.pressure.medium"),
        (Firm, Firm) => ui!("ui.table.pressure.firm"),
        (Light, Medium) | (Medium, Light) => ui!("ui.table.pressure.light_to_medium"),
        (Light, Firm) | (Firm, Light) => ui!("ui.table.pressure.light_to_firm"),
        (Medium, Firm) | (Firm, Medium) => ui!("ui.table.pressure.medium_to_firm"),
    }
}

/// The words for what a person wears.
fn clothing_label(clothing: Clothing) -> UiKey {
    match clothing {
        Clothing::Clothed => ui!("ui.table.clothing.clothed"),
        Clothing::Draped => ui!("ui.table.clothing.draped"),
        Clothing::Either => ui!("ui.table.clothing.either"),
    }
}
