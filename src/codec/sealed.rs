//! The sealed link: bytes sealed to a clinic's public key, in a URL fragment.
//!
//! `#s=<payload>`, where the payload is base64url (no padding) of:
//!
//! ```text
//! header (1) | key id (4) | ephemeral public key (65) | iv (12) | AES-GCM ciphertext and tag | CRC-32
//! ```
//!
//! The header byte is the envelope's format version ([`VERSION`]). The key id is the
//! CRC-32 of the clinic's public key: it tells a link sealed to another key apart from a
//! damaged one before any decryption. The sender makes a fresh P-256 key pair for every
//! link (the ephemeral key); ECDH between it and the clinic's key, through HKDF-SHA256
//! ([`HKDF_SALT`], with both public keys as the info), gives the AES-256-GCM key. The
//! header, key id and ephemeral key are the additional authenticated data, so none can be
//! changed unnoticed. The CRC-32 over everything before it tells a cut or altered link
//! from one sealed to another key, as the share link's does.
//!
//! The cryptography runs in the browser (Web Crypto); this module frames the bytes and
//! checks a public key, which is a point of the curve P-256 written uncompressed
//! (`0x04 | x | y`, SEC 1 section 2.3.3). [`ClinicKey::parse`] checks that the point is on
//! the curve, so a mistyped key in a clinic's snippet is refused before anything is
//! sealed to it.

use super::base64::{base64url_decode, base64url_encode};
use super::crc32::crc32;

/// The envelope format this build writes and reads.
pub const VERSION: u8 = 1;
/// The fragment prefix of a sealed link.
pub const FRAGMENT_PREFIX: &str = "#s=";
/// Bytes of an uncompressed P-256 public key.
pub const POINT_LEN: usize = 65;
/// Bytes of the key id.
pub const KEY_ID_LEN: usize = 4;
/// Bytes of the AES-GCM nonce.
pub const IV_LEN: usize = 12;
/// Bytes of the AES-GCM tag.
pub const TAG_LEN: usize = 16;
/// The longest payload decoded, in characters; anything longer is refused unread.
pub const MAX_PAYLOAD_CHARS: usize = 4096;
/// The HKDF salt: names the format, so a key derived here is used for nothing else.
pub const HKDF_SALT: &[u8] = b"backpain-intake sealed link v1";

/// Why a sealed link, or a clinic key, could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealedError {
    /// Nothing after `#s=`.
    Empty,
    /// Longer than [`MAX_PAYLOAD_CHARS`].
    TooLong,
    /// Characters that base64url does not use.
    NotBase64,
    /// Too short to hold the envelope.
    TooShort,
    /// The checksum does not match: the link was cut short or changed.
    Damaged,
    /// An envelope version this build cannot read.
    UnknownVersion(u8),
    /// A public key that is not a point of P-256.
    NotAPoint,
}

impl std::fmt::Display for SealedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SealedError::Empty => f.write_str("it is empty"),
            SealedError::TooLong => f.write_str("it is too long"),
            SealedError::NotBase64 => f.write_str("it has characters base64url does not use"),
            SealedError::TooShort => f.write_str("it is too short"),
            SealedError::Damaged => f.write_str("it was cut short or changed"),
            SealedError::UnknownVersion(v) => write!(f, "it was made by a newer version (format {v})"),
            SealedError::NotAPoint => f.write_str("it is not a P-256 public key (65 bytes, 0x04, x, y, on the curve)"),
        }
    }
}

/// Whether `text` has the form of a clinic key: base64url of 65 bytes that start with
/// `0x04`. The widget's own check of its snippet's `data-clinic-key`, which leaves the
/// curve's arithmetic out of the person's bundle; the sealer ([`ClinicKey::parse`])
/// refuses a key off the curve before it seals anything.
pub fn has_key_form(text: &str) -> bool {
    base64url_decode(text.trim()).is_some_and(|bytes| bytes.len() == POINT_LEN && bytes[0] == 4)
}

/// A clinic's public key: an uncompressed P-256 point that is on the curve.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ClinicKey([u8; POINT_LEN]);

impl std::fmt::Debug for ClinicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClinicKey({})", self.fingerprint())
    }
}

