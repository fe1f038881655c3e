//! The grid of an export: several metrics over rows × columns with their
//! margins, each value with a flat index.

use super::*;

/// Where a value sits in a table of buckets (rows) × groups (columns) with
/// its margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pos {
    /// One bucket and group.
    Cell(usize, usize),
    /// A bucket, all groups.
    Row(usize),
    /// A group, the whole period.
    Column(usize),
    /// Everything.
    Total,
}

/// Several metrics (of type `M`: counters, session measures) over one table
/// of rows × columns with its margins; every value has a flat index (per
/// metric: cells, rows, columns, total).
pub(super) struct Grid<M> {
    pub(super) metrics: Vec<M>,
    pub(super) rows: usize,
    pub(super) columns: usize,
    pub(super) values: Vec<u64>,
}

impl<M: PartialEq + std::fmt::Display> Grid<M> {
    /// The grid of `matrices` (metric, rows × columns counts); margins are
    /// summed here.
    pub(super) fn new(matrices: Vec<(M, Vec<Vec<u64>>)>, rows: usize, columns: usize) -> Grid<M> {
        let mut grid = Grid { metrics: Vec::new(), rows, columns, values: Vec::new() };
        for (m, (name, matrix)) in matrices.into_iter().enumerate() {
            grid.metrics.push(name);
            grid.values.resize(grid.block() * (m + 1), 0);
            for (r, row) in matrix.iter().enumerate().take(rows) {
                for (c, &n) in row.iter().enumerate().take(columns) {
                    for pos in [Pos::Cell(r, c), Pos::Row(r), Pos::Column(c), Pos::Total] {
                        let i = grid.index(m, pos);
                        grid.values[i] += n;
                    }
                }
            }
        }
        grid
    }

    /// Values per metric.
    pub(super) fn block(&self) -> usize {
        self.rows * self.columns + self.rows + self.columns + 1
    }

    /// The flat index of metric `m` at `pos`.
    pub(super) fn index(&self, m: usize, pos: Pos) -> usize {
        let offset = match pos {
            Pos::Cell(r, c) => r * self.columns + c,
            Pos::Row(r) => self.rows * self.columns + r,
            Pos::Column(c) => self.rows * self.columns + self.rows + c,
            Pos::Total => self.rows * self.columns + self.rows + self.columns,
        };
        m * self.block() + offset
    }

    /// The index of `metric`.
    pub(super) fn metric(&self, metric: &M) -> Option<usize> {
        self.metrics.iter().position(|m| m == metric)
    }

    /// Every position, in index order.
    pub(super) fn positions(&self) -> Vec<Pos> {
        let cells = (0..self.rows).flat_map(|r| (0..self.columns).map(move |c| Pos::Cell(r, c)));
        cells
            .chain((0..self.rows).map(Pos::Row))
            .chain((0..self.columns).map(Pos::Column))
            .chain([Pos::Total])
            .collect()
    }

    /// The lines of each metric's own table: each row with its sum, each
    /// column with its sum, the row sums with the total, the column sums
    /// with the total.
    pub(super) fn table_lines(&self) -> Vec<Vec<usize>> {
        let mut lines = Vec::new();
        for m in 0..self.metrics.len() {
            let at = |pos| self.index(m, pos);
            for r in 0..self.rows {
                lines.push((0..self.columns).map(|c| at(Pos::Cell(r, c))).chain([at(Pos::Row(r))]).collect());
            }
            for c in 0..self.columns {
                lines.push((0..self.rows).map(|r| at(Pos::Cell(r, c))).chain([at(Pos::Column(c))]).collect());
            }
            lines.push((0..self.rows).map(|r| at(Pos::Row(r))).chain([at(Pos::Total)]).collect());
            lines.push((0..self.columns).map(|c| at(Pos::Column(c))).chain([at(Pos::Total)]).collect());
        }
        lines
    }

    /// The lines of `total = Σ parts` at every position. A metric absent
    /// from the grid is zero everywhere, never withheld, and left out.
    pub(super) fn identity_lines(&self, total: &M, parts: &[M]) -> Vec<Vec<usize>> {
        // The sum goes last (the convention of `disclosure`); an absent sum
        // is zero, so its parts are too.
        let Some(sum) = self.metric(total) else { return Vec::new() };
        let members: Vec<usize> = parts.iter().filter_map(|n| self.metric(n)).chain(std::iter::once(sum)).collect();
        if members.len() < 2 {
            return Vec::new();
        }
        self.positions().into_iter().map(|pos| members.iter().map(|&m| self.index(m, pos)).collect()).collect()
    }

    /// Every value, `None` where withheld and noised elsewhere; `span_of`
    /// names the hours and group a position counts, for its noise.
    pub(super) fn publish(
        &self,
        withheld: &[bool],
        noiser: &Noiser,
        span_of: impl Fn(Pos) -> ((u32, u32), Vec<(String, String)>),
    ) -> Vec<Count> {
        let mut published = vec![None; self.values.len()];
        let names: Vec<String> = self.metrics.iter().map(ToString::to_string).collect();
        for pos in self.positions() {
            let ((start, end), group) = span_of(pos);
            for (m, name) in names.iter().enumerate() {
                let i = self.index(m, pos);
                if !withheld[i] {
                    let id = CellId { metric: name, start, end, group: &group };
                    published[i] = Some(noiser.apply(&id, self.values[i]));
                }
            }
        }
        published
    }
}

/// What a published count counts: the metric, the hours `start..end` it
/// covers and its group (sorted `(dimension, value)` pairs; empty for all).
/// The same count gets the same identity in every export that shows it.
pub(super) struct CellId<'a> {
    pub(super) metric: &'a str,
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) group: &'a [(String, String)],
}
