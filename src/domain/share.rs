//! The share link: answers (and, if the person chooses, check-ins) in the URL fragment.
//!
//! `#r=<payload>`: the fragment never leaves the browser, so no server ever receives the
//! answers. The payload is base64url (no padding) of:
//!
//! ```text
//! plain:      header | answers bits [| check-in bits] | CRC-32
//! encrypted:  header | salt (16) | iv (12) | AES-GCM ciphertext and tag | CRC-32
//! ```
//!
//! The header byte holds the format version (low four bits) and the flags
//! [`FLAG_CHECKINS`] and [`FLAG_ENCRYPTED`]. Answers are bit-packed in question order: a
//! presence bit for each question, then each given answer in as few bits as its kind
//! needs (a whole number in 7, a choice in the bits of its code position, a many-answer
//! in one bit per code, yes/no in one). The CRC-32 over everything before it tells a
//! truncated or altered link from a wrong passphrase. Encryption itself happens in the
//! browser (Web Crypto); this module only frames the bytes.
//!
//! Version 2 (contract v2) packs the four questions v2 appended and the condition it
//! appended. Version 1 links still open: they are read with the version-1 layout (the
//! first 42 questions, 19 condition codes, whose fourth, `dvt_or_leg_swelling`, reads as
//! `leg_swelling_new`), and the new questions are unanswered. `tests/share.rs` keeps a
//! fixture link of every version so that links already handed out keep opening.

use super::checkins::{CheckIn, Date, MAX_SESSIONS, MAX_SHARED_CHECKINS};
use super::choices::V1_CONDITION_CODES;
use super::codes::codes;
use super::error::AnswerError;
use super::intake::{Answer, AnswerSet, CodeSet, Intake};
use super::question::{Kind, QuestionId};
use crate::codec::base64::{base64url_decode, base64url_encode, base64url_value};
use crate::codec::crc32::crc32;
use crate::codec::sealed::SealedError;

/// The format version this build writes.
pub const VERSION: u8 = 2;
/// The oldest format version this build still reads.
pub const OLDEST_VERSION: u8 = 1;
/// The header flag for "check-ins follow the answers".
pub const FLAG_CHECKINS: u8 = 0x10;
/// The header flag for "the body is encrypted".
pub const FLAG_ENCRYPTED: u8 = 0x20;
/// The longest payload decoded, in characters; anything longer is refused unread.
pub const MAX_PAYLOAD_CHARS: usize = 4096;
/// The fragment prefix of a share link.
pub const FRAGMENT_PREFIX: &str = "#r=";
/// Bytes of salt for the passphrase key.
pub const SALT_LEN: usize = 16;
/// Bytes of the AES-GCM nonce.
pub const IV_LEN: usize = 12;
/// Bytes of the AES-GCM tag at the end of the ciphertext.
pub const TAG_LEN: usize = 16;

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareError {
    /// Nothing after `#r=`.
    Empty,
    /// Longer than [`MAX_PAYLOAD_CHARS`].
    TooLong,
    /// Characters that base64url does not use.
    NotBase64,
    /// Too short to hold a header and a checksum.
    TooShort,
    /// The checksum does not match: the link was cut short or changed.
    Damaged,
    /// A format version this build cannot read (a newer build made it).
    UnknownVersion(u8),
    /// The bits end before the answers do.
    Truncated,
    /// An answer that does not validate.
    Invalid(AnswerError),
    /// Encrypted: a passphrase is needed (see [`Sealed`]).
    NeedsPassphrase,
    /// The passphrase does not open it.
    WrongPassphrase,
}

codes! {
    /// The kind of a [`ShareError`], whose words are `share_error.<code>`.
    pub enum ShareErrorCode {
        Empty = "empty",
        TooLong = "too_long",
        NotBase64 = "not_base64",
        TooShort = "too_short",
        Damaged = "damaged",
        UnknownVersion = "unknown_version",
        Truncated = "truncated",
        Invalid = "invalid",
        NeedsPassphrase = "needs_passphrase",
        WrongPassphrase = "wrong_passphrase",
        /// A link sealed to a clinic's key, opened in a person's widget.
        ForClinic = "for_clinic",
        /// A sealed link that no clinic key on this device opens.
        OtherKey = "other_key",
    }
}

