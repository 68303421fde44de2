//! The native views (`crate::view`), written as HTML: exact markup for the screens' static
//! parts, escaping of a clinic's wording, the DOM hooks the end-to-end tests and
//! architecture.md rely on, and well-formed results for every fixture.

use std::collections::BTreeMap;

use backpain_intake::codec::json::Json;
use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::choices::Location;
use backpain_intake::domain::compare::{Sort, SortColumn};
use backpain_intake::domain::embed::EmbedConfig;
use backpain_intake::domain::intake::Answer;
use backpain_intake::domain::question::QuestionId;
use backpain_intake::domain::questionnaire::{Questionnaire, StepId};
use backpain_intake::domain::sections::Section;
use backpain_intake::domain::text::{Catalog, Lang, UiKey};
use backpain_intake::domain::{assess, Intake};
use backpain_intake::view::answer_summary::answer_summary;
use backpain_intake::view::body_map::body_map;
use backpain_intake::view::checkin::{checkin_head, checkin_history};
use backpain_intake::view::clinic_panel::clinic_panel;
use backpain_intake::view::clinician::{clinician_summary, Record};
use backpain_intake::view::comparison_table::comparison_table;
use backpain_intake::view::html::Write;
use backpain_intake::view::html::{escape_into, Markup};
use backpain_intake::view::outlook_panel::outlook_panel;
use backpain_intake::view::overview::{self, section_end, section_start, Primary};
use backpain_intake::view::prerender::{first_screens, Tree};
use backpain_intake::view::screens::{emergency_guidance, shared_heading, step_head, welcome_intro};
use backpain_intake::view::session_plan::{session_plan, PlanPart};
use backpain_intake::view::technique_ranking::technique_ranking;
use backpain_intake::view::triage_panel::triage_panel;
use backpain_intake::view::Texts;

fn intake(name: &str) -> Intake {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Intake::from_json(&std::fs::read_to_string(&path).expect("a fixture")).expect("a valid fixture")
}

fn written(view: impl FnOnce(&mut Markup)) -> String {
    let mut m = Markup::new();
    view(&mut m);
    m.into_string()
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, text);
    out
}

fn ui(texts: &Texts, key: &str) -> String {
    escaped(texts.ui(UiKey::of(key)))
}

/// The results of `intake` as the person's own results screen writes them.
fn results(texts: &Texts, intake: &Intake, config: &EmbedConfig) -> String {
    let assessment = assess(&intake.answers, &intake.checkins);
    written(|m| {
        triage_panel(m, texts, &assessment, config.emergency_number.as_deref());
        outlook_panel(m, texts, assessment.stratification, assessment.triage);
        technique_ranking(m, texts, &assessment);
        comparison_table(m, texts, &assessment, Sort::default());
        session_plan(m, texts, &assessment, PlanPart::Whole);
        clinic_panel(m, texts, config, assessment.triage);
        checkin_head(m, texts, assessment.progress);
        checkin_history(m, texts, intake, true);
        answer_summary(m, texts, intake);
    })
}

/// Checks that every element opened is closed in order, and returns the ids written.
fn check_well_formed(html: &str) -> Vec<String> {
    const VOID: &[&str] = &["br", "img", "input", "meta", "link", "hr"];
    let (mut stack, mut ids) = (Vec::<String>::new(), Vec::new());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag ends") + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closed out of order near {}", &rest[start..end + 1]);
        } else {
            let name = tag.split(' ').next().expect("a name");
            if !VOID.contains(&name) {
                stack.push(name.to_owned());
            }
            if let Some(at) = tag.find(" id=\"") {
                let id = &tag[at + 5..];
                ids.push(id[..id.find('"').expect("a quoted id")].to_owned());
            }
        }
        assert!(!tag.contains('<'), "no stray '<' inside a tag: {tag}");
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    ids
}

