//! Homoglyph tables generated at build time from Unicode's confusables data
//! (see `build.rs`): no look-alike is typed by hand.

include!(concat!(env!("OUT_DIR"), "/confusables.rs"));
