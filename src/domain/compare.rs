//! The comparison table's order: which column it is sorted by, in which direction, and the
//! rows in that order.
//!
//! The table starts sorted by fit, best first, like the ranking. Clicking a column's header
//! sorts by that column; clicking it again reverses the direction. Rows that tie keep the
//! ranking's order (best fit first), whichever way the column runs, so the order is always
//! deterministic.

use super::codes::codes;
use super::recommend::TechniqueResult;
use super::techniques::{technique, Clothing, PressureLevel, TechniqueId};

codes! {
    /// The columns the table can be sorted by. The prose columns (what it targets, who it
    /// suits, benefits, cautions) are not sortable: an alphabetical order of sentences
    /// tells a reader nothing.
    pub enum SortColumn {
        Name = "name",
        Pressure = "pressure",
        Heat = "heat",
        Clothing = "clothing",
        Session = "session",
        Fit = "fit",
    }
}

codes! {
    /// The direction of a sort; the codes are the values of the `aria-sort` attribute.
    pub enum Direction {
        Ascending = "ascending",
        Descending = "descending",
    }
}

impl Direction {
    /// The other direction.
    pub fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

impl SortColumn {
    /// The direction a column starts in when first clicked: fit from best to worst, every
    /// other column from least to most (A to Z, lightest, no heat, most clothed, shortest).
    pub fn first_direction(self) -> Direction {
        match self {
            SortColumn::Fit => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

/// How the table is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: SortColumn,
    pub direction: Direction,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort::BY_FIT
    }
}

impl Sort {
    /// The order the table opens in: best fit first.
    pub const BY_FIT: Sort = Sort { column: SortColumn::Fit, direction: Direction::Descending };

    /// The sort after a click on `column`'s header: the same column reverses, another
    /// column starts in its first direction.
    pub fn clicked(self, column: SortColumn) -> Sort {
        if column == self.column {
            Sort { column, direction: self.direction.reversed() }
        } else {
            Sort { column, direction: column.first_direction() }
        }
    }

    /// The `aria-sort` value of a column's header: the direction for the sorted column,
    /// `None` for the others (ARIA asks for the attribute on one header at a time).
    pub fn aria_sort(self, column: SortColumn) -> Option<&'static str> {
        (column == self.column).then_some(self.direction.as_str())
    }
}

/// What a row is compared by in one column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Text(String),
    Numbers(u32, u32),
}

/// How much a person undresses: fully clothed, either, undressed under a sheet.
fn clothing_rank(clothing: Clothing) -> u32 {
    match clothing {
        Clothing::Clothed => 0,
        Clothing::Either => 1,
        Clothing::Draped => 2,
    }
}

/// The key of a row in a column. Names compare as written: every catalog starts them
/// with a capital letter, and `str::to_lowercase` would bring the Unicode case tables
/// into the bundle (measured: 7 KB brotli).
fn sort_key(row: &TechniqueResult, column: SortColumn, name_of: &impl Fn(TechniqueId) -> String) -> SortKey {
    let facts = technique(row.id);
    match column {
        SortColumn::Name => SortKey::Text(name_of(row.id)),
        // Lightest level first, then the firmest it reaches.
        SortColumn::Pressure => {
            let levels = facts.map_or(&[][..], |t| t.pressure);
            let index = |level: Option<&PressureLevel>| level.map_or(0, |l| l.index() as u32);
            SortKey::Numbers(index(levels.first()), index(levels.last()))
        }
        SortColumn::Heat => SortKey::Numbers(u32::from(facts.is_some_and(|t| t.heat)), 0),
        SortColumn::Clothing => SortKey::Numbers(facts.map_or(0, |t| clothing_rank(t.clothing)), 0),
        SortColumn::Session => {
            let [shortest, longest] = facts.map_or([0, 0], |t| t.session_minutes);
            SortKey::Numbers(u32::from(shortest), u32::from(longest))
        }
        SortColumn::Fit => SortKey::Numbers(u32::from(row.fit), row.status.index() as u32),
    }
}

/// The rows in the order `sort` asks for. `rows` is the ranking (best fit first), which
/// settles ties; `name_of` gives a technique's name in the reader's language.
pub fn sort_rows(
    rows: &[TechniqueResult],
    sort: Sort,
    name_of: impl Fn(TechniqueId) -> String,
) -> Vec<&TechniqueResult> {
    let mut keyed: Vec<(SortKey, &TechniqueResult)> =
        rows.iter().map(|row| (sort_key(row, sort.column, &name_of), row)).collect();
    let before = |a: &SortKey, b: &SortKey| match sort.direction {
        Direction::Ascending => a < b,
        Direction::Descending => a > b,
    };
    // A stable insertion sort, so that rows with equal keys stay in ranking order both
    // ways. The table has eight rows, and this is far smaller in the bundle than the
    // standard library's general-purpose sort.
    for i in 1..keyed.len() {
        let mut j = i;
        while j > 0 && before(&keyed[j].0, &keyed[j - 1].0) {
            keyed.swap(j, j - 1);
            j -= 1;
        }
    }
    keyed.into_iter().map(|(_, row)| row).collect()
}
