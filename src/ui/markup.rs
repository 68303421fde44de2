//! Small view helpers shared by the results views. Each repeated shape of markup is
//! written (and compiled) once here rather than at every use, which keeps the bundle
//! within its size budget.

use yew::prelude::*;

/// A paragraph, with a class when given.
pub(super) fn para(class: Option<&'static str>, text: AttrValue) -> Html {
    html! { <p {class}>{ text }</p> }
}

/// A bulleted list of texts.
pub(super) fn list(items: Vec<AttrValue>) -> Html {
    html! { <ul>{ for items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ul> }
}

/// A group: a heading (`h4` or `h5`) over a list of texts; nothing when the list is empty.
pub(super) fn titled_list(heading: &'static str, class: AttrValue, title: AttrValue, items: Vec<AttrValue>) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div {class}>
            <@{heading}>{ title }</@>
            { list(items) }
        </div>
    }
}

/// A section of the results under its h3 heading, which names it for assistive
/// technology.
pub(super) fn panel(class: &'static str, id: &'static str, title: AttrValue, body: Html) -> Html {
    html! {
        <section {class} aria-labelledby={id}>
            <h3 {id}>{ title }</h3>
            { body }
        </section>
    }
}
