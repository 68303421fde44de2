//! The QR code encoder: whole matrices equal to an independent encoder's, the byte
//! capacity of every version and level, the structure of every symbol read back against
//! the standard's tables, and an SVG path that draws exactly the dark modules.
//!
//! The tables below are transcribed from ISO/IEC 18004:2015 (Table 7, Table C.1,
//! Table D.1, Table E.1; the values as reproduced in Segno's `consts` module), not
//! computed, so that they check the encoder rather than repeat it.

use std::collections::BTreeSet;

use backpain_intake::codec::qr::{encode, Ecc, QrCode, QrError};
use proptest::prelude::*;

const LEVELS: [Ecc; 4] = [Ecc::L, Ecc::M, Ecc::Q, Ecc::H];

/// Table 7: the most bytes each version (1-40) holds in byte mode, per level L, M, Q, H.
const BYTE_CAPACITY: [[usize; 40]; 4] = [
    [
        17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858, 929, 1003,
        1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953,
    ],
    [
        14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857,
        911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
    ],
    [
        11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482, 509, 565, 611,
        661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663,
    ],
    [
        7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403, 439, 461, 511,
        535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273,
    ],
];

/// Table C.1: the 15 format information bits, per level L, M, Q, H and mask 0-7.
const FORMAT_INFO: [[u32; 8]; 4] = [
    [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976],
    [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0],
    [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED],
    [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B],
];

/// Table D.1: the 18 version information bits of versions 7-40.
const VERSION_INFO: [u32; 34] = [
    0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78, 0x1145D, 0x12A17,
    0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB, 0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75,
    0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B, 0x2542E, 0x26A64, 0x27541, 0x28C69,
];

/// Table E.1: the rows and columns of the alignment pattern centres of versions 2-40.
const ALIGNMENT_CENTRES: [&[usize]; 39] = [
    &[6, 18],
    &[6, 22],
    &[6, 26],
    &[6, 30],
    &[6, 34],
    &[6, 22, 38],
    &[6, 24, 42],
    &[6, 26, 46],
    &[6, 28, 50],
    &[6, 30, 54],
    &[6, 32, 58],
    &[6, 34, 62],
    &[6, 26, 46, 66],
    &[6, 26, 48, 70],
    &[6, 26, 50, 74],
    &[6, 30, 54, 78],
    &[6, 30, 56, 82],
    &[6, 30, 58, 86],
    &[6, 34, 62, 90],
    &[6, 28, 50, 72, 94],
    &[6, 26, 50, 74, 98],
    &[6, 30, 54, 78, 102],
    &[6, 28, 54, 80, 106],
    &[6, 32, 58, 84, 110],
    &[6, 30, 58, 86, 114],
    &[6, 34, 62, 90, 118],
    &[6, 26, 50, 74, 98, 122],
    &[6, 30, 54, 78, 102, 126],
    &[6, 26, 52, 78, 104, 130],
    &[6, 30, 56, 82, 108, 134],
    &[6, 34, 60, 86, 112, 138],
    &[6, 30, 58, 86, 114, 142],
    &[6, 34, 62, 90, 118, 146],
    &[6, 30, 54, 78, 102, 126, 150],
    &[6, 24, 50, 76, 102, 128, 154],
    &[6, 28, 54, 80, 106, 132, 158],
    &[6, 32, 58, 84, 110, 136, 162],
    &[6, 26, 54, 82, 110, 138, 166],
    &[6, 30, 58, 86, 114, 142, 170],
];

fn level_index(ecc: Ecc) -> usize {
    LEVELS.iter().position(|&level| level == ecc).unwrap_or(usize::MAX)
}

/// The smallest version that holds `len` bytes, by Table 7.
fn smallest_version(len: usize, ecc: Ecc) -> Result<usize, QrError> {
    BYTE_CAPACITY[level_index(ecc)].iter().position(|&capacity| len <= capacity).map(|i| i + 1).ok_or(QrError::TooLong)
}

/// Bytes that vary, unlike a run of one letter, so that the blocks differ.
fn sample(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 37 + 11) as u8).collect()
}

fn rows(code: &QrCode) -> Vec<String> {
    (0..code.size()).map(|y| (0..code.size()).map(|x| if code.is_dark(x, y) { '#' } else { '.' }).collect()).collect()
}

