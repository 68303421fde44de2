//! The whole widget as one native state machine: every decision a test must check.
//!
//! ```text
//!  event (a click, a key, a fetched catalog, another tab, a pasted link)
//!    -> Widget::apply -> next state, and effects as data (fetch, clear the address, focus)
//!    -> the Yew shell (ui/app.rs) runs the effects and renders the state (ui/, view/)
//! ```
//!
//! The state is the person's [`Session`], the shared link in the address, the notices,
//! the language, a replacement waiting for "replace my answers?", and the confirmations.
//! Storage goes through [`SessionStore`] and its [`Backend`](super::store::Backend), so the
//! whole policy (saving, the other tab's echo, a full or blocked store) runs in native
//! tests with a memory backend that can refuse, fill up and hold junk. What needs the
//! browser and happens later (a fetch, the address, the focus after a render) comes back
//! to the shell as an [`Effect`].

use std::rc::Rc;

use super::codes::codes;
use super::intake::Intake;
use super::sections::{OpenSections, Section};
use super::session::{Action, Screen, Session};
use super::share::{self, Opened, Sealed, ShareErrorCode};
use super::store::{LoadNotice, SessionStore, StoreError};
use super::text::{Lang, UiKey};
use crate::codec::sealed;

codes! {
    /// Every kind of notice; the code is the `data-notice` hook the end-to-end tests wait on.
    pub enum NoticeKind {
        /// Answers from an earlier visit were restored.
        Restored = "restored",
        /// Storage is blocked: this visit's answers stay in memory only.
        StorageUnavailable = "storage-unavailable",
        /// Storage is full: the latest answers could not be saved.
        StorageFull = "storage-full",
        /// Unreadable saved data was moved to a backup key.
        StorageCorrupt = "storage-corrupt",
        /// Unreadable saved data could not be moved aside, so nothing is saved this visit.
        StorageKeptUnreadable = "storage-kept-unreadable",
        /// Everything was deleted.
        Cleared = "cleared",
        /// Another tab changed or deleted the answers.
        OtherTab = "other-tab",
        /// A share link that cannot be opened; the detail says why.
        ShareInvalid = "share-invalid",
        /// The passphrase does not open a protected link.
        ShareWrongPassphrase = "share-wrong-passphrase",
        /// A shared result was saved as the person's own answers.
        SharedSaved = "shared-saved",
        /// An answer file was refused; the detail says why.
        ImportRefused = "import-refused",
        /// An answer file was read.
        Imported = "imported",
        /// The chosen language's catalog could not be fetched; the language on screen stays.
        LangUnavailable = "lang-unavailable",
        /// Answers saved, shared or exported before the latest safety questions were
        /// added: the questions to answer are listed on the step (or, for a shared result,
        /// in the triage).
        NewQuestions = "new-questions",
    }
}

impl NoticeKind {
    /// Problems are alerts (`role="alert"`); the rest are status messages.
    pub fn is_alert(self) -> bool {
        !matches!(
            self,
            NoticeKind::Restored
                | NoticeKind::Cleared
                | NoticeKind::OtherTab
                | NoticeKind::SharedSaved
                | NoticeKind::Imported
                | NoticeKind::NewQuestions
        )
    }

    /// The notice's words.
    pub fn text_key(self) -> UiKey {
        match self {
            NoticeKind::Restored => ui!("ui.notice.restored"),
            NoticeKind::StorageUnavailable => ui!("ui.notice.storage_unavailable"),
            NoticeKind::StorageFull => ui!("ui.notice.storage_full"),
            NoticeKind::StorageCorrupt => ui!("ui.notice.storage_corrupt"),
            NoticeKind::StorageKeptUnreadable => ui!("ui.notice.storage_kept_unreadable"),
            NoticeKind::Cleared => ui!("ui.notice.cleared"),
            NoticeKind::OtherTab => ui!("ui.notice.other_tab"),
            NoticeKind::ShareInvalid => ui!("ui.notice.share_invalid"),
            NoticeKind::ShareWrongPassphrase => ui!("ui.notice.share_wrong_passphrase"),
            NoticeKind::SharedSaved => ui!("ui.notice.shared_saved"),
            NoticeKind::ImportRefused => ui!("ui.notice.import_refused"),
            NoticeKind::Imported => ui!("ui.notice.imported"),
            NoticeKind::LangUnavailable => ui!("ui.notice.lang_unavailable"),
            NoticeKind::NewQuestions => ui!("ui.notice.new_questions"),
        }
    }
}

