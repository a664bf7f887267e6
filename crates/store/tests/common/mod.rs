//! Synthetic analyses for the store tests (no model needed).

use newsprism_core::{ArticleAnalysis, Lang, LangGuess, ParagraphAnalysis, Prediction};
use newsprism_store::NewArticle;

pub fn pred(label: &str, cues: &[&str]) -> Prediction {
    Prediction {
        label: label.to_string(),
        confidence: 0.8,
        cues: cues.iter().map(|c| c.to_string()).collect(),
    }
}

/// An analysis with the given text paragraphs; paragraph `i` gets technique `techs[i]` if any.
pub fn analysis(
    id: &str,
    lang: Lang,
    outlet: Option<&str>,
    published: Option<&str>,
    paras: &[&str],
    techs: &[Option<&str>],
) -> ArticleAnalysis {
    let paragraphs: Vec<ParagraphAnalysis> = paras
        .iter()
        .enumerate()
        .map(|(i, t)| ParagraphAnalysis {
            line: i as u32 + 2,
            text: t.to_string(),
            techniques: techs
                .get(i)
                .copied()
                .flatten()
                .map(|l| vec![pred(l, &["cue"])])
                .unwrap_or_default(),
        })
        .collect();
    ArticleAnalysis {
        id: id.to_string(),
        path: format!("{id}.txt"),
        lang: LangGuess {
            code: Some(lang),
            confidence: 0.9,
        },
        title: Some(format!("Title of {id}")),
        url: None,
        source: outlet.map(str::to_string),
        published: published.map(str::to_string),
        word_count: paras.iter().map(|p| p.split_whitespace().count()).sum(),
        genre: pred("reporting", &[]),
        genre_scores: vec![pred("reporting", &[])],
        frames: vec![pred("Political", &[])],
        paragraphs,
        removed: Vec::new(),
        attribution: None,
    }
}

pub fn new(a: ArticleAnalysis) -> NewArticle {
    NewArticle {
        analysis: a,
        fingerprint: None,
    }
}
