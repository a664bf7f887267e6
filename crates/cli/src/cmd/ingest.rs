//! `newsprism ingest`: analyse articles and keep them in an embedded store.
//!
//! Articles are analysed in parallel and written in batches, each batch one SQLite transaction;
//! an article is reported stored only after its batch has committed, so after a crash everything
//! reported is there, and running the same command again resumes: inputs already stored are
//! recognised by fingerprint and skipped without re-analysis.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use newsprism_analyze::features::Scratch;
use newsprism_analyze::Model;
use newsprism_core::{Article, ArticleAnalysis};
use newsprism_store::{identity, ArticleStore, EmbeddedStore, NewArticle, OpenMode, PutOutcome};
use rayon::prelude::*;

use crate::inputs::{progress, read_articles, Outcome};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A summary for people.
    Text,
    /// One JSON line per article, printed once it is committed; the summary goes to stderr.
    Jsonl,
}

/// Analyse articles and store them (SQLite + full-text index) in DIR.
#[derive(clap::Args)]
#[command(
    after_help = "Storing the same article twice keeps one record (same URL, or same outlet \
and text). Interrupted runs can simply be repeated: what was stored is skipped."
)]
pub struct Args {
    /// Files or directories (walked recursively), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Store directory (created if missing).
    #[arg(long, value_name = "DIR")]
    pub db: PathBuf,
    /// Articles per transaction: larger is faster, smaller loses less work on a crash.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub batch: u32,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Model file [default: the model built into this binary].
    #[arg(long)]
    pub model: Option<PathBuf>,
}

#[derive(Default)]
struct Counts {
    stored: usize,
    duplicate: usize,
    already: usize,
    failed: usize,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let store = EmbeddedStore::open(&a.db, OpenMode::ReadWrite)
        .with_context(|| format!("opening store {}", a.db.display()))?;
    let model = crate::cmd::analyze::load_model(a.model.as_deref())
        .context("loading the analysis model")?;
    let (articles, mut outcome) = read_articles(&a.paths);
    let mut counts = Counts::default();
    let bar = progress(articles.len() as u64, "storing");
    let stdout = std::io::stdout();
    for chunk in articles.chunks(a.batch as usize) {
        let fps: Vec<String> = chunk.iter().map(identity::input_fingerprint).collect();
        let known = store.known_inputs(&fps)?;
        let todo: Vec<&Article> = chunk
            .iter()
            .zip(&known)
            .filter(|(_, k)| !**k)
            .map(|(art, _)| art)
            .collect();
        counts.already += chunk.len() - todo.len();
        let analysed: Vec<(&Article, Option<ArticleAnalysis>)> = todo
            .par_iter()
            .map_init(Scratch::default, |s, art| (*art, analyse(&model, art, s)))
            .collect();
        let mut batch = Vec::with_capacity(analysed.len());
        let mut sources = Vec::with_capacity(analysed.len());
        for (art, an) in analysed {
            match an {
                Some(an) => {
                    batch.push(NewArticle::from_input(art, an));
                    sources.push(art);
                }
                None => {
                    eprintln!("newsprism: skipped {}: analysis failed", art.path);
                    counts.failed += 1;
                }
            }
        }
        let report = store.put_batch(&batch)?;
        if let Some(w) = &report.index_warning {
            eprintln!("newsprism: warning: full-text index lags ({w}); it catches up on next open");
        }
        let mut out = stdout.lock();
        for (o, art) in report.outcomes.iter().zip(&sources) {
            match o {
                PutOutcome::Stored { .. } => counts.stored += 1,
                PutOutcome::Duplicate { .. } => counts.duplicate += 1,
            }
            if a.format == Format::Jsonl {
                let line = serde_json::json!({
                    "input": art.path, "input_id": art.id, "id": o.id(),
                    "status": if matches!(o, PutOutcome::Stored { .. }) { "stored" } else { "duplicate" },
                });
                writeln!(out, "{line}")?;
            }
        }
        out.flush()?;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    outcome.failed += counts.failed;
    outcome.succeeded = counts.stored + counts.duplicate + counts.already;
    let total = store.stats()?.articles;
    let summary = format!(
        "stored {} new article(s); {} duplicate(s) of stored articles; {} input(s) already \
         ingested; {} failed. {} now holds {} article(s).",
        counts.stored,
        counts.duplicate,
        counts.already,
        outcome.failed,
        a.db.display(),
        total
    );
    match a.format {
        Format::Text => println!("{summary}"),
        Format::Jsonl => eprintln!("newsprism: {summary}"),
    }
    Ok(outcome)
}

/// Analyses one article; a panic inside the model is reported as a failure of that article only.
fn analyse(model: &Model, art: &Article, s: &mut Scratch) -> Option<ArticleAnalysis> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| model.analyze_with(art, s))).ok()
}
