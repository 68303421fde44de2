//! Links sealed to a clinic's key, with the browser's Web Crypto: a clinic key made,
//! backed up and restored; a link sealed to it opens with it and only with it; every
//! changed byte is refused; and the native check of a key agrees with the browser's.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use backpain_intake::browser::clinic_key::{self, KeyProblem};
use backpain_intake::browser::crypto;
use backpain_intake::clinic::key::Backup;
use backpain_intake::codec::base64::{base64url_decode, base64url_encode};
use backpain_intake::codec::crc32::crc32;
use backpain_intake::codec::sealed::{ClinicKey, Envelope};
use backpain_intake::domain::checkins::Date;
use backpain_intake::domain::share::{Letter, ShareErrorCode};
use backpain_intake::domain::Intake;

wasm_bindgen_test_configure!(run_in_browser);

const PASSPHRASE: &str = "correct horse battery";

fn letter() -> Letter {
    Letter {
        intake: Intake::from_json(include_str!("fixtures/caution.json")).expect("the caution fixture"),
        sent: Some(Date { year: 2026, month: 11, day: 26 }),
        initials: Some("J. R.".into()),
    }
}

async fn sealed_to(key: &ClinicKey) -> Envelope {
    let payload = crypto::seal_for_clinic(key, &letter().to_bytes(true)).await.expect("Web Crypto seals");
    Envelope::decode(&payload).expect("a sealed link")
}

#[wasm_bindgen_test]
async fn a_link_sealed_to_the_clinic_key_opens_with_it_and_not_with_another() {
    let (clinic, backup) = clinic_key::create(PASSPHRASE, "2026-11-26").await.expect("a key is made");
    assert_eq!(backup.public, clinic.public);
    let envelope = sealed_to(&clinic.public).await;
    let (opened, format) = clinic_key::open(&envelope, std::slice::from_ref(&clinic)).await.expect("it opens");
    assert_eq!((opened, format), (letter(), 2));
    // Each link has its own one-time key and nonce.
    let again = sealed_to(&clinic.public).await;
    assert_ne!((again.ephemeral, again.iv), (envelope.ephemeral, envelope.iv));
    // Another clinic's key, or none at all, cannot open it.
    let (other, _) = clinic_key::create(PASSPHRASE, "2026-11-26").await.expect("a key is made");
    assert_eq!(clinic_key::open(&envelope, std::slice::from_ref(&other)).await, Err(ShareErrorCode::OtherKey));
    assert_eq!(clinic_key::open(&envelope, &[]).await, Err(ShareErrorCode::OtherKey));
    // Another key that claims the link's key id still cannot decrypt it.
    let mut claimed = sealed_to(&other.public).await;
    claimed.key_id = clinic.public.id();
    assert_eq!(clinic_key::open(&claimed, std::slice::from_ref(&clinic)).await, Err(ShareErrorCode::Damaged));
}

#[wasm_bindgen_test]
async fn every_changed_byte_of_a_sealed_link_is_refused_even_with_its_checksum_fixed() {
    let (clinic, _) = clinic_key::create(PASSPHRASE, "2026-11-26").await.expect("a key is made");
    let bytes = base64url_decode(&sealed_to(&clinic.public).await.encode()).expect("base64url");
    let content = bytes.len() - 4;
    for at in 0..content {
        let mut forged = bytes[..content].to_vec();
        forged[at] ^= 0x10;
        let crc = crc32(&forged).to_be_bytes();
        forged.extend_from_slice(&crc);
        let opened = match Envelope::decode(&base64url_encode(&forged)) {
            Ok(envelope) => clinic_key::open(&envelope, std::slice::from_ref(&clinic)).await.map(|_| ()),
            Err(error) => Err(error.into()),
        };
        // The header names a format this build does not have; the key id, a key this
        // browser does not hold; anything after it fails the one-time key's import or the
        // authentication.
        let expected = match at {
            0 => ShareErrorCode::UnknownVersion,
            1..=4 => ShareErrorCode::OtherKey,
            _ => ShareErrorCode::Damaged,
        };
        assert_eq!(opened, Err(expected), "byte {at} changed");
    }
}

#[wasm_bindgen_test]
async fn a_backup_restores_the_key_with_its_passphrase_only() {
    let (clinic, backup) = clinic_key::create(PASSPHRASE, "2026-11-26").await.expect("a key is made");
    let text = backup.to_json();
    assert_eq!(clinic_key::restore(&text, "wrong horse battery").await.err(), Some(KeyProblem::WrongPassphrase));
    let restored = clinic_key::restore(&text, PASSPHRASE).await.expect("restored");
    assert_eq!((restored.public, restored.created.as_str()), (clinic.public, "2026-11-26"));
    // The restored key opens what was sealed to the original.
    let envelope = sealed_to(&clinic.public).await;
    assert_eq!(clinic_key::open(&envelope, std::slice::from_ref(&restored)).await.map(|(l, _)| l), Ok(letter()));
    // It is kept once, however often it is restored, with its backup to download again.
    let held = clinic_key::held().await.expect("IndexedDB answers");
    let kept: Vec<_> = held.iter().filter(|k| k.public == clinic.public).collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(Backup::from_json(&kept[0].backup).map(|b| b.public), Ok(clinic.public));
    assert_eq!(clinic_key::create("short", "2026-11-26").await.err(), Some(KeyProblem::ShortPassphrase));
}

#[wasm_bindgen_test]
async fn the_native_check_of_a_key_agrees_with_the_browser() {
    let subtle = crypto::subtle().expect("Web Crypto");
    for _ in 0..4 {
        let (clinic, _) = clinic_key::create(PASSPHRASE, "2026-11-26").await.expect("a key is made");
        let mut bytes = clinic.public.bytes().to_vec();
        assert!(crypto::ecdh_public(&subtle, &bytes).await.is_some());
        bytes[64] ^= 1;
        assert!(ClinicKey::from_bytes(&bytes).is_err(), "natively off the curve");
        assert!(crypto::ecdh_public(&subtle, &bytes).await.is_none(), "and for the browser too");
    }
}
