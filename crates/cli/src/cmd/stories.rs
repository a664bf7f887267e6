//! `newsprism stories PATH...`: group articles about the same event across outlets and languages,
//! mark reposts and translations, and (with `--compare`) compare what each outlet claims.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use newsprism_core::{Article, ArticleAnalysis, Embedder};
use newsprism_stories::cluster::Params;
use newsprism_stories::compare::{Comparison, OutletProfile};
use newsprism_stories::embedding::Embeddings;
use newsprism_stories::similarity::PairModel;
use newsprism_stories::story::{build_stories, build_stories_deep, embed_articles, Options, Story};

use crate::deep::DeepArgs;
use crate::inputs::{progress, read_articles, Outcome};

/// Output formats of `stories` and `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable report for people.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line (per story).
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (walked recursively), or `-` for stdin; `.jsonl` lines may carry
    /// source, url, lang and published, which stories use for outlets, languages and time.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Only report stories with at least this many articles (1 lists every article).
    #[arg(long, default_value_t = 2)]
    min_articles: usize,
    /// Compare claims (figures, quotes, actors) across outlets and add persuasion profiles.
    #[arg(long)]
    compare: bool,
    /// With --compare: skip the persuasion profiles (no analysis model run).
    #[arg(long)]
    no_profiles: bool,
    /// Analysis model for the profiles [default: the model built into this binary].
    #[arg(long)]
    model: Option<PathBuf>,
    /// Minimum same-story probability to link two articles.
    #[arg(long, default_value_t = 0.5)]
    threshold: f64,
    /// Never link articles published more than this many days apart.
    #[arg(long, default_value_t = 3)]
    max_day_gap: i32,
    /// Write here instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    deep: DeepArgs,
    /// With --deep: the pair model that decides links (a file written by
    /// `compare --pairs FILE --deep --fit`) [default: the shipped deep model].
    #[arg(long, value_name = "FILE", requires = "deep")]
    pair_model: Option<PathBuf>,
}

/// The encoder and the deep pair model for `--deep`, checked against each other before any
/// text is embedded; `None` without `--deep`.
pub(crate) fn deep_setup(
    deep: &DeepArgs,
    pair_model: Option<&Path>,
) -> anyhow::Result<Option<(Arc<dyn Embedder>, PairModel)>> {
    let Some(embedder) = deep.embedder()? else {
        return Ok(None);
    };
    let model = match pair_model {
        Some(p) => PairModel::load(p)?,
        None => PairModel::builtin_deep().cloned().with_context(|| {
            "this newsprism has no fitted deep pair model; fit one with `newsprism compare \
             --pairs LABELLED.jsonl --deep --fit FILE` and pass `--pair-model FILE`"
        })?,
    };
    let name = pair_model.map_or("the shipped deep pair model".to_string(), |p| {
        p.display().to_string()
    });
    model
        .check_embedder(embedder.id())
        .with_context(|| format!("{name} cannot be used with this encoder"))?;
    Ok(Some((embedder, model)))
}

