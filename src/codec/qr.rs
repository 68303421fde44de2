//! A QR code encoder (ISO/IEC 18004:2015) for the share link, drawn as one SVG path.
//!
//! Only what a link needs: byte mode, the smallest version 1-40 that holds the data, any
//! of the four error correction levels and the standard choice of data mask. It ships in
//! the WebAssembly bundle, so it favours small code: compact tables, GF(256) arithmetic
//! without log tables, and no float or `std::fmt` on the way to the SVG.
//!
//! ```text
//! bytes -> codewords (mode, count, data, terminator, pad) -> Reed-Solomon blocks,
//!   interleaved -> matrix (function patterns, zig-zag placement) -> best of 8 masks
//!   -> format and version information -> QrCode -> svg_path()
//! ```

/// The error correction level: how much of the symbol may be damaged and still read.
///
/// [`Ecc::M`] is the recommended default for a phone screen shown to another phone's
/// camera: it repairs about 15% of the symbol (glare, a finger at the edge) at a size that
/// stays easy to scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ecc {
    /// About 7% of the codewords can be restored.
    L,
    /// About 15%: the recommended default.
    M,
    /// About 25%.
    Q,
    /// About 30%.
    H,
}

impl Ecc {
    /// The two bits that name the level in the format information (Table 12).
    fn format_bits(self) -> u32 {
        match self {
            Ecc::L => 1,
            Ecc::M => 0,
            Ecc::Q => 3,
            Ecc::H => 2,
        }
    }
}

/// Why data cannot become a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QrError {
    /// More bytes than version 40 holds at the chosen level (2953 at L, 2331 at M).
    TooLong,
}

impl std::fmt::Display for QrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QrError::TooLong => f.write_str("the text is too long for a QR code"),
        }
    }
}

impl std::error::Error for QrError {}

/// A finished symbol: a square of dark and light modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    /// Row by row, `true` for dark.
    modules: Vec<bool>,
}

impl QrCode {
    /// The modules per side: 21 for version 1, up to 177 for version 40.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The version, 1 to 40 (the size is `17 + 4 * version`).
    pub fn version(&self) -> usize {
        (self.size - 17) / 4
    }

    /// Whether the module in column `x`, row `y` is dark; anything outside is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// The `d` of one SVG path that fills every dark module as a unit square, in a
    /// coordinate system with a quiet zone of `border` modules on each side (the standard
    /// asks for 4). Each horizontal run of dark modules is one closed rectangle.
    pub fn svg_path(&self, border: usize) -> String {
        let mut d = String::new();
        for (y, row) in self.modules.chunks(self.size).enumerate() {
            let mut x = 0;
            while x < self.size {
                let run = row[x..].iter().take_while(|&&dark| dark).count();
                if run > 0 {
                    d.push('M');
                    push_number(&mut d, x + border);
                    d.push(',');
                    push_number(&mut d, y + border);
                    d.push('h');
                    push_number(&mut d, run);
                    d.push_str("v1h-");
                    push_number(&mut d, run);
                    d.push('z');
                }
                x += run + 1;
            }
        }
        d
    }

    /// The SVG `viewBox` that matches [`QrCode::svg_path`] with the same border: "0 0 N N".
    pub fn view_box(&self, border: usize) -> String {
        let mut side = String::new();
        push_number(&mut side, self.size + 2 * border);
        let mut view_box = String::from("0 0 ");
        view_box.push_str(&side);
        view_box.push(' ');
        view_box.push_str(&side);
        view_box
    }
}

/// Appends the decimal digits of `n`, without the formatting machinery.
fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

// ISO/IEC 18004:2015, Table 9: per error correction level (L, M, Q, H) and version (1-40),
// the error correction codewords in each block and the number of blocks. The table's
// block sizes follow from these and the version's total codewords: the data is split as
// evenly as possible, the longer blocks (one data codeword more) last, so they are
// computed rather than stored. Table 7's capacities follow likewise.
const ECC_PER_BLOCK: [[u8; 40]; 4] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];
const BLOCKS: [[u8; 40]; 4] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18,
        19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31,
        33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40,
        43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
    [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48,
        51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ],
];

