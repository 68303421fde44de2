//! A short summary of the main answers, for the person to check and the therapist to read.

use yew::prelude::*;

use super::markup::{list, panel};
use super::texts::Texts;
use crate::domain::answers::{Answer, Pregnancy};
use crate::domain::questionnaire::QuestionId;
use crate::domain::text::option_key;
use crate::domain::Intake;

/// The answers summarised, in order, each with the key of its short label.
const ROWS: [(QuestionId, &str); 9] = [
    (QuestionId::Age, "ui.results.summary.age"),
    (QuestionId::Pregnancy, "ui.results.summary.pregnancy"),
    (QuestionId::Location, "ui.results.summary.location"),
    (QuestionId::Duration, "ui.results.summary.duration"),
    (QuestionId::PainNow, "ui.results.summary.pain_now"),
    (QuestionId::PainWorstWeek, "ui.results.summary.pain_worst"),
    (QuestionId::Conditions, "ui.results.summary.conditions"),
    (QuestionId::Pressure, "ui.results.summary.pressure"),
    (QuestionId::Goal, "ui.results.summary.goal"),
];

/// The words of an answer: a number (pain as "n out of 10"), a choice by its option
/// label, the choices of a many-choice answer (or "none"), or "not answered".
fn answer_words(texts: &Texts, id: QuestionId, answer: Option<Answer>) -> Vec<AttrValue> {
    let codes = id.kind().codes();
    let label = |position: usize| -> AttrValue {
        codes.get(position).map_or_else(String::new, |code| texts.t(&option_key(id, code)).to_owned()).into()
    };
    match answer {
        None => vec![texts.t("ui.results.summary.not_answered").into()],
        Some(Answer::Integer(n)) if id == QuestionId::Age => vec![n.to_string().into()],
        Some(Answer::Integer(n)) => {
            vec![texts.format("ui.results.summary.pain_value", &[("n", &n.to_string())]).into()]
        }
        Some(Answer::One(position)) => vec![label(usize::from(position))],
        Some(Answer::Many(set)) if set.is_empty() => vec![texts.t("ui.results.summary.none").into()],
        Some(Answer::Many(set)) => set.positions().map(label).collect(),
        Some(Answer::Bool(_)) => Vec::new(),
    }
}

/// Age, pregnancy (only when it applies), where it hurts, for how long, the pain now and
/// at its worst, health conditions, preferred pressure and goal, each in the words of the
/// questionnaire's options and "not answered" when missing.
pub(super) fn answer_summary(texts: &Texts, intake: &Intake) -> Html {
    let answers = &intake.answers;
    let rows = ROWS.iter().filter_map(|&(id, key)| {
        let answer = answers.get(id);
        let not_pregnant = Some(Answer::One(Pregnancy::NotApplicable.index() as u8));
        if id == QuestionId::Pregnancy && (answer.is_none() || answer == not_pregnant) {
            return None;
        }
        let mut words = answer_words(texts, id, answer);
        let value = if words.len() == 1 { Html::from(words.remove(0)) } else { list(words) };
        Some(html! {
            <div key={key}>
                <dt>{ texts.t(key) }</dt>
                <dd>{ value }</dd>
            </div>
        })
    });
    let body = html! { <dl class="bpi-summary-list">{ for rows }</dl> };
    panel("bpi-panel bpi-summary", "bpi-summary-title", texts.t("ui.results.summary.title").into(), body)
}
