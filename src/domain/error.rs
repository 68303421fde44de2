//! Typed errors for everything that reads input from outside the process.
//!
//! Messages are lowercase with no trailing punctuation and always name the field at
//! fault, so the `assess` command can print one clear line and the widget can show a
//! notice that says what to fix (its words: [`error_text`](super::error_text)).

use std::fmt;

use super::question::QuestionId;
use crate::codec::json::Json;

/// A problem with an answer document, naming the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    /// The question id or field name at fault; `None` for the document as a whole.
    pub field: Option<String>,
    pub kind: AnswerErrorKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnswerErrorKind {
    /// The text is not JSON at all.
    InvalidJson(String),
    /// The document is JSON but not an object.
    NotAnObject,
    /// No `format` field.
    MissingFormat,
    /// A `format` this version cannot read.
    UnsupportedFormat(String),
    /// No `answers` field.
    MissingAnswers,
    /// A top-level field that the format does not have.
    UnknownField(String),
    /// An answer id that is not a question.
    UnknownQuestion,
    /// The answer has the wrong JSON type.
    WrongType { expected: &'static str, found: &'static str },
    /// A code that the question does not offer.
    UnknownCode(String),
    /// A number outside the question's range.
    OutOfRange { found: String, min: u8, max: u8 },
    /// The same code twice in a many-answer.
    Duplicate(String),
    /// Fewer codes than the question needs.
    TooFew { min: usize },
    /// A code such as "none" combined with others.
    Exclusive(String),
    /// A date that is not a real `YYYY-MM-DD` day.
    InvalidDate(String),
    /// A required field is absent.
    MissingField,
    /// A list longer than the format allows.
    TooMany { max: usize },
}

impl AnswerError {
    /// The part of the file at fault, as the file names it (`checkins[2].date`).
    pub fn place(&self) -> &str {
        match &self.kind {
            AnswerErrorKind::UnknownField(name) => name,
            _ => self.field.as_deref().unwrap_or_default(),
        }
    }

    /// An error about the document as a whole.
    pub fn top(kind: AnswerErrorKind) -> AnswerError {
        AnswerError { field: None, kind }
    }

    /// An error about one question.
    pub fn at(id: QuestionId, kind: AnswerErrorKind) -> AnswerError {
        AnswerError { field: Some(id.as_str().to_owned()), kind }
    }

    /// An error about a named field (an unknown id, a check-in field).
    pub fn field(name: impl Into<String>, kind: AnswerErrorKind) -> AnswerError {
        AnswerError { field: Some(name.into()), kind }
    }
}

impl fmt::Display for AnswerErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerErrorKind::InvalidJson(detail) => write!(f, "not valid JSON ({detail})"),
            AnswerErrorKind::NotAnObject => f.write_str("expected a JSON object with \"format\" and \"answers\""),
            AnswerErrorKind::MissingFormat => f.write_str("the \"format\" field is missing (expected 1 or 2)"),
            AnswerErrorKind::UnsupportedFormat(found) => {
                write!(f, "format {found} is not supported (this version reads formats 1 and 2)")
            }
            AnswerErrorKind::MissingAnswers => f.write_str("the \"answers\" field is missing"),
            AnswerErrorKind::UnknownField(name) => write!(f, "unknown field \"{name}\""),
            AnswerErrorKind::UnknownQuestion => f.write_str("unknown question id"),
            AnswerErrorKind::WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            AnswerErrorKind::UnknownCode(code) => write!(f, "unknown code \"{code}\""),
            AnswerErrorKind::OutOfRange { found, min, max } => {
                write!(f, "{found} is out of range (allowed {min} to {max})")
            }
            AnswerErrorKind::Duplicate(code) => write!(f, "code \"{code}\" is given twice"),
            AnswerErrorKind::TooFew { min } => write!(f, "choose at least {min}"),
            AnswerErrorKind::Exclusive(code) => write!(f, "\"{code}\" cannot be combined with other codes"),
            AnswerErrorKind::InvalidDate(found) => write!(f, "\"{found}\" is not a date in the form YYYY-MM-DD"),
            AnswerErrorKind::MissingField => f.write_str("this field is missing"),
            AnswerErrorKind::TooMany { max } => write!(f, "more than {max} entries"),
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Reads a whole number in `min..=max` from JSON: the answers and the check-ins read
/// their numbers through this, with the same errors.
pub(crate) fn parse_integer(value: &Json, min: u8, max: u8) -> Result<u8, AnswerErrorKind> {
    match value {
        Json::Number(text) if value.is_integer() => text
            .parse::<u8>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| AnswerErrorKind::OutOfRange { found: text.clone(), min, max }),
        other => Err(AnswerErrorKind::WrongType { expected: "a whole number", found: other.type_name() }),
    }
}