/// Embeds articles with a progress bar on a terminal.
pub(crate) fn embed_with_progress(
    articles: &[Article],
    embedder: &dyn Embedder,
) -> anyhow::Result<Embeddings> {
    let bar = progress(articles.len() as u64 * 2, "embedding");
    let emb = embed_articles(articles, embedder, &|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    Ok(emb?)
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    let deep = deep_setup(&a.deep, a.pair_model.as_deref())?;
    let (articles, outcome) = read_articles(&a.paths);
    if articles.is_empty() {
        return Ok(outcome);
    }
    let analyses: Option<Vec<ArticleAnalysis>> = if a.compare && !a.no_profiles {
        match super::analyze::load_model(a.model.as_deref()) {
            Ok(m) => Some(super::analyze::analyze_all(&m, &articles)),
            Err(e) => {
                eprintln!("newsprism: persuasion profiles left out: {e:#}");
                None
            }
        }
    } else {
        None
    };
    let opts = Options {
        params: Params {
            min_same_story: a.threshold,
            max_day_gap: a.max_day_gap,
            ..Params::default()
        },
        compare: a.compare,
    };
    let stories = match &deep {
        Some((embedder, model)) => {
            let emb = embed_with_progress(&articles, embedder.as_ref())?;
            build_stories_deep(&articles, analyses.as_deref(), &opts, &emb, model)?
        }
        None => build_stories(&articles, analyses.as_deref(), &opts),
    };
    let stories: Vec<Story> = stories
        .into_iter()
        .filter(|s| s.members.len() >= a.min_articles)
        .collect();
    let to_terminal = a.out.is_none() && std::io::stdout().is_terminal();
    let format = a.format.unwrap_or(if to_terminal {
        Format::Table
    } else {
        Format::Jsonl
    });
    let mut w: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &stories)?;
            writeln!(w)?;
        }
        Format::Jsonl => {
            for s in &stories {
                serde_json::to_writer(&mut w, s)?;
                writeln!(w)?;
            }
        }
        Format::Table => {
            let singles = articles.len() - stories.iter().map(|s| s.members.len()).sum::<usize>();
            for s in &stories {
                write_story(&mut w, s)?;
            }
            writeln!(
                w,
                "{} stories from {} articles{}",
                stories.len(),
                articles.len(),
                if a.min_articles > 1 {
                    format!(" ({singles} articles in smaller groups not shown; --min-articles 1 lists all)")
                } else {
                    String::new()
                }
            )?;
        }
    }
    w.flush()?;
    Ok(outcome)
}

