//! Clustering throughput on synthetic short articles:
//!
//! ```text
//! cargo run --release -p newsprism-stories --example bench_cluster -- 100000
//! RAYON_NUM_THREADS=2 cargo run --release -p newsprism-stories --example bench_cluster -- 100000
//! ```
//! Generates N short articles (about 80 words) about N/5 invented events — each event has its own
//! names, figures and day, wrapped in Zipf-distributed filler vocabulary — then times
//! fingerprinting, IDF, candidate generation, scoring and grouping, and prints articles/s and how
//! well the groups match the events (pairwise precision/recall over grouped articles).
//! `--write FILE` also saves the articles as JSONL so the CLI can be timed on the same input:
//! `RAYON_NUM_THREADS=2 newsprism stories FILE --format jsonl > /dev/null`.
//!
//! `--deep` adds synthetic 384-dimensional "embeddings" shaped like multilingual-e5's (a shared
//! component, so unrelated articles sit at cosine ≈ 0.75 and one event's at ≈ 0.9) and runs the
//! deep path: embedding nearest-neighbour candidates joined to the lexical ones, scored by the
//! shipped deep pair model. The encoder itself is not timed (see `docs/encoder.md`).
use std::time::Instant;

use newsprism_core::Article;
use newsprism_stories::cluster::{components, link_with, Params};
use newsprism_stories::embedding::Embeddings;
use newsprism_stories::fingerprint::{prepare_all, Fingerprint};
use newsprism_stories::neighbours::{neighbours, NeighbourParams};
use newsprism_stories::similarity::PairModel;
use rayon::prelude::*;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn gauss(&mut self) -> f32 {
        let u = (self.next() as f32 + 1.0) / (1u64 << 31) as f32;
        let v = self.next() as f32 / (1u64 << 31) as f32;
        (-2.0 * u.min(1.0).ln()).sqrt() * (std::f32::consts::TAU * v).cos()
    }
    fn unit(&mut self, dim: usize) -> Vec<f32> {
        let v: Vec<f32> = (0..dim).map(|_| self.gauss()).collect();
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.into_iter().map(|x| x / n).collect()
    }
}

/// e5-like vectors: √0.75 · common + √0.15 · event + √0.10 · own noise.
fn synthetic_embeddings(truth: &[usize], events: usize, rng: &mut Rng) -> Embeddings {
    const DIM: usize = 384;
    let common = rng.unit(DIM);
    let centres: Vec<Vec<f32>> = (0..events).map(|_| rng.unit(DIM)).collect();
    let mut rows = Vec::with_capacity(truth.len() * DIM);
    for &e in truth {
        let noise = rng.unit(DIM);
        for k in 0..DIM {
            rows.push(
                0.75f32.sqrt() * common[k]
                    + 0.15f32.sqrt() * centres[e][k]
                    + 0.1f32.sqrt() * noise[k],
            );
        }
    }
    Embeddings::from_rows("synthetic", DIM, rows.clone(), rows).expect("consistent rows")
}

