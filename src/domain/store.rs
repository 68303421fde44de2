//! The saved session of one widget instance: one namespaced, versioned key, and what
//! happens when the store misbehaves. Pure Rust, behind a small [`Backend`] trait, so the
//! policy is tested natively (`tests/store.rs`) against a store that fails, fills up and
//! holds junk; the browser's local storage is one backend (`browser::storage`).
//!
//! What it promises (shared/design/architecture.md):
//! - a missing key is a fresh session, not an error;
//! - unknown or corrupt content is moved aside to a backup key and reported, never
//!   silently overwritten; if it cannot be moved aside, this session does not write at all;
//! - storage that is blocked (private modes, sandboxed iframes) or full leaves a working
//!   in-memory session and a notice.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::sections::OpenSections;
use super::session::{Session, Stamp};
use super::text::Lang;

/// Why a storage call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all: blocked by the browser or the embedding page.
    Unavailable,
    /// The quota is used up.
    Full,
}

/// A key-value store with the shape of the Web Storage API.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory, for tests and as the model of a backend that can be made to fail.
#[derive(Default)]
pub struct MemoryBackend {
    items: RefCell<BTreeMap<String, String>>,
    /// Total bytes of keys and values beyond which a write fails as full.
    quota: Option<usize>,
    /// When set, every call fails as unavailable.
    blocked: bool,
}

impl MemoryBackend {
    /// A store that refuses every call, like a browser that blocks storage.
    pub fn blocked() -> MemoryBackend {
        MemoryBackend { blocked: true, ..MemoryBackend::default() }
    }

    /// A store that holds at most `bytes` of keys and values.
    pub fn with_quota(bytes: usize) -> MemoryBackend {
        MemoryBackend { quota: Some(bytes), ..MemoryBackend::default() }
    }

    fn used(&self) -> usize {
        self.items.borrow().iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        let replaced = self.items.borrow().get(key).map_or(0, |old| key.len() + old.len());
        if self.quota.is_some_and(|quota| self.used() - replaced + key.len() + value.len() > quota) {
            return Err(StoreError::Full);
        }
        self.items.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// What loading found, besides the session itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadNotice {
    /// Answers from an earlier visit were restored.
    Restored,
    /// Answers from before the latest questions were added were restored, and wait for
    /// those questions.
    RestoredNewQuestions,
    /// Storage is blocked: answers live in memory for this visit only.
    Unavailable,
    /// Unreadable saved data was moved to a backup key; a fresh session starts.
    MovedAside,
    /// Unreadable saved data could not be moved aside (storage full), so it is left as
    /// it is and nothing is saved this visit.
    KeptUnreadable,
}

/// The outcome of [`SessionStore::load`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub session: Session,
    pub notice: Option<LoadNotice>,
}

/// The saved session of one widget instance.
pub struct SessionStore {
    key: String,
    backend: Option<Rc<dyn Backend>>,
    /// False once writing would destroy data that could not be moved aside.
    writable: Cell<bool>,
    /// This tab's next write number, its last write, and the last write read from
    /// storage (see [`SessionStore::receive`]).
    next: Cell<u64>,
    written: Cell<u64>,
    read: Cell<u64>,
}

impl SessionStore {
    /// The store for `key` in `backend`, or a store with no backend (every save refused
    /// as unavailable) when the browser blocks storage.
    pub fn new(key: &str, backend: Option<Rc<dyn Backend>>) -> SessionStore {
        SessionStore {
            key: key.to_owned(),
            backend,
            writable: Cell::new(true),
            next: Cell::new(1),
            written: Cell::new(0),
            read: Cell::new(0),
        }
    }

    /// The store for `key` in any backend.
    pub fn with_backend(key: &str, backend: Rc<dyn Backend>) -> SessionStore {
        SessionStore::new(key, Some(backend))
    }

    /// The key this instance saves under.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether the browser blocks storage altogether (rather than this store holding back
    /// to protect data it could not read).
    pub fn is_blocked(&self) -> bool {
        self.backend.is_none()
    }

    /// Whether saving is possible at all.
    pub fn is_available(&self) -> bool {
        self.backend.is_some() && self.writable.get()
    }

