//! Notices to the person: what happened to their data, and anything they must know.
//!
//! Each carries `role="alert"` (a problem) or `role="status"` (information) and
//! `data-notice="<kind>"`, the hooks the end-to-end tests wait on.

use yew::prelude::*;

use super::texts::Texts;
use crate::domain::text::UiKey;

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
    /// A share link that cannot be opened; the detail says why.
    ShareInvalid,
    /// The passphrase does not open a protected link.
    ShareWrongPassphrase,
    /// A shared result was saved as the person's own answers.
    SharedSaved,
    /// An answer file was refused; the detail says why.
    ImportRefused,
    /// An answer file was read.
    Imported,
    /// The chosen language's catalog could not be fetched; English stays.
    LangUnavailable,
    /// Answers saved, shared or exported before the latest safety questions were added:
    /// the questions to answer are listed on the step (or, for a shared result, in the
    /// triage).
    NewQuestions,
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
            NoticeKind::ShareInvalid => "share-invalid",
            NoticeKind::ShareWrongPassphrase => "share-wrong-passphrase",
            NoticeKind::SharedSaved => "shared-saved",
            NoticeKind::ImportRefused => "import-refused",
            NoticeKind::Imported => "imported",
            NoticeKind::LangUnavailable => "lang-unavailable",
            NoticeKind::NewQuestions => "new-questions",
        }
    }

    /// Problems are alerts; the rest are status messages.
    pub fn role(self) -> &'static str {
        match self {
            NoticeKind::Restored
            | NoticeKind::Cleared
            | NoticeKind::OtherTab
            | NoticeKind::SharedSaved
            | NoticeKind::Imported
            | NoticeKind::NewQuestions => "status",
            _ => "alert",
        }
    }

    fn text_key(self) -> UiKey {
        match self {
            NoticeKind::Restored => ui!("ui.notice.restored"),
            NoticeKind::StorageUnavailable => ui!("ui.notice.storage_unavailable"),
            NoticeKind::StorageFull => ui!("ui.notice.storage_full"),
            NoticeKind::StorageCorrupt => ui!("ui.notice.storage_corrupt"),
            NoticeKind::StorageKeptUnreadable => ui!("ui.notice.storage_kept_unreadable"),
            NoticeKind::Cleared => ui!("ui.notice.cleared"),
            NoticeKind::OtherTab => ui!("ui.notice.other_tab"),
            NoticeKind::ShareInvalid => ui!("ui.notice.share_invalid"),
            NoticeKind::ShareWrongPassphrase => ui!("ui.notice.share_wrong_passphrase"),
            NoticeKind::LangUnavailable => ui!("ui.notice.lang_unavailable"),
            NoticeKind::SharedSaved => ui!("ui.notice.shared_saved"),
            NoticeKind::ImportRefused => ui!("ui.notice.import_refused"),
            NoticeKind::Imported => ui!("ui.notice.imported"),
            NoticeKind::NewQuestions => ui!("ui.notice.new_questions"),
        }
    }
}

/// One notice on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The exact problem, for notices about input from outside (a link, a file).
    pub detail: Option<String>,
}

impl Notice {
    /// A notice with no detail.
    pub fn of(kind: NoticeKind) -> Notice {
        Notice { kind, detail: None }
    }
}

/// The notices, newest last, each dismissible.
pub(super) fn notice_list(texts: &Texts, notices: &[Notice], on_dismiss: &Callback<NoticeKind>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="bpi-notices">
            { for notices.iter().map(|notice| {
                let kind = notice.kind;
                let dismiss = on_dismiss.reform(move |_: MouseEvent| kind);
                html! {
                    <div class={format!("bpi-notice bpi-notice--{}", kind.role())}
                         role={kind.role()} data-notice={kind.as_str()}>
                        <p>{ texts.ui(kind.text_key()) }</p>
                        if let Some(detail) = &notice.detail {
                            <p class="bpi-notice-detail">{ detail }</p>
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
