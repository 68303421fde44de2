//! The widget's top-level component: state, storage effects and the current screen.
//!
//! The reducer delegates every move to [`Session::apply`]; loading, saving, the other-tab
//! listener and focus are effects at this edge, never inside the reducer.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::clear_data::ClearData;
use super::emergency_panel::EmergencyPanel;
use super::notice_list::{Notice, NoticeKind, NoticeList};
use super::progress_bar::ProgressBar;
use super::results::Results;
use super::step_view::StepView;
use super::texts::Texts;
use super::welcome::Welcome;
use crate::browser::storage::{now_ms, LoadNotice, SessionStore, StoreError};
use crate::browser::{self, perf};
use crate::domain::embed::EmbedConfig;
use crate::domain::questionnaire::StepId;
use crate::domain::session::{Action, Screen, Session};
use crate::domain::text::Lang;
use crate::domain::{assess, Assessment, Intake};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
}

/// The reducer's state: the domain session, nothing else.
#[derive(Clone, PartialEq)]
struct SessionState(Session);

impl Reducible for SessionState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(SessionState(self.0.apply(action)))
    }
}

fn load_notice(notice: LoadNotice) -> NoticeKind {
    match notice {
        LoadNotice::Restored => NoticeKind::Restored,
        LoadNotice::Unavailable => NoticeKind::StorageUnavailable,
        LoadNotice::MovedAside => NoticeKind::StorageCorrupt,
        LoadNotice::KeptUnreadable => NoticeKind::StorageKeptUnreadable,
    }
}

/// The language: the clinic's choice, else the browser's first shipped one, else English.
fn choose_lang(config: &EmbedConfig) -> Lang {
    config.lang.or_else(|| browser::browser_languages().iter().find_map(|tag| Lang::from_tag(tag))).unwrap_or(Lang::En)
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let texts = use_memo(props.config.clone(), |config| Texts::of(choose_lang(config)));
    let store = use_memo(props.config.storage_key.clone(), |key| SessionStore::open_local(key));
    let loaded = use_memo((), {
        let store = store.clone();
        move |_| store.load(now_ms())
    });
    let state = use_reducer({
        let session = loaded.session.clone();
        move || SessionState(session)
    });
    let notices = use_state({
        let loaded = loaded.clone();
        move || loaded.notice.map(|n| Notice { kind: load_notice(n) }).into_iter().collect::<Vec<_>>()
    });
    // True once the person has done anything: only then may the widget move focus, so an
    // embedded widget never steals focus from the clinic's page on load.
    let acted = use_mut_ref(|| false);
    // The intake last adopted from another tab, so that adopting it is not written back
    // (two tabs on different screens would otherwise echo each other forever).
    let adopted: Rc<RefCell<Option<Intake>>> = use_mut_ref(|| None);

    let add_notice = {
        let notices = notices.clone();
        Callback::from(move |kind: NoticeKind| {
            if !notices.iter().any(|n| n.kind == kind) {
                let mut list = (*notices).clone();
                list.push(Notice { kind });
                notices.set(list);
            }
        })
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |kind: NoticeKind| {
            notices.set(notices.iter().filter(|n| n.kind != kind).cloned().collect());
        })
    };

    // Save every change.
    {
        let store = store.clone();
        let add_notice = add_notice.clone();
        let adopted = adopted.clone();
        use_effect_with(state.0.clone(), move |session| {
            let echo = adopted.borrow_mut().take_if(|intake| *intake == session.intake).is_some();
            if !echo {
                if let Err(StoreError::Full) = store.save(session) {
                    add_notice.emit(NoticeKind::StorageFull);
                }
            }
        });
    }

    // Follow other tabs.
    {
        let dispatcher = state.dispatcher();
        let add_notice = add_notice.clone();
        let adopted = adopted.clone();
        use_effect_with(props.config.storage_key.clone(), move |key| {
            let listener = browser::listen_to_other_tabs(key.clone(), move |value| {
                let other = match value {
                    Some(text) => match Session::from_saved_json(&text) {
                        Ok(other) => other,
                        // Unreadable data from another tab is that tab's to report.
                        Err(_) => return,
                    },
                    None => Session::new(),
                };
                *adopted.borrow_mut() = Some(other.intake.clone());
                dispatcher.dispatch(Action::AdoptFromOtherTab(Box::new(other)));
                add_notice.emit(NoticeKind::OtherTab);
            });
            move || drop(listener)
        });
    }

    // Time each answer's re-render (read by the end-to-end test).
    use_effect(perf::measure_render);

    let on_action = {
        let dispatcher = state.dispatcher();
        let acted = acted.clone();
        Callback::from(move |action: Action| {
            *acted.borrow_mut() = true;
            dispatcher.dispatch(action);
        })
    };
    let on_clear = {
        let store = store.clone();
        let dispatcher = state.dispatcher();
        let notices = notices.clone();
        let acted = acted.clone();
        Callback::from(move |()| {
            *acted.borrow_mut() = true;
            let mut list: Vec<Notice> =
                notices.iter().filter(|n| n.kind == NoticeKind::StorageUnavailable).cloned().collect();
            // A blocked store has nothing to delete; the in-memory session is reset below.
            let _ = store.clear();
            list.push(Notice { kind: NoticeKind::Cleared });
            notices.set(list);
            dispatcher.dispatch(Action::Reset);
        })
    };
    let on_print = Callback::from(|()| browser::print());

    let session = &state.0;
    let focus_heading = *acted.borrow();
    let assessment: Rc<Assessment> =
        use_memo(session.intake.clone(), |intake| assess(&intake.answers, &intake.checkins));
    let emergency = session.is_emergency() && session.screen != Screen::Results;

    let body = match session.screen {
        Screen::Welcome => html! {
            <Welcome has_progress={session.has_progress()} on_action={on_action.clone()}
                     on_clear={on_clear.clone()} {focus_heading} />
        },
        Screen::Step(step) => html! {
            <>
                <ProgressBar {step} reachable={session.reachable_steps()} percent={session.percent_complete()}
                             on_action={on_action.clone()} />
                <StepView {step} answers={session.intake.answers.clone()} unanswered={session.unanswered.clone()}
                          on_action={on_action.clone()}
                          {focus_heading} />
            </>
        },
        Screen::Results => html! {
            <Results assessment={assessment.clone()} intake={Rc::new(session.intake.clone())}
                     on_action={on_action.clone()} on_print={on_print} {focus_heading} />
        },
    };

    html! {
        <ContextProvider<Texts> context={*texts}>
            <div class="bpi-app" lang={texts.lang.code()}>
                <NoticeList notices={(*notices).clone()} on_dismiss={dismiss} />
                if emergency {
                    <EmergencyPanel on_action={on_action.clone()}
                                    results_button={session.screen != Screen::Step(StepId::Preferences)} />
                }
                { body }
                <footer class="bpi-footer">
                    <p class="bpi-privacy">{ texts.t(if store.is_available() { "ui.footer.private" } else { "ui.footer.memory_only" }) }</p>
                    if session.has_progress() {
                        <ClearData on_confirm={on_clear} />
                    }
                </footer>
            </div>
        </ContextProvider<Texts>>
    }
}
