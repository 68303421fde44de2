//! One intake on one page, written for the clinician who receives it: when it was
//! completed and in which answer format; the triage with every flag; every red-flag
//! question with its answer, so that a negative screen is documented; conditions and
//! pregnancy; the pain, with a body diagram of where it hurts; the outlook check item by
//! item; preferences; every technique with status, fit and cautions; the check-ins; and
//! what the person was told.
//!
//! Written through [`Write`] like every view: the clinician page renders it, and it is
//! tested natively as HTML (`tests/view.rs`). DOM hooks (architecture.md): the root
//! carries `data-clinician-summary` and `data-triage`; each red-flag question's row
//! `data-red-flag="<id>"` with `data-answer="yes|no|unanswered"`; the outlook scores
//! `data-outlook-total`, `data-outlook-psychosocial` and `data-outlook`; each technique
//! row `data-technique`, `data-status` and `data-fit`; and each flag `data-flag`.

use super::answer_summary::answer_words;
use super::html::Write;
use super::progress_chart::progress_chart;
use super::technique_card::status_label;
use super::texts::Texts;
use super::Press;
use crate::domain::checkins::Date;
use crate::domain::choices::Location;
use crate::domain::inbox::{FileProblem, Inbox, Problem};
use crate::domain::intake::Answer;
use crate::domain::outlook;
use crate::domain::question::QuestionId;
use crate::domain::questionnaire::{Questionnaire, StepId};
use crate::domain::techniques::Technique;
use crate::domain::text::{self, caution_key, flag_key, question_key, Part, UiKey};
use crate::domain::{Assessment, Intake, Status};

/// The intake to summarise, and what is known about it.
pub struct Record<'a> {
    pub intake: &'a Intake,
    pub assessment: &'a Assessment,
    /// The day it was completed, when known.
    pub completed: Option<Date>,
    /// The day it was sent to the clinic (a sealed link), when known.
    pub sent: Option<Date>,
    /// The name or initials the person gave their therapist.
    pub initials: Option<&'a str>,
    /// The answer format it was written in.
    pub format: u64,
}

/// The pain questions, in the order a clinician reads them; the last two are safety
/// answers behind the inflammatory-pattern flag.
const PAIN: [QuestionId; 9] = [
    QuestionId::PainNow,
    QuestionId::PainWorstWeek,
    QuestionId::Duration,
    QuestionId::Onset,
    QuestionId::Pattern,
    QuestionId::Aggravators,
    QuestionId::NightPain,
    QuestionId::MorningStiffness,
    QuestionId::OnsetBefore45,
];

/// The preference questions.
const PREFERENCES: [QuestionId; 8] = [
    QuestionId::Experience,
    QuestionId::LikedTechniques,
    QuestionId::Pressure,
    QuestionId::Goal,
    QuestionId::Heat,
    QuestionId::Clothed,
    QuestionId::SessionMinutes,
    QuestionId::OtherCare,
];

/// The whole summary, as one `<article>`.
pub fn clinician_summary<W: Write>(m: &mut W, texts: &Texts, record: &Record) {
    let (intake, assessment) = (record.intake, record.assessment);
    let root =
        [("class", "bpi-clinician"), ("data-clinician-summary", ""), ("data-triage", assessment.triage.as_str())];
    m.open("article", &root);
    m.element("h2", &[("class", "bpi-clinician-title")], texts.ui(ui!("ui.clinician.title")));
    let dated = match (record.completed, record.sent) {
        (Some(date), _) => texts.format_ui(ui!("ui.clinician.completed"), &[("date", &texts.date(date))]),
        (None, Some(date)) => texts.format_ui(ui!("ui.clinician.sent"), &[("date", &texts.date(date))]),
        (None, None) => texts.ui(ui!("ui.clinician.not_dated")).to_owned(),
    };
    let format = texts.format_ui(ui!("ui.clinician.format"), &[("format", &record.format.to_string())]);
    let mut meta = vec![dated, format];
    if let Some(initials) = record.initials {
        meta.insert(0, texts.format_ui(ui!("ui.clinician.initials"), &[("initials", initials)]));
    }
    m.element("p", &[("class", "bpi-clinician-meta")], &meta.join(" · "));

    triage(m, texts, assessment);
    red_flags(m, texts, intake);
    section(m, texts, "bpi-cs-conditions", ui!("ui.clinician.conditions"));
    answers(m, texts, intake, &[QuestionId::Conditions, QuestionId::Pregnancy, QuestionId::Age]);
    m.close("section");
    section(m, texts, "bpi-cs-pain", ui!("ui.clinician.pain"));
    body_diagram(m, texts, intake);
    answers(m, texts, intake, &PAIN);
    m.close("section");
    outlook_items(m, texts, record);
    section(m, texts, "bpi-cs-preferences", ui!("ui.clinician.preferences"));
    answers(m, texts, intake, &PREFERENCES);
    m.close("section");
    techniques(m, texts, assessment);
    checkins(m, texts, intake);
    told(m, texts, assessment);
    m.close("article");
}