impl ClinicKey {
    /// The key from its raw bytes, checked.
    pub fn from_bytes(bytes: &[u8]) -> Result<ClinicKey, SealedError> {
        let point: [u8; POINT_LEN] = bytes.try_into().map_err(|_| SealedError::NotAPoint)?;
        if point[0] != 4 || !p256::is_on_curve(&point[1..33], &point[33..]) {
            return Err(SealedError::NotAPoint);
        }
        Ok(ClinicKey(point))
    }

    /// The key from its text (base64url, as in the snippet's `data-clinic-key`), checked.
    pub fn parse(text: &str) -> Result<ClinicKey, SealedError> {
        let bytes = base64url_decode(text.trim()).ok_or(SealedError::NotBase64)?;
        ClinicKey::from_bytes(&bytes)
    }

    /// The raw point, as Web Crypto imports it (`"raw"`).
    pub fn bytes(&self) -> &[u8; POINT_LEN] {
        &self.0
    }

    /// The key as the snippet writes it.
    pub fn to_text(&self) -> String {
        base64url_encode(&self.0)
    }

    /// The id a sealed link carries: the CRC-32 of the key.
    pub fn id(&self) -> [u8; KEY_ID_LEN] {
        crc32(&self.0).to_be_bytes()
    }

    /// The id as the clinician page shows it, to tell a clinic's own keys apart:
    /// `1A2B-3C4D`. A checksum, not proof that a key is the clinic's (anyone can make a
    /// key with the same id); the snippet carries the whole key.
    pub fn fingerprint(&self) -> String {
        let hex: String = self.id().iter().map(|b| format!("{b:02X}")).collect();
        format!("{}-{}", &hex[..4], &hex[4..])
    }
}

/// A sealed link's parts, checked and split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub header: u8,
    /// The id of the clinic key it was sealed to.
    pub key_id: [u8; KEY_ID_LEN],
    /// The sender's one-time public key, as sent (Web Crypto checks it on import).
    pub ephemeral: [u8; POINT_LEN],
    pub iv: [u8; IV_LEN],
    /// Ciphertext with the GCM tag.
    pub ciphertext: Vec<u8>,
}

impl Envelope {
    /// An envelope of this build's version.
    pub fn new(key: &ClinicKey, ephemeral: [u8; POINT_LEN], iv: [u8; IV_LEN], ciphertext: Vec<u8>) -> Envelope {
        Envelope { header: VERSION, key_id: key.id(), ephemeral, iv, ciphertext }
    }

    /// The additional authenticated data: everything before the nonce.
    pub fn associated_data(&self) -> Vec<u8> {
        associated_data(self.header, &self.key_id, &self.ephemeral)
    }

    /// The HKDF info: the ephemeral key, then the clinic's.
    pub fn hkdf_info(&self, key: &ClinicKey) -> Vec<u8> {
        [&self.ephemeral[..], &key.0[..]].concat()
    }

    /// The payload (after `#s=`).
    pub fn encode(&self) -> String {
        let mut bytes = self.associated_data();
        bytes.extend_from_slice(&self.iv);
        bytes.extend_from_slice(&self.ciphertext);
        let crc = crc32(&bytes);
        bytes.extend_from_slice(&crc.to_be_bytes());
        base64url_encode(&bytes)
    }

    /// Reads a payload (after `#s=`).
    pub fn decode(payload: &str) -> Result<Envelope, SealedError> {
        if payload.is_empty() {
            return Err(SealedError::Empty);
        }
        if payload.len() > MAX_PAYLOAD_CHARS {
            return Err(SealedError::TooLong);
        }
        let bytes = base64url_decode(payload).ok_or(SealedError::NotBase64)?;
        if bytes.len() < 1 + KEY_ID_LEN + POINT_LEN + IV_LEN + TAG_LEN + 4 {
            return Err(SealedError::TooShort);
        }
        let (content, crc) = bytes.split_at(bytes.len() - 4);
        if crc32(content).to_be_bytes() != crc {
            return Err(SealedError::Damaged);
        }
        if content[0] != VERSION {
            return Err(SealedError::UnknownVersion(content[0]));
        }
        let (key_id, rest) = content[1..].split_at(KEY_ID_LEN);
        let (ephemeral, rest) = rest.split_at(POINT_LEN);
        let (iv, ciphertext) = rest.split_at(IV_LEN);
        Ok(Envelope {
            header: content[0],
            key_id: key_id.try_into().map_err(|_| SealedError::TooShort)?,
            ephemeral: ephemeral.try_into().map_err(|_| SealedError::TooShort)?,
            iv: iv.try_into().map_err(|_| SealedError::TooShort)?,
            ciphertext: ciphertext.to_vec(),
        })
    }
}

