//! The clinician page's state: the intakes a clinician has opened (a share link, answer
//! files), the one on screen, and what could not be opened and why.
//!
//! Native, like the widget core: the page only hands it what arrived and renders the
//! result. The list is in triage order, most serious first (emergency, urgent,
//! incomplete, medical review, caution, clear), then in the order opened, so the intake
//! that needs a doctor is never below one that does not. Nothing is stored: the page
//! keeps only what is open.

use std::rc::Rc;

use super::checkins::Date;
use super::share::{self, Letter, Opened as Decoded, Sealed, ShareErrorCode};
use super::{assess, AnswerError, Assessment, Intake};
use crate::codec::sealed::{self, Envelope};

/// The most answer files one drop or choice opens; more are refused by name.
pub const MAX_FILES: usize = 50;

/// One intake opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub intake: Intake,
    pub assessment: Assessment,
    /// The answer format it was written in.
    pub format: u64,
    /// Where it came from: a file's name, or empty for the link in the address.
    pub source: String,
    /// The day a sealed link was sent.
    pub sent: Option<Date>,
    /// The name or initials the person gave their therapist (sealed links only).
    pub initials: Option<String>,
}

/// Why a file could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Over the size of any answer file.
    TooLarge,
    /// The browser could not read it as text.
    Unreadable,
    /// Not an answer file, or one with an answer the widget refuses.
    NotAnswers(AnswerError),
    /// Beyond [`MAX_FILES`] at once.
    TooMany,
}

/// What could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Link(ShareErrorCode),
    File(String, FileProblem),
}

/// What can happen on the clinician page.
#[derive(Debug)]
pub enum InboxEvent {
    /// The address's fragment, at start or when a link is pasted.
    Link(String),
    /// Files chosen or dropped: each name with its text, or why it could not be read.
    Files(Vec<(String, Result<String, FileProblem>)>),
    /// The passphrase opened the protected link: its intake and answer format.
    Unlocked(Box<Intake>, u64),
    /// The passphrase did not open it.
    WrongPassphrase,
    /// A link sealed to this clinic, opened with its key: what the person sent, with the answer format it was written in.
    Delivered(Box<Letter>, u64),
    /// A sealed link that could not be opened here, and why.
    Undeliverable(ShareErrorCode),
    /// A clinic key was made or restored, with the address's fragment then: a sealed link
    /// there is tried again (it may be this key's); any other link is left as it is, so
    /// an unlocked passphrase link is not locked again.
    KeyAdded(String),
    /// Show this intake (its position in [`Inbox::opened`]).
    Select(usize),
    /// The problems were read.
    DismissProblems,
}

/// The page's state.
#[derive(Default)]
pub struct Inbox {
    opened: Vec<Opened>,
    selected: Option<usize>,
    problems: Vec<Problem>,
    locked: Option<Rc<Sealed>>,
    envelope: Option<Envelope>,
}

impl Inbox {
    pub fn new() -> Inbox {
        Inbox::default()
    }

    /// Applies one event. A newly opened intake is shown; one already open is shown
    /// again rather than listed twice.
    pub fn apply(&mut self, event: InboxEvent) {
        match event {
            InboxEvent::Link(fragment) => {
                if let Some(payload) = sealed::payload_of_fragment(&fragment) {
                    match Envelope::decode(payload) {
                        Ok(envelope) => self.envelope = Some(envelope),
                        Err(error) => self.problems.push(Problem::Link(error.into())),
                    }
                    return;
                }
                let Some(payload) = share::payload_of_fragment(&fragment) else {
                    return;
                };
                let format = share::payload_version(payload).map_or(0, u64::from);
                match share::decode(payload) {
                    Ok(Decoded::Plain(intake)) => self.open(*intake, format, String::new(), None),
                    Ok(Decoded::Sealed(sealed)) => self.locked = Some(Rc::new(sealed)),
                    Err(error) => self.problems.push(Problem::Link(error.code())),
                }
            }
            InboxEvent::Files(files) => {
                for (index, (name, text)) in files.into_iter().enumerate() {
                    let read = match text {
                        _ if index >= MAX_FILES => Err(FileProblem::TooMany),
                        Ok(text) => Intake::from_json_versioned(&text).map_err(FileProblem::NotAnswers),
                        Err(problem) => Err(problem),
                    };
                    match read {
                        Ok((intake, format)) => self.open(intake, format, name, None),
                        Err(problem) => self.problems.push(Problem::File(name, problem)),
                    }
                }
            }
            InboxEvent::Unlocked(intake, format) => {
                if self.locked.take().is_some() {
                    self.open(*intake, format, String::new(), None);
                }
            }
            InboxEvent::WrongPassphrase => self.problems.push(Problem::Link(ShareErrorCode::WrongPassphrase)),
            InboxEvent::Delivered(letter, format) => {
                // A key restored since opens the link that no key opened before.
                self.problems.retain(|p| *p != Problem::Link(ShareErrorCode::OtherKey));
                let Letter { intake, sent, initials } = *letter;
                self.open(intake, format, String::new(), Some((sent, initials)));
            }
            InboxEvent::Undeliverable(code) => self.problems.push(Problem::Link(code)),
            InboxEvent::KeyAdded(fragment) => {
                if sealed::payload_of_fragment(&fragment).is_some() {
                    self.apply(InboxEvent::Link(fragment));
                }
            }
            InboxEvent::Select(index) if index < self.opened.len() => self.selected = Some(index),
            InboxEvent::Select(_) => {}
            InboxEvent::DismissProblems => self.problems.clear(),
        }
    }

    fn open(&mut self, intake: Intake, format: u64, source: String, letter: Option<(Option<Date>, Option<String>)>) {
        let (sent, initials) = letter.unwrap_or_default();
        // The same answers sent by two people (or sent and also opened from a file) are
        // two intakes: the day and the initials are part of what was opened.
        let same = |o: &Opened| o.intake == intake && o.sent == sent && o.initials == initials;
        if let Some(index) = self.opened.iter().position(same) {
            self.selected = Some(index);
            return;
        }
        let assessment = assess(&intake.answers, &intake.checkins);
        self.opened.push(Opened { intake, assessment, format, source, sent, initials });
        self.selected = Some(self.opened.len() - 1);
    }

    /// Every intake opened, in the order opened (the positions [`InboxEvent::Select`]
    /// takes).
    pub fn opened(&self) -> &[Opened] {
        &self.opened
    }

    /// The positions of the opened intakes in triage order, most serious first.
    pub fn by_triage(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.opened.len()).collect();
        // Stable: equal levels keep the order they were opened in.
        order.sort_by_key(|&i| std::cmp::Reverse(self.opened[i].assessment.triage.rank()));
        order
    }

    /// The intake on screen.
    pub fn selected(&self) -> Option<(usize, &Opened)> {
        let index = self.selected?;
        Some((index, self.opened.get(index)?))
    }

    /// What could not be opened, oldest first.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The sealed link in the address, for the page to open with the clinic's key: it is
    /// handed over once.
    pub fn take_envelope(&mut self) -> Option<Envelope> {
        self.envelope.take()
    }

    /// The protected link waiting for its passphrase.
    pub fn locked(&self) -> Option<&Rc<Sealed>> {
        self.locked.as_ref()
    }
}
