//! Where it hurts, as a picture: a simple body seen from the front and from the back,
//! with the places the person ticked filled in, and the same places in words as the
//! picture's accessible name and caption.

use super::answer_summary::answer_words;
use super::html::Write;
use super::texts::Texts;
use crate::domain::choices::Location;
use crate::domain::intake::Intake;
use crate::domain::question::QuestionId;

/// Each place a person can tick as an SVG path (rectangles) on one figure 80 units wide,
/// and whether it is drawn on the front figure and on the back one.
const PLACES: [(Location, &str, bool, bool); 6] = [
    (Location::NeckShoulder, "M33 25h14v6H33zM20 30h40v7H20z", true, true),
    (Location::UpperBack, "M24 37h32v15H24z", false, true),
    (Location::MidBack, "M24 52h32v13H24z", false, true),
    (Location::LowerBack, "M24 65h32v14H24z", false, true),
    (Location::ButtockHip, "M22 79h36v15H22z", true, true),
    (Location::Leg, "M23 94h15v70H23zM42 94h15v70H42z", true, true),
];

/// The head and arms, drawn but never ticked; and the trunk's front, which no place covers.
const FIGURE: &str = "M29 13a11 11 0 1 0 22 0a11 11 0 1 0-22 0zM11 32h9v52h-9zM60 32h9v52h-9z";
const FRONT_TRUNK: &str = "M24 37h32v42H24z";

/// The figure: the front on the left, the back on the right, each labelled, in an `svg`
/// with `role="img"` named by the figure's caption ("Where it hurts: ..."), so the words
/// are on screen and read once. `id` is the caption's, unique when the map is shown twice.
pub fn body_map<W: Write>(m: &mut W, texts: &Texts, intake: &Intake, id: &str) {
    let answer = intake.answers.get(QuestionId::Location);
    let ticked: Vec<Location> = intake.answers.many::<Location>().unwrap_or_default();
    let words = [
        texts.ui(ui!("ui.results.summary.location")),
        ": ",
        &answer_words(texts, QuestionId::Location, answer).join(", "),
    ]
    .concat();
    m.open("figure", &[("class", "bpi-body-map")]);
    m.open("svg", &[("viewBox", "0 0 180 182"), ("role", "img"), ("aria-labelledby", id), ("class", "bpi-body-svg")]);
    for (x, front, label) in
        [("translate(0 0)", true, ui!("ui.map.front")), ("translate(100 0)", false, ui!("ui.map.back"))]
    {
        m.open("g", &[("transform", x)]);
        m.element("path", &[("d", FIGURE), ("class", "bpi-map-part")], "");
        if front {
            m.element("path", &[("d", FRONT_TRUNK), ("class", "bpi-map-part")], "");
        }
        for (place, path, on_front, on_back) in PLACES {
            if if front { on_front } else { on_back } {
                let class = if ticked.contains(&place) { "bpi-map-part bpi-map-on" } else { "bpi-map-part" };
                m.element("path", &[("d", path), ("class", class)], "");
            }
        }
        m.element(
            "text",
            &[("x", "40"), ("y", "178"), ("text-anchor", "middle"), ("fill", "currentColor")],
            texts.ui(label),
        );
        m.close("g");
    }
    m.close("svg");
    m.element("figcaption", &[("id", id)], &words);
    m.close("figure");
}
