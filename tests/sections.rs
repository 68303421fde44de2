//! The results' detail sections and the welcome back: defaults that keep safety on
//! screen, the kept choice and its format, and a returning person's quick check-in.

use std::rc::Rc;

use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::screening::Triage;
use backpain_intake::domain::sections::{welcome_back_first, OpenSections, Section};
use backpain_intake::domain::session::{Action, Screen};
use backpain_intake::domain::store::{Backend, MemoryBackend, SessionStore};
use backpain_intake::domain::widget::{Effect, Event, Widget};
use backpain_intake::domain::{assess, Intake};

const KEY: &str = "backpain-intake.v1";

fn open(backend: &Rc<MemoryBackend>) -> Widget {
    Widget::new(SessionStore::with_backend(KEY, backend.clone()), None, &[], "", 1_000).0
}

fn fixture_intake(name: &str) -> Intake {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Intake::from_json(&std::fs::read_to_string(&path).expect("a fixture")).expect("a valid fixture")
}

/// A person who finished the clear intake earlier: their results are saved.
fn returning_backend() -> Rc<MemoryBackend> {
    let backend = Rc::new(MemoryBackend::default());
    let mut first = open(&backend);
    first.apply(Event::Import(Ok((fixture_intake("clear.json"), 2))));
    first.apply(Event::Act(Action::ShowResults));
    assert_eq!(first.session().screen, Screen::Results);
    backend
}

#[test]
fn safety_details_start_open_when_there_is_something_to_tell_or_answer() {
    let none = OpenSections::default();
    for triage in [Triage::Caution, Triage::MedicalReview, Triage::Incomplete] {
        assert!(none.is_open(Section::Safety, triage), "{triage:?}");
    }
    // Clear has nothing to show; with an emergency or urgent triage the summary carries
    // the whole guidance first (view::overview).
    for triage in [Triage::Clear, Triage::Urgent, Triage::Emergency] {
        assert!(!none.is_open(Section::Safety, triage), "{triage:?}");
    }
    for section in &Section::ALL[1..] {
        assert!(!none.is_open(*section, Triage::Emergency), "{section:?}");
    }
    // Once chosen, the person's choice holds.
    let closed = none.set(Section::Safety, false);
    assert!(!closed.is_open(Section::Safety, Triage::Caution));
    assert!(closed.set(Section::Safety, true).is_open(Section::Safety, Triage::Clear));
}

#[test]
fn the_kept_choice_reads_back_and_nothing_else_is_a_choice() {
    let chosen =
        OpenSections::default().set(Section::Outlook, true).set(Section::Safety, false).set(Section::Share, true);
    assert_eq!(chosen.to_text(), "1:-safety,+outlook,+share");
    assert_eq!(OpenSections::parse(&chosen.to_text()), chosen);
    assert_eq!(OpenSections::parse("1:"), OpenSections::default());
    for other in
        ["", "2:+outlook", "+outlook", "1:outlook", "1:+nope,+", "{\"open\":[]}", "1:+outlook,+outlook,-outlook"]
    {
        let read = OpenSections::parse(other);
        assert!(!read.is_open(Section::Comparison, Triage::Clear), "{other}");
        assert!(read.is_open(Section::Safety, Triage::Caution), "{other}");
    }
    // Unknown sections are skipped; the known ones are kept.
    assert!(OpenSections::parse("1:+later_section,+plan").is_open(Section::Plan, Triage::Clear));
}

#[test]
fn open_sections_are_kept_across_reloads_and_cleared_with_the_data() {
    let backend = returning_backend();
    let mut widget = open(&backend);
    assert_eq!(widget.apply(Event::OpenSection(Section::Plan, true)), vec![]);
    assert_eq!(backend.get("backpain-intake.v1.open").expect("readable").as_deref(), Some("1:+plan"));
    let again = open(&backend);
    assert!(again.sections().is_open(Section::Plan, Triage::Clear));
    let mut widget = again;
    widget.apply(Event::Clear);
    assert_eq!(backend.get("backpain-intake.v1.open").expect("readable"), None);
    assert!(!widget.sections().is_open(Section::Plan, Triage::Clear));
}

#[test]
fn a_blocked_store_still_opens_sections_for_this_visit() {
    let mut widget = Widget::new(SessionStore::new(KEY, None), None, &[], "", 1_000).0;
    widget.apply(Event::OpenSection(Section::Outlook, true));
    assert!(widget.sections().is_open(Section::Outlook, Triage::Clear));
}

#[test]
fn a_returning_person_is_welcomed_back_and_a_check_in_moves_the_plan() {
    let backend = returning_backend();
    let mut widget = open(&backend);
    assert!(widget.welcomes_back());
    let before = assess(&widget.session().intake.answers, &widget.session().intake.checkins);
    // Much better since the intake (pain 4, worst 6): the plan moves to "as needed".
    let checkin =
        CheckIn { date: Date::parse("2026-11-20").expect("a day"), pain_now: 1, pain_worst_week: 2, sessions: 2 };
    widget.apply(Event::Act(Action::RecordCheckIn(checkin.clone())));
    assert!(widget.welcomes_back(), "the welcome back stays to show what the check-in changed");
    let after = assess(&widget.session().intake.answers, &widget.session().intake.checkins);
    assert_ne!(before.plan.frequency, after.plan.frequency);
    assert_eq!(widget.session().intake.checkins, vec![checkin]);
    // Moving on leaves it, and the results heading takes the focus.
    assert_eq!(widget.apply(Event::LeaveWelcomeBack), vec![Effect::FocusHeading]);
    assert!(!widget.welcomes_back());
}

#[test]
fn only_saved_results_welcome_a_person_back() {
    // A new person, and one who left off in the middle of the intake.
    let backend = Rc::new(MemoryBackend::default());
    let mut widget = open(&backend);
    assert!(!widget.welcomes_back());
    widget.apply(Event::Import(Ok((fixture_intake("clear.json"), 2))));
    widget.apply(Event::Act(Action::ShowResults));
    assert!(!widget.welcomes_back(), "results reached in this visit are not a return");
    widget.apply(Event::Act(Action::Back));
    assert!(!open(&backend).welcomes_back());
    // Any other action moves on from the welcome back.
    let mut back = open(&returning_backend());
    back.apply(Event::Act(Action::Back));
    assert!(!back.welcomes_back());
}

#[test]
fn the_welcome_back_never_stands_above_emergency_or_urgent_guidance() {
    for triage in [Triage::Clear, Triage::Caution, Triage::MedicalReview, Triage::Incomplete] {
        assert!(welcome_back_first(triage), "{triage:?}");
    }
    for triage in [Triage::Emergency, Triage::Urgent] {
        assert!(!welcome_back_first(triage), "{triage:?}");
    }
}
