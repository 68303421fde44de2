//! Answers: the [`AnswerSet`], the [`Intake`] file that holds it with the check-ins, and
//! their JSON format. The codes of the choice questions are in
//! [`choices`](super::choices); what a person types or ticks becomes an answer in
//! [`input`](super::input).
//!
//! ```json
//! { "format": 2, "answers": { "age": 46, "duration": "over_12_weeks", "pattern": ["knots"] } }
//! ```
//!
//! Format 2 (contract v2) added four questions and split one condition. Format 1
//! documents still read: the v1 code `dvt_or_leg_swelling` reads as `leg_swelling_new`
//! (the safer reading), and the new questions are simply unanswered.
//!
//! An absent id (or `null`) means "not answered". Every other problem, an unknown id or
//! code, a wrong type, a number out of range, a duplicate in a many-answer, is an
//! [`AnswerError`] that names the id; nothing here panics on any input.

use super::checkins::CheckIn;
use super::choices::V1_DVT_CODE;
use super::error::{parse_integer, AnswerError, AnswerErrorKind};
use super::question::{Choice, Kind, QuestionId, QUESTION_COUNT};
use crate::codec::json::{self, Json};

/// The answer format this version writes.
pub const FORMAT: u64 = 2;
/// The oldest answer format this version still reads.
pub const OLDEST_FORMAT: u64 = 1;
/// A set of codes of one many-answer question, as a bit per code position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeSet(u32);

impl CodeSet {
    /// The empty set: answered, none of these.
    pub const EMPTY: CodeSet = CodeSet(0);

    /// The set holding these code positions. Positions past 31 are ignored (no question
    /// has that many codes; a test checks it).
    pub fn from_positions(positions: impl IntoIterator<Item = usize>) -> CodeSet {
        CodeSet(positions.into_iter().filter(|&p| p < 32).fold(0, |bits, p| bits | 1 << p))
    }

    /// The raw bits, one per code position; the share link stores these.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The set with these raw bits.
    pub fn from_bits(bits: u32) -> CodeSet {
        CodeSet(bits)
    }

    /// Whether the code at this position is in the set.
    pub fn contains_position(self, position: usize) -> bool {
        position < 32 && self.0 & (1 << position) != 0
    }

    /// The code positions in the set, ascending.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..32).filter(move |&p| self.contains_position(p))
    }

    /// How many codes are in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set with the code at this position added or removed.
    pub fn with(self, position: usize, present: bool) -> CodeSet {
        if position >= 32 {
            self
        } else if present {
            CodeSet(self.0 | 1 << position)
        } else {
            CodeSet(self.0 & !(1 << position))
        }
    }
}

/// One answer, in the shape its question's [`Kind`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// An integer question's value.
    Integer(u8),
    /// A single-choice question's code position.
    One(u8),
    /// A many-choice question's codes.
    Many(CodeSet),
    /// A yes/no question's value.
    Bool(bool),
}

/// Every answer a person has given, by question. Valid by construction: every way in
/// ([`AnswerSet::set`], the JSON parser, the share decoder) checks the answer against
/// the question's kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AnswerSet {
    values: [Option<Answer>; QUESTION_COUNT],
}

impl Default for AnswerSet {
    fn default() -> AnswerSet {
        AnswerSet { values: [None; QUESTION_COUNT] }
    }
}

impl AnswerSet {
    /// No answers at all.
    pub fn new() -> AnswerSet {
        AnswerSet::default()
    }

    /// The answer to this question, if given.
    pub fn get(&self, id: QuestionId) -> Option<Answer> {
        self.values[id.index()]
    }

    /// Whether this question has an answer.
    pub fn is_answered(&self, id: QuestionId) -> bool {
        self.get(id).is_some()
    }

    /// Sets an answer after checking it against the question's kind; on error nothing
    /// changes.
    pub fn set(&mut self, id: QuestionId, answer: Answer) -> Result<(), AnswerError> {
        validate(id, answer).map_err(|kind| AnswerError::at(id, kind))?;
        self.values[id.index()] = Some(answer);
        Ok(())
    }

    /// Removes the answer to this question.
    pub fn clear(&mut self, id: QuestionId) {
        self.values[id.index()] = None;
    }

