//! `signpost dictionary`: builds a dictionary of ordinary words (the guard
//! that keeps fuzzy readings off ordinary words) from word lists.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use signpost::keywords::dictionary;

use super::CliError;

#[derive(Args, Debug)]
pub struct DictionaryArgs {
    #[command(subcommand)]
    command: DictionaryCommand,
}

#[derive(Subcommand, Debug)]
enum DictionaryCommand {
    /// Fold the words of word lists and write them as an FST (lines of `word<TAB>language<TAB>zipf`, or plain words).
    Build {
        /// Where to write the FST.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Word list files, UTF-8: `word<TAB>language<TAB>zipf` lines, or one or more plain words a line.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<PathBuf>,
    },
}

pub fn run(args: DictionaryArgs) -> Result<ExitCode, CliError> {
    match args.command {
        DictionaryCommand::Build { out, words } => {
            let mut text = String::new();
            for path in &words {
                let bytes = std::fs::read(path)
                    .map_err(|e| CliError::Usage(format!("cannot read word list {}: {e}", path.display())))?;
                let part = String::from_utf8(bytes)
                    .map_err(|_| CliError::Usage(format!("word list {} is not UTF-8", path.display())))?;
                text.push_str(&part);
                text.push('\n');
            }
            let (bytes, count) = dictionary::build_fst(text.lines()).map_err(|e| CliError::Usage(e.to_string()))?;
            std::fs::write(&out, &bytes)?;
            writeln!(std::io::stdout(), "{count} words, {} bytes: {}", bytes.len(), out.display())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
