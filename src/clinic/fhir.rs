//! FHIR R4 for a clinic's records system: the intake as a `Questionnaire`, an intake as a
//! `QuestionnaireResponse` that answers it, and a response read back into an
//! [`AnswerSet`].
//!
//! The Questionnaire is generated from `data/questionnaire.json` (steps, order, required,
//! when shown) and the English catalog (every text), so it cannot drift from the widget.
//! Every code is in a code system of this project, under [`URI_BASE`]: the questions are
//! the project's own wording, and the outlook items are adapted from the domains of the
//! Keele STarT Back tool, not the validated tool (shared/design/domain.md), so no item
//! carries a LOINC or SNOMED code that would claim otherwise.
//!
//! - A group per step (linkId = the step id), a question item per question (linkId = the
//!   question id): `integer` with the standard minValue and maxValue extensions,
//!   `boolean`, or `choice` (with `repeats` for a many-answer question) whose answer
//!   options are the question's codes in display order, in the code system
//!   [`code_system`]`(<question id>)`.
//! - `enableWhen` from the question's show-if rules, which must all hold (see
//!   [`Question::is_shown`]): a number rule is `>=` with answerInteger, a yes/no rule `=`
//!   with answerBoolean, a one-code rule `=` with answerCoding. A rule that accepts
//!   several codes is `=` per code under `enableBehavior: any` when it is the question's
//!   only rule; beside other rules (which `all` joins) it is written as "answered, and
//!   none of the other codes", `exists` plus `!=` per other code, which is the same
//!   condition for a single-choice question.
//! - A last group, [`ASSESSMENT_GROUP`], of read-only items the widget computes from the
//!   answers: the triage, the flags, the outlook total, its psychosocial subscore and
//!   its group.
//!
//! In a response an unanswered question has no item. A many-answer question answered
//! with none of its codes (such as "none of these conditions apply") has an item with no
//! `answer`: that is how the widget's empty answer survives the round trip.

use std::fmt;

use serde_json::{json, Map, Value};

use crate::domain::intake::{self, AnswerSet, Intake, MAX_FILE_BYTES};
use crate::domain::outlook::Risk;
use crate::domain::question::{Kind, QuestionId};
use crate::domain::questionnaire::{Question, Questionnaire, ShowIf, Step, StepId};
use crate::domain::text::{self, Catalog, Part};
use crate::domain::{assess, screening, Answer, AnswerError, Flag, Triage};

/// The base of every URI of this project's FHIR resources and code systems: one place,
/// so that a clinic that needs its own namespace changes one line.
macro_rules! uri_base {
    () => {
        "urn:backpain-intake:fhir"
    };
}

/// The base of every URI this module writes.
pub const URI_BASE: &str = uri_base!();
/// The canonical URL of the intake Questionnaire; its version is the questionnaire data's.
pub const QUESTIONNAIRE_URL: &str = concat!(uri_base!(), ":Questionnaire:intake");
/// The linkId of the group of computed items.
pub const ASSESSMENT_GROUP: &str = "assessment";

const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";

/// The computed items of the assessment group: linkIds, and the code systems of the
/// choice ones.
const TRIAGE: &str = "triage";
const FLAGS: &str = "flags";
const OUTLOOK_TOTAL: &str = "outlook_total";
const OUTLOOK_PSYCHOSOCIAL: &str = "outlook_psychosocial";
const OUTLOOK_GROUP: &str = "outlook_group";

/// The code system of a question's codes (named by its id) or of a computed item's.
pub fn code_system(name: &str) -> String {
    format!("{URI_BASE}:CodeSystem:{name}")
}

/// The version the Questionnaire carries: the questionnaire data's.
pub fn questionnaire_version() -> String {
    Questionnaire::get().version.to_string()
}

/// The canonical reference a response gives: `url|version`.
pub fn questionnaire_reference() -> String {
    format!("{QUESTIONNAIRE_URL}|{}", questionnaire_version())
}

