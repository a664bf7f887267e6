//! `newsprism train [--deep] DATA_DIR --out MODEL [--cv K]`

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use newsprism_analyze::{train, train_deep, DeepInput, Scores, TrainOptions};

use crate::inputs::{report, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// Labelled SemEval-2023 Task 3 folder (`<lang>/articles/` + `labels-subtask-N.txt`, or the
    /// original `train-articles-subtask-3/` layout).
    data_dir: PathBuf,
    /// Where to write the model [default: models/newsprism.model; with --deep,
    /// models/newsprism-deep.model].
    #[arg(long)]
    out: Option<PathBuf>,
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
    // --deep trains the deep tier (the linear features plus multilingual-e5-small paragraph
    // embeddings), and also the linear tier on the same folds, printing both.
    #[command(flatten)]
    deep: crate::deep::DeepArgs,
    /// Keep paragraph embeddings in this file and reuse them on the next run (--deep only; for
    /// experiments, embedding the training split takes minutes).
    #[arg(long, value_name = "FILE", requires = "deep")]
    embed_cache: Option<PathBuf>,
    /// With --deep, skip training the linear tier for comparison (faster experiments).
    #[arg(long, requires = "deep")]
    no_compare: bool,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    if a.cv < 2 {
        bail!("--cv must be at least 2 (thresholds are calibrated on out-of-fold predictions)");
    }
    let t0 = Instant::now();
    let embedder = a.deep.embedder()?;
    let ds = newsprism_ingest::dataset::load(&a.data_dir)?;
    for p in &ds.problems {
        report(p);
    }
    if ds.articles.is_empty() {
        bail!("{}: no labelled articles found", a.data_dir.display());
    }
    let mut opts = match &a.options {
        Some(j) => options_from_json(j)?,
        None => TrainOptions::default(),
    };
    opts.folds = a.cv;
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    let (model, scores, linear) = match &embedder {
        None => {
            let (m, s) = train(&ds, &opts, &log);
            (m, s, None)
        }
        Some(e) => {
            let arts: Vec<&newsprism_core::Article> =
                ds.articles.iter().map(|l| &l.article).collect();
            let lines: usize = arts.iter().map(|a| a.paragraphs().count()).sum();
            log(&format!("embedding {lines} paragraphs with {}", e.id()));
            let t = Instant::now();
            let vectors =
                crate::cmd::analyze::embed_all(e.as_ref(), &arts, a.embed_cache.as_deref())?;
            log(&format!(
                "embedded in {:.1}s ({:.0} paragraphs/s)",
                t.elapsed().as_secs_f64(),
                lines as f64 / t.elapsed().as_secs_f64().max(1e-9)
            ));
            let linear = (!a.no_compare).then(|| {
                log("linear tier on the same folds, for comparison");
                train(&ds, &opts, &log).1
            });
            log("deep tier");
            let input = DeepInput {
                embedder_id: e.id().to_string(),
                dim: e.dim(),
                vectors: &vectors,
            };
            let (m, s) = train_deep(&ds, &opts, input, &log)?;
            (m, s, linear)
        }
    };
    let out = a.out.clone().unwrap_or_else(|| {
        PathBuf::from(if embedder.is_some() {
            "models/newsprism-deep.model"
        } else {
            "models/newsprism.model"
        })
    });
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    model
        .save(&out)
        .with_context(|| format!("writing model to {}", out.display()))?;
    log(&format!(
        "wrote {} ({:.1} MB)",
        out.display(),
        std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    ));
    match linear {
        None => print_scores(
            &scores,
            a.json,
            &format!(
                "{}{}-fold cross-validation",
                if embedder.is_some() {
                    "deep tier, "
                } else {
                    ""
                },
                a.cv
            ),
        )?,
        Some(linear) if a.json => {
            let both = serde_json::json!({ "deep": scores, "linear": linear });
            println!("{}", serde_json::to_string_pretty(&both)?);
        }
        Some(linear) => {
            print_scores(
                &linear,
                false,
                &format!("linear tier, {}-fold cross-validation", a.cv),
            )?;
            println!();
            print_scores(
                &scores,
                false,
                &format!("deep tier, {}-fold cross-validation (same folds)", a.cv),
            )?;
            println!(
                "deep − linear (mean): ST1 {:+.3}  ST2 {:+.3}  ST3 {:+.3}",
                scores.mean.subtask1_macro_f1 - linear.mean.subtask1_macro_f1,
                scores.mean.subtask2_micro_f1 - linear.mean.subtask2_micro_f1,
                scores.mean.subtask3_micro_f1 - linear.mean.subtask3_micro_f1
            );
        }
    }
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

/// Training options from a JSON patch over the defaults: nested objects override field by field
/// (so `{"article":{"epochs":20}}` keeps the article head's other defaults), and unknown keys are
/// an error rather than silently ignored.
fn options_from_json(patch: &str) -> anyhow::Result<TrainOptions> {
    let patch: serde_json::Value =
        serde_json::from_str(patch).context("--options is not valid JSON")?;
    let mut base = serde_json::to_value(TrainOptions::default())?;
    merge(&mut base, &patch, "")?;
    serde_json::from_value(base).context("--options has a value of the wrong type")
}

fn merge(base: &mut serde_json::Value, patch: &serde_json::Value, at: &str) -> anyhow::Result<()> {
    match (base, patch) {
        (serde_json::Value::Object(b), serde_json::Value::Object(p)) => {
            for (k, v) in p {
                let path = format!("{at}.{k}");
                let slot = b
                    .get_mut(k)
                    .with_context(|| format!("--options: unknown option `{}`", &path[1..]))?;
                merge(slot, v, &path)?;
            }
            Ok(())
        }
        (b, p) => {
            *b = p.clone();
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_patch_keeps_nested_defaults_and_rejects_typos() {
        let o = options_from_json(r#"{"article":{"epochs":7},"lang_balance":0.5}"#).unwrap();
        let d = TrainOptions::default();
        assert_eq!(o.article.epochs, 7);
        assert_eq!(o.article.seed, d.article.seed);
        assert_eq!(o.article.pos_weight_cap, d.article.pos_weight_cap);
        assert_eq!(o.lang_balance, 0.5);
        let e = options_from_json(r#"{"article":{"epoch":7}}"#).unwrap_err();
        assert!(e.to_string().contains("article.epoch"), "{e}");
        assert!(options_from_json(r#"{"folds":"x"}"#).is_err());
    }
}
