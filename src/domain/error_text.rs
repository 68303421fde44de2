//! The interface text that tells a person what is wrong with a file they imported.
//!
//! Kept apart from [`error`](super::error) so that the errors stay below the texts: the
//! catalog of texts ([`text`](super::text)) reads the questionnaire and every rule table,
//! which read the answers whose errors these are.

use super::error::{AnswerError, AnswerErrorKind};
use super::text::UiKey;

impl AnswerError {
    /// What a person importing a file is told, in their language: an interface text
    /// whose `{field}` is [`AnswerError::place`]. (The English [`Display`](std::fmt::Display)
    /// is for the `assess` command.)
    pub fn text_key(&self) -> UiKey {
        use AnswerErrorKind as K;
        match self.kind {
            K::InvalidJson(_) | K::NotAnObject | K::MissingFormat | K::MissingAnswers => {
                const { UiKey::of("ui.import.not_answers") }
            }
            K::UnsupportedFormat(_) => const { UiKey::of("ui.import.newer") },
            _ => const { UiKey::of("ui.import.bad_value") },
        }
    }
}