/// The exact problem behind a notice about input from outside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Why a link cannot be opened, read in the language on screen.
    Link(ShareErrorCode),
    /// Words already in the person's language (why a file was refused).
    Said(String),
}

/// One notice on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub detail: Option<Detail>,
}

impl Notice {
    /// A notice with no detail.
    pub fn of(kind: NoticeKind) -> Notice {
        Notice { kind, detail: None }
    }
}

/// What the address's share link holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// No share link.
    None,
    /// A result, opened, with the answer format of its link (the link's version).
    Open(Rc<Intake>, u64),
    /// A protected result, waiting for its passphrase.
    Locked(Rc<Sealed>),
    /// A link that cannot be opened.
    Failed(ShareErrorCode),
}

impl Shared {
    /// Reads the link in a location fragment.
    pub fn from_fragment(fragment: &str) -> Shared {
        // A link sealed to a clinic opens on the clinic's device only.
        if sealed::payload_of_fragment(fragment).is_some() {
            return Shared::Failed(ShareErrorCode::ForClinic);
        }
        let payload = share::payload_of_fragment(fragment);
        let version = payload.and_then(share::payload_version).map_or(0, u64::from);
        match payload.map(share::decode) {
            None => Shared::None,
            Some(Ok(Opened::Plain(intake))) => Shared::Open(Rc::new(*intake), version),
            Some(Ok(Opened::Sealed(sealed))) => Shared::Locked(Rc::new(sealed)),
            Some(Err(error)) => Shared::Failed(error.code()),
        }
    }

    /// Whether a shared result (open or locked) is shown instead of the person's own.
    pub fn is_shown(&self) -> bool {
        matches!(self, Shared::Open(..) | Shared::Locked(_))
    }

    /// Which state this is: a change of state moves the focus.
    fn kind(&self) -> u8 {
        match self {
            Shared::None => 0,
            Shared::Open(..) => 1,
            Shared::Locked(_) => 2,
            Shared::Failed(_) => 3,
        }
    }
}

/// Everything that can happen to the widget.
#[derive(Debug)]
pub enum Event {
    /// The person did something to their intake (answered, moved, checked in ...).
    Act(Action),
    /// The person chose a language.
    ChooseLang(Lang),
    /// The catalog of a language arrived (the shell keeps it), or could not be had.
    CatalogArrived(Lang),
    CatalogFailed(Lang),
    /// The address's fragment changed: a link pasted into this tab.
    LinkPasted(String),
    /// Another tab wrote (or, with `None`, deleted) this widget's saved session.
    OtherTab(Option<String>),
    /// "Clear my data" asks for confirmation (true), or the person said no (false).
    AskClear(bool),
    /// The person confirmed "clear my data".
    Clear,
    /// An answer file was read (its intake and answer format), or refused and why.
    Import(Result<(Intake, u64), String>),
    /// "Save this to my device" on a shared result.
    SaveShared,
    /// The answer to "replace my answers?".
    ConfirmReplace(bool),
    /// A passphrase is being tried on the protected link.
    Unlocking,
    /// The passphrase opened the link: its intake and answer format.
    Unlocked(Intake, u64),
    /// The passphrase did not open the link.
    WrongPassphrase,
    /// "Start my own" from a shared result.
    StartOwn,
    /// A notice was dismissed.
    Dismiss(NoticeKind),
    /// A results section was opened (`true`) or closed.
    OpenSection(Section, bool),
    /// "See all my results" from the welcome back.
    LeaveWelcomeBack,
}

/// What the shell must do for the core, in this order, after it renders the new state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Fetch this language's catalog; answer with `CatalogArrived` or `CatalogFailed`.
    FetchCatalog(Lang),
    /// Remove the share link from the address, so a reload does not open it again.
    ClearFragment,
    /// Move the focus to the new screen's heading (`data-focus-heading`).
    FocusHeading,
}

/// Answers that will replace the person's own, the answer format they were written in,
/// and the notice to show when they do.
#[derive(Clone, Debug, PartialEq)]
struct Replacement {
    intake: Intake,
    format: u64,
    kind: NoticeKind,
}