/// Reads one bit from each module in turn, least significant first.
fn read_bits(code: &QrCode, modules: impl Iterator<Item = (usize, usize)>) -> u32 {
    modules.enumerate().map(|(i, (x, y))| u32::from(code.is_dark(x, y)) << i).sum()
}

/// The level and mask named by the format information, after checking that both copies
/// agree and are a valid Table C.1 sequence.
fn format_of(code: &QrCode) -> (Ecc, u8) {
    let size = code.size();
    // Figure 25: bits 0-7 up column 8 and 8-14 left along row 8 around the top left
    // finder, skipping the timing patterns; the copy runs left along row 8 from the right
    // edge, then down column 8 to the bottom edge.
    let first = read_bits(
        code,
        (0..15).map(|i| match i {
            0..=5 => (8, i),
            6 | 7 => (8, i + 1),
            8 => (7, 8),
            _ => (14 - i, 8),
        }),
    );
    let copy = read_bits(code, (0..15).map(|i| if i < 8 { (size - 1 - i, 8) } else { (8, size - 15 + i) }));
    assert_eq!(first, copy, "the two copies of the format information differ");
    for (level, row) in LEVELS.iter().zip(FORMAT_INFO) {
        if let Some(mask) = row.iter().position(|&bits| bits == first) {
            return (*level, mask as u8);
        }
    }
    panic!("format information {first:#06x} is not in Table C.1");
}

/// Checks every function pattern of a symbol against the standard.
fn check_structure(code: &QrCode, ecc: Ecc) {
    let version = code.version();
    let size = code.size();
    assert!((1..=40).contains(&version), "version {version}");
    assert_eq!(size, 17 + 4 * version);
    // A coordinate left of or above the symbol: light, like everything outside.
    let dark = |x: isize, y: isize| x >= 0 && y >= 0 && code.is_dark(x as usize, y as usize);

    // Finder patterns with their light separators, at the three corners.
    let far = size as isize - 7;
    for (left, top) in [(0, 0), (far, 0), (0, far)] {
        for dy in -1..=7 {
            for dx in -1..=7 {
                let ring = (dx - 3_isize).abs().max((dy - 3_isize).abs());
                assert_eq!(
                    dark(left + dx, top + dy),
                    ring != 2 && ring != 4,
                    "finder at ({left}, {top}) + ({dx}, {dy})"
                );
            }
        }
    }
    for i in 8..size - 8 {
        assert_eq!(code.is_dark(i, 6), i % 2 == 0, "horizontal timing at {i}");
        assert_eq!(code.is_dark(6, i), i % 2 == 0, "vertical timing at {i}");
    }
    assert!(code.is_dark(8, 4 * version + 9), "the dark module");
    assert_eq!(format_of(code).0, ecc);

    if version >= 7 {
        let expected = VERSION_INFO[version - 7];
        // Figure 27: six rows of three above the bottom left finder, and the transpose
        // left of the top right one.
        let bottom_left = read_bits(code, (0..18).map(|i| (i / 3, size - 11 + i % 3)));
        let top_right = read_bits(code, (0..18).map(|i| (size - 11 + i % 3, i / 3)));
        assert_eq!((bottom_left, top_right), (expected, expected), "version information of version {version}");
    }

    let centres: &[usize] = if version == 1 { &[] } else { ALIGNMENT_CENTRES[version - 2] };
    let last = centres.last().copied().unwrap_or(0);
    for &cy in centres {
        for &cx in centres {
            if (cx, cy) == (6, 6) || (cx, cy) == (6, last) || (cx, cy) == (last, 6) {
                continue;
            }
            for dy in 0..5 {
                for dx in 0..5 {
                    let ring = usize::abs_diff(dx, 2).max(usize::abs_diff(dy, 2));
                    assert_eq!(code.is_dark(cx + dx - 2, cy + dy - 2), ring != 1, "alignment at ({cx}, {cy})");
                }
            }
        }
    }
    assert!(!code.is_dark(size, 0) && !code.is_dark(0, size) && !code.is_dark(usize::MAX, usize::MAX));
}

