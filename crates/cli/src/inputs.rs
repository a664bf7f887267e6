//! Reading the user's inputs for any subcommand: expand paths, read in parallel, report each
//! failure on stderr with the item's name, and keep going.

use indicatif::{ProgressBar, ProgressStyle};
use newsprism_core::Article;
use newsprism_ingest::{read_source, sources, IngestError};
use rayon::prelude::*;
use std::io::IsTerminal;

/// Counts for the exit code.
#[derive(Clone, Copy, Debug, Default)]
pub struct Outcome {
    pub succeeded: usize,
    pub failed: usize,
}

/// Prints one item's failure in the one format all subcommands use.
pub fn report(e: &IngestError) {
    eprintln!("newsprism: skipped {e}");
}

/// The `--no-clean` flag, shared by every subcommand that reads articles.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub struct CleanFlag {
    /// Keep site chrome (menus, share prompts, donation pleas) instead of removing it; same as
    /// NEWSPRISM_NO_CLEAN=1.
    #[arg(long)]
    pub no_clean: bool,
}

impl CleanFlag {
    /// Applies the flag to every later read in this process.
    pub fn apply(self) {
        if self.no_clean {
            set_cleaning(false);
        }
    }
}

/// Turns the chrome cleaning of [`read_articles`] off (for `--no-clean`); the environment variable
/// `NEWSPRISM_NO_CLEAN=1` does the same for every subcommand.
pub fn set_cleaning(enabled: bool) {
    newsprism_clean::set_enabled(enabled);
}

/// Cleans a batch as [`read_articles`] does (site chrome out, attribution in), unless cleaning
/// was turned off.
pub fn clean(articles: &mut [Article]) {
    if newsprism_clean::enabled() {
        newsprism_clean::clean_batch(articles, &newsprism_clean::CleanOptions::default());
    }
}

/// Reads all articles from `paths` (files, directories, `-`), in input order, cleaned of site
/// chrome (see [`clean`]). Failures are reported on stderr and counted in the returned outcome.
pub fn read_articles(paths: &[String]) -> (Vec<Article>, Outcome) {
    let (srcs, path_errs) = sources(paths);
    let mut outcome = Outcome::default();
    for e in &path_errs {
        report(e);
        outcome.failed += 1;
    }
    let bar = progress(srcs.len() as u64, "reading");
    let per_source: Vec<Vec<Result<Article, IngestError>>> = srcs
        .par_iter()
        .map(|s| {
            let r = read_source(s);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let articles = collect_reported(per_source.into_iter().flatten(), &mut outcome);
    (articles, outcome)
}

/// Keeps the articles, reports and counts the failures, and cleans the batch: the last step of
/// every reader (files, stdin, the network).
pub fn collect_reported(
    items: impl IntoIterator<Item = Result<Article, IngestError>>,
    outcome: &mut Outcome,
) -> Vec<Article> {
    let mut articles = Vec::new();
    for item in items {
        match item {
            Ok(a) => articles.push(a),
            Err(e) => {
                report(&e);
                outcome.failed += 1;
            }
        }
    }
    outcome.succeeded += articles.len();
    clean(&mut articles);
    articles
}

/// A progress bar on stderr when it is a terminal and the job is big enough to watch; hidden
/// otherwise so pipelines and CI logs stay clean.
pub fn progress(len: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 50 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}
