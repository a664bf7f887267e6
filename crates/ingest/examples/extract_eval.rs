//! Main-text extraction quality and speed on the extraction-eval corpus.
//!
//! ```text
//! cargo run --release -p newsprism-ingest --example extract_eval -- ../shared/data/extraction-eval [THREADS]
//! ```
//!
//! The corpus (trafilatura's evaluation set) maps each URL to a page and to snippets the extracted
//! text must contain (`with`) and must not contain (`without`). Scoring is that project's: a
//! whitespace-normalised substring test per snippet, pooled over all pages into precision, recall
//! and F1. Speed is pages per second for decoding plus extraction (files are read beforehand), on
//! THREADS threads (default 2, the size of the target laptop).

use std::time::Instant;

use rayon::prelude::*;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: extract_eval DIR [THREADS]");
        std::process::exit(2);
    };
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(2);
    let dir = std::path::PathBuf::from(dir);
    let raw = match std::fs::read(dir.join("evaldata.json")) {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "extract_eval: cannot read {}/evaldata.json: {e}",
                dir.display()
            );
            std::process::exit(1);
        }
    };
    let data: serde_json::Value = serde_json::from_slice(&raw).expect("evaldata.json is JSON");
    let mut pages = Vec::new();
    for (url, v) in data.as_object().expect("object") {
        let file = v["file"].as_str().unwrap_or_default();
        let p = dir.join("eval").join(file);
        let p = if p.exists() {
            p
        } else {
            dir.join("cache").join(file)
        };
        let Ok(bytes) = std::fs::read(&p) else {
            eprintln!("missing {file}");
            continue;
        };
        let snippets = |k: &str| -> Vec<String> {
            v[k].as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect())
                .unwrap_or_default()
        };
        pages.push((url.clone(), bytes, snippets("with"), snippets("without")));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    // NEWSPRISM_NO_CLEAN=1 scores the extractor alone, without the chrome cleaner.
    let clean = newsprism_clean::enabled();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let texts: Vec<String> = pool.install(|| {
        pages
            .par_iter()
            .map(|(url, bytes, _, _)| {
                let d = newsprism_ingest::decode::decode_markup(bytes, None);
                let ex = newsprism_ingest::extract_html(&d.text, Some(url));
                if !clean {
                    return ex.lines.join("\n");
                }
                // As the CLI does: the cleaner runs on the extracted lines.
                let mut a = newsprism_core::Article {
                    lines: ex.lines,
                    source: ex.site_name,
                    ..Default::default()
                };
                newsprism_clean::clean_article(&mut a, &newsprism_clean::CleanOptions::default());
                a.lines.join("\n")
            })
            .collect()
    });
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    for ((_, _, with, without), text) in pages.iter().zip(&texts) {
        let text = norm(text);
        for s in with {
            if text.contains(s.as_str()) {
                tp += 1
            } else {
                fn_ += 1
            }
        }
        for s in without {
            if text.contains(s.as_str()) {
                fp += 1
            } else {
                tn += 1
            }
        }
    }
    // EXTRACT_EVAL_DUMP=FILE writes the misses per page (JSONL) for error analysis.
    if let Ok(dump) = std::env::var("EXTRACT_EVAL_DUMP") {
        let mut lines = String::new();
        for ((url, _, with, without), text) in pages.iter().zip(&texts) {
            let t = norm(text);
            let missed: Vec<&String> = with.iter().filter(|s| !t.contains(s.as_str())).collect();
            let leaked: Vec<&String> = without.iter().filter(|s| t.contains(s.as_str())).collect();
            if !missed.is_empty() || !leaked.is_empty() {
                let rec = serde_json::json!({"url": url, "chars": text.len(), "missed": missed, "leaked": leaked});
                lines.push_str(&rec.to_string());
                lines.push('\n');
            }
        }
        if let Err(e) = std::fs::write(&dump, lines) {
            eprintln!("extract_eval: cannot write {dump}: {e}");
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "pages {}  precision {p:.3}  recall {r:.3}  F1 {f1:.3}  (TP {tp} FN {fn_} FP {fp} TN {tn})",
        pages.len()
    );
    println!(
        "speed {:.0} pages/s on {threads} threads ({secs:.1} s wall)",
        pages.len() as f64 / secs
    );
    // Wall time is meaningless on a shared, loaded machine; CPU time is not: pages per CPU
    // second, times the thread count, is the rate on that many otherwise idle cores.
    if let Some(cpu) = cpu {
        println!(
            "cpu {cpu:.1} s = {:.0} pages per CPU-second = {:.0} pages/s on {threads} idle cores",
            pages.len() as f64 / cpu,
            pages.len() as f64 / cpu * threads as f64
        );
    }
}

/// User + system CPU time of this process (Linux `/proc`), in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
