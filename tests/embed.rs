//! The embed configuration: every attribute validated, bad values ignored with a warning.

use backpain_intake::domain::embed::{contrast_with_white, parse_hex_colour, EmbedConfig, DEFAULT_STORAGE_KEY};
use backpain_intake::domain::screening::Triage;
use backpain_intake::domain::text::{is_safety_wording, Catalog, Lang};

/// Reads a configuration from `(attribute, value)` pairs.
fn config(pairs: &[(&str, &str)]) -> (EmbedConfig, Vec<&'static str>) {
    let (config, warnings) =
        EmbedConfig::from_attributes(|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()));
    (config, warnings.iter().map(|w| w.attribute).collect())
}

/// Checks that one attribute's value is accepted as `expected` (or refused with `None`).
#[track_caller]
fn check(attribute: &str, value: &str, expected: Option<&str>, read: fn(&EmbedConfig) -> Option<String>) {
    let (config, warnings) = config(&[(attribute, value)]);
    assert_eq!(read(&config).as_deref(), expected, "{attribute}={value:?}");
    assert_eq!(warnings.is_empty(), expected.is_some(), "{attribute}={value:?} warns only when refused");
}

#[test]
fn nothing_set_is_the_default() {
    let (config, warnings) = config(&[]);
    assert_eq!(config, EmbedConfig::default());
    assert_eq!(config.storage_key, DEFAULT_STORAGE_KEY);
    assert!(warnings.is_empty());
}

#[test]
fn clinic_names() {
    let name = |c: &EmbedConfig| c.clinic_name.clone();
    check("data-clinic-name", "Riverside Physio & Massage", Some("Riverside Physio & Massage"), name);
    check("data-clinic-name", "  Café Ré  ", Some("Café Ré"), name);
    check("data-clinic-name", "<img src=x onerror=alert(1)>", None, name);
    check("data-clinic-name", "Clinic\u{0}", None, name);
    check("data-clinic-name", "", None, name);
    check("data-clinic-name", &"x".repeat(81), None, name);
}

#[test]
fn booking_addresses() {
    let url = |c: &EmbedConfig| c.booking_url.clone();
    check("data-booking-url", "https://clinic.example/book?x=1", Some("https://clinic.example/book?x=1"), url);
    check("data-booking-url", "http://clinic.example", Some("http://clinic.example"), url);
    check("data-booking-url", "javascript:alert(1)", None, url);
    check("data-booking-url", "JaVaScRiPt:alert(1)", None, url);
    check("data-booking-url", "data:text/html,hi", None, url);
    check("data-booking-url", "//clinic.example", None, url);
    check("data-booking-url", "https://", None, url);
    check("data-booking-url", "https://clinic.example/a b", None, url);
    check("data-booking-url", "https://clinic.example/\"onmouseover=", None, url);
}

#[test]
fn phone_and_emergency_numbers() {
    let phone = |c: &EmbedConfig| c.phone.clone();
    check("data-phone", "+44 (0)20 7946 0000", Some("+44 (0)20 7946 0000"), phone);
    check("data-phone", "call us", None, phone);
    check("data-phone", "12", None, phone);
    let emergency = |c: &EmbedConfig| c.emergency_number.clone();
    check("data-emergency-number", "999", Some("999"), emergency);
    check("data-emergency-number", "112", Some("112"), emergency);
    check("data-emergency-number", "9-1-1", None, emergency);
    check("data-emergency-number", "1234567", None, emergency);
}

#[test]
fn accent_colours_must_be_colours_with_contrast() {
    let accent = |c: &EmbedConfig| c.accent.clone();
    check("data-accent-color", "#1F6F8B", Some("#1f6f8b"), accent);
    check("data-accent-color", "#036", Some("#003366"), accent);
    check("data-accent-color", "red", None, accent);
    check("data-accent-color", "#ff0", None, accent);
    check("data-accent-color", "#12345", None, accent);
    check("data-accent-color", "#1f6f8b; background: url(x)", None, accent);
    check("data-accent-color", "#777777", None, accent);
    check("data-accent-color", "#767676", Some("#767676"), accent);
}