/// Opens a `<section>` titled by an `h3` with this id.
fn section<W: Write>(m: &mut W, texts: &Texts, id: &'static str, title: UiKey) {
    m.open("section", &[("class", "bpi-clinician-section"), ("aria-labelledby", id)]);
    m.element("h3", &[("id", id)], texts.ui(title));
}

/// Each question's label and answer, as a definition list; questions not shown for
/// these answers (pregnancy for a man, say) are left out, unanswered ones say so. Red
/// flags carry `data-red-flag` and `data-answer`.
fn answers<W: Write>(m: &mut W, texts: &Texts, intake: &Intake, ids: &[QuestionId]) {
    let questionnaire = Questionnaire::get();
    m.open("dl", &[("class", "bpi-clinician-answers")]);
    for id in ids {
        if questionnaire.question(*id).is_some_and(|q| !q.is_shown(&intake.answers)) {
            continue;
        }
        let red_flag = questionnaire.step(StepId::SafetyCheck).is_some_and(|s| s.questions.iter().any(|q| q.id == *id));
        let answer = match intake.answers.get(*id) {
            Some(Answer::Bool(true)) => "yes",
            Some(Answer::Bool(false)) => "no",
            _ => "unanswered",
        };
        let hooks =
            if red_flag { [("data-red-flag", id.as_str()), ("data-answer", answer)] } else { [("", ""), ("", "")] };
        m.open("div", &hooks).element("dt", &[], label(texts, *id)).open("dd", &[]);
        match answer_words(texts, *id, intake.answers.get(*id)).as_slice() {
            [one] => m.text(one),
            many => m.list(many),
        };
        m.close("dd").close("div");
    }
    m.close("dl");
}

/// A question as the clinician reads it: a red-flag question by its short clinical name
/// (`ui.clinician.rf.<id>`, from the contract's table of answers), any other by its label.
fn label(texts: &Texts, id: QuestionId) -> &'static str {
    let short = texts.lookup(&["ui.clinician.rf.", id.as_str()].concat());
    if short != "?" {
        return short;
    }
    texts.lookup(&question_key(id, "label"))
}

/// The triage level and its advice, and every raised flag explained.
fn triage<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    section(m, texts, "bpi-cs-triage", ui!("ui.clinician.triage"));
    let level = texts.lookup(&text::triage_key(assessment.triage, Part::Title));
    m.element("p", &[("class", "bpi-clinician-triage")], level);
    if assessment.flags.is_empty() {
        m.element("p", &[], texts.ui(ui!("ui.clinician.no_flags")));
    } else {
        m.open("ul", &[("class", "bpi-clinician-flags")]);
        for flag in &assessment.flags {
            m.element("li", &[("data-flag", flag.as_str())], texts.lookup(&flag_key(*flag)));
        }
        m.close("ul");
    }
    if !assessment.missing.is_empty() {
        let missing: Vec<&str> = assessment.missing.iter().map(|id| label(texts, *id)).collect();
        m.element("p", &[], texts.ui(ui!("ui.clinician.missing"))).list(&missing);
    }
    m.close("section");
}

