//! The triage: whether massage is safe to start, in plain words and with the weight the
//! level deserves, the flags behind it grouped by level, and any safety answers missing.

use yew::prelude::*;

use super::markup::{list, para, titled_list};
use super::texts::Texts;
use crate::domain::screening::{Screening, Triage};
use crate::domain::text::{flag_key, question_key};
use crate::domain::Assessment;

/// The levels a flag can reach, most serious first, each with the heading of its group.
const GROUPS: [(Triage, &str); 4] = [
    (Triage::Emergency, "ui.results.flags.emergency"),
    (Triage::Urgent, "ui.results.flags.urgent"),
    (Triage::MedicalReview, "ui.results.flags.medical_review"),
    (Triage::Caution, "ui.results.flags.caution"),
];

/// The screening result: its title and advice, the missing safety answers by their
/// questions, the raised flags explained and grouped by level (most serious first), and a
/// plain note when nothing is recommended.
pub(super) fn triage_panel(texts: &Texts, assessment: &Assessment) -> Html {
    let triage = assessment.triage;
    let groups = GROUPS.iter().map(|(level, heading)| {
        let flags = assessment.flags.iter().filter(|f| Screening::level_of(**f) == *level);
        let items = flags.map(|f| AttrValue::from(texts.t(&flag_key(*f)).to_owned())).collect();
        titled_list("h4", format!("bpi-flags bpi-flags--{level}").into(), texts.t(heading).into(), items)
    });
    let missing: Vec<AttrValue> =
        assessment.missing.iter().map(|id| texts.t(&question_key(*id, "label")).to_owned().into()).collect();
    html! {
        <section class={format!("bpi-panel bpi-triage bpi-triage--{triage}")} aria-labelledby="bpi-triage-title">
            <h3 id="bpi-triage-title">{ texts.t(&format!("triage.{triage}.title")) }</h3>
            { para(Some("bpi-triage-body"), texts.t(&format!("triage.{triage}.body")).to_owned().into()) }
            if !missing.is_empty() {
                { para(Some("bpi-missing"), texts.t("ui.results.missing").into()) }
                { list(missing) }
            }
            { for groups }
            if assessment.withhold_recommendations {
                { para(Some("bpi-withheld"), texts.t("ui.results.withheld").into()) }
            }
        </section>
    }
}
