//! The command-line interface outside tools rely on: `signpost check`,
//! `signpost check --jsonl` and `signpost lint`, run as real processes.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn signpost() -> Command {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = signpost().args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("signpost-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn check_prints_a_readable_verdict_with_the_demo_lists() {
    let (code, out, _) = run(&["check", "Z.0.R.V.1.K"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("hit: the query matches 1 entry\n"), "{out}");
    assert!(out.contains("list demo  category fictional-terms"), "{out}");
    let (_, out, _) = run(&["check", "cheap flights"]);
    assert!(out.starts_with("allow: no entry matches\n"), "{out}");
}

#[test]
fn check_json_and_explain() {
    let (code, out, _) = run(&["check", "--json", "--explain", "zoooorvik"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["hit"], true);
    assert_eq!(value["categories"][0], "fictional-terms");
    assert_eq!(value["lists"][0], "demo");
    assert_eq!(value["entries"][0].as_str().unwrap().len(), 16);
    assert_eq!(value["explain"][0]["via"][0], "repeats");
    assert_eq!(value["explain"][0]["source"], "embedded:demo.txt");
    assert!(value["list_version"].as_str().unwrap().len() == 12);
}

#[test]
fn check_uses_the_given_lists() {
    let list = temp_file("own.txt", "@id own\nflurbex\n");
    let (_, out, _) = run(&["check", "--keywords", &list, "--json", "flurbex"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["lists"][0], "own");
    let (_, out, _) = run(&["check", "--keywords", &list, "--json", "zorvik"]);
    assert!(out.contains("\"hit\":false"), "the demo lists are not loaded with --keywords: {out}");
}

#[test]
fn jsonl_answers_every_line_in_order_and_survives_bad_lines() {
    let mut child = signpost().args(["check", "--jsonl"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"{\"q\":\"zorvik\"}\n{\"q\":\"hello\",\"id\":7}\nnot json\n\n{\"x\":1}\n\xff\xfe\n{\"q\":\"plimplom\"}",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["hit"], true);
    assert_eq!(lines[0]["categories"][0], "fictional-terms");
    assert_eq!((lines[1]["hit"].as_bool(), lines[1]["id"].as_i64()), (Some(false), Some(7)));
    for bad in &lines[2..6] {
        assert!(bad["error"].as_str().unwrap().contains("expected a JSON object"), "{bad}");
    }
    assert_eq!(lines[6]["hit"], true, "a last line without newline is answered");
}

#[test]
fn jsonl_errors_never_repeat_the_input() {
    let mut child = signpost().args(["check", "--jsonl"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"\"MARKERzq\"\n{\"q\": 1, \"MARKERzq\": 2}\n").unwrap();
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|line| line.contains("\"error\"")), "{out}");
    assert!(!out.contains("MARKERzq"), "{out}");
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn jsonl_streams_in_constant_memory() {
    let mut child = signpost().args(["check", "--jsonl"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"{\"q\":\"where to find cheap flights to london tomorrow\"}\n{\"q\":\"z0rv1k\"}\n";
        for _ in 0..100_000 {
            stdin.write_all(line).unwrap();
        }
    });
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let (mut count, mut hits, mut early) = (0u64, 0u64, 0u64);
    while reader.read_line(&mut line).unwrap() > 0 {
        count += 1;
        hits += u64::from(line.contains("\"hit\":true"));
        if count == 20_000 {
            early = rss_kib(pid);
        }
        line.clear();
    }
    writer.join().unwrap();
    let late = rss_kib(pid).max(early);
    child.wait().unwrap();
    assert_eq!((count, hits), (200_000, 100_000));
    assert!(early > 0);
    assert!(late < early + 2048, "resident memory grew from {early} KiB to {late} KiB");
}

#[test]
fn lint_reports_bad_lines_and_exits_non_zero() {
    let list = temp_file("bad.txt", "zorvik\n@nonsense\nz*o*r\n");
    let (code, _, err) = run(&["lint", "--keywords", &list]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{list}:2: unknown directive `@nonsense`")), "{err}");
    assert!(err.contains(&format!("{list}:3: `*` is allowed only at the start or the end")), "{err}");
}

#[test]
fn lint_previews_false_positives() {
    let list = temp_file("fp.txt", "bet\nzorvik\nzorvik\n");
    let benign = temp_file("benign.txt", "place a bet\nbeeet\nsunny day\n");
    let (code, out, _) = run(&["lint", "--keywords", &list, "--benign", &benign]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("{list}:3: duplicate: duplicate of {list}:2")), "{out}");
    assert!(out.contains(&format!("{list}:1: short:")), "{out}");
    assert!(out.contains(&format!("{list}:1: benign: entry fired on 2 innocent lines via plain, repeats")), "{out}");
    assert!(out.contains("2 of 3 innocent lines matched (1 entry)"), "{out}");
    let (code, _, _) = run(&["lint", "--keywords", &list, "--benign", &benign, "--deny-warnings"]);
    assert_eq!(code, 1);
    let (_, json, _) = run(&["lint", "--keywords", &list, "--benign", &benign, "--json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["benign_hits"][0]["count"], 2);
}

#[test]
fn the_demo_lists_lint_clean() {
    let (code, out, _) = run(&["lint", "--deny-warnings"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn operators_extend_the_dictionary_guard_with_their_own_words() {
    let list = temp_file("guard.txt", "@id guard\nflurbex\n");
    // The entry's plural matches through the inflection reading...
    let (_, out, _) = run(&["check", "--keywords", &list, "--json", "flurbexes"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["hit"], true, "{out}");
    // ...until the operator says it is one of their ordinary words.
    let words = temp_file("words.txt", "Flurbexes\nother words here\n");
    let (_, out, _) = run(&["check", "--keywords", &list, "--dictionary", &words, "--json", "flurbexes"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["hit"], false, "{out}");
    // As written, the entry still matches.
    let (_, out, _) = run(&["check", "--keywords", &list, "--dictionary", &words, "--json", "flurbex"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["hit"], true, "{out}");
    let (code, _, err) = run(&["check", "--keywords", &list, "--dictionary", "/nonexistent/words.txt", "flurbex"]);
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/words.txt") && err.contains("cannot read dictionary words"), "{err}");
}

#[test]
fn lint_names_entries_that_are_dictionary_words() {
    let list = temp_file("lintdict.txt", "tornado\nflurbex\n");
    let (_, out, _) = run(&["lint", "--keywords", &list]);
    assert!(out.contains("lintdict.txt:1: dictionary-word:"), "{out}");
    assert!(!out.contains("tornado"), "findings never quote the entry: {out}");
}

#[test]
fn dictionary_build_writes_an_fst_of_folded_words() {
    let words = temp_file("build-words.txt", "Zörvik\tde\t3.5\nplain words line\n");
    let out_path = std::env::temp_dir().join(format!("signpost-cli-{}-dict.fst", std::process::id()));
    let out_arg = out_path.display().to_string();
    let (code, out, err) = run(&["dictionary", "build", "--out", &out_arg, &words]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("4 words, "), "{out}");
    assert!(std::fs::metadata(&out_path).unwrap().len() > 0);
    let bad = temp_file("bad-words.txt", "word\txx\t3.0\n");
    let (code, _, err) = run(&["dictionary", "build", "--out", &out_arg, &bad]);
    assert_ne!(code, 0);
    assert!(err.contains("line 1: unknown language"), "{err}");
}
