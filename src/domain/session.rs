//! The intake session: where the person is, what they answered, and every move they can
//! make, as a pure state machine.
//!
//! The widget's reducer calls [`Session::apply`] and nothing else, so every decision the
//! widget makes (may the person go on, which answers does a hidden question drop, when
//! may the results show) is decided here and tested natively. The saved form of a
//! session is versioned JSON; reading it back is total and typed.

use super::checkins::{CheckIn, MAX_CHECKINS};
use super::codes::codes;
use super::error::{AnswerError, AnswerErrorKind};
use super::intake::{Answer, Intake, OLDEST_FORMAT};
use super::question::QuestionId;
use super::questionnaire::{Questionnaire, StepId};
use super::screening::{screen, Triage};
use crate::codec::json::{self, Json};
use crate::codec::sort::sort_small_by_key;

/// The version of the saved-session document this build writes.
pub const SAVED_VERSION: u64 = 1;

codes! {
    /// The screens of the widget besides the steps.
    pub enum Place {
        Welcome = "welcome",
        Results = "results",
    }
}

/// Where the person is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Welcome,
    Step(StepId),
    Results,
}

impl Screen {
    /// The code the saved session stores: a step id, `welcome` or `results`.
    pub fn as_str(self) -> &'static str {
        match self {
            Screen::Welcome => Place::Welcome.as_str(),
            Screen::Results => Place::Results.as_str(),
            Screen::Step(step) => step.as_str(),
        }
    }

    /// The screen for a stored code.
    pub fn from_code(code: &str) -> Option<Screen> {
        match Place::from_code(code) {
            Some(Place::Welcome) => Some(Screen::Welcome),
            Some(Place::Results) => Some(Screen::Results),
            None => StepId::from_code(code).map(Screen::Step),
        }
    }
}

/// Everything the person can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Begin the intake from the welcome screen (keeps any answers).
    Start,
    /// Throw away every answer and check-in and begin again.
    StartOver,
    /// Give or change an answer.
    Answer(QuestionId, Answer),
    /// Take an answer back.
    Unanswer(QuestionId),
    /// Go to the next step, if this one is complete.
    Next,
    /// Go back one step (from the first step, to the welcome screen).
    Back,
    /// Jump to a step already reached.
    GoTo(StepId),
    /// Show the results, if allowed.
    ShowResults,
    /// Record a check-in.
    RecordCheckIn(CheckIn),
    /// Remove the check-in at this position.
    RemoveCheckIn(usize),
    /// Take the answers and check-ins another tab saved, staying on this tab's screen
    /// when it is still valid.
    AdoptFromOtherTab(Box<Session>),
    /// Merge the intake another tab saved (first) into this tab's, answer by answer, with
    /// the last intake read from storage (second) as the common base ([`Intake::merged`]);
    /// then as [`Action::AdoptFromOtherTab`].
    MergeFromOtherTab(Box<Intake>, Box<Intake>),
    /// Forget everything and return to the welcome screen (after "clear my data").
    Reset,
    /// Replace the answers and check-ins with these (an imported file, or a shared result
    /// the person chose to save), written in this answer format, and show the results when
    /// they are complete; answers of an older format open on the questions added since.
    Replace(Box<Intake>, u64),
}

/// The state of one person's intake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub intake: Intake,
    pub screen: Screen,
    /// The required questions the person tried to pass without answering, for the error
    /// summary of the current step; cleared as they are answered or the step changes.
    pub unanswered: Vec<QuestionId>,
}

impl Default for Session {
    fn default() -> Session {
        Session { intake: Intake::default(), screen: Screen::Welcome, unanswered: Vec::new() }
    }
}

impl Session {
    /// A fresh session on the welcome screen.
    pub fn new() -> Session {
        Session::default()
    }

    /// Whether anything has been answered or recorded.
    pub fn has_progress(&self) -> bool {
        !self.intake.answers.is_empty() || !self.intake.checkins.is_empty()
    }

    /// Whether screening finds an emergency right now: the widget shows the emergency
    /// guidance at once, on whatever step the person is.
    pub fn is_emergency(&self) -> bool {
        screen(&self.intake.answers).triage == Triage::Emergency
    }

