//! The widget's top-level component: state, storage effects and the current screen.
//!
//! The reducer delegates every move to [`Session::apply`]; loading, saving, the other-tab
//! listener, share links and focus are effects at this edge, never inside the reducer.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::clear_data::{clear_data, confirm_dialog};
use super::emergency_panel::emergency_panel;
use super::import_button::import_button;
use super::lang_switcher::lang_switcher;
use super::notice_list::{notice_list, Notice, NoticeKind};
use super::progress_bar::progress_bar;
use super::results::Results;
use super::shared_view::{shared_view, Shared, SharedCallbacks};
use super::state::use_value;
use super::step_view::step_view;
use super::texts::Texts;
use super::welcome::welcome;
use crate::browser::storage::{now_ms, LoadNotice, SessionStore, StoreError};
use crate::browser::{self, page, perf, CatalogLoader};
use crate::domain::embed::EmbedConfig;
use crate::domain::questionnaire::StepId;
use crate::domain::session::{Action, Screen, Session};
use crate::domain::text::{Catalog, Lang};
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

/// Answers that will replace the person's own (an imported file, a saved shared result),
/// the answer format they were written in, and the notice to show when they do.
#[derive(Clone, PartialEq)]
struct Replacement {
    intake: Rc<Intake>,
    format: u64,
    kind: NoticeKind,
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

/// What can happen to the list of notices.
enum NoticeAction {
    /// Show a notice, replacing one of the same kind.
    Show(Notice),
    Dismiss(NoticeKind),
    /// Keep only the notices of these kinds.
    Keep(&'static [NoticeKind]),
}

/// The notices on screen, newest last. A reducer, so that two notices raised in the same
/// tick (say, a bad link and blocked storage) both stay.
#[derive(Clone, Default, PartialEq)]
struct Notices(Vec<Notice>);

impl Reducible for Notices {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        let mut list = self.0.clone();
        match action {
            NoticeAction::Show(notice) => {
                list.retain(|n| n.kind != notice.kind);
                list.push(notice);
            }
            NoticeAction::Dismiss(kind) => list.retain(|n| n.kind != kind),
            NoticeAction::Keep(kinds) => list.retain(|n| kinds.contains(&n.kind)),
        }
        Rc::new(Notices(list))
    }
}

fn load_notice(notice: LoadNotice) -> NoticeKind {
    match notice {
        LoadNotice::Restored => NoticeKind::Restored,
        LoadNotice::RestoredNewQuestions => NoticeKind::NewQuestions,
        LoadNotice::Unavailable => NoticeKind::StorageUnavailable,
        LoadNotice::MovedAside => NoticeKind::StorageCorrupt,
        LoadNotice::KeptUnreadable => NoticeKind::StorageKeptUnreadable,
    }
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let store = use_memo(props.config.storage_key.clone(), |key| SessionStore::open_local(key));
    // The language, and its texts once its catalog is at hand (None only while the first
    // language other than English is being fetched).
    let lang = use_value({
        let (store, clinic) = (store.clone(), props.config.lang);
        move || Lang::choose(store.load_lang(), clinic, &browser::browser_languages())
    });
    // The catalogs this widget has, with the clinic's texts applied: English at once.
    let kept = use_mut_ref(|| vec![Texts::english_with(&props.config.texts)]);
    let shown = use_value(|| kept.borrow().iter().find(|t| t.lang == lang.get()).copied());
    // The language last asked for: a catalog that arrives after the person has chosen
    // another is kept, but not shown.
    let wanted = use_mut_ref(|| lang.get());
    let loaded = use_memo((), {
        let store = store.clone();
        move |_| store.load(now_ms())
    });
    let state = use_reducer({
        let session = loaded.session.clone();
        move || SessionState(session)
    });
    let notices = use_reducer({
        let loaded = loaded.clone();
        move || Notices(loaded.notice.map(|n| Notice::of(load_notice(n))).into_iter().collect())
    });
    // A shared result opened from the link in the address, shown instead of the person's
    // own session until they choose what to do with it.
    let shared = use_value(|| Shared::from_fragment(&page::fragment()));
    // How many links have been pasted into this tab: a second damaged link with the same
    // fault as the first is a new link, and says so again.
    let pasted = use_mut_ref(|| 0u32);
    // An intake waiting for "replace my answers?" (an imported file, a saved shared result).
    let pending = use_value(|| None::<Replacement>);
    // Whether a passphrase is being tried on a protected link.
    let unlocking = use_value(|| false);
    // Whether "clear my data" is asking for confirmation.
    let confirming_clear = use_value(|| false);
    let ask_clear = {
        let confirming_clear = confirming_clear.clone();
        Callback::from(move |ask: bool| confirming_clear.set(ask))
    };
    // True once the person has done anything: only then may the widget move focus, so an
    // embedded widget never steals focus from the clinic's page on load.
    let acted = use_mut_ref(|| false);
    // The intake last adopted from another tab, or loaded, so that it is not written back
    // (two tabs on different screens would otherwise echo each other forever, and a tab
    // just opened would tell the others it had changed something).
    let adopted: Rc<RefCell<Option<Intake>>> = use_mut_ref({
        let intake = loaded.session.intake.clone();
        move || Some(intake)
    });
    // The intake last read from storage (at load, or from another tab): what an answer
    // given here is compared with, to tell it from the other tab's (Intake::merged).
    let synced: Rc<RefCell<Intake>> = use_mut_ref({
        let intake = loaded.session.intake.clone();
        move || intake
    });

    let show = {
        let notices = notices.dispatcher();
        Callback::from(move |notice: Notice| notices.dispatch(NoticeAction::Show(notice)))
    };
    let dismiss = {
        let notices = notices.dispatcher();
        Callback::from(move |kind: NoticeKind| notices.dispatch(NoticeAction::Dismiss(kind)))
    };

    // Fetch the chosen language's catalog when it is not at hand. If it cannot be had
    // (offline before it was ever cached, say), the language on screen stays (English at
    // first) and the person is told.
    {
        let (shown, lang_state, show, kept, wanted) =
            (shown.clone(), lang.clone(), show.clone(), kept.clone(), wanted.clone());
        let (catalogs, overrides) = (props.catalogs.clone(), props.config.texts.clone());
        use_effect_with(lang.get(), move |&lang| {
            let at_hand = kept.borrow().iter().find(|t| t.lang == lang).copied();
            if at_hand.is_some() {
                shown.set(at_hand);
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let text = catalogs.load(lang).await;
                let still_wanted = *wanted.borrow() == lang;
                match text.and_then(|text| Catalog::parse_over(&text, Catalog::english()).ok()) {
                    Some(catalog) => {
                        let texts = Texts::keep(lang, catalog, &overrides);
                        kept.borrow_mut().push(texts);
                        if still_wanted {
                            shown.set(Some(texts));
                        }
                    }
                    None if !still_wanted => {}
                    None => {
                        let fallback = shown.get().unwrap_or_else(|| kept.borrow()[0]);
                        shown.set(Some(fallback));
                        *wanted.borrow_mut() = fallback.lang;
                        lang_state.set(fallback.lang);
                        show.emit(Notice::of(NoticeKind::LangUnavailable));
                    }
                }
            });
        });
    }
    let texts = shown.get().unwrap_or_else(Texts::english);
    let on_lang = {
        let (lang, store, acted, wanted) = (lang.clone(), store.clone(), acted.clone(), wanted.clone());
        Callback::from(move |chosen: Lang| {
            *acted.borrow_mut() = true;
            *wanted.borrow_mut() = chosen;
            // Not remembering the choice (blocked storage) only costs choosing again.
            let _ = store.save_lang(chosen);
            lang.set(chosen);
        })
    };