impl ShareError {
    /// The kind of problem, whose words the person reads.
    pub fn code(&self) -> ShareErrorCode {
        match self {
            ShareError::Empty => ShareErrorCode::Empty,
            ShareError::TooLong => ShareErrorCode::TooLong,
            ShareError::NotBase64 => ShareErrorCode::NotBase64,
            ShareError::TooShort => ShareErrorCode::TooShort,
            ShareError::Damaged => ShareErrorCode::Damaged,
            ShareError::UnknownVersion(_) => ShareErrorCode::UnknownVersion,
            ShareError::Truncated => ShareErrorCode::Truncated,
            ShareError::Invalid(_) => ShareErrorCode::Invalid,
            ShareError::NeedsPassphrase => ShareErrorCode::NeedsPassphrase,
            ShareError::WrongPassphrase => ShareErrorCode::WrongPassphrase,
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => f.write_str("the link holds no result"),
            ShareError::TooLong => f.write_str("the link is too long to be a result"),
            ShareError::NotBase64 => f.write_str("the link contains characters a result never has"),
            ShareError::TooShort => f.write_str("the link is too short to hold a result"),
            ShareError::Damaged => f.write_str("the link was cut short or changed"),
            ShareError::UnknownVersion(v) => write!(f, "the link was made by a newer version (format {v})"),
            ShareError::Truncated => f.write_str("the link ends before its answers do"),
            ShareError::Invalid(err) => write!(f, "the link holds an answer that is not valid ({err})"),
            ShareError::NeedsPassphrase => f.write_str("the link is protected by a passphrase"),
            ShareError::WrongPassphrase => f.write_str("the passphrase does not open this link"),
        }
    }
}

impl std::error::Error for ShareError {}

impl From<SealedError> for ShareErrorCode {
    /// The words a sealed link's fault is told in: those of the share link's same fault
    /// (a public key that is not a point is damage too).
    fn from(error: SealedError) -> ShareErrorCode {
        match error {
            SealedError::Empty => ShareErrorCode::Empty,
            SealedError::TooLong => ShareErrorCode::TooLong,
            SealedError::NotBase64 => ShareErrorCode::NotBase64,
            SealedError::TooShort => ShareErrorCode::TooShort,
            SealedError::Damaged | SealedError::NotAPoint => ShareErrorCode::Damaged,
            SealedError::UnknownVersion(_) => ShareErrorCode::UnknownVersion,
        }
    }
}

/// An encrypted payload, checked and split, waiting for its passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    /// The header byte, also the additional authenticated data of the encryption.
    pub header: u8,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    /// Ciphertext with the GCM tag.
    pub ciphertext: Vec<u8>,
}

/// A decoded link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Plain(Box<Intake>),
    Sealed(Sealed),
}

/// The payload (after `#r=`) of a plain link.
pub fn encode(intake: &Intake, with_checkins: bool) -> String {
    let (header, body) = body(intake, with_checkins);
    let mut bytes = vec![header];
    bytes.extend_from_slice(&body);
    finish(bytes)
}

/// The header and the bit-packed body of an intake: what a plain link carries, and the
/// plaintext that an encrypted link encrypts.
pub fn body(intake: &Intake, with_checkins: bool) -> (u8, Vec<u8>) {
    let with_checkins = with_checkins && !intake.checkins.is_empty();
    let mut bits = BitWriter::default();
    write_answers(&mut bits, &intake.answers);
    if with_checkins {
        write_checkins(&mut bits, &intake.checkins);
    }
    let header = VERSION | if with_checkins { FLAG_CHECKINS } else { 0 };
    (header, bits.into_bytes())
}

/// The payload of an encrypted link, from the encryption's parts. `header` must be the
/// plain header (from [`body`]); the encrypted flag is added here.
pub fn encode_sealed(header: u8, salt: &[u8; SALT_LEN], iv: &[u8; IV_LEN], ciphertext: &[u8]) -> String {
    let mut bytes = vec![sealed_header(header)];
    bytes.extend_from_slice(salt);
    bytes.extend_from_slice(iv);
    bytes.extend_from_slice(ciphertext);
    finish(bytes)
}

