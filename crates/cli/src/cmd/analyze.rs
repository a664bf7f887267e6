//! `newsprism analyze PATH...`: genre, frames and techniques per article, with cue terms.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use newsprism_analyze::features::Scratch;
use newsprism_analyze::Model;
use newsprism_core::ArticleAnalysis;
use rayon::prelude::*;

use crate::inputs::{progress, read_articles, Outcome};
use crate::output::{self, Format};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (walked recursively), or `-` for stdin. Formats: SemEval-style or
    /// plain `.txt`, `.jsonl` (one article per line: id, text, title?, url?, source?, lang?, published?).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Write here instead of stdout; for `--format semeval` a directory (required).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Model file [default: the model built into this binary].
    #[arg(long)]
    model: Option<PathBuf>,
    #[command(flatten)]
    clean: crate::inputs::CleanFlag,
}

/// Loads `--model PATH`, or the embedded model.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    Ok(match path {
        Some(p) => Model::load(p)?,
        None => Model::load_default()?,
    })
}

/// Analyses articles in parallel, in input order.
pub fn analyze_all(model: &Model, articles: &[newsprism_core::Article]) -> Vec<ArticleAnalysis> {
    let bar = progress(articles.len() as u64, "analysing");
    let out = articles
        .par_iter()
        .map_init(Scratch::default, |s, a| {
            let r = model.analyze_with(a, s);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    out
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let format = a
        .format
        .unwrap_or(if std::io::stdout().is_terminal() && a.out.is_none() {
            Format::Table
        } else {
            Format::Jsonl
        });
    if format == Format::Semeval && a.out.is_none() {
        bail!("--format semeval writes three files: give the folder with --out DIR");
    }
    let model = load_model(a.model.as_deref())?;
    a.clean.apply();
    let (articles, outcome) = read_articles(&a.paths);
    let analyses = analyze_all(&model, &articles);
    match format {
        Format::Semeval => {
            let dir = a.out.as_deref().unwrap_or(Path::new("."));
            output::write_semeval(dir, &analyses)
                .with_context(|| format!("writing submission files to {}", dir.display()))?;
        }
        _ => {
            let mut w: Box<dyn Write> = match &a.out {
                Some(p) => Box::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("creating {}", p.display()))?,
                ),
                None => Box::new(std::io::stdout().lock()),
            };
            let mut w = std::io::BufWriter::new(&mut w);
            output::write_analyses(&mut w, format, &analyses)?;
            w.flush()?;
        }
    }
    Ok(outcome)
}
