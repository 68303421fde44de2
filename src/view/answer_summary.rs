//! A short summary of the main answers, for the person to check and the therapist to read.

use super::html::Write;
use super::texts::Texts;
use crate::domain::choices::Pregnancy;
use crate::domain::intake::Answer;
use crate::domain::question::QuestionId;
use crate::domain::questionnaire::{Control, Questionnaire};
use crate::domain::text::{option_key, UiKey};
use crate::domain::Intake;

/// The answers summarised, in order, each with the key of its short label.
const ROWS: [(QuestionId, UiKey); 9] = [
    (QuestionId::Age, ui!("ui.results.summary.age")),
    (QuestionId::Pregnancy, ui!("ui.results.summary.pregnancy")),
    (QuestionId::Location, ui!("ui.results.summary.location")),
    (QuestionId::Duration, ui!("ui.results.summary.duration")),
    (QuestionId::PainNow, ui!("ui.results.summary.pain_now")),
    (QuestionId::PainWorstWeek, ui!("ui.results.summary.pain_worst")),
    (QuestionId::Conditions, ui!("ui.results.summary.conditions")),
    (QuestionId::Pressure, ui!("ui.results.summary.pressure")),
    (QuestionId::Goal, ui!("ui.results.summary.goal")),
];

/// The words of an answer: a number (pain as "n out of 10"), a choice by its option
/// label, the choices of a many-choice answer (or "none"), yes or no (agree or disagree
/// for a statement), or "not answered".
pub fn answer_words(texts: &Texts, id: QuestionId, answer: Option<Answer>) -> Vec<String> {
    let codes = id.kind().codes();
    let label = |position: usize| {
        codes.get(position).map_or_else(String::new, |code| texts.lookup(&option_key(id, code)).to_owned())
    };
    match answer {
        None => vec![texts.ui(ui!("ui.results.summary.not_answered")).to_owned()],
        Some(Answer::Integer(n)) if id == QuestionId::Age => vec![n.to_string()],
        Some(Answer::Integer(n)) => {
            vec![texts.format_ui(ui!("ui.results.summary.pain_value"), &[("n", &n.to_string())])]
        }
        Some(Answer::One(position)) => vec![label(usize::from(position))],
        Some(Answer::Many(set)) if set.is_empty() => vec![texts.ui(ui!("ui.results.summary.none")).to_owned()],
        Some(Answer::Many(set)) => set.positions().map(label).collect(),
        Some(Answer::Bool(yes)) => {
            let statement = Questionnaire::get().question(id).is_some_and(|q| q.control == Control::AgreeDisagree);
            let key = match (statement, yes) {
                (false, true) => "common.yes",
                (false, false) => "common.no",
                (true, true) => "common.agree",
                (true, false) => "common.disagree",
            };
            vec![texts.lookup(key).to_owned()]
        }
    }
}

/// Age, pregnancy (only when it applies), where it hurts, for how long, the pain now and
/// at its worst, health conditions, preferred pressure and goal, each in the words of the
/// questionnaire's options and "not answered" when missing.
pub fn answer_summary<W: Write>(m: &mut W, texts: &Texts, intake: &Intake) {
    let answers = &intake.answers;
    m.panel("bpi-panel bpi-summary", "bpi-summary-title", texts.ui(ui!("ui.results.summary.title")), &[]);
    m.open("dl", &[("class", "bpi-summary-list")]);
    let not_pregnant = Some(Answer::One(Pregnancy::NotApplicable.index() as u8));
    for (id, key) in ROWS {
        let answer = answers.get(id);
        if id == QuestionId::Pregnancy && (answer.is_none() || answer == not_pregnant) {
            continue;
        }
        let words = answer_words(texts, id, answer);
        m.open("div", &[]).element("dt", &[], texts.ui(key)).open("dd", &[]);
        match words.as_slice() {
            [one] => {
                m.text(one);
            }
            many => {
                m.list(many);
            }
        }
        m.close("dd").close("div");
    }
    m.close("dl").close("section");
}
