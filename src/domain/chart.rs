//! The geometry of the results' two SVG charts, in viewBox units: the fit bars of the
//! eight techniques and the line of "pain now" across the check-ins.
//!
//! Everything is sized with SVG attributes computed here (the widget runs under a content
//! security policy without inline styles), in whole units so that the numbers are exact
//! and easy to test.

use super::checkins::{CheckIn, Date};

/// The highest fit a bar can show.
pub const FIT_MAX: u8 = 100;
/// The top of the pain scale.
pub const PAIN_MAX: u8 = 10;
/// The most points of the pain line that carry a text label, so the labels never overlap.
pub const MAX_POINT_LABELS: usize = 6;

/// The layout of a horizontal bar chart: a column of labels, then the bars, then room for
/// each bar's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BarLayout {
    /// The width of the label column; labels end a little before it.
    pub label_width: u32,
    /// The length of a bar at [`FIT_MAX`].
    pub max_bar: u32,
    /// Room after the longest bar for its value.
    pub value_width: u32,
    pub row_height: u32,
    pub bar_height: u32,
}

/// The layout of the fit chart.
pub const FIT_BARS: BarLayout =
    BarLayout { label_width: 190, max_bar: 360, value_width: 50, row_height: 30, bar_height: 20 };

impl BarLayout {
    /// The width of the whole chart.
    pub fn width(&self) -> u32 {
        self.label_width + self.max_bar + self.value_width
    }

    /// The height of a chart of `rows` bars.
    pub fn height(&self, rows: usize) -> u32 {
        self.row_height * rows as u32
    }

    /// The length of the bar for a fit, rounded to the nearest unit; a fit above
    /// [`FIT_MAX`] draws as a full bar.
    pub fn bar_length(&self, fit: u8) -> u32 {
        let fit = u32::from(fit.min(FIT_MAX));
        (fit * self.max_bar + u32::from(FIT_MAX) / 2) / u32::from(FIT_MAX)
    }

    /// The x where the bars start.
    pub fn bar_x(&self) -> u32 {
        self.label_width
    }

    /// The top of the bar in row `index` (centred in its row).
    pub fn bar_y(&self, index: usize) -> u32 {
        self.row_height * index as u32 + (self.row_height - self.bar_height) / 2
    }

    /// The baseline of the texts in row `index`: the middle of the row, nudged down so
    /// the text sits centred on the bar.
    pub fn text_y(&self, index: usize) -> u32 {
        self.row_height * index as u32 + self.row_height / 2 + 5
    }

    /// Where a row's label ends (labels are drawn right-aligned).
    pub fn label_end_x(&self) -> u32 {
        self.label_width.saturating_sub(10)
    }

    /// Where a bar's value starts: just after the bar.
    pub fn value_x(&self, fit: u8) -> u32 {
        self.bar_x() + self.bar_length(fit) + 6
    }
}

/// The layout of a line chart of 0-10 values: a plot area inside margins that hold the
/// axis labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineLayout {
    pub width: u32,
    pub height: u32,
    /// Room on the left for the value labels.
    pub left: u32,
    /// Room on the right for half of the last point's label.
    pub right: u32,
    pub top: u32,
    /// Room below for the point labels.
    pub bottom: u32,
}

/// The layout of the pain chart.
pub const PAIN_LINE: LineLayout = LineLayout { width: 600, height: 260, left: 48, right: 40, top: 16, bottom: 44 };

/// What a point of the pain line stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointLabel {
    /// The pain given in the intake.
    Intake,
    /// A check-in on this day.
    Date(Date),
}

/// One point of the pain line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartPoint {
    pub x: u32,
    pub y: u32,
    pub value: u8,
    pub label: PointLabel,
    /// Whether to draw its label under the axis (a few evenly spread points only).
    pub labelled: bool,
}

/// A mark on the value axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub value: u8,
    pub y: u32,
}

/// The pain line, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineChart {
    pub points: Vec<ChartPoint>,
    pub ticks: Vec<Tick>,
}

impl LineChart {
    /// The `points` attribute of an SVG polyline: `x,y` pairs separated by spaces.
    pub fn polyline(&self) -> String {
        self.points.iter().map(|p| format!("{},{}", p.x, p.y)).collect::<Vec<_>>().join(" ")
    }
}

impl LineLayout {
    /// The width of the plot area.
    pub fn plot_width(&self) -> u32 {
        self.width.saturating_sub(self.left + self.right)
    }

    /// The height of the plot area.
    pub fn plot_height(&self) -> u32 {
        self.height.saturating_sub(self.top + self.bottom)
    }

    /// The bottom of the plot area, where the value 0 sits.
    pub fn baseline(&self) -> u32 {
        self.top + self.plot_height()
    }

    /// The y of a 0-10 value, rounded; a value above [`PAIN_MAX`] sits at the top.
    pub fn y_of(&self, value: u8) -> u32 {
        let above = u32::from(PAIN_MAX - value.min(PAIN_MAX));
        self.top + (above * self.plot_height() + u32::from(PAIN_MAX) / 2) / u32::from(PAIN_MAX)
    }

    /// The x of point `index` of `count`, spread evenly across the plot, rounded; a single
    /// point sits in the middle.
    pub fn x_of(&self, index: usize, count: usize) -> u32 {
        let width = self.plot_width();
        if count <= 1 {
            return self.left + width / 2;
        }
        let (index, gaps) = (index.min(count - 1) as u32, (count - 1) as u32);
        self.left + (index * width + gaps / 2) / gaps
    }

    /// The marks of the value axis: 0, 2, 4, 6, 8 and 10.
    pub fn ticks(&self) -> Vec<Tick> {
        (0..=PAIN_MAX).step_by(2).map(|value| Tick { value, y: self.y_of(value) }).collect()
    }

    /// The line of "pain now": the intake's value first (when given), then each check-in
    /// in the order given.
    pub fn pain_chart(&self, intake_pain_now: Option<u8>, checkins: &[CheckIn]) -> LineChart {
        let values: Vec<(u8, PointLabel)> = intake_pain_now
            .map(|pain| (pain, PointLabel::Intake))
            .into_iter()
            .chain(checkins.iter().map(|c| (c.pain_now, PointLabel::Date(c.date))))
            .collect();
        let count = values.len();
        let labelled = labelled_indices(count, MAX_POINT_LABELS);
        let points = values
            .into_iter()
            .enumerate()
            .map(|(i, (value, label))| ChartPoint {
                x: self.x_of(i, count),
                y: self.y_of(value),
                value,
                label,
                labelled: labelled.contains(&i),
            })
            .collect();
        LineChart { points, ticks: self.ticks() }
    }
}

/// Which of `count` points carry a label: at most `max`, always the first and the last
/// (when `max` allows two), the rest spread evenly between them.
pub fn labelled_indices(count: usize, max: usize) -> Vec<usize> {
    if count == 0 || max == 0 {
        return Vec::new();
    }
    let steps = (count - 1).min(max - 1);
    if steps == 0 {
        return vec![0];
    }
    (0..=steps).map(|k| (k * (count - 1) + steps / 2) / steps).collect()
}
