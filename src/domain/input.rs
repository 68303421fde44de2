//! What a person types or ticks, turned into answers: the one translation of raw input
//! from a form (a ticked box, a typed number) into an [`Answer`], shared by the widget and
//! its tests.

use super::error::AnswerErrorKind;
use super::intake::{Answer, CodeSet};
use super::question::{Kind, QuestionId};

/// The answer after ticking (`on`) or unticking the code at `position` of a many-choice
/// question, given its current answer. `None` means "not answered": unticking the last
/// code takes the answer back rather than claiming "none of these", which only the
/// explicit [`Answer::Many`]`(`[`CodeSet::EMPTY`]`)` says. An exclusive code such as
/// "none" clears the others, and any other code clears it.
pub fn toggle_code(id: QuestionId, current: Option<Answer>, position: usize, on: bool) -> Option<Answer> {
    let Kind::Many { codes, exclusive, .. } = id.kind() else {
        return current;
    };
    let exclusive = exclusive.and_then(|code| codes.iter().position(|c| *c == code));
    let mut set = match current {
        Some(Answer::Many(set)) => set,
        _ => CodeSet::EMPTY,
    };
    if on {
        set = match exclusive {
            Some(x) if x == position => CodeSet::EMPTY,
            Some(x) => set.with(x, false),
            None => set,
        };
    }
    set = set.with(position, on);
    (!set.is_empty()).then_some(Answer::Many(set))
}

/// The value of the "none of these" box of a required many-answer that may be empty.
pub const NONE_OF_THESE: &str = "none_of_these";

/// The answer after a person ticks or unticks a choice input of question `id` whose
/// `value` is a code (`true`/`false` for yes/no, the number for a scale point,
/// [`NONE_OF_THESE`] for the explicit empty answer). `None` when the value is not one of
/// the question's; `Some(None)` takes the answer back.
pub fn answer_for_choice(
    id: QuestionId,
    current: Option<Answer>,
    value: &str,
    checked: bool,
) -> Option<Option<Answer>> {
    let position = id.kind().codes().iter().position(|c| *c == value);
    match id.kind() {
        Kind::Bool => match value {
            "true" => Some(Some(Answer::Bool(true))),
            "false" => Some(Some(Answer::Bool(false))),
            _ => None,
        },
        Kind::Integer { min, max } => {
            value.parse::<u8>().ok().filter(|n| (min..=max).contains(n)).map(|n| Some(Answer::Integer(n)))
        }
        Kind::One(_) => Some(Some(Answer::One(position? as u8))),
        Kind::Many { .. } if value == NONE_OF_THESE => Some(checked.then_some(Answer::Many(CodeSet::EMPTY))),
        Kind::Many { .. } => Some(toggle_code(id, current, position?, checked)),
    }
}

/// Reads what a person typed into a number field: empty is "not answered", anything else
/// must be a whole number in the question's range.
pub fn parse_typed_number(id: QuestionId, text: &str) -> Result<Option<Answer>, AnswerErrorKind> {
    let Kind::Integer { min, max } = id.kind() else {
        return Err(AnswerErrorKind::WrongType { expected: "a choice", found: "a number" });
    };
    let text = text.trim_ascii();
    if text.is_empty() {
        return Ok(None);
    }
    let out_of_range = || AnswerErrorKind::OutOfRange { found: text.to_owned(), min, max };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(if text.starts_with('-') {
            out_of_range()
        } else {
            AnswerErrorKind::WrongType { expected: "a whole number", found: "text" }
        });
    }
    match text.parse::<u8>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(Answer::Integer(n))),
        _ => Err(out_of_range()),
    }
}
