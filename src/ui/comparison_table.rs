//! All eight techniques side by side in one table, sortable by its column headers.

use std::rc::Rc;

use yew::prelude::*;

use super::technique_card::status_label;
use super::texts::{use_texts, Texts};
use crate::domain::compare::{sort_rows, Direction, Sort, SortColumn};
use crate::domain::recommend::TechniqueResult;
use crate::domain::techniques::{technique, Clothing, PressureLevel, Technique};
use crate::domain::Assessment;

#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    pub assessment: Rc<Assessment>,
}

/// The columns, in order: the header's text key and, for a sortable column, what it sorts.
const COLUMNS: [(&str, Option<SortColumn>); 10] = [
    ("ui.table.col.name", Some(SortColumn::Name)),
    ("ui.table.col.pressure", Some(SortColumn::Pressure)),
    ("ui.table.col.heat", Some(SortColumn::Heat)),
    ("ui.table.col.clothing", Some(SortColumn::Clothing)),
    ("ui.table.col.session", Some(SortColumn::Session)),
    ("ui.table.col.targets", None),
    ("ui.table.col.suits", None),
    ("ui.table.col.benefits", None),
    ("ui.table.col.cautions", None),
    ("ui.table.col.fit", Some(SortColumn::Fit)),
];

/// The comparison of all eight techniques: name, pressure, heat, clothing, typical
/// session, what each works on, who it suits, benefits, cautions, and this person's fit
/// and standing. It opens sorted by fit; each sortable header holds a button
/// (`data-sort="<column>"`), and the sorted header carries `aria-sort`. Rows carry
/// `data-row="<id>"` (never `data-technique`, which belongs to the cards).
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let texts = use_texts();
    let sort = use_state(Sort::default);
    let assessment = &props.assessment;
    let rows = sort_rows(&assessment.techniques, *sort, |id| texts.t(&Technique::text_key(id, "name")).to_owned());
    let headers = COLUMNS.iter().map(|&(key, column)| {
        let Some(column) = column else {
            return html! { <th scope="col">{ texts.t(key) }</th> };
        };
        let arrow = match (sort.column == column, sort.direction) {
            (false, _) => "\u{21c5}",
            (true, Direction::Ascending) => "\u{25b2}",
            (true, Direction::Descending) => "\u{25bc}",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| sort.set(sort.clicked(column)))
        };
        html! {
            <th scope="col" aria-sort={sort.aria_sort(column)}>
                <button type="button" class="bpi-sort" data-sort={column.as_str()} {onclick}>
                    { texts.t(key) }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    });
    html! {
        <section class="bpi-panel bpi-compare" aria-labelledby="bpi-compare-title">
            <h3 id="bpi-compare-title">{ texts.t("ui.table.title") }</h3>
            <p>{ texts.t("ui.table.intro") }</p>
            <div class="bpi-table-wrap" role="region" aria-labelledby="bpi-compare-caption" tabindex="0">
                <table class="bpi-table">
                    <caption id="bpi-compare-caption">{ texts.t("ui.table.caption") }</caption>
                    <thead><tr>{ for headers }</tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|row| table_row(&texts, row, assessment.withhold_recommendations)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The words for the range of pressure a technique is worked at, lightest to firmest.
fn pressure_label(lightest: PressureLevel, firmest: PressureLevel) -> &'static str {
    use PressureLevel::{Firm, Light, Medium};
    match (lightest, firmest) {
        (Light, Light) => "ui.table.pressure.light",
        (Medium, Medium) => "ui.table.pressure.medium",
        (Firm, Firm) => "ui.table.pressure.firm",
        (Light, Medium) | (Medium, Light) => "ui.table.pressure.light_to_medium",
        (Light, Firm) | (Firm, Light) => "ui.table.pressure.light_to_firm",
        (Medium, Firm) | (Firm, Medium) => "ui.table.pressure.medium_to_firm",
    }
}

/// The words for what a person wears.
fn clothing_label(clothing: Clothing) -> &'static str {
    match clothing {
        Clothing::Clothed => "ui.table.clothing.clothed",
        Clothing::Draped => "ui.table.clothing.draped",
        Clothing::Either => "ui.table.clothing.either",
    }
}

/// One technique's row: the name as the row header, then the facts, the descriptions and
/// the fit with the standing.
fn table_row(texts: &Texts, row: &TechniqueResult, withheld: bool) -> Html {
    let id = row.id;
    let part = |part: &str| texts.t(&Technique::text_key(id, part)).to_owned();
    let mut cells: Vec<String> = match technique(id) {
        Some(t) => {
            let [shortest, longest] = t.session_minutes;
            let (lightest, firmest) = (t.pressure.first().copied(), t.pressure.last().copied());
            vec![
                lightest.zip(firmest).map_or("", |(l, f)| texts.t(pressure_label(l, f))).to_owned(),
                texts.t(if t.heat { "ui.table.heat.yes" } else { "ui.table.heat.no" }).to_owned(),
                texts.t(clothing_label(t.clothing)).to_owned(),
                texts.format("ui.table.minutes", &[("from", &shortest.to_string()), ("to", &longest.to_string())]),
            ]
        }
        None => vec![String::new(); 4],
    };
    cells.extend(["targets", "suits", "benefits", "cautions"].map(part));
    html! {
        <tr key={id.as_str()} data-row={id.as_str()}>
            <th scope="row">{ part("name") }</th>
            { for cells.into_iter().map(|cell| html! { <td>{ cell }</td> }) }
            <td class={format!("bpi-status--{}", row.status)}>
                { texts.format("ui.results.fit", &[("fit", &row.fit.to_string())]) }<br />
                { status_label(texts, row.status, withheld) }
            </td>
        </tr>
    }
}
