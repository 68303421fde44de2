//! The share link: round trips, a fixture of every format version, typed errors for
//! every kind of damage, and no panic on any input.

mod common;

use common::valid_answer;

use backpain_intake::codec::base64::{base64url_decode, base64url_encode};
use backpain_intake::codec::crc32::crc32;
use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::choices::{Condition, V1_CONDITION_CODES};
use backpain_intake::domain::intake::{Answer, CodeSet, Intake};
use backpain_intake::domain::question::{Kind, QuestionId};
use backpain_intake::domain::share::{self, decode, encode, Opened, ShareError, ShareErrorCode, FLAG_CHECKINS};
use backpain_intake::domain::{assess, AnswerSet, Flag};
use proptest::prelude::*;

fn fixture(name: &str) -> Intake {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Intake::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn opened_plain(payload: &str) -> Intake {
    match decode(payload) {
        Ok(Opened::Plain(intake)) => *intake,
        other => panic!("{payload}: {other:?}"),
    }
}

/// Links made by format version 1, with the (format 1) answer file they were made from.
/// A change to the encoding that breaks one of these breaks links people already hold.
const VERSION_1_LINKS: &[(&str, &str)] = &[
    ("answers-v1-clear", include_str!("fixtures/share-v1-clear.txt")),
    ("answers-v1-caution", include_str!("fixtures/share-v1-caution.txt")),
    ("answers-v1-emergency", include_str!("fixtures/share-v1-emergency.txt")),
];

/// Links made by format version 2 (contract v2), with their answer file.
const VERSION_2_LINKS: &[(&str, &str)] = &[
    ("clear", include_str!("fixtures/share-v2-clear.txt")),
    ("caution", include_str!("fixtures/share-v2-caution.txt")),
    ("emergency", include_str!("fixtures/share-v2-emergency.txt")),
];

fn payload(name: &str, link: &str) -> String {
    share::payload_of_fragment(link.trim()).unwrap_or_else(|| panic!("{name}: not a #r= link")).to_owned()
}

#[test]
fn links_of_every_past_version_still_open() {
    for (name, link) in VERSION_1_LINKS.iter().chain(VERSION_2_LINKS) {
        assert_eq!(opened_plain(&payload(name, link)), fixture(name), "{name}");
    }
    for (name, link) in VERSION_2_LINKS {
        assert_eq!(share::payload_version(&payload(name, link)), Some(2), "{name}");
    }
    for (name, link) in VERSION_1_LINKS {
        assert_eq!(share::payload_version(&payload(name, link)), Some(1), "{name}");
        // The questions v2 added are unanswered, so the result asks for them.
        let intake = opened_plain(&payload(name, link));
        let added: Vec<&str> = intake.added_since(1).iter().map(|id| id.as_str()).collect();
        assert_eq!(added, ["rf_sexual_function", "rf_chest_abdomen"], "{name}");
    }
}

#[test]
fn a_version_1_clot_reads_as_unexplained_leg_swelling() {
    // Condition bit 3 was `dvt_or_leg_swelling` in version 1.
    let v1 = Intake::from_json(r#"{"format": 1, "answers": {"conditions": ["dvt_or_leg_swelling", "arthritis"]}}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    // Frame the answers as a version-1 link: 42 presence bits, then 19 condition bits.
    let mut bits: Vec<u8> = QuestionId::ALL.iter().take(42).map(|id| u8::from(v1.answers.is_answered(*id))).collect();
    let Some(Answer::Many(set)) = v1.answers.get(QuestionId::Conditions) else { panic!("conditions") };
    bits.extend((0..19).rev().map(|p| u8::from(set.bits() >> p & 1 == 1)));
    let mut bytes = vec![0x01; 1 + bits.len().div_ceil(8)];
    bytes[1..].fill(0);
    for (i, bit) in bits.iter().enumerate() {
        bytes[1 + i / 8] |= bit << (7 - i % 8);
    }
    let opened = opened_plain(&with_crc(&bytes));
    assert_eq!(opened.answers.many::<Condition>(), Some(vec![Condition::LegSwellingNew, Condition::Arthritis]));
    assert_eq!(
        assess(&opened.answers, &[]).flags,
        [Flag::Condition(Condition::LegSwellingNew), Flag::Condition(Condition::Arthritis)]
    );
}

#[test]
fn this_version_writes_the_fixture_links() {
    for (name, link) in VERSION_2_LINKS {
        assert_eq!(format!("#r={}", encode(&fixture(name), false)), link.trim(), "{name}");
    }
}

#[test]
fn a_full_intake_fits_a_short_link() {
    let clinic = "https://www.example-clinic.co.uk/back-pain/intake/";
    let mut longest = 0;
    for name in ["clear", "caution", "emergency"] {
        let payload = encode(&fixture(name), false);
        longest = longest.max(payload.len());
        println!(
            "share link for the {name} intake: {} characters of payload, {} with {clinic}#r=",
            payload.len(),
            clinic.len() + 3 + payload.len()
        );
    }
    // Every question answered, every many-answer with every code it allows.
    let mut everything = AnswerSet::new();
    for id in QuestionId::ALL {
        let answer = match id.kind() {
            Kind::Integer { max, .. } => Answer::Integer(max),
            Kind::One(codes) => Answer::One(codes.len() as u8 - 1),
            Kind::Many { codes, exclusive: None, .. } => Answer::Many(CodeSet::from_bits((1 << codes.len()) - 1)),
            Kind::Many { .. } => Answer::Many(CodeSet::from_positions([0, 1, 2, 3])),
            Kind::Bool => Answer::Bool(true),
        };
        assert!(everything.set(*id, answer).is_ok(), "{id}");
    }
    let payload = encode(&Intake { answers: everything, checkins: Vec::new() }, false);
    println!("share link with every question answered at its largest: {} characters of payload", payload.len());
    longest = longest.max(payload.len());
    assert!(clinic.len() + 3 + longest < 200, "a full link stays under 200 characters ({longest} of payload)");
}

fn day(year: u16, month: u8, day: u8, pain: u8) -> CheckIn {
    CheckIn { date: Date { year, month, day }, pain_now: pain, pain_worst_week: pain.min(9) + 1, sessions: pain * 3 }
}

#[test]
fn checkins_travel_only_when_chosen() {
    let mut intake = fixture("caution");
    intake.checkins =
        vec![day(2026, 11, 20, 5), day(2027, 2, 28, 3), day(2028, 2, 29, 2), day(2000, 1, 1, 0), day(2178, 12, 31, 10)];
    assert_eq!(opened_plain(&encode(&intake, true)), intake);
    let without = opened_plain(&encode(&intake, false));
    assert!(without.checkins.is_empty());
    assert_eq!(without.answers, intake.answers);
    // Dates a link cannot carry are left out, not bent.
    intake.checkins = vec![day(1999, 12, 31, 4), day(2026, 1, 1, 4)];
    assert_eq!(opened_plain(&encode(&intake, true)).checkins, vec![day(2026, 1, 1, 4)]);
}

#[test]
fn a_link_carries_the_latest_check_ins_and_years_of_them_are_kept() {
    use backpain_intake::domain::checkins::{MAX_CHECKINS, MAX_SHARED_CHECKINS};
    // Weekly for over nineteen years: all kept in the person's own document...
    let weekly: Vec<CheckIn> = (0..MAX_CHECKINS)
        .map(|week| day(2026 + (week / 52) as u16, (week % 52 / 5 + 1) as u8, (week % 5 * 5 + 1) as u8, 4))
        .collect();
    let mut intake = fixture("caution");
    intake.checkins = weekly.clone();
    let saved = Intake::from_json(&intake.to_json().to_text()).expect("a thousand check-ins read back");
    assert_eq!(saved.checkins.len(), MAX_CHECKINS);
    // ...and a link carries the latest of them.
    let shared = opened_plain(&encode(&intake, true));
    assert_eq!(shared.checkins, weekly[MAX_CHECKINS - MAX_SHARED_CHECKINS..].to_vec());
}

/// Builds a payload from raw content bytes with a correct checksum.
fn with_crc(content: &[u8]) -> String {
    let mut bytes = content.to_vec();
    bytes.extend_from_slice(&crc32(content).to_be_bytes());
    base64url_encode(&bytes)
}

#[track_caller]
fn check(payload: &str, expected: ShareError) {
    assert_eq!(decode(payload), Err(expected), "{payload}");
}

#[test]
fn every_kind_of_damage_is_a_typed_error() {
    let good = encode(&fixture("clear"), false);
    check("", ShareError::Empty);
    check(&"A".repeat(5000), ShareError::TooLong);
    check("abc$def", ShareError::NotBase64);
    check("a b", ShareError::NotBase64);
    check("A", ShareError::NotBase64);
    check("AAAA", ShareError::TooShort);
    check(&good[..good.len() - 4], ShareError::Damaged);
    let mut altered = good.clone().into_bytes();
    altered[5] = if altered[5] == b'A' { b'B' } else { b'A' };
    check(&String::from_utf8(altered).unwrap_or_default(), ShareError::Damaged);
    check(&with_crc(&[0x03, 0xff]), ShareError::UnknownVersion(3));
    check(&with_crc(&[0x00, 0xff]), ShareError::UnknownVersion(0));
    check(&with_crc(&[0x0f]), ShareError::UnknownVersion(15));
    check(&with_crc(&[0x01, 0xff]), ShareError::Truncated);
    // Age present (first presence bit), then 7 bits of 127: out of range.
    let mut bits = vec![0x01, 0x80, 0, 0, 0, 0, 0xfe];
    bits.push(0);
    assert!(matches!(decode(&with_crc(&bits)), Err(ShareError::Invalid(e)) if e.field.as_deref() == Some("age")));
    check(&with_crc(&[0x01 | FLAG_CHECKINS, 0, 0, 0, 0, 0, 0, 0xff]), ShareError::Truncated);
    check(&with_crc(&[0x21, 1, 2, 3]), ShareError::Truncated);
}

#[test]
fn an_encrypted_payload_is_split_for_the_browser_to_open() {
    let (header, body) = share::body(&fixture("clear"), false);
    let ciphertext: Vec<u8> = body.iter().map(|b| b ^ 0x5a).chain([7; 16]).collect();
    let payload = share::encode_sealed(header, &[1; 16], &[2; 12], &ciphertext);
    match decode(&payload) {
        Ok(Opened::Sealed(sealed)) => {
            assert_eq!(sealed.header, share::sealed_header(header));
            assert_eq!((sealed.salt, sealed.iv), ([1; 16], [2; 12]));
            assert_eq!(sealed.ciphertext, ciphertext);
            let plain: Vec<u8> = sealed.ciphertext[..body.len()].iter().map(|b| b ^ 0x5a).collect();
            assert_eq!(share::decode_body(sealed.header, &plain), Ok(fixture("clear")));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn base64url_and_crc_known_values() {
    assert_eq!(base64url_encode(b""), "");
    assert_eq!(base64url_encode(b"f"), "Zg");
    assert_eq!(base64url_encode(b"fo"), "Zm8");
    assert_eq!(base64url_encode(b"foo"), "Zm9v");
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("Zm9vYmFy"), Some(b"foobar".to_vec()));
    assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
    assert_eq!(base64url_decode("Zm9v="), None);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

fn valid_intake() -> impl Strategy<Value = Intake> {
    let per_question: Vec<_> = QuestionId::ALL.iter().map(|&id| prop::option::of(valid_answer(id))).collect();
    let checkin = (2000u16..=2178, 1u8..=12, 1u8..=28, 0u8..=10, 0u8..=10, 0u8..=60).prop_map(
        |(year, month, day, pain_now, pain_worst_week, sessions)| CheckIn {
            date: Date { year, month, day },
            pain_now,
            pain_worst_week,
            sessions,
        },
    );
    (per_question, prop::collection::vec(checkin, 0..20)).prop_map(|(answers, checkins)| {
        let mut set = AnswerSet::new();
        for (id, answer) in QuestionId::ALL.iter().zip(answers) {
            if let Some(answer) = answer {
                let _ = set.set(*id, answer);
            }
        }
        Intake { answers: set, checkins }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_intake_round_trips(intake in valid_intake()) {
        prop_assert_eq!(opened_plain(&encode(&intake, true)), intake.clone());
        let answers_only = Intake { answers: intake.answers.clone(), checkins: Vec::new() };
        prop_assert_eq!(opened_plain(&encode(&intake, false)), answers_only);
    }

    #[test]
    fn no_string_panics_the_decoder(text in ".{0,300}") {
        let _ = decode(&text);
    }

    #[test]
    fn no_bytes_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = decode(&base64url_encode(&bytes));
        // With a correct checksum, the body itself is exercised.
        let _ = decode(&with_crc(&bytes));
        if let Some((first, rest)) = bytes.split_first() {
            let _ = share::decode_body(*first, rest);
        }
    }
}

#[test]
fn every_error_has_a_listed_code() {
    let errors = [
        ShareError::Empty,
        ShareError::TooLong,
        ShareError::NotBase64,
        ShareError::TooShort,
        ShareError::Damaged,
        ShareError::UnknownVersion(3),
        ShareError::Truncated,
        ShareError::Invalid(backpain_intake::domain::AnswerError::top(
            backpain_intake::domain::AnswerErrorKind::MissingFormat,
        )),
        ShareError::NeedsPassphrase,
        ShareError::WrongPassphrase,
    ];
    let mut codes: Vec<ShareErrorCode> = errors.iter().map(ShareError::code).collect();
    // A sealed link's own two: opened in a person's widget, or with no key that opens it.
    codes.extend([ShareErrorCode::ForClinic, ShareErrorCode::OtherKey]);
    assert_eq!(codes, ShareErrorCode::ALL);
}

#[test]
fn the_version_1_layout_is_the_first_questions_and_conditions() {
    // Version 1 links pack the first 42 questions and 19 condition codes; v2 only
    // appended, so those stay where they were (the fourth condition renamed).
    let v1_questions = QuestionId::ALL.iter().filter(|id| id.since_format() == 1).count();
    assert_eq!(v1_questions, 42);
    assert!(QuestionId::ALL[..42].iter().all(|id| id.since_format() == 1), "v2 questions come last");
    assert_eq!(Condition::CODES.len(), V1_CONDITION_CODES + 1);
    assert_eq!(Condition::CODES[3], "leg_swelling_new", "the bit of v1's dvt_or_leg_swelling");
    assert_eq!(Condition::CODES[V1_CONDITION_CODES], "dvt_diagnosed");
}