/// Every red-flag question with its answer, and how many were answered and positive.
fn red_flags<W: Write>(m: &mut W, texts: &Texts, intake: &Intake) {
    section(m, texts, "bpi-cs-red-flags", ui!("ui.clinician.red_flags"));
    let questionnaire = Questionnaire::get();
    let shown: Vec<QuestionId> = questionnaire
        .step(StepId::SafetyCheck)
        .map(|step| step.questions.iter().filter(|q| q.is_shown(&intake.answers)).map(|q| q.id).collect())
        .unwrap_or_default();
    let answered = shown.iter().filter(|id| intake.answers.is_answered(**id)).count();
    let positive = shown.iter().filter(|id| intake.answers.get(**id) == Some(Answer::Bool(true))).count();
    let counts = [("answered", answered.to_string()), ("total", shown.len().to_string())];
    let mut args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let positive_text = positive.to_string();
    let count = match positive {
        0 => texts.format_ui(ui!("ui.clinician.screen_none"), &args),
        1 => texts.format_ui(ui!("ui.clinician.screen_one"), &args),
        _ => {
            args.push(("positive", &positive_text));
            texts.format_ui(ui!("ui.clinician.screen_some"), &args)
        }
    };
    m.element("p", &[("class", "bpi-clinician-count")], &count);
    answers(m, texts, intake, &shown);
    m.close("section");
}

/// Where it hurts, shaded on a simple figure seen from behind; its accessible name lists
/// the places, so the picture says nothing the text does not.
fn body_diagram<W: Write>(m: &mut W, texts: &Texts, intake: &Intake) {
    let places: Vec<Location> = Location::ALL
        .iter()
        .copied()
        .filter(|place| intake.answers.has_code(QuestionId::Location, place.as_str()))
        .collect();
    let names: Vec<&str> =
        places.iter().map(|place| texts.lookup(&text::option_key(QuestionId::Location, place.as_str()))).collect();
    let label = if names.is_empty() {
        texts.ui(ui!("ui.clinician.body_none")).to_owned()
    } else {
        texts.format_ui(ui!("ui.clinician.body"), &[("places", &names.join(", "))])
    };
    // The figure, 120 by 200: each place one or two rectangles.
    const REGIONS: [(Location, &[[u8; 4]]); 6] = [
        (Location::NeckShoulder, &[[40, 22, 40, 14]]),
        (Location::UpperBack, &[[36, 38, 48, 20]]),
        (Location::MidBack, &[[38, 60, 44, 18]]),
        (Location::LowerBack, &[[38, 80, 44, 18]]),
        (Location::ButtockHip, &[[34, 100, 52, 22]]),
        (Location::Leg, &[[36, 124, 20, 70], [64, 124, 20, 70]]),
    ];
    m.open("svg", &[("viewBox", "0 0 120 200"), ("role", "img"), ("aria-label", &label), ("class", "bpi-body")]);
    m.open("circle", &[("cx", "60"), ("cy", "11"), ("r", "9"), ("class", "bpi-body-part")]).close("circle");
    for (place, rects) in REGIONS {
        let class = if places.contains(&place) { "bpi-body-part bpi-body-part--hurts" } else { "bpi-body-part" };
        for [x, y, width, height] in rects {
            let (x, y, width, height) = (x.to_string(), y.to_string(), width.to_string(), height.to_string());
            let attributes = [
                ("x", x.as_str()),
                ("y", y.as_str()),
                ("width", width.as_str()),
                ("height", height.as_str()),
                ("rx", "4"),
                ("class", class),
                ("data-place", place.as_str()),
            ];
            m.open("rect", &attributes).close("rect");
        }
    }
    m.close("svg");
    m.element("p", &[("class", "bpi-clinician-body-text")], &label);
}

/// The nine outlook items with their answers, then the scores.
fn outlook_items<W: Write>(m: &mut W, texts: &Texts, record: &Record) {
    section(m, texts, "bpi-cs-outlook", ui!("ui.clinician.outlook"));
    let items: Vec<QuestionId> = outlook::items().collect();
    answers(m, texts, record.intake, &items);
    match record.assessment.stratification {
        Some(score) => {
            let (total, psychosocial) = (score.total.to_string(), score.psychosocial.to_string());
            let group = texts.lookup(&text::outlook_key(score.risk, Part::Title));
            let scores = texts.format_ui(
                ui!("ui.clinician.outlook_scores"),
                &[("total", &total), ("psychosocial", &psychosocial), ("group", group)],
            );
            let hooks = [
                ("class", "bpi-clinician-scores"),
                ("data-outlook", score.risk.as_str()),
                ("data-outlook-total", &total),
                ("data-outlook-psychosocial", &psychosocial),
            ];
            m.element("p", &hooks, &scores);
        }
        None => {
            m.element("p", &[("class", "bpi-clinician-scores")], texts.ui(ui!("ui.clinician.outlook_unscored")));
        }
    }
    m.element("p", &[("class", "bpi-note")], texts.ui(ui!("ui.clinician.outlook_about")));
    m.close("section");
}