fn coding(system: String, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

fn option_coding(id: QuestionId, code: &str, en: &Catalog) -> Value {
    coding(code_system(id.as_str()), code, en.text(&text::option_key(id, code)))
}

fn label(id: QuestionId, en: &Catalog) -> &str {
    // The key lives only as long as this call, so look it up rather than borrow it.
    en.lookup(&text::question_key(id, "label")).unwrap_or(id.as_str())
}

fn step_title(step: StepId, en: &Catalog) -> String {
    en.text(&text::step_key(step, Part::Title)).to_owned()
}

/// The FHIR R4 Questionnaire of the intake.
pub fn questionnaire() -> Value {
    let en = Catalog::english();
    let data = Questionnaire::get();
    let mut items: Vec<Value> = data.steps.iter().map(|step| step_group(step, en)).collect();
    items.push(assessment_definition(en));
    json!({
        "resourceType": "Questionnaire",
        "url": QUESTIONNAIRE_URL,
        "version": questionnaire_version(),
        "name": "BackPainMassageIntake",
        "title": "Back pain massage intake",
        "status": "active",
        "description": "An intake questionnaire for people with back pain who are looking for massage. \
            The questions are written in this project's own words, and the outlook questions are adapted \
            from the domains of the Keele STarT Back tool. It is not a validated instrument. The items of \
            the last group are computed by the widget from the answers.",
        "item": items,
    })
}

fn step_group(step: &Step, en: &Catalog) -> Value {
    let items: Vec<Value> = step.questions.iter().map(|q| question_definition(q, en)).collect();
    json!({ "linkId": step.id.as_str(), "text": step_title(step.id, en), "type": "group", "item": items })
}

fn question_definition(question: &Question, en: &Catalog) -> Value {
    let id = question.id;
    let mut item = Map::new();
    item.insert("linkId".into(), id.as_str().into());
    item.insert("text".into(), label(id, en).into());
    let kind = id.kind();
    let fhir_type = match kind {
        Kind::Integer { .. } => "integer",
        Kind::Bool => "boolean",
        Kind::One(_) | Kind::Many { .. } => "choice",
    };
    item.insert("type".into(), fhir_type.into());
    item.insert("required".into(), question.required.into());
    if let Kind::Integer { min, max } = kind {
        item.insert(
            "extension".into(),
            json!([{ "url": MIN_VALUE, "valueInteger": min }, { "url": MAX_VALUE, "valueInteger": max }]),
        );
    }
    if matches!(kind, Kind::Many { .. }) {
        item.insert("repeats".into(), true.into());
    }
    if !kind.codes().is_empty() {
        let options: Vec<Value> =
            question.codes.iter().map(|code| json!({ "valueCoding": option_coding(id, code, en) })).collect();
        item.insert("answerOption".into(), options.into());
    }
    let (conditions, behavior) = enable_when(question.show_if);
    if !conditions.is_empty() {
        item.insert("enableWhen".into(), conditions.into());
    }
    if let Some(behavior) = behavior {
        item.insert("enableBehavior".into(), behavior.into());
    }
    Value::Object(item)
}

/// The enableWhen conditions of a question's show-if rules, and the enableBehavior they
/// need when there are several (see the module's documentation).
pub fn enable_when(rules: &[ShowIf]) -> (Vec<Value>, Option<&'static str>) {
    let coding_of = |rule: &ShowIf, code: &str| json!({ "system": code_system(rule.question.as_str()), "code": code });
    let condition = |rule: &ShowIf, operator: &str, answer: (&str, Value)| {
        let mut condition = Map::new();
        condition.insert("question".into(), rule.question.as_str().into());
        condition.insert("operator".into(), operator.into());
        condition.insert(answer.0.into(), answer.1);
        Value::Object(condition)
    };
    if let [rule] = rules {
        if rule.any_of.len() > 1 && !matches!(rule.question.kind(), Kind::Bool) {
            let any: Vec<Value> =
                rule.any_of.iter().map(|code| condition(rule, "=", ("answerCoding", coding_of(rule, code)))).collect();
            return (any, Some("any"));
        }
    }
    let mut all = Vec::new();
    for rule in rules {
        match (rule.question.kind(), rule.at_least) {
            (Kind::Integer { .. }, Some(min)) => all.push(condition(rule, ">=", ("answerInteger", min.into()))),
            (Kind::Bool, _) => match rule.any_of {
                [value] => all.push(condition(rule, "=", ("answerBoolean", (*value == "true").into()))),
                // Yes or no: answered at all.
                _ => all.push(condition(rule, "exists", ("answerBoolean", true.into()))),
            },
            (_, _) if rule.any_of.len() == 1 => {
                all.push(condition(rule, "=", ("answerCoding", coding_of(rule, rule.any_of[0]))))
            }
            (Kind::One(codes), _) => {
                // Answered, and not with any code outside `any_of`: for a single choice,
                // that is "one of `any_of`", which `all` can join with the other rules.
                all.push(condition(rule, "exists", ("answerBoolean", true.into())));
                for code in codes.iter().filter(|code| !rule.any_of.contains(code)) {
                    all.push(condition(rule, "!=", ("answerCoding", coding_of(rule, code))));
                }
            }
            // A many-answer rule of several codes beside other rules has no flat
            // enableWhen form. The data has none (a test checks); were one added, the
            // question is shown once that question is answered: asked too often rather
            // than hidden.
            _ => all.push(condition(rule, "exists", ("answerBoolean", true.into()))),
        }
    }
    let behavior = (all.len() > 1).then_some("all");
    (all, behavior)
}

fn assessment_definition(en: &Catalog) -> Value {
    let choice = |link_id: &str, text: &str, options: Vec<Value>, repeats: bool| {
        let options: Vec<Value> = options.into_iter().map(|c| json!({ "valueCoding": c })).collect();
        let mut item =
            json!({ "linkId": link_id, "text": text, "type": "choice", "readOnly": true, "answerOption": options });
        if repeats {
            item["repeats"] = true.into();
        }
        item
    };
    let integer = |link_id: &str, text: &str, max: u8| {
        json!({
            "linkId": link_id, "text": text, "type": "integer", "readOnly": true,
            "extension": [{ "url": MIN_VALUE, "valueInteger": 0 }, { "url": MAX_VALUE, "valueInteger": max }],
        })
    };
    json!({
        "linkId": ASSESSMENT_GROUP,
        "text": "Computed by the widget from the answers above; not answered by the person",
        "type": "group",
        "item": [
            choice(TRIAGE, "Triage level", Triage::ALL.iter().map(|t| triage_coding(*t, en)).collect(), false),
            choice(FLAGS, "Flags raised", Flag::ALL.iter().map(|f| flag_coding(*f, en)).collect(), true),
            integer(OUTLOOK_TOTAL, "Outlook check: total score (0 to 9)", 9),
            integer(OUTLOOK_PSYCHOSOCIAL, "Outlook check: psychosocial subscore (0 to 5)", 5),
            choice(OUTLOOK_GROUP, "Outlook check: group", Risk::ALL.iter().map(|r| risk_coding(*r, en)).collect(), false),
        ],
    })
}

fn triage_coding(triage: Triage, en: &Catalog) -> Value {
    coding(code_system(TRIAGE), triage.as_str(), en.text(&text::triage_key(triage, Part::Title)))
}

fn flag_coding(flag: Flag, en: &Catalog) -> Value {
    // A flag's only words are the explanation the person reads.
    coding(code_system("flag"), flag.as_str(), en.text(&text::flag_key(flag)))
}

fn risk_coding(risk: Risk, en: &Catalog) -> Value {
    coding(code_system(OUTLOOK_GROUP), risk.as_str(), en.text(&text::outlook_key(risk, Part::Title)))
}

/// The name of an exported response, completed on `day` (`YYYY-MM-DD`), beside the
/// widget's own answer files ([`intake::file_name`]).
pub fn file_name(day: &str) -> String {
    ["back-pain-intake-", day, ".fhir.json"].concat()
}

/// The QuestionnaireResponse of an intake, completed on `authored` (`YYYY-MM-DD`): the
/// answers given, nested as in the [`questionnaire`], and the assessment's computed items.
/// Check-ins are not part of it.
pub fn response(intake: &Intake, authored: &str) -> Value {
    let en = Catalog::english();
    let answers = &intake.answers;
    let mut groups = Vec::new();
    for step in Questionnaire::get().steps {
        let items: Vec<Value> =
            step.questions.iter().filter_map(|q| Some(answer_item(q, answers.get(q.id)?, en))).collect();
        if !items.is_empty() {
            groups.push(json!({ "linkId": step.id.as_str(), "text": step_title(step.id, en), "item": items }));
        }
    }
    groups.push(assessment_answers(answers, en));
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire_reference(),
        "status": status(answers),
        "authored": authored,
        "item": groups,
    })
}