    // A link that cannot be opened says why, in the language on screen, and the person's
    // own session stays.
    {
        let show = show.clone();
        use_effect_with((shared.borrow().error(), *pasted.borrow(), texts), move |(code, _, texts)| {
            if let Some(code) = code {
                let detail = texts.t(&format!("share_error.{code}")).to_owned();
                show.emit(Notice { kind: NoticeKind::ShareInvalid, detail: Some(detail) });
            }
        });
    }

    // Save every change. While the store is full the footer says the answers are not
    // saved, and once saving works again the "full" alert goes. (The footer reads `full`;
    // it changes only with a notice, which renders again.)
    let full = use_mut_ref(|| false);
    {
        let (store, show, dismiss, adopted, full) =
            (store.clone(), show.clone(), dismiss.clone(), adopted.clone(), full.clone());
        use_effect_with(state.0.clone(), move |session| {
            let echo = adopted.borrow_mut().take_if(|intake| *intake == session.intake).is_some();
            if !echo {
                match store.save(session) {
                    Err(StoreError::Full) => {
                        *full.borrow_mut() = true;
                        show.emit(Notice::of(NoticeKind::StorageFull));
                    }
                    Ok(()) if full.replace(false) => dismiss.emit(NoticeKind::StorageFull),
                    _ => {}
                }
            }
        });
    }