fn word(rng: &mut Rng, syll: usize) -> String {
    const S: &[&str] = &[
        "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "ri", "zo", "ba", "ne", "sha",
        "tor", "lin", "gar", "mos", "ven",
    ];
    (0..syll).map(|_| S[rng.below(S.len())]).collect()
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    // `--write FILE`: also save the articles as JSONL, to time `newsprism stories FILE` end to end.
    let write_to = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let mut rng = Rng(42);
    let vocab: Vec<String> = (0..5000).map(|i| word(&mut rng, 2 + i % 3)).collect();
    let events = (n / 5).max(1);
    let ev: Vec<(Vec<String>, Vec<u32>, u32)> = (0..events)
        .map(|_| {
            let names = (0..3).map(|_| cap(&word(&mut rng, 4))).collect();
            let nums = (0..2).map(|_| 11 + rng.below(5000) as u32).collect();
            (names, nums, rng.below(60) as u32)
        })
        .collect();
    let mut truth = Vec::with_capacity(n);
    let articles: Vec<Article> = (0..n)
        .map(|i| {
            let e = rng.below(events);
            truth.push(e);
            let (names, nums, day) = &ev[e];
            let mut words: Vec<String> = Vec::with_capacity(90);
            for k in 0..80 {
                // Zipf-like filler: squaring a uniform draw favours frequent words.
                let r = rng.below(5000);
                words.push(vocab[r * r / 5000].clone());
                if k % 12 == 5 {
                    words.push(names[rng.below(3)].clone());
                }
                if k % 30 == 7 {
                    words.push(nums[rng.below(2)].to_string());
                }
            }
            let text = words.join(" ") + ".";
            Article {
                id: i.to_string(),
                path: format!("synthetic:{i}"),
                title: Some(format!(
                    "{} {} {}",
                    names[0],
                    vocab[rng.below(300)],
                    names[1]
                )),
                lines: vec![text],
                source: Some(format!("outlet{}", rng.below(50))),
                published: Some(format!("2026-{:02}-{:02}", 1 + day / 28, 1 + day % 28)),
                ..Article::default()
            }
        })
        .collect();
    if let Some(path) = write_to {
        let mut out = String::new();
        for a in &articles {
            let rec = serde_json::json!({
                "id": a.id, "title": a.title, "text": a.lines.join("\n"),
                "source": a.source, "published": a.published,
            });
            out.push_str(&rec.to_string());
            out.push('\n');
        }
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
    let deep = args.iter().any(|a| a == "--deep");
    let emb = deep.then(|| synthetic_embeddings(&truth, events, &mut rng));
    let model = if deep {
        PairModel::builtin_deep().expect("this build ships a deep pair model")
    } else {
        PairModel::builtin()
    };
    let threads = rayon::current_num_threads();
    let t0 = Instant::now();
    let mut fps: Vec<Fingerprint> = articles.par_iter().map(Fingerprint::of_article).collect();
    let t1 = Instant::now();
    prepare_all(&mut fps);
    let t2 = Instant::now();
    if let Some(e) = &emb {
        // The embedding candidates alone, timed and checked for recall (link_with repeats them).
        let t = Instant::now();
        let num = |flag: &str, d: usize| {
            args.iter()
                .position(|a| a == flag)
                .and_then(|i| args.get(i + 1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(d)
        };
        let d = NeighbourParams::default();
        let np = NeighbourParams {
            tables: num("--tables", d.tables),
            bits: num("--bits", d.bits),
            window: num("--window", d.window),
            keep: num("--keep", d.keep),
        };
        let pairs = neighbours(e, &np);
        let same = pairs
            .iter()
            .filter(|&&(a, b)| truth[a as usize] == truth[b as usize])
            .count();
        let mut per_event = vec![0u64; events];
        for &ev in &truth {
            per_event[ev] += 1;
        }
        let true_pairs: u64 = per_event.iter().map(|c| c * c.saturating_sub(1) / 2).sum();
        println!(
            "embedding neighbours {:.2}s: {} candidate pairs ({:.1} per article), {:.3} of same-event pairs found",
            t.elapsed().as_secs_f64(),
            pairs.len(),
            pairs.len() as f64 / n as f64,
            same as f64 / true_pairs.max(1) as f64
        );
    }
    let edges = link_with(&fps, emb.as_ref(), model, &Params::default());
    let t3 = Instant::now();
    let groups = components(n, &edges);
    let t4 = Instant::now();
    let total = (t4 - t0).as_secs_f64();
    // Pairwise precision/recall over a sample of groups.
    let (mut tp, mut fp_pairs) = (0u64, 0u64);
    for g in &groups {
        for (x, &a) in g.iter().enumerate().take(200) {
            for &b in g.iter().skip(x + 1).take(200) {
                if truth[a] == truth[b] {
                    tp += 1
                } else {
                    fp_pairs += 1
                }
            }
        }
    }
    let mut per_event = vec![0u64; events];
    for &e in &truth {
        per_event[e] += 1;
    }
    let true_pairs: u64 = per_event.iter().map(|c| c * c.saturating_sub(1) / 2).sum();
    println!("articles: {n}, threads: {threads}");
    println!(
        "fingerprint {:.2}s, idf {:.2}s, link {:.2}s ({} links), group {:.2}s",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        edges.len(),
        (t4 - t3).as_secs_f64()
    );
    println!(
        "total {total:.2}s = {:.0} articles/s; {} groups, largest {}; pair precision {:.3}, recall {:.3}",
        n as f64 / total,
        groups.len(),
        groups.first().map_or(0, Vec::len),
        tp as f64 / (tp + fp_pairs).max(1) as f64,
        tp as f64 / true_pairs.max(1) as f64
    );
}
