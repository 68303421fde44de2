//! The words a person reads, per language, as data.
//!
//! Every sentence of the widget lives in a catalog, `data/i18n/<lang>.json`, a flat object
//! of text keys. The domain produces ids (flags, reasons, cautions, plan items); this
//! module names the key of each, and [`required_keys`] lists every key the domain can
//! produce so that a test proves each catalog complete.

use std::sync::OnceLock;

use super::checkins::{Date, Progress};
use super::codes::codes;
use super::outlook::Risk;
use super::plan::{Frequency, PlanItem, Section, PLAN_ROWS};
use super::question::{Kind, QuestionId};
use super::questionnaire::{Questionnaire, StepId};
use super::recommend::{CautionId, Reason, Status};
use super::screening::{Flag, Reading, Triage};
use super::share::ShareErrorCode;
use super::techniques::{Technique, TechniqueId};
use crate::codec::json;
use crate::codec::sort::sort_small_by;

codes! {
    /// A language the widget ships a catalog for; the code is its BCP 47 tag, which also
    /// names the catalog file (`data/i18n/<code>.json`).
    pub enum Lang {
        En = "en",
        Es = "es",
        Fr = "fr",
        De = "de",
        PtBr = "pt-BR",
        Ar = "ar",
        Zh = "zh",
    }
}

impl Lang {
    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// The language's name in that language, for the language switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::PtBr => "Português do Brasil",
            Lang::Ar => "العربية",
            Lang::Zh => "简体中文",
        }
    }

    /// The writing direction, for the `dir` attribute of the widget's root: Arabic reads
    /// right to left.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The shipped language for a BCP 47 tag such as `en-GB`, matching on the primary
    /// subtag, case-insensitively: `pt-PT` reads Brazilian Portuguese, `zh-TW` Simplified
    /// Chinese, both nearer than English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim_ascii().to_ascii_lowercase();
        // Every code's primary subtag has two letters (a test checks it).
        Lang::ALL.iter().copied().find(|l| sub(l.code(), 0, 2) == primary)
    }

    /// The language to show: the person's own earlier choice, else the clinic's, else the
    /// first of the browser's preferred languages that ships, else English.
    pub fn choose(chosen: Option<Lang>, clinic: Option<Lang>, browser: &[String]) -> Lang {
        chosen.or(clinic).or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag))).unwrap_or(Lang::En)
    }
}

/// The interface keys (`ui.*`) of the English catalog, sorted, one per line: written by
/// build.rs from `data/i18n/en.json`.
pub const UI_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/ui_keys.txt"));

/// The prefix of the clinician page's own texts (see [`Catalog::english_clinician`]).
pub const CLINICIAN_PREFIX: &str = "ui.clinician.";

/// An interface key, resolved to its position in [`UI_KEYS`] at compile time by the
/// widget's `ui!` macro: the key's text is then found by index, and the key itself is
/// not in the bundle a second time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiKey(u16);

impl UiKey {
    /// The key's position in [`UI_KEYS`]. Meant for `const` use (the `ui!` macro), where
    /// a key that is not in the English catalog stops the build.
    pub const fn of(key: &str) -> UiKey {
        let (all, key) = (UI_KEYS.as_bytes(), key.as_bytes());
        let (mut start, mut index) = (0, 0);
        while start < all.len() {
            let mut end = start;
            while end < all.len() && all[end] != b'\n' {
                end += 1;
            }
            if end - start == key.len() {
                let mut i = 0;
                while i < key.len() && all[start + i] == key[i] {
                    i += 1;
                }
                if i == key.len() {
                    return UiKey(index);
                }
            }
            start = end + 1;
            index += 1;
        }
        panic!("not an interface key of data/i18n/en.json")
    }

    /// The key as the catalog spells it.
    pub fn as_str(self) -> &'static str {
        UI_KEYS.split('\n').nth(usize::from(self.0)).unwrap_or_default()
    }
}

/// One language's texts, sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    texts: Vec<(String, String)>,
}