// ISO/IEC 18004:2015, Table E.1: the alignment pattern centres of a version lie on the
// rows and columns 6, then `version / 7 + 1` more spaced evenly and ending at `size - 7`.
// Below version 7 there is only one more, so only the spacing for versions 7-40 is kept.
const ALIGNMENT_STEP: [u8; 34] = [
    16, 18, 20, 22, 24, 26, 28, 20, 22, 24, 24, 26, 28, 28, 22, 24, 24, 26, 26, 28, 28, 24, 24, 26, 26, 26, 28, 28, 24,
    26, 26, 26, 28, 28,
];

/// Encodes `data` in byte mode in the smallest version that holds it at level `ecc`, with
/// the data mask of the lowest penalty score (7.8.3).
pub fn encode(data: &[u8], ecc: Ecc) -> Result<QrCode, QrError> {
    // The tables list the levels in the order of `Ecc`'s variants.
    let level = ecc as usize;
    let (version, data_codewords) = (1..=40)
        .map(|version| (version, total_codewords(version) - ecc_codewords(level, version)))
        .find(|&(version, capacity)| 4 + count_bits(version) + 8 * data.len() + 4 <= 8 * capacity)
        .ok_or(QrError::TooLong)?;

    // 7.4: the mode indicator 0100, the character count, the bytes and the terminator
    // 0000. The bit count is then a whole number of bytes, as byte mode keeps every field
    // a multiple of four bits long and the capacity check above leaves room.
    let mut codewords = Vec::with_capacity(data_codewords);
    let (mut bits, mut pending) = (0u32, 0);
    let mut push = |value: u32, len: u32| {
        bits = bits << len | value;
        pending += len;
        while pending >= 8 {
            pending -= 8;
            codewords.push((bits >> pending) as u8);
        }
    };
    push(4, 4);
    push(data.len() as u32, count_bits(version) as u32);
    for &byte in data {
        push(u32::from(byte), 8);
    }
    push(0, 4);
    for i in 0..data_codewords - codewords.len() {
        codewords.push(if i % 2 == 0 { 0xEC } else { 0x11 });
    }

    let mut canvas = Canvas::new(version);
    canvas.place(&interleave(&codewords, level, version));
    // The masks are scored before the format and version information exist, with their
    // modules and the dark module light, as Segno does (citing 7.8). Encoders differ here;
    // any mask reads the same, but agreeing with Segno lets its output serve as a check.
    let mask = (0..8).min_by_key(|&mask| canvas.penalty_with(mask)).unwrap_or(0);
    canvas.apply_mask(mask);
    canvas.draw_info(Some((ecc, mask)));
    Ok(QrCode { size: canvas.size, modules: canvas.modules })
}

/// The length of the character count field in byte mode (Table 3).
fn count_bits(version: usize) -> usize {
    if version < 10 {
        8
    } else {
        16
    }
}

/// All the error correction codewords of a version at a level.
fn ecc_codewords(level: usize, version: usize) -> usize {
    usize::from(ECC_PER_BLOCK[level][version - 1]) * usize::from(BLOCKS[level][version - 1])
}

/// The codewords a version holds: the modules left after the function patterns, in whole
/// bytes (the 0-7 remainder bits stay light before masking).
fn total_codewords(version: usize) -> usize {
    let size = 17 + 4 * version;
    // Three finders with separators, two timing lines between them, two copies of the
    // format information and the dark module.
    let mut modules = size * size - 3 * 64 - 2 * (size - 16) - 31;
    if version >= 2 {
        // Alignment patterns on every pair of centres but the three finder corners; those
        // on row or column 6 share five modules with a timing line.
        let centres = version / 7 + 2;
        modules -= 25 * (centres * centres - 3) - 10 * (centres - 2);
    }
    if version >= 7 {
        modules -= 36;
    }
    modules / 8
}

/// The rows and columns of the alignment pattern centres (Table E.1).
fn alignment_centres(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let last = 10 + 4 * version;
    let step = if version >= 7 { usize::from(ALIGNMENT_STEP[version - 7]) } else { 0 };
    let mut centres = vec![6];
    centres.extend((0..=version / 7).rev().map(|k| last - k * step));
    centres
}

