//! The intake's static parts around the number fields: the progress bar, each choice
//! question with its radio buttons or checkboxes, and a step's Back / Next.
//!
//! DOM hooks (shared/design/architecture.md): every question's container carries
//! `data-question="<id>"`; a choice input's `value` is its code (`true`/`false` for yes
//! or no, the number for a scale point); the step buttons `data-action="back|next|results"`
//! and the reachable steps `data-goto="<step>"`. The inputs hold no listener: the step's
//! form listens for every change at once (`ui::question_field::on_choice_change`).

use super::html::Write;
use super::texts::Texts;
use super::Press;
use crate::domain::input::NONE_OF_THESE;
use crate::domain::intake::{Answer, CodeSet};
use crate::domain::question::Kind;
use crate::domain::questionnaire::{Control, Question, StepId};
use crate::domain::text::{self, option_key, question_key, Part};

/// The step names (reachable ones are buttons, `data-goto="<step>"`, pressed as
/// [`Press::Go`]), the current step marked, and "Step n of 6, p% done" with a meter.
pub fn progress<W: Write>(m: &mut W, texts: &Texts, here: StepId, reachable: &[StepId], percent: u8) {
    let (number, total, percent) = ((here.index() + 1).to_string(), StepId::ALL.len().to_string(), percent.to_string());
    let summary =
        texts.format_ui(ui!("ui.progress.summary"), &[("step", &number), ("total", &total), ("percent", &percent)]);
    m.open("nav", &[("class", "bpi-progress"), ("aria-label", texts.ui(ui!("ui.progress.label")))]);
    m.element("p", &[("class", "bpi-progress-summary"), ("id", "bpi-progress-summary")], &summary);
    let meter = [
        ("class", "bpi-progress-meter"),
        ("max", "100"),
        ("value", &percent),
        ("aria-labelledby", "bpi-progress-summary"),
    ];
    m.element("progress", &meter, "");
    m.open("ol", &[("class", "bpi-progress-steps")]);
    for &step in StepId::ALL {
        let title = texts.lookup(&text::step_key(step, Part::Title));
        let current = step == here;
        let class = match (current, step.index() < here.index()) {
            (true, _) => "bpi-progress-step bpi-progress-step--current",
            (_, true) => "bpi-progress-step bpi-progress-step--done",
            _ => "bpi-progress-step",
        };
        m.open("li", &[("class", class), (if current { "aria-current" } else { "" }, "step")]);
        if !current && reachable.contains(&step) {
            let button = [("type", "button"), ("class", "bpi-link"), ("data-goto", step.as_str())];
            m.open("button", &button).press(Press::Go(step)).text(title).close("button");
        } else {
            m.element("span", &[], title);
        }
        m.close("li");
    }
    m.close("ol").close("nav");
}

/// The start of a question's container (`data-question`), which [`question_end`] closes:
/// a choice question's fieldset with its legend, help and error, or for a number field its
/// label, help and error (the field itself is the caller's).
pub fn question_start<W: Write>(m: &mut W, texts: &Texts, question: &Question, invalid: bool) {
    let id = question.id.as_str();
    let (help_id, error_id) = (["bpi-help-", id].concat(), ["bpi-error-", id].concat());
    let class = if invalid { "bpi-q bpi-q--invalid" } else { "bpi-q" };
    m.open("div", &[("class", class), ("id", &["bpi-q-", id].concat()), ("data-question", id)]).key(id);
    let label_key = question_key(question.id, "label");
    let label = texts.t(&label_key);
    let number = question.control == Control::Number;
    if number {
        m.open("label", &[("class", "bpi-q-label"), ("for", &["bpi-in-", id].concat())]);
    } else {
        let described = match (question.help, invalid) {
            (true, true) => [help_id.as_str(), " ", &error_id].concat(),
            (true, false) => help_id.clone(),
            (false, true) => error_id.clone(),
            (false, false) => String::new(),
        };
        m.open(
            "fieldset",
            &[("class", "bpi-fieldset"), (if described.is_empty() { "" } else { "aria-describedby" }, &described)],
        );
        m.open("legend", &[("class", "bpi-q-label")]);
    }
    m.text(label);
    if question.required {
        m.element("span", &[("class", "bpi-required"), ("aria-hidden", "true")], " *");
    }
    m.close(if number { "label" } else { "legend" });
    if question.help {
        m.element("p", &[("class", "bpi-help"), ("id", &help_id)], texts.t(&question_key(question.id, "help")));
    }
    if invalid {
        m.element("p", &[("class", "bpi-field-error"), ("id", &error_id)], texts.ui(ui!("ui.field.required")));
    }
}

/// Closes what [`question_start`] opened.
pub fn question_end<W: Write>(m: &mut W, question: &Question) {
    if question.control != Control::Number {
        m.close("fieldset");
    }
    m.close("div");
}