impl Catalog {
    /// The English catalog, compiled in (packed by build.rs) and read once. The other languages are fetched
    /// when chosen (see [`Catalog::parse_over`]), so they cost nothing to people who do not
    /// need them. `tests/data.rs` checks every catalog; a defect here falls back to an
    /// empty catalog, which shows keys instead of words rather than failing.
    pub fn english() -> &'static Catalog {
        static EN: OnceLock<Catalog> = OnceLock::new();
        EN.get_or_init(|| {
            let mut keys = required_keys();
            // The count and a hash of the domain keys of en.json, from build.rs: texts are
            // paired with keys by position, so keys that differ would shift every text.
            // A test rules it out; should it happen, the keys show instead of wrong words.
            let (count, hash): (usize, u32) = include!(concat!(env!("OUT_DIR"), "/en_domain_keys.rs"));
            if keys.len() != count || key_hash(&keys) != hash {
                return Catalog::default();
            }
            keys.extend(UI_KEYS.split('\n').map(str::to_owned));
            Catalog::unpack(include_str!(concat!(env!("OUT_DIR"), "/en_catalog.txt")), keys)
        })
    }

    /// The English catalog with the clinician page's own texts (`ui.clinician.*`), which
    /// [`Catalog::english`] has empty: build.rs packs them apart, so that only the
    /// clinician page (and the host) carries them.
    pub fn english_clinician() -> &'static Catalog {
        static EN: OnceLock<Catalog> = OnceLock::new();
        EN.get_or_init(|| {
            let mut catalog = Catalog::english().clone();
            let mut packed = include_str!(concat!(env!("OUT_DIR"), "/en_clinician.txt")).split('\u{1e}');
            for (key, text) in &mut catalog.texts {
                if key.starts_with(CLINICIAN_PREFIX) {
                    *text = packed.next().unwrap_or_default().to_owned();
                }
            }
            catalog
        })
    }

    /// Reads the texts build.rs packs (see `packed_catalog` there), split by U+001E, with
    /// the keys they belong to in the same order: the domain's, then the interface's.
    fn unpack(packed: &str, keys: Vec<String>) -> Catalog {
        let mut texts: Vec<(String, String)> = Vec::with_capacity(keys.len());
        let mut rest = packed;
        for key in keys {
            let end = rest.as_bytes().iter().position(|b| *b == 0x1e).unwrap_or(rest.len());
            texts.push((key, sub(rest, 0, end).to_owned()));
            rest = sub(rest, end + 1, rest.len());
        }
        Catalog { texts }
    }

    /// The text of an interface key. In [`Catalog::english`] and every catalog read over
    /// it ([`Catalog::parse_over`], which the widget's `Texts` always hold) the interface
    /// keys sort last, in [`UI_KEYS`] order, so this is an index, checked to land on an
    /// interface key. A catalog with other keys (a bare [`Catalog::parse`]) must be read
    /// by name instead.
    pub fn ui(&self, key: UiKey) -> Option<&str> {
        let first = self.texts.partition_point(|(k, _)| k.as_str() < "ui.");
        let (k, text) = self.texts.get(first + usize::from(key.0))?;
        k.starts_with("ui.").then_some(text.as_str())
    }

    /// Parses another language's catalog on top of `base` (English): a key the base lacks
    /// is dropped and a key the file lacks keeps the base's text, so a stale or partial
    /// file can never leave a gap on screen. Malformed JSON is an error.
    pub fn parse_over(text: &str, base: &Catalog) -> Result<Catalog, String> {
        let parsed = Catalog::parse(text)?;
        let texts =
            base.texts.iter().map(|(key, text)| (key.clone(), parsed.lookup(key).unwrap_or(text).to_owned())).collect();
        Ok(Catalog { texts })
    }

    /// Replaces some texts (a clinic's own wording); keys the catalog does not have are
    /// ignored.
    pub fn replace<'a>(&mut self, replacements: impl IntoIterator<Item = (&'a str, &'a str)>) {
        for (key, text) in replacements {
            if let Ok(index) = self.texts.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                self.texts[index].1 = text.to_owned();
            }
        }
    }

    /// Parses a catalog: a flat JSON object of strings.
    pub fn parse(text: &str) -> Result<Catalog, String> {
        let doc = json::parse(text).map_err(|e| format!("catalog: {e}"))?;
        let members = doc.as_object().ok_or("catalog: expected an object")?;
        let mut texts = Vec::with_capacity(members.len());
        for (key, value) in members {
            let text = value.as_str().ok_or_else(|| format!("catalog: {key} must be a string"))?;
            texts.push((key.clone(), text.to_owned()));
        }
        sort_small_by(&mut texts, |a, b| a.0.cmp(&b.0));
        Ok(Catalog { texts })
    }

    /// The text for a key, or the key itself when missing, so a gap is visible but never
    /// fatal.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.lookup(key).unwrap_or(key)
    }

    /// The text for a key, if the catalog has it.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        let index = self.texts.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(self.texts[index].1.as_str())
    }

    /// The text with each `{name}` placeholder of `args` replaced; any other brace stays
    /// as written. One pass, without a substring searcher, which is large in wasm.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }

    /// A date in this catalog's words (`date.format`, `date.month.<1-12>`).
    pub fn date(&self, date: Date) -> String {
        let month =
            self.lookup(&format!("date.month.{}", date.month)).map_or_else(|| date.month.to_string(), str::to_owned);
        self.format(
            "date.format",
            &[("day", &date.day.to_string()), ("month", &month), ("year", &date.year.to_string())],
        )
    }

    /// The `{name}` placeholders of a key's text, sorted, with repeats.
    pub fn placeholders(&self, key: &str) -> Vec<String> {
        placeholders(self.text(key))
    }

    /// Every key in the catalog.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.iter().map(|(k, _)| k.as_str())
    }
}

