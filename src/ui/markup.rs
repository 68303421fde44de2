//! Static markup in the Yew tree, built as Yew nodes.
//!
//! The views (`crate::view`) call [`Write`]; here each call becomes a Yew element or
//! text node, never an HTML string, and a [`Press`] becomes a click listener. Nothing is parsed from a string, so there is no
//! `innerHTML` for a Trusted Types policy (`require-trusted-types-for 'script'`) to
//! refuse, no string that could carry markup, and Yew updates only what changed.

use std::cell::RefCell;
use std::rc::Rc;

use yew::html::onclick;
use yew::virtual_dom::{
    AttrValue, AttributeOrProperty, Attributes, Key, Listener, Listeners, VList, VNode, VTag, VText,
};
use yew::{Callback, Html, NodeRef};

pub(super) use crate::view::html::Write;
use crate::view::Press;

/// An element being written: its tag, attributes and children so far.
struct Open {
    tag: &'static str,
    attributes: Attributes,
    listeners: Listeners,
    children: Vec<VNode>,
    /// An input's `checked` state (see [`Write::open`]), and the element's key.
    checked: Option<bool>,
    key: Option<Key>,
}

/// A fragment under construction: the open elements, innermost last, and the finished
/// top-level nodes.
#[derive(Default)]
pub(super) struct Markup {
    open: Vec<Open>,
    done: Vec<VNode>,
    /// Where presses go; without it, buttons are written without listeners.
    on_press: Option<Callback<Press>>,
}

impl Markup {
    pub(super) fn new() -> Markup {
        Markup::default()
    }

    /// A fragment whose buttons send what they do to `on_press`.
    pub(super) fn with_presses(on_press: &Callback<Press>) -> Markup {
        Markup { on_press: Some(on_press.clone()), ..Markup::default() }
    }

    /// Closes the innermost open element.
    fn finish(&mut self) {
        if let Some(Open { tag, attributes, listeners, children, checked, key }) = self.open.pop() {
            let element = if tag == "input" {
                VTag::__new_input(None, checked, NodeRef::default(), key, attributes, listeners)
            } else {
                let children = VList::with_children(children, None).into();
                VTag::__new_other(tag.into(), NodeRef::default(), key, attributes, listeners, children)
            };
            self.push(element.into());
        }
    }

    fn push(&mut self, node: VNode) {
        match self.open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => self.done.push(node),
        }
    }
}

thread_local! {
    /// Every distinct list of attribute names written so far, each kept for good. Yew's
    /// dynamic attributes take their names as one `'static` list (the form `html!` makes,
    /// whose updates compare the list by address); the lists come from the code, so there
    /// are a few dozen, and the same list is the same address on every render.
    static NAMES: RefCell<Vec<&'static [&'static str]>> = const { RefCell::new(Vec::new()) };
}

fn interned(names: Vec<&'static str>) -> &'static [&'static str] {
    NAMES.with_borrow_mut(|lists| {
        if let Some(list) = lists.iter().copied().find(|list| *list == &names[..]) {
            return list;
        }
        let list: &'static [&'static str] = Box::leak(names.into_boxed_slice());
        lists.push(list);
        list
    })
}

impl Write for Markup {
    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Markup {
        let keys = interned(attributes.iter().map(|(name, _)| *name).collect());
        // An attribute with an empty name is left out: absent, as Yew's optional ones are.
        // `checked` is the input's state, set apart (see `finish`), never the attribute.
        let value = |(name, value): &(&str, &str)| {
            (!name.is_empty() && *name != "checked")
                .then(|| AttributeOrProperty::Attribute(AttrValue::from(value.to_string())))
        };
        let checked = attributes.iter().find(|(name, _)| *name == "checked").map(|(_, value)| *value == "true");
        let attributes = Attributes::Dynamic { keys, values: attributes.iter().map(value).collect() };
        let children = Vec::new();
        self.open.push(Open { tag, attributes, listeners: Listeners::None, children, checked, key: None });
        // A void element (`<br>`) has no closing tag: it is finished as soon as it opens.
        if tag == "br" {
            self.finish();
        }
        self
    }

    fn close(&mut self, _tag: &'static str) -> &mut Markup {
        self.finish();
        self
    }

    fn text(&mut self, text: &str) -> &mut Markup {
        self.push(VText::new(text.to_string()).into());
        self
    }

    fn key(&mut self, key: &str) -> &mut Markup {
        if let Some(open) = self.open.last_mut() {
            open.key = Some(Key::from(key));
        }
        self
    }

    fn press(&mut self, press: Press) -> &mut Markup {
        if let (Some(on_press), Some(open)) = (&self.on_press, self.open.last_mut()) {
            let listener = onclick::Wrapper::new(on_press.reform(move |_| press));
            open.listeners = Listeners::Pending(Box::new([Some(Rc::new(listener))]));
        }
        self
    }
}

impl Markup {
    /// A node built elsewhere (a component, a form with its listeners) as the next child.
    pub(super) fn child(&mut self, node: Html) -> &mut Markup {
        self.push(node);
        self
    }

    /// Adds a listener to the innermost open element: what an input or a form does, where
    /// a [`Press`] cannot say it (`onclick::Wrapper::new(callback)` and the like).
    pub(super) fn listen(&mut self, listener: impl Listener + 'static) -> &mut Markup {
        if let Some(open) = self.open.last_mut() {
            let mut all = match std::mem::replace(&mut open.listeners, Listeners::None) {
                Listeners::Pending(listeners) => listeners.into_vec(),
                Listeners::None => Vec::new(),
            };
            all.push(Some(Rc::new(listener)));
            open.listeners = Listeners::Pending(all.into_boxed_slice());
        }
        self
    }

    /// What clicking the innermost open element does.
    pub(super) fn on_click(&mut self, callback: Callback<web_sys::MouseEvent>) -> &mut Markup {
        self.listen(onclick::Wrapper::new(callback))
    }
}

/// The finished fragment as one Yew node.
pub(super) fn into_html(mut markup: Markup) -> Html {
    // As an HTML parser would, close what a writer left open rather than lose it.
    while !markup.open.is_empty() {
        markup.finish();
    }
    VList::with_children(markup.done, None).into()
}
