//! `newsprism serve`: the JSON API and web UI over a store.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use newsprism_analyze::Model;
use newsprism_core::{Article, ArticleAnalysis};
use newsprism_server::{Analyzer, AppState};
use newsprism_store::{ArticleStore, EmbeddedStore, OpenMode};

use crate::inputs::Outcome;

/// Serve the JSON API (see /openapi.json) and the web UI for a store.
#[derive(clap::Args)]
#[command(
    after_help = "Without a token the server is read-only and can run next to an ingest \
into the same store. With a token it holds the store's write lock and accepts \
POST /api/articles with `Authorization: Bearer TOKEN`. Prefer the NEWSPRISM_TOKEN environment \
variable to --token: command lines are visible to other users."
)]
pub struct Args {
    /// Store directory.
    #[arg(long, value_name = "DIR")]
    pub db: PathBuf,
    /// Address to listen on. Anything but loopback exposes the archive to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Bearer token that enables POST /api/articles (default: $NEWSPRISM_TOKEN; none = read-only).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Model file for POST analysis [default: the model built into this binary].
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Worker threads for the HTTP runtime (default: number of CPUs).
    #[arg(long)]
    pub threads: Option<usize>,
}

struct ModelAnalyzer(Model);

impl Analyzer for ModelAnalyzer {
    fn analyze(&self, article: &Article) -> ArticleAnalysis {
        self.0.analyze(article)
    }
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let token = a
        .token
        .or_else(|| std::env::var("NEWSPRISM_TOKEN").ok())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let mode = if token.is_some() {
        OpenMode::ReadWrite
    } else {
        OpenMode::ReadOnly
    };
    let store = EmbeddedStore::open(&a.db, mode)
        .with_context(|| format!("opening store {}", a.db.display()))?;
    let articles = store.stats()?.articles;
    let store: Arc<dyn ArticleStore> = Arc::new(store);
    let mut state = AppState::new(store);
    if let Some(t) = &token {
        let model = crate::cmd::analyze::load_model(a.model.as_deref())
            .context("loading the analysis model")?;
        state = state.with_writes(t, Arc::new(ModelAnalyzer(model)));
    }
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = a.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = rt.build().context("starting the HTTP runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&a.addr)
            .await
            .with_context(|| format!("cannot listen on {}", a.addr))?;
        let local = listener.local_addr()?;
        eprintln!(
            "newsprism: serving {} ({} articles) on http://{local}/ — writes {}",
            a.db.display(),
            articles,
            if token.is_some() {
                "enabled (bearer token)"
            } else {
                "disabled"
            }
        );
        newsprism_server::serve(listener, state)
            .await
            .context("HTTP server failed")
    })?;
    Ok(Outcome {
        succeeded: 1,
        failed: 0,
    })
}