    /// Whether the results may be shown: every step complete, or a finding so serious
    /// (emergency or urgent) that the person must be able to read it at once.
    pub fn can_show_results(&self) -> bool {
        let questionnaire = Questionnaire::get();
        questionnaire.first_incomplete_step(&self.intake.answers).is_none()
            || matches!(screen(&self.intake.answers).triage, Triage::Emergency | Triage::Urgent)
    }

    /// The steps the person may jump to: every step up to and including the first one
    /// that is incomplete.
    pub fn reachable_steps(&self) -> Vec<StepId> {
        let first_incomplete = Questionnaire::get().first_incomplete_step(&self.intake.answers);
        let mut steps = Vec::new();
        for step in StepId::ALL {
            steps.push(*step);
            if Some(*step) == first_incomplete {
                break;
            }
        }
        steps
    }

    /// How far through the intake the person is, 0 to 100: the share of steps finished
    /// before the current one.
    pub fn percent_complete(&self) -> u8 {
        let total = StepId::ALL.len();
        let done = match self.screen {
            Screen::Welcome => 0,
            Screen::Step(step) => step.index(),
            Screen::Results => total,
        };
        (done * 100 / total) as u8
    }

    /// The session after an action. Actions that are not allowed leave the session as
    /// it is, except that a refused `Next` lists what is missing.
    #[must_use]
    pub fn apply(&self, action: Action) -> Session {
        let mut next = self.clone();
        match action {
            Action::Start => {
                next.screen = Screen::Step(next.resume_step());
                next.unanswered.clear();
            }
            Action::StartOver => {
                next = Session { screen: Screen::Step(StepId::AboutYou), ..Session::new() };
            }
            Action::Answer(id, answer) => {
                if next.intake.answers.set(id, answer).is_ok() {
                    next.drop_hidden_answers();
                    next.unanswered.retain(|q| *q != id);
                }
            }
            Action::Unanswer(id) => {
                next.intake.answers.clear(id);
                next.drop_hidden_answers();
            }
            Action::Next => {
                if let Screen::Step(step) = next.screen {
                    let missing = Questionnaire::get().step(step).map(|s| s.unanswered(&next.intake.answers));
                    match missing {
                        Some(missing) if !missing.is_empty() => next.unanswered = missing,
                        _ => {
                            next.unanswered.clear();
                            next.screen = match StepId::from_index(step.index() + 1) {
                                Some(following) => Screen::Step(following),
                                None if next.can_show_results() => Screen::Results,
                                None => Screen::Step(next.resume_step()),
                            };
                        }
                    }
                }
            }
            Action::Back => {
                next.unanswered.clear();
                next.screen = match next.screen {
                    Screen::Welcome | Screen::Step(StepId::AboutYou) => Screen::Welcome,
                    Screen::Step(step) => StepId::from_index(step.index() - 1).map_or(Screen::Welcome, Screen::Step),
                    Screen::Results => Screen::Step(StepId::Preferences),
                };
            }
            Action::GoTo(step) => {
                if next.reachable_steps().contains(&step) {
                    next.unanswered.clear();
                    next.screen = Screen::Step(step);
                }
            }
            Action::ShowResults => {
                if next.can_show_results() {
                    next.unanswered.clear();
                    next.screen = Screen::Results;
                } else if let Screen::Step(step) = next.screen {
                    next.unanswered =
                        Questionnaire::get().step(step).map(|s| s.unanswered(&next.intake.answers)).unwrap_or_default();
                }
            }
            Action::RecordCheckIn(checkin) => {
                if next.intake.checkins.len() < MAX_CHECKINS && checkin.pain_now <= 10 && checkin.pain_worst_week <= 10
                {
                    next.intake.checkins.push(checkin);
                    sort_small_by_key(&mut next.intake.checkins, |c| c.date);
                }
            }
            Action::RemoveCheckIn(index) => {
                if index < next.intake.checkins.len() {
                    next.intake.checkins.remove(index);
                }
            }
            Action::AdoptFromOtherTab(other) => next = next.adopting(other.intake),
            Action::MergeFromOtherTab(theirs, base) => {
                let merged = next.intake.merged(&base, &theirs);
                next = next.adopting(merged);
            }
            Action::Reset => next = Session::new(),
            Action::Replace(intake, format) => {
                // Replacing means "show me these results": the results when they can be
                // shown, else the questions added since (upgrade_from), else where to go on.
                next = Session { intake: *intake, screen: Screen::Results, unanswered: Vec::new() };
                next.upgrade_from(format);
                if next.screen == Screen::Results && !next.can_show_results() {
                    next.screen = Screen::Step(next.resume_step());
                }
            }
        }
        next
    }

