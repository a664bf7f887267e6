//! Output formats shared by the subcommands that print analyses.

use std::io::Write;
use std::path::Path;

use newsprism_core::ArticleAnalysis;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable report for people.
    Table,
    /// One JSON array of articles.
    Json,
    /// One JSON object per line, per article.
    Jsonl,
    /// The task's three submission files (needs --out DIR).
    Semeval,
}

pub fn write_analyses(
    w: &mut impl Write,
    format: Format,
    items: &[ArticleAnalysis],
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, items)?;
            writeln!(w)?;
        }
        Format::Jsonl => {
            for a in items {
                serde_json::to_writer(&mut *w, a)?;
                writeln!(w)?;
            }
        }
        Format::Table => {
            for a in items {
                write_table(w, a)?;
            }
        }
        Format::Semeval => unreachable!("semeval output goes to files"),
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

fn write_table(w: &mut impl Write, a: &ArticleAnalysis) -> std::io::Result<()> {
    let lang = a
        .lang
        .code
        .map(|l| l.to_string())
        .unwrap_or_else(|| "??".into());
    writeln!(
        w,
        "── {} ─ {} ({lang}, {:.2}) ─ {} words",
        a.id, a.path, a.lang.confidence, a.word_count
    )?;
    if let Some(t) = &a.title {
        writeln!(w, "   {}", clip(t, 100))?;
    }
    if let Some(at) = &a.attribution {
        let src = at
            .original_outlet
            .as_deref()
            .or(at.source.as_deref())
            .unwrap_or("?");
        let kind = if at.translated {
            "translated repost of"
        } else if at.republished {
            "repost of"
        } else {
            "credits"
        };
        writeln!(w, "   provenance: {kind} {src}")?;
    }
    writeln!(
        w,
        "   genre:  {} ({:.2})  cues: {}",
        a.genre.label,
        a.genre.confidence,
        a.genre.cues.join(", ")
    )?;
    let frames: Vec<String> = a
        .frames
        .iter()
        .map(|f| format!("{} ({:.2})", f.label, f.confidence))
        .collect();
    writeln!(
        w,
        "   frames: {}",
        if frames.is_empty() {
            "-".into()
        } else {
            frames.join(", ")
        }
    )?;
    let n_tech: usize = a.paragraphs.iter().map(|p| p.techniques.len()).sum();
    writeln!(
        w,
        "   techniques: {n_tech} in {} of {} paragraphs ({:.1} per 1,000 words)",
        a.paragraphs
            .iter()
            .filter(|p| !p.techniques.is_empty())
            .count(),
        a.paragraphs.len(),
        a.technique_density()
    )?;
    for p in a.paragraphs.iter().filter(|p| !p.techniques.is_empty()) {
        writeln!(w, "   {:>4} │ {}", p.line, clip(&p.text, 96))?;
        for t in &p.techniques {
            writeln!(
                w,
                "        │   {:<34} {:.2}  {}",
                t.label,
                t.confidence,
                t.cues.join(", ")
            )?;
        }
    }
    if !a.removed.is_empty() {
        writeln!(w, "   removed {} line(s) of site chrome:", a.removed.len())?;
        for r in &a.removed {
            writeln!(w, "   {:>4} │ {} [{}]", r.line, clip(&r.text, 70), r.reason)?;
        }
    }
    writeln!(w)
}

/// Writes `subtask-1.txt` (ID, genre), `subtask-2.txt` (ID, frames) and `subtask-3.txt` (ID, line,
/// techniques; one row per non-empty line) in the task's submission format.
pub fn write_semeval(dir: &Path, items: &[ArticleAnalysis]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut s1 = String::new();
    let mut s2 = String::new();
    let mut s3 = String::new();
    for a in items {
        s1.push_str(&format!("{}\t{}\n", a.id, a.genre.label));
        let frames: Vec<&str> = a.frames.iter().map(|f| f.label.as_str()).collect();
        s2.push_str(&format!("{}\t{}\n", a.id, frames.join(",")));
        for p in &a.paragraphs {
            let t: Vec<&str> = p.techniques.iter().map(|t| t.label.as_str()).collect();
            s3.push_str(&format!("{}\t{}\t{}\n", a.id, p.line, t.join(",")));
        }
    }
    std::fs::write(dir.join("subtask-1.txt"), s1)?;
    std::fs::write(dir.join("subtask-2.txt"), s2)?;
    std::fs::write(dir.join("subtask-3.txt"), s3)?;
    Ok(())
}
