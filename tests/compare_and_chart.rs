//! The comparison table's sorting and the geometry of the results' charts.

use std::fmt::Debug;

use backpain_intake::domain::chart::{labelled_indices, ChartPoint, PointLabel, Tick, FIT_BARS, PAIN_LINE};
use backpain_intake::domain::checkins::{CheckIn, Date};
use backpain_intake::domain::compare::{sort_rows, Direction, Sort, SortColumn};
use backpain_intake::domain::recommend::{Status, TechniqueResult};
use backpain_intake::domain::techniques::{Technique, TechniqueId};
use backpain_intake::domain::text::Catalog;

/// The one assertion every case goes through.
#[track_caller]
fn check<T: PartialEq + Debug>(case: &str, got: T, expected: T) {
    assert_eq!(got, expected, "{case}");
}

use Direction::{Ascending, Descending};
use TechniqueId as T;

/// A ranking as `assess` would give it: best fit first, with a tie at 60 that the
/// better status wins.
fn ranking() -> Vec<TechniqueResult> {
    [
        (T::TriggerPoint, 100, Status::Recommended),
        (T::HotStone, 95, Status::Recommended),
        (T::MyofascialRelease, 85, Status::Recommended),
        (T::Swedish, 80, Status::Suitable),
        (T::DeepTissue, 75, Status::Suitable),
        (T::Sports, 60, Status::Suitable),
        (T::Shiatsu, 60, Status::Caution),
        (T::Thai, 10, Status::Avoid),
    ]
    .into_iter()
    .map(|(id, fit, status)| TechniqueResult { id, fit, status, reasons: Vec::new(), cautions: Vec::new() })
    .collect()
}

fn english_name(id: TechniqueId) -> String {
    Catalog::english().text(&Technique::text_key(id, "name")).to_owned()
}

#[test]
fn sorting_the_comparison() {
    let rows = ranking();
    let order = |column, direction| -> Vec<TechniqueId> {
        sort_rows(&rows, Sort { column, direction }, english_name).iter().map(|r| r.id).collect()
    };
    #[rustfmt::skip]
    let cases: &[(SortColumn, Direction, [TechniqueId; 8])] = &[
        (SortColumn::Fit, Descending,
         [T::TriggerPoint, T::HotStone, T::MyofascialRelease, T::Swedish, T::DeepTissue, T::Sports, T::Shiatsu, T::Thai]),
        (SortColumn::Fit, Ascending,
         [T::Thai, T::Shiatsu, T::Sports, T::DeepTissue, T::Swedish, T::MyofascialRelease, T::HotStone, T::TriggerPoint]),
        (SortColumn::Name, Ascending,
         [T::DeepTissue, T::HotStone, T::MyofascialRelease, T::Shiatsu, T::Sports, T::Swedish, T::Thai, T::TriggerPoint]),
        (SortColumn::Name, Descending,
         [T::TriggerPoint, T::Thai, T::Swedish, T::Sports, T::Shiatsu, T::MyofascialRelease, T::HotStone, T::DeepTissue]),
        // Lightest level first, then the firmest reached; ties keep the ranking's order.
        (SortColumn::Pressure, Ascending,
         [T::HotStone, T::MyofascialRelease, T::Swedish, T::TriggerPoint, T::Sports, T::Shiatsu, T::Thai, T::DeepTissue]),
        (SortColumn::Pressure, Descending,
         [T::DeepTissue, T::TriggerPoint, T::Sports, T::Shiatsu, T::Thai, T::HotStone, T::MyofascialRelease, T::Swedish]),
        (SortColumn::Heat, Ascending,
         [T::TriggerPoint, T::MyofascialRelease, T::Swedish, T::DeepTissue, T::Sports, T::Shiatsu, T::Thai, T::HotStone]),
        (SortColumn::Heat, Descending,
         [T::HotStone, T::TriggerPoint, T::MyofascialRelease, T::Swedish, T::DeepTissue, T::Sports, T::Shiatsu, T::Thai]),
        // Clothed, then either, then undressed under a sheet.
        (SortColumn::Clothing, Ascending,
         [T::Shiatsu, T::Thai, T::TriggerPoint, T::MyofascialRelease, T::Sports, T::HotStone, T::Swedish, T::DeepTissue]),
        // Shortest session first, then the longest it runs to.
        (SortColumn::Session, Ascending,
         [T::TriggerPoint, T::MyofascialRelease, T::Sports, T::Swedish, T::DeepTissue, T::Shiatsu, T::HotStone, T::Thai]),
        (SortColumn::Session, Descending,
         [T::Thai, T::HotStone, T::DeepTissue, T::Shiatsu, T::Swedish, T::TriggerPoint, T::MyofascialRelease, T::Sports]),
    ];
    for (column, direction, expected) in cases {
        check(&format!("{column} {direction}"), order(*column, *direction), expected.to_vec());
    }
    check("an empty table", sort_rows(&[], Sort::BY_FIT, english_name).len(), 0);
}

