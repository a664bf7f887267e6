//! Pairs mode: similarity of given article pairs on the SemEval-2022 Task 8 scale, and the
//! cross-validated fitting that produced the shipped coefficients.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use newsprism_core::Lang;

use crate::fingerprint::{prepare_all, Fingerprint};
use crate::fit::{cross_val_predict, logistic_1d, pearson, ridge_signed, Linear};
use crate::similarity::{features, PairModel, FEATURE_NAMES, FEATURE_SIGNS};

/// One input line of `compare --pairs`.
#[derive(Clone, Debug, Deserialize)]
pub struct PairRecord {
    pub pair_id: serde_json::Value,
    pub text1: String,
    pub text2: String,
    #[serde(default)]
    pub title1: Option<String>,
    #[serde(default)]
    pub title2: Option<String>,
    #[serde(default)]
    pub lang1: Option<String>,
    #[serde(default)]
    pub lang2: Option<String>,
    /// Human score, when the file is labelled (needed by `--eval`/`--fit` only).
    #[serde(default)]
    pub overall: Option<f64>,
}

impl PairRecord {
    /// The pair id as text, whether the file gave a string or a number.
    pub fn id(&self) -> String {
        match &self.pair_id {
            serde_json::Value::String(s) => s.clone(),
            v => v.to_string(),
        }
    }
}

/// One output line of `compare --pairs`.
#[derive(Clone, Debug, Serialize)]
pub struct PairScore {
    pub pair_id: serde_json::Value,
    /// Probability-like score that both texts report the same story.
    pub same_story: f64,
    /// 1 (same story) … 4 (unrelated), the SemEval-2022 Task 8 scale.
    pub similarity: f64,
}

fn fingerprint(text: &str, title: Option<&str>, lang: Option<&str>) -> Fingerprint {
    let mut fp = Fingerprint::of_text(text, title);
    fp.lang = lang.and_then(Lang::parse);
    fp
}

/// Features of every pair, with IDF fitted on all texts of the batch (the batch is the
/// collection the pairs were drawn from).
pub fn pair_features(recs: &[PairRecord]) -> Vec<Vec<f64>> {
    let mut fps: Vec<Fingerprint> = recs
        .par_iter()
        .flat_map_iter(|r| {
            [
                fingerprint(&r.text1, r.title1.as_deref(), r.lang1.as_deref()),
                fingerprint(&r.text2, r.title2.as_deref(), r.lang2.as_deref()),
            ]
        })
        .collect();
    prepare_all(&mut fps);
    fps.par_chunks(2).map(|p| features(&p[0], &p[1])).collect()
}

/// Scores pairs with a model.
pub fn score(recs: &[PairRecord], model: &PairModel) -> Vec<PairScore> {
    pair_features(recs)
        .iter()
        .zip(recs)
        .map(|(x, r)| PairScore {
            pair_id: r.pair_id.clone(),
            same_story: model.same_story(x),
            similarity: model.similarity(x),
        })
        .collect()
}

/// Result of cross-validation.
#[derive(Clone, Debug, Serialize)]
pub struct CvReport {
    pub pairs: usize,
    pub folds: usize,
    pub lambda: f64,
    /// Pearson correlation of out-of-fold predictions (clamped to 1–4) with `overall`.
    pub pearson: f64,
    /// The same per language pair (`de-en`, `en-en`, …).
    pub by_lang: Vec<(String, usize, f64)>,
    /// Pearson of the char 4-gram cosine alone, as a baseline.
    pub baseline_char4: f64,
    /// Pooled Pearson when each language pair is predicted by a model fitted on the other
    /// language pairs only: an estimate for language pairs never seen in training.
    pub leave_language_pair_out: f64,
}

/// Labelled pairs only.
fn labelled(recs: &[PairRecord]) -> (Vec<usize>, Vec<f64>) {
    let idx: Vec<usize> = (0..recs.len())
        .filter(|&i| recs[i].overall.is_some())
        .collect();
    let ys = idx
        .iter()
        .map(|&i| recs[i].overall.unwrap_or(2.5))
        .collect();
    (idx, ys)
}

/// Group for fold assignment: pairs sharing an article id (`id1_id2`) land in one fold when they
/// share the first id, which keeps near-identical pairs from straddling folds.
fn group_of(r: &PairRecord) -> u64 {
    let id = r.id();
    let first = id.split('_').next().unwrap_or(&id).to_string();
    crate::fingerprint::hash_str(11, &first)
}

