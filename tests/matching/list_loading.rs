//! Loading lists from files and directories: every problem reported as
//! `file:line: reason`, nothing half-loaded, stable entry ids.

use std::fs;

use signpost::keywords::{KeywordList, Matcher, demo_lists, load_paths};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("signpost-lists-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn several_files_and_directories_load_together() {
    let dir = temp_dir("several");
    fs::write(dir.join("a.txt"), "zorvik\n").unwrap();
    fs::write(dir.join("b.txt"), "@id bee\nblemquat\n").unwrap();
    fs::write(dir.join("notes.md"), "not a list\n").unwrap();
    let single = dir.join("single");
    fs::create_dir_all(&single).unwrap();
    let extra = single.join("extra.list");
    fs::write(&extra, "glimfen\n").unwrap();
    let lists = load_paths(&[dir.clone(), extra.clone()]).unwrap();
    let ids: Vec<&str> = lists.iter().map(|l| l.meta.id.as_str()).collect();
    assert_eq!(ids, ["a", "bee", "extra"]);
    let matcher = Matcher::builder().lists(lists).build().unwrap();
    for (query, list) in [("zorvik", "a"), ("blemquat", "bee"), ("glimfen", "extra")] {
        let verdict = matcher.check(query);
        assert_eq!(&*verdict.matches()[0].list, list, "{query}");
    }
}

#[test]
fn every_bad_line_of_every_file_is_reported_and_nothing_loads() {
    let dir = temp_dir("bad");
    fs::write(dir.join("a.txt"), "zorvik\n@bogus\n").unwrap();
    fs::write(dir.join("b.txt"), "ok\n/(/\n").unwrap();
    let error = load_paths(&[dir.clone(), dir.join("missing.txt")]).unwrap_err();
    let lines: Vec<String> = error.problems().iter().map(|p| p.to_string()).collect();
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("b.txt").display().to_string();
    let missing = dir.join("missing.txt").display().to_string();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with(&format!("{a}:2: unknown directive `@bogus`")), "{}", lines[0]);
    assert!(lines[1].starts_with(&format!("{b}:2: bad regular expression")), "{}", lines[1]);
    assert!(lines[2].starts_with(&format!("{missing}: cannot read")), "{}", lines[2]);
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = temp_dir("empty");
    let error = load_paths(std::slice::from_ref(&dir)).unwrap_err();
    assert!(error.to_string().contains("holds no .txt list files"), "{error}");
}

#[test]
fn rules_may_use_groups_of_other_files_but_not_unknown_ones() {
    let groups = KeywordList::parse("groups.txt", b"@group noun\nglorp\n@end\n").unwrap();
    let rules =
        KeywordList::parse("rules.txt", b"@age minor\n@rule r1 = minor + noun\n@rule r2 = noun + nothing\n").unwrap();
    let error = Matcher::builder().list(groups.clone()).list(rules).build().unwrap_err();
    assert_eq!(error.to_string(), "rules.txt:3: rule names group `nothing`, which no loaded list defines");
    let rules = KeywordList::parse("rules.txt", b"@age minor\n@rule r1 = minor + noun\n").unwrap();
    let matcher = Matcher::builder().list(groups).list(rules).build().unwrap();
    assert!(matcher.check("glorp 10yo").is_hit());
}

#[test]
fn an_age_alone_decides_nothing_but_curators_still_see_it() {
    let groups = KeywordList::parse("groups.txt", b"@group noun\nglorp\n@end\n").unwrap();
    let rules = KeywordList::parse("rules.txt", b"@age minor\n@rule r1 = minor + noun\n").unwrap();
    let matcher = Matcher::builder().list(groups).list(rules).build().unwrap();
    assert!(!matcher.check("a 10yo").is_hit());
    let explained = matcher.explain("a 10yo");
    assert_eq!(explained.len(), 1, "{explained:?}");
    assert_eq!(explained[0].via, ["age"]);
    assert!(matcher.check("10yo glorp").is_hit(), "the age is read once its companion is seen");
    let alone = KeywordList::parse("ages.txt", b"@age young max=12\n@age minor\n@rule r1 = young + minor\n").unwrap();
    assert!(
        Matcher::builder().list(alone).build().unwrap().check("a 10yo").is_hit(),
        "a rule of ages only is always read"
    );
}

#[test]
fn entry_ids_follow_the_normalised_form_not_the_line() {
    let id = |text: &str| {
        let list = KeywordList::parse("l.txt", text.as_bytes()).unwrap();
        let matcher = Matcher::builder().list(list).build().unwrap();
        matcher.check("zorvik").matches()[0].entry
    };
    let first = id("zorvik\n");
    assert_eq!(first, id("# moved down\nblemquat\nZÖRVIK\n"));
    assert_eq!(first.to_string().len(), 16);
    assert!(!first.to_string().contains("zorvik"));
    let keyed = {
        let list = KeywordList::parse("l.txt", b"zorvik\n").unwrap();
        Matcher::builder().list(list).entry_id_key("operator secret").build().unwrap().check("zorvik").matches()[0]
            .entry
    };
    assert_ne!(first, keyed, "a secret key changes every id");
}

#[test]
fn list_version_changes_with_any_list_version() {
    let version = |text: &str| {
        let list = KeywordList::parse("l.txt", text.as_bytes()).unwrap();
        Matcher::builder().list(list).build().unwrap().version().to_owned()
    };
    assert_eq!(version("@version 1\nzorvik\n"), version("@version 1\nblemquat\n"));
    assert_ne!(version("@version 1\nzorvik\n"), version("@version 2\nzorvik\n"));
    assert_ne!(version("zorvik\n"), version("blemquat\n"), "without @version the content decides");
}

#[test]
fn demo_lists_exercise_every_feature() {
    let lists = demo_lists().unwrap();
    let text: String = lists.iter().flat_map(|l| l.items.iter().map(|i| format!("{:?}\n", i.body))).collect();
    for feature in ["Prefix", "Suffix", "Substring", "Regex", "typo: true", "any_order: true", "Age", "Rule"] {
        assert!(text.contains(feature), "demo lists lack {feature}");
    }
    assert!(lists.iter().flat_map(|l| &l.items).any(|i| i.role == signpost::keywords::Role::Allow));
    let matcher = Matcher::builder().lists(lists).build().unwrap();
    assert!(matcher.entries_len() > 20);
    assert!(matcher.memory_usage() > 0);
}

#[test]
fn the_format_example_in_the_list_documentation_loads_as_written() {
    let readme = include_str!("../../keywords/README.md");
    let after = &readme[readme.find("This example loads as it is:").expect("the example is introduced")..];
    let start = after.find("```text\n").expect("a text block") + "```text\n".len();
    let example = &after[start..start + after[start..].find("```").expect("the block ends")];
    let list = KeywordList::parse("example.txt", example.as_bytes()).expect("the example loads");
    assert_eq!(list.meta.id, "my-list");
    let matcher = Matcher::builder().lists(vec![list.clone()]).build().unwrap();
    for (query, hit) in [("zorvik", true), ("zorvik valley", false), ("plimplom", true), ("twelve yo glorp", true)] {
        assert_eq!(matcher.check(query).is_hit(), hit, "{query}");
    }
    assert!(signpost::keywords::lint_lists(&[list]).findings.is_empty(), "the example is lint-clean");
}
