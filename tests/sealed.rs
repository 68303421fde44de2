//! Links sealed to a clinic's key: the clinic key's check, the envelope, the letter inside
//! it, the snippet attributes, the key's backup file, and what the clinician page and the
//! person's widget do with a sealed link. The cryptography itself runs in the browser
//! (`tests/browser_sealed.rs`).

mod common;

use std::rc::Rc;

use backpain_intake::clinic::key::{Backup, BackupError, MIN_ITERATIONS};
use backpain_intake::codec::base64::{base64url_decode, base64url_encode};
use backpain_intake::codec::crc32::crc32;
use backpain_intake::codec::sealed::{ClinicKey, Envelope, SealedError, POINT_LEN, VERSION};
use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::embed::EmbedConfig;
use backpain_intake::domain::inbox::{Inbox, InboxEvent, Problem};
use backpain_intake::domain::intake::Answer;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::session::Action;
use backpain_intake::domain::share::{clean_initials, Letter, ShareErrorCode};
use backpain_intake::domain::store::{Backend, MemoryBackend, SessionStore};
use backpain_intake::domain::widget::{Detail, Event, Notice, NoticeKind, Widget};
use backpain_intake::domain::Intake;
use proptest::prelude::*;

/// The base point of P-256 (SEC 2, section 2.4.2): a point of the curve.
const GX: &str = "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296";
const GY: &str = "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5";
/// Twice the base point, from the NIST P-256 point-multiplication test vectors (k = 2).
const G2X: &str = "7CF27B188D034F7E8A52380304B51AC3C08969E277F21B35A60B48FC47669978";
const G2Y: &str = "07775510DB8ED040293D9AC69F7430DBBA7DADE63CE982299E04B79D227873D1";
/// The field prime.
const P: &str = "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF";

fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

fn point(x: &str, y: &[u8]) -> Vec<u8> {
    [&[4u8][..], &hex(x), y].concat()
}

fn key() -> ClinicKey {
    ClinicKey::from_bytes(&point(GX, &hex(GY))).expect("the base point is a key")
}

