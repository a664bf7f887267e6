//! `newsprism extract`: what the engine will analyse, without analysing it.
//!
//! Shows, per input, the main text as numbered lines, the metadata found, the lines removed as
//! site chrome (with reasons) and the attribution detected, so a user can check ingestion and
//! cleaning on their own data before trusting any analysis.

use std::io::{IsTerminal, Write};

use newsprism_core::Article;
use serde::Serialize;

use crate::inputs::{read_articles, Outcome};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per article (default when stdout is not a terminal).
    Jsonl,
    /// Readable text (default on a terminal).
    Text,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (walked recursively: .txt .html .htm .html.gz .xml .rss .atom .jsonl),
    /// or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format [default: text on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub clean: crate::inputs::CleanFlag,
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    a.clean.apply();
    let (articles, outcome) = read_articles(&a.paths);
    print_articles(&articles, resolve(a.format))?;
    Ok(outcome)
}

/// The format asked for, else by whether stdout is a terminal.
pub fn resolve(f: Option<Format>) -> Format {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    })
}

/// One JSONL record: the article with its lines, plus `text`: the body as one string, i.e. the
/// non-empty lines joined by newlines, without the headline when it is repeated as a line (the
/// title is its own field). This is what text-comparison tools and extraction benchmarks take
/// as the article body; `lines` keeps every line with its number.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    article: &'a Article,
    text: String,
}

/// Prints articles to stdout in the given format.
pub fn print_articles(articles: &[Article], format: Format) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in articles {
        match format {
            Format::Jsonl => {
                let rec = Record {
                    article: a,
                    text: a.extracted_text(),
                };
                serde_json::to_writer(&mut out, &rec)?;
                writeln!(out)?;
            }
            Format::Text => write_text(&mut out, a)?,
        }
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "=== {}", a.path)?;
    let fields = [
        ("title", a.title.as_deref()),
        ("url", a.url.as_deref()),
        ("source", a.source.as_deref()),
        ("language", a.declared_lang.as_ref().map(|l| l.as_str())),
        ("published", a.published.as_deref()),
        ("author", a.author.as_deref()),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            writeln!(out, "{k:>10}: {v}")?;
        }
    }
    if let Some(at) = &a.attribution {
        let mut parts = Vec::new();
        if let Some(s) = &at.source {
            parts.push(format!("credits {s}"));
        }
        if let Some(o) = &at.original_outlet {
            parts.push(format!("original outlet {o}"));
        }
        if let Some(u) = &at.original_url {
            parts.push(format!("original {u}"));
        }
        if at.republished {
            parts.push("republished".into());
        }
        if at.translated {
            parts.push("translated".into());
        }
        writeln!(out, "{:>10}: {}", "provenance", parts.join("; "))?;
    }
    writeln!(out)?;
    for (n, line) in a.paragraphs() {
        writeln!(out, "{n:>4}  {line}")?;
    }
    if !a.removed.is_empty() {
        writeln!(out, "\n  removed as site chrome:")?;
        for r in &a.removed {
            writeln!(out, "{:>4}  [{}] {}", r.line, r.reason, r.text)?;
        }
    }
    writeln!(out)?;
    Ok(())
}
