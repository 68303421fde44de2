//! The embed configuration: what a clinic sets on the widget's element, validated.
//!
//! A clinic pastes a script tag and an element whose `data-*` attributes configure the
//! widget. Every value is checked here; a bad one is dropped with a warning (the widget
//! logs it to the console) and the default stands, so a typo or a hostile page can never
//! break the widget or inject anything.

use super::text::Lang;

/// The storage key used when the clinic sets none.
pub const DEFAULT_STORAGE_KEY: &str = "backpain-intake.v1";

/// The validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedConfig {
    /// The local-storage key of this widget instance.
    pub storage_key: String,
    /// The language, when the clinic fixes one; otherwise the browser's.
    pub lang: Option<Lang>,
}

impl Default for EmbedConfig {
    fn default() -> EmbedConfig {
        EmbedConfig { storage_key: DEFAULT_STORAGE_KEY.to_owned(), lang: None }
    }
}

/// A configuration value that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The attribute, such as `data-storage-key`.
    pub attribute: &'static str,
    pub problem: &'static str,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "backpain-intake: ignoring {}: {}", self.attribute, self.problem)
    }
}

impl EmbedConfig {
    /// Reads the configuration through `attribute`, which returns an attribute's value by
    /// name (`data-storage-key`, ...).
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> (EmbedConfig, Vec<ConfigWarning>) {
        let mut config = EmbedConfig::default();
        let mut warnings = Vec::new();
        if let Some(key) = attribute("data-storage-key") {
            if is_valid_storage_key(&key) {
                config.storage_key = key;
            } else {
                warnings.push(ConfigWarning {
                    attribute: "data-storage-key",
                    problem: "use 1 to 64 letters, digits, dots, dashes or underscores",
                });
            }
        }
        if let Some(tag) = attribute("data-lang") {
            match Lang::from_tag(&tag) {
                Some(lang) => config.lang = Some(lang),
                None => {
                    warnings.push(ConfigWarning { attribute: "data-lang", problem: "not a language this widget ships" })
                }
            }
        }
        (config, warnings)
    }
}

/// A storage key of 1 to 64 characters from `[A-Za-z0-9._-]`.
pub fn is_valid_storage_key(key: &str) -> bool {
    (1..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
