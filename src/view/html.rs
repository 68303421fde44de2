//! A small writer interface for markup that never changes on its own, and its HTML form.
//!
//! Why: every element written with Yew's `html!` compiles into its own construction
//! code, and the results screen has hundreds of elements that never change on their own.
//! Written through [`Write`], the same results cost a fraction of the wasm (measured in
//! the commit that introduced this module). The interactive parts (inputs, the share
//! panel) stay Yew components; what a button in static markup does is a [`Press`].
//!
//! In the browser the writer builds Yew nodes (`ui::markup`); [`Markup`] writes the same
//! calls as escaped HTML text, so a catalog string (or a clinic's own wording) can never
//! inject markup in either. Pure Rust: tested natively in `tests/html.rs`.

use super::Press;

/// What the view writers write to: elements, attributes and text, never raw markup.
///
/// Two writers implement it: [`Markup`] here, escaped HTML text (tested natively, and the
/// form a page can be prerendered in), and the browser's, which builds Yew nodes
/// directly (`ui::markup`), so that no string is ever parsed as HTML in the browser: that
/// keeps the widget working under Trusted Types (`require-trusted-types-for 'script'`).
/// Tag and attribute names are `'static`: they come from the code, never from data.
pub trait Write {
    /// `<tag name="value" ...>`; an attribute with an empty name is skipped, so optional
    /// attributes can be written inline. `checked` (`"true"` or `"false"`) is an input's
    /// state: the browser's writer sets the property, so a reset unticks it; in HTML it is
    /// the bare attribute, or nothing.
    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Self;

    /// `</tag>`: closes the innermost open element, which must be `tag`. An `input` is
    /// closed too (it has no closing tag in HTML, where nothing is written).
    fn close(&mut self, tag: &'static str) -> &mut Self;

    /// Names the innermost open element among its siblings, so that the browser's writer
    /// keeps it (and what the person did to it) when others appear or go before it.
    fn key(&mut self, _key: &str) -> &mut Self {
        self
    }

    /// Text (escaped, where the writer writes HTML).
    fn text(&mut self, text: &str) -> &mut Self;

    /// What pressing the innermost open element (a button) does. HTML text has no
    /// behaviour, so this writes nothing there; the browser's writer attaches a listener.
    fn press(&mut self, _press: Press) -> &mut Self {
        self
    }

    /// An element holding only text.
    fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// A `<ul>` of texts; nothing for an empty list.
    fn list<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Self {
        if !items.is_empty() {
            self.open("ul", &[]);
            for item in items {
                self.element("li", &[], item.as_ref());
            }
            self.close("ul");
        }
        self
    }

    /// A titled group (`h4` or `h5` over a list); nothing for an empty list.
    fn titled_list<S: AsRef<str>>(
        &mut self,
        heading: &'static str,
        class: &str,
        title: &str,
        items: &[S],
    ) -> &mut Self {
        if !items.is_empty() {
            self.open("div", &[("class", class)]).element(heading, &[], title).list(items).close("div");
        }
        self
    }

    /// The start of a results panel: `<section>` with its `h3`, which names it.
    fn panel(&mut self, class: &str, id: &str, title: &str, extra: &[(&'static str, &str)]) -> &mut Self {
        let mut attributes = vec![("class", class), ("aria-labelledby", id)];
        attributes.extend_from_slice(extra);
        self.open("section", &attributes).element("h3", &[("id", id)], title)
    }
}

/// An HTML fragment under construction, as escaped text.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(4096))
    }

    /// The finished fragment.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Write for Markup {
    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes.iter().filter(|(name, _)| !name.is_empty()) {
            if *name == "checked" {
                if *value == "true" {
                    self.0.push_str(" checked");
                }
                continue;
            }
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    fn close(&mut self, tag: &'static str) -> &mut Markup {
        if tag == "input" {
            return self;
        }
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.0, text);
        self
    }
}

/// Escapes the five characters that matter in HTML text and quoted attributes.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
