//! Full-text extraction quality: the 4-gram shingle precision / recall / F1 of the ScrapingHub
//! article-extraction benchmark, on `newsprism extract`'s `text`.
//!
//! ```text
//! cargo run --release -p newsprism --example shingle_eval -- DIR... [--verbose]
//! ```
//!
//! DIR is either
//! - the benchmark's own layout: `ground-truth.json` (`{id: {"articleBody": …}}`) and
//!   `html/ID.html.gz`, or
//! - pages beside their reference bodies: `NAME.html` and `NAME.body.txt` (one paragraph per
//!   line), as in `crates/ingest/tests/pages`.
//!
//! The pages go through what `newsprism extract FILES` does (reader, extractor, one cleaner
//! batch) and the body is [`Article::extracted_text`]. Scoring is the benchmark's
//! (`evaluate.py`): tokens are `\w+` runs, shingles are runs of four tokens counted with
//! multiplicity; per page TP/FP/FN are normalised to sum to one; precision and recall are the
//! means over pages, F1 their harmonic mean. `--verbose` prints each page's figures and the
//! lines it gained (`+`) or lost (`-`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsprism_core::Article;

/// One page and its reference body.
struct Page {
    name: String,
    path: PathBuf,
    truth: String,
}

fn pages_in(dir: &Path) -> Result<Vec<Page>, String> {
    let gt = dir.join("ground-truth.json");
    if gt.exists() {
        let raw = std::fs::read(&gt).map_err(|e| format!("{}: {e}", gt.display()))?;
        let v: serde_json::Value =
            serde_json::from_slice(&raw).map_err(|e| format!("{}: {e}", gt.display()))?;
        let obj = v
            .as_object()
            .ok_or_else(|| format!("{}: not a JSON object", gt.display()))?;
        return Ok(obj
            .iter()
            .map(|(id, rec)| Page {
                name: id.clone(),
                path: dir.join("html").join(format!("{id}.html.gz")),
                truth: rec["articleBody"].as_str().unwrap_or_default().to_string(),
            })
            .collect());
    }
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries.flatten() {
        let path = e.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html"))
        else {
            continue;
        };
        let body = dir.join(format!("{stem}.body.txt"));
        let truth =
            std::fs::read_to_string(&body).map_err(|e| format!("{}: {e}", body.display()))?;
        out.push(Page {
            name: stem.to_string(),
            path,
            truth,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn tokens(text: &str) -> Vec<&str> {
    // Python's `\w+`: letters, digits and the underscore (and combining marks, which belong
    // to the letter before them).
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|t| !t.is_empty())
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F | 0x900..=0x903 | 0x93A..=0x94F)
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let t = tokens(text);
    let mut out = HashMap::new();
    // As the benchmark does: a text shorter than four tokens is one shingle.
    for i in 0..t.len().saturating_sub(3).max(1) {
        let s = t[i..(i + 4).min(t.len())].to_vec();
        if !s.is_empty() {
            *out.entry(s).or_insert(0) += 1;
        }
    }
    out
}

/// The page's (tp, fp, fn), normalised to sum to one.
fn matching(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &x) in &a {
        let y = b.get(k).copied().unwrap_or(0);
        tp += x.min(y);
        fn_ += x.saturating_sub(y);
    }
    for (k, &y) in &b {
        fp += y.saturating_sub(a.get(k).copied().unwrap_or(0));
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
}

fn precision((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Lines of `a` whose words are not in `b` (a rough view of what was gained or lost).
fn lines_missing<'a>(a: &'a str, b: &str) -> Vec<&'a str> {
    let b = tokens(b).join(" ");
    a.lines()
        .filter(|l| {
            let k = tokens(l).join(" ");
            !k.is_empty() && !b.contains(&k)
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: shingle_eval DIR... [--verbose]");
        std::process::exit(2);
    }
    let mut pages = Vec::new();
    for d in dirs {
        match pages_in(Path::new(d)) {
            Ok(p) => pages.extend(p),
            Err(e) => {
                eprintln!("shingle_eval: {e}");
                std::process::exit(1);
            }
        }
    }
    let paths: Vec<String> = pages
        .iter()
        .map(|p| p.path.to_string_lossy().into_owned())
        .collect();
    // As `newsprism extract` reads them: one cleaner batch over all pages.
    let mut articles: Vec<Article> = Vec::new();
    let mut by_path: HashMap<String, usize> = HashMap::new();
    for r in newsprism_ingest::read_all(&paths) {
        match r {
            Ok(a) => {
                by_path.insert(a.path.clone(), articles.len());
                articles.push(a);
            }
            Err(e) => eprintln!("shingle_eval: {e}"),
        }
    }
    newsprism_clean::clean_batch(&mut articles, &newsprism_clean::CleanOptions::default());
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for (page, path) in pages.iter().zip(&paths) {
        let pred = by_path
            .get(path)
            .map(|&k| articles[k].extracted_text())
            .unwrap_or_default();
        let m = matching(&page.truth, &pred);
        let (p, r) = (precision(m), recall(m));
        if m.0 + m.1 > 0.0 {
            ps.push(p);
        }
        if m.0 + m.2 > 0.0 {
            rs.push(r);
        }
        if verbose {
            println!("{:<45} P {p:.3}  R {r:.3}", page.name);
            for l in lines_missing(&pred, &page.truth) {
                println!("   + {}", l.chars().take(140).collect::<String>());
            }
            for l in lines_missing(&page.truth, &pred) {
                println!("   - {}", l.chars().take(140).collect::<String>());
            }
        }
    }
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "pages {}  precision {p:.3}  recall {r:.3}  F1 {f1:.3}",
        pages.len()
    );
}
