//! Passphrase-protected share links with the browser's Web Crypto: the right passphrase
//! opens them, a wrong one or an altered ciphertext does not, and the salt and nonce are
//! fresh each time.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use backpain_intake::browser::crypto;
use backpain_intake::domain::share::{self, Opened, Sealed, ShareError};
use backpain_intake::domain::Intake;

wasm_bindgen_test_configure!(run_in_browser);

fn intake() -> Intake {
    Intake::from_json(include_str!("fixtures/caution.json")).expect("the caution fixture")
}

fn sealed(payload: &str) -> Sealed {
    match share::decode(payload) {
        Ok(Opened::Sealed(sealed)) => sealed,
        other => panic!("expected a sealed link, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn the_right_passphrase_opens_the_link_and_a_wrong_one_does_not() {
    let payload = crypto::seal(&intake(), false, "blue heron river").await.expect("Web Crypto is available");
    let link = sealed(&payload);
    assert_eq!(crypto::open(&link, "blue heron river").await, Ok(intake()));
    assert_eq!(crypto::open(&link, "blue heron lake").await, Err(ShareError::WrongPassphrase));
    assert_eq!(crypto::open(&link, "").await, Err(ShareError::WrongPassphrase));
}

#[wasm_bindgen_test]
async fn an_altered_ciphertext_or_header_does_not_open() {
    let payload = crypto::seal(&intake(), false, "pass").await.expect("Web Crypto is available");
    let mut link = sealed(&payload);
    link.ciphertext[0] ^= 1;
    assert_eq!(crypto::open(&link, "pass").await, Err(ShareError::WrongPassphrase));
    let mut link = sealed(&payload);
    link.header ^= share::FLAG_CHECKINS;
    assert_eq!(crypto::open(&link, "pass").await, Err(ShareError::WrongPassphrase), "the header is authenticated");
}

#[wasm_bindgen_test]
async fn every_link_has_its_own_salt_and_nonce() {
    let first = sealed(&crypto::seal(&intake(), false, "pass").await.expect("Web Crypto"));
    let second = sealed(&crypto::seal(&intake(), false, "pass").await.expect("Web Crypto"));
    assert_ne!(first.salt, second.salt);
    assert_ne!(first.iv, second.iv);
    assert_ne!(first.ciphertext, second.ciphertext);
}