    /// This tab with another tab's intake, on this tab's screen while it is still valid.
    fn adopting(&self, intake: Intake) -> Session {
        let mut next = Session { screen: Screen::Welcome, unanswered: Vec::new(), intake };
        // Everything deleted elsewhere: this tab starts again too.
        next.screen = match self.screen {
            _ if !next.has_progress() => Screen::Welcome,
            Screen::Results if next.can_show_results() => Screen::Results,
            Screen::Step(step) if next.reachable_steps().contains(&step) => Screen::Step(step),
            Screen::Welcome => Screen::Welcome,
            _ => Screen::Step(next.resume_step()),
        };
        next
    }

    /// The step to resume at: the first incomplete one, else the last.
    fn resume_step(&self) -> StepId {
        Questionnaire::get().first_incomplete_step(&self.intake.answers).unwrap_or(StepId::Preferences)
    }

    /// Removes answers to questions that are no longer shown, so that a hidden answer never
    /// changes the result (for example liked techniques after "never had a massage").
    fn drop_hidden_answers(&mut self) {
        let hidden: Vec<QuestionId> = Questionnaire::get()
            .questions()
            .filter(|q| !q.is_shown(&self.intake.answers) && self.intake.answers.is_answered(q.id))
            .map(|q| q.id)
            .collect();
        for id in hidden {
            self.intake.answers.clear(id);
        }
    }

    /// The saved form: `{"v": 1, "screen": "...", "intake": {format, answers, checkins}}`.
    pub fn to_saved_json(&self) -> String {
        self.to_saved_json_stamped(None)
    }

    /// The saved form with a [`Stamp`] (`"w": [write, seen]`), which tells another tab
    /// whether this write was made after reading its own (`domain::store`).
    pub fn to_saved_json_stamped(&self, stamp: Option<Stamp>) -> String {
        let mut members = vec![
            ("v", Json::int(SAVED_VERSION as i64)),
            ("screen", Json::str(self.screen.as_str())),
            ("intake", self.intake.to_json()),
        ];
        if let Some(Stamp { write, seen }) = stamp {
            members.push(("w", Json::Array(vec![Json::int(write as i64), Json::int(seen as i64)])));
        }
        Json::object(members).to_text()
    }

    /// A saved session and its [`Stamp`], if it has one.
    pub fn from_saved_json_stamped(text: &str) -> Result<(Session, Option<Stamp>), SavedError> {
        let (mut session, format, stamp) = Session::read_saved(text)?;
        session.upgrade_from(format);
        Ok((session, stamp))
    }

    /// Reads a saved session. Version 1 is read as is; an answer document with no
    /// wrapper (the export format, which early builds also saved) is migrated onto the
    /// welcome screen. Anything else is a typed error, and the caller moves the text
    /// aside rather than overwrite it.
    ///
    /// Answers saved in an older answer format that lack questions added since (the v2
    /// safety questions) open on the step of the first of them, with the new questions
    /// listed in [`Session::unanswered`], so the person answers them instead of starting
    /// again; see [`Session::upgraded`].
    pub fn from_saved_json(text: &str) -> Result<Session, SavedError> {
        Session::from_saved_json_stamped(text).map(|(session, _)| session)
    }