    /// Answers that were given, in question order.
    pub fn iter(&self) -> impl Iterator<Item = (QuestionId, Answer)> + '_ {
        QuestionId::ALL.iter().filter_map(|&id| self.get(id).map(|answer| (id, answer)))
    }

    /// How many questions have an answer.
    pub fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    /// Whether no question has an answer.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An integer answer.
    pub fn integer(&self, id: QuestionId) -> Option<u8> {
        match self.get(id) {
            Some(Answer::Integer(n)) => Some(n),
            _ => None,
        }
    }

    /// A yes/no answer.
    pub fn flag(&self, id: QuestionId) -> Option<bool> {
        match self.get(id) {
            Some(Answer::Bool(b)) => Some(b),
            _ => None,
        }
    }

    /// The answer to a single-choice question, typed.
    pub fn one<T: Choice>(&self) -> Option<T> {
        match self.get(T::QUESTION) {
            Some(Answer::One(position)) => T::from_position(usize::from(position)),
            _ => None,
        }
    }

    /// The answer to a many-choice question, typed; `None` when not answered.
    pub fn many<T: Choice>(&self) -> Option<Vec<T>> {
        match self.get(T::QUESTION) {
            Some(Answer::Many(set)) => Some(set.positions().filter_map(T::from_position).collect()),
            _ => None,
        }
    }

    /// Whether a many-choice answer holds this code; `None` when not answered.
    pub fn includes<T: Choice>(&self, code: T) -> Option<bool> {
        match self.get(T::QUESTION) {
            Some(Answer::Many(set)) => Some(set.contains_position(code.position())),
            _ => None,
        }
    }

    /// Whether a many-choice answer holds this code, counting "not answered" as no.
    pub fn has<T: Choice>(&self, code: T) -> bool {
        self.includes(code).unwrap_or(false)
    }

    /// Whether the answer to a choice question is, or includes, this code string.
    pub fn has_code(&self, id: QuestionId, code: &str) -> bool {
        let Some(position) = id.kind().codes().iter().position(|c| *c == code) else {
            return false;
        };
        match self.get(id) {
            Some(Answer::One(p)) => usize::from(p) == position,
            Some(Answer::Many(set)) => set.contains_position(position),
            _ => false,
        }
    }

    /// The answer as JSON, codes spelled out.
    pub fn answer_to_json(id: QuestionId, answer: Answer) -> Json {
        let codes = id.kind().codes();
        match answer {
            Answer::Integer(n) => Json::int(n),
            Answer::Bool(b) => Json::Bool(b),
            Answer::One(p) => codes.get(usize::from(p)).map_or(Json::Null, |c| Json::str(*c)),
            Answer::Many(set) => {
                Json::Array(set.positions().filter_map(|p| codes.get(p)).map(|c| Json::str(*c)).collect())
            }
        }
    }

    /// The `answers` object: every given answer by id, in question order.
    pub fn to_json_object(&self) -> Json {
        Json::object(self.iter().map(|(id, answer)| (id.as_str(), Self::answer_to_json(id, answer))))
    }

    /// The whole document, `{"format": 2, "answers": {...}}`.
    pub fn to_json(&self) -> Json {
        Json::object([("format", Json::int(FORMAT as i64)), ("answers", self.to_json_object())])
    }

    /// Parses a JSON document holding only answers (check-ins, if present, are refused).
    pub fn from_json(text: &str) -> Result<AnswerSet, AnswerError> {
        let intake = Intake::from_json(text)?;
        if !intake.checkins.is_empty() {
            return Err(AnswerError::top(AnswerErrorKind::UnknownField("checkins".into())));
        }
        Ok(intake.answers)
    }

    /// Reads the `answers` object's members, written in answer format `format`.
    pub fn from_json_members(members: &[(String, Json)], format: u64) -> Result<AnswerSet, AnswerError> {
        let mut answers = AnswerSet::new();
        for (key, value) in members {
            let Some(id) = QuestionId::from_code(key).filter(|id| id.since_format() <= format) else {
                return Err(AnswerError::field(key, AnswerErrorKind::UnknownQuestion));
            };
            if let Some(answer) = parse_answer(id, value, format).map_err(|kind| AnswerError::at(id, kind))? {
                answers.values[id.index()] = Some(answer);
            }
        }
        Ok(answers)
    }
}

