//! A small writer of escaped HTML, for markup that never changes on its own.
//!
//! Why: every element written with Yew's `html!` compiles into its own construction
//! code, and the results screen has hundreds of elements that never change on their own.
//! Written as escaped text and handed to Yew as one raw node, the same results cost a
//! fraction of the wasm (measured in the commit that introduced this module). The
//! interactive parts (inputs, the share panel) stay Yew components; the few buttons in
//! static markup are handled by one delegated listener that reads their `data-*`
//! attribute.
//!
//! Every text and attribute value is escaped here, so a catalog string (or a clinic's
//! own wording) can never inject markup. Pure Rust: tested natively in `tests/html.rs`.

/// An HTML fragment under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(4096))
    }

    /// `<tag name="value" ...>`; an attribute with an empty name is skipped, so optional
    /// attributes can be written inline.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes.iter().filter(|(name, _)| !name.is_empty()) {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.0, text);
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Markup {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// A `<ul>` of texts; nothing for an empty list.
    pub fn list<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Markup {
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
    pub fn titled_list<S: AsRef<str>>(&mut self, heading: &str, class: &str, title: &str, items: &[S]) -> &mut Markup {
        if !items.is_empty() {
            self.open("div", &[("class", class)]).element(heading, &[], title).list(items).close("div");
        }
        self
    }

    /// The start of a results panel: `<section>` with its `h3`, which names it.
    pub fn panel(&mut self, class: &str, id: &str, title: &str, extra: &[(&str, &str)]) -> &mut Markup {
        let mut attributes = vec![("class", class), ("aria-labelledby", id)];
        attributes.extend_from_slice(extra);
        self.open("section", &attributes).element("h3", &[("id", id)], title)
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
