//! `newsprism search`: full-text search with filters over a store, as a table or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use newsprism_store::{
    ArticleStore, EmbeddedStore, FacetCount, OpenMode, SearchQuery, SearchResults, SortOrder,
};

use crate::inputs::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    Relevance,
    Newest,
}

/// Search stored articles: words (stemmed per language), "phrases", -exclusions, plus filters.
#[derive(clap::Args)]
#[command(
    after_help = "Filters can be repeated; values of one filter are alternatives, different \
filters must all hold. Example:\n  newsprism search election fraud --db store --lang en --lang fr \
--technique Loaded_Language --from 2022-03"
)]
pub struct Args {
    /// Query text; empty lists everything that passes the filters.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Store directory.
    #[arg(long, value_name = "DIR")]
    pub db: PathBuf,
    /// Language code (en, fr, ...).
    #[arg(long)]
    pub lang: Vec<String>,
    /// Outlet name; `(unknown)` for articles without one.
    #[arg(long)]
    pub outlet: Vec<String>,
    /// opinion, reporting or satire.
    #[arg(long)]
    pub genre: Vec<String>,
    /// Framing dimension, e.g. Political.
    #[arg(long)]
    pub frame: Vec<String>,
    /// Persuasion technique, e.g. Loaded_Language.
    #[arg(long)]
    pub technique: Vec<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Published on or before (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// Results to show.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=200))]
    pub limit: u32,
    /// Results to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Also print facet counts (always included in JSON).
    #[arg(long)]
    pub facets: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let store = EmbeddedStore::open(&a.db, OpenMode::ReadOnly)
        .with_context(|| format!("opening store {}", a.db.display()))?;
    let q = SearchQuery {
        q: a.query.join(" "),
        lang: a.lang,
        outlet: a.outlet,
        genre: a.genre,
        frame: a.frame,
        technique: a.technique,
        from: a.from,
        to: a.to,
        sort: match a.sort {
            Sort::Relevance => SortOrder::Relevance,
            Sort::Newest => SortOrder::Newest,
        },
        offset: a.offset,
        limit: a.limit as usize,
    };
    let res = store.search(&q)?;
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &res)?;
            writeln!(out)?;
        }
        Format::Table => print_table(&mut out, &res, a.facets)?,
    }
    for w in &res.warnings {
        eprintln!("newsprism: query: {w}");
    }
    Ok(Outcome {
        succeeded: 1,
        failed: 0,
    })
}

/// Cuts to `max` characters, adding an ellipsis.
fn cut(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn print_table(out: &mut impl Write, res: &SearchResults, facets: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "{} article(s) match; showing {}–{}",
        res.total,
        if res.hits.is_empty() {
            0
        } else {
            res.offset + 1
        },
        res.offset + res.hits.len()
    )?;
    if !res.hits.is_empty() {
        writeln!(
            out,
            "{} {} {} {} {} {} TECHNIQUES",
            pad("ID", 16),
            pad("DATE", 10),
            pad("LANG", 4),
            pad("OUTLET", 18),
            pad("GENRE", 9),
            pad("TITLE", 48)
        )?;
    }
    for h in &res.hits {
        let date = h
            .published
            .as_deref()
            .map(|d| cut(d, 10))
            .unwrap_or_else(|| "-".into());
        let title = h.title.as_deref().unwrap_or("(untitled)");
        let techs = if h.techniques.is_empty() {
            "-".to_string()
        } else {
            cut(&h.techniques.join(","), 60)
        };
        writeln!(
            out,
            "{} {} {} {} {} {} {}",
            pad(&h.id, 16),
            pad(&date, 10),
            pad(&h.lang, 4),
            pad(&cut(h.outlet.as_deref().unwrap_or("-"), 18), 18),
            pad(&cut(&h.genre, 9), 9),
            pad(&cut(title, 48), 48),
            techs
        )?;
    }
    if facets {
        let f = &res.facets;
        for (name, counts) in [
            ("language", &f.lang),
            ("outlet", &f.outlet),
            ("genre", &f.genre),
            ("frame", &f.frame),
            ("technique", &f.technique),
            ("month", &f.month),
        ] {
            writeln!(out, "{name}: {}", facet_line(counts))?;
        }
    }
    Ok(())
}

fn facet_line(counts: &[FacetCount]) -> String {
    if counts.is_empty() {
        return "-".into();
    }
    counts
        .iter()
        .take(15)
        .map(|c| format!("{} {}", c.value, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}