/// The header byte of the encrypted form of a plain header: the additional data the
/// encryption authenticates, so the flags cannot be changed without detection.
pub fn sealed_header(header: u8) -> u8 {
    header | FLAG_ENCRYPTED
}

fn finish(mut bytes: Vec<u8>) -> String {
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}

/// The most characters of the name or initials a person gives their therapist.
pub const MAX_INITIALS_CHARS: usize = 40;

/// What a person sends to their clinic, sealed to the clinic's key (see
/// [`crate::codec::sealed`]): the answers (and check-ins, if they chose), the day it was
/// sent, and the name or initials they gave, which travel inside the sealed bytes only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub intake: Intake,
    /// The day it was sealed; `None` only when the sender's clock was outside 2000 to 2178.
    pub sent: Option<Date>,
    pub initials: Option<String>,
}

/// The name or initials as a letter carries them: trimmed, at most
/// [`MAX_INITIALS_CHARS`], without control characters or the invisible marks that turn
/// the direction of the text after them (U+200E, U+200F, U+202A to U+202E, U+2066 to
/// U+2069), which could make the date beside them read backwards; `None` when nothing is
/// left.
pub fn clean_initials(text: &str) -> Option<String> {
    let direction = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_control() && !direction(*c))
        .take(MAX_INITIALS_CHARS)
        .collect::<String>()
        .trim()
        .to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

impl Letter {
    /// The plaintext that is sealed:
    ///
    /// ```text
    /// share header (1) | days since 2000-01-01 (2) | initials length (1) | initials (UTF-8) | share body
    /// ```
    ///
    /// The share header and body are those of a plain share link, so the letter reads
    /// every format the share link does.
    pub fn to_bytes(&self, with_checkins: bool) -> Vec<u8> {
        let (header, body) = body(&self.intake, with_checkins);
        let days = self.sent.and_then(days_since_2000).map_or(u16::MAX, |d| d as u16);
        let initials = self.initials.as_deref().and_then(clean_initials).unwrap_or_default();
        let mut bytes = vec![header];
        bytes.extend_from_slice(&days.to_be_bytes());
        bytes.push(initials.len() as u8);
        bytes.extend_from_slice(initials.as_bytes());
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Reads the plaintext of a sealed link.
    pub fn from_bytes(bytes: &[u8]) -> Result<Letter, ShareError> {
        let [header, high, low, length, rest @ ..] = bytes else {
            return Err(ShareError::Truncated);
        };
        if !(OLDEST_VERSION..=VERSION).contains(&version_of(*header)) {
            return Err(ShareError::UnknownVersion(version_of(*header)));
        }
        if header & FLAG_ENCRYPTED != 0 {
            return Err(ShareError::Damaged);
        }
        let length = usize::from(*length);
        if rest.len() < length {
            return Err(ShareError::Truncated);
        }
        let (initials, body) = rest.split_at(length);
        let initials = std::str::from_utf8(initials).map_err(|_| ShareError::Damaged)?;
        let days = u16::from_be_bytes([*high, *low]);
        Ok(Letter {
            intake: decode_body(*header, body)?,
            sent: (days != u16::MAX).then(|| date_from_days(u32::from(days))).flatten(),
            initials: clean_initials(initials),
        })
    }
}

/// Decodes a payload (the text after `#r=`).
pub fn decode(payload: &str) -> Result<Opened, ShareError> {
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong);
    }
    let bytes = base64url_decode(payload).ok_or(ShareError::NotBase64)?;
    if bytes.len() < 5 {
        return Err(ShareError::TooShort);
    }
    let (content, crc) = bytes.split_at(bytes.len() - 4);
    if crc32(content).to_be_bytes() != crc {
        return Err(ShareError::Damaged);
    }
    let header = content[0];
    if !(OLDEST_VERSION..=VERSION).contains(&version_of(header)) {
        return Err(ShareError::UnknownVersion(version_of(header)));
    }
    if header & FLAG_ENCRYPTED != 0 {
        let rest = &content[1..];
        if rest.len() < SALT_LEN + IV_LEN + TAG_LEN {
            return Err(ShareError::Truncated);
        }
        let (salt, rest) = rest.split_at(SALT_LEN);
        let (iv, ciphertext) = rest.split_at(IV_LEN);
        let mut sealed = Sealed { header, salt: [0; SALT_LEN], iv: [0; IV_LEN], ciphertext: ciphertext.to_vec() };
        sealed.salt.copy_from_slice(salt);
        sealed.iv.copy_from_slice(iv);
        return Ok(Opened::Sealed(sealed));
    }
    decode_body(header, &content[1..]).map(|intake| Opened::Plain(Box::new(intake)))
}

