//! The widget core (`domain::widget`), natively: the order catalogs arrive in, other
//! tabs, storage that is blocked, fills up or holds junk, replacing the answers from a
//! file or a link, and clearing. Each of these was tested only in Chromium before.

use std::cell::Cell;
use std::rc::Rc;

use backpain_intake::domain::intake::Answer;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::questionnaire::StepId;
use backpain_intake::domain::session::{Action, Screen, Session};
use backpain_intake::domain::share::{self, ShareErrorCode};
use backpain_intake::domain::store::{Backend, MemoryBackend, SessionStore, StoreError};
use backpain_intake::domain::text::Lang;
use backpain_intake::domain::widget::{Detail, Effect, Event, Notice, NoticeKind, Shared, Widget};
use backpain_intake::domain::Intake;

const KEY: &str = "clinic.intake";

/// A memory store that can be made full, or to refuse everything, at any moment.
#[derive(Default)]
struct Faulty {
    inner: MemoryBackend,
    full: Cell<bool>,
}

impl Backend for Faulty {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.full.get() {
            return Err(StoreError::Full);
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn intake(name: &str) -> Intake {
    Intake::from_json(&fixture(name)).expect("a valid fixture")
}

fn open(backend: &Rc<impl Backend + 'static>, browser: &[&str], fragment: &str) -> (Widget, Vec<Effect>) {
    let browser: Vec<String> = browser.iter().map(|tag| (*tag).to_owned()).collect();
    let store = SessionStore::with_backend(KEY, backend.clone());
    Widget::new(store, None, &browser, fragment, 1_000)
}

fn widget(backend: &Rc<impl Backend + 'static>) -> Widget {
    open(backend, &[], "").0
}

/// A widget where the browser blocks storage: its store has no backend at all.
fn blocked() -> Widget {
    Widget::new(SessionStore::new(KEY, None), None, &[], "", 1_000).0
}

fn kinds(widget: &Widget) -> Vec<NoticeKind> {
    widget.notices().iter().map(|n| n.kind).collect()
}

fn answer(widget: &mut Widget, id: QuestionId, value: u8) -> Vec<Effect> {
    widget.apply(Event::Act(Action::Answer(id, Answer::Integer(value))))
}

// Languages.

#[test]
fn english_is_at_hand_and_another_language_waits_for_its_catalog() {
    let backend = Rc::new(MemoryBackend::default());
    let (english, effects) = open(&backend, &["it-IT", "en-GB"], "");
    assert_eq!((english.shown_lang(), effects), (Some(Lang::En), vec![]));

    let (mut french, effects) = open(&backend, &["fr-CA"], "");
    assert_eq!(effects, vec![Effect::FetchCatalog(Lang::Fr)]);
    assert_eq!(french.shown_lang(), None, "nothing to read until the catalog arrives");
    french.apply(Event::CatalogArrived(Lang::Fr));
    assert_eq!((french.lang(), french.shown_lang()), (Lang::Fr, Some(Lang::Fr)));
}

#[test]
fn a_catalog_that_arrives_after_another_choice_is_kept_but_not_shown() {
    let mut widget = widget(&Rc::new(MemoryBackend::default()));
    assert_eq!(widget.apply(Event::ChooseLang(Lang::Es)), vec![Effect::FetchCatalog(Lang::Es)]);
    assert_eq!(widget.shown_lang(), Some(Lang::En), "English stays on screen meanwhile");
    assert_eq!(widget.apply(Event::ChooseLang(Lang::Fr)), vec![Effect::FetchCatalog(Lang::Fr)]);
    widget.apply(Event::CatalogArrived(Lang::Fr));
    widget.apply(Event::CatalogArrived(Lang::Es));
    assert_eq!((widget.lang(), widget.shown_lang()), (Lang::Fr, Some(Lang::Fr)), "the late Spanish is not shown");
    assert_eq!(widget.apply(Event::ChooseLang(Lang::Es)), vec![], "Spanish is held: no second fetch");
    assert_eq!(widget.shown_lang(), Some(Lang::Es));
    assert_eq!(widget.apply(Event::ChooseLang(Lang::En)), vec![]);
    assert_eq!(widget.shown_lang(), Some(Lang::En));
}

#[test]
fn a_catalog_that_cannot_be_had_keeps_the_language_on_screen_and_says_so() {
    let mut widget = widget(&Rc::new(MemoryBackend::default()));
    widget.apply(Event::ChooseLang(Lang::Es));
    widget.apply(Event::ChooseLang(Lang::Fr));
    widget.apply(Event::CatalogFailed(Lang::Es));
    assert_eq!((widget.lang(), kinds(&widget)), (Lang::Fr, vec![]), "a failure nobody waits for says nothing");
    widget.apply(Event::CatalogFailed(Lang::Fr));
    assert_eq!((widget.lang(), widget.shown_lang()), (Lang::En, Some(Lang::En)));
    assert_eq!(kinds(&widget), vec![NoticeKind::LangUnavailable]);

    // The first language, offline before its catalog was ever cached: English.
    let (mut french, _) = open(&Rc::new(MemoryBackend::default()), &["fr"], "");
    french.apply(Event::CatalogFailed(Lang::Fr));
    assert_eq!((french.lang(), french.shown_lang()), (Lang::En, Some(Lang::En)));
    assert_eq!(kinds(&french), vec![NoticeKind::LangUnavailable]);
}

#[test]
fn the_chosen_language_outranks_the_browser_on_the_next_visit() {
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = widget(&backend);
    widget.apply(Event::ChooseLang(Lang::Es));
    let (next_visit, effects) = open(&backend, &["fr"], "");
    assert_eq!((next_visit.lang(), effects), (Lang::Es, vec![Effect::FetchCatalog(Lang::Es)]));
}

// Saving, and storage that misbehaves.

#[test]
fn every_change_is_saved_and_restored_on_the_next_visit() {
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = widget(&backend);
    assert_eq!(backend.keys(), Ok(vec![]), "opening writes nothing");
    widget.apply(Event::Act(Action::Start));
    answer(&mut widget, QuestionId::Age, 40);
    let next_visit = self::widget(&backend);
    assert_eq!(next_visit.session(), widget.session());
    assert_eq!(kinds(&next_visit), vec![NoticeKind::Restored]);
    assert_eq!(next_visit.footer_note(), backpain_intake::domain::text::UiKey::of("ui.footer.private"));
}

#[test]
fn blocked_storage_keeps_a_working_session_in_memory_and_says_so() {
    let mut widget = blocked();
    assert_eq!(kinds(&widget), vec![NoticeKind::StorageUnavailable]);
    widget.apply(Event::Act(Action::Start));
    answer(&mut widget, QuestionId::Age, 40);
    assert!(widget.session().has_progress(), "answers still count");
    assert_eq!(widget.footer_note(), backpain_intake::domain::text::UiKey::of("ui.footer.memory_only"));
    widget.apply(Event::ChooseLang(Lang::Fr));
    assert_eq!(kinds(&widget), vec![NoticeKind::StorageUnavailable], "no new alarm for an unsaved language");
}

#[test]
fn a_full_store_is_reported_until_a_save_succeeds_again() {
    let backend = Rc::new(Faulty::default());
    let mut widget = widget(&backend);
    widget.apply(Event::Act(Action::Start));
    backend.full.set(true);
    answer(&mut widget, QuestionId::Age, 40);
    assert_eq!(kinds(&widget), vec![NoticeKind::StorageFull]);
    assert_eq!(widget.footer_note(), backpain_intake::domain::text::UiKey::of("ui.footer.full"));
    assert_eq!(widget.session().intake.answers.integer(QuestionId::Age), Some(40), "the answer stays in memory");
    backend.full.set(false);
    answer(&mut widget, QuestionId::Age, 41);
    assert_eq!(kinds(&widget), vec![], "the alert goes once saving works");
    assert_eq!(widget.footer_note(), backpain_intake::domain::text::UiKey::of("ui.footer.private"));
    assert!(backend.get(KEY).expect("readable").is_some_and(|saved| saved.contains("41")));
}

#[test]
fn corrupt_foreign_and_future_data_is_moved_aside_and_a_fresh_session_starts() {
    for junk in [
        "{\"v\": 1, \"intake\": [broken",
        r#"{"v": 1, "intake": {"format": 2, "answers": {}}, "reminders": []}"#,
        r#"{"v": 7, "intake": {"format": 9, "answers": {}}}"#,
        "not even JSON",
    ] {
        let backend = Rc::new(MemoryBackend::default());
        backend.set(KEY, junk).expect("room");
        let mut widget = widget(&backend);
        assert_eq!(kinds(&widget), vec![NoticeKind::StorageCorrupt], "{junk}");
        assert_eq!(*widget.session(), Session::new());
        let backup = format!("{KEY}.backup.1000");
        assert_eq!(backend.get(&backup), Ok(Some(junk.to_owned())), "kept whole: {junk}");
        answer(&mut widget, QuestionId::Age, 40);
        assert_eq!(backend.get(&backup), Ok(Some(junk.to_owned())), "never overwritten");
    }
}

#[test]
fn junk_that_cannot_be_moved_aside_is_left_alone_and_nothing_is_saved() {
    let junk = "x".repeat(100);
    let backend = Rc::new(MemoryBackend::with_quota(KEY.len() + junk.len() + 10));
    backend.set(KEY, &junk).expect("room");
    let mut widget = widget(&backend);
    assert_eq!(kinds(&widget), vec![NoticeKind::StorageKeptUnreadable]);
    widget.apply(Event::Act(Action::Start));
    answer(&mut widget, QuestionId::Age, 40);
    assert_eq!(backend.get(KEY), Ok(Some(junk)), "the unreadable data is intact");
    assert_eq!(widget.footer_note(), backpain_intake::domain::text::UiKey::of("ui.footer.protecting"));
}

// Other tabs.

#[test]
fn a_change_in_another_tab_is_taken_and_not_written_back() {
    let backend = Rc::new(MemoryBackend::default());
    let (mut here, mut there) = (widget(&backend), widget(&backend));
    there.apply(Event::Act(Action::Start));
    answer(&mut there, QuestionId::Age, 40);
    let written = backend.get(KEY).expect("readable");
    here.apply(Event::OtherTab(written.clone()));
    assert_eq!(here.session().intake, there.session().intake);
    assert_eq!(here.session().screen, Screen::Welcome, "this tab stays on its own screen");
    assert_eq!(kinds(&here), vec![NoticeKind::OtherTab]);
    assert_eq!(backend.get(KEY).expect("readable"), written, "no echo");

    // Everything deleted there: deleted here too.
    here.apply(Event::OtherTab(None));
    assert_eq!(*here.session(), Session::new());
}

#[test]
fn answers_given_in_two_tabs_at_once_are_merged() {
    let backend = Rc::new(MemoryBackend::default());
    let (mut one, mut two) = (widget(&backend), widget(&backend));
    answer(&mut one, QuestionId::Age, 40);
    let from_one = backend.get(KEY).expect("readable");
    answer(&mut two, QuestionId::PainNow, 6);
    let from_two = backend.get(KEY).expect("readable");
    // Each tab hears of the other's write after making its own.
    two.apply(Event::OtherTab(from_one));
    one.apply(Event::OtherTab(from_two));
    for tab in [&one, &two] {
        let answers = &tab.session().intake.answers;
        assert_eq!((answers.integer(QuestionId::Age), answers.integer(QuestionId::PainNow)), (Some(40), Some(6)));
    }
    let saved = Session::from_saved_json_stamped(&backend.get(KEY).expect("readable").expect("saved"));
    assert_eq!(saved.expect("readable").0.intake, one.session().intake, "the merge is what storage holds");
}

#[test]
fn unreadable_data_from_another_tab_changes_nothing_here() {
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = widget(&backend);
    answer(&mut widget, QuestionId::Age, 40);
    let before = widget.session().clone();
    widget.apply(Event::OtherTab(Some("{broken".to_owned())));
    assert_eq!((widget.session(), kinds(&widget)), (&before, vec![]));
}

// Replacing the answers.

#[test]
fn a_file_replaces_blank_answers_at_once_and_asks_before_replacing_any() {
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = widget(&backend);
    widget.apply(Event::Import(Ok((intake("clear.json"), 2))));
    assert_eq!(widget.session().intake, intake("clear.json"));
    assert_eq!(widget.session().screen, Screen::Results);
    assert_eq!(kinds(&widget), vec![NoticeKind::Imported]);

    widget.apply(Event::Import(Ok((intake("caution.json"), 2))));
    assert!(widget.asks_to_replace());
    widget.apply(Event::ConfirmReplace(false));
    assert!(!widget.asks_to_replace());
    assert_eq!(widget.session().intake, intake("clear.json"), "no: nothing changed");

    widget.apply(Event::Import(Ok((intake("caution.json"), 2))));
    widget.apply(Event::ConfirmReplace(true));
    assert_eq!(widget.session().intake, intake("caution.json"));
    let saved = Session::from_saved_json_stamped(&backend.get(KEY).expect("readable").expect("saved"));
    assert_eq!(saved.expect("readable").0.intake, intake("caution.json"), "and saved");
}

#[test]
fn a_file_from_before_the_latest_questions_opens_on_them_and_says_why() {
    let mut widget = widget(&Rc::new(MemoryBackend::default()));
    widget.apply(Event::Import(Ok((Intake::from_json(&fixture("answers-v1-clear.json")).expect("v1"), 1))));
    assert_eq!(kinds(&widget), vec![NoticeKind::Imported, NoticeKind::NewQuestions]);
    assert!(matches!(widget.session().screen, Screen::Step(_)), "the questions added since come first");
}

#[test]
fn a_refused_file_says_why_and_changes_nothing() {
    let mut widget = widget(&Rc::new(MemoryBackend::default()));
    answer(&mut widget, QuestionId::Age, 40);
    let before = widget.session().clone();
    widget.apply(Event::Import(Err("not an answer file".to_owned())));
    assert_eq!(widget.session(), &before);
    let refused =
        Notice { kind: NoticeKind::ImportRefused, detail: Some(Detail::Said("not an answer file".to_owned())) };
    assert_eq!(widget.notices(), [refused]);
}

#[test]
fn a_shared_result_is_shown_apart_and_saved_only_when_asked() {
    let backend = Rc::new(MemoryBackend::default());
    let fragment = fixture("share-v1-caution.txt");
    let (mut widget, _) = open(&backend, &[], fragment.trim());
    assert!(matches!(widget.shared(), Shared::Open(_, 1)));
    assert_eq!(backend.keys(), Ok(vec![]), "opening a link saves nothing");
    assert!(!widget.shows_emergency());
    let effects = widget.apply(Event::SaveShared);
    assert!(effects.contains(&Effect::ClearFragment), "a reload must not open it again");
    assert_eq!(widget.shared(), &Shared::None);
    assert!(widget.session().has_progress());
    assert!(kinds(&widget).starts_with(&[NoticeKind::SharedSaved]));
    assert!(backend.get(KEY).expect("readable").is_some());
}

#[test]
fn start_my_own_leaves_the_persons_answers_as_they_were() {
    let backend = Rc::new(MemoryBackend::default());
    let mut first = widget(&backend);
    answer(&mut first, QuestionId::Age, 40);
    let link = format!("{}{}", share::FRAGMENT_PREFIX, share::encode(&intake("emergency.json"), false));
    let (mut widget, _) = open(&backend, &[], &link);
    assert!(matches!(widget.shared(), Shared::Open(..)));
    assert_eq!(widget.apply(Event::StartOwn), vec![Effect::ClearFragment, Effect::FocusHeading]);
    assert_eq!(widget.session(), first.session());
}

#[test]
fn a_damaged_link_says_why_each_time_and_keeps_the_session() {
    let backend = Rc::new(MemoryBackend::default());
    let mut first = widget(&backend);
    answer(&mut first, QuestionId::Age, 40);
    let mut link = fixture("share-v1-clear.txt").trim().to_owned();
    link.truncate(link.len() - 3);
    let (mut widget, _) = open(&backend, &[], &link);
    let damaged = Notice { kind: NoticeKind::ShareInvalid, detail: Some(Detail::Link(ShareErrorCode::Damaged)) };
    assert!(widget.notices().ends_with(std::slice::from_ref(&damaged)));
    assert_eq!(widget.session(), first.session());
    widget.apply(Event::Dismiss(NoticeKind::ShareInvalid));
    widget.apply(Event::LinkPasted(link));
    assert!(widget.notices().ends_with(&[damaged]), "the same fault in a new link is said again");
}

#[test]
fn a_wrong_passphrase_is_said_and_goes_once_the_link_opens() {
    let fragment = fixture("share-v1-caution-sealed.txt");
    let (mut widget, _) = open(&Rc::new(MemoryBackend::default()), &[], fragment.trim());
    assert!(matches!(widget.shared(), Shared::Locked(_)));
    widget.apply(Event::Unlocking);
    assert!(widget.is_unlocking());
    widget.apply(Event::WrongPassphrase);
    assert!(!widget.is_unlocking());
    assert_eq!(kinds(&widget), vec![NoticeKind::ShareWrongPassphrase]);
    widget.apply(Event::Unlocking);
    let effects = widget.apply(Event::Unlocked(intake("caution.json"), 1));
    assert_eq!((effects, kinds(&widget)), (vec![Effect::FocusHeading], vec![]));
    assert!(matches!(widget.shared(), Shared::Open(_, 1)));
}

// Clearing, focus and the emergency guidance.

#[test]
fn clearing_deletes_everything_and_returns_to_the_welcome() {
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = widget(&backend);
    widget.apply(Event::ChooseLang(Lang::Fr));
    widget.apply(Event::Import(Ok((intake("caution.json"), 2))));
    backend.set(&format!("{KEY}.backup.5"), "old junk").expect("room");
    widget.apply(Event::AskClear(true));
    assert!(widget.confirms_clear());
    widget.apply(Event::Clear);
    assert_eq!(backend.keys(), Ok(vec![]), "answers, backups and the language");
    assert_eq!(*widget.session(), Session::new());
    assert_eq!(kinds(&widget), vec![NoticeKind::Cleared]);
    assert!(!widget.confirms_clear());
}

#[test]
fn clearing_blocked_storage_resets_the_session_and_keeps_the_storage_alert() {
    let mut widget = blocked();
    answer(&mut widget, QuestionId::Age, 40);
    widget.apply(Event::Clear);
    assert_eq!(*widget.session(), Session::new());
    assert_eq!(kinds(&widget), vec![NoticeKind::StorageUnavailable, NoticeKind::Cleared]);
}

#[test]
fn the_focus_moves_only_after_the_person_acts() {
    let backend = Rc::new(MemoryBackend::default());
    let mut first = widget(&backend);
    first.apply(Event::Act(Action::Start));
    answer(&mut first, QuestionId::Age, 40);
    // A page that opens on a restored session, or another tab's change, takes no focus.
    let (mut widget, effects) = open(&backend, &[], "");
    assert_eq!((widget.session().screen, effects), (Screen::Step(StepId::AboutYou), vec![]));
    answer(&mut first, QuestionId::Age, 41);
    let other = backend.get(KEY).expect("readable");
    assert_eq!(widget.apply(Event::OtherTab(other)), vec![]);
    assert_eq!(widget.apply(Event::Act(Action::Back)), vec![Effect::FocusHeading]);
    assert_eq!(widget.apply(Event::Act(Action::Start)), vec![Effect::FocusHeading]);
    assert_eq!(answer(&mut widget, QuestionId::Age, 42), vec![], "an answer keeps the focus where it is");
}

#[test]
fn an_emergency_stands_above_the_steps_but_not_the_results() {
    let mut widget = widget(&Rc::new(MemoryBackend::default()));
    widget.apply(Event::Act(Action::Start));
    widget.apply(Event::Act(Action::Answer(QuestionId::RfBladder, Answer::Bool(true))));
    assert!(widget.shows_emergency());
    widget.apply(Event::Act(Action::ShowResults));
    assert_eq!(widget.session().screen, Screen::Results);
    assert!(!widget.shows_emergency(), "the results carry their own guidance");
}

#[test]
fn a_passphrase_that_opens_a_link_already_left_opens_nothing() {
    let fragment = fixture("share-v1-caution-sealed.txt");
    let (mut widget, _) = open(&Rc::new(MemoryBackend::default()), &[], fragment.trim());
    widget.apply(Event::Unlocking);
    widget.apply(Event::StartOwn);
    widget.apply(Event::Unlocked(intake("caution.json"), 1));
    assert_eq!(widget.shared(), &Shared::None, "\"start my own\" stands");
    assert!(!widget.is_unlocking());
}

#[test]
fn leaving_a_shared_result_drops_its_pending_replacement() {
    let backend = Rc::new(MemoryBackend::default());
    let mut first = widget(&backend);
    answer(&mut first, QuestionId::Age, 40);
    let (mut widget, _) = open(&backend, &[], fixture("share-v1-caution.txt").trim());
    widget.apply(Event::SaveShared);
    assert!(widget.asks_to_replace(), "the person has answers of their own");
    widget.apply(Event::StartOwn);
    assert!(!widget.asks_to_replace());
    widget.apply(Event::ConfirmReplace(true));
    assert_eq!(widget.session(), first.session(), "a late yes replaces nothing");
}

#[test]
fn a_full_store_is_said_after_what_the_event_itself_said() {
    let backend = Rc::new(Faulty::default());
    let mut widget = widget(&backend);
    backend.full.set(true);
    widget.apply(Event::Import(Ok((intake("caution.json"), 2))));
    assert_eq!(kinds(&widget), vec![NoticeKind::Imported, NoticeKind::StorageFull]);
}
