//! The embed configuration: what a clinic sets on the widget's element, validated.
//!
//! A clinic pastes a script tag and an element whose `data-*` attributes configure the
//! widget. Every value is checked here; a bad one is dropped with a warning (the widget
//! logs it to the console) and the default stands, so a typo or a hostile page can never
//! break the widget or inject anything. Text is always rendered as text as well.

use super::screening::Triage;
use super::text::{is_safety_wording, placeholders, Catalog, Lang};
use crate::codec::json;
use crate::codec::sealed::has_key_form;

/// The storage key used when the clinic sets none.
pub const DEFAULT_STORAGE_KEY: &str = "backpain-intake.v1";

/// The validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedConfig {
    /// The local-storage key of this widget instance.
    pub storage_key: String,
    /// The language, when the clinic fixes one; otherwise the browser's.
    pub lang: Option<Lang>,
    /// The clinic's name, shown with its contact details.
    pub clinic_name: Option<String>,
    /// Where to book: an absolute `https:` (or `http:`) address.
    pub booking_url: Option<String>,
    /// The clinic's phone number, as written.
    pub phone: Option<String>,
    /// The accent colour, `#rrggbb`, dark enough for white text and links on white.
    pub accent: Option<String>,
    /// The local emergency number (such as 999, 911, 112), shown with urgent advice.
    pub emergency_number: Option<String>,
    /// The clinic's public key (its text, in the form of one; the sealer checks that it is
    /// on the curve): with it, the results offer to send a link sealed to it.
    pub clinic_key: Option<String>,
    /// The clinic's e-mail address, for sending that link from the person's own mail.
    pub clinic_email: Option<String>,
    /// The clinic's own wording for some texts.
    pub texts: TextOverrides,
}

impl Default for EmbedConfig {
    fn default() -> EmbedConfig {
        EmbedConfig {
            storage_key: DEFAULT_STORAGE_KEY.to_owned(),
            lang: None,
            clinic_name: None,
            booking_url: None,
            phone: None,
            accent: None,
            emergency_number: None,
            clinic_key: None,
            clinic_email: None,
            texts: TextOverrides::default(),
        }
    }
}

/// A configuration value that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The attribute, such as `data-storage-key`.
    pub attribute: &'static str,
    pub problem: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "backpain-intake: ignoring {}: {}", self.attribute, self.problem)
    }
}

/// Every attribute the widget reads, for documentation and tests.
pub const ATTRIBUTES: [&str; 10] = [
    "data-storage-key",
    "data-lang",
    "data-clinic-name",
    "data-booking-url",
    "data-phone",
    "data-accent-color",
    "data-emergency-number",
    "data-clinic-key",
    "data-clinic-email",
    "data-texts",
];

impl EmbedConfig {
    /// Reads the configuration through `attribute`, which returns an attribute's value by
    /// name (`data-storage-key`, ...).
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> (EmbedConfig, Vec<ConfigWarning>) {
        let mut config = EmbedConfig::default();
        let mut warnings = Vec::new();
        let mut read = |name: &'static str, check: fn(&str) -> Result<String, &'static str>| {
            let value = attribute(name)?;
            match check(value.trim()) {
                Ok(value) => Some(value),
                Err(problem) => {
                    warnings.push(ConfigWarning { attribute: name, problem: problem.to_owned() });
                    None
                }
            }
        };
        if let Some(key) = read("data-storage-key", storage_key) {
            config.storage_key = key;
        }
        config.lang = read("data-lang", |tag| {
            Lang::from_tag(tag).map(|l| l.code().to_owned()).ok_or("not a language this widget ships")
        })
        .and_then(|code| Lang::from_tag(&code));
        config.clinic_name = read("data-clinic-name", clinic_name);
        config.booking_url = read("data-booking-url", booking_url);
        config.phone = read("data-phone", phone);
        config.accent = read("data-accent-color", accent_colour);
        config.emergency_number = read("data-emergency-number", emergency_number);
        config.clinic_key = read("data-clinic-key", |key| {
            has_key_form(key).then(|| key.to_owned()).ok_or("not a clinic key (copy it from the clinician page)")
        });
        config.clinic_email = read("data-clinic-email", clinic_email);
        if let Some(value) = attribute("data-texts") {
            config.texts = TextOverrides::parse(&value, &mut warnings);
        }
        (config, warnings)
    }

