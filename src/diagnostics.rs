//! One diagnostics type for everything an operator or curator loads: keyword
//! lists, dictionaries and content files. A load fails with every problem
//! found, each named `file:line: reason` (or `file: reason` for a problem of
//! the whole file), and never quotes what a person typed.

use std::fmt;

/// One thing wrong with a loaded file, located as `file:line` where it has a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's path, or `embedded:NAME` for built-in lists and content.
    pub file: String,
    /// 1-based line number; `None` for problems of the whole file.
    pub line: Option<u32>,
    /// What is wrong, in words a curator or operator can act on.
    pub reason: String,
}

impl Problem {
    /// A problem at `line` of `file`.
    pub fn at(file: &str, line: u32, reason: impl Into<String>) -> Self {
        Problem { file: file.to_owned(), line: Some(line), reason: reason.into() }
    }

    /// A problem of `file` as a whole.
    pub fn file(file: &str, reason: impl Into<String>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn problems_name_file_and_line() {
        assert_eq!(Problem::at("lists/a.txt", 3, "empty entry").to_string(), "lists/a.txt:3: empty entry");
        assert_eq!(
            Problem::file("embedded:messages/en.toml", "no title").to_string(),
            "embedded:messages/en.toml: no title"
        );
    }
}
