//! A tiny search site on actix-web that uses signpost in-process, through
//! the middleware `signpost::actix::SignpostGate`: no signpost service, no
//! network hop. It loads the embedded demo lists (fictional terms only).
//!
//! Run it:
//!
//! ```text
//! cargo run --example actix_middleware
//! ```
//!
//! Then try, in a browser or another terminal:
//!
//! ```text
//! curl 'http://127.0.0.1:8081/search?q=weather'                       # results
//! curl 'http://127.0.0.1:8081/search?q=z0rv1k'                        # the warning page (HTML)
//! curl -H 'Accept: application/json' 'http://127.0.0.1:8081/search?q=plim+plom'   # the warning as JSON
//! curl -H 'Accept-Language: nl' 'http://127.0.0.1:8081/search?q=zorvik'            # in Dutch
//! curl 'http://127.0.0.1:8081/about?q=zorvik'                         # not a gated route: untouched
//! ```
//!
//! With `DEMO_SIGNPOST_URL=http://127.0.0.1:8080` (a running `signpost
//! serve`), helpline links go through the service's counting redirect.

use std::net::SocketAddr;

use actix_web::{App, HttpResponse, HttpServer, web};
use maud::{DOCTYPE, html};
use serde::Deserialize;
use signpost::actix::SignpostGate;
use signpost::config::Config;
use signpost::engine::Engine;

const LISTEN: &str = "127.0.0.1:8081";

#[derive(Deserialize)]
struct Search {
    q: Option<String>,
}

/// The host's own search page; it only runs when the gate lets the search through.
async fn search(params: web::Query<Search>) -> HttpResponse {
    let query = params.q.as_deref().unwrap_or("");
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { "Example search" } }
            body {
                form action="/search" { input name="q" value=(query); button { "Search" } }
                h1 { "Results" }
                ol { li { "First result for " (query) } li { "Second result" } }
            }
        }
    };
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page.into_string())
}

async fn about() -> &'static str {
    "An example site. Only /search is gated.\n"
}

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = Engine::load(&Config::default())?;
    let base_url = std::env::var("DEMO_SIGNPOST_URL").ok().filter(|url| !url.is_empty());
    let gate = SignpostGate::from_engine(engine).route("/search").base_url(base_url);
    let address: SocketAddr = LISTEN.parse()?;
    println!("example search site on http://{address}/search?q=weather (Ctrl-C to stop)");
    HttpServer::new(move || {
        App::new().wrap(gate.clone()).route("/search", web::get().to(search)).route("/about", web::get().to(about))
    })
    .workers(1)
    .bind(address)?
    .run()
    .await?;
    Ok(())
}
