//! One module per resource. Handlers are thin: parse, call the engine, map
//! the result; errors go out through [`crate::http::error::ApiError`].

pub mod admin;
pub mod chat;
pub mod check;
pub mod dashboard;
pub mod embed;
pub mod events;
pub mod filter;
pub mod gate;
pub mod health;
pub mod openapi;
pub mod pages;
pub mod stats;
