//! Codecs with no clinical content: bytes and text in, bytes and text out.
//!
//! Each is written for the widget's small WebAssembly bundle rather than taken from a
//! general crate (every module says what it saves), and none knows about answers or
//! assessments: this module imports nothing from [`domain`](crate::domain), which uses
//! it for its documents, its share link and its sorting.
//!
//! - [`json`]: a small JSON reader and writer (also compiled into build.rs by path).
//! - [`base64`]: base64url without padding, the share link's alphabet.
//! - [`crc32`]: the share link's checksum.
//! - [`sealed`]: the sealed link's envelope and the clinic's public key, checked.
//! - [`qr`]: a QR code encoder for the share link, drawn as one SVG path.
//! - [`sort`]: one small stable sort for the few short lists the widget orders.

pub mod base64;
pub mod crc32;
pub mod json;
pub mod qr;
pub mod sealed;
pub mod sort;