/// Reads the body of a plain link, or the decrypted plaintext of a sealed one, under its
/// (plain or sealed) header.
pub fn decode_body(header: u8, body: &[u8]) -> Result<Intake, ShareError> {
    let mut bits = BitReader { bytes: body, position: 0 };
    let answers = read_answers(&mut bits, version_of(header))?;
    let checkins = if header & FLAG_CHECKINS != 0 { read_checkins(&mut bits)? } else { Vec::new() };
    Ok(Intake { answers, checkins })
}

/// The payload in a URL fragment such as `#r=...`, if there is one.
pub fn payload_of_fragment(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(FRAGMENT_PREFIX)
}

/// The format version in a header byte.
pub fn version_of(header: u8) -> u8 {
    header & 0x0f
}

/// The format version of a payload (the text after `#r=`), read from its first byte
/// without checking the rest; `None` when it does not even start like one.
pub fn payload_version(payload: &str) -> Option<u8> {
    // The header byte's low four bits: the first character's last two of its six bits,
    // then the second character's first two.
    let sextet = |i: usize| payload.as_bytes().get(i).copied().and_then(base64url_value);
    Some((sextet(0)? & 3) << 2 | sextet(1)? >> 4)
}

/// The questions a link of this format version packs, in order: those of its answer
/// format (format 1 links predate the four v2 questions).
fn questions_of(version: u8) -> impl Iterator<Item = QuestionId> {
    QuestionId::ALL.iter().copied().filter(move |id| id.since_format() <= u64::from(version))
}

/// The codes a many-answer packs in a link of this version: format 1 had the first 19
/// conditions (v2 appended `dvt_diagnosed`).
fn many_codes_of(id: QuestionId, codes: usize, version: u8) -> u32 {
    match (id, version) {
        (QuestionId::Conditions, 1) => V1_CONDITION_CODES as u32,
        _ => codes as u32,
    }
}

/// The bits a single-choice answer takes: enough for every code position.
fn choice_bits(count: usize) -> u32 {
    usize::BITS - (count.max(2) - 1).leading_zeros()
}

fn write_answers(bits: &mut BitWriter, answers: &AnswerSet) {
    for id in QuestionId::ALL {
        bits.push(u32::from(answers.is_answered(*id)), 1);
    }
    for (id, answer) in answers.iter() {
        match (id.kind(), answer) {
            (Kind::Integer { .. }, Answer::Integer(n)) => bits.push(u32::from(n), 7),
            (Kind::One(codes), Answer::One(p)) => bits.push(u32::from(p), choice_bits(codes.len())),
            (Kind::Many { codes, .. }, Answer::Many(set)) => bits.push(set.bits(), codes.len() as u32),
            (_, Answer::Bool(b)) => bits.push(u32::from(b), 1),
            // An AnswerSet only holds answers of their question's kind.
            _ => {}
        }
    }
}

fn read_answers(bits: &mut BitReader, version: u8) -> Result<AnswerSet, ShareError> {
    let mut present = Vec::with_capacity(QuestionId::ALL.len());
    for id in questions_of(version) {
        if bits.take(1)? == 1 {
            present.push(id);
        }
    }
    let mut answers = AnswerSet::new();
    for id in present {
        let answer = match id.kind() {
            Kind::Integer { .. } => Answer::Integer(bits.take(7)? as u8),
            Kind::One(codes) => Answer::One(bits.take(choice_bits(codes.len()))? as u8),
            Kind::Many { codes, .. } => {
                Answer::Many(CodeSet::from_bits(bits.take(many_codes_of(id, codes.len(), version))?))
            }
            Kind::Bool => Answer::Bool(bits.take(1)? == 1),
        };
        answers.set(id, answer).map_err(ShareError::Invalid)?;
    }
    Ok(answers)
}