/// The largest answer file the widget reads; a real one is under 4 KB.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// The name of an exported answer file for a day given as `YYYY-MM-DD`.
pub fn file_name(day: &str) -> String {
    format!("back-pain-intake-{day}.json")
}

/// A whole intake file: the answers and any check-ins recorded since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Intake {
    pub answers: AnswerSet,
    pub checkins: Vec<CheckIn>,
}

impl Intake {
    /// Another tab's document (`theirs`), written without having seen this tab's last write,
    /// merged into this tab's (`self`), answer by answer: an answer this tab changed since
    /// `base` (the last document read from storage) and the other tab did not is kept;
    /// every other answer is theirs, so when both changed one, the later write wins. A
    /// check-in recorded here and not there is kept too. Two tabs that answer different
    /// questions at the same moment both keep both answers. (When the other tab had seen
    /// this tab's last write, its document simply stands: `domain::store`.)
    pub fn merged(&self, base: &Intake, theirs: &Intake) -> Intake {
        let mut merged = theirs.clone();
        for &id in QuestionId::ALL {
            let (ours, before) = (self.answers.get(id), base.answers.get(id));
            if ours != before && theirs.answers.get(id) == before {
                match ours {
                    // Ours was valid here, so setting it again cannot fail.
                    Some(answer) => {
                        let _ = merged.answers.set(id, answer);
                    }
                    None => merged.answers.clear(id),
                }
            }
        }
        let recorded_here = self.checkins.iter().filter(|c| !base.checkins.contains(c) && !theirs.checkins.contains(c));
        merged.checkins.extend(recorded_here.cloned());
        crate::codec::sort::sort_small_by_key(&mut merged.checkins, |c| c.date);
        merged
    }

    /// Parses `{"format": 2, "answers": {...}, "checkins": [...]}` (or format 1); check-ins
    /// are optional.
    pub fn from_json(text: &str) -> Result<Intake, AnswerError> {
        Intake::from_json_versioned(text).map(|(intake, _)| intake)
    }

    /// Parses a document and says which answer format it was written in, so that a
    /// reader of an older one can point out the questions added since.
    pub fn from_json_versioned(text: &str) -> Result<(Intake, u64), AnswerError> {
        let value = json::parse(text).map_err(|e| AnswerError::top(AnswerErrorKind::InvalidJson(e.to_string())))?;
        Intake::from_value_versioned(&value)
    }

    /// Reads an already parsed JSON value.
    pub fn from_value(value: &Json) -> Result<Intake, AnswerError> {
        Intake::from_value_versioned(value).map(|(intake, _)| intake)
    }

    /// Reads an already parsed JSON value, with the answer format it was written in.
    pub fn from_value_versioned(value: &Json) -> Result<(Intake, u64), AnswerError> {
        let Some(members) = value.as_object() else {
            return Err(AnswerError::top(AnswerErrorKind::NotAnObject));
        };
        let format = match value.get("format") {
            None => return Err(AnswerError::top(AnswerErrorKind::MissingFormat)),
            Some(format) => match format.as_u64() {
                Some(n) if (OLDEST_FORMAT..=FORMAT).contains(&n) => n,
                _ => return Err(AnswerError::top(AnswerErrorKind::UnsupportedFormat(format.to_text()))),
            },
        };
        let known = |k: &str| matches!(k, "format" | "answers" | "checkins");
        if let Some((key, _)) = members.iter().find(|(k, _)| !known(k)) {
            return Err(AnswerError::top(AnswerErrorKind::UnknownField(key.clone())));
        }
        let answers = match value.get("answers") {
            None => return Err(AnswerError::top(AnswerErrorKind::MissingAnswers)),
            Some(Json::Object(members)) => AnswerSet::from_json_members(members, format)?,
            Some(other) => {
                return Err(AnswerError::field(
                    "answers",
                    AnswerErrorKind::WrongType { expected: "an object", found: other.type_name() },
                ))
            }
        };
        let checkins = match value.get("checkins") {
            None | Some(Json::Null) => Vec::new(),
            Some(value) => CheckIn::list_from_json(value)?,
        };
        Ok((Intake { answers, checkins }, format))
    }

    /// The document as JSON; `checkins` appears only when there are some.
    pub fn to_json(&self) -> Json {
        let mut doc = self.answers.to_json();
        if let (Json::Object(members), false) = (&mut doc, self.checkins.is_empty()) {
            members.push(("checkins".into(), CheckIn::list_to_json(&self.checkins)));
        }
        doc
    }
}