    // Follow other tabs, and a share link pasted into this tab, which opens like one
    // followed from elsewhere. (One effect for both: the storage key of a mounted widget
    // never changes.)
    {
        let dispatcher = state.dispatcher();
        let show = show.clone();
        let (adopted, synced, store) = (adopted.clone(), synced.clone(), store.clone());
        let (shared, pasted) = (shared.clone(), pasted.clone());
        let key = props.config.storage_key.clone();
        use_effect_with((), move |_| {
            let pasted = page::listen_to_fragment(move || {
                *pasted.borrow_mut() += 1;
                shared.set(Shared::from_fragment(&page::fragment()))
            });
            let listener = browser::listen_to_other_tabs(key, move |value| {
                // Unreadable data from another tab is that tab's to report. Everything
                // deleted there (no value): deleted here too.
                let Some((other, saw_ours)) = value.map_or(Some((Session::new(), true)), |text| store.receive(&text))
                else {
                    return;
                };
                // What storage holds now: the base of the next merge, and no echo to write.
                let base = synced.replace(other.intake.clone());
                *adopted.borrow_mut() = Some(other.intake.clone());
                dispatcher.dispatch(if saw_ours {
                    Action::AdoptFromOtherTab(Box::new(other))
                } else {
                    // Answers given here meanwhile are merged in, and the merge written back.
                    Action::MergeFromOtherTab(Box::new(other.intake), Box::new(base))
                });
                show.emit(Notice::of(NoticeKind::OtherTab));
            });
            move || drop((listener, pasted))
        });
    }

