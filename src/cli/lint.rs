//! `signpost lint`: list problems and the false-positive preview.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use signpost::keywords::{lint_benign, lint_dictionary, lint_lists};

use super::{CliError, ListArgs};

#[derive(Args, Debug)]
pub struct LintArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// A file of innocent queries or words, one per line: report the entries that fire on them.
    #[arg(long, value_name = "FILE")]
    benign: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Exit with status 1 when there is any finding or benign hit (for CI of list repositories).
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: LintArgs) -> Result<ExitCode, CliError> {
    let (lists, matcher, dictionary) = match args.lists.load() {
        Ok(loaded) => loaded,
        Err(CliError::Lists(error)) => {
            let mut err = std::io::stderr().lock();
            let count = error.problems().len();
            writeln!(
                err,
                "signpost lint: the lists were refused ({count} problem{}):",
                if count == 1 { "" } else { "s" }
            )?;
            writeln!(err, "{error}")?;
            return Ok(ExitCode::from(1));
        }
        Err(other) => return Err(other),
    };
    let mut report = lint_lists(&lists);
    lint_dictionary(&mut report, &lists, &dictionary);
    if let Some(path) = &args.benign {
        let bytes = std::fs::read(path)
            .map_err(|e| CliError::Usage(format!("cannot read benign file {}: {e}", path.display())))?;
        let text = String::from_utf8_lossy(&bytes);
        lint_benign(&mut report, &matcher, text.lines());
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        for finding in &report.findings {
            writeln!(out, "{}: {}: {}", finding.at, finding.kind, finding.message)?;
        }
        if args.benign.is_some() {
            for hit in &report.benign_hits {
                let advice = if hit.only_fuzzy {
                    "fires only through a fuzzy reading: add `allow:` lines for these innocent words"
                } else {
                    "fires as written: consider a longer phrase or a rule"
                };
                writeln!(
                    out,
                    "{}: benign: {} fired on {} innocent line{} via {}; {advice}",
                    hit.at,
                    hit.role,
                    hit.count,
                    if hit.count == 1 { "" } else { "s" },
                    hit.via.join(", ")
                )?;
                for example in &hit.examples {
                    writeln!(out, "    e.g. {example}")?;
                }
            }
        }
        write!(
            out,
            "{} entries in {} list{}; {} finding{}",
            report.entries,
            lists.len(),
            s(lists.len()),
            report.findings.len(),
            s(report.findings.len())
        )?;
        if args.benign.is_some() {
            write!(
                out,
                "; {} of {} innocent lines matched ({} entr{})",
                report.benign_lines_hit,
                report.benign_lines,
                report.benign_hits.len(),
                if report.benign_hits.len() == 1 { "y" } else { "ies" }
            )?;
        }
        writeln!(out)?;
    }
    if args.deny_warnings && !report.is_clean() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