/// Fills the unit squares of a path made of `M{x},{y}h{n}v1h-{n}z` rectangles, failing on
/// any other shape or on a square drawn twice.
fn squares_of(path: &str) -> BTreeSet<(usize, usize)> {
    let mut squares = BTreeSet::new();
    for rectangle in path.split('M').skip(1) {
        let shape = rectangle.strip_suffix('z').unwrap_or_else(|| panic!("{rectangle:?} is not closed"));
        let (corner, rest) = shape.split_once('h').unwrap_or_else(|| panic!("{shape:?}"));
        let (run, back) = rest.split_once("v1h-").unwrap_or_else(|| panic!("{shape:?}"));
        assert_eq!(run, back, "{shape:?} does not return to its start");
        let (x, y) = corner.split_once(',').unwrap_or_else(|| panic!("{corner:?}"));
        let number = |text: &str| text.parse::<usize>().unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let (x, y, run) = (number(x), number(y), number(run));
        assert!(run > 0, "{shape:?} is empty");
        for dx in 0..run {
            assert!(squares.insert((x + dx, y)), "({}, {y}) drawn twice", x + dx);
        }
    }
    squares
}

/// The path draws one square per dark module, shifted by the border, and nothing else.
fn check_svg(code: &QrCode, border: usize) {
    let squares = squares_of(&code.svg_path(border));
    let dark: BTreeSet<(usize, usize)> = (0..code.size())
        .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
        .filter(|&(x, y)| code.is_dark(x, y))
        .map(|(x, y)| (x + border, y + border))
        .collect();
    assert_eq!(squares.len(), dark.len());
    assert_eq!(squares, dark);
    let side = (code.size() + 2 * border).to_string();
    assert_eq!(code.view_box(border), format!("0 0 {side} {side}"));
}

/// Encodes `data` and compares the whole matrix with a fixture made by another encoder,
/// including the mask that both chose by penalty score.
fn check(data: &str, ecc: Ecc, mask: u8, expected: &[&str]) {
    let code = encode(data.as_bytes(), ecc).unwrap_or_else(|e| panic!("{data}: {e}"));
    assert_eq!(rows(&code), expected, "{data}");
    assert_eq!(format_of(&code), (ecc, mask), "{data}");
    check_structure(&code, ecc);
    check_svg(&code, 4);
}

#[test]
fn matrices_equal_an_independent_encoder() {
    // Made with Segno 1.6.6: segno.make_qr(data, error=..., boost_error=False,
    // mode="byte"), which chose the same version and mask. Segno 1.6.6 adds a stray 0x00
    // codeword when the terminator ends on a byte boundary (heuer/segno#123, #148), so
    // the fixtures with pad codewords were made with the fix proposed in #148 applied.
    // The first one fills its symbol exactly and needs no padding either way.
    check("https://example.com/#r=AbC", Ecc::M, 5, EXAMPLE_V2_M_MASK_5);
    check(CLINIC_LINK, Ecc::M, 7, CLINIC_V8_M_MASK_7);
    check("tel:+12345", Ecc::Q, 0, PHONE_V1_Q_MASK_0);
}

/// A 150-character share link: version 8 at M, so two blocks of 38 data codewords and
/// two of 39, version information and two pad codewords.
const CLINIC_LINK: &str = concat!(
    "https://www.example-clinic.co.uk/back-pain/intake/#r=",
    "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4_QEFCQ0RFRkdIS",
);