/// `text` with each `{name}` placeholder of `args` replaced; any other brace stays as
/// written. One pass, without a substring searcher, which is large in wasm.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut rest = text;
    let mut out = String::with_capacity(rest.len());
    // Slices through `sub`, never `&rest[..]`: a panicking slice pulls core's panic
    // message formatting into the bundle (1.2 KB brotli with the other sites).
    while let Some(open) = rest.find('{') {
        out.push_str(sub(rest, 0, open));
        rest = sub(rest, open, rest.len());
        let value = rest
            .find('}')
            .and_then(|close| Some((args.iter().find(|(name, _)| *name == sub(rest, 1, close))?.1, close)));
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = sub(rest, close + 1, rest.len());
            }
            None => {
                out.push('{');
                rest = sub(rest, 1, rest.len());
            }
        }
    }
    out.push_str(rest);
    out
}

/// FNV-1a (32 bits) over the keys, each followed by a newline, as build.rs computes it.
fn key_hash(keys: &[String]) -> u32 {
    keys.iter()
        .flat_map(|k| k.bytes().chain([b'\n']))
        .fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// `text[from..to]`, or "" where that is not a slice of it: the callers find their
/// bounds with `find`, so the fallback never happens, but unlike `&text[from..to]` it
/// cannot panic, and so keeps core's panic formatting out of the bundle.
pub(crate) fn sub(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or_default()
}

/// The `{name}` placeholders of a text, sorted, with repeats.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = sub(rest, open + 1, rest.len());
        match rest.find('}') {
            Some(close) if sub(rest, 0, close).bytes().all(|b| b.is_ascii_lowercase() || b == b'_') && close > 0 => {
                found.push(sub(rest, 0, close).to_owned());
                rest = sub(rest, close + 1, rest.len());
            }
            _ => {}
        }
    }
    sort_small_by(&mut found, |a, b| a.cmp(b));
    found
}

/// The key of the words for a technique's standing, as the comparison reads (see
/// [`Reading`]): nothing but "avoid" is said while a doctor comes first, so that no
/// technique reads as safe to book before that.
pub fn status_key(status: Status, reading: Reading) -> String {
    match reading {
        _ if status == Status::Avoid => [STATUS, status.as_str()].concat(),
        Reading::Recommendations => [STATUS, status.as_str()].concat(),
        Reading::AfterMedicalAdvice => "ui.results.status_after_doctor".to_owned(),
        Reading::ForReadingOnly => "ui.results.status_on_hold".to_owned(),
    }
}

