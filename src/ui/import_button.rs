//! "Open a saved file": reads an answer file exported earlier.

use yew::html::onchange;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};

use super::texts::Texts;
use crate::browser::page::{read_chosen_file, FileProblem};
use crate::domain::intake::MAX_FILE_BYTES;
use crate::domain::widget::Event;
use crate::domain::Intake;

/// A button (`data-action="import"`) that opens a file chooser (`data-import-file`). A
/// file over [`MAX_FILE_BYTES`], unreadable, not JSON or not an answer file is refused
/// with the reason, and nothing changes; the widget receives the intake or the problem
/// in words.
pub(super) fn import_button(texts: &Texts, dispatch: &Callback<Event>) -> Html {
    // The file input sits just before the button.
    let choose = Callback::from(|event: MouseEvent| {
        let button = event.target_dyn_into::<web_sys::Element>();
        let input = button
            .and_then(|b| b.closest("[data-action=import]").ok().flatten())
            .and_then(|b| b.previous_element_sibling());
        if let Some(input) = input.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            input.click();
        }
    });
    let chosen = {
        let (dispatch, texts) = (dispatch.clone(), *texts);
        let (too_large, unreadable) =
            (texts.ui(ui!("ui.import.too_large")).to_owned(), texts.ui(ui!("ui.import.unreadable")).to_owned());
        Callback::from(move |event: web_sys::Event| {
            let Some(element) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let (dispatch, too_large, unreadable) = (dispatch.clone(), too_large.clone(), unreadable.clone());
            spawn_local(async move {
                let result = match read_chosen_file(&element, MAX_FILE_BYTES as f64).await {
                    None => return,
                    Some(Err(FileProblem::TooLarge)) => Err(too_large),
                    Some(Err(FileProblem::Unreadable)) => Err(unreadable),
                    Some(Ok(text)) => Intake::from_json_versioned(&text)
                        .map_err(|error| texts.format_ui(error.text_key(), &[("field", error.place())])),
                };
                // Clearing the input lets the same file be chosen again after a fix.
                element.set_value("");
                dispatch.emit(Event::Import(result));
            });
        })
    };
    let mut m = Markup::new();
    let file = [("type", "file"), ("accept", ".json,application/json"), ("hidden", ""), ("data-import-file", "")];
    m.open("input", &file).listen(onchange::Wrapper::new(chosen)).close("input");
    let button = [("type", "button"), ("class", "bpi-button bpi-button--quiet"), ("data-action", "import")];
    m.open("button", &button).on_click(choose).text(texts.ui(ui!("ui.import.button"))).close("button");
    into_html(m)
}
