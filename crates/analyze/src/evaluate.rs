//! Scoring a model on a labelled folder with the task's official metrics, through the same
//! `Model::analyze` path that users run, so the figures describe what ships.

use std::collections::BTreeMap;

use newsprism_core::{ArticleAnalysis, Frame, Genre, Label, LabelSet, Lang, Technique};
use newsprism_ingest::dataset::Dataset;
use rayon::prelude::*;

use crate::deep::ParagraphVectors;
use crate::features::Scratch;
use crate::metrics::{ScoreAcc, Scores};
use crate::{Model, ModelError};

/// Analyses every article of `ds` and scores the predictions per language and on average.
pub fn evaluate(model: &Model, ds: &Dataset) -> Scores {
    let analyses: Vec<ArticleAnalysis> = ds
        .articles
        .par_iter()
        .map_init(Scratch::default, |s, a| model.analyze_with(&a.article, s))
        .collect();
    score(ds, &analyses)
}

/// As [`evaluate`] for a deep-tier model, with each article's paragraph vectors (in dataset order).
pub fn evaluate_deep(
    model: &Model,
    ds: &Dataset,
    vectors: &[ParagraphVectors],
) -> Result<Scores, ModelError> {
    if vectors.len() != ds.articles.len() {
        return Err(ModelError::VectorShape {
            article: "(dataset)".into(),
            got: vectors.len(),
            dim: 0,
            want: ds.articles.len(),
            want_dim: 0,
        });
    }
    let analyses: Vec<ArticleAnalysis> = ds
        .articles
        .par_iter()
        .zip(vectors)
        .map_init(Scratch::default, |s, (a, v)| {
            model.analyze_deep(&a.article, s, v)
        })
        .collect::<Result<_, _>>()?;
    Ok(score(ds, &analyses))
}

/// Official scores of `analyses` (one per article of `ds`, in order).
pub fn score(ds: &Dataset, analyses: &[ArticleAnalysis]) -> Scores {
    let mut per: BTreeMap<Lang, ScoreAcc> = BTreeMap::new();
    for (a, an) in ds.articles.iter().zip(analyses) {
        let e = per.entry(a.lang).or_default();
        e.articles += 1;
        if let Some(g) = a.genre {
            e.genre_gold.push(g.index());
            e.genre_pred
                .push(Genre::from_name(&an.genre.label).map_or(0, |g| g.index()));
        }
        if let Some(fs) = a.frames {
            let pred: LabelSet<Frame> = an
                .frames
                .iter()
                .filter_map(|p| Frame::from_name(&p.label))
                .collect();
            e.add_frames(fs.bits(), pred.bits());
        }
        for &(line, gold) in &a.techniques {
            let pred: LabelSet<Technique> = an
                .paragraphs
                .iter()
                .find(|p| p.line == line)
                .map(|p| {
                    p.techniques
                        .iter()
                        .filter_map(|t| Technique::from_name(&t.label))
                        .collect()
                })
                .unwrap_or_default();
            e.add_techniques(gold.bits(), pred.bits());
        }
    }
    Scores::from_accumulators(per)
}
