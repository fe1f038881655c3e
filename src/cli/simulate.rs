//! `signpost simulate`: fills a running service (in demo mode) with weeks of
//! realistic synthetic traffic, for the dashboard.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use signpost::simulate::{Simulation, run};

use super::CliError;

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The running service (started with the demo lists: `signpost serve`).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Days of traffic, ending today.
    #[arg(long, default_value_t = 28)]
    days: u32,
    /// Searches on an ordinary weekday (weekends have a quarter more).
    #[arg(long, default_value_t = 2500)]
    checks_per_day: u32,
    /// The day (0-based from the first) the intervention starts.
    #[arg(long, default_value_t = 14)]
    intervention_day: u32,
    /// Seed of the random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Parallel connections.
    #[arg(long, default_value_t = 4)]
    connections: usize,
}

pub fn run_command(args: SimulateArgs) -> Result<ExitCode, CliError> {
    let simulation = Simulation {
        base_url: args.url,
        days: args.days,
        checks_per_day: args.checks_per_day,
        intervention_day: args.intervention_day.min(args.days.saturating_sub(1)),
        seed: args.seed,
        connections: args.connections,
        ..Simulation::default()
    };
    let first = signpost::analytics::export::day_to_date(simulation.first_day());
    let intervention = signpost::analytics::export::day_to_date(simulation.first_day() + simulation.intervention_day);
    let report = run(&simulation, |day, days| {
        eprint!("\rsimulated day {day} of {days}");
        let _ = std::io::stderr().flush();
    })
    .map_err(|e| CliError::Usage(e.to_string()))?;
    eprintln!();
    println!(
        "sent {} checks ({} warned) and {} events in {:.1} s; {} failed",
        report.checks, report.warnings, report.events, report.seconds, report.failures
    );
    println!(
        "the intervention starts on {intervention}; open {}/dashboard?from={first}&intervention={intervention}",
        simulation.base_url
    );
    Ok(ExitCode::SUCCESS)
}
