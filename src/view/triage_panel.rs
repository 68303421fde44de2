//! The triage: whether massage is safe to start, in plain words and with the weight the
//! level deserves, the flags behind it grouped by level, and any safety answers missing.

use super::html::Write;
use super::texts::Texts;
use crate::domain::screening::{Screening, Triage};
use crate::domain::text::UiKey;
use crate::domain::text::{self, Part};
use crate::domain::text::{flag_key, question_key};
use crate::domain::Assessment;

/// The levels a flag can reach, most serious first, each with the heading of its group.
const GROUPS: [(Triage, UiKey); 4] = [
    (Triage::Emergency, ui!("ui.results.flags.emergency")),
    (Triage::Urgent, ui!("ui.results.flags.urgent")),
    (Triage::MedicalReview, ui!("ui.results.flags.medical_review")),
    (Triage::Caution, ui!("ui.results.flags.caution")),
];

/// The screening result: its title and advice, the missing safety answers by their
/// questions, the raised flags explained and grouped by level (most serious first), and a
/// plain note when nothing is recommended.
///
/// With an emergency, the clinic's local emergency number (when set) is a tap away.
pub fn triage_panel<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment, emergency_number: Option<&str>) {
    let triage = assessment.triage;
    let class = ["bpi-panel bpi-triage bpi-triage--", triage.as_str()].concat();
    m.panel(&class, "bpi-triage-title", texts.lookup(&text::triage_key(triage, Part::Title)), &[]);
    m.element("p", &[("class", "bpi-triage-body")], texts.lookup(&text::triage_key(triage, Part::Body)));
    if let (Triage::Emergency, Some(number)) = (triage, emergency_number) {
        let label = texts.format_ui(ui!("ui.emergency.call"), &[("number", number)]);
        m.open("p", &[("class", "bpi-call")]).element("a", &[("href", &format!("tel:{number}"))], &label).close("p");
    }
    if !assessment.missing.is_empty() {
        m.element("p", &[("class", "bpi-missing")], texts.ui(ui!("ui.results.missing")));
        let missing: Vec<&str> =
            assessment.missing.iter().map(|id| texts.lookup(&question_key(*id, "label"))).collect();
        m.list(&missing);
    }
    for (level, heading) in GROUPS {
        let flags: Vec<&str> = assessment
            .flags
            .iter()
            .filter(|f| Screening::level_of(**f) == level)
            .map(|f| texts.lookup(&flag_key(*f)))
            .collect();
        m.titled_list("h4", &["bpi-flags bpi-flags--", level.as_str()].concat(), texts.ui(heading), &flags);
    }
    if assessment.withhold_recommendations {
        m.element("p", &[("class", "bpi-withheld")], texts.ui(ui!("ui.results.withheld")));
    }
    m.close("section");
}