    /// Loads the saved session; never fails, and never destroys what it cannot read.
    pub fn load(&self, now_ms: u64) -> Loaded {
        let Some(backend) = &self.backend else {
            return Loaded { session: Session::new(), notice: Some(LoadNotice::Unavailable) };
        };
        let text = match backend.get(&self.key) {
            Ok(Some(text)) => text,
            Ok(None) => return Loaded { session: Session::new(), notice: None },
            Err(_) => return Loaded { session: Session::new(), notice: Some(LoadNotice::Unavailable) },
        };
        // Write numbers start at the load time, so two tabs' numbers do not meet.
        self.next.set(now_ms.max(1));
        match Session::from_saved_json_stamped(&text) {
            Ok((session, stamp)) => {
                self.read.set(stamp.map_or(0, |s| s.write));
                let notice = match (session.has_progress(), session.upgraded()) {
                    (_, true) => Some(LoadNotice::RestoredNewQuestions),
                    (true, false) => Some(LoadNotice::Restored),
                    (false, false) => None,
                };
                Loaded { session, notice }
            }
            Err(_) => {
                let backup = format!("{}.backup.{now_ms}", self.key);
                let moved = backend.set(&backup, &text).is_ok() && backend.remove(&self.key).is_ok();
                if moved {
                    Loaded { session: Session::new(), notice: Some(LoadNotice::MovedAside) }
                } else {
                    self.writable.set(false);
                    Loaded { session: Session::new(), notice: Some(LoadNotice::KeptUnreadable) }
                }
            }
        }
    }

    /// Saves the session. A blank session (nothing answered, on the welcome screen) is
    /// not written at all: its key is removed, so a cleared widget leaves no trace.
    pub fn save(&self, session: &Session) -> Result<(), StoreError> {
        match &self.backend {
            Some(backend) if self.writable.get() => {
                if *session == Session::new() {
                    return backend.remove(&self.key);
                }
                let write = self.next.get();
                let stamp = Stamp { write, seen: self.read.get() };
                backend.set(&self.key, &session.to_saved_json_stamped(Some(stamp)))?;
                self.next.set(write + 1);
                self.written.set(write);
                Ok(())
            }
            _ => Err(StoreError::Unavailable),
        }
    }

    /// Reads what another tab saved under this key: its session, and whether that tab wrote
    /// it after reading this tab's last write. If so its document stands as it is (an
    /// answer it cleared or changed back stays so); if not, the caller merges it answer by
    /// answer ([`Intake::merged`](super::intake::Intake::merged)). `None` for text that
    /// cannot be read, which is that tab's to report.
    pub fn receive(&self, text: &str) -> Option<(Session, bool)> {
        let (session, stamp) = Session::from_saved_json_stamped(text).ok()?;
        let stamp = stamp.unwrap_or(Stamp { write: 0, seen: 0 });
        self.read.set(stamp.write);
        Some((session, stamp.seen != 0 && stamp.seen == self.written.get()))
    }

    /// The language the person chose in this widget earlier (`<key>.lang`), if any.
    pub fn load_lang(&self) -> Option<Lang> {
        let code = self.backend.as_ref()?.get(&self.lang_key()).ok()??;
        Lang::from_tag(&code)
    }

    /// Remembers the person's choice of language; a refusal only loses the choice.
    pub fn save_lang(&self, lang: Lang) -> Result<(), StoreError> {
        match &self.backend {
            Some(backend) if self.writable.get() => backend.set(&self.lang_key(), lang.code()),
            _ => Err(StoreError::Unavailable),
        }
    }

    /// The results' sections the person opened or closed (`<key>.open`).
    pub fn load_open(&self) -> OpenSections {
        let text = self.backend.as_ref().and_then(|backend| backend.get(&self.open_key()).ok().flatten());
        OpenSections::parse(text.as_deref().unwrap_or_default())
    }

    /// Remembers which sections are open; a refusal only loses the choice.
    pub fn save_open(&self, open: OpenSections) -> Result<(), StoreError> {
        match &self.backend {
            Some(backend) if self.writable.get() => backend.set(&self.open_key(), &open.to_text()),
            _ => Err(StoreError::Unavailable),
        }
    }

    fn open_key(&self) -> String {
        format!("{}.open", self.key)
    }

    fn lang_key(&self) -> String {
        format!("{}.lang", self.key)
    }

    /// Removes the saved session, every backup of it, the chosen language and the open
    /// sections.
    pub fn clear(&self) -> Result<(), StoreError> {
        let Some(backend) = &self.backend else {
            return Err(StoreError::Unavailable);
        };
        let prefix = format!("{}.backup.", self.key);
        for key in backend.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
            backend.remove(&key)?;
        }
        backend.remove(&self.lang_key())?;
        backend.remove(&self.open_key())?;
        backend.remove(&self.key)?;
        self.writable.set(true);
        Ok(())
    }

    /// The backup keys of this instance, oldest first.
    pub fn backups(&self) -> Vec<String> {
        let prefix = format!("{}.backup.", self.key);
        let mut keys: Vec<String> = self
            .backend
            .as_ref()
            .and_then(|b| b.keys().ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        keys
    }
}