/// The radio buttons or checkboxes of a choice, scale or yes/no question, the given
/// answer ticked.
pub fn choice_options<W: Write>(m: &mut W, texts: &Texts, question: &Question, answer: Option<Answer>) {
    let id = question.id;
    let name = ["bpi-", id.as_str()].concat();
    match (id.kind(), question.control) {
        (Kind::Integer { min, max }, _) => {
            let chosen = match answer {
                Some(Answer::Integer(n)) => Some(n),
                _ => None,
            };
            scale(m, texts, &name, min..=max, chosen);
        }
        (Kind::Bool, control) => {
            let (yes, no) = if control == Control::AgreeDisagree {
                ("common.agree", "common.disagree")
            } else {
                ("common.yes", "common.no")
            };
            m.open("div", &[("class", "bpi-options bpi-options--pair")]);
            option(m, &name, "radio", "true", answer == Some(Answer::Bool(true)), texts.t(yes), "bpi-option");
            option(m, &name, "radio", "false", answer == Some(Answer::Bool(false)), texts.t(no), "bpi-option");
            m.close("div");
        }
        (kind, _) => {
            let many = matches!(kind, Kind::Many { .. });
            let codes = kind.codes();
            let checked = |position: usize| match answer {
                Some(Answer::One(p)) => usize::from(p) == position,
                Some(Answer::Many(set)) => set.contains_position(position),
                _ => false,
            };
            let input_kind = if many { "checkbox" } else { "radio" };
            m.open("div", &[("class", if many { "bpi-options bpi-options--many" } else { "bpi-options" })]);
            for code in question.codes {
                if let Some(position) = codes.iter().position(|c| c == code) {
                    let label = texts.lookup(&option_key(id, code));
                    option(m, &name, input_kind, code, checked(position), label, "bpi-option");
                }
            }
            // A required list that may be empty (the conditions) needs an explicit "none
            // of these": an untouched list must not read as "none".
            if matches!(kind, Kind::Many { min: 0, .. } if question.required) {
                let chosen = answer == Some(Answer::Many(CodeSet::EMPTY));
                let label = texts.ui(ui!("ui.field.none_of_these"));
                option(m, &name, "checkbox", NONE_OF_THESE, chosen, label, "bpi-option bpi-option--none");
            }
            m.close("div");
        }
    }
}

/// A scale of radio buttons named `name` (their ids `<name>-<n>`), its ends explained,
/// `chosen` ticked.
pub fn scale<W: Write>(m: &mut W, texts: &Texts, name: &str, points: std::ops::RangeInclusive<u8>, chosen: Option<u8>) {
    m.open("p", &[("class", "bpi-scale-anchors"), ("aria-hidden", "true")]);
    m.element("span", &[], texts.ui(ui!("ui.scale.low"))).element("span", &[], texts.ui(ui!("ui.scale.high")));
    m.close("p").open("div", &[("class", "bpi-scale")]);
    for n in points {
        let value = n.to_string();
        let input_id = [name, "-", &value].concat();
        let label = match n {
            0 => texts.format_ui(ui!("ui.scale.point_low"), &[("n", "0")]),
            10 => texts.format_ui(ui!("ui.scale.point_high"), &[("n", "10")]),
            _ => value.clone(),
        };
        m.open("span", &[("class", "bpi-scale-point")]);
        input(m, "radio", &input_id, name, &value, chosen == Some(n), "");
        m.element("label", &[("for", &input_id), ("aria-label", &label)], &value).close("span");
    }
    m.close("div");
}

/// One radio button or checkbox inside its label.
fn option<W: Write>(m: &mut W, name: &str, kind: &'static str, value: &str, checked: bool, label: &str, class: &str) {
    let input_id = [name, "-", value].concat();
    m.open("label", &[("class", class), ("for", &input_id)]);
    let none = if value == NONE_OF_THESE { "data-none" } else { "" };
    input(m, kind, &input_id, name, value, checked, none);
    m.element("span", &[], label).close("label");
}

/// An input whose `checked` is its state (not only its default): see [`Write::open`].
fn input<W: Write>(
    m: &mut W,
    kind: &'static str,
    id: &str,
    name: &str,
    value: &str,
    checked: bool,
    flag: &'static str,
) {
    let checked = if checked { "true" } else { "false" };
    let attributes =
        [("type", kind), ("id", id), ("name", name), ("value", value), ("checked", checked), (flag, "true")];
    m.open("input", &attributes).close("input");
}

/// Back, and Next (or "see my results" on the last step).
pub fn step_nav<W: Write>(m: &mut W, texts: &Texts, step: StepId) {
    let last = StepId::from_index(step.index() + 1).is_none();
    let (action, key, press) = if last {
        ("results", ui!("ui.step.results"), Press::ShowResults)
    } else {
        ("next", ui!("ui.step.next"), Press::Next)
    };
    m.open("div", &[("class", "bpi-nav")]);
    m.open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "back")]).press(Press::Back);
    m.text(texts.ui(ui!("ui.step.back"))).close("button");
    let forward = [("type", "button"), ("class", "bpi-button bpi-button--primary"), ("data-action", action)];
    m.open("button", &forward).press(press).text(texts.ui(key)).close("button");
    m.close("div");
}
