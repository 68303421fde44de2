//! The clinic key's backup file: the private key, encrypted with a passphrase, beside the
//! public key it belongs to.
//!
//! A JSON document (`clinic-key-<fingerprint>.json`):
//!
//! ```json
//! { "format": "backpain-intake-clinic-key", "version": 1, "created": "2026-11-26",
//!   "publicKey": "<base64url of the P-256 point>",
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<16 bytes>" },
//!   "cipher": { "name": "AES-GCM", "iv": "<12 bytes>" },
//!   "privateKey": "<base64url of the AES-GCM ciphertext of the PKCS #8 private key>" }
//! ```
//!
//! The key is derived from the passphrase as the protected share link does (PBKDF2-SHA256,
//! then AES-256-GCM), and the public key is the encryption's additional data, so a backup
//! cannot be paired with another public key unnoticed. The browser does the cryptography;
//! this module writes and reads the document, and refuses one it cannot trust.

use crate::codec::base64::{base64url_decode, base64url_encode};
use crate::codec::json::{self, Json};
use crate::codec::sealed::ClinicKey;

/// The `format` of a backup file.
pub const FORMAT: &str = "backpain-intake-clinic-key";
/// The backup format this build writes and reads.
pub const VERSION: u64 = 1;
/// The shortest passphrase a backup takes, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The largest backup file read, in bytes: a real one is under 1 KB.
pub const MAX_BACKUP_BYTES: usize = 16 * 1024;
/// PBKDF2 rounds below this are refused: a file cannot weaken its own protection.
pub const MIN_ITERATIONS: u32 = 600_000;
/// And above this, refused too: a file cannot make the page work for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// A backup, as written and read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub public: ClinicKey,
    /// The day the key was made, `YYYY-MM-DD`.
    pub created: String,
    pub iterations: u32,
    pub salt: [u8; 16],
    pub iv: [u8; 12],
    /// The encrypted PKCS #8 private key, with its GCM tag.
    pub private_key: Vec<u8>,
}

/// Why a file is not a backup this build can restore.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooLarge,
    NotJson,
    NotABackup,
    /// A newer build wrote it.
    UnknownVersion(u64),
}

impl Backup {
    /// The file's text.
    pub fn to_json(&self) -> String {
        let b64 = |bytes: &[u8]| Json::str(base64url_encode(bytes));
        Json::object([
            ("format", Json::str(FORMAT)),
            ("version", Json::int(VERSION as i64)),
            ("created", Json::str(self.created.as_str())),
            ("publicKey", Json::str(self.public.to_text())),
            (
                "kdf",
                Json::object([
                    ("name", Json::str("PBKDF2")),
                    ("hash", Json::str("SHA-256")),
                    ("iterations", Json::int(self.iterations)),
                    ("salt", b64(&self.salt)),
                ]),
            ),
            ("cipher", Json::object([("name", Json::str("AES-GCM")), ("iv", b64(&self.iv))])),
            ("privateKey", b64(&self.private_key)),
        ])
        .to_pretty_text()
    }

    /// Reads a backup file.
    pub fn from_json(text: &str) -> Result<Backup, BackupError> {
        if text.len() > MAX_BACKUP_BYTES {
            return Err(BackupError::TooLarge);
        }
        let doc = json::parse(text).map_err(|_| BackupError::NotJson)?;
        if doc.get("format").and_then(Json::as_str) != Some(FORMAT) {
            return Err(BackupError::NotABackup);
        }
        match doc.get("version").and_then(Json::as_u64) {
            Some(VERSION) => {}
            Some(other) => return Err(BackupError::UnknownVersion(other)),
            None => return Err(BackupError::NotABackup),
        }
        let text_at = |path: &[&str]| {
            path.iter().try_fold(&doc, |node, key| node.get(key)).and_then(Json::as_str).ok_or(BackupError::NotABackup)
        };
        let bytes_at = |path: &[&str]| base64url_decode(text_at(path)?).ok_or(BackupError::NotABackup);
        if text_at(&["kdf", "name"])? != "PBKDF2"
            || text_at(&["kdf", "hash"])? != "SHA-256"
            || text_at(&["cipher", "name"])? != "AES-GCM"
        {
            return Err(BackupError::NotABackup);
        }
        let iterations = doc
            .get("kdf")
            .and_then(|k| k.get("iterations"))
            .and_then(Json::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
            .ok_or(BackupError::NotABackup)?;
        let created = text_at(&["created"])?;
        let date_like = created.len() == 10
            && created.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        let private_key = bytes_at(&["privateKey"])?;
        if !date_like || private_key.len() < 16 {
            return Err(BackupError::NotABackup);
        }
        Ok(Backup {
            public: ClinicKey::parse(text_at(&["publicKey"])?).map_err(|_| BackupError::NotABackup)?,
            created: created.to_owned(),
            iterations,
            salt: bytes_at(&["kdf", "salt"])?.try_into().map_err(|_| BackupError::NotABackup)?,
            iv: bytes_at(&["cipher", "iv"])?.try_into().map_err(|_| BackupError::NotABackup)?,
            private_key,
        })
    }

    /// The file's name: the key's fingerprint, so two keys' backups never overwrite each
    /// other in a downloads folder.
    pub fn file_name(&self) -> String {
        format!("clinic-key-{}.json", self.public.fingerprint())
    }
}

/// Whether a passphrase is long enough to protect a backup.
pub fn passphrase_ok(passphrase: &str) -> bool {
    passphrase.chars().count() >= MIN_PASSPHRASE_CHARS
}