/// Opens a table with these column headings, leaving its body open.
fn table_head<W: Write>(m: &mut W, texts: &Texts, columns: &[UiKey]) {
    m.open("table", &[("class", "bpi-clinician-table")]).open("thead", &[]).open("tr", &[]);
    for key in columns {
        m.element("th", &[("scope", "col")], texts.ui(*key));
    }
    m.close("tr").close("thead").open("tbody", &[]);
}

/// Every technique in the assessment's order, with its status, fit and cautions.
fn techniques<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    section(m, texts, "bpi-cs-techniques", ui!("ui.clinician.techniques"));
    let reading = assessment.triage.reading();
    let columns = [
        ui!("ui.clinician.technique"),
        ui!("ui.clinician.status"),
        ui!("ui.clinician.fit"),
        ui!("ui.clinician.cautions"),
    ];
    table_head(m, texts, &columns);
    // Each caution is written once, numbered below the table; a technique's row gives the
    // numbers of its cautions (several techniques share most of them).
    let mut cautions = Vec::new();
    for result in &assessment.techniques {
        let fit = result.fit.to_string();
        let hooks =
            [("data-technique", result.id.as_str()), ("data-status", result.status.as_str()), ("data-fit", &fit)];
        m.open("tr", &hooks);
        m.element("th", &[("scope", "row")], texts.lookup(&Technique::text_key(result.id, "name")));
        m.element("td", &[], status_label(texts, result.status, reading)).element("td", &[], &fit);
        let numbers: Vec<String> = result
            .cautions
            .iter()
            .map(|caution| {
                let at = cautions.iter().position(|c| c == caution).unwrap_or_else(|| {
                    cautions.push(*caution);
                    cautions.len() - 1
                });
                (at + 1).to_string()
            })
            .collect();
        let numbers = if numbers.is_empty() { "–".to_owned() } else { numbers.join(", ") };
        m.element("td", &[], &numbers);
        m.close("tr");
    }
    m.close("tbody").close("table");
    if !cautions.is_empty() {
        m.open("ol", &[("class", "bpi-clinician-cautions")]);
        for caution in cautions {
            m.element("li", &[], texts.lookup(&caution_key(caution)));
        }
        m.close("ol");
    }
    m.close("section");
}

/// The pain line and every check-in's numbers.
fn checkins<W: Write>(m: &mut W, texts: &Texts, intake: &Intake) {
    section(m, texts, "bpi-cs-checkins", ui!("ui.clinician.checkins"));
    if intake.checkins.is_empty() {
        m.element("p", &[], texts.ui(ui!("ui.clinician.no_checkins")));
        m.close("section");
        return;
    }
    progress_chart(m, texts, intake);
    let columns = [
        ui!("ui.clinician.date"),
        ui!("ui.clinician.pain_now"),
        ui!("ui.clinician.pain_worst"),
        ui!("ui.clinician.sessions"),
    ];
    table_head(m, texts, &columns);
    for checkin in &intake.checkins {
        m.open("tr", &[]).element("th", &[("scope", "row")], &texts.date(checkin.date));
        for value in [checkin.pain_now, checkin.pain_worst_week, checkin.sessions] {
            m.element("td", &[], &value.to_string());
        }
        m.close("tr");
    }
    m.close("tbody").close("table").close("section");
}

