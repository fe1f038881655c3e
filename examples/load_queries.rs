//! Prints check requests for the load benchmark (`scripts/load`): per line,
//! the URL query string and the JSON body of the same request, separated by
//! a tab. Benign queries in the realistic mix of `signpost_corpus`, with
//! about 1% hits on the demo lists (all fictional).
//!
//! Run: `cargo run --release --example load_queries -- 20000 > /tmp/bodies.jsonl`

use signpost_corpus::benign_queries;

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let hits = ["zorvik", "z0rv1k pics", "blemquat", "plim plom", "snorgle videos", "glimfen"];
    for (i, query) in benign_queries(5, count).into_iter().enumerate() {
        let query = if i % 100 == 0 { hits[(i / 100) % hits.len()].to_owned() } else { query };
        let body = serde_json::json!({ "q": query, "locale": "en", "country": "GB", "surface": "search" });
        let encoded: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
        println!("q={encoded}&locale=en&country=GB&surface=search\t{body}");
    }
}
