//! The storage adapter in a real browser: a fresh store, a round trip through the page's
//! local storage, corrupt and unknown content moved aside (never overwritten), a blocked
//! store and a full one, each leaving a working session and the right notice.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use backpain_intake::browser::storage::{Backend, LoadNotice, LocalBackend, MemoryBackend, SessionStore, StoreError};
use backpain_intake::domain::intake::Answer;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::questionnaire::StepId;
use backpain_intake::domain::session::{Action, Screen, Session};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("local storage in the test browser")
}

/// A unique key per test, so tests never see each other's data.
fn key(name: &str) -> String {
    format!("bpi-test.{name}.{}", js_sys::Math::random())
}

fn some_progress() -> Session {
    Session::new()
        .apply(Action::Start)
        .apply(Action::Answer(QuestionId::Age, Answer::Integer(52)))
        .apply(Action::Answer(QuestionId::Pregnancy, Answer::One(0)))
        .apply(Action::Next)
}

#[wasm_bindgen_test]
fn a_blank_session_leaves_no_key_behind() {
    let backend = Rc::new(MemoryBackend::default());
    let store = SessionStore::with_backend("blank", backend.clone());
    assert_eq!(store.save(&some_progress()), Ok(()));
    assert_eq!(store.save(&Session::new()), Ok(()));
    assert_eq!(backend.keys(), Ok(Vec::new()));
}

#[wasm_bindgen_test]
fn a_missing_key_is_a_fresh_session_without_notice() {
    let store = SessionStore::open_local(&key("fresh"));
    let loaded = store.load(1);
    assert_eq!(loaded.session, Session::new());
    assert_eq!(loaded.notice, None);
}

#[wasm_bindgen_test]
fn a_session_round_trips_through_local_storage() {
    let key = key("round-trip");
    let store = SessionStore::open_local(&key);
    let session = some_progress();
    assert_eq!(session.screen, Screen::Step(StepId::YourPain));
    assert_eq!(store.save(&session), Ok(()));
    let raw = local_storage().get_item(&key).ok().flatten().expect("the session was written under its key");
    assert!(raw.starts_with("{\"v\":1,"), "versioned JSON, version first: {raw}");

    let loaded = SessionStore::open_local(&key).load(2);
    assert_eq!(loaded.session, session, "a reload resumes exactly where the person was");
    assert_eq!(loaded.notice, Some(LoadNotice::Restored));
    assert_eq!(store.clear(), Ok(()));
    assert_eq!(local_storage().get_item(&key).ok().flatten(), None);
}

#[wasm_bindgen_test]
fn corrupt_content_is_moved_aside_and_kept() {
    let key = key("corrupt");
    let storage = local_storage();
    storage.set_item(&key, "{\"v\": 1, \"intake\": {oops").expect("write the corrupt value");
    let store = SessionStore::open_local(&key);
    let loaded = store.load(1234);
    assert_eq!(loaded.notice, Some(LoadNotice::MovedAside));
    assert_eq!(loaded.session, Session::new());
    let backup = storage.get_item(&format!("{key}.backup.1234")).ok().flatten();
    assert_eq!(backup.as_deref(), Some("{\"v\": 1, \"intake\": {oops"), "the original text is kept byte for byte");
    assert_eq!(storage.get_item(&key).ok().flatten(), None);
    assert_eq!(store.backups(), [format!("{key}.backup.1234")]);
    // Clearing removes the backups too.
    assert_eq!(store.clear(), Ok(()));
    assert_eq!(storage.get_item(&format!("{key}.backup.1234")).ok().flatten(), None);
}

#[wasm_bindgen_test]
fn content_from_an_unknown_version_is_moved_aside() {
    let key = key("future");
    let storage = local_storage();
    let future = r#"{"v": 7, "screen": "results", "intake": {"format": 3}}"#;
    storage.set_item(&key, future).expect("write");
    let loaded = SessionStore::open_local(&key).load(99);
    assert_eq!(loaded.notice, Some(LoadNotice::MovedAside));
    assert_eq!(storage.get_item(&format!("{key}.backup.99")).ok().flatten().as_deref(), Some(future));
    let _ = storage.remove_item(&format!("{key}.backup.99"));
}

#[wasm_bindgen_test]
fn an_old_answer_document_is_migrated() {
    let key = key("legacy");
    let storage = local_storage();
    storage.set_item(&key, r#"{"format": 1, "answers": {"age": 40, "pain_now": 6}}"#).expect("write");
    let loaded = SessionStore::open_local(&key).load(1);
    assert_eq!(loaded.notice, Some(LoadNotice::Restored));
    assert_eq!(loaded.session.intake.answers.integer(QuestionId::PainNow), Some(6));
    let _ = storage.remove_item(&key);
}

#[wasm_bindgen_test]
fn a_blocked_store_leaves_an_in_memory_session() {
    let backend = Rc::new(MemoryBackend::blocked());
    let store = SessionStore::with_backend("blocked", backend);
    let loaded = store.load(1);
    assert_eq!(loaded.notice, Some(LoadNotice::Unavailable));
    assert_eq!(store.save(&some_progress()), Err(StoreError::Unavailable));
    // The session itself keeps working in memory.
    assert_eq!(loaded.session.apply(Action::Start).screen, Screen::Step(StepId::AboutYou));
}

#[wasm_bindgen_test]
fn a_full_store_reports_full_and_keeps_the_old_value() {
    let backend = Rc::new(MemoryBackend::with_quota(80));
    let store = SessionStore::with_backend("full", backend.clone());
    assert_eq!(store.save(&Session::new().apply(Action::Start)), Ok(()));
    let before = backend.get("full");
    assert_eq!(store.save(&some_progress()), Err(StoreError::Full));
    assert_eq!(backend.get("full"), before, "a failed write changes nothing");
}

#[wasm_bindgen_test]
fn corrupt_content_that_cannot_be_moved_aside_is_never_overwritten() {
    let backend = Rc::new(MemoryBackend::with_quota(40));
    backend.set("k", "not json at all, 30 chars long").expect("fits the quota");
    let store = SessionStore::with_backend("k", backend.clone());
    let loaded = store.load(5);
    assert_eq!(loaded.notice, Some(LoadNotice::KeptUnreadable));
    assert!(!store.is_available());
    assert_eq!(store.save(&some_progress()), Err(StoreError::Unavailable));
    assert_eq!(backend.get("k"), Ok(Some("not json at all, 30 chars long".to_owned())));
}

#[wasm_bindgen_test]
fn the_real_local_storage_reports_full_when_its_quota_is_used_up() {
    let storage = local_storage();
    let backend = LocalBackend::open("bpi-test.quota").expect("local storage is available in the test browser");
    // Fill the origin's quota (Chromium: about 5 MB per origin) with 512 KB values.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = Vec::new();
    let mut result = Ok(());
    for i in 0..40 {
        let name = format!("bpi-test.filler.{i}");
        result = backend.set(&name, &chunk);
        if result.is_err() {
            break;
        }
        filled.push(name);
    }
    let small = backend.set("bpi-test.after-full", &chunk);
    for name in &filled {
        let _ = storage.remove_item(name);
    }
    let _ = storage.remove_item("bpi-test.after-full");
    assert_eq!(result, Err(StoreError::Full), "filling the quota ends in a quota error");
    assert_eq!(small, Err(StoreError::Full));
}
