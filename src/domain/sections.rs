//! The results' detail sections, which a person opens on demand, and which of them are
//! open: kept across reloads beside the saved session (`<key>.open`, see
//! [`SessionStore`](super::store::SessionStore)).
//!
//! Until the person opens or closes a section it follows its default: the safety details
//! are open when the screening found something to tell the therapist or the doctor
//! (caution, medical review) or a safety answer is missing, so those are on screen without
//! a tap. With an emergency or an urgent triage the summary itself carries the whole
//! guidance, first; the flags behind it wait in the safety section, so that the guidance
//! and the way to act on it stay on the first screen. Every other section starts closed. What the person chose
//! is kept per section as `1:+outlook,-safety` (a format version, then each section the
//! person opened or closed); anything else in storage reads as no choice made.

use super::codes::codes;
use super::screening::Triage;

codes! {
    /// A detail section of the results, in the order they are shown. Its code is the
    /// `data-section` DOM hook (shared/design/architecture.md).
    pub enum Section {
        Safety = "safety",
        Outlook = "outlook",
        Techniques = "techniques",
        Comparison = "comparison",
        Plan = "plan",
        SelfCare = "self_care",
        Progress = "progress",
        Answers = "answers",
        Share = "share",
    }
}

/// The format of the kept choice; another version reads as no choice.
const FORMAT: &str = "1:";

/// Which sections the person opened or closed; the rest follow their default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenSections {
    /// Bit `i`: section `i` was chosen; `open`: and chosen open.
    chosen: u16,
    open: u16,
}

impl OpenSections {
    /// Whether `section` is open for results of this triage.
    pub fn is_open(self, section: Section, triage: Triage) -> bool {
        let bit = 1 << section.index();
        if self.chosen & bit != 0 {
            self.open & bit != 0
        } else {
            section == Section::Safety && matches!(triage, Triage::Caution | Triage::MedicalReview | Triage::Incomplete)
        }
    }

    /// The person opened (`true`) or closed `section`.
    pub fn set(self, section: Section, open: bool) -> OpenSections {
        let bit = 1 << section.index();
        OpenSections { chosen: self.chosen | bit, open: if open { self.open | bit } else { self.open & !bit } }
    }

    /// The kept form: `1:+outlook,-safety`.
    pub fn to_text(self) -> String {
        let chosen = Section::ALL.iter().filter(|s| self.chosen & (1 << s.index()) != 0);
        let items: Vec<String> =
            chosen.map(|s| [if self.open & (1 << s.index()) != 0 { "+" } else { "-" }, s.as_str()].concat()).collect();
        [FORMAT, &items.join(",")].concat()
    }

    /// Reads the kept form; unknown sections are skipped, and text of another format (or
    /// none) is no choice at all.
    pub fn parse(text: &str) -> OpenSections {
        let Some(items) = text.strip_prefix(FORMAT) else {
            return OpenSections::default();
        };
        items.split(',').fold(OpenSections::default(), |sections, item| {
            let (open, code) = match item.split_at_checked(1) {
                Some(("+", code)) => (true, code),
                Some(("-", code)) => (false, code),
                _ => return sections,
            };
            match Section::from_code(code) {
                Some(section) => sections.set(section, open),
                None => sections,
            }
        })
    }
}

/// Whether a returning person's welcome back stands above the results' summary: always,
/// but when care comes first (an emergency or urgent triage), whose guidance then stays
/// the first thing on screen.
pub fn welcome_back_first(triage: Triage) -> bool {
    !triage.needs_care_now()
}
