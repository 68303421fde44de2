//! The outlook check: what the score suggests about recovery and what it means for care.

use super::html::Write;
use super::texts::Texts;
use crate::domain::text::{self, Part};
use crate::domain::{Stratification, Triage};

/// The outlook group with its explanation and score, or a note that the questions were
/// not all answered (`stratification` is `None`); what the result means for care; and
/// what kind of check this is. While the person is sent to medical care first (emergency
/// or urgent), none of it is shown as advice: only a note that it can wait.
///
/// DOM hook: the panel carries `data-outlook="low|medium|high"` when there is a score.
pub fn outlook_panel<W: Write>(m: &mut W, texts: &Texts, stratification: Option<Stratification>, triage: Triage) {
    let risk = stratification.map_or("", |s| s.risk.as_str());
    let hook = if risk.is_empty() { ("", "") } else { ("data-outlook", risk) };
    m.panel("bpi-panel bpi-outlook", "bpi-outlook-title", texts.ui(ui!("ui.results.outlook.title")), &[hook]);
    if triage.needs_care_now() {
        m.element("p", &[("class", "bpi-withheld")], texts.ui(ui!("ui.results.outlook.on_hold")));
        m.close("section");
        return;
    }
    match stratification {
        Some(score) => {
            let (total, psychosocial) = (score.total.to_string(), score.psychosocial.to_string());
            m.open("p", &[("class", "bpi-outlook-result")])
                .element("strong", &[], texts.lookup(&text::outlook_key(score.risk, Part::Title)))
                .close("p");
            m.element("p", &[], texts.lookup(&text::outlook_key(score.risk, Part::Body)));
            let score =
                texts.format_ui(ui!("ui.results.outlook.score"), &[("total", &total), ("psychosocial", &psychosocial)]);
            m.element("p", &[("class", "bpi-outlook-score")], &score);
        }
        None => {
            m.element("p", &[], texts.ui(ui!("ui.results.outlook.unanswered")));
        }
    }
    m.element("p", &[], texts.ui(ui!("ui.results.outlook.care")));
    m.element("p", &[("class", "bpi-note")], texts.ui(ui!("ui.results.outlook.about")));
    m.close("section");
}