/// Reads one answer for `id`, written in answer format `format`; `Ok(None)` for an
/// explicit `null` (not answered).
fn parse_answer(id: QuestionId, value: &Json, format: u64) -> Result<Option<Answer>, AnswerErrorKind> {
    if value.is_null() {
        return Ok(None);
    }
    let answer = match id.kind() {
        Kind::Integer { min, max } => Answer::Integer(parse_integer(value, min, max)?),
        Kind::Bool => match value {
            Json::Bool(b) => Answer::Bool(*b),
            other => return Err(AnswerErrorKind::WrongType { expected: "true or false", found: other.type_name() }),
        },
        Kind::One(codes) => {
            // Numeric codes (session_minutes) may come as a number as well as a string.
            let code = match value {
                Json::String(s) => s.as_str(),
                Json::Number(n) if codes.contains(&n.as_str()) => n.as_str(),
                other => {
                    return Err(AnswerErrorKind::WrongType { expected: "a code string", found: other.type_name() })
                }
            };
            Answer::One(code_position(codes, code)?)
        }
        Kind::Many { codes, .. } => {
            let Json::Array(items) = value else {
                return Err(AnswerErrorKind::WrongType { expected: "an array of codes", found: value.type_name() });
            };
            let mut set = CodeSet::EMPTY;
            for item in items {
                let Json::String(code) = item else {
                    return Err(AnswerErrorKind::WrongType {
                        expected: "an array of code strings",
                        found: item.type_name(),
                    });
                };
                // Format 1's clot code reads as the code v2 gave its safer meaning.
                let code = match V1_DVT_CODE {
                    (old, new) if format == 1 && id == QuestionId::Conditions && code == old => new,
                    _ => code.as_str(),
                };
                let position = usize::from(code_position(codes, code)?);
                if set.contains_position(position) {
                    return Err(AnswerErrorKind::Duplicate(code.to_owned()));
                }
                set = set.with(position, true);
            }
            Answer::Many(set)
        }
    };
    validate(id, answer)?;
    Ok(Some(answer))
}

fn code_position(codes: &[&str], code: &str) -> Result<u8, AnswerErrorKind> {
    codes
        .iter()
        .position(|c| *c == code)
        .and_then(|p| u8::try_from(p).ok())
        .ok_or_else(|| AnswerErrorKind::UnknownCode(code.to_owned()))
}

/// Checks an answer against its question's kind: the one gate every way in goes through.
pub(crate) fn validate(id: QuestionId, answer: Answer) -> Result<(), AnswerErrorKind> {
    match (id.kind(), answer) {
        (Kind::Integer { min, max }, Answer::Integer(n)) => {
            if (min..=max).contains(&n) {
                Ok(())
            } else {
                Err(AnswerErrorKind::OutOfRange { found: n.to_string(), min, max })
            }
        }
        (Kind::Bool, Answer::Bool(_)) => Ok(()),
        (Kind::One(codes), Answer::One(p)) => {
            if usize::from(p) < codes.len() {
                Ok(())
            } else {
                Err(AnswerErrorKind::UnknownCode(format!("#{p}")))
            }
        }
        (Kind::Many { codes, min, exclusive }, Answer::Many(set)) => {
            if let Some(p) = set.positions().find(|&p| p >= codes.len()) {
                return Err(AnswerErrorKind::UnknownCode(format!("#{p}")));
            }
            if set.len() < min {
                return Err(AnswerErrorKind::TooFew { min });
            }
            if let Some(code) = exclusive {
                let position = codes.iter().position(|c| *c == code);
                if position.is_some_and(|p| set.contains_position(p)) && set.len() > 1 {
                    return Err(AnswerErrorKind::Exclusive(code.to_owned()));
                }
            }
            Ok(())
        }
        (kind, _) => {
            Err(AnswerErrorKind::WrongType { expected: kind_expectation(kind), found: "another kind of answer" })
        }
    }
}

fn kind_expectation(kind: Kind) -> &'static str {
    match kind {
        Kind::Integer { .. } => "a whole number",
        Kind::One(_) => "a code string",
        Kind::Many { .. } => "an array of codes",
        Kind::Bool => "true or false",
    }
}