/// `completed` only when every shown required question is answered and no safety answer
/// is missing; otherwise `in-progress`, so that a records system never files a partial
/// screen as a finished one.
fn status(answers: &AnswerSet) -> &'static str {
    let complete =
        Questionnaire::get().first_incomplete_step(answers).is_none() && screening::screen(answers).missing.is_empty();
    if complete {
        "completed"
    } else {
        "in-progress"
    }
}

fn answer_item(question: &Question, answer: Answer, en: &Catalog) -> Value {
    let id = question.id;
    let values: Vec<Value> = match answer {
        Answer::Integer(n) => vec![json!({ "valueInteger": n })],
        Answer::Bool(b) => vec![json!({ "valueBoolean": b })],
        Answer::One(_) | Answer::Many(_) => question
            .codes
            .iter()
            .filter(|code| answers_code(id, answer, code))
            .map(|code| json!({ "valueCoding": option_coding(id, code, en) }))
            .collect(),
    };
    let mut item = json!({ "linkId": id.as_str(), "text": label(id, en) });
    if !values.is_empty() {
        item["answer"] = values.into();
    }
    item
}

fn answers_code(id: QuestionId, answer: Answer, code: &str) -> bool {
    let Some(position) = id.kind().codes().iter().position(|c| *c == code) else { return false };
    match answer {
        Answer::One(p) => usize::from(p) == position,
        Answer::Many(set) => set.contains_position(position),
        Answer::Integer(_) | Answer::Bool(_) => false,
    }
}

