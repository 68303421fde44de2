//! The clinic's side: what a clinic's own systems read from the widget's answers, built
//! natively and never in the browser bundle.
//!
//! It imports [`domain`](crate::domain) (the answers, the questionnaire, the assessment and
//! the English catalog) and is imported by nothing under `ui` or `browser`: it uses
//! serde_json, which the widget leaves out of its wasm for size (the browser reads JSON
//! with [`codec::json`](crate::codec::json)), and `lib.rs` compiles it for the host only.
//!
//! - [`fhir`]: the intake as a FHIR R4 `Questionnaire`, an intake and its assessment as a
//!   `QuestionnaireResponse`, and a response read back into answers.

pub mod fhir;