/// The key of the note over the comparison, if the reading needs one.
pub fn reading_note_key(reading: Reading) -> Option<&'static str> {
    match reading {
        Reading::Recommendations => None,
        Reading::AfterMedicalAdvice => Some("ui.results.ranking.after_doctor"),
        Reading::ForReadingOnly => Some("ui.results.ranking.withheld"),
    }
}

/// The texts a clinic's overrides (`data-texts`) may never change, by key prefix: the
/// triage levels and the flags behind them, emergency and urgent guidance, what stands in
/// the way of massage (withheld recommendations, avoid-level and other cautions), and
/// when to stop and get help (domain.md v2). The questions that screening reads are
/// protected too, through [`is_safety_wording`].
pub const SAFETY_KEY_PREFIXES: &[&str] = &[
    "triage.",
    "flag.",
    "caution.",
    "status.",
    "plan.stop_signs.",
    "plan.self_massage.stop_if_sharp",
    // The words of every answer to a red-flag question, and of a missing one: swapped,
    // they would reverse or hide a safety answer.
    "common.yes",
    "common.no",
    "ui.field.none_of_these",
    "ui.results.summary.not_answered",
    "ui.results.summary.none",
    "ui.results.card.avoid",
    "ui.results.card.cautions",
    "frequency.after_medical_advice",
    "step.safety_check.",
    "ui.emergency.",
    "ui.results.flags.",
    "ui.results.missing",
    "ui.results.withheld",
    "ui.results.ranking.withheld",
    "ui.results.ranking.after_doctor",
    "ui.results.status_on_hold",
    "ui.results.status_after_doctor",
    "ui.results.outlook.on_hold",
    "ui.plan.withheld",
    "ui.clinic.doctor_first",
    "ui.notice.new_questions",
    // What a clinician reads of a person's screen: a clinic's wording never changes it.
    "ui.clinician.",
];

/// Whether a text is safety wording that no clinic may replace: a key under
/// [`SAFETY_KEY_PREFIXES`], or any text of a question screening reads (its label, help and
/// options), so that no one can reword a red-flag question into a different one.
pub fn is_safety_wording(key: &str) -> bool {
    if SAFETY_KEY_PREFIXES.iter().any(|prefix| key.starts_with(prefix)) {
        return true;
    }
    let Some(rest) = key.strip_prefix("q.") else {
        return false;
    };
    let id = rest.as_bytes().iter().position(|b| *b == b'.').map_or(rest, |end| sub(rest, 0, end));
    QuestionId::from_code(id).is_some_and(QuestionId::is_safety_answer)
}

/// The key prefixes of flags, reasons, cautions and standings, shared by their key
/// functions and [`required_keys`].
const FLAG: &str = "flag.";
const REASON: &str = "reason.";
const CAUTION: &str = "caution.";
const STATUS: &str = "status.";

/// The key of a flag's explanation.
pub fn flag_key(flag: Flag) -> String {
    [FLAG, flag.as_str()].concat()
}

/// The key of a reason's words.
pub fn reason_key(reason: Reason) -> String {
    [REASON, reason.as_str()].concat()
}

/// The key of a caution's words.
pub fn caution_key(caution: CautionId) -> String {
    [CAUTION, caution.as_str()].concat()
}

/// The part of a titled text: a step's title and introduction, a triage level's or an
/// outlook group's title and explanation, a plan section's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Title,
    Intro,
    Body,
}

impl Part {
    fn suffix(self) -> &'static str {
        match self {
            Part::Title => ".title",
            Part::Intro => ".intro",
            Part::Body => ".body",
        }
    }
}

/// The key of a step's title or introduction.
pub fn step_key(step: StepId, part: Part) -> String {
    ["step.", step.as_str(), part.suffix()].concat()
}

/// The key of a triage level's title or advice.
pub fn triage_key(triage: Triage, part: Part) -> String {
    ["triage.", triage.as_str(), part.suffix()].concat()
}

/// The key of an outlook group's title or explanation.
pub fn outlook_key(risk: Risk, part: Part) -> String {
    ["outlook.", risk.as_str(), part.suffix()].concat()
}

