//! The clinic key on the clinician page: made, backed up, restored, kept, and used to
//! open the links people seal to it. The clinician page's alone; the widget only seals
//! ([`crypto::seal_for_clinic`]).
//!
//! The private key lives in this browser's IndexedDB as a non-extractable `CryptoKey`: the
//! page can use it but no script can read its bytes. It is extractable once, when it is
//! made, to write the passphrase-protected backup file ([`crate::clinic::key`]); the key
//! that is kept is imported again from those bytes as non-extractable. Several keys can
//! be kept (a new one, an old one restored), so links sealed to an old key still open;
//! each link names its key by id.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CryptoKey, CryptoKeyPair, EcKeyGenParams, EcKeyImportParams, IdbDatabase, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbRequest, IdbTransactionMode, SubtleCrypto,
};

use super::crypto::{self, bytes_of, call, ecdh_public, gcm, letter_key, random, subtle, PBKDF2_ITERATIONS};
use crate::clinic::key::{passphrase_ok, Backup, BackupError};
use crate::codec::sealed::{ClinicKey, Envelope};
use crate::domain::share::{version_of, Letter, ShareErrorCode};

/// The IndexedDB database and object store that keep the clinic's keys.
const DATABASE: &str = "backpain-intake-clinic";
const STORE: &str = "keys";

/// A clinic key this browser holds.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldKey {
    pub public: ClinicKey,
    /// The day it was made, `YYYY-MM-DD`.
    pub created: String,
    /// Its backup file (encrypted with the clinic's passphrase), to download again.
    pub backup: String,
    /// When it was kept here, in milliseconds: the newest is the one to use.
    kept: f64,
    private: CryptoKey,
}

/// Why a key could not be made, restored or kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// The passphrase is shorter than a backup needs.
    ShortPassphrase,
    /// The backup's passphrase is not this one (or the file was changed).
    WrongPassphrase,
    /// The file is not a backup this build restores.
    NotABackup(BackupError),
    /// Web Crypto or IndexedDB refused (a private window, say).
    Unavailable,
}

fn ecdh() -> EcKeyImportParams {
    let params = EcKeyImportParams::new("ECDH");
    params.set_named_curve("P-256");
    params
}

/// Imports a PKCS #8 private key for ECDH, never to be extracted again.
async fn import_private(subtle: &SubtleCrypto, pkcs8: &[u8]) -> Option<CryptoKey> {
    let usages = Array::of1(&"deriveBits".into());
    call(subtle.import_key_with_object("pkcs8", &Uint8Array::from(pkcs8), &ecdh(), false, &usages))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Makes a clinic key, keeps it in this browser, and returns it with its backup, which
/// the page offers as a download. `today` is `YYYY-MM-DD`.
pub async fn create(passphrase: &str, today: &str) -> Result<(HeldKey, Backup), KeyProblem> {
    if !passphrase_ok(passphrase) {
        return Err(KeyProblem::ShortPassphrase);
    }
    let subtle = subtle().ok_or(KeyProblem::Unavailable)?;
    let usages = Array::of1(&"deriveBits".into());
    let pair: CryptoKeyPair =
        call(subtle.generate_key_with_object(&EcKeyGenParams::new("ECDH", "P-256"), true, &usages))
            .await
            .map_err(|_| KeyProblem::Unavailable)?
            .unchecked_into();
    let exported = |format: &'static str, key: CryptoKey| {
        let subtle = subtle.clone();
        async move { call(subtle.export_key(format, &key)).await.ok().and_then(bytes_of) }
    };
    let public = exported("raw", pair.get_public_key()).await.ok_or(KeyProblem::Unavailable)?;
    let public = ClinicKey::from_bytes(&public).map_err(|_| KeyProblem::Unavailable)?;
    let pkcs8 = exported("pkcs8", pair.get_private_key()).await.ok_or(KeyProblem::Unavailable)?;
    let (salt, iv) = (random::<16>().ok_or(KeyProblem::Unavailable)?, random::<12>().ok_or(KeyProblem::Unavailable)?);
    let wrapping = crypto::key(&subtle, passphrase, &salt, PBKDF2_ITERATIONS).await.ok_or(KeyProblem::Unavailable)?;
    let private_key = call(subtle.encrypt_with_object_and_u8_array(&gcm(&iv, public.bytes()), &wrapping, &pkcs8))
        .await
        .ok()
        .and_then(bytes_of);
    let backup = Backup {
        public,
        created: today.to_owned(),
        iterations: PBKDF2_ITERATIONS,
        salt,
        iv,
        private_key: private_key.ok_or(KeyProblem::Unavailable)?,
    };
    let private = import_private(&subtle, &pkcs8).await.ok_or(KeyProblem::Unavailable)?;
    let held =
        HeldKey { public, created: today.to_owned(), backup: backup.to_json(), kept: js_sys::Date::now(), private };
    keep(&held).await.ok_or(KeyProblem::Unavailable)?;
    Ok((held, backup))
}

