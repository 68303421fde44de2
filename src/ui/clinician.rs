//! The clinician page's shell: it holds the native [`Inbox`], hands it the link in the
//! address and the files chosen or dropped, and renders the list and the opened intake
//! through the native views (`view::clinician`). Its own binary (`src/bin/clinician.rs`)
//! and bundle: the person's widget never carries it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::shared_view::label;
use super::texts::Texts;
use crate::browser::clinic_key::{self, HeldKey, KeyProblem};
use crate::browser::page::{self, FileProblem as ReadProblem};
use crate::browser::{self, crypto, CatalogLoader};
use crate::clinic::fhir;
use crate::domain::checkins::Date;
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
    let texts = use_mut_ref(Texts::clinician);
    {
        let (texts, render, catalogs) = (texts.clone(), render.clone(), props.catalogs.clone());
        use_effect_with((), move |_| {
            let lang = Lang::choose(None, None, &browser::browser_languages());
            if lang != Lang::En {
                spawn_local(async move {
                    let text = catalogs.load(lang).await;
                    if let Some(catalog) = text.and_then(|t| Catalog::parse_over(&t, Catalog::english_clinician()).ok())
                    {
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
    // A link sealed to the clinic, once the inbox has read it: opened with the key it names.
    {
        let (inbox, dispatch) = (inbox.clone(), (*dispatch).clone());
        use_effect(move || {
            if let Some(envelope) = inbox.borrow_mut().take_envelope() {
                spawn_local(async move {
                    let keys = clinic_key::held().await.unwrap_or_default();
                    dispatch.emit(match clinic_key::open(&envelope, &keys).await {
                        Ok((letter, format)) => InboxEvent::Delivered(Box::new(letter), format),
                        Err(code) => InboxEvent::Undeliverable(code),
                    });
                });
            }
        });
    }
    let texts = *texts.borrow();
    // A new or restored key may open the link in the address that no key opened before.
    let key_panel = {
        let dispatch = (*dispatch).clone();
        let on_key = Callback::from(move |()| dispatch.emit(InboxEvent::KeyAdded(page::fragment())));
        html! { <KeyPanel texts={texts} {on_key} /> }
    };

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
        let record = Record {
            intake: &opened.intake,
            assessment: &opened.assessment,
            completed: None,
            sent: opened.sent,
            initials: opened.initials.as_deref(),
            format: opened.format,
        };
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
        <div class="bpi-clinician-page" lang={texts.lang.code()} dir={texts.lang.dir()}>
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
            { key_panel }
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

#[derive(Properties, PartialEq)]
struct KeyPanelProps {
    texts: Texts,
    /// A key was made or restored.
    on_key: Callback<()>,
}

/// What the key panel last did.
#[derive(Clone, Copy, PartialEq)]
enum KeyNote {
    Working,
    Created,
    Restored,
    Problem(KeyProblem),
}

/// The clinic key: the keys this browser holds, the snippet attribute of the newest
/// (`data-clinic-key-value`), and forms to make one (`data-action="create-key"`) or
/// restore one from its backup file (`data-action="restore-key"`). Open while there is no
/// key or it has just done something; folded away otherwise.
#[component]
fn KeyPanel(props: &KeyPanelProps) -> Html {
    let texts = &props.texts;
    // `None` until IndexedDB answers; `Some(None)` when it is refused.
    let keys = use_state(|| None::<Option<Vec<HeldKey>>>);
    let note = use_state(|| None::<KeyNote>);
    let reload = {
        let keys = keys.clone();
        move || {
            let keys = keys.clone();
            spawn_local(async move { keys.set(Some(clinic_key::held().await)) });
        }
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| reload());
    }
    let value_of = |form: &web_sys::Element, selector: &str| -> Option<web_sys::HtmlInputElement> {
        form.query_selector(selector).ok().flatten().and_then(|i| i.dyn_into().ok())
    };
    let finish = {
        let (note, on_key, reload) = (note.clone(), props.on_key.clone(), reload.clone());
        move |done: Result<KeyNote, KeyProblem>| {
            note.set(Some(done.unwrap_or_else(KeyNote::Problem)));
            if done.is_ok() {
                reload();
                on_key.emit(());
            }
        }
    };
    let create = {
        let (note, finish) = (note.clone(), finish.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = event.target_unchecked_into::<web_sys::Element>();
            let passphrase = value_of(&form, "#bpi-key-passphrase").map(|i| i.value()).unwrap_or_default();
            note.set(Some(KeyNote::Working));
            let finish = finish.clone();
            spawn_local(async move {
                let made = clinic_key::create(&passphrase, &browser::today()).await.map(|(_, backup)| {
                    // Offered at once; the key's "download its backup" button offers it again.
                    let _ = page::download(&backup.file_name(), &backup.to_json(), "application/json");
                    KeyNote::Created
                });
                finish(made);
            });
        })
    };
    let restore = {
        let (note, finish) = (note.clone(), finish.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = event.target_unchecked_into::<web_sys::Element>();
            let passphrase = value_of(&form, "#bpi-restore-passphrase").map(|i| i.value()).unwrap_or_default();
            let file = value_of(&form, "#bpi-restore-file").and_then(|i| i.files()).and_then(|f| f.get(0));
            note.set(Some(KeyNote::Working));
            let finish = finish.clone();
            spawn_local(async move {
                let Some(file) = file else {
                    return finish(Err(KeyProblem::NotABackup(crate::clinic::key::BackupError::NotABackup)));
                };
                let text = page::read_file(&file, crate::clinic::key::MAX_BACKUP_BYTES as f64).await;
                let restored = match text {
                    Ok(text) => clinic_key::restore(&text, &passphrase).await.map(|_| KeyNote::Restored),
                    Err(_) => Err(KeyProblem::NotABackup(crate::clinic::key::BackupError::TooLarge)),
                };
                finish(restored);
            });
        })
    };

    let mut held = Markup::new();
    held.element("p", &[], texts.ui(ui!("ui.clinician.key_intro")));
    let have_key = matches!(&*keys, Some(Some(k)) if !k.is_empty());
    match &*keys {
        None => {}
        Some(None) => {
            held.element(
                "p",
                &[("role", "alert"), ("data-notice", "key-unavailable")],
                texts.ui(ui!("ui.clinician.key_unavailable")),
            );
        }
        Some(Some(list)) if list.is_empty() => {
            held.element("p", &[("data-no-clinic-key", "")], texts.ui(ui!("ui.clinician.key_none")));
        }
        Some(Some(_)) => {}
    }
    // Each key kept here: its id and day, the newest's snippet attribute, and its backup
    // file to download again (a refused or lost download is never the only copy).
    let kept: Html = match &*keys {
        Some(Some(list)) => list
            .iter()
            .enumerate()
            .map(|(index, key)| {
                let mut m = Markup::new();
                let fingerprint = key.public.fingerprint();
                let made = Date::parse(&key.created).map_or_else(|| key.created.clone(), |date| texts.date(date));
                let name =
                    texts.format_ui(ui!("ui.clinician.key_name"), &[("fingerprint", &fingerprint), ("date", &made)]);
                m.element("h3", &[("class", "bpi-key-name")], &name);
                if index == 0 {
                    let value = key.public.to_text();
                    m.element("p", &[], texts.ui(ui!("ui.clinician.key_snippet")));
                    m.open("pre", &[("class", "bpi-key-snippet")]);
                    m.element("code", &[("data-clinic-key-value", &value)], &format!("data-clinic-key=\"{value}\""));
                    m.close("pre");
                }
                let (backup, file) = (key.backup.clone(), format!("clinic-key-{fingerprint}.json"));
                let onclick = Callback::from(move |_: MouseEvent| {
                    // A refused download leaves the file here; the button can be pressed again.
                    let _ = page::download(&file, &backup, "application/json");
                });
                html! {
                    <div class="bpi-key">
                        { into_html(m) }
                        <button type="button" class="bpi-button" data-action="download-backup" {onclick}>
                            { texts.ui(ui!("ui.clinician.key_backup_again")) }
                        </button>
                    </div>
                }
            })
            .collect(),
        _ => Html::default(),
    };
    let status = match *note {
        None | Some(KeyNote::Working) => None,
        Some(KeyNote::Created) => Some(("status", "key-created", ui!("ui.clinician.key_created"))),
        Some(KeyNote::Restored) => Some(("status", "key-restored", ui!("ui.clinician.key_restored"))),
        Some(KeyNote::Problem(problem)) => Some((
            "alert",
            "key-problem",
            match problem {
                KeyProblem::ShortPassphrase => ui!("ui.clinician.key_short"),
                KeyProblem::WrongPassphrase => ui!("ui.clinician.key_wrong_passphrase"),
                KeyProblem::NotABackup(_) => ui!("ui.clinician.key_not_backup"),
                KeyProblem::Unavailable => ui!("ui.clinician.key_unavailable"),
            },
        )),
    };
    if let Some((role, kind, key)) = status {
        held.element("p", &[("role", role), ("data-notice", kind), ("class", "bpi-note")], texts.ui(key));
    }
    let working = *note == Some(KeyNote::Working);
    let button = |key| texts.ui(if working { ui!("ui.clinician.key_working") } else { key });
    html! {
        <details class="bpi-panel bpi-clinic-key" open={!have_key || note.is_some()}>
            <summary><h2 class="bpi-key-title">{ texts.ui(ui!("ui.clinician.key_title")) }</h2></summary>
            { into_html(held) }
            { kept }
            <form class="bpi-key-form" onsubmit={create}>
                { label(texts, "bpi-key-passphrase", ui!("ui.clinician.key_passphrase")) }
                <p class="bpi-help" id="bpi-key-passphrase-help">{ texts.ui(ui!("ui.clinician.key_passphrase_help")) }</p>
                <input id="bpi-key-passphrase" type="password" autocomplete="new-password" minlength="12"
                       aria-describedby="bpi-key-passphrase-help" />
                <button type="submit" class="bpi-button bpi-button--primary" data-action="create-key" disabled={working}>
                    { button(ui!("ui.clinician.key_create")) }
                </button>
            </form>
            <form class="bpi-key-form" onsubmit={restore}>
                <h3>{ texts.ui(ui!("ui.clinician.key_restore")) }</h3>
                { label(texts, "bpi-restore-file", ui!("ui.clinician.key_backup_file")) }
                <input id="bpi-restore-file" type="file" accept=".json,application/json" />
                { label(texts, "bpi-restore-passphrase", ui!("ui.clinician.key_passphrase")) }
                <input id="bpi-restore-passphrase" type="password" autocomplete="off" />
                <button type="submit" class="bpi-button" data-action="restore-key" disabled={working}>
                    { button(ui!("ui.clinician.key_restore_button")) }
                </button>
            </form>
        </details>
    }
}
