//! The widget's shell: it holds the native core ([`Widget`]), hands it every event, runs
//! the effects it returns and renders its state. Every decision is the core's.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::clear_data::{clear_data, confirm_dialog};
use super::emergency_panel::emergency_panel;
use super::import_button::import_button;
use super::lang_switcher::lang_switcher;
use super::notice_list::notice_list;
use super::progress_bar::progress_bar;
use super::results::Results;
use super::shared_view::{shared_view, SharedProps};
use super::step_view::step_view;
use super::texts::Texts;
use super::welcome::welcome;
use crate::browser::storage::{now_ms, SessionStore};
use crate::browser::{self, page, perf, CatalogLoader};
use crate::domain::embed::EmbedConfig;
use crate::domain::questionnaire::StepId;
use crate::domain::session::Screen;
use crate::domain::text::Catalog;
use crate::domain::widget::{Effect, Event, Widget};
use crate::domain::{assess, Assessment, Intake};

#[derive(Properties, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    /// Fetches the catalogs of languages other than English.
    #[prop_or_default]
    pub catalogs: CatalogLoader,
}

/// By address: the widget's root gets its configuration once, from `mount_widget`.
impl PartialEq for AppProps {
    fn eq(&self, other: &AppProps) -> bool {
        Rc::ptr_eq(&self.config, &other.config) && self.catalogs == other.catalogs
    }
}

/// What the shell keeps: the core, the catalogs at hand (English from the start, all with
/// the clinic's texts applied), the results' assessment, and a focus to move after render.
struct Shell {
    widget: RefCell<Widget>,
    held: RefCell<Vec<Texts>>,
    assessed: RefCell<Option<(Intake, Rc<Assessment>)>>,
    focus_due: Cell<bool>,
    render: UseForceUpdateHandle,
    catalogs: CatalogLoader,
    config: Rc<EmbedConfig>,
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
    fn assessment(&self, intake: &Intake) -> Rc<Assessment> {
        let mut assessed = self.assessed.borrow_mut();
        match &*assessed {
            Some((of, assessment)) if of == intake => assessment.clone(),
            _ => assessed.insert((intake.clone(), Rc::new(assess(&intake.answers, &intake.checkins)))).1.clone(),
        }
    }
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let render = use_force_update();
    let shell = (*use_memo((), |_| {
        let config = props.config.clone();
        let store = SessionStore::open_local(&config.storage_key);
        let (widget, effects) =
            Widget::new(store, config.lang, &browser::browser_languages(), &page::fragment(), now_ms());
        let held = RefCell::new(vec![Texts::english_with(&config.texts)]);
        let (assessed, focus_due, catalogs) = (RefCell::default(), Cell::default(), props.catalogs.clone());
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
                // Focus can be refused; the new screen is shown all the same.
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(heading).focus();
            }
        });
    }

    let widget = shell.widget.borrow();
    let Some(texts) = widget.shown_lang().and_then(|lang| shell.held.borrow().iter().find(|t| t.lang == lang).copied())
    else {
        // The first language other than English is on its way: nothing to read yet.
        return html! { <div class="bpi-app" aria-busy="true"></div> };
    };
    let (session, config) = (widget.session(), &shell.config);
    let on_action = dispatch.reform(Event::Act);
    let on_print = Callback::from(|()| browser::print());
    let body = if widget.shared().is_shown() {
        let props = SharedProps { dispatch: &dispatch, on_print: &on_print, unlocking: widget.is_unlocking(), config };
        shared_view(&texts, widget.shared(), props)
    } else {
        match session.screen {
            Screen::Welcome => welcome(&texts, session.has_progress(), widget.confirms_clear(), &dispatch),
            Screen::Step(step) => html! {
                <>
                    { progress_bar(&texts, step, &session.reachable_steps(), session.percent_complete(), &on_action) }
                    { step_view(&texts, step, &session.intake.answers, &session.unanswered, &on_action) }
                </>
            },
            Screen::Results => html! {
                <Results assessment={shell.assessment(&session.intake)} intake={Rc::new(session.intake.clone())}
                         on_action={on_action.clone()} on_print={on_print} config={config.clone()} />
            },
        }
    };
    html! {
        <ContextProvider<Texts> context={texts}>
            <div class="bpi-app" lang={texts.lang.code()} ref={root}>
                { lang_switcher(&texts, widget.lang(), &dispatch.reform(Event::ChooseLang)) }
                { notice_list(&texts, widget.notices(), &dispatch) }
                if widget.asks_to_replace() {
                    { confirm_dialog(&texts, ("bpi-replace-text", ui!("ui.replace.question"), ui!("ui.replace.confirm"),
                                     ui!("ui.replace.cancel")), ("replace-confirm", "replace-cancel"),
                                     dispatch.reform(|_| Event::ConfirmReplace(true)),
                                     dispatch.reform(|_| Event::ConfirmReplace(false))) }
                }
                if widget.shows_emergency() {
                    { emergency_panel(&texts, config.emergency_number.as_deref(),
                                      session.screen != Screen::Step(StepId::Preferences), &on_action) }
                }
                { body }
                <footer class="bpi-footer">
                    <p class="bpi-privacy">{ texts.ui(widget.footer_note()) }</p>
                    if !widget.shared().is_shown() {
                        <div class="bpi-actions">
                            // The welcome screen has its own "open a file" and "start over".
                            if session.screen != Screen::Welcome {
                                { import_button(&texts, &dispatch) }
                                if session.has_progress() {
                                    { clear_data(&texts, ui!("ui.clear.button"), widget.confirms_clear(), &dispatch) }
                                }
                            }
                        </div>
                    }
                </footer>
            </div>
        </ContextProvider<Texts>>
    }
}
