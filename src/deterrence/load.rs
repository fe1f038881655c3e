//! Reading content: the files embedded in the binary, overlaid file by file
//! with an operator's directory, then parsed and validated as one set.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::chatbot;
use super::check::{Problems, SourceFile, is_language_tag};
use super::content::Content;
use super::error::ContentError;
use super::helplines;
use super::messages;
use super::variants;

/// Every content file compiled into the binary, by path relative to
/// `content/`, in path order. A test checks this against the directory.
pub(super) const EMBEDDED: &[(&str, &str)] = &[
    ("chatbot/en.toml", include_str!("../../content/chatbot/en.toml")),
    ("chatbot/nl.toml", include_str!("../../content/chatbot/nl.toml")),
    ("helplines.toml", include_str!("../../content/helplines.toml")),
    ("messages/de.toml", include_str!("../../content/messages/de.toml")),
    ("messages/en.toml", include_str!("../../content/messages/en.toml")),
    ("messages/es.toml", include_str!("../../content/messages/es.toml")),
    ("messages/fr.toml", include_str!("../../content/messages/fr.toml")),
    ("messages/nl.toml", include_str!("../../content/messages/nl.toml")),
    ("variants.toml", include_str!("../../content/variants.toml")),
];

/// Largest content file read from an operator's directory.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// The content directories that hold one file per locale.
const LOCALE_DIRS: [&str; 2] = ["messages", "chatbot"];

/// Loads the embedded content, overlaid with `dir`, and validates it whole.
pub(super) fn load(dir: Option<&Path>) -> Result<Content, ContentError> {
    let mut problems = Problems::default();
    let mut files: BTreeMap<String, SourceFile> = EMBEDDED
        .iter()
        .map(|(rel, text)| {
            let file =
                SourceFile { rel: (*rel).to_owned(), label: format!("embedded:{rel}"), text: (*text).to_owned() };
            ((*rel).to_owned(), file)
        })
        .collect();
    if let Some(dir) = dir {
        overlay(dir, &mut files, &mut problems);
    }
    let version = version(&files);

    let variants = files.get("variants.toml").and_then(|file| {
        let raw = problems.parse::<variants::RawVariantsFile>(file)?;
        Some(variants::validate(file, raw, &mut problems))
    });

    let mut messages = Vec::new();
    let mut flows = Vec::new();
    for file in files.values() {
        let Some((dir, locale)) = locale_file(&file.rel) else { continue };
        if !is_language_tag(locale) {
            problems
                .file(file, format!("file name: `{locale}` is not a locale (a language tag such as `nl` or `pt-BR`)"));
            continue;
        }
        if dir == "messages" {
            if let Some(raw) = problems.parse::<messages::RawMessages>(file) {
                messages.push(messages::validate(file, locale, raw, variants.as_deref(), &mut problems));
            }
        } else if let Some(raw) = problems.parse::<chatbot::RawFlow>(file) {
            flows.push((file, chatbot::validate(file, locale, raw, &mut problems)));
        }
    }
    let flows = chatbot::group(flows, &mut problems);

    let helplines = files.get("helplines.toml").and_then(|file| {
        let raw = problems.parse::<helplines::RawHelplinesFile>(file)?;
        Some(helplines::validate(file, raw, &mut problems))
    });

    // English is the fallback of every lookup. The embedded files always
    // provide it (an overlay replaces, never removes), so this guards the
    // embedded list itself.
    messages.sort_by_key(|m| (m.locale != "en", m.locale.clone()));
    for rel in ["messages/en.toml", "chatbot/en.toml"] {
        if !files.contains_key(rel) {
            problems.label(rel, "missing: English is the fallback for every locale");
        }
    }

    if !problems.is_empty() {
        return Err(ContentError::new(problems.0));
    }
    Ok(Content {
        version,
        variants: variants.unwrap_or_default(),
        messages,
        helplines: helplines.unwrap_or_default(),
        flows,
    })
}

/// `("messages", "nl")` for `messages/nl.toml`.
fn locale_file(rel: &str) -> Option<(&str, &str)> {
    let (dir, name) = rel.split_once('/')?;
    let locale = name.strip_suffix(".toml")?;
    LOCALE_DIRS.contains(&dir).then_some((dir, locale))
}

/// Replaces embedded files with the `.toml` files of `dir` that have the
/// same relative path, and adds new locales. Other files (a README) are
/// ignored; a `.toml` file that is not part of the layout is a problem.
fn overlay(dir: &Path, files: &mut BTreeMap<String, SourceFile>, problems: &mut Problems) {
    let entries = match read_dir_sorted(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.label(&dir.display().to_string(), format!("cannot read the content directory: {error}"));
            return;
        }
    };
    for (name, path) in entries {
        if path.is_dir() {
            if !LOCALE_DIRS.contains(&name.as_str()) {
                continue;
            }
            let inner = match read_dir_sorted(&path) {
                Ok(inner) => inner,
                Err(error) => {
                    problems.label(&path.display().to_string(), format!("cannot read the directory: {error}"));
                    continue;
                }
            };
            for (file_name, file_path) in inner {
                if file_name.ends_with(".toml") && !file_path.is_dir() {
                    read_into(&format!("{name}/{file_name}"), &file_path, files, problems);
                }
            }
        } else if name == "variants.toml" || name == "helplines.toml" {
            read_into(&name, &path, files, problems);
        } else if name.ends_with(".toml") {
            problems.label(
                &path.display().to_string(),
                "not a content file: expected variants.toml, helplines.toml, messages/<locale>.toml or chatbot/<locale>.toml",
            );
        }
    }
}

/// The entries of a directory with their names (lossy UTF-8), sorted by name.
fn read_dir_sorted(dir: &Path) -> std::io::Result<Vec<(String, std::path::PathBuf)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push((entry.file_name().to_string_lossy().into_owned(), entry.path()));
    }
    entries.sort();
    Ok(entries)
}

/// Reads one operator file into the set (replacing an embedded one).
fn read_into(rel: &str, path: &Path, files: &mut BTreeMap<String, SourceFile>, problems: &mut Problems) {
    let label = path.display().to_string();
    let bytes = match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            problems.label(&label, format!("larger than {MAX_FILE_BYTES} bytes"));
            return;
        }
        Ok(_) => fs::read(path),
        Err(error) => Err(error),
    };
    let text = match bytes {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                problems.label(&label, "not UTF-8 text");
                return;
            }
        },
        Err(error) => {
            problems.label(&label, format!("cannot read: {error}"));
            return;
        }
    };
    files.insert(rel.to_owned(), SourceFile { rel: rel.to_owned(), label, text });
}

/// The first 12 hex digits of SHA-256 over every file in path order; each
/// file contributes its relative path, a NUL, its length (8 bytes,
/// little-endian) and its bytes, so moving text between files changes it.
fn version(files: &BTreeMap<String, SourceFile>) -> String {
    let mut hash = Sha256::new();
    for file in files.values() {
        hash.update(file.rel.as_bytes());
        hash.update([0]);
        hash.update((file.text.len() as u64).to_le_bytes());
        hash.update(file.text.as_bytes());
    }
    hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}
