//! The clinician page's shell: it holds the native [`Inbox`], hands it the link in the
//! address and the files chosen or dropped, and renders the list and the opened intake
//! through the native views (`view::clinician`). Its own binary (`src/bin/clinician.rs`)
//! and bundle: the person's widget never carries it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup};
use super::shared_view::label;
use super::texts::Texts;
use crate::browser::page::{self, FileProblem as ReadProblem};
use crate::browser::{self, crypto, CatalogLoader};
use crate::clinic::fhir;
use crate::domain::embed::TextOverrides;
use crate::domain::inbox::{FileProblem, Inbox, InboxEvent, MAX_FILES};
use crate::domain::intake::MAX_FILE_BYTES;
use crate::domain::share;
use crate::domain::text::{Catalog, Lang};
use crate::view::clinician::{clinician_summary, inbox_list, inbox_problems, Record};
use crate::view::Press;

#[derive(Properties, PartialEq, Default)]
pub struct ClinicianProps {
    /// Fetches the catalogs of languages other than English.
    #[prop_or_default]
    pub catalogs: CatalogLoader,
}

/// The clinician page, in the browser's language when the widget has it (English until
/// its catalog arrives, and if it cannot be had).
#[component]
pub fn ClinicianPage(props: &ClinicianProps) -> Html {
    let render = use_force_update();
    let texts = use_mut_ref(Texts::english);
    {
        let (texts, render, catalogs) = (texts.clone(), render.clone(), props.catalogs.clone());
        use_effect_with((), move |_| {
            let lang = Lang::choose(None, None, &browser::browser_languages());
            if lang != Lang::En {
                spawn_local(async move {
                    let text = catalogs.load(lang).await;
                    if let Some(catalog) = text.and_then(|t| Catalog::parse_over(&t, Catalog::english()).ok()) {
                        *texts.borrow_mut() = Texts::keep(lang, catalog, &TextOverrides::default());
                        render.force_update();
                    }
                });
            }
        });
    }
    let inbox: Rc<RefCell<Inbox>> = use_mut_ref(|| {
        let mut inbox = Inbox::new();
        inbox.apply(InboxEvent::Link(page::fragment()));
        inbox
    });
    let dispatch = use_memo((), |_| {
        let (inbox, render) = (inbox.clone(), render.clone());
        Callback::from(move |event: InboxEvent| {
            inbox.borrow_mut().apply(event);
            render.force_update();
        })
    });
    {
        let dispatch = (*dispatch).clone();
        use_effect_with((), move |_| {
            let pasted = page::listen_to_fragment(move || dispatch.emit(InboxEvent::Link(page::fragment())));
            move || drop(pasted)
        });
    }
    let texts = *texts.borrow();

    let read_files = {
        let dispatch = (*dispatch).clone();
        move |files: Option<web_sys::FileList>| {
            let Some(files) = files else { return };
            let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let mut read = Vec::new();
                for (index, file) in files.into_iter().enumerate() {
                    // Past the limit a file is named as refused, not read.
                    let text = if index < MAX_FILES {
                        page::read_file(&file, MAX_FILE_BYTES as f64).await.map_err(|problem| match problem {
                            ReadProblem::TooLarge => FileProblem::TooLarge,
                            ReadProblem::Unreadable => FileProblem::Unreadable,
                        })
                    } else {
                        Err(FileProblem::TooMany)
                    };
                    read.push((file.name(), text));
                }
                dispatch.emit(InboxEvent::Files(read));
            });
        }
    };
    let on_choose = {
        let read_files = read_files.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
            read_files(input.files());
            // Clearing the input lets the same files be chosen again.
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |event: DragEvent| {
        event.prevent_default();
        read_files(event.data_transfer().and_then(|d| d.files()));
    });
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_press = dispatch.reform(|press| match press {
        Press::Select(index) => InboxEvent::Select(index),
        _ => InboxEvent::DismissProblems,
    });
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let dismiss = dispatch.reform(|_: MouseEvent| InboxEvent::DismissProblems);

    let inbox = inbox.borrow();
    let mut problems = Markup::new();
    inbox_problems(&mut problems, &texts, inbox.problems());
    let mut list = Markup::with_presses(&on_press);
    inbox_list(&mut list, &texts, &inbox);
    // "Export for a records system": the opened intake as a FHIR R4 QuestionnaireResponse
    // to the published Questionnaire, dated today.
    let export = inbox.selected().map(|(_, opened)| {
        let intake = opened.intake.clone();
        Callback::from(move |_: MouseEvent| {
            let today = browser::today();
            let response = fhir::response(&intake, &today);
            let text = serde_json::to_string_pretty(&response).unwrap_or_default();
            // A refused download leaves nothing to undo; the button can be pressed again.
            let _ = page::download(&fhir::file_name(&today), &text, "application/fhir+json");
        })
    });
    let summary = inbox.selected().map(|(_, opened)| {
        let mut m = Markup::new();
        let record =
            Record { intake: &opened.intake, assessment: &opened.assessment, completed: None, format: opened.format };
        clinician_summary(&mut m, &texts, &record);
        into_html(m)
    });
    let unlock = inbox.locked().map(|sealed| {
        let (sealed, dispatch) = (sealed.clone(), (*dispatch).clone());
        let onsubmit = Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = event.target_unchecked_into::<web_sys::Element>();
            let secret = form
                .query_selector("#bpi-unlock-passphrase")
                .ok()
                .flatten()
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            let (sealed, dispatch) = (sealed.clone(), dispatch.clone());
            spawn_local(async move {
                match crypto::open(&sealed, &secret).await {
                    Ok(intake) => {
                        let format = u64::from(share::version_of(sealed.header));
                        dispatch.emit(InboxEvent::Unlocked(Box::new(intake), format))
                    }
                    Err(_) => dispatch.emit(InboxEvent::WrongPassphrase),
                }
            });
        });
        html! {
            <form class="bpi-panel bpi-unlock" {onsubmit}>
                <p>{ texts.ui(ui!("ui.shared.locked_body")) }</p>
                { label(&texts, "bpi-unlock-passphrase", ui!("ui.shared.passphrase")) }
                <input id="bpi-unlock-passphrase" type="password" autocomplete="off" />
                <button type="submit" class="bpi-button bpi-button--primary" data-action="unlock">
                    { texts.ui(ui!("ui.shared.unlock")) }
                </button>
            </form>
        }
    });
    html! {
        <div class="bpi-clinician-page" lang={texts.lang.code()}>
            <header class="bpi-clinician-header">
                <h1 class="bpi-clinician-page-title">{ texts.ui(ui!("ui.clinician.page_title")) }</h1>
                <p>{ texts.ui(ui!("ui.clinician.page_intro")) }</p>
                <div class="bpi-drop" ondrop={on_drop} ondragover={on_drag_over}>
                    <label class="bpi-button" for="bpi-clinician-files">{ texts.ui(ui!("ui.clinician.open_files")) }</label>
                    <input id="bpi-clinician-files" type="file" multiple=true accept=".json,application/json"
                           class="bpi-visually-hidden" data-open-files="" onchange={on_choose} />
                    <p>{ texts.ui(ui!("ui.clinician.drop")) }</p>
                </div>
            </header>
            if !inbox.problems().is_empty() {
                <div class="bpi-clinician-problems">
                    { into_html(problems) }
                    <button type="button" class="bpi-link" onclick={dismiss}>{ texts.ui(ui!("ui.notice.dismiss")) }</button>
                </div>
            }
            { unlock.unwrap_or_default() }
            <div class="bpi-clinician-body">
                { into_html(list) }
                <div class="bpi-clinician-main">
                    if let Some(export) = export {
                        <div class="bpi-actions bpi-clinician-actions">
                            <button type="button" class="bpi-button" data-action="print" onclick={on_print}>
                                { texts.ui(ui!("ui.clinician.print")) }
                            </button>
                            <button type="button" class="bpi-button" data-action="export-fhir" onclick={export}>
                                { texts.ui(ui!("ui.clinician.export_fhir")) }
                            </button>
                        </div>
                    }
                    { summary.unwrap_or_default() }
                </div>
            </div>
        </div>
    }
}

/// Renders the clinician page into `root`; `catalogs` fetches the other languages.
pub fn mount_clinician(root: &web_sys::Element, catalogs: CatalogLoader) {
    yew::Renderer::<ClinicianPage>::with_root_and_props(root.clone(), ClinicianProps { catalogs }).render();
}
