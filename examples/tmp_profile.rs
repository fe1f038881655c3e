use signpost::keywords::{KeywordList, Matcher, Scratch};
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind/data");
    let args: Vec<String> = std::env::args().collect();
    let list = args.get(1).cloned().unwrap_or("list-10k.txt".into());
    let lists: Vec<KeywordList> = [list.as_str(), "rules.txt"]
        .iter()
        .map(|f| KeywordList::parse(f, std::fs::read(dir.join(f)).unwrap().as_slice()).unwrap())
        .collect();
    let m = Matcher::builder().lists(lists).build().unwrap();
    #[derive(serde::Deserialize)]
    struct Case {
        query: String,
    }
    let qs: Vec<String> = std::fs::read_to_string(dir.join("innocents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Case>(l).unwrap().query)
        .collect();
    let qs: Vec<String> = match std::env::var("SUBSET").as_deref() {
        Ok("ascii") => qs.into_iter().filter(|q| q.is_ascii()).collect(),
        Ok("other") => qs.into_iter().filter(|q| !q.is_ascii()).collect(),
        _ => qs,
    };
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut s = Scratch::default();
    let t = std::time::Instant::now();
    let mut hits = 0;
    for _ in 0..reps {
        for q in &qs {
            if m.check_with(q, &mut s).is_hit() {
                hits += 1;
            }
        }
    }
    let el = t.elapsed().as_secs_f64();
    eprintln!("{} queries x{reps}, hits {hits}, {:.3} M/s", qs.len(), (qs.len() * reps) as f64 / el / 1e6);
}
