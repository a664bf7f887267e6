//! `newsprism analyze PATH...`: genre, frames and techniques per article, with cue terms.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use newsprism_analyze::deep::{embed_articles, CachedEmbedder, ParagraphVectors};
use newsprism_analyze::features::Scratch;
use newsprism_analyze::{Model, ModelError};
use newsprism_core::{Article, ArticleAnalysis, Embedder};
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
    /// Model file [default: the model built into this binary; with --deep, the deep model built
    /// into it].
    #[arg(long)]
    model: Option<PathBuf>,
    #[command(flatten)]
    clean: crate::inputs::CleanFlag,
    #[command(flatten)]
    deep: crate::deep::DeepArgs,
}

/// Loads `--model PATH`, or the embedded model: the linear tier, which needs no encoder.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    let m = match path {
        Some(p) => Model::load(p)?,
        None => Model::load_default()?,
    };
    if m.is_deep() {
        bail!(
            "{}: {}",
            path.map_or("<model>".into(), |p| p.display().to_string()),
            ModelError::NeedsEmbeddings
        );
    }
    Ok(m)
}

/// The deep tier: the encoder from `--deep`/`--model-dir` (which explains how to install it when
/// it is missing), opened to pool the layers the deep model (`--model PATH` or the embedded one)
/// was trained on, and checked to belong together. `None` without `--deep`.
pub fn load_deep(
    deep: &crate::deep::DeepArgs,
    path: Option<&Path>,
) -> anyhow::Result<Option<(Model, std::sync::Arc<dyn Embedder>)>> {
    if !deep.requested()? {
        return Ok(None);
    }
    let name = path.map_or("<embedded deep model>".into(), |p| p.display().to_string());
    let model = match path {
        Some(p) => Model::load(p)?,
        None => Model::load_default_deep()?,
    };
    let Some(meta) = &model.meta.deep else {
        bail!("{name}: {}", ModelError::NotDeep);
    };
    let embedder = deep.open_pooling(&meta.options.extra_layers)?;
    model
        .check_embedder(embedder.as_ref())
        .with_context(|| format!("{name} cannot be used with this encoder"))?;
    Ok(Some((model, embedder)))
}

/// Embeds the non-empty lines of `articles` (batched across articles, each distinct text once),
/// through the on-disk cache at `cache` when given, with a progress bar on a terminal.
pub fn embed_all(
    embedder: &dyn Embedder,
    articles: &[&Article],
    cache: Option<&Path>,
) -> anyhow::Result<Vec<ParagraphVectors>> {
    let lines: usize = articles.iter().map(|a| a.paragraphs().count()).sum();
    let bar = progress(lines as u64, "embedding");
    let tick = |n: usize| bar.inc(n as u64);
    let out = match cache {
        Some(p) => {
            let c = CachedEmbedder::open(embedder, p)?;
            let v = embed_articles(&c, articles, &tick)?;
            c.save(p)
                .with_context(|| format!("writing embedding cache {}", p.display()))?;
            v
        }
        None => embed_articles(embedder, articles, &tick)?,
    };
    bar.finish_and_clear();
    Ok(out)
}

/// Articles per embedding round in `analyze --deep`: enough for full encoder batches, few enough
/// that the vectors of a large input are never all in memory at once.
const DEEP_CHUNK: usize = 512;

/// The deep tier over `articles`, in input order.
pub fn analyze_all_deep(
    model: &Model,
    embedder: &dyn Embedder,
    articles: &[Article],
) -> anyhow::Result<Vec<ArticleAnalysis>> {
    let mut out = Vec::with_capacity(articles.len());
    for chunk in articles.chunks(DEEP_CHUNK) {
        let refs: Vec<&Article> = chunk.iter().collect();
        let vectors = embed_all(embedder, &refs, None)?;
        let analysed: Vec<ArticleAnalysis> = chunk
            .par_iter()
            .zip(&vectors)
            .map_init(Scratch::default, |s, (a, v)| model.analyze_deep(a, s, v))
            .collect::<Result<_, _>>()?;
        out.extend(analysed);
    }
    Ok(out)
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

enum Tier {
    Linear(Model),
    Deep(Model, std::sync::Arc<dyn Embedder>),
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
    // Load (and fail) before reading any input.
    let tier = match load_deep(&a.deep, a.model.as_deref())? {
        Some((m, e)) => Tier::Deep(m, e),
        None => Tier::Linear(load_model(a.model.as_deref())?),
    };
    a.clean.apply();
    let (articles, outcome) = read_articles(&a.paths);
    let analyses = match &tier {
        Tier::Deep(m, e) => analyze_all_deep(m, e.as_ref(), &articles)?,
        Tier::Linear(m) => analyze_all(m, &articles),
    };
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
