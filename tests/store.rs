//! The storage policy of `domain::store`, natively, against a memory store that can be
//! blocked, fill up and hold junk: nothing unreadable is ever overwritten, every failure
//! leaves a working session and says so.

use std::rc::Rc;

use backpain_intake::domain::intake::Answer;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::session::{Action, Screen, Session};
use backpain_intake::domain::store::{Backend, LoadNotice, MemoryBackend, SessionStore, StoreError};
use backpain_intake::domain::text::Lang;
use backpain_intake::domain::Intake;

const KEY: &str = "clinic.intake";

fn answered() -> Session {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/caution.json"))
        .expect("the caution fixture");
    let intake = Intake::from_json(&text).expect("a valid fixture");
    Session::new().apply(Action::Replace(Box::new(intake), 2))
}

fn store_over(backend: MemoryBackend) -> (Rc<MemoryBackend>, SessionStore) {
    let backend = Rc::new(backend);
    (backend.clone(), SessionStore::with_backend(KEY, backend))
}

fn value(backend: &MemoryBackend, key: &str) -> Option<String> {
    backend.get(key).expect("a readable store")
}

#[test]
fn a_missing_key_is_a_fresh_session_and_a_blank_one_leaves_no_key() {
    let (backend, store) = store_over(MemoryBackend::default());
    let loaded = store.load(1);
    assert_eq!((loaded.session, loaded.notice), (Session::new(), None));
    store.save(&answered()).expect("saved");
    store.save(&Session::new()).expect("a blank session removes the key");
    assert_eq!(backend.keys(), Ok(Vec::new()));
}

#[test]
fn a_session_round_trips_and_says_it_was_restored() {
    let (_, store) = store_over(MemoryBackend::default());
    let session = answered();
    store.save(&session).expect("saved");
    let loaded = store.load(2);
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.notice, Some(LoadNotice::Restored));
}

#[test]
fn whatever_cannot_be_read_is_moved_aside_whole_and_a_fresh_session_starts() {
    let junk = [
        "{\"v\": 1, \"intake\": [broken".to_owned(),
        r#"{"v": 7, "intake": {}}"#.to_owned(),
        r#"{"v": 1, "intake": {"format": 2, "answers": {}}, "reminders": []}"#.to_owned(),
        r#"{"v": 1, "intake": {"format": 2, "answers": {"age": 400}}}"#.to_owned(),
        format!("[{}0]", "0,".repeat(750_000)),
        "x".repeat(4_000_000),
        "\u{0}\u{ffff}".to_owned(),
    ];
    for (i, text) in junk.iter().enumerate() {
        let (backend, store) = store_over(MemoryBackend::default());
        backend.set(KEY, text).expect("set");
        let loaded = store.load(1000 + i as u64);
        assert_eq!((loaded.session.clone(), loaded.notice), (Session::new(), Some(LoadNotice::MovedAside)), "{i}");
        assert_eq!(value(&backend, KEY), None, "{i}: the key is free for the fresh session");
        assert_eq!(value(&backend, &format!("{KEY}.backup.{}", 1000 + i)).as_ref(), Some(text), "{i}: kept whole");
        assert_eq!(store.backups(), vec![format!("{KEY}.backup.{}", 1000 + i)]);
        store.save(&answered()).expect("the fresh session saves");
    }
}

#[test]
fn unreadable_data_with_no_room_to_move_it_is_never_overwritten() {
    let junk = format!("{{\"v\": 1, \"intake\": [broken {}", "x".repeat(100));
    let junk = junk.as_str();
    let started = Session::new().apply(Action::Start);
    // Room for the junk or a started session under the key, not for a backup beside it.
    let quota = KEY.len() + junk.len() + 2;
    assert!(started.to_saved_json().len() + 24 < junk.len());
    let (backend, store) = store_over(MemoryBackend::with_quota(quota));
    backend.set(KEY, junk).expect("set");
    let loaded = store.load(5);
    assert_eq!(loaded.notice, Some(LoadNotice::KeptUnreadable));
    assert!(!store.is_available() && !store.is_blocked(), "holding back, not blocked");
    assert_eq!(store.save(&answered()), Err(StoreError::Unavailable));
    assert_eq!(store.save_lang(Lang::Fr), Err(StoreError::Unavailable));
    assert_eq!(value(&backend, KEY).as_deref(), Some(junk), "untouched");
    // "Clear my data" is the person's choice: it removes it, and saving works again.
    store.clear().expect("cleared");
    assert!(store.is_available());
    store.save(&started).expect("saves again");
}

#[test]
fn a_blocked_store_leaves_an_in_memory_session_and_says_so() {
    let (_, store) = store_over(MemoryBackend::blocked());
    assert_eq!(store.load(1).notice, Some(LoadNotice::Unavailable));
    assert_eq!(store.save(&answered()), Err(StoreError::Unavailable));
    assert_eq!(store.load_lang(), None);
    let nowhere = SessionStore::new(KEY, None);
    assert!(nowhere.is_blocked() && !nowhere.is_available());
    assert_eq!(nowhere.load(1).notice, Some(LoadNotice::Unavailable));
    assert_eq!(nowhere.clear(), Err(StoreError::Unavailable));
}

