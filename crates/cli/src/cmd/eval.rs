//! `newsprism eval DATA_DIR`: official metrics of the model on a labelled folder.

use std::path::PathBuf;

use anyhow::bail;
use anyhow::Context;
use newsprism_analyze::evaluate::{evaluate, evaluate_deep};

use crate::cmd::train::{print_per_label, print_scores};
use crate::inputs::{report, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// Labelled folder in either SemEval-2023 Task 3 layout.
    data_dir: PathBuf,
    /// Model file (default: the model built into this binary; with --deep, the deep model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    clean: crate::inputs::CleanFlag,
    #[command(flatten)]
    deep: crate::deep::DeepArgs,
    /// Keep paragraph embeddings in this file and reuse them on the next run (--deep only).
    #[arg(long, value_name = "FILE", requires = "deep")]
    embed_cache: Option<PathBuf>,
    /// Also print precision, recall and F1 per frame and per technique (pooled over languages;
    /// always included in --json).
    #[arg(long)]
    per_label: bool,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let deep = crate::cmd::analyze::load_deep(&a.deep, a.model.as_deref())?;
    let linear = match deep {
        Some(_) => None,
        None => Some(crate::cmd::analyze::load_model(a.model.as_deref())?),
    };
    let mut ds = newsprism_ingest::dataset::load(&a.data_dir)?;
    // Score what `analyze` would print: the same cleaning, unless turned off.
    a.clean.apply();
    let mut articles: Vec<_> = ds.articles.iter().map(|l| l.article.clone()).collect();
    crate::inputs::clean(&mut articles);
    for (l, a) in ds.articles.iter_mut().zip(articles) {
        l.article = a;
    }
    for p in &ds.problems {
        report(p);
    }
    if ds.articles.is_empty() {
        bail!("{}: no labelled articles found", a.data_dir.display());
    }
    let scores = match (&deep, &linear) {
        (Some((m, e)), _) => {
            let arts: Vec<&newsprism_core::Article> =
                ds.articles.iter().map(|l| &l.article).collect();
            let v = crate::cmd::analyze::embed_all(e.as_ref(), &arts, a.embed_cache.as_deref())?;
            evaluate_deep(m, &ds, &v).context("deep-tier evaluation")?
        }
        (None, Some(m)) => evaluate(m, &ds),
        (None, None) => bail!("no model loaded"),
    };
    print_scores(
        &scores,
        a.json,
        &format!("official metrics on {}", a.data_dir.display()),
    )?;
    if a.per_label && !a.json {
        println!();
        print_per_label(&scores)?;
    }
    Ok(Outcome {
        succeeded: ds.articles.len(),
        failed: ds.problems.len(),
    })
}
