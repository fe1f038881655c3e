//! signpost: deterrence middleware for searches that signal an intent to find
//! child sexual abuse material.
//!
//! A platform sends each search query to signpost inline; signpost decides in
//! microseconds whether it matches curated keyword lists (operators load their
//! own licensed lists; the lists shipped here are fictional placeholders) and,
//! if so, answers with a warning and help to show instead of results, and
//! counts what happened without ever keeping the query.
//!
//! # Entry points
//!
//! **Matching only**: compile lists into a [`keywords::Matcher`] once, then
//! check queries from any thread (with a reused [`keywords::Scratch`] on hot
//! paths, no allocation per query):
//!
//! ```
//! use signpost::keywords::{KeywordList, Matcher, Scratch};
//!
//! let list = KeywordList::parse("fiction.txt", b"zorvik\n").unwrap();
//! let matcher = Matcher::builder().list(list).build().unwrap();
//! let mut scratch = Scratch::default();
//! assert!(matcher.check_with("z0rv1k pics", &mut scratch).is_hit());
//! assert!(!matcher.check_with("weather tomorrow", &mut scratch).is_hit());
//! ```
//!
//! **The whole check**: an [`engine::Engine`] holds lists, content and the
//! experiment; [`check::run`] decides a validated [`check::CheckInput`] and
//! says what to show and what to count:
//!
//! ```
//! use signpost::check::{CheckInput, Links, run};
//! use signpost::config::Config;
//! use signpost::engine::Engine;
//!
//! let engine = Engine::load(&Config::default()).unwrap();
//! let outcome = run(&engine, &CheckInput::new("zorvik", 1024, 1_765_000_000).unwrap());
//! let warning = outcome.warning(&engine, &Links::default()).unwrap();
//! println!("{}: {}", warning.title, warning.helplines[0].helpline.name);
//! ```
//!
//! **In-process, in an actix-web application** (feature `middleware`):
//! [`actix::SignpostGate`] answers searches for listed terms with the warning
//! page itself; see its module for an example.
//!
//! **The service** (feature `server`, the default): `signpost serve`, the
//! HTTP API, the stores and the research exports; see the README. In a
//! program of your own, [`http::Application::build`] binds it and
//! [`http::Application::run_until_stopped`] serves; its
//! [`http::Handle`] flushes counts, reloads lists and reads `/metrics`
//! without HTTP (the service's state itself is private).
//!
//! # Features
//!
//! | feature | what it adds |
//! |---|---|
//! | (none) | normalisation, lists and matcher, content and warnings, the check use case |
//! | `middleware` | [`actix::SignpostGate`] and the warning page (actix-web, maud) |
//! | `redis` | counting in Redis, for a fleet |
//! | `research` | statistics, charts and CSV tables of exports (statrs, plotters, csv) |
//! | `server` (default) | the service and the `signpost` binary, with all of the above |
//!
//! `cargo build --no-default-features --features middleware` builds the
//! gate without redis, redb, plotters, statrs, ureq or prometheus-client.
//!
//! # Modules, along the path of a check
//!
//! - [`normalize`]: folding of disguised text (pure functions);
//! - [`keywords`]: list format, compiled [`keywords::Matcher`], verdicts;
//! - [`deterrence`]: warning texts, helplines, chat flows, variant assignment;
//! - [`engine`] and [`check`]: the loaded unit and the check as one use case;
//! - [`analytics`]: events, pseudonyms, tokens, the typed metrics
//!   ([`analytics::Metric`]), and (with `server`) the counting pipeline,
//!   stores and research export;
//! - [`http`] (with `server`): the service around all of it.
#![deny(missing_docs)]

#[cfg(feature = "middleware")]
pub mod actix;
pub mod analytics;
pub mod check;
pub mod config;
pub mod deterrence;
pub mod diagnostics;
pub mod engine;
pub mod filter;
#[cfg(feature = "server")]
pub mod http;
pub mod json_errors;
pub mod keywords;
pub mod normalize;
#[cfg(feature = "research")]
pub mod research;
#[cfg(feature = "simulate")]
pub mod simulate;
#[cfg(feature = "server")]
pub mod telemetry;
#[cfg(feature = "middleware")]
pub mod web;