fn assessment_answers(answers: &AnswerSet, en: &Catalog) -> Value {
    // The triage, flags and outlook read the answers alone; check-ins only move the plan.
    let assessment = assess(answers, &[]);
    let coded = |link_id: &str, codings: Vec<Value>| {
        let values: Vec<Value> = codings.into_iter().map(|c| json!({ "valueCoding": c })).collect();
        json!({ "linkId": link_id, "answer": values })
    };
    let mut items = vec![coded(TRIAGE, vec![triage_coding(assessment.triage, en)])];
    if !assessment.flags.is_empty() {
        items.push(coded(FLAGS, assessment.flags.iter().map(|f| flag_coding(*f, en)).collect()));
    }
    if let Some(outlook) = assessment.stratification {
        items.push(json!({ "linkId": OUTLOOK_TOTAL, "answer": [{ "valueInteger": outlook.total }] }));
        items.push(json!({ "linkId": OUTLOOK_PSYCHOSOCIAL, "answer": [{ "valueInteger": outlook.psychosocial }] }));
        items.push(coded(OUTLOOK_GROUP, vec![risk_coding(outlook.risk, en)]));
    }
    json!({ "linkId": ASSESSMENT_GROUP, "item": items })
}

/// Why a text is not a response to this Questionnaire that the widget can read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FhirError {
    /// Longer than the widget reads from any file.
    TooLarge { max: usize },
    /// Not JSON.
    InvalidJson(String),
    /// Not a QuestionnaireResponse.
    WrongResourceType(String),
    /// A response to another questionnaire, or to another version of this one.
    UnknownQuestionnaire(String),
    /// A field of the wrong JSON shape, or missing, at a place in the response.
    Malformed { place: String, expected: &'static str },
    /// An item that is neither a step, a question nor the assessment group.
    UnknownLinkId(String),
    /// A question outside its own step's group.
    OutOfPlace { link_id: String, group: String },
    /// The same question, or step, twice.
    Duplicate(String),
    /// An answer value of the wrong type for its question.
    WrongValueType { link_id: String, expected: &'static str, found: String },
    /// A coding in a code system other than the question's.
    ForeignSystem { link_id: String, system: String },
    /// Several answers to a question that takes one.
    SeveralAnswers(String),
    /// An answer the widget refuses, as its own answer validation says.
    Answer(AnswerError),
}

impl fmt::Display for FhirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FhirError::TooLarge { max } => write!(f, "the response is larger than {max} bytes"),
            FhirError::InvalidJson(detail) => write!(f, "not valid JSON ({detail})"),
            FhirError::WrongResourceType(found) => {
                write!(f, "expected a QuestionnaireResponse, found resourceType {found}")
            }
            FhirError::UnknownQuestionnaire(found) => {
                write!(f, "a response to questionnaire {found}, expected {}", questionnaire_reference())
            }
            FhirError::Malformed { place, expected } => write!(f, "{place}: expected {expected}"),
            FhirError::UnknownLinkId(link_id) => write!(f, "{link_id}: unknown linkId"),
            FhirError::OutOfPlace { link_id, group } => write!(f, "{link_id}: not a question of group {group}"),
            FhirError::Duplicate(link_id) => write!(f, "{link_id}: appears twice"),
            FhirError::WrongValueType { link_id, expected, found } => {
                write!(f, "{link_id}: expected {expected}, found {found}")
            }
            FhirError::ForeignSystem { link_id, system } => write!(f, "{link_id}: unknown code system {system}"),
            FhirError::SeveralAnswers(link_id) => write!(f, "{link_id}: several answers to a single-answer question"),
            FhirError::Answer(err) => write!(f, "{err}"),
        }
    }
}

