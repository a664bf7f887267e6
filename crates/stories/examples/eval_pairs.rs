//! Cross-validated Pearson of the pair similarity on a labelled pairs file, and (with a second
//! argument) refitting the shipped coefficients on all pairs:
//!
//! ```text
//! cargo run --release -p newsprism-stories --example eval_pairs -- \
//!     ../shared/data/news-similarity/train-pairs.jsonl [crates/stories/data/pair_model.json]
//! ```
//! The CLI has the same as `newsprism compare --pairs FILE --eval`.
use newsprism_stories::pairs::{cross_validate, fit_model, PairRecord, LAMBDAS};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: eval_pairs FILE.jsonl [MODEL_OUT.json]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut recs: Vec<PairRecord> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(l) {
            Ok(r) => recs.push(r),
            Err(e) => eprintln!("{path}:{}: skipped: {e}", i + 1),
        }
    }
    let Some(r) = cross_validate(&recs, 5, LAMBDAS) else {
        eprintln!("{path}: too few labelled pairs");
        std::process::exit(1);
    };
    println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
    if let Some(out) = args.next() {
        let file = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |f| f.to_string_lossy().into_owned());
        let note = newsprism_stories::pairs::fit_note(&r, &file);
        let m = fit_model(&recs, r.lambda, &note);
        let json = serde_json::to_string_pretty(&m).unwrap_or_default();
        if let Err(e) = std::fs::write(&out, json + "\n") {
            eprintln!("{out}: {e}");
            std::process::exit(1);
        }
        eprintln!("wrote {out}");
    }
}
