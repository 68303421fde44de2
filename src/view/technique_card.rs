//! One technique as a card: its name, standing and fit for this person, and the reasons
//! and cautions behind them in words.
//!
//! DOM hook: the card's root carries `data-technique="<id>" data-status="<status>"
//! data-fit="<n>"`, and nothing else on the page carries `data-technique`.

use super::html::Write;
use super::texts::Texts;
use crate::domain::recommend::{Status, TechniqueResult};
use crate::domain::screening::Reading;
use crate::domain::techniques::Technique;
use crate::domain::text::{caution_key, reason_key, status_key};

/// The words for a technique's standing as the comparison reads ([`status_key`]).
pub fn status_label(texts: &Texts, status: Status, reading: Reading) -> &'static str {
    texts.lookup(&status_key(status, reading))
}

/// A card for one technique: name, status, fit out of 100, what it is, why to avoid it
/// and what to take care with, why it fits (and why less), and how it works on request.
pub fn technique_card<W: Write>(m: &mut W, texts: &Texts, result: &TechniqueResult, reading: Reading) {
    let (id, status) = (result.id, result.status);
    let fit = result.fit.to_string();
    let reasons = |positive: bool| -> Vec<&str> {
        result.reasons.iter().filter(|r| r.is_positive() == positive).map(|r| texts.lookup(&reason_key(*r))).collect()
    };
    let cautions = |avoid: bool| -> Vec<&str> {
        result.cautions.iter().filter(|c| c.is_avoid() == avoid).map(|c| texts.lookup(&caution_key(*c))).collect()
    };
    let class = ["bpi-card bpi-card--", status.as_str()].concat();
    m.open(
        "article",
        &[("class", &class), ("data-technique", id.as_str()), ("data-status", status.as_str()), ("data-fit", &fit)],
    );
    m.element("h4", &[("class", "bpi-card-title")], texts.lookup(&Technique::text_key(id, "name")));
    m.open("p", &[("class", "bpi-card-meta")]);
    m.element(
        "span",
        &[("class", &["bpi-status bpi-status--", status.as_str()].concat())],
        status_label(texts, status, reading),
    );
    m.text(" ").element("span", &[("class", "bpi-fit")], &texts.format_ui(ui!("ui.results.fit"), &[("fit", &fit)]));
    m.close("p");
    m.element("p", &[], texts.lookup(&Technique::text_key(id, "what")));
    m.titled_list("h5", "bpi-card-list bpi-card-list--avoid", texts.ui(ui!("ui.results.card.avoid")), &cautions(true));
    m.titled_list(
        "h5",
        "bpi-card-list bpi-card-list--cautions",
        texts.ui(ui!("ui.results.card.cautions")),
        &cautions(false),
    );
    m.titled_list("h5", "bpi-card-list bpi-card-list--fits", texts.ui(ui!("ui.results.card.fits")), &reasons(true));
    m.titled_list(
        "h5",
        "bpi-card-list bpi-card-list--fits-less",
        texts.ui(ui!("ui.results.card.fits_less")),
        &reasons(false),
    );
    m.open("details", &[("class", "bpi-card-more")]).element("summary", &[], texts.ui(ui!("ui.results.card.how")));
    m.element("p", &[], texts.lookup(&Technique::text_key(id, "how")));
    m.close("details").close("article");
}