/// The widget's whole state: see the module.
pub struct Widget {
    store: SessionStore,
    session: Session,
    /// The language chosen, and the one whose texts are on screen: `None` only while the
    /// first language other than English is fetched.
    lang: Lang,
    shown: Option<Lang>,
    /// The languages whose catalogs the shell holds.
    held: Vec<Lang>,
    /// Newest last.
    notices: Vec<Notice>,
    shared: Shared,
    pending: Option<Replacement>,
    unlocking: bool,
    confirming_clear: bool,
    /// True once the person has done anything: only then does the focus move, so an
    /// embedded widget never takes the focus from the clinic's page on load.
    acted: bool,
    /// The intake last adopted from another tab, not to be written back (two tabs on
    /// different screens would otherwise echo each other forever).
    adopted: Option<Intake>,
    /// The intake last read from storage, at load or from another tab: the base an answer
    /// given here is merged against ([`Intake::merged`]).
    synced: Intake,
    /// The store refused the last write for want of room.
    full: bool,
    /// The session changed during the event being applied: save it at the end.
    changed: bool,
    /// The results' sections the person opened or closed.
    open: OpenSections,
    /// The person came back to saved results: they are welcomed back with a quick
    /// check-in until they move on.
    returning: bool,
}

impl Widget {
    /// The widget at start: the saved session loaded from `store`, the language chosen
    /// (the person's earlier choice, the clinic's, the browser's, English), and the share
    /// link in `fragment` opened. The effects fetch the language when it is not English.
    pub fn new(
        store: SessionStore,
        clinic_lang: Option<Lang>,
        browser_langs: &[String],
        fragment: &str,
        now_ms: u64,
    ) -> (Widget, Vec<Effect>) {
        let lang = Lang::choose(store.load_lang(), clinic_lang, browser_langs);
        let loaded = store.load(now_ms);
        let notice = loaded.notice.map(|notice| match notice {
            LoadNotice::Restored => NoticeKind::Restored,
            LoadNotice::RestoredNewQuestions => NoticeKind::NewQuestions,
            LoadNotice::Unavailable => NoticeKind::StorageUnavailable,
            LoadNotice::MovedAside => NoticeKind::StorageCorrupt,
            LoadNotice::KeptUnreadable => NoticeKind::StorageKeptUnreadable,
        });
        let returning = loaded.session.screen == Screen::Results && !loaded.session.intake.answers.is_empty();
        let mut widget = Widget {
            open: store.load_open(),
            returning,
            store,
            synced: loaded.session.intake.clone(),
            session: loaded.session,
            lang,
            shown: (lang == Lang::En).then_some(lang),
            held: vec![Lang::En],
            notices: notice.map(Notice::of).into_iter().collect(),
            shared: Shared::None,
            pending: None,
            unlocking: false,
            confirming_clear: false,
            acted: false,
            adopted: None,
            full: false,
            changed: false,
        };
        widget.open_link(fragment);
        let effects = if lang == Lang::En { vec![] } else { vec![Effect::FetchCatalog(lang)] };
        (widget, effects)
    }

