//! The session state machine behind the widget's reducer.

mod common;

use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::choices::Experience;
use backpain_intake::domain::intake::{Answer, CodeSet, FORMAT};
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::questionnaire::StepId;
use backpain_intake::domain::session::{Action, SavedError, Screen, Session};
use backpain_intake::domain::Intake;
use serde_json::json;

fn at(screen: Screen, answers: serde_json::Value) -> Session {
    Session { intake: Intake { answers: common::only(answers), checkins: Vec::new() }, screen, unanswered: Vec::new() }
}

fn complete(screen: Screen) -> Session {
    Session {
        intake: Intake { answers: common::with(json!({})), checkins: Vec::new() },
        screen,
        unanswered: Vec::new(),
    }
}

#[test]
fn next_refuses_an_incomplete_step_and_lists_what_is_missing() {
    let session = at(Screen::Step(StepId::AboutYou), json!({"age": 40}));
    let after = session.apply(Action::Next);
    assert_eq!(after.screen, Screen::Step(StepId::AboutYou));
    assert_eq!(after.unanswered, [QuestionId::Pregnancy], "optional questions are not demanded");
    let answered = after.apply(Action::Answer(QuestionId::Pregnancy, Answer::One(0)));
    assert!(answered.unanswered.is_empty(), "answering clears the error");
    assert_eq!(answered.apply(Action::Next).screen, Screen::Step(StepId::YourPain));
}

#[test]
fn back_and_next_walk_the_steps() {
    let mut session = complete(Screen::Welcome).apply(Action::Start);
    assert_eq!(
        session.screen,
        Screen::Step(StepId::Preferences),
        "start resumes at the first incomplete step, else the last"
    );
    session = session.apply(Action::GoTo(StepId::AboutYou));
    let mut seen = vec![session.screen];
    while session.screen != Screen::Results {
        session = session.apply(Action::Next);
        seen.push(session.screen);
    }
    assert_eq!(seen.len(), 7);
    assert_eq!(session.apply(Action::Back).screen, Screen::Step(StepId::Preferences));
    assert_eq!(at(Screen::Step(StepId::AboutYou), json!({})).apply(Action::Back).screen, Screen::Welcome);
}

#[test]
fn steps_ahead_of_the_first_incomplete_one_are_out_of_reach() {
    let session = at(Screen::Step(StepId::AboutYou), json!({"age": 40, "pregnancy": "not_applicable"}));
    assert_eq!(session.reachable_steps(), [StepId::AboutYou, StepId::YourPain]);
    assert_eq!(session.apply(Action::GoTo(StepId::Outlook)).screen, Screen::Step(StepId::AboutYou));
    assert_eq!(session.apply(Action::GoTo(StepId::YourPain)).screen, Screen::Step(StepId::YourPain));
}

#[test]
fn results_need_a_complete_intake_unless_there_is_danger() {
    let partial = at(Screen::Step(StepId::SafetyCheck), json!({"age": 40}));
    assert_eq!(partial.apply(Action::ShowResults).screen, Screen::Step(StepId::SafetyCheck));
    let danger = partial.apply(Action::Answer(QuestionId::RfBladder, Answer::Bool(true)));
    assert!(danger.is_emergency());
    assert_eq!(danger.apply(Action::ShowResults).screen, Screen::Results);
    let urgent = partial.apply(Action::Answer(QuestionId::RfFever, Answer::Bool(true)));
    assert!(!urgent.is_emergency());
    assert_eq!(urgent.apply(Action::ShowResults).screen, Screen::Results);
    assert_eq!(complete(Screen::Step(StepId::Outlook)).apply(Action::ShowResults).screen, Screen::Results);
}

#[test]
fn a_hidden_question_loses_its_answer() {
    let liked = Answer::Many(CodeSet::from_positions([0]));
    let session = complete(Screen::Step(StepId::Preferences)).apply(Action::Answer(QuestionId::LikedTechniques, liked));
    assert!(session.intake.answers.is_answered(QuestionId::LikedTechniques));
    let none = Answer::One(Experience::None.index() as u8);
    let after = session.apply(Action::Answer(QuestionId::Experience, none));
    assert!(!after.intake.answers.is_answered(QuestionId::LikedTechniques));
}