/// The additional authenticated data of an envelope with these parts.
pub fn associated_data(header: u8, key_id: &[u8; KEY_ID_LEN], ephemeral: &[u8; POINT_LEN]) -> Vec<u8> {
    [&[header][..], key_id, ephemeral].concat()
}

/// The payload in a URL fragment such as `#s=...`, if there is one.
pub fn payload_of_fragment(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(FRAGMENT_PREFIX)
}

/// Just enough of P-256 to check that a point is on the curve: `y² = x³ − 3x + b` modulo
/// the field prime (SEC 2, section 2.4.2). Numbers are four 64-bit limbs, least
/// significant first; a product is reduced bit by bit, which is slow but small, and one
/// check is a handful of products.
mod p256 {
    type U256 = [u64; 4];

    /// The field prime, 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1.
    const P: U256 = [0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF, 0, 0xFFFF_FFFF_0000_0001];
    /// The curve's b.
    const B: U256 = [0x3BCE_3C3E_27D2_604B, 0x651D_06B0_CC53_B0F6, 0xB3EB_BD55_7698_86BC, 0x5AC6_35D8_AA3A_93E7];

    fn from_be(bytes: &[u8]) -> U256 {
        let mut n = [0; 4];
        for (i, chunk) in bytes.chunks(8).enumerate() {
            n[3 - i] = chunk.iter().fold(0, |v, b| v << 8 | u64::from(*b));
        }
        n
    }

    fn less(a: &U256, b: &U256) -> bool {
        a.iter().rev().cmp(b.iter().rev()).is_lt()
    }

    /// `a − b`, wrapping.
    fn sub(a: &U256, b: &U256) -> U256 {
        let mut out = [0; 4];
        let mut borrow = false;
        for i in 0..4 {
            let (d, b1) = a[i].overflowing_sub(b[i]);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            out[i] = d;
            borrow = b1 || b2;
        }
        out
    }

    /// `a + b mod p`, for `a, b < p`.
    fn add_mod(a: &U256, b: &U256) -> U256 {
        let mut out = [0; 4];
        let mut carry = false;
        for i in 0..4 {
            let (s, c1) = a[i].overflowing_add(b[i]);
            let (s, c2) = s.overflowing_add(u64::from(carry));
            out[i] = s;
            carry = c1 || c2;
        }
        if carry || !less(&out, &P) {
            sub(&out, &P)
        } else {
            out
        }
    }

    /// `a · b mod p`: the 512-bit product, then reduced one bit at a time.
    fn mul_mod(a: &U256, b: &U256) -> U256 {
        let mut product = [0u64; 8];
        for i in 0..4 {
            let mut carry = 0u128;
            for j in 0..4 {
                let t = u128::from(a[i]) * u128::from(b[j]) + u128::from(product[i + j]) + carry;
                product[i + j] = t as u64;
                carry = t >> 64;
            }
            product[i + 4] = carry as u64;
        }
        let mut r: U256 = [0; 4];
        for bit in (0..512).rev() {
            // r = 2r + bit, which is below 2p, then back below p.
            let top = r[3] >> 63 == 1;
            for i in (1..4).rev() {
                r[i] = r[i] << 1 | r[i - 1] >> 63;
            }
            r[0] = r[0] << 1 | (product[bit / 64] >> (bit % 64) & 1);
            if top || !less(&r, &P) {
                r = sub(&r, &P);
            }
        }
        r
    }

    /// Whether the big-endian coordinates `x` and `y` (32 bytes each) are a point of the
    /// curve; the point at infinity has no such form and is not.
    pub(super) fn is_on_curve(x: &[u8], y: &[u8]) -> bool {
        let (x, y) = (from_be(x), from_be(y));
        if !less(&x, &P) || !less(&y, &P) {
            return false;
        }
        let x3 = mul_mod(&mul_mod(&x, &x), &x);
        let three_x = add_mod(&add_mod(&x, &x), &x);
        // x³ − 3x + b, with − 3x written as + (p − 3x).
        let minus_three_x = if three_x == [0; 4] { three_x } else { sub(&P, &three_x) };
        mul_mod(&y, &y) == add_mod(&add_mod(&x3, &minus_three_x), &B)
    }
}