#[test]
fn contrast_matches_wcag() {
    let close = |a: f64, b: f64| (a - b).abs() < 0.01;
    assert!(close(contrast_with_white([0, 0, 0]), 21.0));
    assert!(close(contrast_with_white([255, 255, 255]), 1.0));
    assert!(close(contrast_with_white([0x76, 0x76, 0x76]), 4.54), "{}", contrast_with_white([0x76, 0x76, 0x76]));
    assert!(close(contrast_with_white([0x1f, 0x6f, 0x8b]), 5.67), "{}", contrast_with_white([0x1f, 0x6f, 0x8b]));
    assert_eq!(parse_hex_colour("#abc"), Some([0xaa, 0xbb, 0xcc]));
    assert_eq!(parse_hex_colour("abc"), None);
}

#[test]
fn storage_key_and_language() {
    let (good, warnings) = config(&[("data-storage-key", "clinic-a.intake"), ("data-lang", "en-US")]);
    assert_eq!((good.storage_key.as_str(), good.lang), ("clinic-a.intake", Some(Lang::En)));
    assert!(warnings.is_empty());
    let (bad, warnings) = config(&[("data-storage-key", "bad key!"), ("data-lang", "tlh")]);
    assert_eq!((bad.storage_key.as_str(), bad.lang), (DEFAULT_STORAGE_KEY, None));
    assert_eq!(warnings, ["data-storage-key", "data-lang"]);
}

#[test]
fn booking_is_offered_only_when_massage_can_start() {
    let (booking, _) = config(&[("data-booking-url", "https://clinic.example/book")]);
    for (triage, offered) in [
        (Triage::Clear, true),
        (Triage::Caution, true),
        (Triage::MedicalReview, false),
        (Triage::Incomplete, false),
        (Triage::Urgent, false),
        (Triage::Emergency, false),
    ] {
        assert_eq!(booking.offers_booking(triage), offered, "{triage}");
    }
    assert!(!EmbedConfig::default().offers_booking(Triage::Clear));
}

/// The texts `data-texts` gives `lang`, and the problems it was warned about.
fn overrides(json: &str, lang: Lang) -> (Vec<(String, String)>, Vec<String>) {
    let (config, warnings) = EmbedConfig::from_attributes(|name| (name == "data-texts").then(|| json.to_owned()));
    let texts = config.texts.for_lang(lang).map(|(k, t)| (k.to_owned(), t.to_owned())).collect();
    (texts, warnings.into_iter().map(|w| w.problem).collect())
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, t)| ((*k).to_owned(), (*t).to_owned())).collect()
}

#[test]
fn a_clinic_replaces_texts_for_every_language_or_one() {
    let json = r#"{"es": {"common.agree": "Claro"}, "common.agree": "Agree, indeed", "common.disagree": "Not at all"}"#;
    let (english, warnings) = overrides(json, Lang::En);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(english, pairs(&[("common.agree", "Agree, indeed"), ("common.disagree", "Not at all")]));
    // The language's own text comes last, so applied in order it wins.
    let (spanish, _) = overrides(json, Lang::Es);
    assert_eq!(
        spanish,
        pairs(&[("common.agree", "Agree, indeed"), ("common.disagree", "Not at all"), ("common.agree", "Claro")])
    );
    let mut catalog = Catalog::english().clone();
    catalog.replace(config_texts(json, Lang::Es).iter().map(|(k, t)| (k.as_str(), t.as_str())));
    assert_eq!(catalog.text("common.agree"), "Claro");
}

fn config_texts(json: &str, lang: Lang) -> Vec<(String, String)> {
    overrides(json, lang).0
}

#[test]
fn bad_text_replacements_are_dropped_with_a_warning_each() {
    let step = "ui.progress.summary";
    let original = Catalog::english().text(step).to_owned();
    assert!(original.contains('{'), "the test needs a text with placeholders: {original}");
    let json = format!(
        r#"{{"no.such.key": "x", "ui.welcome.title": "", "ui.welcome.lead": 3, "{step}": "Step only", "it": {{"common.agree": "Sì"}}, "fr": "Oui", "common.agree": "<b>Fine</b>"}}"#
    );
    let (texts, warnings) = overrides(&json, Lang::En);
    // Markup is kept as text (the widget never renders texts as HTML).
    assert_eq!(texts, pairs(&[("common.agree", "<b>Fine</b>")]));
    assert_eq!(warnings.len(), 6, "{warnings:#?}");
    for (warning, expected) in
        warnings.iter().zip(["no.such.key", "ui.welcome.title", "ui.welcome.lead", step, "it", "fr"])
    {
        assert!(warning.starts_with(expected), "{warning}");
    }
    for hostile in ["{not json", "[]", &"x".repeat(100_001)] {
        let (texts, warnings) = overrides(hostile, Lang::En);
        assert!(texts.is_empty() && warnings.len() == 1, "{hostile:.20}: {warnings:?}");
    }
}