pub(crate) fn clip(s: &str, n: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// A timestamp cut to the minute (`2026-03-02T08:10`).
fn minute(s: &str) -> String {
    s.trim().chars().take(16).collect()
}

fn pad(s: &str, n: usize) -> String {
    let c = clip(s, n);
    let len = c.chars().count();
    c + &" ".repeat(n.saturating_sub(len))
}

fn write_story(w: &mut impl Write, s: &Story) -> std::io::Result<()> {
    let span = match (&s.first_published, &s.last_published) {
        (Some(a), Some(b)) if a != b => format!("{} → {}", minute(a), minute(b)),
        (Some(a), _) => minute(a),
        _ => "undated".into(),
    };
    writeln!(
        w,
        "── Story {} · {} · {span}",
        s.id,
        if s.label.is_empty() {
            "(no names)".to_string()
        } else {
            s.label.join(", ")
        }
    )?;
    writeln!(
        w,
        "   {} articles · {} outlets ({} independent) · languages: {}",
        s.members.len(),
        s.outlets.len(),
        s.independent_outlets.len(),
        if s.languages.is_empty() {
            "?".to_string()
        } else {
            s.languages.join(" ")
        }
    )?;
    for m in &s.members {
        let when = m
            .published
            .as_deref()
            .map_or_else(|| "-".to_string(), minute);
        let mut line = format!(
            "   {} {} {} {}",
            pad(&when, 16),
            pad(m.lang.as_deref().unwrap_or("??"), 2),
            pad(&m.outlet, 22),
            clip(m.title.as_deref().unwrap_or(&m.id), 60)
        );
        if let Some(r) = &m.repost {
            let kind = match r.kind {
                newsprism_stories::reposts::RepostKind::Duplicate => "copy",
                newsprism_stories::reposts::RepostKind::Translation => "translation",
                newsprism_stories::reposts::RepostKind::Attributed => "credited repost",
            };
            line.push_str(&format!(
                "  [{kind} of {} ({}), not independent]",
                r.of, r.of_outlet
            ));
        }
        writeln!(w, "{line}")?;
    }
    if let Some(c) = &s.comparison {
        write_comparison(w, c)?;
    }
    writeln!(w)
}

/// The claims part of a story or a two-article comparison.
pub(crate) fn write_comparison(w: &mut impl Write, c: &Comparison) -> std::io::Result<()> {
    if !c.corroborated.is_empty() {
        writeln!(w, "   Corroborated (≥ 2 independent outlets):")?;
        for cl in &c.corroborated {
            writeln!(
                w,
                "     ✓ {}  — {}",
                clip(&cl.claim, 90),
                cl.outlets.join(", ")
            )?;
        }
    }
    if !c.conflicts.is_empty() {
        writeln!(w, "   Conflicting figures:")?;
        for k in &c.conflicts {
            let vals: Vec<String> = k
                .values
                .iter()
                .map(|v| {
                    let h = match v.hedge {
                        Some(newsprism_stories::numbers::Hedge::AtLeast) => "≥ ",
                        Some(newsprism_stories::numbers::Hedge::AtMost) => "≤ ",
                        Some(newsprism_stories::numbers::Hedge::About) => "~",
                        None => "",
                    };
                    format!("{h}{} ({})", v.value, v.outlets.join(", "))
                })
                .collect();
            writeln!(w, "     ≠ {}: {}", k.quantity, vals.join(" vs "))?;
        }
    }
    if !c.single_source.is_empty() {
        writeln!(w, "   Single-source:")?;
        for cl in &c.single_source {
            writeln!(
                w,
                "     • {}  — {}",
                clip(&cl.claim, 90),
                cl.outlets.join(", ")
            )?;
        }
    }
    if !c.single_source_actors.is_empty() {
        let list: Vec<String> = c
            .single_source_actors
            .iter()
            .take(12)
            .map(|(a, o)| format!("{a} ({o})"))
            .collect();
        writeln!(w, "   Named by one outlet only: {}", list.join(", "))?;
    }
    if !c.profiles.is_empty() {
        write_profiles(w, &c.profiles)?;
    }
    Ok(())
}

fn write_profiles(w: &mut impl Write, ps: &[OutletProfile]) -> std::io::Result<()> {
    writeln!(
        w,
        "   {} {} {} {} top frames",
        pad("Outlet", 22),
        pad("genre", 9),
        pad("tech/1k words", 13),
        pad("top techniques", 44),
    )?;
    for p in ps {
        let techs: Vec<String> = p
            .top_techniques
            .iter()
            .map(|(t, n)| format!("{t} ×{n}"))
            .collect();
        let frames: Vec<String> = p
            .top_frames
            .iter()
            .map(|(f, _)| f.replace('_', " "))
            .collect();
        writeln!(
            w,
            "   {} {} {} {} {}",
            pad(&p.outlet, 22),
            pad(&p.genre, 9),
            pad(&format!("{:.1}", p.techniques_per_1000_words), 13),
            pad(
                &if techs.is_empty() {
                    "-".into()
                } else {
                    techs.join(", ")
                },
                44
            ),
            if frames.is_empty() {
                "-".into()
            } else {
                clip(&frames.join(", "), 60)
            }
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_folder_gives_one_story_with_a_translation() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/stories");
        let out =
            std::env::temp_dir().join(format!("newsprism-stories-{}.json", std::process::id()));
        let args = Args {
            paths: vec![dir.to_string()],
            format: Some(Format::Json),
            min_articles: 2,
            compare: true,
            no_profiles: true,
            model: None,
            threshold: 0.5,
            max_day_gap: 3,
            out: Some(out.clone()),
            deep: DeepArgs::default(),
            pair_model: None,
        };
        let outcome = run(args).unwrap();
        assert_eq!((outcome.succeeded, outcome.failed), (5, 0));
        let stories: Vec<Story> =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        std::fs::remove_file(&out).ok();
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].members.len(), 4);
        assert_eq!(stories[0].independent_outlets.len(), 3);
        let mut table = Vec::new();
        write_story(&mut table, &stories[0]).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(table.contains("translation of northwind-0302"), "{table}");
        assert!(table.contains("≠ arrested: 1200"), "{table}");
    }
}