    /// Applies one event; the effects are for the shell.
    pub fn apply(&mut self, event: Event) -> Vec<Effect> {
        let before = (self.session.screen, self.shared.kind());
        let mut effects = Vec::new();
        match event {
            Event::Act(action) => {
                self.acted = true;
                // A check-in keeps the welcome back on screen, to show what it changed;
                // anything else moves on from it.
                self.returning &= matches!(action, Action::RecordCheckIn(_) | Action::RemoveCheckIn(_));
                self.change(action);
            }
            Event::ChooseLang(lang) => {
                self.acted = true;
                // Not remembering the choice (blocked storage) only costs choosing again.
                let _ = self.store.save_lang(lang);
                if lang != self.lang {
                    self.lang = lang;
                    if self.held.contains(&lang) {
                        self.shown = Some(lang);
                    } else {
                        effects.push(Effect::FetchCatalog(lang));
                    }
                }
            }
            Event::CatalogArrived(lang) => {
                self.held.push(lang);
                // A catalog that arrives after the person chose another is kept, not shown.
                if lang == self.lang {
                    self.shown = Some(lang);
                }
            }
            Event::CatalogFailed(lang) if lang == self.lang => {
                // Offline before it was ever cached, say: the language on screen stays
                // (English at first), and the person is told.
                let fallback = self.shown.unwrap_or(Lang::En);
                self.shown = Some(fallback);
                self.lang = fallback;
                self.show(Notice::of(NoticeKind::LangUnavailable));
            }
            Event::CatalogFailed(_) => {}
            Event::LinkPasted(fragment) => self.open_link(&fragment),
            Event::OtherTab(value) => self.follow_other_tab(value),
            Event::AskClear(ask) => self.confirming_clear = ask,
            Event::Clear => {
                self.acted = true;
                self.confirming_clear = false;
                // A blocked store has nothing to delete; the session is reset all the same.
                let _ = self.store.clear();
                self.notices.retain(|n| n.kind == NoticeKind::StorageUnavailable);
                self.show(Notice::of(NoticeKind::Cleared));
                self.open = OpenSections::default();
                self.returning = false;
                self.change(Action::Reset);
            }
            Event::Import(Ok((intake, format))) => {
                self.replace(Replacement { intake, format, kind: NoticeKind::Imported }, false, &mut effects)
            }
            Event::Import(Err(problem)) => {
                self.show(Notice { kind: NoticeKind::ImportRefused, detail: Some(Detail::Said(problem)) })
            }
            Event::SaveShared => {
                if let Shared::Open(intake, format) = &self.shared {
                    let replacement =
                        Replacement { intake: (**intake).clone(), format: *format, kind: NoticeKind::SharedSaved };
                    self.replace(replacement, false, &mut effects);
                }
            }
            Event::ConfirmReplace(yes) => match self.pending.take() {
                Some(replacement) if yes => self.replace(replacement, true, &mut effects),
                _ => {}
            },
            Event::Unlocking => self.unlocking = true,
            Event::Unlocked(intake, format) => {
                // Unlocking is acting: the opened result's heading takes the focus, and
                // the earlier "wrong passphrase" alert goes. A link the person left (or
                // replaced) while the passphrase was tried stays closed.
                self.acted = true;
                self.unlocking = false;
                self.dismiss(NoticeKind::ShareWrongPassphrase);
                if matches!(self.shared, Shared::Locked(_)) {
                    self.shared = Shared::Open(Rc::new(intake), format);
                }
            }
            Event::WrongPassphrase => {
                self.unlocking = false;
                self.show(Notice::of(NoticeKind::ShareWrongPassphrase));
            }
            Event::StartOwn => {
                self.acted = true;
                self.shared = Shared::None;
                // "Replace my answers?" about the result just left no longer applies.
                self.pending = None;
                effects.push(Effect::ClearFragment);
            }
            Event::Dismiss(kind) => self.dismiss(kind),
            Event::OpenSection(section, open) => {
                self.open = self.open.set(section, open);
                // Not remembering it (blocked or full storage) only costs opening it again.
                let _ = self.store.save_open(self.open);
            }
            Event::LeaveWelcomeBack => {
                self.acted = true;
                self.returning = false;
                effects.push(Effect::FocusHeading);
            }
        }
        if std::mem::take(&mut self.changed) {
            self.save();
        }
        // Each new screen's heading takes the focus once the person has acted, so keyboard
        // and screen-reader users start at its top.
        if self.acted && before != (self.session.screen, self.shared.kind()) {
            effects.push(Effect::FocusHeading);
        }
        effects
    }

    /// The person's session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The language chosen (the switcher shows it).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language whose texts are on screen; `None` while the first language other
    /// than English is on its way, with nothing to read yet.
    pub fn shown_lang(&self) -> Option<Lang> {
        self.shown
    }

    /// The notices, newest last.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The share link in the address.
    pub fn shared(&self) -> &Shared {
        &self.shared
    }