    /// Keeps this widget's storage apart from the widgets already on the page, whose keys
    /// are `in_use`: a key one of them has (two snippets with the same `data-storage-key`,
    /// or two without a valid one) becomes `<key>.2`, `<key>.3`, ... in mounting order, so
    /// each keeps its own answers from visit to visit. Adds the key to `in_use`; true when
    /// it had to change it.
    pub fn keep_apart_from(&mut self, in_use: &mut Vec<String>) -> bool {
        let wanted = self.storage_key.clone();
        let mut n = 1;
        while in_use.contains(&self.storage_key) {
            n += 1;
            self.storage_key = format!("{wanted}.{n}");
        }
        in_use.push(self.storage_key.clone());
        n > 1
    }

    /// The `tel:` address of the clinic's phone: its digits and a leading `+`, without
    /// the spaces, brackets, dashes and dots people write between them.
    pub fn phone_href(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        Some(format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()))
    }

    /// Whether the results may offer to book: only when nothing stands in the way of
    /// massage. A person told to get emergency care, see a doctor today, or ask a doctor
    /// first is not shown a booking button, only the clinic's phone number.
    pub fn offers_booking(&self, triage: Triage) -> bool {
        self.booking_url.is_some() && !triage.withholds_recommendations()
    }
}

/// A clinic's own wording for some texts (`data-texts`), such as the official wording of
/// an instrument the clinic holds a licence for. A JSON object whose members are either a
/// catalog key with its text, used in every language, or a language code with an object
/// of such members, used in that language (and winning over the first kind):
///
/// `{"ui.welcome.title": "Before your massage", "es": {"ui.welcome.title": "Antes de su masaje"}}`
///
/// A key the English catalog does not have, safety wording (see
/// [`is_safety_wording`]: triage, flags, red-flag questions, emergency and urgent guidance,
/// stop signs), a text that is empty or too long, or a text whose `{placeholders}` differ
/// from the original is dropped with a warning; the texts are shown as text, never as
/// markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextOverrides(Vec<(Option<Lang>, String, String)>);

/// The longest `data-texts` value read, and the longest text in it.
const MAX_TEXTS_BYTES: usize = 100_000;
const MAX_TEXT_CHARS: usize = 2_000;

impl TextOverrides {
    fn parse(value: &str, warnings: &mut Vec<ConfigWarning>) -> TextOverrides {
        let mut warn = |problem: String| warnings.push(ConfigWarning { attribute: "data-texts", problem });
        if value.len() > MAX_TEXTS_BYTES {
            warn(format!("longer than {MAX_TEXTS_BYTES} bytes"));
            return TextOverrides::default();
        }
        let doc = match json::parse(value) {
            Ok(doc) => doc,
            Err(e) => {
                warn(format!("not JSON: {e}"));
                return TextOverrides::default();
            }
        };
        let Some(members) = doc.as_object() else {
            warn("expected a JSON object of texts".to_owned());
            return TextOverrides::default();
        };
        let english = Catalog::english();
        let mut texts = Vec::new();
        let mut add = |lang: Option<Lang>, key: &str, value: &json::Json, warn: &mut dyn FnMut(String)| {
            let problem = match value.as_str() {
                _ if english.lookup(key).is_none() => "is not a text of this widget",
                _ if is_safety_wording(key) => "is safety wording, which a clinic cannot change",
                None => "must be a string",
                Some(text) if text.trim().is_empty() || text.chars().count() > MAX_TEXT_CHARS => {
                    "must be 1 to 2000 characters"
                }
                Some(text) if placeholders(text) != english.placeholders(key) => {
                    "must keep the original's {placeholders}"
                }
                Some(text) => {
                    texts.push((lang, key.to_owned(), text.to_owned()));
                    return;
                }
            };
            warn(format!("{key} {problem}"));
        };
        for (key, value) in members {
            match (Lang::ALL.iter().find(|l| l.code() == key), value.as_object()) {
                (Some(lang), Some(inner)) => {
                    for (inner_key, inner_value) in inner {
                        add(Some(*lang), inner_key, inner_value, &mut warn);
                    }
                }
                (Some(_), None) => warn(format!("{key} must be an object of texts")),
                (None, _) => add(None, key, value, &mut warn),
            }
        }
        // Every-language texts first, so a language's own text is applied last and wins.
        let (mut every, own): (Vec<_>, Vec<_>) = texts.into_iter().partition(|(lang, _, _)| lang.is_none());
        every.extend(own);
        TextOverrides(every)
    }