#[test]
fn the_welcome_is_written_exactly() {
    let texts = Texts::english();
    let points = ["ui.welcome.not_diagnosis", "ui.welcome.safety_first", "ui.welcome.private", "ui.welcome.time"]
        .map(|key| format!("<li>{}</li>", ui(&texts, key)))
        .concat();
    let expected = format!(
        "<h2 id=\"bpi-welcome-title\" tabindex=\"-1\" data-focus-heading=\"\" class=\"bpi-title\">{}</h2>\
         <p class=\"bpi-lead\">{}</p><ul class=\"bpi-welcome-points\">{points}</ul>",
        ui(&texts, "ui.welcome.title"),
        ui(&texts, "ui.welcome.lead"),
    );
    assert_eq!(written(|m| welcome_intro(m, &texts)), expected);
}

#[test]
fn a_clinics_wording_is_text_never_markup() {
    let hostile = r#"<img src=x onerror="alert(1)"> & 'more'"#;
    let json = format!(r#"{{"en": {{"ui.welcome.title": {}}}}}"#, serde_json::to_string(hostile).expect("json"));
    let (config, warnings) = EmbedConfig::from_attributes(|name| (name == "data-texts").then(|| json.clone()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let texts = Texts::english_with(&config.texts);
    let html = written(|m| welcome_intro(m, &texts));
    assert!(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;more&#39;"), "{html}");
    assert!(!html.contains("<img"), "{html}");
}

#[test]
fn each_step_heading_labels_its_step_and_takes_the_focus() {
    let texts = Texts::english();
    for step in StepId::ALL {
        let html = written(|m| step_head(m, &texts, *step));
        let title = escaped(texts.lookup(&format!("step.{}.title", step.as_str())));
        let heading = format!(
            "<h2 id=\"bpi-step-{}\" tabindex=\"-1\" data-focus-heading=\"\" class=\"bpi-step-title\">{title}</h2>",
            step.as_str()
        );
        assert!(html.starts_with(&heading), "{html}");
        assert!(html.ends_with(&format!("<p class=\"bpi-required-note\">{}</p>", ui(&texts, "ui.step.required_note"))));
    }
}

#[test]
fn the_emergency_guidance_links_the_clinics_number_only_when_set() {
    let texts = Texts::english();
    let with = written(|m| emergency_guidance(m, &texts, Some("112")));
    let label = escaped(&texts.format_ui(UiKey::of("ui.emergency.call"), &[("number", "112")]));
    assert!(with.contains(&format!("<p class=\"bpi-call\"><a href=\"tel:112\">{label}</a></p>")), "{with}");
    assert!(with.starts_with(&format!(
        "<h2 id=\"bpi-emergency-title\">{}</h2>",
        escaped(texts.lookup("triage.emergency.title"))
    )));
    let without = written(|m| emergency_guidance(m, &texts, None));
    assert!(!without.contains("<a "), "{without}");
    check_well_formed(&with);
}

#[test]
fn a_shared_results_note_on_new_questions_is_a_status() {
    let texts = Texts::english();
    let (title, body, note) =
        (UiKey::of("ui.shared.title"), UiKey::of("ui.shared.body"), UiKey::of("ui.notice.new_questions"));
    let html = written(|m| shared_heading(m, &texts, title, body, Some(note)));
    assert!(html.contains("<p role=\"status\" data-notice=\"new-questions\" class=\"bpi-note\">"), "{html}");
    assert!(!written(|m| shared_heading(m, &texts, title, body, None)).contains("data-notice"));
}

#[test]
fn the_results_are_well_formed_with_unique_ids_for_every_fixture_and_language() {
    let config = EmbedConfig { emergency_number: Some("112".to_owned()), ..EmbedConfig::default() };
    for lang in Lang::ALL {
        let path = format!("{}/data/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
        let catalog =
            Catalog::parse_over(&std::fs::read_to_string(&path).expect("a catalog"), Catalog::english_clinician())
                .expect("parses");
        let texts = Texts::keep(*lang, catalog, &config.texts);
        for fixture in ["clear.json", "caution.json", "emergency.json", "answers-v1-caution.json"] {
            let html = results(&texts, &intake(fixture), &config);
            let ids = check_well_formed(&html);
            let mut seen = BTreeMap::new();
            for id in &ids {
                *seen.entry(id).or_insert(0) += 1;
            }
            let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
            assert!(repeated.is_empty(), "{fixture} in {}: ids written twice: {repeated:?}", lang.code());
            assert!(!html.contains("\"?\"") && !html.contains(">?<"), "{fixture}: a missing text");
        }
    }
}

#[test]
fn the_results_carry_the_hooks_the_end_to_end_tests_read() {
    let texts = Texts::english();
    let config = EmbedConfig::default();
    let emergency = results(&texts, &intake("emergency.json"), &config);
    assert!(emergency.contains("class=\"bpi-panel bpi-triage bpi-triage--emergency\""), "the triage level");
    assert!(emergency.contains("id=\"bpi-triage-title\""));
    let caution = results(&texts, &intake("caution.json"), &config);
    assert_eq!(caution.matches("data-row=\"").count(), 8, "a comparison row per technique");
    assert_eq!(caution.matches("data-sort=\"").count(), SortColumn::ALL.len(), "a sort button per column");
    assert_eq!(caution.matches("aria-sort=\"").count(), 1, "only the sorted column says so");
    assert!(caution.contains("data-progress=\""));
    assert!(caution.contains("data-outlook=\""));
}

#[test]
fn check_ins_can_be_removed_only_from_the_persons_own_results() {
    let texts = Texts::english();
    let mut intake = intake("caution.json");
    for (day, pain) in [(3, 6), (10, 4)] {
        let date = Date { year: 2026, month: 11, day };
        intake.checkins.push(CheckIn { date, pain_now: pain, pain_worst_week: pain + 1, sessions: 1 });
    }
    let own = written(|m| checkin_history(m, &texts, &intake, true));
    assert!(own.contains("data-remove-checkin=\"0\"") && own.contains("data-remove-checkin=\"1\""), "{own}");
    assert!(own.contains(&format!(
        "aria-label=\"{}\"",
        escaped(&texts.format_ui(
            UiKey::of("ui.checkin.remove_label"),
            &[("date", &texts.date(Date { year: 2026, month: 11, day: 10 }))]
        ))
    )));
    let shared = written(|m| checkin_history(m, &texts, &intake, false));
    assert!(!shared.contains("data-remove-checkin"), "{shared}");
    assert_eq!(shared.matches("<li class=\"bpi-checkin-entry\">").count(), 2);
    check_well_formed(&own);
    intake.checkins.clear();
    assert_eq!(
        written(|m| checkin_history(m, &texts, &intake, true)),
        format!("<p>{}</p>", ui(&texts, "ui.checkin.none"))
    );
}

fn summary(texts: &Texts, intake: &Intake, completed: Option<Date>) -> String {
    let assessment = assess(&intake.answers, &intake.checkins);
    let record = Record { intake, assessment: &assessment, completed, sent: None, initials: None, format: 2 };
    written(|m| clinician_summary(m, texts, &record))
}

#[test]
fn the_clinicians_summary_is_well_formed_in_every_language() {
    for lang in Lang::ALL {
        let path = format!("{}/data/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
        let catalog =
            Catalog::parse_over(&std::fs::read_to_string(&path).expect("a catalog"), Catalog::english_clinician())
                .expect("parses");
        let texts = Texts::keep(*lang, catalog, &EmbedConfig::default().texts);
        for fixture in ["clear.json", "caution.json", "emergency.json", "answers-v1-caution.json"] {
            let html = summary(&texts, &intake(fixture), Some(Date { year: 2026, month: 11, day: 25 }));
            let ids = check_well_formed(&html);
            let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{fixture} in {}: an id written twice", lang.code());
            assert!(!html.contains(">?<") && !html.contains("\"?\""), "{fixture} in {}: a missing text", lang.code());
        }
    }
}

#[test]
fn the_clinicians_summary_shows_what_assess_found() {
    let texts = Texts::clinician();
    for fixture in ["clear.json", "caution.json", "emergency.json", "answers-v1-caution.json"] {
        let intake = intake(fixture);
        let assessment = assess(&intake.answers, &intake.checkins);
        let html = summary(&texts, &intake, None);
        let root = format!(
            "<article class=\"bpi-clinician\" data-clinician-summary=\"\" data-triage=\"{}\">",
            assessment.triage
        );
        assert!(html.starts_with(&root), "{fixture}");
        let flags: Vec<&str> =
            html.split("data-flag=\"").skip(1).map(|rest| &rest[..rest.find('"').expect("a quote")]).collect();
        let expected: Vec<String> = assessment.flags.iter().map(|f| f.to_string()).collect();
        assert_eq!(flags, expected, "{fixture}: every flag, in the assessment's order");
        let rows: Vec<String> = assessment
            .techniques
            .iter()
            .map(|t| format!("<tr data-technique=\"{}\" data-status=\"{}\" data-fit=\"{}\">", t.id, t.status, t.fit))
            .collect();
        let mut at = 0;
        for row in &rows {
            at += html[at..].find(row.as_str()).unwrap_or_else(|| panic!("{fixture}: {row} in order"));
        }
        match assessment.stratification {
            Some(score) => assert!(html.contains(&format!(
                "data-outlook=\"{}\" data-outlook-total=\"{}\" data-outlook-psychosocial=\"{}\"",
                score.risk, score.total, score.psychosocial
            ))),
            None => assert!(html.contains(&escaped(texts.ui(UiKey::of("ui.clinician.outlook_unscored"))))),
        }
        assert!(html.contains(&escaped(texts.ui(UiKey::of("ui.clinician.not_dated")))));
    }
}

#[test]
fn a_negative_red_flag_screen_is_documented_question_by_question() {
    let texts = Texts::clinician();
    let questionnaire = Questionnaire::get();
    for fixture in ["clear.json", "emergency.json"] {
        let intake = intake(fixture);
        let shown: Vec<_> = questionnaire
            .step(StepId::SafetyCheck)
            .expect("the safety step")
            .questions
            .iter()
            .filter(|q| q.is_shown(&intake.answers))
            .collect();
        let yes = shown.iter().filter(|q| intake.answers.get(q.id) == Some(Answer::Bool(true))).count();
        let html = summary(&texts, &intake, None);
        let (answered, total) = (shown.len().to_string(), shown.len().to_string());
        let count = if yes == 0 {
            texts.format_ui(UiKey::of("ui.clinician.screen_none"), &[("answered", &answered), ("total", &total)])
        } else {
            let yes = yes.to_string();
            texts.format_ui(
                UiKey::of("ui.clinician.screen_some"),
                &[("answered", &answered), ("total", &total), ("positive", &yes)],
            )
        };
        assert!(html.contains(&format!("<p class=\"bpi-clinician-count\">{}</p>", escaped(&count))), "{fixture}");
        for question in shown {
            let label = escaped(texts.lookup(&format!("ui.clinician.rf.{}", question.id)));
            assert!(html.contains(&format!("<dt>{label}</dt>")), "{fixture}: {}", question.id);
        }
    }
    assert!(summary(&texts, &intake("clear.json"), None).contains("none positive"));
}

#[test]
fn the_body_diagram_shades_where_it_hurts_and_says_so_in_words() {
    let texts = Texts::clinician();
    let intake = intake("caution.json");
    let places: Vec<Location> =
        Location::ALL.iter().copied().filter(|p| intake.answers.has_code(QuestionId::Location, p.as_str())).collect();
    assert!(!places.is_empty(), "the fixture says where it hurts");
    let html = summary(&texts, &intake, None);
    for place in Location::ALL {
        let shaded = html.contains(&format!("class=\"bpi-body-part bpi-body-part--hurts\" data-place=\"{place}\""));
        assert_eq!(shaded, places.contains(place), "{place}");
    }
    let names: Vec<&str> = places.iter().map(|p| texts.lookup(&format!("q.location.opt.{p}"))).collect();
    let label = escaped(&texts.format_ui(UiKey::of("ui.clinician.body"), &[("places", &names.join(", "))]));
    assert!(html.contains(&format!("role=\"img\" aria-label=\"{label}\"")), "{html}");
}

#[test]
fn the_clinicians_summary_lists_every_check_in_with_its_numbers() {
    let texts = Texts::clinician();
    let mut intake = intake("caution.json");
    for (day, pain) in [(3, 6), (10, 4)] {
        intake.checkins.push(CheckIn {
            date: Date { year: 2026, month: 11, day },
            pain_now: pain,
            pain_worst_week: 7,
            sessions: 2,
        });
    }
    let html = summary(&texts, &intake, Some(Date { year: 2026, month: 11, day: 2 }));
    assert!(html.contains(&escaped(&texts.format_ui(
        UiKey::of("ui.clinician.completed"),
        &[("date", &texts.date(Date { year: 2026, month: 11, day: 2 }))]
    ))));
    let row = format!(
        "<tr><th scope=\"row\">{}</th><td>4</td><td>7</td><td>2</td></tr>",
        escaped(&texts.date(Date { year: 2026, month: 11, day: 10 }))
    );
    assert!(html.contains(&row), "{html}");
    assert!(html.contains("bpi-pain-chart"), "and the pain line");
}

#[test]
fn a_missing_red_flag_answer_never_reads_as_no() {
    let texts = Texts::clinician();
    let mut intake = intake("clear.json");
    let complete = summary(&texts, &intake, None);
    assert!(complete.contains("<div data-red-flag=\"rf_bladder\" data-answer=\"no\">"), "{complete}");
    intake.answers.clear(QuestionId::RfBladder);
    let html = summary(&texts, &intake, None);
    let not_answered = escaped(texts.ui(UiKey::of("ui.results.summary.not_answered")));
    assert!(html.contains(&format!(
        "<div data-red-flag=\"rf_bladder\" data-answer=\"unanswered\"><dt>{}</dt><dd>{not_answered}</dd></div>",
        escaped(texts.lookup("ui.clinician.rf.rf_bladder"))
    )));
    let total = Questionnaire::get()
        .step(StepId::SafetyCheck)
        .expect("the safety step")
        .questions
        .iter()
        .filter(|q| q.is_shown(&intake.answers))
        .count();
    let count = texts.format_ui(
        UiKey::of("ui.clinician.screen_none"),
        &[("answered", &(total - 1).to_string()), ("total", &total.to_string())],
    );
    assert!(html.contains(&escaped(&count)), "{count}");
    assert_eq!(html.matches("data-red-flag=").count(), total, "every red-flag question, answered or not");
}

#[test]
fn the_inbox_lists_intakes_most_serious_first_and_names_what_failed() {
    use backpain_intake::domain::inbox::{FileProblem, InboxEvent};
    use backpain_intake::view::clinician::{inbox_list, inbox_problems};
    let texts = Texts::clinician();
    let mut inbox = backpain_intake::domain::inbox::Inbox::new();
    assert!(written(|m| inbox_list(m, &texts, &inbox)).contains(&escaped(texts.ui(UiKey::of("ui.clinician.empty")))));
    let read = |name: &str| {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        (name.to_owned(), Ok(std::fs::read_to_string(path).expect("a fixture")))
    };
    inbox.apply(InboxEvent::Files(vec![
        read("clear.json"),
        read("emergency.json"),
        ("<b>.json".to_owned(), Err(FileProblem::Unreadable)),
    ]));
    let html = written(|m| inbox_list(m, &texts, &inbox));
    check_well_formed(&html);
    let order: Vec<&str> =
        html.split("data-select=\"").skip(1).map(|rest| &rest[..rest.find('"').expect("a quote")]).collect();
    assert_eq!(order, ["1", "0"], "the emergency (opened second) first");
    assert!(html.contains("data-select=\"1\" data-triage=\"emergency\" aria-current=\"true\""), "{html}");
    let problems = written(|m| inbox_problems(m, &texts, inbox.problems()));
    assert!(problems.contains("role=\"alert\" data-notice=\"clinician-problems\""), "{problems}");
    assert!(problems.contains("&lt;b&gt;.json: "), "the file named, escaped: {problems}");
    assert!(written(|m| inbox_problems(m, &texts, &[])).is_empty());
}

#[test]
fn every_red_flag_question_has_a_short_name_for_the_clinician() {
    use backpain_intake::domain::questionnaire::{Questionnaire, StepId};
    let safety = Questionnaire::get().step(StepId::SafetyCheck).expect("the safety step");
    for question in safety.questions {
        let key = format!("ui.clinician.rf.{}", question.id.as_str());
        let short = Catalog::english_clinician().lookup(&key).unwrap_or_default();
        assert!(!short.is_empty() && short.len() < 110, "{key}: {short:?}");
    }
}

#[test]
fn each_caution_is_written_once_and_numbered_in_the_technique_rows() {
    let texts = Texts::clinician();
    let html = summary(&texts, &intake("caution.json"), None);
    let assessment = backpain_intake::domain::assess(&intake("caution.json").answers, &[]);
    let mut distinct: Vec<_> = assessment.techniques.iter().flat_map(|t| t.cautions.iter().copied()).collect();
    distinct.sort_by_key(|c| c.as_str());
    distinct.dedup();
    assert!(distinct.len() >= 2, "the caution fixture has cautions");
    for caution in distinct {
        let text = escaped(texts.t(&backpain_intake::domain::text::caution_key(caution)));
        assert_eq!(html.matches(&text).count(), 1, "{} once", caution.as_str());
    }
    assert!(html.contains("<ol class=\"bpi-clinician-cautions\">"), "{html}");
}

/// The phone's summary: the guidance first and whole when care comes first, the best fits
/// in the assessment's order otherwise, and one next step chosen by the clinic and triage.
#[test]
fn the_summary_puts_care_first_and_offers_one_next_step() {
    let texts = Texts::english();
    let none = EmbedConfig::default();
    let booking = EmbedConfig { booking_url: Some("https://clinic.example/book".into()), ..EmbedConfig::default() };
    for name in ["clear.json", "caution.json", "emergency.json"] {
        let intake = intake(name);
        let assessment = assess(&intake.answers, &intake.checkins);
        for (config, expected) in [(&none, "share"), (&booking, "book")] {
            let primary = Primary::choose(config, assessment.triage, false);
            let html = written(|m| overview::summary(m, &texts, &assessment, &intake, config, primary));
            check_well_formed(&html);
            assert!(html.starts_with("<div class=\"bpi-panel bpi-overview"), "{html}");
            assert!(html.contains("data-results-summary=\"\""));
            let expected = match assessment.triage {
                t if t.needs_care_now() => "print",
                _ if assessment.withhold_recommendations => "share",
                _ => expected,
            };
            assert_eq!(html.matches("data-primary-action=").count(), 1);
            assert!(html.contains(&format!("data-primary-action=\"{expected}\"")), "{name}: {html}");
            let picks: Vec<&str> =
                html.split("data-pick=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap_or(0)]).collect();
            if assessment.withhold_recommendations {
                assert!(picks.is_empty(), "{name}");
                assert!(html.contains(&ui(&texts, "ui.results.withheld")));
            } else {
                let best: Vec<&str> = assessment.techniques.iter().map(|t| t.id.as_str()).take(picks.len()).collect();
                assert_eq!(picks, best, "{name}: the best fits, in order");
            }
        }
    }
    // An emergency: the whole guidance before anything else, with the clinic's number.
    let emergency = intake("emergency.json");
    let assessment = assess(&emergency.answers, &emergency.checkins);
    let config = EmbedConfig { emergency_number: Some("999".into()), ..EmbedConfig::default() };
    let html = written(|m| overview::summary(m, &texts, &assessment, &emergency, &config, Primary::Share));
    let body = html.find(&escaped(texts.lookup("triage.emergency.body"))).expect("the whole guidance");
    assert!(body < html.find("bpi-withheld").expect("nothing recommended"));
    assert!(html.contains("href=\"tel:999\""));
}

#[test]
fn the_body_map_fills_where_it_hurts_front_and_back_and_names_it() {
    let texts = Texts::english();
    let intake = intake("caution.json");
    let html = written(|m| body_map(m, &texts, &intake, "map-id"));
    check_well_formed(&html);
    let ticked = intake.answers.many::<Location>().unwrap_or_default();
    assert!(!ticked.is_empty());
    let words: Vec<&str> = ticked.iter().map(|p| texts.lookup(&format!("q.location.opt.{p}"))).collect();
    let title = format!(
        "<figcaption id=\"map-id\">{}: {}</figcaption>",
        ui(&texts, "ui.results.summary.location"),
        escaped(&words.join(", "))
    );
    assert!(html.contains(&title), "{html}");
    assert!(html.contains("role=\"img\" aria-labelledby=\"map-id\""));
    assert!(html.contains("bpi-map-on"));
    // Nothing ticked: nothing filled, and the words say "not answered".
    let mut none = intake.clone();
    none.answers = backpain_intake::domain::AnswerSet::new();
    let html = written(|m| body_map(m, &texts, &none, "map-id"));
    assert!(!html.contains("bpi-map-on"));
    assert!(html.contains(&ui(&texts, "ui.results.summary.not_answered")));
}

#[test]
fn a_section_is_a_heading_whose_button_opens_its_body() {
    let texts = Texts::english();
    for open in [false, true] {
        let html = written(|m| {
            section_start(m, &texts, Section::Outlook, open);
            m.element("p", &[], "inside");
            section_end(m);
        });
        check_well_formed(&html);
        let expected = format!(
            "<section class=\"bpi-sec\" data-section=\"outlook\" aria-labelledby=\"bpi-sec-outlook\"><h3 class=\"bpi-sec-head\">\
             <button type=\"button\" id=\"bpi-sec-outlook\" class=\"bpi-sec-toggle\" aria-expanded=\"{open}\" \
             aria-controls=\"bpi-sec-body-outlook\">{}</button></h3><div id=\"bpi-sec-body-outlook\" class=\"bpi-sec-body\"{}>\
             <p>inside</p></div></section>",
            ui(&texts, "ui.results.outlook.title"),
            if open { "" } else { " hidden=\"\"" },
        );
        assert_eq!(html, expected);
    }
}

/// With nothing recommended (every technique needs care in pregnancy), the best fits are
/// still named, each saying it needs care and which, never a reason alone.
#[test]
fn a_best_fit_that_needs_care_says_so_in_the_summary() {
    use backpain_intake::domain::choices::Pregnancy;
    let texts = Texts::english();
    let mut pregnant = intake("clear.json");
    let later = Answer::One(Pregnancy::PregnantLater.index() as u8);
    pregnant.answers.set(QuestionId::Pregnancy, later).expect("a valid answer");
    let assessment = assess(&pregnant.answers, &pregnant.checkins);
    assert!(!assessment.withhold_recommendations);
    assert!(assessment.techniques.iter().all(|t| t.status != backpain_intake::domain::Status::Recommended));
    let html =
        written(|m| overview::summary(m, &texts, &assessment, &pregnant, &EmbedConfig::default(), Primary::Share));
    let picks = html.matches("data-pick=").count();
    assert!(picks > 0, "{html}");
    assert_eq!(html.matches(&escaped(texts.lookup("status.caution"))).count(), picks);
    assert!(html.contains(&escaped(texts.lookup("caution.prenatal_trained_therapist"))), "{html}");
}

/// The tree `boot.js` builds, written back as HTML the way `Markup` writes it.
fn tree_as_html(node: &Json, out: &mut String) {
    match node {
        Json::String(text) => escape_into(out, text),
        Json::Array(parts) => {
            let (Some(Json::String(tag)), Some(Json::Object(attributes))) = (parts.first(), parts.get(1)) else {
                panic!("an element is [tag, {{attributes}}, ...children]: {node:?}");
            };
            out.push('<');
            out.push_str(tag);
            for (name, value) in attributes {
                out.push_str(&format!(" {name}=\""));
                escape_into(out, value.as_str().expect("an attribute's value is text"));
                out.push('"');
            }
            out.push('>');
            parts[2..].iter().for_each(|child| tree_as_html(child, out));
            if tag != "input" {
                out.push_str(&format!("</{tag}>"));
            }
        }
        _ => panic!("a node is an element or a text: {node:?}"),
    }
}

#[test]
fn the_first_screen_is_the_welcome_then_the_first_step_and_its_tree_says_the_same() {
    for lang in Lang::ALL {
        let path = format!("{}/data/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
        let catalog = Catalog::parse_over(&std::fs::read_to_string(&path).expect("a catalog"), Catalog::english())
            .expect("parses");
        let texts = Texts::keep(*lang, catalog, &EmbedConfig::default().texts);
        let html = written(|m| first_screens(m, &texts));
        check_well_formed(&html);
        // The welcome shown, the first step behind it, each in the widget's own element.
        // In its language's direction: Arabic right to left, the others left to right.
        let app = format!("<div class=\"bpi-app\" lang=\"{}\" dir=\"{}\">", lang.code(), lang.dir());
        assert!(html.starts_with(&format!("{app}<div class=\"bpi-lang\">")), "{html}");
        let step_app = format!("<div class=\"bpi-app\" lang=\"{}\" dir=\"{}\" hidden=\"\">", lang.code(), lang.dir());
        let (welcome, step) = html.split_at(html.find(&step_app).expect("the first step, hidden"));
        assert!(welcome.contains("<section class=\"bpi-welcome\""));
        assert!(step.contains("<section class=\"bpi-step\" data-step=\"about_you\""));
        // Every id is its own: the two screens are in the page together.
        let ids = check_well_formed(&html);
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "repeated ids in {html}");
        // What waits for the loader or the widget: start, the switcher, clear my data.
        let start = format!(
            "<button type=\"button\" class=\"bpi-button bpi-button--primary\" data-action=\"next\" disabled=\"\">{}</button>",
            ui(&texts, "ui.welcome.start")
        );
        assert!(welcome.contains(&start), "{welcome}");
        assert_eq!(html.matches("<select data-action=\"lang\" inert=\"\">").count(), 2);
        assert_eq!(html.matches("data-action=\"import\" disabled=\"\"").count(), 2);
        assert!(step.contains("data-action=\"clear\" hidden=\"\""));
        assert!(!welcome.contains("data-action=\"clear\""));
        // Every question of the first step, unanswered.
        for id in ["age", "pregnancy", "occupation", "activity"] {
            assert!(step.contains(&format!("data-question=\"{id}\"")), "{id}");
        }
        assert!(!html.contains(" checked"));

        // The tree boot.js draws is the same markup.
        let mut tree = Tree::new();
        first_screens(&mut tree, &texts);
        let mut from_tree = String::new();
        match tree.into_json() {
            Json::Array(roots) => roots.iter().for_each(|root| tree_as_html(root, &mut from_tree)),
            other => panic!("the roots are a list: {other:?}"),
        }
        assert_eq!(from_tree, html);
    }
}
