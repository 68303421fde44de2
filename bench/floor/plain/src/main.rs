//! The app of ../yew without a framework: the screen is escaped markup set as innerHTML,
//! and one delegated listener on the root reads `data-action`. It exists only to be
//! measured (bench/floor/measure.sh).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn render(root: &web_sys::Element, answers: &[String]) {
    let mut html = String::from(r#"<div class="app"><h1>Answers</h1><input type="text" data-action="answer">"#);
    for answer in answers {
        html.push_str("<p>");
        escape_into(&mut html, answer);
        html.push_str("</p>");
    }
    html.push_str(r#"<button type="button" data-action="switch">Switch</button></div>"#);
    root.set_inner_html(&html);
}

fn main() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let root: web_sys::Element = root.into();
    let answers = Rc::new(RefCell::new(Vec::new()));
    render(&root, &answers.borrow());
    let target = root.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if input.get_attribute("data-action").as_deref() == Some("answer") {
            answers.borrow_mut().push(input.value());
            render(&target, &answers.borrow());
        }
    });
    // A refused listener leaves a static page; this is a measurement, not a product.
    let _ = root.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    listener.forget();
}
