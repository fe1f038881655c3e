//! Fuzzes normalisation and matching over arbitrary input: nothing may panic,
//! and normalisation must stay idempotent.
//!
//! Run: `cargo fuzz run check` (from the repository root; see the README).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use signpost::keywords::{Matcher, demo_lists};
use signpost::normalize::canonical;

static MATCHER: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::builder().lists(demo_lists().expect("demo lists")).build().expect("demo lists compile"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let verdict = MATCHER.check(&text);
    let _ = verdict.categories();
    let _ = MATCHER.explain(&text);
    let once = canonical(&text);
    assert_eq!(canonical(&once), once, "normalisation is not idempotent");
});