/// The first and last years a check-in date in a link can have: 16 bits of days from
/// 2000-01-01 reach 2179-06-06, so whole years end at 2178.
const FIRST_YEAR: u16 = 2000;
const LAST_YEAR: u16 = 2178;

fn month_lengths(year: u16) -> [u32; 12] {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
}

/// Days from 2000-01-01; `None` outside the years a link can carry.
fn days_since_2000(date: Date) -> Option<u32> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year) {
        return None;
    }
    let years: u32 = (FIRST_YEAR..date.year).map(|y| month_lengths(y).iter().sum::<u32>()).sum();
    let months: u32 = month_lengths(date.year).iter().take(usize::from(date.month) - 1).sum();
    Some(years + months + u32::from(date.day) - 1)
}

/// The date `days` after 2000-01-01.
fn date_from_days(mut days: u32) -> Option<Date> {
    for year in FIRST_YEAR..=LAST_YEAR {
        for (index, length) in month_lengths(year).into_iter().enumerate() {
            if days < length {
                return Some(Date { year, month: index as u8 + 1, day: days as u8 + 1 });
            }
            days -= length;
        }
    }
    None
}

/// Writes the check-ins a link can carry: at most [`MAX_CHECKINS`], dated 2000 to 2178.
fn write_checkins(bits: &mut BitWriter, checkins: &[CheckIn]) {
    let mut carried: Vec<(u32, &CheckIn)> =
        checkins.iter().filter_map(|c| days_since_2000(c.date).map(|d| (d, c))).collect();
    // The latest, where there are more than a link carries (check-ins are kept by date).
    carried.drain(..carried.len().saturating_sub(MAX_SHARED_CHECKINS));
    bits.push(carried.len() as u32, 8);
    for (days, checkin) in carried {
        bits.push(days, 16);
        bits.push(u32::from(checkin.pain_now), 4);
        bits.push(u32::from(checkin.pain_worst_week), 4);
        bits.push(u32::from(checkin.sessions), 6);
    }
}

fn read_checkins(bits: &mut BitReader) -> Result<Vec<CheckIn>, ShareError> {
    let invalid = |field: &str, kind| ShareError::Invalid(AnswerError::field(field, kind));
    let count = bits.take(8)? as usize;
    if count > MAX_SHARED_CHECKINS {
        return Err(invalid("checkins", super::error::AnswerErrorKind::TooMany { max: MAX_SHARED_CHECKINS }));
    }
    let mut checkins = Vec::with_capacity(count);
    for _ in 0..count {
        let days = bits.take(16)?;
        let (pain_now, pain_worst_week, sessions) = (bits.take(4)? as u8, bits.take(4)? as u8, bits.take(6)? as u8);
        let date = date_from_days(days)
            .ok_or_else(|| invalid("checkins.date", super::error::AnswerErrorKind::InvalidDate(days.to_string())))?;
        let out_of_range =
            |found: u8, max: u8| super::error::AnswerErrorKind::OutOfRange { found: found.to_string(), min: 0, max };
        if pain_now > 10 || pain_worst_week > 10 {
            return Err(invalid("checkins.pain", out_of_range(pain_now.max(pain_worst_week), 10)));
        }
        if sessions > MAX_SESSIONS {
            return Err(invalid("checkins.sessions", out_of_range(sessions, MAX_SESSIONS)));
        }
        checkins.push(CheckIn { date, pain_now, pain_worst_week, sessions });
    }
    Ok(checkins)
}

/// Writes values most significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    fn push(&mut self, value: u32, width: u32) {
        for bit in (0..width).rev() {
            if self.used % 8 == 0 {
                self.bytes.push(0);
            }
            if value >> bit & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.used % 8);
                }
            }
            self.used += 1;
        }
    }

    fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl BitReader<'_> {
    fn take(&mut self, width: u32) -> Result<u32, ShareError> {
        let mut value = 0;
        for _ in 0..width {
            let byte = self.bytes.get(self.position / 8).ok_or(ShareError::Truncated)?;
            value = value << 1 | u32::from(byte >> (7 - self.position % 8) & 1);
            self.position += 1;
        }
        Ok(value)
    }
}
