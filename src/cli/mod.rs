//! Command-line interface: argument parsing and one module per subcommand.
//! Outside tools rely on these flags and output formats; change them only
//! compatibly.

mod check;
mod dictionary;
mod lint;
mod serve;
mod simulate;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use signpost::keywords::{Dictionary, KeywordList, LoadError, Matcher, demo_lists, load_dictionary, load_paths};

/// signpost: warns people who search for child sexual abuse material and offers help.
#[derive(Parser, Debug)]
#[command(name = "signpost", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the inline service (with no arguments: 127.0.0.1:8080, demo lists, embedded content).
    Serve(serve::ServeArgs),
    /// Check queries against the keyword lists.
    Check(check::CheckArgs),
    /// Check keyword lists for problems and, with --benign, preview false positives.
    Lint(lint::LintArgs),
    /// Print the research export from Redis or the embedded store.
    Stats(stats::StatsArgs),
    /// Build a dictionary of ordinary words (the guard against fuzzy false positives).
    Dictionary(dictionary::DictionaryArgs),
    /// Send weeks of synthetic traffic to a running service in demo mode (for the dashboard).
    Simulate(simulate::SimulateArgs),
}

/// Where keyword lists come from (shared by every subcommand that matches).
#[derive(Args, Debug, Clone)]
pub struct ListArgs {
    /// A keyword list file, or a directory of `*.txt` lists; repeatable.
    /// Without it, the embedded demo lists (fictional terms) are used.
    #[arg(long = "keywords", value_name = "PATH")]
    pub keywords: Vec<PathBuf>,
    /// A file of your own innocent words (one or more a line), added to the built-in dictionary that
    /// keeps fuzzy readings off ordinary words; repeatable.
    #[arg(long = "dictionary", value_name = "FILE")]
    pub dictionary: Vec<PathBuf>,
}

impl ListArgs {
    /// Loads the lists (or the demo lists) and the dictionary, and compiles them.
    pub fn load(&self) -> Result<(Vec<KeywordList>, Matcher, Dictionary), CliError> {
        let lists = if self.keywords.is_empty() { demo_lists()? } else { load_paths(&self.keywords)? };
        let dictionary = load_dictionary(&self.dictionary)?;
        let matcher = Matcher::builder().lists(lists.clone()).dictionary(dictionary.clone()).build()?;
        Ok((lists, matcher, dictionary))
    }
}

/// Errors that end a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The lists could not be loaded; every problem is listed.
    #[error("the keyword lists were refused:\n{0}")]
    Lists(#[from] LoadError),
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A command-line value is unusable.
    #[error("{0}")]
    Usage(String),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::Lint(args) => lint::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Simulate(args) => simulate::run_command(args),
        Command::Dictionary(args) => dictionary::run(args),
    }
}
