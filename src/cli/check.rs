//! `signpost check`: the verdict for one query, or for a stream of JSON lines.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;
use signpost::keywords::{MatchKind, Matcher, Scratch, Verdict};

use super::{CliError, ListArgs};

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// Print the verdict as JSON.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Show how each entry was found (which readings of the text), with its place in the list.
    #[arg(long, conflicts_with = "jsonl")]
    explain: bool,
    /// Read JSON lines `{"q": "..."}` from standard input and write one JSON verdict per line, in order.
    #[arg(long)]
    jsonl: bool,
    /// The query to check.
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    query: Option<String>,
}

#[derive(Serialize)]
struct Line<'a> {
    hit: bool,
    entries: Vec<String>,
    categories: Vec<&'a str>,
    lists: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
}

impl<'a> Line<'a> {
    fn new(verdict: &'a Verdict, id: Option<serde_json::Value>) -> Self {
        let mut lists: Vec<&str> = Vec::new();
        for m in verdict.matches() {
            if !lists.contains(&&*m.list) {
                lists.push(&m.list);
            }
        }
        Line {
            hit: verdict.is_hit(),
            entries: verdict.matches().iter().map(|m| m.entry.to_string()).collect(),
            categories: verdict.categories(),
            lists,
            id,
        }
    }
}

#[derive(serde::Deserialize)]
struct Input {
    q: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

pub fn run(args: CheckArgs) -> Result<ExitCode, CliError> {
    let (_, matcher, _) = args.lists.load()?;
    if args.jsonl {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        stream(&matcher, stdin.lock(), BufWriter::new(stdout.lock()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.query.unwrap_or_default();
    let verdict = matcher.check(&query);
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut value = serde_json::to_value(Line::new(&verdict, None)).map_err(std::io::Error::other)?;
        value["list_version"] = matcher.version().into();
        if args.explain {
            value["explain"] = serde_json::to_value(matcher.explain(&query)).map_err(std::io::Error::other)?;
        }
        writeln!(out, "{value}")?;
        return Ok(ExitCode::SUCCESS);
    }
    if verdict.is_hit() {
        writeln!(out, "hit: the query matches {} entr{}", verdict.matches().len(), plural(verdict.matches().len()))?;
        for m in verdict.matches() {
            let kind = match m.kind {
                MatchKind::Entry => "entry",
                MatchKind::Rule => "rule",
            };
            writeln!(out, "  entry {}  list {}  category {}  ({kind})", m.entry, m.list, m.category)?;
        }
    } else {
        writeln!(out, "allow: no entry matches")?;
    }
    if args.explain {
        for e in matcher.explain(&query) {
            let veto = if e.vetoed { "  [vetoed by an allow entry]" } else { "" };
            writeln!(out, "  {} {}:{} {} via {}{}", e.role, e.source, e.line, e.entry, e.via.join(", "), veto)?;
        }
    }
    writeln!(out, "list version {}", matcher.version())?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}

/// Checks each JSON line of `input`, writing one verdict line per input line
/// in order. Memory stays constant however long the stream is.
fn stream(matcher: &Matcher, mut input: impl BufRead, mut output: impl Write) -> Result<(), CliError> {
    let mut line = Vec::with_capacity(4096);
    let mut out = Vec::with_capacity(4096);
    let mut scratch = Scratch::default();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        out.clear();
        match serde_json::from_slice::<Input>(text) {
            Ok(input) => {
                let verdict = matcher.check_with(&input.q, &mut scratch);
                serde_json::to_writer(&mut out, &Line::new(&verdict, input.id)).map_err(std::io::Error::other)?;
            }
            Err(error) => {
                let message = if text.iter().all(u8::is_ascii_whitespace) {
                    "empty line: expected a JSON object {\"q\": \"...\"}".to_owned()
                } else {
                    format!("expected a JSON object {{\"q\": \"...\"}}: {}", signpost::json_errors::describe(&error))
                };
                serde_json::to_writer(&mut out, &serde_json::json!({ "error": message }))
                    .map_err(std::io::Error::other)?;
            }
        }
        out.push(b'\n');
        output.write_all(&out)?;
    }
    output.flush()?;
    Ok(())
}