    /// Points an older session at the questions added since its format: their step, with
    /// those of that step listed as still to answer, or an earlier step that still has a
    /// question unanswered (so the person never lands past a gap). Nothing changes when
    /// there are none, when the person has not yet got past that step (they will meet the
    /// questions in order), or when an emergency or urgent result is on screen (danger is
    /// never hidden behind a question).
    fn upgrade_from(&mut self, format: u64) {
        let added = self.intake.added_since(format);
        let questionnaire = Questionnaire::get();
        let Some(new_step) = added.first().and_then(|id| questionnaire.step_of(*id)) else {
            return;
        };
        let step = match questionnaire.first_incomplete_step(&self.intake.answers).and_then(|s| questionnaire.step(s)) {
            Some(earlier) if earlier.id < new_step.id => earlier,
            _ => new_step,
        };
        let got_past = match self.screen {
            Screen::Results => !self.can_show_results(),
            Screen::Step(on) => on > new_step.id,
            Screen::Welcome => false,
        };
        if got_past {
            self.screen = Screen::Step(step.id);
            self.unanswered = step.questions.iter().map(|q| q.id).filter(|id| added.contains(id)).collect();
        }
    }

    /// Whether this session was read from an older format and is waiting for the
    /// questions added since: the widget says so in a notice.
    pub fn upgraded(&self) -> bool {
        self.unanswered.iter().any(|id| id.since_format() > OLDEST_FORMAT)
    }

    fn read_saved(text: &str) -> Result<(Session, u64, Option<Stamp>), SavedError> {
        let value = json::parse(text).map_err(|e| SavedError::Corrupt(e.to_string()))?;
        if value.as_object().is_none() {
            return Err(SavedError::Corrupt("not a JSON object".into()));
        }
        // A member this build does not know (written by a newer one) would be lost by the
        // next save: the whole document is refused, so that the caller sets it aside.
        if let Some((unknown, _)) = value
            .as_object()
            .into_iter()
            .flatten()
            .find(|(k, _)| !matches!(k.as_str(), "v" | "screen" | "intake" | "w"))
        {
            if value.get("v").is_some() {
                return Err(SavedError::UnknownField(unknown.clone()));
            }
        }
        match value.get("v") {
            Some(v) if v.as_u64() == Some(SAVED_VERSION) => {
                let (intake, format) = Intake::from_value_versioned(value.get("intake").unwrap_or(&Json::Null))
                    .map_err(SavedError::Invalid)?;
                let screen =
                    value.get("screen").and_then(Json::as_str).and_then(Screen::from_code).unwrap_or(Screen::Welcome);
                let stamp = match value.get("w").map(Json::as_array) {
                    None => None,
                    Some(Some([write, seen])) => {
                        Some(Stamp { write: write.as_u64().unwrap_or(0), seen: seen.as_u64().unwrap_or(0) })
                    }
                    Some(_) => return Err(SavedError::UnknownField("w".into())),
                };
                Ok((Session { intake, screen, unanswered: Vec::new() }, format, stamp))
            }
            Some(v) => Err(SavedError::UnknownVersion(v.to_text())),
            None if value.get("format").is_some() => {
                let (intake, format) = Intake::from_value_versioned(&value).map_err(SavedError::Invalid)?;
                Ok((Session { intake, screen: Screen::Welcome, unanswered: Vec::new() }, format, None))
            }
            None => Err(SavedError::Invalid(AnswerError::top(AnswerErrorKind::MissingFormat))),
        }
    }
}

/// Which write a saved document is, and the other tab's write it was made after reading
/// (0: none), so that a tab can tell an answer changed there on purpose from one the other
/// tab never saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub write: u64,
    pub seen: u64,
}

/// Why a saved session could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Not JSON, or not an object.
    Corrupt(String),
    /// JSON of the right shape with answers that do not validate.
    Invalid(AnswerError),
    /// A version this build does not know (perhaps written by a newer one).
    UnknownVersion(String),
    /// A member this build does not know, which saving would drop.
    UnknownField(String),
}

impl std::fmt::Display for SavedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SavedError::Corrupt(detail) => write!(f, "saved data is corrupt ({detail})"),
            SavedError::Invalid(err) => write!(f, "saved answers are not valid ({err})"),
            SavedError::UnknownVersion(v) => write!(f, "saved data has unknown version {v}"),
            SavedError::UnknownField(name) => write!(f, "saved data has unknown field \"{name}\""),
        }
    }
}

impl std::error::Error for SavedError {}
