//! Check-ins: how the pain has gone since the intake, and whether it is improving.
//!
//! A returning person records the date, the pain now, the worst pain of the week and the
//! sessions since the last check-in. The series of "pain now" values starts with the
//! intake's own `pain_now`; the plan moves to "as needed or monthly" once the latest
//! value is at least 2 points, or at least 30%, below the first (domain.md, frequency).

use super::codes::codes;
use super::error::{parse_integer, AnswerError, AnswerErrorKind};
use crate::codec::json::Json;

/// The most check-ins a document may hold: a weekly check-in for nineteen years. More is
/// refused, not truncated; at the limit the form says so instead of taking another.
pub const MAX_CHECKINS: usize = 1000;
/// The most check-ins a share link carries: the latest ones (its count is one byte, and
/// the link stays short enough for a QR code).
pub const MAX_SHARED_CHECKINS: usize = 200;
/// The most sessions one check-in may report.
pub const MAX_SESSIONS: u8 = 60;

/// One check-in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CheckIn {
    /// The day, `YYYY-MM-DD`.
    pub date: Date,
    pub pain_now: u8,
    pub pain_worst_week: u8,
    /// Massage sessions since the previous check-in (or the intake).
    pub sessions: u8,
}

/// A calendar day, validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` (years 1900 to 2999), refusing days that do not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let date = Date { year, month, day };
        ((1900..=2999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            _ => 31,
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl CheckIn {
    /// Reads the `checkins` array.
    pub fn list_from_json(value: &Json) -> Result<Vec<CheckIn>, AnswerError> {
        let Some(items) = value.as_array() else {
            return Err(AnswerError::field(
                "checkins",
                AnswerErrorKind::WrongType { expected: "an array", found: value.type_name() },
            ));
        };
        if items.len() > MAX_CHECKINS {
            return Err(AnswerError::field("checkins", AnswerErrorKind::TooMany { max: MAX_CHECKINS }));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                CheckIn::from_json(item).map_err(|(name, kind)| {
                    let field =
                        if name.is_empty() { format!("checkins[{i}]") } else { format!("checkins[{i}].{name}") };
                    AnswerError::field(field, kind)
                })
            })
            .collect()
    }

    fn from_json(value: &Json) -> Result<CheckIn, (&'static str, AnswerErrorKind)> {
        let Some(members) = value.as_object() else {
            return Err(("", AnswerErrorKind::WrongType { expected: "an object", found: value.type_name() }));
        };
        let known = |k: &str| matches!(k, "date" | "pain_now" | "pain_worst_week" | "sessions");
        if let Some((key, _)) = members.iter().find(|(k, _)| !known(k)) {
            return Err(("", AnswerErrorKind::UnknownField(key.clone())));
        }
        let field = |name: &'static str| value.get(name).ok_or((name, AnswerErrorKind::MissingField));
        let date = match field("date")? {
            Json::String(s) => Date::parse(s).ok_or(("date", AnswerErrorKind::InvalidDate(s.clone())))?,
            other => {
                return Err((
                    "date",
                    AnswerErrorKind::WrongType { expected: "a date string", found: other.type_name() },
                ))
            }
        };
        let integer = |name: &'static str, max: u8| parse_integer(field(name)?, 0, max).map_err(|kind| (name, kind));
        Ok(CheckIn {
            date,
            pain_now: integer("pain_now", 10)?,
            pain_worst_week: integer("pain_worst_week", 10)?,
            sessions: integer("sessions", MAX_SESSIONS)?,
        })
    }

    /// One check-in as JSON.
    pub fn to_json(&self) -> Json {
        Json::object([
            ("date", Json::str(self.date.to_string())),
            ("pain_now", Json::int(self.pain_now)),
            ("pain_worst_week", Json::int(self.pain_worst_week)),
            ("sessions", Json::int(self.sessions)),
        ])
    }

    /// The `checkins` array.
    pub fn list_to_json(checkins: &[CheckIn]) -> Json {
        Json::Array(checkins.iter().map(CheckIn::to_json).collect())
    }
}

codes! {
    /// How the pain is going, from the first value of the series to the latest.
    pub enum Progress {
        /// Fewer than two values to compare.
        NotEnoughData = "not_enough_data",
        /// Down by 2 points or 30% or more.
        Improving = "improving",
        /// Up by 2 points or more: worth telling a clinician.
        Worse = "worse",
        /// Neither.
        Steady = "steady",
    }
}

/// Compares the latest pain with the first: the intake's `pain_now` when given, else the
/// first check-in. Improvement is a drop of at least 2 points or at least 30% (the
/// thresholds in domain.md; 30% and 2 points are also the usual minimal clinically
/// important change for a 0-10 pain scale, Ostelo et al., Spine 2008).
pub fn progress(intake_pain_now: Option<u8>, checkins: &[CheckIn]) -> Progress {
    let mut series = intake_pain_now.into_iter().chain(checkins.iter().map(|c| c.pain_now));
    let Some(first) = series.next() else {
        return Progress::NotEnoughData;
    };
    let Some(latest) = series.last() else {
        return Progress::NotEnoughData;
    };
    let (first, latest) = (u32::from(first), u32::from(latest));
    if latest + 2 <= first || (first > 0 && latest * 10 <= first * 7) {
        Progress::Improving
    } else if latest >= first + 2 {
        Progress::Worse
    } else {
        Progress::Steady
    }
}
