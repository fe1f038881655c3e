//! The `signpost` command: `check` and `lint` for list curators (and, as the
//! service grows, `serve` and `stats`). See `signpost --help`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("signpost: {error}");
            ExitCode::from(2)
        }
    }
}