/// `y` as p − y: the other point with the same x.
fn negated(y: &[u8]) -> Vec<u8> {
    let p = hex(P);
    let mut out = vec![0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(p[i]) - i16::from(y[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

fn fixture(name: &str) -> Intake {
    let text =
        std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    Intake::from_json(&text).expect("a valid fixture")
}

#[test]
fn a_clinic_key_is_a_point_of_p256() {
    assert!(ClinicKey::from_bytes(&point(GX, &hex(GY))).is_ok());
    assert!(ClinicKey::from_bytes(&point(G2X, &hex(G2Y))).is_ok(), "2G");
    assert!(ClinicKey::from_bytes(&point(GX, &negated(&hex(GY)))).is_ok(), "−G");
    // One bit off, in y or in x, is off the curve.
    let mut y = hex(GY);
    y[31] ^= 1;
    assert_eq!(ClinicKey::from_bytes(&point(GX, &y)), Err(SealedError::NotAPoint));
    let mut bytes = point(GX, &hex(GY));
    bytes[1] ^= 0x80;
    assert_eq!(ClinicKey::from_bytes(&bytes), Err(SealedError::NotAPoint));
    // Not the uncompressed form, not 65 bytes, coordinates past the prime, all zero.
    let mut compressed = point(GX, &hex(GY));
    compressed[0] = 2;
    assert_eq!(ClinicKey::from_bytes(&compressed), Err(SealedError::NotAPoint));
    assert_eq!(ClinicKey::from_bytes(&point(GX, &hex(GY))[..64]), Err(SealedError::NotAPoint));
    assert_eq!(ClinicKey::from_bytes(&point(P, &hex(GY))), Err(SealedError::NotAPoint));
    assert_eq!(ClinicKey::from_bytes(&[4; POINT_LEN].map(|b| b & 4)), Err(SealedError::NotAPoint));
    assert_eq!(ClinicKey::from_bytes(&[0; POINT_LEN]), Err(SealedError::NotAPoint));
    // As the snippet writes it.
    let text = key().to_text();
    assert_eq!(ClinicKey::parse(&text), Ok(key()));
    assert_eq!(ClinicKey::parse(&format!(" {text}\n")), Ok(key()), "spaces around it are trimmed");
    assert_eq!(ClinicKey::parse(&text.replace('A', "+")), Err(SealedError::NotBase64));
    assert_eq!(key().fingerprint().len(), 9);
    assert_eq!(key().id(), crc32(key().bytes()).to_be_bytes());
}

proptest! {
    #[test]
    fn random_coordinates_are_refused(x in proptest::collection::vec(any::<u8>(), 32), y in proptest::collection::vec(any::<u8>(), 32)) {
        // A random pair is on the curve with a chance of about 2^-256.
        prop_assert_eq!(ClinicKey::from_bytes(&[&[4u8][..], &x, &y].concat()), Err(SealedError::NotAPoint));
    }

    #[test]
    fn any_text_as_an_envelope_is_refused_or_read_never_a_panic(text in "[A-Za-z0-9_-]{0,300}") {
        let _ = Envelope::decode(&text);
    }
}

fn envelope() -> Envelope {
    Envelope::new(&key(), point(G2X, &hex(G2Y)).try_into().expect("65 bytes"), [7; 12], vec![9; 40])
}

#[test]
fn an_envelope_round_trips_and_names_its_key() {
    let sealed = envelope();
    let payload = sealed.encode();
    assert_eq!(Envelope::decode(&payload), Ok(sealed.clone()));
    assert_eq!(sealed.header, VERSION);
    assert_eq!(sealed.key_id, key().id());
    assert_eq!(&sealed.associated_data()[..5], &[&[VERSION][..], &key().id()].concat()[..]);
    assert_eq!(sealed.hkdf_info(&key()).len(), 2 * POINT_LEN);
}

#[test]
fn every_byte_of_an_envelope_is_checked() {
    let bytes = base64url_decode(&envelope().encode()).expect("base64url");
    for at in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[at] ^= 0x01;
        assert_eq!(Envelope::decode(&base64url_encode(&changed)), Err(SealedError::Damaged), "byte {at}");
    }
    for cut in 0..bytes.len() {
        assert!(Envelope::decode(&base64url_encode(&bytes[..cut])).is_err(), "cut at {cut}");
    }
    // A newer format, with a checksum that matches.
    let mut newer = bytes[..bytes.len() - 4].to_vec();
    newer[0] = VERSION + 1;
    let crc = crc32(&newer).to_be_bytes();
    newer.extend_from_slice(&crc);
    assert_eq!(Envelope::decode(&base64url_encode(&newer)), Err(SealedError::UnknownVersion(VERSION + 1)));
    assert_eq!(Envelope::decode(""), Err(SealedError::Empty));
    assert_eq!(Envelope::decode("a+b"), Err(SealedError::NotBase64));
    assert_eq!(Envelope::decode(&"A".repeat(5000)), Err(SealedError::TooLong));
}

#[test]
fn a_letter_carries_the_answers_the_day_and_the_initials() {
    let mut intake = fixture("caution.json");
    intake.checkins =
        vec![CheckIn { date: Date { year: 2026, month: 11, day: 20 }, pain_now: 5, pain_worst_week: 7, sessions: 1 }];
    let sent = Some(Date { year: 2026, month: 11, day: 26 });
    let letter = Letter { intake: intake.clone(), sent, initials: Some("J. R.".into()) };
    let read = Letter::from_bytes(&letter.to_bytes(true)).expect("reads back");
    assert_eq!(read, letter);
    let without = Letter::from_bytes(&letter.to_bytes(false)).expect("reads back");
    assert!(without.intake.checkins.is_empty(), "check-ins only when the person chose");
    assert_eq!(without.intake.answers, intake.answers);
    let anonymous = Letter { intake, sent: None, initials: None };
    assert_eq!(Letter::from_bytes(&anonymous.to_bytes(true)), Ok(anonymous.clone()));
    // Every cut of the bytes is refused or read, never a panic.
    let bytes = anonymous.to_bytes(true);
    for cut in 0..bytes.len() {
        let _ = Letter::from_bytes(&bytes[..cut]);
    }
}

#[test]
fn initials_are_plain_short_text() {
    assert_eq!(clean_initials("  J. R.  "), Some("J. R.".to_owned()));
    assert_eq!(clean_initials("   "), None);
    assert_eq!(clean_initials("A\u{7}B\nC"), Some("ABC".to_owned()));
    assert_eq!(clean_initials(&"é".repeat(100)).map(|s| s.chars().count()), Some(40));
    // Marks that would turn the direction of the date shown after them are dropped.
    assert_eq!(clean_initials("J\u{202e}R\u{2066}\u{200f}"), Some("JR".to_owned()));
}

#[test]
fn the_snippet_takes_a_clinic_key_and_an_address_only_when_valid() {
    let config = |key: &str, email: &str| {
        EmbedConfig::from_attributes(|name| match name {
            "data-clinic-key" => Some(key.to_owned()),
            "data-clinic-email" => Some(email.to_owned()),
            _ => None,
        })
    };
    let (good, warnings) = config(&key().to_text(), "front-desk@clinic.example");
    assert_eq!(good.clinic_key, Some(key().to_text()));
    assert_eq!((good.clinic_email.as_deref(), warnings.len()), (Some("front-desk@clinic.example"), 0));
    for (bad_key, bad_email) in [
        ("not a key".to_owned(), "desk@clinic.example?cc=someone@else.example"),
        (String::new(), "desk@clinic.example,other@else.example"),
        (base64url_encode(&point(GX, &hex(GY))[..64]), "desk @clinic.example"),
        (base64url_encode(&[&[2u8][..], &hex(GX), &hex(GY)].concat()), "<script>@clinic.example"),
        ("A".repeat(86), "desk@localhost"),
    ] {
        let (config, warnings) = config(&bad_key, bad_email);
        assert_eq!((config.clinic_key, config.clinic_email), (None, None), "{bad_key} {bad_email}");
        assert_eq!(warnings.len(), 2, "each is named on the console");
    }
    // The widget checks a key's form only; the sealer, which every sealing goes through,
    // refuses one off the curve (e2e: "a clinic key off the curve seals nothing").
    let mut off_curve = point(GX, &hex(GY));
    off_curve[64] ^= 1;
    let text = base64url_encode(&off_curve);
    assert_eq!(config(&text, "").0.clinic_key, Some(text.clone()));
    assert_eq!(ClinicKey::parse(&text), Err(SealedError::NotAPoint));
}

fn backup() -> Backup {
    Backup {
        public: key(),
        created: "2026-11-26".into(),
        iterations: MIN_ITERATIONS,
        salt: [1; 16],
        iv: [2; 12],
        private_key: vec![3; 154],
    }
}

#[test]
fn a_key_backup_round_trips_and_refuses_what_it_cannot_trust() {
    let text = backup().to_json();
    assert_eq!(Backup::from_json(&text), Ok(backup()));
    assert!(backup().file_name().starts_with("clinic-key-") && backup().file_name().ends_with(".json"));
    let changed = |from: &str, to: &str| Backup::from_json(&text.replacen(from, to, 1));
    assert_eq!(changed("600000", "1000"), Err(BackupError::NotABackup), "fewer PBKDF2 rounds");
    assert_eq!(changed("600000", "99999999999"), Err(BackupError::NotABackup), "a week of rounds");
    assert_eq!(changed("\"version\": 1", "\"version\": 2"), Err(BackupError::UnknownVersion(2)));
    assert_eq!(changed("backpain-intake-clinic-key", "something-else"), Err(BackupError::NotABackup));
    assert_eq!(changed("SHA-256", "SHA-1"), Err(BackupError::NotABackup));
    assert_eq!(changed("2026-11-26", "yesterday"), Err(BackupError::NotABackup));
    assert_eq!(changed(&key().to_text(), &key().to_text().replacen('a', "b", 1)), Err(BackupError::NotABackup));
    assert_eq!(Backup::from_json("{not json"), Err(BackupError::NotJson));
    assert_eq!(Backup::from_json(&" ".repeat(20_000)), Err(BackupError::TooLarge));
}

#[test]
fn the_clinician_page_hands_a_sealed_link_to_its_keys_and_lists_what_it_held() {
    let mut inbox = Inbox::new();
    inbox.apply(InboxEvent::Link(format!("#s={}", envelope().encode())));
    assert_eq!(inbox.take_envelope(), Some(envelope()));
    assert_eq!(inbox.take_envelope(), None, "handed over once");
    let letter = Letter {
        intake: fixture("emergency.json"),
        sent: Some(Date { year: 2026, month: 11, day: 26 }),
        initials: Some("JR".into()),
    };
    inbox.apply(InboxEvent::Delivered(Box::new(letter.clone()), 2));
    let (_, opened) = inbox.selected().expect("shown");
    assert_eq!((opened.initials.as_deref(), opened.sent, opened.format), (Some("JR"), letter.sent, 2));
    assert_eq!(opened.intake, letter.intake);
    inbox.apply(InboxEvent::Undeliverable(ShareErrorCode::OtherKey));
    let mut damaged = envelope().encode();
    damaged.pop();
    inbox.apply(InboxEvent::Link(format!("#s={damaged}")));
    assert_eq!(inbox.take_envelope(), None);
    assert_eq!(inbox.problems(), &[Problem::Link(ShareErrorCode::OtherKey), Problem::Link(ShareErrorCode::Damaged)]);
    assert_eq!(inbox.opened().len(), 1, "nothing else changed");
    // A key made or restored tries the sealed link in the address again, and nothing else.
    inbox.apply(InboxEvent::KeyAdded(format!("#s={}", envelope().encode())));
    assert_eq!(inbox.take_envelope(), Some(envelope()));
    let shared = std::fs::read_to_string(format!("{}/tests/fixtures/share-v1-caution.txt", env!("CARGO_MANIFEST_DIR")));
    inbox.apply(InboxEvent::KeyAdded(shared.expect("fixture").trim().to_owned()));
    assert_eq!((inbox.opened().len(), inbox.take_envelope()), (1, None), "a plain link is not opened again");
}

#[test]
fn a_sealed_link_in_a_persons_widget_says_it_is_for_the_clinic_and_changes_nothing() {
    let backend = Rc::new(MemoryBackend::default());
    let store = || SessionStore::new("backpain-intake.v1", Some(backend.clone() as Rc<dyn Backend>));
    // The person's own answers, saved on an earlier visit.
    let (mut earlier, _) = Widget::new(store(), None, &[], "", 1_000);
    earlier.apply(Event::Act(Action::Answer(QuestionId::Age, Answer::Integer(52))));
    let stored = backend.get("backpain-intake.v1").ok().flatten();
    assert!(stored.as_deref().is_some_and(|s| s.contains("52")), "saved: {stored:?}");
    let (widget, _) = Widget::new(store(), None, &[], &format!("#s={}", envelope().encode()), 2_000);
    assert_eq!(widget.session().intake.answers.get(QuestionId::Age), Some(Answer::Integer(52)));
    let notice = Notice { kind: NoticeKind::ShareInvalid, detail: Some(Detail::Link(ShareErrorCode::ForClinic)) };
    assert!(widget.notices().contains(&notice), "{:?}", widget.notices());
    assert!(!widget.shared().is_shown());
    assert_eq!(backend.get("backpain-intake.v1").ok().flatten(), stored, "the saved answers are untouched");
}
