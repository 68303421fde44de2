//! A result opened from a share link: read-only, and apart from the person's own saved
//! session, which it never touches unless they choose "save this to my device".

use std::rc::Rc;

use yew::html::onsubmit;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::markup::{into_html, Markup, Write};
use super::results::Results;
use super::texts::Texts;
use crate::browser::crypto;
use crate::domain::assess;
use crate::domain::embed::EmbedConfig;
use crate::domain::share;
use crate::domain::widget::{Event, Shared};
use crate::view::screens::shared_heading;

/// What the shared view needs from the widget.
pub(super) struct SharedProps<'a> {
    pub dispatch: &'a Callback<Event>,
    /// Which results sections are open.
    pub open: crate::domain::sections::OpenSections,
    pub on_print: &'a Callback<()>,
    /// Whether a passphrase is being tried.
    pub unlocking: bool,
    /// The clinic's configuration (the emergency number in the triage).
    pub config: &'a Rc<EmbedConfig>,
}

/// A `<label>` for the input with this id.
pub(super) fn label(texts: &Texts, input_id: &'static str, text: crate::domain::text::UiKey) -> Html {
    let mut m = Markup::new();
    m.element("label", &[("for", input_id)], texts.ui(text));
    into_html(m)
}

/// A shared result with "save this to my device" (`data-action="save-shared"`) and "start
/// my own" (`data-action="start-own"`), or the passphrase form (`data-action="unlock"`).
pub(super) fn shared_view(texts: &Texts, shared: &Shared, props: SharedProps) -> Html {
    let start_own = props.dispatch.reform(|_: MouseEvent| Event::StartOwn);
    let start_own_button = |m: &mut Markup| {
        m.open("button", &[("type", "button"), ("class", "bpi-button"), ("data-action", "start-own")]);
        m.on_click(start_own.clone()).text(texts.ui(ui!("ui.shared.start_own"))).close("button");
    };
    match shared {
        Shared::Locked(sealed) => {
            let busy = props.unlocking;
            let unlock = {
                let (sealed, dispatch) = (sealed.clone(), props.dispatch.clone());
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let form = event.target_dyn_into::<web_sys::Element>();
                    let secret = form
                        .and_then(|f| {
                            crate::ui::find_near::<web_sys::HtmlInputElement>(&f, "form", "#bpi-unlock-passphrase")
                        })
                        .map(|i| i.value())
                        .unwrap_or_default();
                    dispatch.emit(Event::Unlocking);
                    let (sealed, dispatch) = (sealed.clone(), dispatch.clone());
                    spawn_local(async move {
                        dispatch.emit(match crypto::open(&sealed, &secret).await {
                            Ok(intake) => Event::Unlocked(intake, u64::from(share::version_of(sealed.header))),
                            Err(_) => Event::WrongPassphrase,
                        });
                    });
                })
            };
            let mut m = Markup::new();
            let section =
                [("class", "bpi-panel bpi-shared"), ("data-shared", "locked"), ("aria-labelledby", "bpi-shared-title")];
            m.open("section", &section);
            shared_heading(&mut m, texts, ui!("ui.shared.locked_title"), ui!("ui.shared.locked_body"), None);
            m.open("form", &[]).listen(onsubmit::Wrapper::new(unlock));
            m.element("label", &[("for", "bpi-unlock-passphrase")], texts.ui(ui!("ui.shared.passphrase")));
            m.open("input", &[("id", "bpi-unlock-passphrase"), ("type", "password"), ("autocomplete", "off")]);
            m.close("input");
            let label = texts.ui(if busy { ui!("ui.shared.unlocking") } else { ui!("ui.shared.unlock") });
            let button = [
                ("type", "submit"),
                ("class", "bpi-button bpi-button--primary"),
                ("data-action", "unlock"),
                (if busy { "disabled" } else { "" }, ""),
            ];
            m.element("button", &button, label).close("form");
            start_own_button(&mut m);
            m.close("section");
            into_html(m)
        }
        Shared::Open(intake, format) => {
            let assessment = Rc::new(assess(&intake.answers, &intake.checkins));
            let save = props.dispatch.reform(|_: MouseEvent| Event::SaveShared);
            // A link made before the latest safety questions: the triage lists them as
            // missing, and this says why.
            let new_questions = (!intake.added_since(*format).is_empty()).then_some(ui!("ui.notice.new_questions"));
            // Someone else's result takes no action on the person's own intake: only its
            // sections open and close.
            let dispatch = props.dispatch.clone();
            let open_sections = Callback::from(move |event| {
                if let Event::OpenSection(..) = event {
                    dispatch.emit(event);
                }
            });
            let mut m = Markup::new();
            m.open("div", &[("class", "bpi-shared"), ("data-shared", "open")]);
            m.open("section", &[("class", "bpi-panel bpi-shared-banner"), ("aria-labelledby", "bpi-shared-title")]);
            shared_heading(&mut m, texts, ui!("ui.shared.title"), ui!("ui.shared.body"), new_questions);
            m.open("div", &[("class", "bpi-actions")]);
            let button =
                [("type", "button"), ("class", "bpi-button bpi-button--primary"), ("data-action", "save-shared")];
            m.open("button", &button).on_click(save).text(texts.ui(ui!("ui.shared.save"))).close("button");
            start_own_button(&mut m);
            m.close("div").close("section");
            m.child(html! {
                <Results {assessment} intake={intake.clone()} on_event={open_sections} config={props.config.clone()}
                         on_print={props.on_print.clone()} open={props.open} read_only={true} />
            });
            m.close("div");
            into_html(m)
        }
        Shared::None | Shared::Failed(_) => html! {},
    }
}