#[test]
fn clicking_a_column_header() {
    let by = |column, direction| Sort { column, direction };
    let cases = [
        ("the table opens by fit, best first", Sort::default(), None, by(SortColumn::Fit, Descending)),
        ("fit again reverses", Sort::BY_FIT, Some(SortColumn::Fit), by(SortColumn::Fit, Ascending)),
        ("a new column starts ascending", Sort::BY_FIT, Some(SortColumn::Name), by(SortColumn::Name, Ascending)),
        (
            "the same column reverses",
            by(SortColumn::Name, Ascending),
            Some(SortColumn::Name),
            by(SortColumn::Name, Descending),
        ),
        ("back to fit starts best first", by(SortColumn::Name, Descending), Some(SortColumn::Fit), Sort::BY_FIT),
        (
            "session starts shortest first",
            by(SortColumn::Heat, Descending),
            Some(SortColumn::Session),
            by(SortColumn::Session, Ascending),
        ),
    ];
    for (case, before, click, after) in cases {
        check(case, click.map_or(before, |column| before.clicked(column)), after);
    }
    check("aria-sort on the sorted column", Sort::BY_FIT.aria_sort(SortColumn::Fit), Some("descending"));
    check("no aria-sort elsewhere", Sort::BY_FIT.aria_sort(SortColumn::Name), None);
    check("ascending", by(SortColumn::Heat, Ascending).aria_sort(SortColumn::Heat), Some("ascending"));
}

#[test]
fn fit_bars() {
    let cases: &[(&str, u32, u32)] = &[
        ("no fit, no bar", FIT_BARS.bar_length(0), 0),
        ("half", FIT_BARS.bar_length(50), 180),
        ("full", FIT_BARS.bar_length(100), 360),
        ("rounded down", FIT_BARS.bar_length(84), 302),
        ("rounded up", FIT_BARS.bar_length(1), 4),
        ("capped at 100", FIT_BARS.bar_length(255), 360),
        ("width", FIT_BARS.width(), 600),
        ("height of eight rows", FIT_BARS.height(8), 240),
        ("first bar centred in its row", FIT_BARS.bar_y(0), 5),
        ("third bar", FIT_BARS.bar_y(2), 65),
        ("second row's text", FIT_BARS.text_y(1), 50),
        ("bars start after the labels", FIT_BARS.bar_x(), 190),
        ("labels end before the bars", FIT_BARS.label_end_x(), 180),
        ("value after its bar", FIT_BARS.value_x(50), 376),
    ];
    for (case, got, expected) in cases {
        check(case, got, expected);
    }
}

