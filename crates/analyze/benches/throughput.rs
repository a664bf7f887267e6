//! Analysis throughput: `cargo bench -p newsprism-analyze --bench throughput [-- DIR]`.
//!
//! Prints model load time and articles/paragraphs per second for the embedded model over a
//! folder of articles: by default the shared SemEval training split when it is next to the
//! checkout (`../shared/data/semeval2023-task3`), else the team-written examples repeated to
//! about 1,000 articles. Uses all cores, as `newsprism analyze` does.

use std::time::Instant;

use newsprism_analyze::features::Scratch;
use newsprism_analyze::Model;
use newsprism_core::Article;
use rayon::prelude::*;

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let shared = format!("{root}/../shared/data/semeval2023-task3");
    let (label, articles) = match arg {
        Some(dir) => (dir.clone(), read(&dir)),
        None if std::path::Path::new(&shared).is_dir() => (shared.clone(), read(&shared)),
        None => {
            let base = read(&format!("{root}/examples"));
            let reps = 1000 / base.len().max(1) + 1;
            let many: Vec<Article> = (0..reps).flat_map(|_| base.iter().cloned()).collect();
            (format!("examples/ repeated {reps}×"), many)
        }
    };
    let t0 = Instant::now();
    let model = match Model::load_default() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("throughput: {e}");
            return;
        }
    };
    let load = t0.elapsed();
    let paragraphs: usize = articles.iter().map(|a| a.paragraphs().count()).sum();
    // One warm-up pass, then the timed ones.
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        let n: usize = articles
            .par_iter()
            .map_init(Scratch::default, |s, a| {
                model.analyze_with(a, s).paragraphs.len()
            })
            .sum();
        assert_eq!(n, paragraphs);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("input:       {label}");
    println!("threads:     {}", rayon::current_num_threads());
    println!("model load:  {:.3} s", load.as_secs_f64());
    println!(
        "articles:    {} ({:.0}/s)",
        articles.len(),
        articles.len() as f64 / best
    );
    println!(
        "paragraphs:  {} ({:.0}/s)",
        paragraphs,
        paragraphs as f64 / best
    );
    println!("analysis:    {best:.3} s (best of 3)");
}

fn read(dir: &str) -> Vec<Article> {
    newsprism_ingest::read_all(&[dir.to_string()])
        .into_iter()
        .filter_map(Result::ok)
        .collect()
}