/// What the person read: the triage advice, how often to book, and the techniques
/// recommended (none while recommendations are withheld).
fn told<W: Write>(m: &mut W, texts: &Texts, assessment: &Assessment) {
    section(m, texts, "bpi-cs-told", ui!("ui.clinician.told"));
    m.element("p", &[], texts.lookup(&text::triage_key(assessment.triage, Part::Body)));
    if let Some(frequency) = assessment.frequency {
        m.element("p", &[], texts.lookup(&text::frequency_key(frequency)));
    }
    let recommended: Vec<&str> = assessment
        .techniques
        .iter()
        .filter(|t| t.status == Status::Recommended)
        .map(|t| texts.lookup(&Technique::text_key(t.id, "name")))
        .collect();
    if !recommended.is_empty() {
        m.element("p", &[], texts.ui(ui!("ui.clinician.recommended"))).list(&recommended);
    }
    m.close("section");
}

/// The intakes opened on the clinician page, most serious first: each a button
/// (`data-select="<position>"`, pressed as [`Press::Select`]) with its triage, outlook and
/// where it came from; the one on screen carries `aria-current`.
pub fn inbox_list<W: Write>(m: &mut W, texts: &Texts, inbox: &Inbox) {
    m.open("nav", &[("class", "bpi-inbox"), ("aria-labelledby", "bpi-inbox-title")]);
    m.element("h2", &[("id", "bpi-inbox-title")], texts.ui(ui!("ui.clinician.list")));
    if inbox.opened().is_empty() {
        m.element("p", &[], texts.ui(ui!("ui.clinician.empty"))).close("nav");
        return;
    }
    let selected = inbox.selected().map(|(index, _)| index);
    m.open("ol", &[("class", "bpi-inbox-list")]);
    for index in inbox.by_triage() {
        let opened = &inbox.opened()[index];
        let triage = opened.assessment.triage;
        let position = index.to_string();
        let current = if selected == Some(index) { ("aria-current", "true") } else { ("", "") };
        let class = ["bpi-inbox-item bpi-triage--", triage.as_str()].concat();
        m.open("li", &[]);
        let attributes = [
            ("type", "button"),
            ("class", class.as_str()),
            ("data-select", &position),
            ("data-triage", triage.as_str()),
            current,
        ];
        m.open("button", &attributes).press(Press::Select(index));
        m.element("strong", &[], texts.lookup(&text::triage_key(triage, Part::Title)));
        let source = match (&opened.initials, opened.source.as_str()) {
            (Some(initials), _) => initials.as_str(),
            (None, "") => texts.ui(ui!("ui.clinician.from_link")),
            (None, name) => name,
        };
        m.element("span", &[("class", "bpi-inbox-source")], source);
        let mut facts = Vec::new();
        if let Some(sent) = opened.sent {
            facts.push(texts.format_ui(ui!("ui.clinician.sent"), &[("date", &texts.date(sent))]));
        }
        if let Some(score) = opened.assessment.stratification {
            facts.push(format!(
                "{}: {}",
                texts.ui(ui!("ui.clinician.outlook")),
                texts.lookup(&text::outlook_key(score.risk, Part::Title))
            ));
        }
        if !facts.is_empty() {
            m.element("span", &[("class", "bpi-inbox-facts")], &facts.join(" · "));
        }
        m.close("button").close("li");
    }
    m.close("ol").close("nav");
}

/// What could not be opened, and why, as one alert (`data-notice="clinician-problems"`).
pub fn inbox_problems<W: Write>(m: &mut W, texts: &Texts, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let lines: Vec<String> = problems
        .iter()
        .map(|problem| match problem {
            Problem::Link(code) => texts.lookup(&text::share_error_key(*code)).to_owned(),
            Problem::File(name, why) => {
                let why = match why {
                    FileProblem::TooLarge => texts.ui(ui!("ui.import.too_large")).to_owned(),
                    FileProblem::Unreadable => texts.ui(ui!("ui.import.unreadable")).to_owned(),
                    FileProblem::TooMany => texts.ui(ui!("ui.clinician.too_many")).to_owned(),
                    FileProblem::NotAnswers(error) => texts.format_ui(error.text_key(), &[("field", error.place())]),
                };
                texts.format_ui(ui!("ui.clinician.problem_file"), &[("name", name), ("why", &why)])
            }
        })
        .collect();
    let attributes =
        [("class", "bpi-notice bpi-notice--alert"), ("role", "alert"), ("data-notice", "clinician-problems")];
    m.open("div", &attributes).element("p", &[], texts.ui(ui!("ui.clinician.problems"))).list(&lines).close("div");
}