/// FNV-1a (32 bits) of the rows of [`sample`] at the capacity of each version (1-40) per
/// level L, M, Q, H, as drawn by Segno 1.6.6 (`segno.make_qr(data, error=...,
/// boost_error=False, mode="byte")`, whose automatic mask agreed with ours in every case).
/// The data fills each symbol exactly, so Segno's padding bug does not apply.
const SEGNO_FNV1A: [[u32; 40]; 4] = [
    [
        0x851EE91D, 0x3C4B3C2B, 0x97582B69, 0x34883D54, 0xE2C828CB, 0xBE2C0A01, 0x59D8B079, 0x171ABC09, 0xC829C290,
        0x4B1EDEEF, 0xFED15CD2, 0xD5299476, 0xEAECAC65, 0x09DAD483, 0x61CAAECE, 0x6BCB0BD4, 0x12C662A5, 0xDA9C4E83,
        0xDF7C1897, 0x9F3FDB75, 0xE67D5A17, 0x471D9E05, 0x482B8861, 0x4D97621A, 0xED2CE36B, 0xFBD3B541, 0x1E647EFE,
        0x59FADBBF, 0x9E3EFC2C, 0x03A195A2, 0xE92BEB65, 0x7DBB09CE, 0x2E1796F0, 0x494580DF, 0x53A454C9, 0xBB00F6D0,
        0x5D115439, 0x66AE2B37, 0xF09F0E96, 0x47ED94FD,
    ],
    [
        0xE3024C4F, 0xC609BDC5, 0x121CC758, 0x8D35EC98, 0xDC7DCCD7, 0x2D7DD25E, 0x84DACF47, 0x9CEDB914, 0xE0803A4B,
        0x5F21F21A, 0x6615062E, 0xE252EBA3, 0xCBB4100F, 0x26E23B50, 0xE111B608, 0xC8D7BB20, 0xEF808012, 0xE3DFDC28,
        0xF5F7A223, 0xC29FD592, 0xD3F82415, 0xD5594E6C, 0x613043C3, 0x6C7E8791, 0x53132378, 0x401EB503, 0x8FFF9259,
        0xEE67A6E2, 0x36C8AD4D, 0x6C2B04EA, 0xD5B43386, 0x108A62E6, 0xE45EA682, 0x0F950F8E, 0x1F9AEB9D, 0xC60FAA8A,
        0x6607DF4F, 0xF90C2353, 0xA499568E, 0xBF3AEF15,
    ],
    [
        0x4E9CDB41, 0x2641DB3D, 0x980D196C, 0x820CF5B5, 0xFDCA2147, 0x366C3B17, 0xDF9D09E9, 0x230A61B1, 0xFF387EF8,
        0x3859EE2B, 0xBDE19721, 0xA5D31874, 0x69F2CA87, 0xAF1157B3, 0xB2DA38A1, 0x7F9234FA, 0x38E5AAEB, 0x8F9D1FEC,
        0xD4C5D543, 0x92738E6C, 0x88466B0F, 0x8212FBEF, 0xB2A76F5B, 0xB6677A9B, 0x97C28C8B, 0x5334B4AF, 0x45D97E8B,
        0xD976CD14, 0x6359481B, 0x070B3582, 0x51C680BE, 0x799C1418, 0x3B555440, 0x796ACE81, 0x2E63059F, 0x840CCB55,
        0xCC71BBF3, 0x770FBF9C, 0x984522D4, 0x7F59E3D6,
    ],
    [
        0x1D6BE87B, 0x42039AA9, 0x9AB3BA4F, 0x9E251A70, 0xD92DCE89, 0x46B5B4B7, 0xE01B228D, 0x2EA64AB5, 0x5BE2E7A2,
        0x91DF8DAB, 0x1A8268B9, 0x61138192, 0x58737E3B, 0xFB040FE6, 0x75AE4096, 0x0DECC7A0, 0x464222A8, 0x844BAEFE,
        0xED8038F1, 0x7F287A0E, 0x7EFD9BD3, 0xB5A94255, 0xECEE383A, 0x01B33202, 0xB3B982E7, 0xA73EB631, 0xC7D08E21,
        0xD3913716, 0xEA1B7DA7, 0x9F084CDE, 0x4153C733, 0x4293FD68, 0x2F9F5780, 0x4F1CB349, 0x251433A3, 0xC45CF8A5,
        0x58AF135B, 0x57723C9B, 0x88034D0B, 0xADD403F5,
    ],
];

