//! A result opened from a share link: read-only, and apart from the person's own saved
//! session, which it never touches unless they choose "save this to my device".

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::results::Results;
use super::state::Value;
use super::texts::Texts;
use crate::browser::{crypto, page};
use crate::domain::embed::EmbedConfig;
use crate::domain::share::{self, Opened, Sealed};
use crate::domain::text::UiKey;
use crate::domain::{assess, Intake};

/// What the address's share link holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// No share link.
    None,
    /// A result, opened, with the answer format of its link (the link's version).
    Open(Rc<Intake>, u64),
    /// A protected result, waiting for its passphrase.
    Locked(Rc<Sealed>),
    /// A link that cannot be opened; the code of its [`share::ShareError`].
    Failed(&'static str),
}

impl Shared {
    /// Reads the link in a location fragment.
    pub fn from_fragment(fragment: &str) -> Shared {
        let payload = share::payload_of_fragment(fragment);
        let version = payload.and_then(share::payload_version).map_or(0, u64::from);
        match payload.map(share::decode) {
            None => Shared::None,
            Some(Ok(Opened::Plain(intake))) => Shared::Open(Rc::new(*intake), version),
            Some(Ok(Opened::Sealed(sealed))) => Shared::Locked(Rc::new(sealed)),
            Some(Err(error)) => Shared::Failed(error.code()),
        }
    }

    /// Which state this is, for effects that follow changes of state.
    pub fn kind(&self) -> u8 {
        match self {
            Shared::None => 0,
            Shared::Open(..) => 1,
            Shared::Locked(_) => 2,
            Shared::Failed(_) => 3,
        }
    }

    /// The code of the problem, when the link cannot be opened.
    pub fn error(&self) -> Option<&'static str> {
        match self {
            Shared::Failed(code) => Some(code),
            _ => None,
        }
    }
}

/// What the shared view can ask of the widget.
pub(super) struct SharedCallbacks<'a> {
    /// Moves to another state (opened, or none after "start my own").
    pub on_shared: &'a Callback<Shared>,
    /// "Save this to my device".
    /// "Save this to my device", with the answer format of the link.
    pub on_save: &'a Callback<(Rc<Intake>, u64)>,
    pub on_wrong_passphrase: &'a Callback<()>,
    pub on_print: &'a Callback<()>,
    /// Whether a passphrase is being tried, and how to say so.
    pub busy: &'a Value<bool>,
    /// The clinic's configuration (the emergency number in the triage).
    pub config: &'a Rc<EmbedConfig>,
}

/// The shared view's heading (`bpi-shared-title`, focused on arrival) and first paragraph,
/// and a note (`data-notice="new-questions"`) when `note` is given.
fn heading(texts: &Texts, title: UiKey, body: UiKey, note: Option<UiKey>) -> Html {
    let mut m = Markup::new();
    m.element("h2", &[("id", "bpi-shared-title"), ("tabindex", "-1"), ("data-focus-heading", "")], texts.ui(title));
    m.element("p", &[], texts.ui(body));
    if let Some(note) = note {
        m.element("p", &[("role", "status"), ("data-notice", "new-questions"), ("class", "bpi-note")], texts.ui(note));
    }
    into_html(m)
}

/// A `<label>` for the input with this id.
pub(super) fn label(texts: &Texts, input_id: &'static str, text: UiKey) -> Html {
    let mut m = Markup::new();
    m.element("label", &[("for", input_id)], texts.ui(text));
    into_html(m)
}

/// A shared result with "save this to my device" (`data-action="save-shared"`) and "start
/// my own" (`data-action="start-own"`), or the passphrase form (`data-action="unlock"`).
pub(super) fn shared_view(texts: &Texts, shared: &Shared, callbacks: SharedCallbacks) -> Html {
    let start_own = callbacks.on_shared.reform(|_: MouseEvent| {
        page::clear_fragment();
        Shared::None
    });
    let start_own_button = html! {
        <button type="button" class="bpi-button" data-action="start-own" onclick={start_own}>
            { texts.ui(ui!("ui.shared.start_own")) }
        </button>
    };
    match shared {
        Shared::Locked(sealed) => {
            let busy = callbacks.busy.clone();
            let unlock = {
                let (sealed, busy) = (sealed.clone(), busy.clone());
                let (on_shared, on_wrong) = (callbacks.on_shared.clone(), callbacks.on_wrong_passphrase.clone());
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let form = event.target_dyn_into::<web_sys::Element>();
                    let secret = form
                        .and_then(|f| {
                            crate::ui::find_near::<web_sys::HtmlInputElement>(&f, "form", "#bpi-unlock-passphrase")
                        })
                        .map(|i| i.value())
                        .unwrap_or_default();
                    busy.set(true);
                    let (sealed, busy, on_shared, on_wrong) =
                        (sealed.clone(), busy.clone(), on_shared.clone(), on_wrong.clone());
                    spawn_local(async move {
                        match crypto::open(&sealed, &secret).await {
                            Ok(intake) => on_shared
                                .emit(Shared::Open(Rc::new(intake), u64::from(share::version_of(sealed.header)))),
                            Err(_) => on_wrong.emit(()),
                        }
                        busy.set(false);
                    });
                })
            };
            html! {
                <section class="bpi-panel bpi-shared" data-shared="locked" aria-labelledby="bpi-shared-title">
                    { heading(texts, ui!("ui.shared.locked_title"), ui!("ui.shared.locked_body"), None) }
                    <form onsubmit={unlock}>
                        { label(texts, "bpi-unlock-passphrase", ui!("ui.shared.passphrase")) }
                        <input id="bpi-unlock-passphrase" type="password" autocomplete="off" />
                        <button type="submit" class="bpi-button bpi-button--primary" data-action="unlock" disabled={busy.get()}>
                            { texts.ui(if busy.get() { ui!("ui.shared.unlocking") } else { ui!("ui.shared.unlock") }) }
                        </button>
                    </form>
                    { start_own_button }
                </section>
            }
        }
        Shared::Open(intake, format) => {
            let assessment = Rc::new(assess(&intake.answers, &intake.checkins));
            let save = callbacks.on_save.reform({
                let (intake, format) = (intake.clone(), *format);
                move |_: MouseEvent| (intake.clone(), format)
            });
            // A link made before the latest safety questions: the triage lists them as
            // missing, and this says why.
            let new_questions = (!intake.added_since(*format).is_empty()).then_some(ui!("ui.notice.new_questions"));
            html! {
                <div class="bpi-shared" data-shared="open">
                    <section class="bpi-panel bpi-shared-banner" aria-labelledby="bpi-shared-title">
                        { heading(texts, ui!("ui.shared.title"), ui!("ui.shared.body"), new_questions) }
                        <div class="bpi-actions">
                            <button type="button" class="bpi-button bpi-button--primary" data-action="save-shared" onclick={save}>
                                { texts.ui(ui!("ui.shared.save")) }
                            </button>
                            { start_own_button }
                        </div>
                    </section>
                    <Results {assessment} intake={intake.clone()} on_action={Callback::noop()} config={callbacks.config.clone()}
                             on_print={callbacks.on_print.clone()} read_only={true} />
                </div>
            }
        }
        Shared::None | Shared::Failed(_) => html! {},
    }
}
