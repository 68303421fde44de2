//! The first screen, written at build time: the welcome and the first step, as the live
//! widget draws them for a person with no saved answers.
//!
//! The `prerender` command writes it once per language; `scripts/package.mjs` puts the
//! English HTML into `index.html`, `embed.html` and the single-file edition, and every
//! language as a [`tree`] beside them (`prerender/<lang>.json`), which `web/boot.js` draws
//! into a clinic's snippet. So a person sees the widget and can start before the wasm has
//! arrived; what they do there is given to the widget as their input once it runs.
//!
//! The markup must be the live widget's, element for element, or the page would change
//! when the widget takes over: a browser test (`tests/browser_prerender.rs`) compares the
//! two in every language. The differences are meant: the start button is `disabled` until
//! the loader has made it work (and, where a session is saved, until the widget offers to
//! continue it); "open a saved file" too, and the language switcher is `inert`, until
//! the widget runs, since only the widget can do what they do; and the first step's
//! "clear my data" is `hidden` until the first answer.
//!
//! The two screens sit in a root of their own, which carries `data-prerendered`; the
//! widget mounts beside it, out of sight in a closed shadow root, and once it has taken
//! over what the person did there (`takeOver` in `web/boot.js`), its root takes that
//! root's place:
//!
//! ```text
//! <div data-backpain-intake>
//!   <div class="bpi-root" data-prerendered>
//!     <div class="bpi-app" lang="en" dir="ltr"> language, welcome, footer </div>
//!     <div class="bpi-app" lang="en" dir="ltr" hidden> language, progress, first step, footer </div>
//!   </div>
//!   <div hidden> (closed shadow root) <div class="bpi-root"> the widget </div> </div>
//! </div>
//! ```

use super::html::Write;
use super::screens::{step_head, step_title_id, welcome_intro};
use super::step::{choice_options, progress, question_end, question_start, step_nav};
use super::texts::Texts;
use crate::codec::json::Json;
use crate::domain::intake::AnswerSet;
use crate::domain::question::Kind;
use crate::domain::questionnaire::{Control, Question, Questionnaire, StepId};
use crate::domain::session::{Action, Session};
use crate::domain::text::Lang;

/// The first step, the one the page carries prerendered.
pub const FIRST_STEP: StepId = StepId::AboutYou;

/// The prerendered root's content: the welcome, and the first step hidden until "Start".
pub fn first_screens<W: Write>(m: &mut W, texts: &Texts) {
    app(m, texts, false, |m| welcome(m, texts));
    app(m, texts, true, |m| first_step(m, texts));
}

/// One screen of the widget (`bpi-app`): the language switcher, the screen, the footer.
fn app<W: Write>(m: &mut W, texts: &Texts, step: bool, screen: impl FnOnce(&mut W)) {
    m.open(
        "div",
        &[
            ("class", "bpi-app"),
            ("lang", texts.lang.code()),
            ("dir", texts.lang.dir()),
            (if step { "hidden" } else { "" }, ""),
        ],
    );
    m.open("div", &[("class", "bpi-lang")]).open("label", &[]).element("span", &[], texts.ui(ui!("ui.lang.label")));
    // Choosing another language needs the widget: until it runs, the switcher is inert,
    // which (unlike disabled) leaves it looking as the widget's does.
    m.open("select", &[("data-action", "lang"), ("inert", "")]);
    for lang in Lang::ALL {
        let selected = if *lang == texts.lang { "selected" } else { "" };
        m.element("option", &[("value", lang.code()), ("lang", lang.code()), (selected, "")], lang.name());
    }
    m.close("select").close("label").close("div");
    screen(m);
    m.open("footer", &[("class", "bpi-footer")]);
    m.element("p", &[("class", "bpi-privacy")], texts.ui(ui!("ui.footer.private")));
    m.open("div", &[("class", "bpi-actions")]);
    // The welcome has its own "open a file"; the steps have it here, and "clear my data"
    // once there is something to clear: the loader shows it at the first answer.
    if step {
        import_button(m, texts);
        let clear =
            [("type", "button"), ("class", "bpi-button bpi-button--quiet"), ("data-action", "clear"), ("hidden", "")];
        m.element("button", &clear, texts.ui(ui!("ui.clear.button")));
    }
    m.close("div").close("footer").close("div");
}

