//! The eight massage techniques and their facts.
//!
//! The facts that the ranking reads (pressure, heat, clothing, oil, stretching, typical
//! session length) are data in `data/techniques.json`; the words a person reads about
//! each technique (what it is, how it works, what it targets, benefits, who it suits,
//! cautions) are text keys `technique.<id>.<part>` in the language catalogs. Both are
//! drawn from the seed articles' technique tables, in our own words.

use std::sync::OnceLock;

use super::codes::codes;
use super::json::{self, read, Json};
use super::sort::sort_small_by_key;

codes! {
    /// The eight techniques the widget compares.
    pub enum TechniqueId {
        Swedish = "swedish",
        DeepTissue = "deep_tissue",
        TriggerPoint = "trigger_point",
        MyofascialRelease = "myofascial_release",
        HotStone = "hot_stone",
        Sports = "sports",
        Shiatsu = "shiatsu",
        Thai = "thai",
    }
}

codes! {
    /// A pressure level a technique is worked at.
    pub enum PressureLevel {
        Light = "light",
        Medium = "medium",
        Firm = "firm",
    }
}

codes! {
    /// What a person wears for the technique.
    pub enum Clothing {
        /// Fully clothed, on a mat or table.
        Clothed = "clothed",
        /// Undressed to comfort level under a sheet or towel.
        Draped = "draped",
        /// Either, depending on the therapist.
        Either = "either",
    }
}

/// The facts of one technique.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Technique {
    pub id: TechniqueId,
    /// The pressure levels it is usually worked at, lightest first.
    pub pressure: Vec<PressureLevel>,
    /// Whether heat is part of it.
    pub heat: bool,
    pub clothing: Clothing,
    /// Whether it is usually done with oil or lotion.
    pub oil: bool,
    /// Whether it includes assisted stretching or joint movement.
    pub stretching: bool,
    /// A typical session, shortest and longest, in minutes.
    pub session_minutes: [u8; 2],
}

impl Technique {
    /// Whether it is usually worked at this pressure.
    pub fn offers_pressure(&self, level: PressureLevel) -> bool {
        self.pressure.contains(&level)
    }

    /// The text key of one part of its description: `technique.<id>.<part>`.
    pub fn text_key(id: TechniqueId, part: &str) -> String {
        format!("technique.{}.{part}", id.as_str())
    }

    /// The parts of a technique's description every language catalog must hold.
    pub const TEXT_PARTS: [&'static str; 7] = ["name", "what", "how", "targets", "benefits", "suits", "cautions"];
}

const TECHNIQUES_JSON: &str = include_str!("../../data/techniques.json");

/// The facts of all eight techniques, in [`TechniqueId::ALL`] order.
///
/// The data is compiled in and checked by `tests/data.rs`; a defect there falls back to
/// an empty list (the ranking then reports no techniques) rather than a panic.
pub fn techniques() -> &'static [Technique] {
    static CELL: OnceLock<Vec<Technique>> = OnceLock::new();
    CELL.get_or_init(|| parse_techniques(TECHNIQUES_JSON).unwrap_or_default())
}

/// Parses technique data, ordered by id.
pub fn parse_techniques(text: &str) -> Result<Vec<Technique>, String> {
    let doc = json::parse(text).map_err(|e| format!("techniques: {e}"))?;
    let items = doc.as_array().ok_or("techniques: expected an array")?;
    let mut list = read::each(items, technique_from_json)?;
    sort_small_by_key(&mut list, |t| t.id);
    Ok(list)
}

fn technique_from_json(value: &Json) -> Result<Technique, String> {
    let context = "a technique";
    read::object(value, context, &["id", "pressure", "heat", "clothing", "oil", "stretching", "session_minutes"])?;
    let mut pressure = Vec::new();
    for code in read::strings(value, "pressure", context)? {
        pressure.push(PressureLevel::from_code(&code).ok_or_else(|| format!("{context}: unknown pressure {code}"))?);
    }
    let minutes: Vec<u8> = read::array(value, "session_minutes", context)?
        .iter()
        .filter_map(|n| n.as_u64().and_then(|n| u8::try_from(n).ok()))
        .collect();
    let [shortest, longest] = minutes[..] else {
        return Err(format!("{context}: session_minutes must be two whole numbers"));
    };
    Ok(Technique {
        id: read::code(value, "id", context, TechniqueId::from_code)?,
        pressure,
        heat: read::boolean(value, "heat", context, None)?,
        clothing: read::code(value, "clothing", context, Clothing::from_code)?,
        oil: read::boolean(value, "oil", context, None)?,
        stretching: read::boolean(value, "stretching", context, None)?,
        session_minutes: [shortest, longest],
    })
}

/// The facts of one technique.
pub fn technique(id: TechniqueId) -> Option<&'static Technique> {
    techniques().iter().find(|t| t.id == id)
}

/// Checks the technique data: each of the eight exactly once, pressure levels ascending
/// and distinct, a sensible session range.
pub fn check(list: &[Technique]) -> Vec<String> {
    let mut problems = Vec::new();
    for id in TechniqueId::ALL {
        let count = list.iter().filter(|t| t.id == *id).count();
        if count != 1 {
            problems.push(format!("{id}: appears {count} times in techniques.json"));
        }
    }
    for t in list {
        if t.pressure.is_empty() || t.pressure.windows(2).any(|w| w[0] >= w[1]) {
            problems.push(format!("{}: pressure levels must be distinct and lightest first", t.id));
        }
        let [shortest, longest] = t.session_minutes;
        if shortest == 0 || shortest > longest || longest > 180 {
            problems.push(format!("{}: session range {shortest}..{longest} is not sensible", t.id));
        }
    }
    problems
}