/// Restores a key from the text of its backup file and keeps it in this browser.
pub async fn restore(text: &str, passphrase: &str) -> Result<HeldKey, KeyProblem> {
    let backup = Backup::from_json(text).map_err(KeyProblem::NotABackup)?;
    let subtle = subtle().ok_or(KeyProblem::Unavailable)?;
    let wrapping =
        crypto::key(&subtle, passphrase, &backup.salt, backup.iterations).await.ok_or(KeyProblem::Unavailable)?;
    let params = gcm(&backup.iv, backup.public.bytes());
    let pkcs8 = call(subtle.decrypt_with_object_and_u8_array(&params, &wrapping, &backup.private_key))
        .await
        .ok()
        .and_then(bytes_of)
        .ok_or(KeyProblem::WrongPassphrase)?;
    let private = import_private(&subtle, &pkcs8).await.ok_or(KeyProblem::NotABackup(BackupError::NotABackup))?;
    let held = HeldKey {
        public: backup.public,
        created: backup.created.clone(),
        backup: backup.to_json(),
        kept: js_sys::Date::now(),
        private,
    };
    keep(&held).await.ok_or(KeyProblem::Unavailable)?;
    Ok(held)
}

/// Opens a sealed link with the key it names: what the person sent, and the answer
/// format it was written in. A link sealed to a key this browser does not hold says so;
/// one that does not decrypt under its key was changed.
pub async fn open(envelope: &Envelope, keys: &[HeldKey]) -> Result<(Letter, u64), ShareErrorCode> {
    let held = keys.iter().find(|k| k.public.id() == envelope.key_id).ok_or(ShareErrorCode::OtherKey)?;
    let subtle = subtle().ok_or(ShareErrorCode::Damaged)?;
    let theirs = ecdh_public(&subtle, &envelope.ephemeral).await.ok_or(ShareErrorCode::Damaged)?;
    let key = letter_key(&subtle, &held.private, &theirs, &envelope.hkdf_info(&held.public), "decrypt")
        .await
        .ok_or(ShareErrorCode::Damaged)?;
    let params = gcm(&envelope.iv, &envelope.associated_data());
    let plain = call(subtle.decrypt_with_object_and_u8_array(&params, &key, &envelope.ciphertext))
        .await
        .ok()
        .and_then(bytes_of)
        .ok_or(ShareErrorCode::Damaged)?;
    let letter = Letter::from_bytes(&plain).map_err(|e| e.code())?;
    Ok((letter, u64::from(version_of(plain[0]))))
}

/// Waits for an IndexedDB request; its result, or `None` when it failed.
async fn done(request: &IdbRequest) -> Option<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.ok()?;
    request.result().ok()
}

/// The database, made on first use.
async fn database() -> Option<IdbDatabase> {
    let request = web_sys::window()?.indexed_db().ok()??.open_with_u32(DATABASE, 1).ok()?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let opening = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok());
        let Some(db) = opening.and_then(|r| r.result().ok()).and_then(|d| d.dyn_into::<IdbDatabase>().ok()) else {
            return;
        };
        let params = IdbObjectStoreParameters::new();
        params.set_key_path(&"id".into());
        // A store that cannot be made fails the open, which reports it.
        let _ = db.create_object_store_with_optional_parameters(STORE, &params);
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await.and_then(|d| d.dyn_into().ok());
    request.set_onupgradeneeded(None);
    db
}

/// Keeps a key (a key already kept is written again, unchanged).
async fn keep(held: &HeldKey) -> Option<()> {
    let record = Object::new();
    for (name, value) in [
        ("id", JsValue::from(held.public.to_text())),
        ("created", JsValue::from(held.created.as_str())),
        ("backup", JsValue::from(held.backup.as_str())),
        ("kept", JsValue::from(held.kept)),
        ("privateKey", JsValue::from(held.private.clone())),
    ] {
        Reflect::set(&record, &name.into(), &value).ok()?;
    }
    let db = database().await?;
    let store =
        db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).ok()?.object_store(STORE).ok()?;
    done(&store.put(&record).ok()?).await?;
    db.close();
    Some(())
}

/// Every key this browser keeps, the last kept first; `None` when IndexedDB is refused. A record
/// that does not read as a key is skipped.
pub async fn held() -> Option<Vec<HeldKey>> {
    let db = database().await?;
    let store = db.transaction_with_str(STORE).ok()?.object_store(STORE).ok()?;
    let records: Array = done(&store.get_all().ok()?).await?.dyn_into().ok()?;
    db.close();
    let field = |record: &JsValue, name: &str| Reflect::get(record, &name.into()).ok();
    let mut keys: Vec<HeldKey> = records
        .iter()
        .filter_map(|record| {
            let public = ClinicKey::parse(&field(&record, "id")?.as_string()?).ok()?;
            let created = field(&record, "created")?.as_string()?;
            let backup = field(&record, "backup")?.as_string()?;
            let kept = field(&record, "kept")?.as_f64()?;
            let private = field(&record, "privateKey")?.dyn_into::<CryptoKey>().ok()?;
            Some(HeldKey { public, created, backup, kept, private })
        })
        .collect();
    keys.sort_by(|a, b| b.kept.total_cmp(&a.kept));
    Some(keys)
}