/// The welcome of a person with no saved answers.
fn welcome<W: Write>(m: &mut W, texts: &Texts) {
    m.open("section", &[("class", "bpi-welcome"), ("aria-labelledby", "bpi-welcome-title")]);
    welcome_intro(m, texts);
    m.open("div", &[("class", "bpi-actions")]);
    let start =
        [("type", "button"), ("class", "bpi-button bpi-button--primary"), ("data-action", "next"), ("disabled", "")];
    m.element("button", &start, texts.ui(ui!("ui.welcome.start")));
    import_button(m, texts);
    m.close("div").close("section");
}

/// "Open a saved file" and its hidden file input (`ui::import_button`). Reading a file
/// needs the widget: until it runs, the button waits `disabled`.
fn import_button<W: Write>(m: &mut W, texts: &Texts) {
    let file = [("type", "file"), ("accept", ".json,application/json"), ("hidden", ""), ("data-import-file", "")];
    m.open("input", &file).close("input");
    let button =
        [("type", "button"), ("class", "bpi-button bpi-button--quiet"), ("data-action", "import"), ("disabled", "")];
    m.element("button", &button, texts.ui(ui!("ui.import.button")));
}

/// The progress bar and the first step, unanswered (`ui::step_view`).
fn first_step<W: Write>(m: &mut W, texts: &Texts) {
    let session = Session::new().apply(Action::Start);
    progress(m, texts, FIRST_STEP, &session.reachable_steps(), session.percent_complete());
    let title_id = step_title_id(FIRST_STEP);
    m.open("section", &[("class", "bpi-step"), ("data-step", FIRST_STEP.as_str()), ("aria-labelledby", &title_id)]);
    step_head(m, texts, FIRST_STEP);
    m.open("form", &[("class", "bpi-questions"), ("novalidate", "novalidate")]);
    let answers = AnswerSet::default();
    let step = Questionnaire::get().step(FIRST_STEP).map_or(&[][..], |step| step.questions);
    for question in step.iter().filter(|q| q.is_shown(&answers)) {
        question_start(m, texts, question, false);
        if question.control == Control::Number {
            number_field(m, question);
        } else {
            choice_options(m, texts, question, None);
        }
        question_end(m, question);
    }
    m.close("form");
    step_nav(m, texts, FIRST_STEP);
    m.close("section");
}

/// An empty number field (`ui::question_field::NumberInput`).
fn number_field<W: Write>(m: &mut W, question: &Question) {
    let id = question.id.as_str();
    let (min, max) = match question.id.kind() {
        Kind::Integer { min, max } => (min.to_string(), max.to_string()),
        _ => (String::new(), String::new()),
    };
    let help = ["bpi-help-", id].concat();
    let attributes = [
        ("type", "number"),
        ("class", "bpi-number"),
        ("id", &["bpi-in-", id].concat()),
        ("name", &["bpi-", id].concat()),
        ("inputmode", "numeric"),
        ("min", &min),
        ("max", &max),
        ("step", "1"),
        (if question.help { "aria-describedby" } else { "" }, &help),
        (if question.required { "aria-required" } else { "" }, "true"),
        ("autocomplete", "off"),
    ];
    m.open("input", &attributes).close("input");
}

/// Markup as a tree of JSON arrays, `["tag", {"name": "value"}, child, ...]` with text
/// as strings, which `web/boot.js` builds with `createElement` and `setAttribute`: no
/// HTML is parsed, so it works under Trusted Types.
#[derive(Default)]
pub struct Tree {
    /// The open elements, outermost first; the bottom one collects the finished roots.
    open: Vec<Vec<Json>>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree { open: vec![Vec::new()] }
    }

    /// The finished root elements.
    pub fn into_json(mut self) -> Json {
        Json::Array(self.open.swap_remove(0))
    }
}

impl Write for Tree {
    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Tree {
        let attributes = attributes
            .iter()
            .filter(|(name, value)| !name.is_empty() && (*name != "checked" || *value == "true"))
            .map(|(name, value)| (*name, Json::str(if *name == "checked" { "" } else { *value })));
        self.open.push(vec![Json::str(tag), Json::object(attributes)]);
        self
    }

    fn close(&mut self, _tag: &'static str) -> &mut Tree {
        if self.open.len() > 1 {
            let element = self.open.pop().unwrap_or_default();
            if let Some(parent) = self.open.last_mut() {
                parent.push(Json::Array(element));
            }
        }
        self
    }

    fn text(&mut self, text: &str) -> &mut Tree {
        if let Some(element) = self.open.last_mut() {
            element.push(Json::str(text));
        }
        self
    }
}
