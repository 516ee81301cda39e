//! What every reader produces: the records of a file (or of a block of one), the
//! problems found in it by line, and the lines read as Windows-1252 because they were
//! not UTF-8. The loader applies the input caps to it and adds it to the corpus.

use crate::model::{ParsedRecord, ProblemKind};

/// What a reader produced from a file or a block of one.
#[derive(Debug, Default)]
pub struct BlockResult {
    pub records: Vec<ParsedRecord>,
    /// (line, problem)
    pub problems: Vec<(u64, ProblemKind)>,
    /// Lines decoded as Windows-1252 because they were not UTF-8: (first line, count).
    pub non_utf8: Option<(u64, u64)>,
}

impl BlockResult {
    /// A result with one problem about the whole file (line 0) and no records.
    pub fn file_problem(kind: ProblemKind) -> Self {
        BlockResult {
            problems: vec![(0, kind)],
            ..Default::default()
        }
    }

    /// The problems as (line, message), as they will be printed.
    pub fn messages(&self) -> Vec<(u64, String)> {
        self.problems
            .iter()
            .map(|(line, kind)| (*line, kind.to_string()))
            .collect()
    }

    /// Counts line `line` as read as Windows-1252.
    pub fn note_non_utf8(&mut self, line: u64) {
        self.non_utf8 = Some(match self.non_utf8 {
            Some((first, n)) => (first, n + 1),
            None => (line, 1),
        });
    }
}
