//! The clinic's own details on the results: booking and how to reach them, when the
//! clinic configured them.

use super::html::Write;
use super::texts::Texts;
use crate::domain::embed::EmbedConfig;
use crate::domain::screening::Triage;

/// The clinic's name, a booking link (only when massage can start: see
/// [`EmbedConfig::offers_booking`]) and its phone number; nothing when none is set.
/// While a doctor must be seen first, the panel says so instead of offering to book.
pub fn clinic_panel<W: Write>(m: &mut W, texts: &Texts, config: &EmbedConfig, triage: Triage) {
    if config.booking_url.is_none() && config.phone.is_none() {
        return;
    }
    let title = match &config.clinic_name {
        Some(name) => texts.format_ui(ui!("ui.clinic.title_named"), &[("clinic", name)]),
        None => texts.ui(ui!("ui.clinic.title")).to_owned(),
    };
    m.panel("bpi-panel bpi-clinic", "bpi-clinic-title", &title, &[]);
    match &config.booking_url {
        Some(url) if config.offers_booking(triage) => {
            let attributes = [
                ("href", url.as_str()),
                ("class", "bpi-button bpi-button--primary"),
                ("data-action", "book"),
                ("rel", "noopener"),
            ];
            m.open("p", &[]).element("a", &attributes, texts.ui(ui!("ui.clinic.book"))).close("p");
        }
        Some(_) => {
            m.element("p", &[("class", "bpi-note")], texts.ui(ui!("ui.clinic.doctor_first")));
        }
        None => {}
    }
    if let (Some(phone), Some(href)) = (&config.phone, config.phone_href()) {
        let label = texts.format_ui(ui!("ui.clinic.call"), &[("phone", phone)]);
        m.open("p", &[]).element("a", &[("href", &href), ("data-action", "call")], &label).close("p");
    }
    m.close("section");
}
