//! CRC-32, the checksum at the end of a share link: it tells a truncated or altered link
//! from a wrong passphrase.

/// CRC-32 (IEEE 802.3, reflected, as zlib and PNG use), bitwise: no table in the bundle.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { crc >> 1 ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
