//! The whole widget: the core's state rendered through the views and the inputs. The
//! shell (`shell.rs`) holds the core and runs its effects; every decision is the core's
//! (`domain::widget`).

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
use super::shell::use_shell;
use super::step_view::step_view;
use super::texts::Texts;
use super::welcome::welcome;
use crate::browser::{self, CatalogLoader};
use crate::domain::embed::EmbedConfig;
use crate::domain::questionnaire::StepId;
use crate::domain::session::Screen;
use crate::domain::widget::Event;

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

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let (shell, dispatch, root) = use_shell(&props.config, &props.catalogs);
    let Some(texts) = shell.texts() else {
        // The first language other than English is on its way: nothing to read yet.
        return html! { <div class="bpi-app" aria-busy="true"></div> };
    };
    let widget = shell.widget.borrow();
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
