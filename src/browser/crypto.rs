//! Passphrase protection of share links, with the browser's own Web Crypto.
//!
//! The key is derived from the passphrase with PBKDF2-HMAC-SHA256 over a random 16-byte
//! salt, [`PBKDF2_ITERATIONS`] times (OWASP's 2023 figure for this hash), and encrypts
//! with AES-256-GCM under a random 12-byte nonce; the link's header byte is the
//! additional authenticated data, so its flags cannot be changed unnoticed. Web Crypto
//! costs the bundle only its call shims, where a Rust AES and PBKDF2 would add their
//! whole implementation.

use js_sys::{Array, ArrayBuffer, Object, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::share::{self, Sealed, ShareError, IV_LEN, SALT_LEN};
use crate::domain::Intake;

/// PBKDF2 rounds: OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Why the browser could not encrypt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CryptoUnavailable;

fn subtle() -> Option<SubtleCrypto> {
    Some(web_sys::window()?.crypto().ok()?.subtle())
}

fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0; N];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

async fn call(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<wasm_bindgen::JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// The AES-GCM key for a passphrase and salt.
async fn key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8]) -> Option<CryptoKey> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let derive = Array::of1(&"deriveBits".into());
    let base: CryptoKey =
        call(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &derive)).await?.dyn_into().ok()?;
    let params = Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), PBKDF2_ITERATIONS, &Uint8Array::from(salt));
    let bits: Object = call(subtle.derive_bits_with_object(&params, &base, 256)).await?.dyn_into().ok()?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    call(subtle.import_key_with_str("raw", &bits, "AES-GCM", false, &usages)).await?.dyn_into().ok()
}

fn gcm(iv: &[u8], additional: u8) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(&[additional][..]));
    params
}

fn bytes_of(buffer: wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    buffer.is_instance_of::<ArrayBuffer>().then(|| Uint8Array::new(&buffer).to_vec())
}

/// The payload of a passphrase-protected link to `intake`.
pub async fn seal(intake: &Intake, with_checkins: bool, passphrase: &str) -> Result<String, CryptoUnavailable> {
    let subtle = subtle().ok_or(CryptoUnavailable)?;
    let (salt, iv) = (random::<SALT_LEN>().ok_or(CryptoUnavailable)?, random::<IV_LEN>().ok_or(CryptoUnavailable)?);
    let (header, body) = share::body(intake, with_checkins);
    let key = key(&subtle, passphrase, &salt).await.ok_or(CryptoUnavailable)?;
    let params = gcm(&iv, share::sealed_header(header));
    let ciphertext = call(subtle.encrypt_with_object_and_u8_array(&params, &key, &body)).await.and_then(bytes_of);
    Ok(share::encode_sealed(header, &salt, &iv, &ciphertext.ok_or(CryptoUnavailable)?))
}

/// Opens a protected link with a passphrase. A wrong passphrase and a forged link look
/// the same to AES-GCM; the link's checksum already told a damaged link apart.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<Intake, ShareError> {
    let subtle = subtle().ok_or(ShareError::WrongPassphrase)?;
    let key = key(&subtle, passphrase, &sealed.salt).await.ok_or(ShareError::WrongPassphrase)?;
    let params = gcm(&sealed.iv, sealed.header);
    let plain =
        call(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)).await.and_then(bytes_of);
    share::decode_body(sealed.header, &plain.ok_or(ShareError::WrongPassphrase)?)
}
