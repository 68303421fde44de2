//! The session plan: how often and how long to book, then each part of the plan in order.

use super::html::Write;
use super::texts::Texts;
use crate::domain::plan::Section;
use crate::domain::text;
use crate::domain::text::plan_key;
use crate::domain::Assessment;

/// How often to book (or that it depends on how long the pain has lasted), how long a
/// session should be, and the plan's sections in order: the first session, preparing,
/// aftercare, self-massage with its limits, stretches, care alongside massage, and when
/// to stop and get help. While recommendations are withheld the plan holds only the stop
/// signs and "how often" says medical advice comes first, with a note that the rest
/// follows once massage is safe to start.
///
/// On the results the self-care sections ([`SELF_CARE`]) are a section of their own:
/// `part` picks the whole plan, the sessions without them, or only them (nothing when
/// the plan has none of them).
pub fn session_plan<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment, part: PlanPart) {
    let plan = &assessment.plan;
    let withheld = assessment.withhold_recommendations;
    let shown = |section: &Section| match part {
        PlanPart::Whole => true,
        PlanPart::Sessions => !SELF_CARE.contains(section),
        PlanPart::SelfCare => SELF_CARE.contains(section),
    };
    if part == PlanPart::SelfCare {
        if plan.sections.iter().any(|(section, _)| shown(section)) {
            m.panel("bpi-panel bpi-plan", "bpi-self-care-title", texts.ui(ui!("ui.section.self_care")), &[]);
            plan_sections(m, texts, assessment, shown);
            m.close("section");
        }
        return;
    }
    m.panel("bpi-panel bpi-plan", "bpi-plan-title", texts.ui(ui!("ui.plan.title")), &[]);
    booking(m, texts, assessment);
    if withheld {
        m.element("p", &[("class", "bpi-withheld")], texts.ui(ui!("ui.plan.withheld")));
    }
    plan_sections(m, texts, assessment, shown);
    m.close("section");
}

/// Which part of the plan [`session_plan`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanPart {
    Whole,
    Sessions,
    SelfCare,
}

/// What a person does on their own between sessions.
pub const SELF_CARE: [Section; 3] = [Section::SelfMassage, Section::Stretches, Section::Alongside];

fn plan_sections<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment, shown: impl Fn(&Section) -> bool) {
    for (section, items) in assessment.plan.sections.iter().filter(|(section, _)| shown(section)) {
        let items: Vec<&str> = items.iter().map(|item| texts.lookup(&plan_key(*section, *item))).collect();
        let class = ["bpi-plan-section bpi-plan-section--", section.as_str()].concat();
        m.titled_list("h4", &class, texts.lookup(&text::section_key(*section)), &items);
    }
}

/// How often to book and how long a session should be (only how often, reading "after
/// medical advice", while recommendations are withheld).
pub fn booking<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    let plan = &assessment.plan;
    let withheld = assessment.withhold_recommendations;
    m.open("dl", &[("class", "bpi-plan-booking")]);
    // Always known here: a plan needs every safety answer, duration among them, and a
    // withheld one reads "after medical advice" (tests/properties.rs).
    if let Some(frequency) = plan.frequency {
        let frequency = texts.lookup(&text::frequency_key(frequency));
        m.element("dt", &[], texts.ui(ui!("ui.plan.how_often"))).element("dd", &[], frequency);
    }
    if !withheld {
        let minutes =
            texts.format_ui(ui!("ui.plan.session_minutes"), &[("minutes", &plan.session_minutes.to_string())]);
        m.element("dt", &[], texts.ui(ui!("ui.plan.how_long"))).element("dd", &[], &minutes);
    }
    m.close("dl");
}