#[test]
fn invalid_answers_change_nothing() {
    let session = at(Screen::Step(StepId::AboutYou), json!({"age": 40}));
    assert_eq!(session.apply(Action::Answer(QuestionId::Age, Answer::Integer(5))), session);
    assert_eq!(session.apply(Action::Answer(QuestionId::Age, Answer::Bool(true))), session);
}

#[test]
fn start_over_forgets_everything() {
    let session = complete(Screen::Results).apply(Action::StartOver);
    assert!(!session.has_progress());
    assert_eq!(session.screen, Screen::Step(StepId::AboutYou));
}

#[test]
fn checkins_are_kept_in_date_order() {
    let day = |d: u8, pain: u8| CheckIn {
        date: Date { year: 2026, month: 11, day: d },
        pain_now: pain,
        pain_worst_week: pain,
        sessions: 1,
    };
    let session =
        complete(Screen::Results).apply(Action::RecordCheckIn(day(20, 3))).apply(Action::RecordCheckIn(day(5, 5)));
    let days: Vec<u8> = session.intake.checkins.iter().map(|c| c.date.day).collect();
    assert_eq!(days, [5, 20]);
    assert_eq!(session.apply(Action::RemoveCheckIn(0)).intake.checkins.len(), 1);
    assert_eq!(session.apply(Action::RemoveCheckIn(9)).intake.checkins.len(), 2);
    assert_eq!(session.apply(Action::RecordCheckIn(day(1, 11))).intake.checkins.len(), 2, "out-of-range pain refused");
}

#[test]
fn a_saved_session_round_trips() {
    let session = complete(Screen::Step(StepId::Outlook));
    let text = session.to_saved_json();
    assert_eq!(Session::from_saved_json(&text), Ok(session));
}

/// Reads saved text and compares the outcome's shape.
#[track_caller]
fn check_saved(text: &str, expected: &str) {
    let got = match Session::from_saved_json(text) {
        Ok(s) => format!("ok {} {}", s.screen.as_str(), s.intake.answers.len()),
        Err(SavedError::Corrupt(_)) => "corrupt".into(),
        Err(SavedError::Invalid(e)) => format!("invalid {e}"),
        Err(SavedError::UnknownVersion(v)) => format!("version {v}"),
        Err(SavedError::UnknownField(name)) => format!("unknown {name}"),
    };
    assert_eq!(got, expected, "{text}");
}