    // Each new screen's heading takes the focus once the person has acted, so keyboard
    // and screen-reader users start at its top.
    let root = use_mut_ref(NodeRef::default).borrow().clone();
    {
        let (root, acted) = (root.clone(), acted.clone());
        use_effect_with((state.0.screen, shared.borrow().kind()), move |_| {
            let heading = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("[data-focus-heading]").ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let (true, Some(heading)) = (*acted.borrow(), heading) {
                // Focus can be refused; the new screen is shown all the same.
                let _ = heading.focus();
            }
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
        let notices = notices.dispatcher();
        let acted = acted.clone();
        Callback::from(move |()| {
            *acted.borrow_mut() = true;
            // A blocked store has nothing to delete; the in-memory session is reset below.
            let _ = store.clear();
            notices.dispatch(NoticeAction::Keep(&[NoticeKind::StorageUnavailable]));
            notices.dispatch(NoticeAction::Show(Notice::of(NoticeKind::Cleared)));
            dispatcher.dispatch(Action::Reset);
        })
    };
    // Replaces the person's answers: at once when they have none, else after they confirm.
    let on_replace = {
        let dispatcher = state.dispatcher();
        let pending = pending.clone();
        let shared = shared.clone();
        let show = show.clone();
        let has_progress = state.0.has_progress();
        let acted = acted.clone();
        Callback::from(move |(replacement, confirmed): (Replacement, bool)| {
            *acted.borrow_mut() = true;
            if has_progress && !confirmed {
                pending.set(Some(replacement));
                return;
            }
            pending.set(None);
            let Replacement { intake, format, kind } = replacement;
            if kind == NoticeKind::SharedSaved {
                page::clear_fragment();
                shared.set(Shared::None);
            }
            let new_questions = !intake.added_since(format).is_empty();
            dispatcher.dispatch(Action::Replace(Box::new((*intake).clone()), format));
            show.emit(Notice::of(kind));
            if new_questions {
                show.emit(Notice::of(NoticeKind::NewQuestions));
            }
        })
    };
    let on_import = {
        let on_replace = on_replace.clone();
        let show = show.clone();
        Callback::from(move |result: Result<(Intake, u64), String>| match result {
            Ok((intake, format)) => {
                on_replace.emit((Replacement { intake: Rc::new(intake), format, kind: NoticeKind::Imported }, false))
            }
            Err(problem) => show.emit(Notice { kind: NoticeKind::ImportRefused, detail: Some(problem) }),
        })
    };
    let on_print = Callback::from(|()| browser::print());

    let session = &state.0;
    // Assessed only for the results screen: every other screen (the first paint above all)
    // is drawn without the cost.
    let on_results = session.screen == Screen::Results;
    let assessment: Rc<Option<Rc<Assessment>>> =
        use_memo((session.intake.clone(), on_results), |(intake, on_results)| {
            on_results.then(|| Rc::new(assess(&intake.answers, &intake.checkins)))
        });
    let shared_open = !matches!(*shared.borrow(), Shared::None | Shared::Failed(_));
    let emergency = session.is_emergency() && session.screen != Screen::Results && !shared_open;

    // What the footer says about saving: blocked storage, data kept safe by not saving,
    // a full store, or saved.
    let footer_note = match (store.is_blocked(), store.is_available(), *full.borrow()) {
        (true, _, _) => ui!("ui.footer.memory_only"),
        (false, false, _) => ui!("ui.footer.protecting"),
        (false, true, true) => ui!("ui.footer.full"),
        (false, true, false) => ui!("ui.footer.private"),
    };
    let body = if shared_open {
        // Unlocking is acting: the opened result's heading takes the focus, and the
        // earlier "wrong passphrase" alert goes.
        let on_shared = {
            let (shared, acted, dismiss) = (shared.clone(), acted.clone(), dismiss.clone());
            Callback::from(move |next: Shared| {
                *acted.borrow_mut() = true;
                if let Shared::Open(..) = next {
                    dismiss.emit(NoticeKind::ShareWrongPassphrase);
                }
                shared.set(next)
            })
        };
        let on_save = on_replace
            .reform(|(intake, format)| (Replacement { intake, format, kind: NoticeKind::SharedSaved }, false));
        let on_wrong_passphrase = show.reform(|()| Notice::of(NoticeKind::ShareWrongPassphrase));
        shared_view(
            &texts,
            &shared.borrow(),
            SharedCallbacks {
                on_shared: &on_shared,
                on_save: &on_save,
                on_wrong_passphrase: &on_wrong_passphrase,
                on_print: &on_print,
                busy: &unlocking,
                config: &props.config,
            },
        )
    } else {
        match session.screen {
            Screen::Welcome => welcome(
                &texts,
                session.has_progress(),
                &on_action,
                (confirming_clear.get(), &ask_clear, &on_clear),
                &on_import,
            ),
            Screen::Step(step) => html! {
                <>
                    { progress_bar(&texts, step, &session.reachable_steps(), session.percent_complete(), &on_action) }
                    { step_view(&texts, step, &session.intake.answers, &session.unanswered, &on_action) }
                </>
            },
            // The memo holds an assessment whenever the screen is the results.
            Screen::Results => (*assessment).clone().map_or_else(Html::default, |assessment| {
                html! {
                    <Results {assessment} intake={Rc::new(session.intake.clone())}
                             on_action={on_action.clone()} on_print={on_print} config={props.config.clone()} />
                }
            }),
        }
    };
    let confirm = pending.borrow().as_ref().map(|replacement| {
        let replacement = replacement.clone();
        let yes = on_replace.reform(move |_: MouseEvent| (replacement.clone(), true));
        let pending = pending.clone();
        let no = Callback::from(move |_: MouseEvent| pending.set(None));
        confirm_dialog(
            &texts,
            ("bpi-replace-text", ui!("ui.replace.question"), ui!("ui.replace.confirm"), ui!("ui.replace.cancel")),
            ("replace-confirm", "replace-cancel"),
            yes,
            no,
        )
    });

    if shown.get().is_none() {
        // The first language other than English is on its way: nothing to read yet.
        return html! { <div class="bpi-app" aria-busy="true"></div> };
    }
    html! {
        <ContextProvider<Texts> context={texts}>
            <div class="bpi-app" lang={texts.lang.code()} ref={root}>
                { lang_switcher(&texts, lang.get(), &on_lang) }
                { notice_list(&texts, &notices.0, &dismiss) }
                { confirm }
                if emergency {
                    { emergency_panel(&texts, props.config.emergency_number.as_deref(),
                                      session.screen != Screen::Step(StepId::Preferences), &on_action) }
                }
                { body }
                <footer class="bpi-footer">
                    <p class="bpi-privacy">{ texts.ui(footer_note) }</p>
                    if !shared_open {
                        <div class="bpi-actions">
                            // The welcome screen has its own "open a file" and "start over".
                            if session.screen != Screen::Welcome {
                                { import_button(&texts, &on_import) }
                                if session.has_progress() {
                                    { clear_data(&texts, ui!("ui.clear.button"), confirming_clear.get(), &ask_clear, &on_clear) }
                                }
                            }
                        </div>
                    }
                </footer>
            </div>
        </ContextProvider<Texts>>
    }
}
