//! Notices to the person: what happened to their data, and anything they must know.
//!
//! Each carries `role="alert"` (a problem) or `role="status"` (information) and
//! `data-notice="<kind>"`, the hooks the end-to-end tests wait on.

use yew::prelude::*;

use super::texts::use_texts;

/// Every kind of notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// Answers from an earlier visit were restored.
    Restored,
    /// Storage is blocked: this visit's answers stay in memory only.
    StorageUnavailable,
    /// Storage is full: the latest answers could not be saved.
    StorageFull,
    /// Unreadable saved data was moved to a backup key.
    StorageCorrupt,
    /// Unreadable saved data could not be moved aside, so nothing is saved this visit.
    StorageKeptUnreadable,
    /// Everything was deleted.
    Cleared,
    /// Another tab changed or deleted the answers.
    OtherTab,
}

impl NoticeKind {
    /// The `data-notice` value.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Restored => "restored",
            NoticeKind::StorageUnavailable => "storage-unavailable",
            NoticeKind::StorageFull => "storage-full",
            NoticeKind::StorageCorrupt => "storage-corrupt",
            NoticeKind::StorageKeptUnreadable => "storage-kept-unreadable",
            NoticeKind::Cleared => "cleared",
            NoticeKind::OtherTab => "other-tab",
        }
    }

    /// Problems are alerts; the rest are status messages.
    pub fn role(self) -> &'static str {
        match self {
            NoticeKind::Restored | NoticeKind::Cleared | NoticeKind::OtherTab => "status",
            _ => "alert",
        }
    }

    fn text_key(self) -> &'static str {
        match self {
            NoticeKind::Restored => "ui.notice.restored",
            NoticeKind::StorageUnavailable => "ui.notice.storage_unavailable",
            NoticeKind::StorageFull => "ui.notice.storage_full",
            NoticeKind::StorageCorrupt => "ui.notice.storage_corrupt",
            NoticeKind::StorageKeptUnreadable => "ui.notice.storage_kept_unreadable",
            NoticeKind::Cleared => "ui.notice.cleared",
            NoticeKind::OtherTab => "ui.notice.other_tab",
        }
    }
}

/// One notice on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
}

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<NoticeKind>,
}

/// The notices, newest last, each dismissible.
#[component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    let texts = use_texts();
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="bpi-notices">
            { for props.notices.iter().map(|notice| {
                let kind = notice.kind;
                let dismiss = props.on_dismiss.reform(move |_: MouseEvent| kind);
                html! {
                    <div class={classes!("bpi-notice", format!("bpi-notice--{}", kind.role()))}
                         role={kind.role()} data-notice={kind.as_str()}>
                        <p>{ texts.t(kind.text_key()) }</p>
                        <button type="button" class="bpi-link" onclick={dismiss}
                                aria-label={texts.t("ui.notice.dismiss_label")}>
                            { texts.t("ui.notice.dismiss") }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
