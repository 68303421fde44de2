//! The browser's local storage as a [`Backend`] of the session store (`domain::store`,
//! where the policy lives and is tested natively), and the clock for backup keys.

use std::rc::Rc;

use wasm_bindgen::JsCast;

pub use crate::domain::store::{Backend, LoadNotice, Loaded, MemoryBackend, SessionStore, StoreError};

/// The browser's local storage.
pub struct LocalBackend(web_sys::Storage);

impl LocalBackend {
    /// The page's local storage, if the browser lets this page use it. Some browsers hand
    /// out a storage object that then refuses every write, so a probe write decides; a
    /// store that is merely full is still returned (it can be read, and saving reports
    /// "full").
    pub fn open(probe_key: &str) -> Result<LocalBackend, StoreError> {
        let storage = web_sys::window()
            .ok_or(StoreError::Unavailable)?
            .local_storage()
            .map_err(|_| StoreError::Unavailable)?
            .ok_or(StoreError::Unavailable)?;
        let backend = LocalBackend(storage);
        let probe = format!("{probe_key}.probe");
        match backend.set(&probe, "1") {
            Ok(()) => backend.remove(&probe)?,
            Err(StoreError::Full) => {}
            Err(StoreError::Unavailable) => return Err(StoreError::Unavailable),
        }
        Ok(backend)
    }
}

/// Tells a full store from a refusing one by the DOMException's name.
fn classify(error: wasm_bindgen::JsValue) -> StoreError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::Full
    } else {
        StoreError::Unavailable
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self.0.length().map_err(classify)?;
        Ok((0..count).filter_map(|i| self.0.key(i).ok().flatten()).collect())
    }
}

impl SessionStore {
    /// The store for `key` in the page's local storage, or a store with no backend (every
    /// save refused as unavailable) when the browser blocks storage.
    pub fn open_local(key: &str) -> SessionStore {
        SessionStore::new(key, LocalBackend::open(key).ok().map(|b| Rc::new(b) as Rc<dyn Backend>))
    }
}

/// The current time in milliseconds since the epoch, for backup keys.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
