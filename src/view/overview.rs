//! The first screen of the results, made for a phone: the verdict, the best fits with one
//! reason each (or what to do first), how often and how long, where it hurts, and the
//! next step as one button; then the details, in sections the person opens on demand.
//!
//! DOM hooks (shared/design/architecture.md): the summary's root carries
//! `data-results-summary`, its next step `data-primary-action`; each section
//! `data-section="<name>"`, and its toggle `aria-expanded`.

use super::body_map::body_map;
use super::html::Write;
use super::session_plan::booking;
use super::texts::Texts;
use super::Press;
use crate::domain::embed::EmbedConfig;
use crate::domain::recommend::{tied_with, Status};
use crate::domain::screening::Triage;
use crate::domain::sections::Section;
use crate::domain::techniques::Technique;
use crate::domain::text::{self, Part};
use crate::domain::{Assessment, Intake};

/// The best fits the summary names, at most.
pub const TOP_PICKS: usize = 3;

/// The next step the summary offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primary {
    /// Book with the clinic: it offers booking and screening allows massage to start.
    Book,
    /// Send the answers, locked, to the clinic (it gave its key), or share them.
    Send,
    Share,
    /// Print: a shared result, which can only be printed, or the summary to take along
    /// when care comes first (the emergency and urgent guidance ask for it).
    Print,
}

impl Primary {
    /// The next step for this clinic and triage; `read_only` for someone else's result.
    pub fn choose(config: &EmbedConfig, triage: Triage, read_only: bool) -> Primary {
        if read_only || triage.needs_care_now() {
            Primary::Print
        } else if config.offers_booking(triage) {
            Primary::Book
        } else if config.clinic_key.is_some() {
            Primary::Send
        } else {
            Primary::Share
        }
    }
}

/// The summary (`data-results-summary`). With an emergency or an urgent triage the whole
/// guidance comes first, with the local emergency number when the clinic set one; with any
/// triage but clear, the verdict's explanation; then the best fits (or, while they are
/// withheld, that nothing is recommended yet), the plan's booking, the body map, and the
/// next step.
pub fn summary<W: Write>(
    m: &mut W,
    texts: &Texts,
    assessment: &Assessment,
    intake: &Intake,
    config: &EmbedConfig,
    primary: Primary,
) {
    let triage = assessment.triage;
    let class = ["bpi-panel bpi-overview bpi-triage--", triage.as_str()].concat();
    m.open("div", &[("class", &class), ("data-results-summary", "")]);
    m.element("p", &[("class", "bpi-verdict")], texts.lookup(&text::triage_key(triage, Part::Title)));
    if triage != Triage::Clear {
        m.element("p", &[], texts.lookup(&text::triage_key(triage, Part::Body)));
    }
    if let (Triage::Emergency, Some(number)) = (triage, config.emergency_number.as_deref()) {
        let label = texts.format_ui(ui!("ui.emergency.call"), &[("number", number)]);
        m.open("p", &[("class", "bpi-call")]).element("a", &[("href", &["tel:", number].concat())], &label).close("p");
    }
    if assessment.withhold_recommendations {
        m.element("p", &[("class", "bpi-withheld")], texts.ui(ui!("ui.results.withheld")));
    } else {
        top_picks(m, texts, assessment);
    }
    m.open("div", &[("class", "bpi-overview-row")]);
    booking(m, texts, assessment);
    body_map(m, texts, intake, "bpi-map-summary");
    m.close("div");
    primary_action(m, texts, config, primary, triage.needs_care_now());
    m.close("div");
}

/// The recommended techniques, best first, each with the first reason it fits and, when
/// another fits exactly as well, that it does. With none recommended, the best fits
/// that are not to be avoided; one to use with care says so, with its first caution in
/// place of a reason (a caution is never left to the details).
fn top_picks<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    let all = &assessment.techniques;
    let recommended = all.iter().filter(|r| r.status == Status::Recommended).count();
    let wanted = |status: Status| if recommended > 0 { status == Status::Recommended } else { status != Status::Avoid };
    m.element("h3", &[("class", "bpi-picks-title")], texts.ui(ui!("ui.overview.picks")));
    m.open("ol", &[("class", "bpi-picks")]);
    for result in all.iter().filter(|r| wanted(r.status)).take(TOP_PICKS) {
        let fit = result.fit.to_string();
        m.open("li", &[("data-pick", result.id.as_str())]);
        m.element("strong", &[], texts.lookup(&Technique::text_key(result.id, "name")));
        m.text(" ").element("span", &[("class", "bpi-fit")], &texts.format_ui(ui!("ui.results.fit"), &[("fit", &fit)]));
        // A technique to use with care says so, and what care, before any reason to like it.
        if result.status == Status::Caution {
            m.text(" ").element("span", &[("class", "bpi-status bpi-status--caution")], texts.lookup("status.caution"));
        }
        let why = match result.cautions.first() {
            Some(caution) => Some(text::caution_key(*caution)),
            None => result.reasons.iter().find(|r| r.is_positive()).map(|r| text::reason_key(*r)),
        };
        if let Some(why) = why {
            m.element("span", &[("class", "bpi-pick-why")], texts.lookup(&why));
        }
        let tied: Vec<&str> =
            tied_with(all, result.id).into_iter().map(|id| texts.lookup(&Technique::text_key(id, "name"))).collect();
        if !tied.is_empty() {
            let note = texts.format_ui(ui!("ui.overview.tie"), &[("names", &tied.join(", "))]);
            m.element("span", &[("class", "bpi-pick-why")], &note);
        }
        m.close("li");
    }
    m.close("ol");
}