#[test]
fn a_full_store_reports_full_and_keeps_the_last_saved_value() {
    let first = Session::new().apply(Action::Start);
    // Room for the first session and its write stamp, not for the answered one.
    let (backend, store) = store_over(MemoryBackend::with_quota(KEY.len() + first.to_saved_json().len() + 24));
    store.save(&first).expect("fits");
    assert_eq!(store.save(&answered()), Err(StoreError::Full));
    let kept = value(&backend, KEY).expect("kept");
    assert_eq!(Session::from_saved_json(&kept), Ok(first));
    assert!(store.is_available(), "a full store is still a store: the next save may fit");
}

#[test]
fn clearing_removes_the_session_its_backups_and_language_and_nothing_else() {
    let (backend, store) = store_over(MemoryBackend::default());
    store.save(&answered()).expect("saved");
    store.save_lang(Lang::Es).expect("saved");
    for key in [format!("{KEY}.backup.1"), format!("{KEY}.backup.2"), "other.widget".to_owned(), format!("{KEY}x")] {
        backend.set(&key, "kept?").expect("set");
    }
    assert_eq!(store.load_lang(), Some(Lang::Es));
    store.clear().expect("cleared");
    assert_eq!(backend.keys(), Ok(vec![format!("{KEY}x"), "other.widget".to_owned()]));
    assert_eq!(store.load_lang(), None);
}

#[test]
fn a_language_that_is_not_one_is_ignored() {
    let (backend, store) = store_over(MemoryBackend::default());
    backend.set(&format!("{KEY}.lang"), "klingon").expect("set");
    assert_eq!(store.load_lang(), None);
    backend.set(&format!("{KEY}.lang"), "fr-CA").expect("set");
    assert_eq!(store.load_lang(), Some(Lang::Fr));
    assert_eq!(store.key(), KEY);
    assert_eq!(store.load(1).session.screen, Screen::Welcome);
}

/// One tab as the widget runs it: its store, its session, and the last intake it read.
struct Tab {
    store: SessionStore,
    session: Session,
    synced: Intake,
}

impl Tab {
    fn open(backend: &Rc<MemoryBackend>, now: u64) -> Tab {
        let store = SessionStore::with_backend(KEY, backend.clone());
        let session = store.load(now).session;
        Tab { store, synced: session.intake.clone(), session }
    }

    /// Answers a question and saves; returns what was written, as the other tab hears it.
    fn answer(&mut self, backend: &MemoryBackend, id: QuestionId, answer: Answer) -> String {
        self.session = self.session.apply(Action::Answer(id, answer));
        self.store.save(&self.session).expect("saved");
        value(backend, KEY).expect("written")
    }

    /// Hears another tab's write, as the widget does; returns its own write, if any.
    fn hear(&mut self, backend: &MemoryBackend, text: &str) -> Option<String> {
        let (other, saw_ours) = self.store.receive(text).expect("readable");
        let base = std::mem::replace(&mut self.synced, other.intake.clone());
        let action = if saw_ours {
            Action::AdoptFromOtherTab(Box::new(other.clone()))
        } else {
            Action::MergeFromOtherTab(Box::new(other.intake.clone()), Box::new(base))
        };
        self.session = self.session.apply(action);
        // The widget writes back only what differs from what it heard.
        (self.session.intake != other.intake).then(|| {
            self.store.save(&self.session).expect("saved");
            value(backend, KEY).expect("written")
        })
    }
}

#[test]
fn two_tabs_writing_at_once_merge_and_settle_after_one_round() {
    let backend = Rc::new(MemoryBackend::default());
    let (mut a, mut b) = (Tab::open(&backend, 1_000), Tab::open(&backend, 2_000));
    // Both answer before hearing the other: the writes cross.
    let from_a = a.answer(&backend, QuestionId::Age, Answer::Integer(47));
    let from_b = b.answer(&backend, QuestionId::PainNow, Answer::Integer(6));
    let again_a = a.hear(&backend, &from_b).expect("A writes the merge back");
    let again_b = b.hear(&backend, &from_a).expect("B writes the merge back");
    assert_eq!(a.hear(&backend, &again_b), None, "settled");
    assert_eq!(b.hear(&backend, &again_a), None, "settled");
    for tab in [&a, &b] {
        assert_eq!(tab.session.intake.answers.integer(QuestionId::Age), Some(47));
        assert_eq!(tab.session.intake.answers.integer(QuestionId::PainNow), Some(6));
    }
}

#[test]
fn an_answer_changed_back_in_the_other_tab_stays_changed_with_no_back_and_forth() {
    let backend = Rc::new(MemoryBackend::default());
    let (mut a, mut b) = (Tab::open(&backend, 1_000), Tab::open(&backend, 2_000));
    let from_a = a.answer(&backend, QuestionId::Age, Answer::Integer(47));
    assert_eq!(b.hear(&backend, &from_a), None, "B takes A's answer");
    // B, having seen it, changes it: A's old answer must not come back.
    let from_b = b.answer(&backend, QuestionId::Age, Answer::Integer(74));
    assert_eq!(a.hear(&backend, &from_b), None, "A takes B's change and writes nothing");
    assert_eq!(a.session.intake.answers.integer(QuestionId::Age), Some(74));
    // And a cleared answer stays cleared.
    let from_a = a.answer(&backend, QuestionId::PainNow, Answer::Integer(3));
    assert_eq!(b.hear(&backend, &from_a), None);
    b.session = b.session.apply(Action::Unanswer(QuestionId::Age));
    b.store.save(&b.session).expect("saved");
    let cleared = value(&backend, KEY).expect("written");
    assert_eq!(a.hear(&backend, &cleared), None);
    assert_eq!(a.session.intake.answers.integer(QuestionId::Age), None);
}
