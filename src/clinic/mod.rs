//! The clinic's side: what a clinic's own systems read from the widget's answers.
//!
//! It imports [`domain`](crate::domain) (the answers, the questionnaire, the assessment and
//! the English catalog). The `fhir` command and the clinician page (`ui/clinician.rs`, its
//! own bundle) use it; nothing of the person's widget names it (`tests/layers.rs`), so the
//! serde_json it uses stays out of the widget's wasm (the widget reads JSON with
//! [`codec::json`](crate::codec::json)).
//!
//! - [`key`]: the clinic key's passphrase-protected backup file.
//! - [`fhir`]: the intake as a FHIR R4 `Questionnaire`, an intake and its assessment as a
//!   `QuestionnaireResponse`, and a response read back into answers.

pub mod fhir;
pub mod key;