    /// Whether "replace my answers?" is asked.
    pub fn asks_to_replace(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether a passphrase is being tried.
    pub fn is_unlocking(&self) -> bool {
        self.unlocking
    }

    /// Whether "clear my data" asks for confirmation.
    pub fn confirms_clear(&self) -> bool {
        self.confirming_clear
    }

    /// Whether the emergency guidance stands above the screen: an emergency found while
    /// the person answers (the results carry their own).
    pub fn shows_emergency(&self) -> bool {
        self.session.is_emergency() && self.session.screen != Screen::Results && !self.shared.is_shown()
    }

    /// Which results sections are open (with the triage, see [`OpenSections::is_open`]).
    pub fn sections(&self) -> OpenSections {
        self.open
    }

    /// Whether the results open with the welcome back and its quick check-in: the person
    /// came back to saved results, on the results, with nobody else's link open.
    pub fn welcomes_back(&self) -> bool {
        self.returning && self.session.screen == Screen::Results && !self.shared.is_shown()
    }

    /// What the footer says about saving: blocked storage, data kept safe by not saving,
    /// a full store, or saved.
    pub fn footer_note(&self) -> UiKey {
        if self.store.is_blocked() {
            ui!("ui.footer.memory_only")
        } else if !self.store.is_available() {
            ui!("ui.footer.protecting")
        } else if self.full {
            ui!("ui.footer.full")
        } else {
            ui!("ui.footer.private")
        }
    }

    /// Moves the session; a change is saved once the event is applied.
    fn change(&mut self, action: Action) {
        let next = self.session.apply(action);
        if next != self.session {
            self.session = next;
            self.changed = true;
        }
    }

    /// Saves the session, unless it is what another tab just wrote. While the store is
    /// full the person is told (after what the event itself said), and once saving works
    /// again the "full" alert goes.
    fn save(&mut self) {
        if self.adopted.take_if(|intake| *intake == self.session.intake).is_some() {
            return;
        }
        match self.store.save(&self.session) {
            Err(StoreError::Full) => {
                self.full = true;
                self.show(Notice::of(NoticeKind::StorageFull));
            }
            Ok(()) if self.full => {
                self.full = false;
                self.dismiss(NoticeKind::StorageFull);
            }
            _ => {}
        }
    }

    /// Opens the link in the address: a link that cannot be opened says why, and the
    /// person's own session stays. Every pasted link is new, even with the fault of the
    /// one before, and says so again.
    fn open_link(&mut self, fragment: &str) {
        self.shared = Shared::from_fragment(fragment);
        if let Shared::Failed(code) = self.shared {
            self.show(Notice { kind: NoticeKind::ShareInvalid, detail: Some(Detail::Link(code)) });
        }
    }

    /// Takes what another tab saved. Everything deleted there (no value) is deleted here
    /// too; unreadable data is that tab's to report. A tab that wrote after reading ours
    /// stands as it wrote; otherwise answers given here meanwhile are merged in and the
    /// merge written back.
    fn follow_other_tab(&mut self, value: Option<String>) {
        let Some((other, saw_ours)) = value.map_or(Some((Session::new(), true)), |text| self.store.receive(&text))
        else {
            return;
        };
        // What storage holds now: the base of the next merge, and no echo to write.
        let base = std::mem::replace(&mut self.synced, other.intake.clone());
        self.adopted = Some(other.intake.clone());
        self.change(if saw_ours {
            Action::AdoptFromOtherTab(Box::new(other))
        } else {
            Action::MergeFromOtherTab(Box::new(other.intake), Box::new(base))
        });
        self.show(Notice::of(NoticeKind::OtherTab));
    }

    /// Replaces the person's answers: at once when they have none, else once they confirm.
    fn replace(&mut self, replacement: Replacement, confirmed: bool, effects: &mut Vec<Effect>) {
        self.acted = true;
        if self.session.has_progress() && !confirmed {
            self.pending = Some(replacement);
            return;
        }
        self.pending = None;
        let Replacement { intake, format, kind } = replacement;
        if kind == NoticeKind::SharedSaved {
            self.shared = Shared::None;
            effects.push(Effect::ClearFragment);
        }
        let new_questions = !intake.added_since(format).is_empty();
        self.change(Action::Replace(Box::new(intake), format));
        self.show(Notice::of(kind));
        if new_questions {
            self.show(Notice::of(NoticeKind::NewQuestions));
        }
    }

    /// Shows a notice, replacing one of the same kind.
    fn show(&mut self, notice: Notice) {
        self.dismiss(notice.kind);
        self.notices.push(notice);
    }

    fn dismiss(&mut self, kind: NoticeKind) {
        self.notices.retain(|n| n.kind != kind);
    }
}