/// 7.5 and 7.6: splits the data codewords into blocks, adds each block's Reed-Solomon
/// codewords and interleaves them: the first data codeword of every block, then the
/// second and so on, then the error correction codewords likewise.
fn interleave(data: &[u8], level: usize, version: usize) -> Vec<u8> {
    let blocks = usize::from(BLOCKS[level][version - 1]);
    let ecc_len = usize::from(ECC_PER_BLOCK[level][version - 1]);
    let total = total_codewords(version);
    let short_len = total / blocks - ecc_len;
    let long_blocks = total % blocks;
    let generator = rs_generator(ecc_len);

    let mut rest = data;
    let mut data_blocks = Vec::with_capacity(blocks);
    let mut ecc_blocks = Vec::with_capacity(blocks);
    for block in 0..blocks {
        let (head, tail) = rest.split_at(short_len + usize::from(block >= blocks - long_blocks));
        ecc_blocks.push(rs_remainder(head, &generator));
        data_blocks.push(head);
        rest = tail;
    }
    let mut out = Vec::with_capacity(total);
    for i in 0..=short_len {
        out.extend(data_blocks.iter().filter_map(|block| block.get(i)));
    }
    for i in 0..ecc_len {
        out.extend(ecc_blocks.iter().map(|block| block[i]));
    }
    out
}

/// Multiplies in GF(256) with the QR code's field polynomial x^8 + x^4 + x^3 + x^2 + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        a = (a << 1) ^ if a & 0x80 != 0 { 0x1D } else { 0 };
        b >>= 1;
    }
    product
}

/// The generator polynomial (x - 1)(x - a)...(x - a^(degree-1)) of Annex A, highest power
/// first and without its leading 1.
fn rs_generator(degree: usize) -> Vec<u8> {
    let mut poly = vec![1];
    let mut root = 1;
    for _ in 0..degree {
        poly.push(0);
        for i in (1..poly.len()).rev() {
            poly[i] ^= gf_mul(poly[i - 1], root);
        }
        root = gf_mul(root, 2);
    }
    poly.split_off(1)
}

/// The error correction codewords of a block: the remainder of the block times x^degree
/// divided by the generator.
fn rs_remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut remainder = vec![0; generator.len()];
    for &byte in data {
        let factor = byte ^ remainder.remove(0);
        remainder.push(0);
        for (r, &g) in remainder.iter_mut().zip(generator) {
            *r ^= gf_mul(g, factor);
        }
    }
    remainder
}

/// `data` followed by its BCH error correction bits: the remainder of `data` times
/// x^degree divided by `generator` over GF(2). Data is at most 6 bits long.
fn bch(data: u32, generator: u32, degree: u32) -> u32 {
    let mut remainder = data << degree;
    for shift in (0..6).rev() {
        if remainder >> (shift + degree) & 1 != 0 {
            remainder ^= generator << shift;
        }
    }
    data << degree | remainder
}

/// Whether data mask `mask` (Table 10) inverts the module in column `x`, row `y`.
fn mask_inverts(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (y / 2 + x / 3) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
    }
}