impl std::error::Error for FhirError {}

/// Reads the answers of a QuestionnaireResponse to the [`questionnaire`], by linkId,
/// through the widget's own answer validation, so that a response gives no answer the
/// widget would refuse. The [`ASSESSMENT_GROUP`] is ignored: it is computed, not answered.
pub fn answers_from_response(text: &str) -> Result<AnswerSet, FhirError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FhirError::TooLarge { max: MAX_FILE_BYTES });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FhirError::InvalidJson(e.to_string()))?;
    let resource =
        value.as_object().ok_or(FhirError::Malformed { place: "the response".into(), expected: "an object" })?;
    match resource.get("resourceType") {
        Some(Value::String(found)) if found == "QuestionnaireResponse" => {}
        Some(other) => return Err(FhirError::WrongResourceType(shown(other))),
        None => return Err(FhirError::WrongResourceType("(none)".into())),
    }
    match resource.get("questionnaire") {
        Some(Value::String(reference)) => {
            let (url, version) = reference.split_once('|').unwrap_or((reference, ""));
            if url != QUESTIONNAIRE_URL || !(version.is_empty() || version == questionnaire_version()) {
                return Err(FhirError::UnknownQuestionnaire(reference.clone()));
            }
        }
        Some(other) => return Err(FhirError::UnknownQuestionnaire(shown(other))),
        None => return Err(FhirError::UnknownQuestionnaire("(none)".into())),
    }
    let mut reader = Reader { answers: Map::new(), groups: Vec::new() };
    for group in array(resource.get("item"), "item")? {
        reader.group(group)?;
    }
    // The widget's own reader of answer documents checks every answer: kind, codes,
    // range, duplicate codes, the minimum and exclusive codes.
    let document = json!({ "format": intake::FORMAT, "answers": reader.answers });
    AnswerSet::from_json(&document.to_string()).map_err(FhirError::Answer)
}

/// A JSON value as an error message shows it, cut short.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.chars().take(80).collect()
}

/// The items of an optional `item` field: an array of objects.
fn array<'a>(value: Option<&'a Value>, place: &str) -> Result<Vec<&'a Map<String, Value>>, FhirError> {
    let malformed = || FhirError::Malformed { place: place.to_owned(), expected: "an array of objects" };
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(|item| item.as_object().ok_or_else(malformed)).collect(),
        Some(_) => Err(malformed()),
    }
}

fn link_id<'a>(item: &'a Map<String, Value>, place: &str) -> Result<&'a str, FhirError> {
    item.get("linkId")
        .and_then(Value::as_str)
        .ok_or_else(|| FhirError::Malformed { place: format!("{place}.linkId"), expected: "a string" })
}

struct Reader {
    /// The answers found, as the widget's answer document spells them.
    answers: Map<String, Value>,
    /// The groups seen, to refuse a second one.
    groups: Vec<String>,
}

