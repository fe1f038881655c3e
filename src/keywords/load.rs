//! Reading lists from files and directories, and the embedded demo lists.

use std::path::{Path, PathBuf};

use super::error::{LoadError, Problem};
use super::list::KeywordList;

/// The demo lists built into the binary: fictional terms only, used when no
/// list is given.
pub const DEMO_LISTS: &[(&str, &str)] = &[
    ("embedded:demo.txt", include_str!("../../keywords/demo.txt")),
    ("embedded:demo-rules.txt", include_str!("../../keywords/demo-rules.txt")),
    ("embedded:demo-intl.txt", include_str!("../../keywords/demo-intl.txt")),
];

/// Parses the embedded demo lists.
pub fn demo_lists() -> Result<Vec<KeywordList>, LoadError> {
    collect(DEMO_LISTS.iter().map(|(name, text)| KeywordList::parse(name, text.as_bytes())))
}

/// Loads lists from files and directories. A directory contributes every
/// `*.txt` file in it (not recursively), in name order. Every problem of every
/// file is reported; if there is any, nothing is loaded.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<KeywordList>, LoadError> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.is_dir() {
            match list_files(path) {
                Ok(found) if found.is_empty() => {
                    problems.push(Problem::file(&path.display().to_string(), "directory holds no .txt list files"));
                }
                Ok(found) => files.extend(found),
                Err(error) => {
                    problems.push(Problem::file(&path.display().to_string(), format!("cannot read directory: {error}")))
                }
            }
        } else {
            files.push(path.to_path_buf());
        }
    }
    let parsed = files.iter().map(|file| {
        let name = file.display().to_string();
        match std::fs::read(file) {
            Ok(bytes) => KeywordList::parse(&name, &bytes),
            Err(error) => Err(LoadError::new(vec![Problem::file(&name, format!("cannot read: {error}"))])),
        }
    });
    match collect(parsed) {
        Ok(lists) if problems.is_empty() => Ok(lists),
        Ok(_) => Err(LoadError::new(problems)),
        Err(error) => {
            problems.extend(error.problems().iter().cloned());
            Err(LoadError::new(problems))
        }
    }
}

fn list_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_file() && name.ends_with(".txt") && !name.starts_with('.') {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn collect(parsed: impl Iterator<Item = Result<KeywordList, LoadError>>) -> Result<Vec<KeywordList>, LoadError> {
    let mut lists = Vec::new();
    let mut problems = Vec::new();
    for result in parsed {
        match result {
            Ok(list) => lists.push(list),
            Err(error) => problems.extend(error.problems().iter().cloned()),
        }
    }
    if problems.is_empty() { Ok(lists) } else { Err(LoadError::new(problems)) }
}
