//! signpost: deterrence middleware for searches that signal an intent to find
//! child sexual abuse material.
//!
//! A platform sends each search query to signpost inline; signpost decides in
//! microseconds whether it matches curated keyword lists and, if so, answers
//! with a warning and help to show instead of results.
//!
//! The library is organised along the path of a check:
//! - [`normalize`]: folding of disguised text (pure functions);
//! - [`keywords`]: list format, compiled [`keywords::Matcher`], verdicts;
//! - [`deterrence`]: warning texts, helplines, chat flows, variant assignment.
//! - [`actix`]: the same check in-process, as an actix-web middleware.
#![deny(missing_docs)]

pub mod actix;
pub mod analytics;
pub mod check;
pub mod config;
pub mod corpus;
pub mod deterrence;
pub mod engine;
pub mod http;
pub mod json_errors;
pub mod keywords;
pub mod normalize;
pub mod research;
pub mod simulate;
pub mod telemetry;
pub mod web;
