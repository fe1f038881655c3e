//! `examples/signpost.toml`: it loads, it sets only defaults, and it
//! documents every key with its environment twin.

use std::path::Path;

use signpost::config::{Config, FlagOverrides};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/signpost.toml");

#[test]
fn the_example_file_loads_and_sets_only_defaults() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let parsed: Config = toml::from_str(&text).expect("the example is a valid configuration");
    assert_eq!(parsed, Config::default());
    let loaded = Config::load(Some(Path::new(EXAMPLE)), &FlagOverrides::default()).expect("it loads");
    assert_eq!(loaded, Config::default());
}

#[test]
fn the_example_file_documents_every_key_and_its_environment_twin() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let defaults = serde_json::to_value(Config::default()).unwrap();
    let mut missing = Vec::new();
    check_keys(&text, &defaults, &mut Vec::new(), &mut missing);
    assert!(missing.is_empty(), "examples/signpost.toml misses: {missing:?}");
}

/// Every leaf key (including unset options and empty tables) must appear as
/// `key =`, `# key =` or `[table]`, with `env: SIGNPOST_PATH__KEY`.
fn check_keys(text: &str, value: &serde_json::Value, path: &mut Vec<String>, missing: &mut Vec<String>) {
    if let serde_json::Value::Object(map) = value {
        if !map.is_empty() {
            for (key, child) in map {
                path.push(key.clone());
                check_keys(text, child, path, missing);
                path.pop();
            }
            return;
        }
    }
    let key = path.last().map(String::as_str).unwrap_or_default();
    let dotted = path.join(".");
    let written = text.lines().any(|line| {
        let line = line.trim_start_matches('#').trim();
        line.starts_with(&format!("{key} =")) || line == format!("[{dotted}]")
    });
    if !written {
        missing.push(format!("key `{dotted}`"));
    }
    let env = format!("env: SIGNPOST_{}", path.join("__").to_ascii_uppercase());
    let documented = text
        .match_indices(&env)
        .any(|(at, _)| text[at + env.len()..].chars().next().is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_')));
    if !documented {
        missing.push(format!("`{env}`"));
    }
}