#[test]
fn the_phone_link_dials_the_digits_as_written() {
    for (written, href) in [
        ("+44 20 7946 0000", "tel:+442079460000"),
        ("(555) 010-0199", "tel:5550100199"),
        ("030.1234.567", "tel:0301234567"),
    ] {
        let (config, warnings) = config(&[("data-phone", written)]);
        assert!(warnings.is_empty(), "{written} is a valid phone");
        assert_eq!(config.phone_href().as_deref(), Some(href), "{written}");
    }
    assert_eq!(EmbedConfig::default().phone_href(), None);
}

#[test]
fn safety_wording_is_refused_in_every_language() {
    // Each of these would let a page change what the safety guidance says.
    let safety = [
        "triage.emergency.title",
        "triage.emergency.body",
        "triage.urgent.body",
        "triage.clear.title",
        "flag.rf_bladder",
        "flag.leg_swelling_new",
        "q.rf_bladder.label",
        "q.rf_neck_stroke_signs.help",
        "q.conditions.opt.leg_swelling_new",
        "q.age.label",
        "q.onset_before_45.label",
        "ui.emergency.call",
        "ui.emergency.no_massage",
        "plan.stop_signs.emergency_signs",
        "caution.avoid_clot_risk",
        "status.avoid",
        "status.recommended",
        "common.yes",
        "common.no",
        "ui.field.none_of_these",
        "ui.results.summary.not_answered",
        "plan.self_massage.stop_if_sharp",
        "ui.results.withheld",
        "ui.results.status_on_hold",
        "ui.clinic.doctor_first",
        "step.safety_check.intro",
    ];
    for key in safety {
        assert!(is_safety_wording(key), "{key}");
        let text = Catalog::english().text(key).to_owned();
        for json in [json_object(key, "Nothing serious. Relax."), format!(r#"{{"es": {}}}"#, json_object(key, "Nada"))]
        {
            let (texts, warnings) = overrides(&json, Lang::Es);
            assert!(texts.is_empty(), "{key} was replaced");
            assert_eq!(warnings, [format!("{key} is safety wording, which a clinic cannot change")]);
        }
        assert_eq!(Catalog::english().text(key), text);
    }
    // The rest stays the clinic's to word, outlook and preference questions included.
    for key in ["ui.welcome.title", "q.goal.label", "q.sb_worry.label", "technique.swedish.what", "common.agree"] {
        assert!(!is_safety_wording(key), "{key}");
        let (texts, warnings) = overrides(&json_object(key, "Our own words"), Lang::En);
        assert_eq!((texts.len(), warnings.len()), (1, 0), "{key}: {warnings:?}");
    }
}

fn json_object(key: &str, text: &str) -> String {
    format!(r#"{{"{key}": "{text}"}}"#)
}

#[test]
fn two_widgets_on_one_page_never_share_a_storage_key() {
    let mut in_use = Vec::new();
    let mount = |pairs: &[(&str, &str)], in_use: &mut Vec<String>| {
        let (mut config, _) = config(pairs);
        let changed = config.keep_apart_from(in_use);
        (config.storage_key, changed)
    };
    assert_eq!(mount(&[], &mut in_use), (DEFAULT_STORAGE_KEY.to_owned(), false));
    // A second widget without a key, or with an invalid one: apart, and said.
    assert_eq!(mount(&[("data-storage-key", "bad key!")], &mut in_use), (format!("{DEFAULT_STORAGE_KEY}.2"), true));
    assert_eq!(mount(&[("data-storage-key", "riverside")], &mut in_use), ("riverside".to_owned(), false));
    assert_eq!(mount(&[("data-storage-key", "riverside")], &mut in_use), ("riverside.2".to_owned(), true));
    assert_eq!(mount(&[], &mut in_use), (format!("{DEFAULT_STORAGE_KEY}.3"), true));
}