/// The matrix under construction, with the function modules that data and masks skip.
struct Canvas {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

impl Canvas {
    /// A symbol with its function patterns drawn and the format and version areas
    /// reserved (6.3).
    fn new(version: usize) -> Canvas {
        let size = 17 + 4 * version;
        let mut canvas = Canvas { size, modules: vec![false; size * size], function: vec![false; size * size] };
        // Finder patterns with their light separators: rings by distance from the centre.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in 0..9 {
                for dx in 0..9 {
                    let (x, y) = ((cx + dx).wrapping_sub(4), (cy + dy).wrapping_sub(4));
                    let ring = dx.abs_diff(4).max(dy.abs_diff(4));
                    if x < size && y < size {
                        canvas.set(x, y, ring != 2 && ring != 4);
                    }
                }
            }
        }
        // Alignment patterns wherever they do not overlap a finder. Their centres are even,
        // so the ones on a timing line agree with it.
        let centres = alignment_centres(version);
        for &cy in &centres {
            for &cx in &centres {
                if !canvas.function[cy * size + cx] {
                    for dy in 0..5 {
                        for dx in 0..5 {
                            canvas.set(cx + dx - 2, cy + dy - 2, dx.abs_diff(2).max(dy.abs_diff(2)) != 1);
                        }
                    }
                }
            }
        }
        // Timing patterns between the finders' separators.
        for i in 8..size - 8 {
            canvas.set(6, i, i % 2 == 0);
            canvas.set(i, 6, i % 2 == 0);
        }
        canvas.draw_info(None);
        canvas
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.modules[i] = dark;
        self.function[i] = true;
    }

    /// Draws the format information (7.9), the dark module and, from version 7, the
    /// version information (7.10); with `None`, reserves their modules as light.
    fn draw_info(&mut self, info: Option<(Ecc, u8)>) {
        let size = self.size;
        let format = info.map_or(0, |(ecc, mask)| bch(ecc.format_bits() << 3 | u32::from(mask), 0x537, 10) ^ 0x5412);
        for i in 0..15 {
            let dark = format >> i & 1 != 0;
            // Around the top left finder: up column 8 (skipping the timing row), then left
            // along row 8 (skipping the timing column).
            let (x, y) = match i {
                0..=5 => (8, i),
                6..=7 => (8, i + 1),
                8 => (7, 8),
                _ => (14 - i, 8),
            };
            self.set(x, y, dark);
            // The copy: along row 8 under the top right finder, then down column 8 beside
            // the bottom left one.
            let (x, y) = if i < 8 { (size - 1 - i, 8) } else { (8, size - 15 + i) };
            self.set(x, y, dark);
        }
        self.set(8, size - 8, info.is_some());
        let version = (size - 17) / 4;
        if version >= 7 {
            let bits = if info.is_some() { bch(version as u32, 0x1F25, 12) } else { 0 };
            for i in 0..18 {
                let dark = bits >> i & 1 != 0;
                self.set(size - 11 + i % 3, i / 3, dark);
                self.set(i / 3, size - 11 + i % 3, dark);
            }
        }
    }

    /// 7.7.3: fills the free modules with the codewords, most significant bit first, in
    /// two-module columns from the bottom right, zig-zagging up and down and skipping the
    /// vertical timing line.
    fn place(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut bit = 0;
        let mut right = size - 1;
        let mut upward = true;
        loop {
            for step in 0..size {
                let y = if upward { size - 1 - step } else { step };
                for x in [right, right - 1] {
                    let i = y * size + x;
                    if !self.function[i] && bit < codewords.len() * 8 {
                        self.modules[i] = codewords[bit / 8] >> (7 - bit % 8) & 1 != 0;
                        bit += 1;
                    }
                }
            }
            if right < 3 {
                break;
            }
            right -= if right == 8 { 3 } else { 2 };
            upward = !upward;
        }
    }

    fn apply_mask(&mut self, mask: u8) {
        for (i, module) in self.modules.iter_mut().enumerate() {
            if !self.function[i] && mask_inverts(mask, i % self.size, i / self.size) {
                *module = !*module;
            }
        }
    }

    /// The penalty score (7.8.3.1) of the symbol under `mask`, leaving it unmasked.
    fn penalty_with(&mut self, mask: u8) -> u32 {
        self.apply_mask(mask);
        let size = self.size;
        let m = &self.modules;
        let columns: Vec<bool> = (0..size * size).map(|i| m[i % size * size + i / size]).collect();
        let mut score: u32 = m.chunks(size).chain(columns.chunks(size)).map(line_penalty).sum();
        // N2: every 2x2 block of one colour, overlapping blocks counted separately.
        for y in 1..size {
            for x in 1..size {
                let i = y * size + x;
                if m[i] == m[i - 1] && m[i] == m[i - size] && m[i] == m[i - size - 1] {
                    score += 3;
                }
            }
        }
        // N4: 10 points for each full 5% that the dark share deviates from 50%.
        let dark = m.iter().filter(|&&dark| dark).count();
        score += 10 * ((dark * 20).abs_diff(size * size * 10) / (size * size)) as u32;
        self.apply_mask(mask);
        score
    }
}

/// The penalty points of one row or column: N1 for runs of five or more modules of one
/// colour, N3 for each finder-like 1:1:3:1:1 pattern with four light modules (or the
/// edge of the symbol) before or after it. As in Segno, a pattern counts once and the
/// scan resumes after it, so two patterns that share modules count as one.
fn line_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 0;
    for (i, &dark) in line.iter().enumerate() {
        if i > 0 && dark == line[i - 1] {
            run += 1;
        } else {
            score += if run >= 5 { run - 2 } else { 0 };
            run = 1;
        }
    }
    score += if run >= 5 { run - 2 } else { 0 };

    let light = |range: std::ops::Range<usize>| line[range].iter().all(|&dark| !dark);
    let mut i = 0;
    while i + 7 <= line.len() {
        if line[i..i + 7] == [true, false, true, true, true, false, true] {
            if light(i.saturating_sub(4)..i) || light(i + 7..line.len().min(i + 11)) {
                score += 40;
                i += 7;
            } else {
                i += 4;
            }
        } else {
            i += 1;
        }
    }
    score
}