#[test]
fn pain_line_scale() {
    let cases: &[(&str, u32, u32)] = &[
        ("plot width", PAIN_LINE.plot_width(), 512),
        ("plot height", PAIN_LINE.plot_height(), 200),
        ("baseline", PAIN_LINE.baseline(), 216),
        ("0 sits on the baseline", PAIN_LINE.y_of(0), 216),
        ("10 at the top", PAIN_LINE.y_of(10), 16),
        ("5 halfway", PAIN_LINE.y_of(5), 116),
        ("3", PAIN_LINE.y_of(3), 156),
        ("above the scale stays at the top", PAIN_LINE.y_of(12), 16),
        ("a single point in the middle", PAIN_LINE.x_of(0, 1), 304),
        ("first of three at the left", PAIN_LINE.x_of(0, 3), 48),
        ("second of three in the middle", PAIN_LINE.x_of(1, 3), 304),
        ("last of three at the right", PAIN_LINE.x_of(2, 3), 560),
        ("second of four, rounded", PAIN_LINE.x_of(1, 4), 219),
        ("an index past the end stays at the right", PAIN_LINE.x_of(9, 3), 560),
    ];
    for (case, got, expected) in cases {
        check(case, got, expected);
    }
    let ticks: Vec<(u8, u32)> = PAIN_LINE.ticks().iter().map(|Tick { value, y }| (*value, *y)).collect();
    check("ticks", ticks, vec![(0, 216), (2, 176), (4, 136), (6, 96), (8, 56), (10, 16)]);
}

#[test]
fn which_points_are_labelled() {
    let cases: &[(usize, usize, &[usize])] = &[
        (0, 6, &[]),
        (1, 6, &[0]),
        (2, 6, &[0, 1]),
        (6, 6, &[0, 1, 2, 3, 4, 5]),
        (7, 6, &[0, 1, 2, 4, 5, 6]),
        (11, 6, &[0, 2, 4, 6, 8, 10]),
        (200, 2, &[0, 199]),
        (3, 1, &[0]),
        (5, 0, &[]),
    ];
    for (count, max, expected) in cases {
        check(&format!("{count} points, at most {max} labels"), labelled_indices(*count, *max), expected.to_vec());
    }
}

fn checkin(date: &str, pain_now: u8) -> CheckIn {
    let date = Date::parse(date).unwrap_or(Date { year: 1900, month: 1, day: 1 });
    CheckIn { date, pain_now, pain_worst_week: pain_now, sessions: 1 }
}

/// One case of the pain line: the inputs, then the points and polyline expected.
struct PainCase<'a> {
    case: &'a str,
    intake: Option<u8>,
    checkins: &'a [CheckIn],
    points: Vec<ChartPoint>,
    polyline: &'a str,
}

#[test]
fn the_pain_line_starts_at_the_intake() {
    let march = |day| Date { year: 2024, month: 3, day };
    let point = |x, y, value, label| ChartPoint { x, y, value, label, labelled: true };
    let two = [checkin("2024-03-01", 4), checkin("2024-03-08", 2)];
    let cases = [
        PainCase {
            case: "intake then two check-ins",
            intake: Some(6),
            checkins: &two,
            points: vec![
                point(48, 96, 6, PointLabel::Intake),
                point(304, 136, 4, PointLabel::Date(march(1))),
                point(560, 176, 2, PointLabel::Date(march(8))),
            ],
            polyline: "48,96 304,136 560,176",
        },
        PainCase {
            case: "no intake pain: the check-ins alone",
            intake: None,
            checkins: &two,
            points: vec![point(48, 136, 4, PointLabel::Date(march(1))), point(560, 176, 2, PointLabel::Date(march(8)))],
            polyline: "48,136 560,176",
        },
        PainCase {
            case: "the intake alone",
            intake: Some(3),
            checkins: &[],
            points: vec![point(304, 156, 3, PointLabel::Intake)],
            polyline: "304,156",
        },
        PainCase { case: "nothing", intake: None, checkins: &[], points: vec![], polyline: "" },
    ];
    for PainCase { case, intake, checkins, points, polyline } in cases {
        let chart = PAIN_LINE.pain_chart(intake, checkins);
        check(case, chart.polyline().as_str(), polyline);
        check(case, chart.ticks.len(), 6);
        check(case, chart.points, points);
    }
    let many: Vec<CheckIn> = (1..=9).map(|day| checkin(&format!("2024-04-0{day}"), day)).collect();
    let labelled: Vec<usize> = PAIN_LINE
        .pain_chart(Some(5), &many)
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.labelled)
        .map(|(i, _)| i)
        .collect();
    check("ten points, six labels", labelled, vec![0, 2, 4, 5, 7, 9]);
}
