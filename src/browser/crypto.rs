//! Passphrase protection of share links, and links sealed to a clinic's key, with the
//! browser's own Web Crypto.
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
use web_sys::{
    AesDerivedKeyParams, AesGcmParams, CryptoKey, CryptoKeyPair, EcKeyGenParams, EcKeyImportParams,
    EcdhKeyDeriveParams, HkdfParams, Pbkdf2Params, SubtleCrypto,
};

use crate::codec::sealed::{self, ClinicKey, Envelope};

use crate::domain::share::{self, Sealed, ShareError, IV_LEN, SALT_LEN};
use crate::domain::Intake;

/// PBKDF2 rounds: OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Why the browser could not encrypt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CryptoUnavailable;

pub fn subtle() -> Option<SubtleCrypto> {
    Some(web_sys::window()?.crypto().ok()?.subtle())
}

pub(crate) fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0; N];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// The promise a Web Crypto call returned, to await; a call that threw is a rejection.
/// A plain function, not an `async` one: each await then polls the `JsFuture` itself,
/// rather than a future of its own around it, which measured 1.2 KB less brotli.
pub(crate) fn call(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> JsFuture {
    JsFuture::from(promise.unwrap_or_else(|error| js_sys::Promise::reject(&error)))
}

/// The AES-GCM key for a passphrase and salt.
pub(crate) async fn key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8], iterations: u32) -> Option<CryptoKey> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let derive = Array::of1(&"deriveBits".into());
    let base: CryptoKey =
        call(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &derive)).await.ok()?.dyn_into().ok()?;
    let params = Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), iterations, &Uint8Array::from(salt));
    let bits: Object = call(subtle.derive_bits_with_object(&params, &base, 256)).await.ok()?.dyn_into().ok()?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    call(subtle.import_key_with_str("raw", &bits, "AES-GCM", false, &usages)).await.ok()?.dyn_into().ok()
}

pub(crate) fn gcm(iv: &[u8], additional: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(additional));
    params
}

pub(crate) fn bytes_of(buffer: wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    buffer.is_instance_of::<ArrayBuffer>().then(|| Uint8Array::new(&buffer).to_vec())
}

/// The payload of a passphrase-protected link to `intake`.
pub async fn seal(intake: &Intake, with_checkins: bool, passphrase: &str) -> Result<String, CryptoUnavailable> {
    let subtle = subtle().ok_or(CryptoUnavailable)?;
    let (salt, iv) = (random::<SALT_LEN>().ok_or(CryptoUnavailable)?, random::<IV_LEN>().ok_or(CryptoUnavailable)?);
    let (header, body) = share::body(intake, with_checkins);
    let key = key(&subtle, passphrase, &salt, PBKDF2_ITERATIONS).await.ok_or(CryptoUnavailable)?;
    let params = gcm(&iv, &[share::sealed_header(header)]);
    let ciphertext = call(subtle.encrypt_with_object_and_u8_array(&params, &key, &body)).await.ok().and_then(bytes_of);
    Ok(share::encode_sealed(header, &salt, &iv, &ciphertext.ok_or(CryptoUnavailable)?))
}

/// Opens a protected link with a passphrase. A wrong passphrase and a forged link look
/// the same to AES-GCM; the link's checksum already told a damaged link apart.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<Intake, ShareError> {
    let subtle = subtle().ok_or(ShareError::WrongPassphrase)?;
    let key = key(&subtle, passphrase, &sealed.salt, PBKDF2_ITERATIONS).await.ok_or(ShareError::WrongPassphrase)?;
    let params = gcm(&sealed.iv, &[sealed.header]);
    let plain =
        call(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)).await.ok().and_then(bytes_of);
    share::decode_body(sealed.header, &plain.ok_or(ShareError::WrongPassphrase)?)
}

/// The AES-256-GCM key of a sealed link, from the ECDH secret of its two keys:
/// HKDF-SHA256 with [`sealed::HKDF_SALT`] and the envelope's [`Envelope::hkdf_info`].
pub(crate) async fn letter_key(
    subtle: &SubtleCrypto,
    private: &CryptoKey,
    public: &CryptoKey,
    info: &[u8],
    usage: &str,
) -> Option<CryptoKey> {
    let ecdh = EcdhKeyDeriveParams::new("ECDH", public);
    let shared: Object = call(subtle.derive_bits_with_object(&ecdh, private, 256)).await.ok()?.dyn_into().ok()?;
    let derive = Array::of1(&"deriveKey".into());
    let base: CryptoKey =
        call(subtle.import_key_with_str("raw", &shared, "HKDF", false, &derive)).await.ok()?.dyn_into().ok()?;
    let params =
        HkdfParams::new("HKDF", &"SHA-256".into(), &Uint8Array::from(info), &Uint8Array::from(sealed::HKDF_SALT));
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    call(subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &Array::of1(&usage.into())))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Imports a P-256 public key for ECDH; the browser refuses a point off the curve.
pub async fn ecdh_public(subtle: &SubtleCrypto, point: &[u8]) -> Option<CryptoKey> {
    let params = EcKeyImportParams::new("ECDH");
    params.set_named_curve("P-256");
    call(subtle.import_key_with_object("raw", &Uint8Array::from(point), &params, true, &Array::new()))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// The payload (after `#s=`) of a link that only the holder of `clinic`'s private key can
/// open: `plaintext` (a [`Letter`](crate::domain::share::Letter)'s bytes) encrypted with a
/// key agreed between a new one-time key pair and the clinic's key (see
/// [`crate::codec::sealed`]). The one-time private key is never extractable and is
/// dropped here.
pub async fn seal_for_clinic(clinic: &ClinicKey, plaintext: &[u8]) -> Result<String, CryptoUnavailable> {
    let subtle = subtle().ok_or(CryptoUnavailable)?;
    let their = ecdh_public(&subtle, clinic.bytes()).await.ok_or(CryptoUnavailable)?;
    let usages = Array::of1(&"deriveBits".into());
    let pair: CryptoKeyPair =
        call(subtle.generate_key_with_object(&EcKeyGenParams::new("ECDH", "P-256"), false, &usages))
            .await
            .map_err(|_| CryptoUnavailable)?
            .unchecked_into();
    let ephemeral = call(subtle.export_key("raw", &pair.get_public_key())).await.ok().and_then(bytes_of);
    let ephemeral: [u8; sealed::POINT_LEN] = ephemeral.and_then(|e| e.try_into().ok()).ok_or(CryptoUnavailable)?;
    let iv = random::<{ sealed::IV_LEN }>().ok_or(CryptoUnavailable)?;
    let mut envelope = Envelope::new(clinic, ephemeral, iv, Vec::new());
    let key = letter_key(&subtle, &pair.get_private_key(), &their, &envelope.hkdf_info(clinic), "encrypt")
        .await
        .ok_or(CryptoUnavailable)?;
    let params = gcm(&iv, &envelope.associated_data());
    let ciphertext =
        call(subtle.encrypt_with_object_and_u8_array(&params, &key, plaintext)).await.ok().and_then(bytes_of);
    envelope.ciphertext = ciphertext.ok_or(CryptoUnavailable)?;
    Ok(envelope.encode())
}