    /// The replacements for `lang`, in the order to apply them.
    pub fn for_lang(&self, lang: Lang) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .filter(move |(l, _, _)| l.is_none_or(|l| l == lang))
            .map(|(_, key, text)| (key.as_str(), text.as_str()))
    }

    /// Whether the clinic replaced no text.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A storage key of 1 to 64 characters from `[A-Za-z0-9._-]`.
pub fn is_valid_storage_key(key: &str) -> bool {
    (1..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn storage_key(key: &str) -> Result<String, &'static str> {
    if is_valid_storage_key(key) {
        Ok(key.to_owned())
    } else {
        Err("use 1 to 64 letters, digits, dots, dashes or underscores")
    }
}

/// A clinic name: 1 to 80 characters, no markup and no control characters. It is
/// rendered as text anyway; markup in a name is refused because it is never meant.
fn clinic_name(name: &str) -> Result<String, &'static str> {
    let length = name.chars().count();
    if !(1..=80).contains(&length) {
        return Err("use 1 to 80 characters");
    }
    if name.chars().any(|c| c.is_control() || matches!(c, '<' | '>')) {
        return Err("markup and control characters are not allowed");
    }
    Ok(name.to_owned())
}

/// An absolute `https:` or `http:` address of up to 500 characters with a host and no
/// spaces or quotes; `javascript:`, `data:` and every other scheme are refused.
fn booking_url(url: &str) -> Result<String, &'static str> {
    let lower = url.to_ascii_lowercase();
    let rest =
        lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).ok_or("use an https:// address")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let bad_char =
        url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\'));
    if url.len() > 500 || host.is_empty() || bad_char {
        return Err("use an absolute https:// address without spaces or quotes");
    }
    Ok(url.to_owned())
}

/// A phone number: 3 to 30 characters of digits, spaces and `+ - ( ) .`, with at least
/// three digits.
fn phone(number: &str) -> Result<String, &'static str> {
    let allowed = number.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if allowed && (3..=30).contains(&number.len()) && digits >= 3 {
        Ok(number.to_owned())
    } else {
        Err("use digits, spaces and + - ( ) only")
    }
}

/// An e-mail address for a `mailto:` link: up to 254 characters, one `@` with a name
/// before it and a dotted domain after it, and none of the characters that would add a
/// header, a second address or a body to the link (`? & # % , ;`, spaces, quotes, markup).
fn clinic_email(address: &str) -> Result<String, &'static str> {
    let (name, domain) = address.split_once('@').ok_or("use an address such as front-desk@clinic.example")?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    let labels_ok =
        domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty() && l.chars().all(allowed));
    if address.len() > 254 || name.is_empty() || !name.chars().all(allowed) || !labels_ok {
        return Err("use an address such as front-desk@clinic.example");
    }
    Ok(address.to_owned())
}

/// An emergency number: 2 to 6 digits (999, 911, 112, 000).
fn emergency_number(number: &str) -> Result<String, &'static str> {
    if (2..=6).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
        Ok(number.to_owned())
    } else {
        Err("use 2 to 6 digits")
    }
}

/// A colour as `#rgb` or `#rrggbb`, normalised to `#rrggbb`, that white text on it and
/// it as text on white both reach WCAG's 4.5:1 contrast; a paler colour would make the
/// widget unreadable and is refused.
fn accent_colour(colour: &str) -> Result<String, &'static str> {
    let rgb = parse_hex_colour(colour).ok_or("use a colour like #1f6f8b")?;
    if contrast_with_white(rgb) < 4.5 {
        return Err("too light: white text on it would be hard to read (contrast below 4.5:1)");
    }
    Ok(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]))
}

/// The red, green and blue of `#rgb` or `#rrggbb`.
pub fn parse_hex_colour(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = |from: usize, to: usize| u8::from_str_radix(hex.get(from..to)?, 16).ok();
    match hex.len() {
        3 => Some([value(0, 1)? * 17, value(1, 2)? * 17, value(2, 3)? * 17]),
        6 => Some([value(0, 2)?, value(2, 4)?, value(4, 6)?]),
        _ => None,
    }
}

/// `x` to the power 2.4 for `x` in 0..=1: the fifth root of `x^12` by Newton's method.
/// `f64::powf` would bring a software `pow` into the bundle; this needs only arithmetic.
fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let target = x.powi(12);
    let mut y = x * x;
    for _ in 0..8 {
        y -= (y.powi(5) - target) / (5.0 * y.powi(4));
    }
    y
}

/// The WCAG 2.x contrast ratio between a colour and white.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}