/// k-fold cross-validated Pearson for each ridge penalty in `lambdas`; returns the best report.
pub fn cross_validate(recs: &[PairRecord], k: usize, lambdas: &[f64]) -> Option<CvReport> {
    let (idx, ys) = labelled(recs);
    if idx.len() < k * 2 {
        return None;
    }
    let all = pair_features(recs);
    let xs: Vec<Vec<f64>> = idx.iter().map(|&i| all[i].clone()).collect();
    let groups: Vec<u64> = idx.iter().map(|&i| group_of(&recs[i])).collect();
    let mut best: Option<CvReport> = None;
    for &lambda in lambdas {
        let pred: Vec<f64> = cross_val_predict(&xs, &ys, &groups, k, |x, y| {
            ridge_signed(x, y, lambda, FEATURE_SIGNS)
        })
        .into_iter()
        .map(|p| p.clamp(1.0, 4.0))
        .collect();
        let r = pearson(&pred, &ys);
        if best.as_ref().is_none_or(|b| r > b.pearson) {
            let mut langs: std::collections::BTreeMap<String, (Vec<f64>, Vec<f64>)> =
                Default::default();
            for (j, &i) in idx.iter().enumerate() {
                let key = format!(
                    "{}-{}",
                    recs[i].lang1.as_deref().unwrap_or("?"),
                    recs[i].lang2.as_deref().unwrap_or("?")
                );
                let e = langs.entry(key).or_default();
                e.0.push(pred[j]);
                e.1.push(ys[j]);
            }
            let base: Vec<f64> = xs.iter().map(|x| -x[0]).collect();
            let lang_of = |i: usize| {
                format!(
                    "{}-{}",
                    recs[i].lang1.as_deref().unwrap_or("?"),
                    recs[i].lang2.as_deref().unwrap_or("?")
                )
            };
            let keys: Vec<String> = idx.iter().map(|&i| lang_of(i)).collect();
            let mut lolo = vec![0.0; xs.len()];
            let distinct: std::collections::BTreeSet<&String> = keys.iter().collect();
            for held in distinct {
                let (mut tx, mut ty) = (Vec::new(), Vec::new());
                for j in 0..xs.len() {
                    if &keys[j] != held {
                        tx.push(xs[j].clone());
                        ty.push(ys[j]);
                    }
                }
                if tx.is_empty() {
                    continue;
                }
                let m = ridge_signed(&tx, &ty, lambda, FEATURE_SIGNS);
                for j in 0..xs.len() {
                    if &keys[j] == held {
                        lolo[j] = m.predict(&xs[j]).clamp(1.0, 4.0);
                    }
                }
            }
            best = Some(CvReport {
                pairs: idx.len(),
                folds: k,
                lambda,
                pearson: r,
                by_lang: langs
                    .into_iter()
                    .map(|(l, (p, y))| {
                        let n = p.len();
                        (l, n, pearson(&p, &y))
                    })
                    .collect(),
                baseline_char4: pearson(&base, &ys),
                leave_language_pair_out: pearson(&lolo, &ys),
            });
        }
    }
    best
}

/// The provenance line stored in a fitted model file.
pub fn fit_note(r: &CvReport, file: &str) -> String {
    format!(
        "sign-constrained ridge regression on all {} labelled pairs of {file}, penalty {} chosen \
         by {}-fold cross-validation (CV Pearson {:.3}); refit with \
         `newsprism compare --pairs {file} --fit crates/stories/data/pair_model.json`",
        r.pairs, r.lambda, r.folds, r.pearson
    )
}

/// Fits the shipped model on all labelled pairs with penalty `lambda`.
pub fn fit_model(recs: &[PairRecord], lambda: f64, note: &str) -> PairModel {
    let (idx, ys) = labelled(recs);
    let all = pair_features(recs);
    let xs: Vec<Vec<f64>> = idx.iter().map(|&i| all[i].clone()).collect();
    let linear: Linear = ridge_signed(&xs, &ys, lambda, FEATURE_SIGNS);
    // The same-story curve is fitted on out-of-fold similarities, as the model will see new pairs.
    let groups: Vec<u64> = idx.iter().map(|&i| group_of(&recs[i])).collect();
    let oof: Vec<f64> = cross_val_predict(&xs, &ys, &groups, 5, |x, y| {
        ridge_signed(x, y, lambda, FEATURE_SIGNS)
    })
    .into_iter()
    .map(|p| p.clamp(1.0, 4.0))
    .collect();
    let same: Vec<bool> = ys.iter().map(|&y| y <= 2.0).collect();
    PairModel {
        fitted_on: note.to_string(),
        features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
        linear,
        same_story_logit: logistic_1d(&oof, &same),
    }
}

/// Ridge penalties tried by cross-validation.
pub const LAMBDAS: &[f64] = &[0.01, 0.1, 1.0, 10.0, 100.0];
