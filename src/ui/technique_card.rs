//! One technique as a card: its name, standing and fit for this person, and the reasons
//! and cautions behind them in words.
//!
//! DOM hook: the card's root carries `data-technique="<id>" data-status="<status>"
//! data-fit="<n>"`, and nothing else on the page carries `data-technique`.

use yew::prelude::*;

use super::markup::{para, titled_list};
use super::texts::Texts;
use crate::domain::recommend::{Status, TechniqueResult};
use crate::domain::techniques::Technique;
use crate::domain::text::{caution_key, reason_key};

/// The words for a technique's standing. While recommendations are withheld, nothing but
/// "avoid" is said, so that no technique reads as safe to book before a doctor's advice.
pub(super) fn status_label(texts: &Texts, status: Status, withheld: bool) -> AttrValue {
    if withheld && status != Status::Avoid {
        return texts.t("ui.results.status_on_hold").into();
    }
    texts.t(&format!("status.{status}")).to_owned().into()
}

/// A card for one technique: name, status, fit out of 100, what it is, why it fits (and
/// why less), why to avoid it and what to take care with, and how it works on request.
pub(super) fn technique_card(texts: &Texts, result: &TechniqueResult, withheld: bool) -> Html {
    let (id, status) = (result.id, result.status);
    let fit = result.fit.to_string();
    let words = |key: String| AttrValue::from(texts.t(&key).to_owned());
    let reasons = |positive: bool| {
        result.reasons.iter().filter(|r| r.is_positive() == positive).map(|r| words(reason_key(*r))).collect()
    };
    let cautions = |avoid: bool| {
        result.cautions.iter().filter(|c| c.is_avoid() == avoid).map(|c| words(caution_key(*c))).collect()
    };
    let group =
        |class: &'static str, title: &'static str, items| titled_list("h5", class.into(), texts.t(title).into(), items);
    html! {
        <article class={format!("bpi-card bpi-card--{status}")} data-technique={id.as_str()}
                 data-status={status.as_str()} data-fit={fit.clone()}>
            <h4 class="bpi-card-title">{ texts.t(&Technique::text_key(id, "name")) }</h4>
            <p class="bpi-card-meta">
                <span class={format!("bpi-status bpi-status--{status}")}>{ status_label(texts, status, withheld) }</span>
                { " " }
                <span class="bpi-fit">{ texts.format("ui.results.fit", &[("fit", &fit)]) }</span>
            </p>
            { para(None, words(Technique::text_key(id, "what"))) }
            { group("bpi-card-list bpi-card-list--avoid", "ui.results.card.avoid", cautions(true)) }
            { group("bpi-card-list bpi-card-list--cautions", "ui.results.card.cautions", cautions(false)) }
            { group("bpi-card-list bpi-card-list--fits", "ui.results.card.fits", reasons(true)) }
            { group("bpi-card-list bpi-card-list--fits-less", "ui.results.card.fits_less", reasons(false)) }
            <details class="bpi-card-more">
                <summary>{ texts.t("ui.results.card.how") }</summary>
                { para(None, words(Technique::text_key(id, "how"))) }
            </details>
        </article>
    }
}
