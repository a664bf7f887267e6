//! `newsprism fetch`: download pages (or the items of a feed) and print them as extracted,
//! cleaned articles, in the same formats as `newsprism extract`.

use std::time::Duration;

use newsprism_ingest::fetch::{FetchOptions, Fetcher};
use rayon::prelude::*;

use crate::cmd::extract::{print_articles, resolve, Format};
use crate::inputs::{collect_reported, report, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// Page or feed URLs (http:// or https://). A feed URL gives one article per item.
    pub urls: Vec<String>,
    /// Feed URLs whose items' links are downloaded as full pages (repeatable).
    #[arg(long = "from-feed", value_name = "URL")]
    pub from_feed: Vec<String>,
    /// Seconds allowed per request, connect to last byte.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Largest response body in bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Most items taken from each feed given with --from-feed.
    #[arg(long, default_value_t = 50)]
    pub max_items: usize,
    /// Parallel downloads.
    #[arg(long, default_value_t = 4)]
    pub jobs: usize,
    /// Output format [default: text on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub clean: crate::inputs::CleanFlag,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    a.clean.apply();
    if a.urls.is_empty() && a.from_feed.is_empty() {
        anyhow::bail!("give at least one URL or --from-feed URL");
    }
    let fetcher = Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(a.timeout.max(1)),
        max_bytes: a.max_bytes,
        ..FetchOptions::default()
    });
    let mut outcome = Outcome::default();
    let mut urls = a.urls.clone();
    for feed in &a.from_feed {
        match fetcher.feed_links(feed) {
            Ok(links) => urls.extend(links.into_iter().take(a.max_items)),
            Err(e) => {
                report(&e);
                outcome.failed += 1;
            }
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.clamp(1, 32))
        .build()?;
    let results: Vec<_> =
        pool.install(|| urls.par_iter().map(|u| fetcher.fetch_articles(u)).collect());
    let articles = collect_reported(results.into_iter().flatten(), &mut outcome);
    print_articles(&articles, resolve(a.format))?;
    Ok(outcome)
}