#[test]
fn saved_sessions_of_every_shape() {
    check_saved(
        r#"{"v": 1, "screen": "your_pain", "intake": {"format": 1, "answers": {"age": 40}}}"#,
        "ok your_pain 1",
    );
    check_saved(r#"{"v": 1, "screen": "nowhere", "intake": {"format": 1, "answers": {}}}"#, "ok welcome 0");
    check_saved(r#"{"format": 1, "answers": {"age": 40, "pain_now": 3}}"#, "ok welcome 2");
    check_saved(r#"{"v": 2, "screen": "results", "intake": {}}"#, "version 2");
    check_saved(
        r#"{"v": 1, "intake": {"format": 1, "answers": {"age": 400}}}"#,
        "invalid age: 400 is out of range (allowed 16 to 110)",
    );
    check_saved(r#"{"v": 1}"#, "invalid expected a JSON object with \"format\" and \"answers\"");
    check_saved("{\"v\": 1, \"intake\": ", "corrupt");
    check_saved("[1, 2]", "corrupt");
    check_saved("{}", "invalid the \"format\" field is missing (expected 1 or 2)");
    // A member a newer build wrote would be lost by the next save: refused, so set aside.
    check_saved(r#"{"v": 1, "intake": {"format": 2, "answers": {}}, "reminders": []}"#, "unknown reminders");
}

#[test]
fn another_tab_s_answers_are_adopted_on_this_tab_s_screen() {
    let here = at(Screen::Step(StepId::YourPain), json!({"age": 40, "pregnancy": "not_applicable"}));
    let there = complete(Screen::Results);
    let adopted = here.apply(Action::AdoptFromOtherTab(Box::new(there.clone())));
    assert_eq!(adopted.intake, there.intake);
    assert_eq!(adopted.screen, Screen::Step(StepId::YourPain), "this tab stays where it is");

    let on_results = complete(Screen::Results);
    let cleared = on_results.apply(Action::AdoptFromOtherTab(Box::new(Session::new())));
    assert_eq!(cleared.screen, Screen::Welcome, "results without answers fall back to the start");
    let mid_step = at(Screen::Step(StepId::YourPain), json!({"age": 40, "pregnancy": "not_applicable"}));
    let wiped = mid_step.apply(Action::AdoptFromOtherTab(Box::new(Session::new())));
    assert_eq!(wiped.screen, Screen::Welcome, "data deleted in another tab: start again here too");
    let partial = on_results.apply(Action::AdoptFromOtherTab(Box::new(at(Screen::Welcome, json!({"age": 40})))));
    assert_eq!(partial.screen, Screen::Step(StepId::AboutYou), "results no longer allowed: resume the intake");
}

#[test]
fn two_tabs_answering_different_questions_at_once_both_keep_both() {
    let base = at(Screen::Step(StepId::YourPain), json!({"age": 40, "pregnancy": "not_applicable"}));
    let answer = |session: &Session, id, value| session.apply(Action::Answer(id, value));
    // Each tab answers a different question before hearing of the other's write.
    let here = answer(&base, QuestionId::PainNow, Answer::Integer(6));
    let there = answer(&base, QuestionId::PainWorstWeek, Answer::Integer(8));
    let merged_here =
        here.apply(Action::MergeFromOtherTab(Box::new(there.intake.clone()), Box::new(base.intake.clone())));
    let merged_there =
        there.apply(Action::MergeFromOtherTab(Box::new(here.intake.clone()), Box::new(base.intake.clone())));
    for merged in [&merged_here, &merged_there] {
        assert_eq!(merged.intake.answers.integer(QuestionId::Age), Some(40));
        assert_eq!(merged.intake.answers.integer(QuestionId::PainNow), Some(6));
        assert_eq!(merged.intake.answers.integer(QuestionId::PainWorstWeek), Some(8));
    }
    assert_eq!(merged_here.intake, merged_there.intake, "the two tabs agree");
    assert_eq!(merged_here.screen, Screen::Step(StepId::YourPain), "each stays on its screen");

    // Both changed the same answer: the write that arrives last wins, in both tabs.
    let mine = answer(&base, QuestionId::Age, Answer::Integer(41));
    let theirs = answer(&base, QuestionId::Age, Answer::Integer(42));
    let merged = mine.apply(Action::MergeFromOtherTab(Box::new(theirs.intake.clone()), Box::new(base.intake.clone())));
    assert_eq!(merged.intake.answers.integer(QuestionId::Age), Some(42));

    // A check-in recorded here while the other tab answered a question is kept.
    let checkin =
        CheckIn { date: Date { year: 2026, month: 11, day: 25 }, pain_now: 3, pain_worst_week: 5, sessions: 1 };
    let recorded = base.apply(Action::RecordCheckIn(checkin.clone()));
    let merged =
        recorded.apply(Action::MergeFromOtherTab(Box::new(there.intake.clone()), Box::new(base.intake.clone())));
    assert_eq!(merged.intake.checkins, vec![checkin]);
    assert_eq!(merged.intake.answers.integer(QuestionId::PainWorstWeek), Some(8));
}

#[test]
fn reset_returns_to_a_blank_welcome() {
    assert_eq!(complete(Screen::Results).apply(Action::Reset), Session::new());
}

#[test]
fn percent_complete_counts_finished_steps() {
    let percent = |screen| at(screen, json!({})).percent_complete();
    assert_eq!(percent(Screen::Welcome), 0);
    assert_eq!(percent(Screen::Step(StepId::AboutYou)), 0);
    assert_eq!(percent(Screen::Step(StepId::SafetyCheck)), 33);
    assert_eq!(percent(Screen::Step(StepId::Preferences)), 83);
    assert_eq!(percent(Screen::Results), 100);
}

#[test]
fn replacing_the_intake_shows_results_when_complete() {
    let own = at(Screen::Step(StepId::YourPain), json!({"age": 40}));
    let complete_intake = complete(Screen::Welcome).intake;
    let replaced = own.apply(Action::Replace(Box::new(complete_intake.clone()), FORMAT));
    assert_eq!((replaced.screen, &replaced.intake), (Screen::Results, &complete_intake));
    let partial = Intake::from_json(r#"{"format": 1, "answers": {"age": 40, "pregnancy": "not_applicable"}}"#)
        .unwrap_or_default();
    let resumed = own.apply(Action::Replace(Box::new(partial), FORMAT));
    assert_eq!(resumed.screen, Screen::Step(StepId::YourPain));
}

/// A session saved before contract v2, on its results: kept forever.
const SAVED_V1_RESULTS: &str = include_str!("fixtures/saved-v1-results.json");

#[test]
fn a_session_saved_before_v2_opens_on_the_new_questions() {
    let session = Session::from_saved_json(SAVED_V1_RESULTS).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.screen, Screen::Step(StepId::SafetyCheck));
    assert_eq!(session.unanswered, [QuestionId::RfSexualFunction, QuestionId::RfChestAbdomen]);
    assert!(session.upgraded());
    assert!(!session.can_show_results(), "the results wait for the new safety answers");
    // Answering them takes the person straight on to the results.
    let answered = session
        .apply(Action::Answer(QuestionId::RfSexualFunction, Answer::Bool(false)))
        .apply(Action::Answer(QuestionId::RfChestAbdomen, Answer::Bool(false)));
    assert!(answered.unanswered.is_empty());
    assert!(answered.can_show_results());
    // Saved again, it is a format-2 session that is no longer "upgraded".
    let again = Session::from_saved_json(&answered.to_saved_json()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!again.upgraded());
    assert!(again.to_saved_json().contains(r#""format":2"#));
}

#[test]
fn an_older_session_stays_where_it_was_when_nothing_new_is_behind_it() {
    // Not yet past the safety step: the new questions come in their turn.
    let early = r#"{"v": 1, "screen": "your_pain", "intake": {"format": 1, "answers": {"age": 40}}}"#;
    let session = Session::from_saved_json(early).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((session.screen, session.upgraded()), (Screen::Step(StepId::YourPain), false));
    // An emergency result stays on screen: danger is never hidden behind a question.
    let emergency = SAVED_V1_RESULTS.replace(r#""rf_bladder":false"#, r#""rf_bladder":true"#);
    let session = Session::from_saved_json(&emergency).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.screen, Screen::Results);
}

#[test]
fn an_older_file_or_link_replacing_the_answers_asks_the_new_questions() {
    let v1 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/answers-v1-clear.json"))
        .unwrap_or_default();
    let (intake, format) = Intake::from_json_versioned(&v1).unwrap_or_else(|e| panic!("{e}"));
    let replaced = Session::new().apply(Action::Replace(Box::new(intake.clone()), format));
    assert_eq!(replaced.screen, Screen::Step(StepId::SafetyCheck));
    assert_eq!(replaced.unanswered, [QuestionId::RfSexualFunction, QuestionId::RfChestAbdomen]);
    // The same answers said to be format 2 are not "new": only what is missing.
    let replaced = Session::new().apply(Action::Replace(Box::new(intake), FORMAT));
    assert_eq!((replaced.screen, replaced.upgraded()), (Screen::Step(StepId::SafetyCheck), false));
}

#[test]
fn an_older_file_with_gaps_before_the_new_questions_opens_on_the_first_gap() {
    // A partial format-1 file: the new safety questions are behind unanswered steps, so
    // the person starts at the first of those, never past a gap.
    let v1 = r#"{"format": 1, "answers": {"age": 40, "pregnancy": "not_applicable", "conditions": []}}"#;
    let (intake, format) = Intake::from_json_versioned(v1).unwrap_or_else(|e| panic!("{e}"));
    let replaced = Session::new().apply(Action::Replace(Box::new(intake), format));
    assert_eq!(replaced.screen, Screen::Step(StepId::YourPain));
    assert!(replaced.unanswered.is_empty(), "the new questions are not on this step");
    assert!(replaced.reachable_steps().contains(&StepId::YourPain));
}

#[test]
fn a_saved_document_carries_the_stamp_of_its_write() {
    use backpain_intake::domain::session::Stamp;
    let session = complete(Screen::Results);
    let text = session.to_saved_json_stamped(Some(Stamp { write: 5, seen: 3 }));
    assert_eq!(Session::from_saved_json_stamped(&text), Ok((session.clone(), Some(Stamp { write: 5, seen: 3 }))));
    // Without one (written before stamps): no stamp; a malformed one is refused, set aside.
    assert_eq!(Session::from_saved_json_stamped(&session.to_saved_json()).map(|(_, stamp)| stamp), Ok(None));
    let bent = text.replace("[5,3]", "\"5,3\"");
    assert!(matches!(Session::from_saved_json_stamped(&bent), Err(SavedError::UnknownField(_))));
}
