//! Static markup in the Yew tree: a [`Markup`] fragment (written and escaped by
//! `crate::html`) becomes one raw node.

use yew::{AttrValue, Html};

pub(super) use crate::html::Markup;

/// The finished fragment as one Yew node.
pub(super) fn into_html(markup: Markup) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup.into_string()))
}