/// FNV-1a (32 bits) of the rows written as in the fixtures, "#" for dark.
fn fnv1a(code: &QrCode) -> u32 {
    rows(code).concat().bytes().fold(0x811C_9DC5, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// Encodes `len` bytes of [`sample`] and expects a version (checking its structure), or
/// an error.
fn check_version(len: usize, ecc: Ecc, expected: Result<usize, QrError>) {
    let got = encode(&sample(len), ecc).map(|code| {
        check_structure(&code, ecc);
        code.version()
    });
    assert_eq!(got, expected, "{len} bytes at {ecc:?}");
}

#[test]
fn the_smallest_version_that_fits_is_chosen() {
    check_version(0, Ecc::M, Ok(1));
    check_version(14, Ecc::M, Ok(1));
    check_version(15, Ecc::M, Ok(2));
    check_version(2953, Ecc::L, Ok(40));
    check_version(2954, Ecc::L, Err(QrError::TooLong));
    check_version(2331, Ecc::M, Ok(40));
    check_version(2332, Ecc::M, Err(QrError::TooLong));
    check_version(1663, Ecc::Q, Ok(40));
    check_version(1664, Ecc::Q, Err(QrError::TooLong));
    check_version(1273, Ecc::H, Ok(40));
    check_version(1274, Ecc::H, Err(QrError::TooLong));
    check_version(100_000, Ecc::L, Err(QrError::TooLong));
    assert_eq!(encode(&sample(14), Ecc::M).map(|code| code.size()), Ok(21));
    assert_eq!(encode(&sample(15), Ecc::M).map(|code| code.size()), Ok(25));
    assert_eq!(QrError::TooLong.to_string(), "the text is too long for a QR code");
}

#[test]
fn every_version_and_level_holds_its_capacity_as_segno_draws_it() {
    for ((ecc, capacities), hashes) in LEVELS.into_iter().zip(BYTE_CAPACITY).zip(SEGNO_FNV1A) {
        for (i, &capacity) in capacities.iter().enumerate() {
            let code = encode(&sample(capacity), ecc).unwrap_or_else(|e| panic!("{capacity} bytes at {ecc:?}: {e}"));
            check_structure(&code, ecc);
            assert_eq!((code.version(), fnv1a(&code)), (i + 1, hashes[i]), "{capacity} bytes at {ecc:?}");
            check_version(capacity + 1, ecc, if i < 39 { Ok(i + 2) } else { Err(QrError::TooLong) });
        }
    }
}

#[test]
fn the_path_draws_the_dark_modules_at_any_border() {
    let code = encode(CLINIC_LINK.as_bytes(), Ecc::M).unwrap_or_else(|e| panic!("{e}"));
    for border in [0, 1, 4, 10] {
        check_svg(&code, border);
    }
    assert_eq!(code.view_box(4), "0 0 57 57");
}

proptest! {
    #[test]
    fn every_symbol_has_the_standard_structure(data in proptest::collection::vec(any::<u8>(), 0..300), level in 0..4usize) {
        let ecc = LEVELS[level];
        let code = encode(&data, ecc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Ok(code.version()), smallest_version(data.len(), ecc));
        check_structure(&code, ecc);
        check_svg(&code, 4);
    }
}

// The fixtures, one string per row, "#" for dark.
const EXAMPLE_V2_M_MASK_5: &[&str] = &[
    "#######...##..#...#######",
    "#.....#.#.#.###.#.#.....#",
    "#.###.#.#...#.#...#.###.#",
    "#.###.#.#.####..#.#.###.#",
    "#.###.#...#.##..#.#.###.#",
    "#.....#..#.#..#...#.....#",
    "#######.#.#.#.#.#.#######",
    "........#..#..###........",
    "#.....#.#..#.#...##..###.",
    "...#.#.....#.#####.#####.",
    "#..####......####..#.#.##",
    "####...#...##.#.#.##.#..#",
    ".##.#.###...#.###.##....#",
    "##.#.#......#..##..#...#.",
    "#.#.###.#.#..#.#..####.##",
    "#.#.##..#####....###.##.#",
    "#...#.#.##..###.#####.#..",
    "........###...#.#...#....",
    "#######....##.#.#.#.#...#",
    "#.....#..#.##..##...#....",
    "#.###.#..#..##.######.#..",
    "#.###.#..###.#..###....##",
    "#.###.#...#...##.....##.#",
    "#.....#..##.#.####.##...#",
    "#######.######..#.#..#..#",
];

const CLINIC_V8_M_MASK_7: &[&str] = &[
    "#######..#.###....##..##..#####.####.#..#.#######",
    "#.....#...##.#....#.##.######..#.#..#####.#.....#",
    "#.###.#..#.#...#..#.####...##....#.....##.#.###.#",
    "#.###.#...#.###...#..#....#..#.....#...#..#.###.#",
    "#.###.#..#.#..#.##.##.############........#.###.#",
    "#.....#.#..##.....#.#.#...##..##..#...#...#.....#",
    "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
    ".........#..#.#......##...###..#.###..#.#........",
    "#..#.##.##.#.#..#.#..########.##.##.####.#.#.....",
    ".#####...#.....####..####..##..........#.....#.##",
    "..###.##.#.###..#######.##..#.####.#.#.#.#.#.####",
    "#.#..#.##.#.##..##..#...#####.##.#..#.#...###....",
    "####.###..##....###.##.###.######.####..#..##.#.#",
    ".#.##......#.#..######..##.#...##.#..#..##..##..#",
    "#.##.#####..##...##.##.##.##.#.....###.###.#..#.#",
    ".........#.#........#..#.##...#.####.#.######..#.",
    "##.##.#.#.#####.#.#...###.##.#.##.####..###.###..",
    "#....#.#..####..##..#.##..#.##.##..#..#..#.....##",
    ".##.#.#.#.##....####.#.#....######.##.###..#..#.#",
    "####....##....#.##.#..###...###.####.#.##..##.#..",
    "#.#...###.#.####..#.....#..##.##..#.####.#...#.#.",
    "#####..##.###..####..#.....##......#.#......##...",
    "....######..####....#.#####.#..##.#..#.#######.##",
    "..###...###..##.....#.#...##.#.###.##.#.#...#..#.",
    "##.##.#.###....##.#...#.#.####.####.#####.#.#..##",
    "..###...####..###..#.##...#.....#.###..##...#.#.#",
    "##..#######.##.##..############...###.#########.#",
    ".#..##..####.#.#####.##....######..###.#####.....",
    "#######....#...#...##..##....##.##.###.....#####.",
    "....#..####.####.#.#####....##..#.....###.#.#...#",
    "..#.###.#.##..#.#.##......#.#.##..#......##.##.##",
    "..#..#.#.#.#...#.....##...####.#.##.####.#.#..###",
    ".###..#########.#####..###.##.##.#.##.#....#..#.#",
    ".#.##...#...###.##...#....###..#.#..#.....#....##",
    "####..#..####.####..#.##..##..#######.....#.#..##",
    ".....#....#...####.#.#..#..#.####.#.....#.###....",
    "#.#.#.##....#.#..#..###.##.##..##.###...##...#.#.",
    "#.####.##.##..#.#..#.##...#....#..####.#.##..#.#.",
    ".#...##.#..#...##....#...#...#..#..##.#...#.###.#",
    ".###...###.#..#.##.#.#.#.#.###.#.##.#.#.#.#.#..##",
    "###...##...#####.###.#######....##.##...#####.#.#",
    "........##.......#..###...#.##.##..####.#...###.#",
    "#######..#..##.##.###.#.#.####.##.#.#..##.#.#.#.#",
    "#.....#.##..###.#....##...##..#.##..###.#...#.#.#",
    "#.###.#.....##.###.#.########.#...#.############.",
    "#.###.#.#...#.#.#.#.....##.............#.##.#.#..",
    "#.###.#....#..####..#.####..#...######.#..#.##...",
    "#.....#..##.#.#.#.##..#.#.##.#..###.##.###.##....",
    "#######.#####..#.#.#.###..#######.###..#....#####",
];

const PHONE_V1_Q_MASK_0: &[&str] = &[
    "#######.##....#######",
    "#.....#.#..##.#.....#",
    "#.###.#.###.#.#.###.#",
    "#.###.#.#.###.#.###.#",
    "#.###.#.#...#.#.###.#",
    "#.....#..##...#.....#",
    "#######.#.#.#.#######",
    "........#..#.........",
    ".##.#.##.##...#.#####",
    ".....#.#....##..#..##",
    ".....##.#...##..#####",
    ".###.#.....#.#.##..#.",
    "##.#.##.#.####..#..##",
    "........#.#.....#.#.#",
    "#######.##.#..#.#.###",
    "#.....#....#.#...#.##",
    "#.###.#.#.#..#..##...",
    "#.###.#..###....####.",
    "#.###.#.####.##.#...#",
    "#.....#.#.####..##.#.",
    "#######...##..#....##",
];
