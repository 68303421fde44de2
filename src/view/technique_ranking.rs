//! The personal ranking: why it is about fit and not efficacy, the fit chart, and one
//! card per technique, best fit first.

use super::fit_chart::fit_chart;
use super::html::Write;
use super::technique_card::technique_card;
use super::texts::Texts;
use crate::domain::text::reading_note_key;
use crate::domain::Assessment;

/// The eight techniques in the assessment's order (best fit first): a note that no
/// technique is proven better than another, a bar chart of the fits, and the cards.
pub fn technique_ranking<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    let reading = assessment.triage.reading();
    m.panel("bpi-panel bpi-ranking", "bpi-ranking-title", texts.ui(ui!("ui.results.ranking.title")), &[]);
    m.element("p", &[], texts.ui(ui!("ui.results.ranking.no_best")));
    if let Some(note) = reading_note_key(reading) {
        m.element("p", &[("class", "bpi-withheld")], texts.t(note));
    }
    fit_chart(m, texts, &assessment.techniques);
    m.open("ol", &[("class", "bpi-cards")]);
    for result in &assessment.techniques {
        m.open("li", &[]);
        technique_card(m, texts, result, reading);
        m.close("li");
    }
    m.close("ol").close("section");
}
