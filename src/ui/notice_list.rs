//! Notices to the person: what happened to their data, and anything they must know.
//!
//! Each carries `role="alert"` (a problem) or `role="status"` (information) and
//! `data-notice="<kind>"`, the hooks the end-to-end tests wait on.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::text::share_error_key;
use crate::domain::widget::{Detail, Event, Notice};

/// The notices, newest last, each dismissible.
pub(super) fn notice_list(texts: &Texts, notices: &[Notice], dispatch: &Callback<Event>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="bpi-notices">
            { for notices.iter().map(|notice| {
                let kind = notice.kind;
                let dismiss = dispatch.reform(move |_: MouseEvent| Event::Dismiss(kind));
                let role = if kind.is_alert() { "alert" } else { "status" };
                html! {
                    <div class={["bpi-notice bpi-notice--", role].concat()} {role} data-notice={kind.as_str()}>
                        <p>{ texts.ui(kind.text_key()) }</p>
                        if let Some(detail) = &notice.detail {
                            <p class="bpi-notice-detail">{ match detail {
                                Detail::Link(code) => texts.lookup(&share_error_key(*code)),
                                Detail::Said(said) => said.as_str(),
                            } }</p>
                        }
                        <button type="button" class="bpi-link" onclick={dismiss}
                                aria-label={texts.ui(ui!("ui.notice.dismiss_label"))}>
                            { texts.ui(ui!("ui.notice.dismiss")) }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
