//! Errors of loading and compiling keyword lists.

use std::fmt;

/// One thing wrong with a list, located as `file:line` where it has a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The list's file path (or `embedded:NAME` for built-in lists).
    pub file: String,
    /// 1-based line number; `None` for problems of the whole file.
    pub line: Option<u32>,
    /// What is wrong, in words a curator can act on.
    pub reason: String,
}

impl Problem {
    pub(crate) fn at(file: &str, line: u32, reason: impl Into<String>) -> Self {
        Problem { file: file.to_owned(), line: Some(line), reason: reason.into() }
    }

    pub(crate) fn file(file: &str, reason: impl Into<String>) -> Self {
        Problem { file: file.to_owned(), line: None, reason: reason.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

/// Lists that could not be loaded: every problem found, one per line. A list
/// with any problem is refused whole; nothing is half-loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    pub(crate) fn new(mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        LoadError { problems }
    }

    /// Every problem found, sorted by file and line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}
