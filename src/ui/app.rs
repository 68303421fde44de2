//! The whole widget: the core's state rendered through the views and the inputs. The
//! shell (`shell.rs`) holds the core and runs its effects; every decision is the core's
//! (`domain::widget`).

use std::rc::Rc;

use yew::prelude::*;

use super::import_button::import_button;
use super::lang_switcher::lang_switcher;
use super::markup::{into_html, Markup, Write};
use super::press_event;
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
use crate::view::chrome::{clear_data, confirm, emergency_panel, notices};
use crate::view::Press;

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
    let on_press = {
        let dispatch = dispatch.clone();
        Callback::from(move |press| {
            if let Some(event) = press_event(press) {
                dispatch.emit(event);
            }
        })
    };
    let on_print = Callback::from(|()| browser::print());
    let mut m = Markup::with_presses(&on_press);
    m.child(lang_switcher(&texts, widget.lang(), &dispatch.reform(Event::ChooseLang)));
    notices(&mut m, &texts, widget.notices());
    if widget.asks_to_replace() {
        confirm(
            &mut m,
            &texts,
            ("bpi-replace-text", ui!("ui.replace.question")),
            ("replace-confirm", ui!("ui.replace.confirm"), Press::Replace(true)),
            ("replace-cancel", ui!("ui.replace.cancel"), Press::Replace(false)),
        );
    }
    if widget.shows_emergency() {
        let results_button = session.screen != Screen::Step(StepId::Preferences);
        emergency_panel(&mut m, &texts, config.emergency_number.as_deref(), results_button);
    }
    m.child(if widget.shared().is_shown() {
        let props = SharedProps {
            dispatch: &dispatch,
            on_print: &on_print,
            unlocking: widget.is_unlocking(),
            config,
            open: widget.sections(),
        };
        shared_view(&texts, widget.shared(), props)
    } else {
        match session.screen {
            Screen::Welcome => welcome(&texts, session.has_progress(), widget.confirms_clear(), &dispatch, &on_press),
            Screen::Step(step) => html! {
                <>
                    { progress_bar(&texts, step, &session.reachable_steps(), session.percent_complete(), &on_action) }
                    { step_view(&texts, step, &session.intake.answers, &session.unanswered, &on_action) }
                </>
            },
            Screen::Results => html! {
                <Results assessment={shell.assessment(&session.intake)} intake={Rc::new(session.intake.clone())}
                         on_event={(*dispatch).clone()} on_print={on_print} config={config.clone()}
                         open={widget.sections()} welcome_back={widget.welcomes_back()} />
            },
        }
    });
    m.open("footer", &[("class", "bpi-footer")]);
    m.element("p", &[("class", "bpi-privacy")], texts.ui(widget.footer_note()));
    if !widget.shared().is_shown() {
        m.open("div", &[("class", "bpi-actions")]);
        // The welcome screen has its own "open a file" and "start over".
        if session.screen != Screen::Welcome {
            m.child(import_button(&texts, &dispatch));
            if session.has_progress() {
                clear_data(&mut m, &texts, ui!("ui.clear.button"), widget.confirms_clear());
            }
        }
        m.close("div");
    }
    m.close("footer");
    html! {
        <ContextProvider<Texts> context={texts}>
            <div class="bpi-app" lang={texts.lang.code()} dir={texts.lang.dir()} ref={root}>{ into_html(m) }</div>
        </ContextProvider<Texts>>
    }
}