impl Reader {
    fn group(&mut self, group: &Map<String, Value>) -> Result<(), FhirError> {
        let id = link_id(group, "item")?;
        if self.groups.iter().any(|seen| seen == id) {
            return Err(FhirError::Duplicate(id.to_owned()));
        }
        self.groups.push(id.to_owned());
        if id == ASSESSMENT_GROUP {
            return Ok(());
        }
        let Some(step) = StepId::from_code(id) else {
            return Err(match QuestionId::from_code(id) {
                Some(_) => FhirError::OutOfPlace { link_id: id.to_owned(), group: "(none)".into() },
                None => FhirError::UnknownLinkId(id.to_owned()),
            });
        };
        if group.contains_key("answer") {
            return Err(FhirError::Malformed { place: id.to_owned(), expected: "a group without answers" });
        }
        for item in array(group.get("item"), id)? {
            self.question(step, item)?;
        }
        Ok(())
    }

    fn question(&mut self, step: StepId, item: &Map<String, Value>) -> Result<(), FhirError> {
        let link = link_id(item, step.as_str())?;
        let Some(id) = QuestionId::from_code(link) else {
            return Err(FhirError::UnknownLinkId(link.to_owned()));
        };
        if Questionnaire::get().step_of(id).map(|s| s.id) != Some(step) {
            return Err(FhirError::OutOfPlace { link_id: link.to_owned(), group: step.as_str().to_owned() });
        }
        if self.answers.contains_key(link) {
            return Err(FhirError::Duplicate(link.to_owned()));
        }
        if item.contains_key("item") {
            return Err(FhirError::Malformed { place: link.to_owned(), expected: "a question without nested items" });
        }
        let values =
            array(item.get("answer"), link)?.into_iter().map(|a| value_of(id, a)).collect::<Result<Vec<_>, _>>()?;
        let answer = match (id.kind(), values.as_slice()) {
            (Kind::Many { .. }, _) => Value::Array(values),
            // An item with no answer is "answered, none" for a many-answer question only.
            (_, []) => return Err(FhirError::Malformed { place: link.to_owned(), expected: "an answer" }),
            (_, [value]) => value.clone(),
            (_, _) => return Err(FhirError::SeveralAnswers(link.to_owned())),
        };
        self.answers.insert(link.to_owned(), answer);
        Ok(())
    }
}

/// The value of one `answer` entry, as the widget's answer document spells it.
fn value_of(id: QuestionId, answer: &Map<String, Value>) -> Result<Value, FhirError> {
    let link_id = id.as_str().to_owned();
    if answer.contains_key("item") {
        return Err(FhirError::Malformed { place: link_id, expected: "an answer without nested items" });
    }
    let mut values = answer.iter().filter(|(key, _)| key.starts_with("value"));
    let (key, value) = match (values.next(), values.next()) {
        (Some(only), None) => only,
        _ => return Err(FhirError::Malformed { place: format!("{link_id}.answer"), expected: "one value[x]" }),
    };
    let (wanted, expected) = match id.kind() {
        Kind::Integer { .. } => ("valueInteger", "a whole number"),
        Kind::Bool => ("valueBoolean", "true or false"),
        Kind::One(_) | Kind::Many { .. } => ("valueCoding", "a Coding object"),
    };
    if key != wanted {
        return Err(FhirError::WrongValueType { link_id, expected: wanted, found: key.clone() });
    }
    match (wanted, value) {
        ("valueInteger", Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(value.clone()),
        ("valueBoolean", Value::Bool(_)) => Ok(value.clone()),
        ("valueCoding", Value::Object(coding)) => {
            let system = coding.get("system").map(shown).unwrap_or_else(|| "(none)".into());
            if system != code_system(id.as_str()) {
                return Err(FhirError::ForeignSystem { link_id, system });
            }
            match coding.get("code") {
                Some(Value::String(code)) => Ok(Value::String(code.clone())),
                _ => Err(FhirError::Malformed {
                    place: format!("{link_id}.answer.valueCoding.code"),
                    expected: "a string",
                }),
            }
        }
        (_, other) => Err(FhirError::WrongValueType { link_id, expected, found: format!("{key} {}", shown(other)) }),
    }
}
