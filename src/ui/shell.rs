//! The shell around the native core: it holds the [`Widget`], hands it every event, runs
//! the effects it returns (a catalog fetched, the address cleared, the focus moved after
//! the render) and renders again. No decision is made here.
//!
//! ```text
//!  DOM event / fetched catalog / other tab / pasted link
//!    -> Event -> Widget::apply -> (state, effects) -> run effects, render
//!  state -> crate::view (+ the inputs of ui/) -> DOM
//! ```

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::texts::Texts;
use crate::browser::storage::{now_ms, SessionStore};
use crate::browser::{self, page, perf, CatalogLoader};
use crate::domain::embed::EmbedConfig;
use crate::domain::text::Catalog;
use crate::domain::widget::{Effect, Event, Widget};
use crate::domain::{assess, Assessment, Intake};

/// What the shell keeps: the core, the catalogs at hand (English from the start, all with
/// the clinic's texts applied), the results' assessment, and a focus to move after render.
pub(super) struct Shell {
    pub(super) widget: RefCell<Widget>,
    held: RefCell<Vec<Texts>>,
    assessed: RefCell<Option<(Intake, Rc<Assessment>)>>,
    focus_due: Cell<bool>,
    render: UseForceUpdateHandle,
    catalogs: CatalogLoader,
    pub(super) config: Rc<EmbedConfig>,
}

impl Shell {
    fn dispatch(self: &Rc<Self>, event: Event) {
        let effects = self.widget.borrow_mut().apply(event);
        self.run(effects);
        self.render.force_update();
    }

    fn run(self: &Rc<Self>, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::FetchCatalog(lang) => {
                    let shell = self.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let text = shell.catalogs.load(lang).await;
                        shell.dispatch(match text.and_then(|t| Catalog::parse_over(&t, Catalog::english()).ok()) {
                            Some(catalog) => {
                                shell.held.borrow_mut().push(Texts::keep(lang, catalog, &shell.config.texts));
                                Event::CatalogArrived(lang)
                            }
                            None => Event::CatalogFailed(lang),
                        });
                    });
                }
                Effect::ClearFragment => page::clear_fragment(),
                Effect::FocusHeading => self.focus_due.set(true),
            }
        }
    }

    /// The results' assessment, computed again only when the answers change.
    pub(super) fn assessment(&self, intake: &Intake) -> Rc<Assessment> {
        let mut assessed = self.assessed.borrow_mut();
        match &*assessed {
            Some((of, assessment)) if of == intake => assessment.clone(),
            _ => assessed.insert((intake.clone(), Rc::new(assess(&intake.answers, &intake.checkins)))).1.clone(),
        }
    }

    /// The texts of the language on screen; `None` while the first language other than
    /// English is on its way.
    pub(super) fn texts(&self) -> Option<Texts> {
        let lang = self.widget.borrow().shown_lang()?;
        self.held.borrow().iter().find(|t| t.lang == lang).copied()
    }
}

/// The shell of one widget, made once; the dispatcher of its events; and the root
/// element, where the focus is looked for.
#[hook]
pub(super) fn use_shell(
    config: &Rc<EmbedConfig>,
    catalogs: &CatalogLoader,
) -> (Rc<Shell>, Rc<Callback<Event>>, NodeRef) {
    let render = use_force_update();
    let shell = (*use_memo((), |_| {
        let config = config.clone();
        let store = SessionStore::open_local(&config.storage_key);
        let (widget, effects) =
            Widget::new(store, config.lang, &browser::browser_languages(), &page::fragment(), now_ms());
        let held = RefCell::new(vec![Texts::english_with(&config.texts)]);
        let (assessed, focus_due, catalogs) = (RefCell::default(), Cell::default(), catalogs.clone());
        let shell =
            Rc::new(Shell { widget: RefCell::new(widget), held, assessed, focus_due, render, catalogs, config });
        shell.run(effects);
        shell
    }))
    .clone();
    let dispatch = use_memo((), |_| {
        let shell = shell.clone();
        Callback::from(move |event| shell.dispatch(event))
    });
    let root = use_node_ref();
    // Follow a link pasted into this tab, and other tabs (the key never changes).
    {
        let (pasted, tabs, key) = (shell.clone(), shell.clone(), shell.config.storage_key.clone());
        use_effect_with((), move |_| {
            let pasted = page::listen_to_fragment(move || pasted.dispatch(Event::LinkPasted(page::fragment())));
            let tabs = browser::listen_to_other_tabs(key, move |value| tabs.dispatch(Event::OtherTab(value)));
            move || drop((pasted, tabs))
        });
    }
    // After each render: the focus the core asked for, and the answer's render time.
    {
        let (shell, root) = (shell.clone(), root.clone());
        use_effect(move || {
            perf::measure_render();
            let heading =
                root.cast::<web_sys::Element>().and_then(|r| r.query_selector("[data-focus-heading]").ok()?);
            if let (true, Some(heading)) = (shell.focus_due.take(), heading) {
                // Focus can be refused; the new screen is shown all the same. The heading
                // goes to the top of the window, so a phone shows the new screen from its
                // start (the results' summary whole), not wherever focusing scrolled to.
                let heading = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(heading);
                let _ = heading.focus();
                heading.scroll_into_view();
            }
        });
    }

    (shell, dispatch, root)
}