/// The key of a plan section's title.
pub fn section_key(section: Section) -> String {
    ["plan.", section.as_str(), Part::Title.suffix()].concat()
}

/// The key of how often to book.
pub fn frequency_key(frequency: Frequency) -> String {
    ["frequency.", frequency.as_str()].concat()
}

/// The key of how the pain is going.
pub fn progress_key(progress: Progress) -> String {
    ["progress.", progress.as_str()].concat()
}

/// The key of why a share link cannot be opened.
pub fn share_error_key(code: ShareErrorCode) -> String {
    ["share_error.", code.as_str()].concat()
}

/// The key of a plan item's words.
pub fn plan_key(section: Section, item: PlanItem) -> String {
    ["plan.", section.as_str(), ".", item.as_str()].concat()
}

/// The key of a question's label, help text or option label.
pub fn question_key(id: QuestionId, part: &str) -> String {
    ["q.", id.as_str(), ".", part].concat()
}

/// The key of an option label.
pub fn option_key(id: QuestionId, code: &str) -> String {
    ["q.", id.as_str(), ".opt.", code].concat()
}

/// Every key that the domain and the questionnaire can ask a catalog for. The widget's
/// own interface keys (`ui.*`) are checked separately, against the English catalog.
pub fn required_keys() -> Vec<String> {
    let mut keys = SortedKeys(Vec::with_capacity(512));
    for step in StepId::ALL {
        keys.add(step_key(*step, Part::Title));
        keys.add(step_key(*step, Part::Intro));
    }
    for question in Questionnaire::get().questions() {
        keys.add(question_key(question.id, "label"));
        if question.help {
            keys.add(question_key(question.id, "help"));
        }
        if matches!(question.id.kind(), Kind::One(_) | Kind::Many { .. }) {
            for code in question.codes {
                keys.add(option_key(question.id, code));
            }
        }
    }
    keys.each("common.", &["yes", "no", "agree", "disagree"], "");
    for part in [Part::Title, Part::Body] {
        for triage in Triage::ALL {
            keys.add(triage_key(*triage, part));
        }
        for risk in Risk::ALL {
            keys.add(outlook_key(*risk, part));
        }
    }
    keys.each(FLAG, Flag::CODES, "");
    keys.each(REASON, Reason::CODES, "");
    keys.each(CAUTION, CautionId::CODES, "");
    keys.each(STATUS, Status::CODES, "");
    for id in TechniqueId::ALL {
        for part in Technique::TEXT_PARTS {
            keys.add(Technique::text_key(*id, part));
        }
    }
    for frequency in Frequency::ALL {
        keys.add(frequency_key(*frequency));
    }
    for section in Section::ALL {
        keys.add(section_key(*section));
    }
    for row in PLAN_ROWS {
        keys.add(plan_key(row.section, row.item));
    }
    for progress in Progress::ALL {
        keys.add(progress_key(*progress));
    }
    for code in ShareErrorCode::ALL {
        keys.add(share_error_key(*code));
    }
    keys.add("date.format".to_owned());
    keys.each("date.month.", &["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"], "");
    keys.0
}

/// Keys kept sorted and without repeats as they are added, each inserted where a binary
/// search puts it: std's sort costs 3 KB of wasm, and this list is built at start-up to
/// read the packed English catalog, where the swaps of the small insertion sort over 450
/// keys cost Lighthouse's Total Blocking Time 50 to 100 ms (4x CPU throttling; measured
/// 110-170 ms against 50-60).
struct SortedKeys(Vec<String>);

impl SortedKeys {
    fn add(&mut self, key: String) {
        let at = self.0.partition_point(|k| *k < key);
        if self.0.get(at) != Some(&key) {
            self.0.insert(at, key);
        }
    }

    /// `prefix`, then each code, then `suffix`: the keys of a code list, built without
    /// the formatting machinery.
    fn each(&mut self, prefix: &str, codes: &[&str], suffix: &str) {
        for code in codes {
            self.add([prefix, code, suffix].concat());
        }
    }
}
