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
    /// Repeat the cross-validation over N fold splits (fold seeds `seed`, `seed+2`, ...) and
    /// print the mean and standard deviation: the genre score moves by a few hundredths with the
    /// split alone, so compare options on several splits. The model written is the first
    /// split's, i.e. the same as without --repeat.
    #[arg(long, value_name = "N", default_value_t = 1)]
    repeat: usize,
    /// Also print precision, recall and F1 per frame and per technique (pooled over languages;
    /// first fold split; always included in --json).
    #[arg(long)]
    per_label: bool,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    if a.cv < 2 {
        bail!("--cv must be at least 2 (thresholds are calibrated on out-of-fold predictions)");
    }
    let t0 = Instant::now();
    let mut opts = match &a.options {
        Some(j) => options_from_json(j)?,
        None => TrainOptions::default(),
    };
    opts.folds = a.cv;
    let embedder = a.deep.embedder_pooling(&opts.deep.extra_layers)?;
    let ds = newsprism_ingest::dataset::load(&a.data_dir)?;
    for p in &ds.problems {
        report(p);
    }
    if ds.articles.is_empty() {
        bail!("{}: no labelled articles found", a.data_dir.display());
    }
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());
    if a.repeat == 0 {
        bail!("--repeat must be at least 1");
    }
    let vectors = match &embedder {
        None => None,
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
            Some(vectors)
        }
    };
    // One training run on one fold split: the model, its scores, and (deep tier, unless
    // --no-compare) the linear tier's scores on the same folds.
    let fit = |opts: &TrainOptions| -> anyhow::Result<(newsprism_analyze::Model, Scores, Option<Scores>)> {
        match (&embedder, &vectors) {
            (Some(e), Some(vectors)) => {
                let linear = (!a.no_compare).then(|| {
                    log("linear tier on the same folds, for comparison");
                    train(&ds, opts, &log).1
                });
                log("deep tier");
                let input = DeepInput {
                    embedder_id: e.id().to_string(),
                    dim: e.dim(),
                    vectors,
                };
                let (m, s) = train_deep(&ds, opts, input, &log)?;
                Ok((m, s, linear))
            }
            _ => {
                let (m, s) = train(&ds, opts, &log);
                Ok((m, s, None))
            }
        }
    };
    let (model, scores, linear) = fit(&opts)?;
    let mut repeats = vec![(scores.clone(), linear.clone())];
    for k in 1..a.repeat {
        let mut o = opts.clone();
        // Fold assignment uses `seed | 1`, so keep the parity to get a new split each time.
        o.seed = opts.seed.wrapping_add(2 * k as u64);
        log(&format!(
            "fold split {} of {} (seed {})",
            k + 1,
            a.repeat,
            o.seed
        ));
        let (_, s, l) = fit(&o)?;
        repeats.push((s, l));
    }
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
    if a.per_label && !a.json {
        println!();
        print_per_label(&scores)?;
    }
    if a.repeat > 1 {
        let tiers: [(&str, Vec<Scores>); 2] = [
            (
                if embedder.is_some() {
                    "deep tier"
                } else {
                    "linear tier"
                },
                repeats.iter().map(|r| r.0.clone()).collect(),
            ),
            (
                "linear tier",
                repeats.iter().filter_map(|r| r.1.clone()).collect(),
            ),
        ];
        let mut both = serde_json::Map::new();
        for (tier, runs) in tiers.iter().filter(|t| !t.1.is_empty()) {
            let (mean, sd) = Scores::spread(runs).expect("at least one run");
            if a.json {
                both.insert(
                    tier.replace(' ', "_"),
                    serde_json::json!({ "runs": runs, "mean": mean, "sd": sd }),
                );
            } else {
                println!();
                print_spread(
                    &mean,
                    &sd,
                    &format!(
                        "{tier}, {}-fold CV over {} splits: mean ± sd",
                        a.cv,
                        runs.len()
                    ),
                )?;
            }
        }
        if a.json {
            println!("{}", serde_json::to_string_pretty(&both)?);
        }
    }
    Ok(Outcome {
        succeeded: ds.articles.len(),
        failed: ds.problems.len(),
    })
}

/// Prints mean ± standard deviation per language over repeated cross-validation runs.
fn print_spread(mean: &Scores, sd: &Scores, title: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{title}")?;
    writeln!(
        out,
        "{:<6} {:>14} {:>14} {:>14}",
        "lang", "ST1 macroF1", "ST2 microF1", "ST3 microF1"
    )?;
    let rows = mean
        .per_language
        .iter()
        .map(|(l, m)| (l.as_str(), m, &sd.per_language[l]))
        .chain(std::iter::once(("mean", &mean.mean, &sd.mean)));
    for (l, m, d) in rows {
        writeln!(
            out,
            "{:<6} {:>8.3}±{:.3} {:>8.3}±{:.3} {:>8.3}±{:.3}",
            l,
            m.subtask1_macro_f1,
            d.subtask1_macro_f1,
            m.subtask2_micro_f1,
            d.subtask2_micro_f1,
            m.subtask3_micro_f1,
            d.subtask3_micro_f1
        )?;
    }
    Ok(())
}

/// Prints per-label precision / recall / F1 (frames, then techniques), most frequent first.
pub fn print_per_label(s: &Scores) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for (title, labels) in [
        ("genres (per article)", &s.per_label.genres),
        ("frames (per article)", &s.per_label.frames),
        ("techniques (per annotated line)", &s.per_label.techniques),
    ] {
        let mut rows: Vec<_> = labels.iter().collect();
        rows.sort_by(|a, b| b.support.cmp(&a.support).then(a.label.cmp(&b.label)));
        writeln!(out, "{title}, pooled over languages")?;
        writeln!(
            out,
            "{:<44} {:>7} {:>9} {:>6} {:>6} {:>6}",
            "label", "support", "predicted", "P", "R", "F1"
        )?;
        for r in rows {
            writeln!(
                out,
                "{:<44} {:>7} {:>9} {:>6.3} {:>6.3} {:>6.3}",
                r.label, r.support, r.predicted, r.precision, r.recall, r.f1
            )?;
        }
    }
    Ok(())
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
