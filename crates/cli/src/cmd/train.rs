//! `newsprism train DATA_DIR --out MODEL [--cv K]`

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use newsprism_analyze::{train, Scores, TrainOptions};

use crate::inputs::{report, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// Labelled SemEval-2023 Task 3 folder (`<lang>/articles/` + `labels-subtask-N.txt`, or the
    /// original `train-articles-subtask-3/` layout).
    data_dir: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/newsprism.model")]
    out: PathBuf,
    /// Folds for calibration and the cross-validated scores that are printed.
    #[arg(long, default_value_t = 5)]
    cv: usize,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Training options as JSON, overriding the defaults field by field (for experiments; the
    /// defaults reproduce the shipped model), e.g. `{"technique":{"epochs":10}}`.
    #[arg(long, value_name = "JSON")]
    options: Option<String>,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    if a.cv < 2 {
        bail!("--cv must be at least 2 (thresholds are calibrated on out-of-fold predictions)");
    }
    let t0 = Instant::now();
    let ds = newsprism_ingest::dataset::load(&a.data_dir)?;
    for p in &ds.problems {
        report(p);
    }
    if ds.articles.is_empty() {
        bail!("{}: no labelled articles found", a.data_dir.display());
    }
    let mut opts: TrainOptions = match &a.options {
        Some(j) => serde_json::from_str(j).context("--options is not valid TrainOptions JSON")?,
        None => TrainOptions::default(),
    };
    opts.folds = a.cv;
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    let (model, scores) = train(&ds, &opts, &log);
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    model
        .save(&a.out)
        .with_context(|| format!("writing model to {}", a.out.display()))?;
    log(&format!(
        "wrote {} ({:.1} MB)",
        a.out.display(),
        std::fs::metadata(&a.out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    ));
    print_scores(&scores, a.json, &format!("{}-fold cross-validation", a.cv))?;
    Ok(Outcome {
        succeeded: ds.articles.len(),
        failed: ds.problems.len(),
    })
}

/// Prints scores as a table (people) or JSON (machines).
pub fn print_scores(s: &Scores, json: bool, title: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, s)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{title}")?;
    writeln!(
        out,
        "{:<6} {:>8} {:>8} {:>12} {:>12} {:>12}",
        "lang", "articles", "lines", "ST1 macroF1", "ST2 microF1", "ST3 microF1"
    )?;
    for (l, v) in s
        .per_language
        .iter()
        .chain(std::iter::once((&"mean".to_string(), &s.mean)))
    {
        writeln!(
            out,
            "{:<6} {:>8} {:>8} {:>12.3} {:>12.3} {:>12.3}",
            l,
            v.articles,
            v.annotated_lines,
            v.subtask1_macro_f1,
            v.subtask2_micro_f1,
            v.subtask3_micro_f1
        )?;
    }
    Ok(())
}
