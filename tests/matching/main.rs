//! The detection engine as a specification: tables of queries per evasion
//! class, innocent look-alikes, list loading, properties, the corpus, and the
//! command-line tools. One test binary (see STYLE.md).

mod helpers;

mod blind;
mod cli;
mod corpus;
mod evasions;
mod innocents;
mod list_loading;
mod properties;
