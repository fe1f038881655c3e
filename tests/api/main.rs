//! The service over real HTTP: one test binary, one module per feature, each
//! test starting its own server on a free port (see `helpers::spawn_app`).

mod helpers;
mod needs;
mod redis_cluster;
mod redis_sentinel;
mod redis_server;

mod analytics;
mod check;
mod config_file;
mod dashboard;
mod errors;
mod filter;
mod gate;
mod middleware;
mod nginx;
mod operations;
mod pages;
mod reload;
mod stats;
