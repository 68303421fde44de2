//! The clinician page's state (`domain::inbox`), natively: links and files open into a
//! list in triage order, the same intake is never listed twice, and whatever cannot be
//! opened is said by name and changes nothing else.

use backpain_intake::domain::inbox::{FileProblem, Inbox, InboxEvent, Problem, MAX_FILES};
use backpain_intake::domain::share::ShareErrorCode;
use backpain_intake::domain::{Intake, Triage};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn file(name: &str) -> (String, Result<String, FileProblem>) {
    (name.to_owned(), Ok(fixture(name)))
}

fn triage_order(inbox: &Inbox) -> Vec<Triage> {
    inbox.by_triage().into_iter().map(|i| inbox.opened()[i].assessment.triage).collect()
}

#[test]
fn files_open_into_a_list_most_serious_first_and_the_last_is_shown() {
    let mut inbox = Inbox::new();
    inbox.apply(InboxEvent::Files(vec![file("clear.json"), file("emergency.json"), file("caution.json")]));
    assert_eq!(triage_order(&inbox), [Triage::Emergency, Triage::Caution, Triage::Clear]);
    let (index, shown) = inbox.selected().expect("one is shown");
    assert_eq!((index, shown.source.as_str(), shown.format), (2, "caution.json", 2));
    inbox.apply(InboxEvent::Select(1));
    assert_eq!(inbox.selected().map(|(_, o)| o.assessment.triage), Some(Triage::Emergency));
    inbox.apply(InboxEvent::Select(7));
    assert_eq!(inbox.selected().map(|(i, _)| i), Some(1), "a position out of range changes nothing");
    assert!(inbox.problems().is_empty());
}

#[test]
fn the_same_intake_twice_is_listed_once_and_shown() {
    let mut inbox = Inbox::new();
    inbox.apply(InboxEvent::Files(vec![file("clear.json"), file("caution.json")]));
    inbox.apply(InboxEvent::Files(vec![("again.json".to_owned(), Ok(fixture("clear.json")))]));
    assert_eq!(inbox.opened().len(), 2);
    assert_eq!(inbox.selected().map(|(i, _)| i), Some(0));
}

#[test]
fn a_file_that_cannot_be_opened_is_named_and_the_others_open() {
    let mut inbox = Inbox::new();
    inbox.apply(InboxEvent::Files(vec![
        ("notes.txt".to_owned(), Ok("not json".to_owned())),
        ("big.json".to_owned(), Err(FileProblem::TooLarge)),
        file("caution.json"),
    ]));
    assert_eq!(inbox.opened().len(), 1);
    match inbox.problems() {
        [Problem::File(first, FileProblem::NotAnswers(_)), Problem::File(second, FileProblem::TooLarge)] => {
            assert_eq!((first.as_str(), second.as_str()), ("notes.txt", "big.json"));
        }
        other => panic!("{other:?}"),
    }
    inbox.apply(InboxEvent::DismissProblems);
    assert!(inbox.problems().is_empty());
}

#[test]
fn past_the_limit_files_are_refused_by_name() {
    let mut inbox = Inbox::new();
    let files = (0..=MAX_FILES).map(|i| (format!("{i}.json"), Ok(fixture("clear.json")))).collect();
    inbox.apply(InboxEvent::Files(files));
    assert_eq!(inbox.problems(), [Problem::File(format!("{MAX_FILES}.json"), FileProblem::TooMany)]);
}

#[test]
fn a_link_opens_a_damaged_one_says_why_and_a_protected_one_waits_for_its_passphrase() {
    let mut inbox = Inbox::new();
    inbox.apply(InboxEvent::Link(String::new()));
    assert!(inbox.opened().is_empty() && inbox.problems().is_empty(), "no link, nothing to say");
    inbox.apply(InboxEvent::Link(fixture("share-v1-caution.txt").trim().to_owned()));
    let (_, opened) = inbox.selected().expect("opened");
    assert_eq!((opened.source.as_str(), opened.format), ("", 1));

    let mut damaged = fixture("share-v1-clear.txt").trim().to_owned();
    damaged.truncate(damaged.len() - 3);
    inbox.apply(InboxEvent::Link(damaged));
    assert_eq!(inbox.problems(), [Problem::Link(ShareErrorCode::Damaged)]);

    inbox.apply(InboxEvent::Link(fixture("share-v1-caution-sealed.txt").trim().to_owned()));
    assert!(inbox.locked().is_some());
    inbox.apply(InboxEvent::WrongPassphrase);
    assert_eq!(inbox.problems().last(), Some(&Problem::Link(ShareErrorCode::WrongPassphrase)));
    let emergency = Intake::from_json(&fixture("emergency.json")).expect("a fixture");
    inbox.apply(InboxEvent::Unlocked(Box::new(emergency.clone()), 1));
    assert!(inbox.locked().is_none());
    assert_eq!(triage_order(&inbox)[0], Triage::Emergency);
    let opened = inbox.opened().len();
    inbox.apply(InboxEvent::Unlocked(Box::new(emergency), 1));
    assert_eq!(inbox.opened().len(), opened, "no protected link waiting: nothing opens");
}