/// The next step as one button or link, carrying `data-primary-action`; `care_first` when
/// the guidance sends the person to medical care and asks them to take the summary.
fn primary_action<W: Write>(m: &mut W, texts: &Texts, config: &EmbedConfig, primary: Primary, care_first: bool) {
    let class = ("class", "bpi-button bpi-button--primary bpi-primary");
    let hook = ("data-primary-action", primary_code(primary));
    m.open("p", &[]);
    match (primary, &config.booking_url) {
        (Primary::Book, Some(url)) => {
            m.element("a", &[("href", url), class, hook, ("rel", "noopener")], texts.ui(ui!("ui.clinic.book")));
        }
        (Primary::Send, _) => {
            let clinic = config.clinic_name.as_deref().unwrap_or_else(|| texts.ui(ui!("ui.send.your_clinic")));
            let label = texts.format_ui(ui!("ui.send.title"), &[("clinic", clinic)]);
            m.open("button", &[("type", "button"), class, hook]).press(Press::Show(Section::Share)).text(&label);
            m.close("button");
        }
        (Primary::Print, _) => {
            let label = if care_first { ui!("ui.overview.print_care") } else { ui!("ui.results.print") };
            m.open("button", &[("type", "button"), class, hook]).press(Press::Print);
            m.text(texts.ui(label)).close("button");
        }
        _ => {
            // The share button itself (`data-action="share"`): one tap makes the link.
            let button = [("type", "button"), class, hook, ("data-action", "share")];
            m.open("button", &button).press(Press::MakeLink).text(texts.ui(ui!("ui.overview.share"))).close("button");
        }
    }
    m.close("p");
}

fn primary_code(primary: Primary) -> &'static str {
    match primary {
        Primary::Book => "book",
        Primary::Send => "send",
        Primary::Share => "share",
        Primary::Print => "print",
    }
}

/// Opens a detail section: `<section data-section>` named by its heading, whose button
/// (`aria-expanded`, `aria-controls`) opens or closes the body below it. A closed body
/// is `hidden` on screen; print shows every section. Close it with [`section_end`].
pub fn section_start<W: Write>(m: &mut W, texts: &Texts, section: Section, open: bool) {
    let code = section.as_str();
    let (id, body) = (["bpi-sec-", code].concat(), ["bpi-sec-body-", code].concat());
    m.open("section", &[("class", "bpi-sec"), ("data-section", code), ("aria-labelledby", &id)]);
    m.open("h3", &[("class", "bpi-sec-head")]);
    let expanded = if open { "true" } else { "false" };
    let toggle = [
        ("type", "button"),
        ("id", &id),
        ("class", "bpi-sec-toggle"),
        ("aria-expanded", expanded),
        ("aria-controls", &body),
    ];
    m.open("button", &toggle).press(Press::Open(section, !open));
    m.text(texts.ui(section_title(section))).close("button").close("h3");
    m.open("div", &[("id", &body), ("class", "bpi-sec-body"), (if open { "" } else { "hidden" }, "")]);
}

/// Closes what [`section_start`] opened.
pub fn section_end<W: Write>(m: &mut W) {
    m.close("div").close("section");
}

/// The name of a section, as its toggle reads.
pub fn section_title(section: Section) -> crate::domain::text::UiKey {
    match section {
        Section::Safety => ui!("ui.section.safety"),
        Section::Outlook => ui!("ui.results.outlook.title"),
        Section::Techniques => ui!("ui.results.ranking.title"),
        Section::Comparison => ui!("ui.table.title"),
        Section::Plan => ui!("ui.plan.title"),
        Section::SelfCare => ui!("ui.section.self_care"),
        Section::Progress => ui!("ui.checkin.title"),
        Section::Answers => ui!("ui.results.summary.title"),
        Section::Share => ui!("ui.share.title"),
    }
}
