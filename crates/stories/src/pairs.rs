//! Pairs mode: similarity of given article pairs on the SemEval-2022 Task 8 scale, and the
//! cross-validated fitting that produced the shipped coefficients, lexical and deep (with
//! sentence embeddings, see [`crate::embedding`]).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use newsprism_core::Lang;

use newsprism_core::Embedder;

use crate::embedding::{DeepError, Embeddings};
use crate::fingerprint::{implicit_title, prepare_all, Fingerprint};
use crate::fit::{cross_val_predict, logistic_1d, pearson, ridge_signed, Linear};
use crate::similarity::{
    append_deep, deep_feature_names, deep_feature_signs, features, PairModel, FEATURE_NAMES,
    FEATURE_SIGNS,
};

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
    /// Cosine of the two texts' embeddings (deep scoring only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embedding_cosine: Option<f64>,
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

/// What is embedded of one side of a pair: (title + text, title). Without a title field the
/// title is found as the lexical features find it.
fn side(text: &str, title: Option<&str>) -> (String, String) {
    match title {
        Some(t) if !t.trim().is_empty() => (format!("{t}\n{text}"), t.to_string()),
        _ => (text.to_string(), implicit_title(text)),
    }
}

/// Embeds both sides of every pair (rows `2i` and `2i + 1`); identical texts are embedded once.
pub fn embed_pairs(
    recs: &[PairRecord],
    embedder: &dyn Embedder,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Embeddings, DeepError> {
    let sides: Vec<(String, String)> = recs
        .iter()
        .flat_map(|r| {
            [
                side(&r.text1, r.title1.as_deref()),
                side(&r.text2, r.title2.as_deref()),
            ]
        })
        .collect();
    let items: Vec<(&str, &str)> = sides
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    Embeddings::compute(embedder, &items, progress)
}

/// Lexical and embedding features of every pair (`emb` from [`embed_pairs`] on the same
/// records).
pub fn deep_pair_features(recs: &[PairRecord], emb: &Embeddings) -> Vec<Vec<f64>> {
    let mut all = pair_features(recs);
    for (i, x) in all.iter_mut().enumerate() {
        let cross = x[9];
        append_deep(x, &emb.get(2 * i), &emb.get(2 * i + 1), cross);
    }
    all
}

/// Scores pairs with a lexical model (a deep model scores them with the shipped lexical one; use
/// [`score_deep`] to give it vectors).
pub fn score(recs: &[PairRecord], model: &PairModel) -> Vec<PairScore> {
    scores_of(recs, model.for_pair(false), &pair_features(recs))
}

/// Scores pairs with a deep model and the pairs' embeddings ([`embed_pairs`]); refuses a model
/// fitted on another encoder's vectors.
pub fn score_deep(
    recs: &[PairRecord],
    model: &PairModel,
    emb: &Embeddings,
) -> Result<Vec<PairScore>, DeepError> {
    model.check_embedder(&emb.embedder)?;
    let mut out = scores_of(recs, model, &deep_pair_features(recs, emb));
    for (i, s) in out.iter_mut().enumerate() {
        let (c, _) = emb.get(2 * i).cosines(&emb.get(2 * i + 1));
        s.embedding_cosine = Some(f64::from(c));
    }
    Ok(out)
}

fn scores_of(recs: &[PairRecord], model: &PairModel, xs: &[Vec<f64>]) -> Vec<PairScore> {
    xs.iter()
        .zip(recs)
        .map(|(x, r)| PairScore {
            pair_id: r.pair_id.clone(),
            same_story: model.same_story(x),
            similarity: model.similarity(x),
            embedding_cosine: None,
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
    /// Pearson of the embedding cosine alone (deep reports only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_embedding: Option<f64>,
    /// Pooled Pearson when each language pair is predicted by a model fitted on the other
    /// language pairs only: an estimate for language pairs never seen in training.
    pub leave_language_pair_out: f64,
    /// The same per held-out language pair.
    pub leave_language_pair_out_by_lang: Vec<(String, usize, f64)>,
}

/// Lexical and deep models cross-validated on the same folds and penalties.
#[derive(Clone, Debug, Serialize)]
pub struct DeepCvReport {
    /// The encoder whose vectors the deep model used.
    pub embedder: String,
    pub lexical: CvReport,
    pub deep: CvReport,
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

fn lang_pair(r: &PairRecord) -> String {
    format!(
        "{}-{}",
        r.lang1.as_deref().unwrap_or("?"),
        r.lang2.as_deref().unwrap_or("?")
    )
}

/// Pearson per key, in key order.
fn by_key(keys: &[String], pred: &[f64], ys: &[f64]) -> Vec<(String, usize, f64)> {
    let mut langs: std::collections::BTreeMap<&str, (Vec<f64>, Vec<f64>)> = Default::default();
    for j in 0..keys.len() {
        let e = langs.entry(&keys[j]).or_default();
        e.0.push(pred[j]);
        e.1.push(ys[j]);
    }
    langs
        .into_iter()
        .map(|(l, (p, y))| (l.to_string(), p.len(), pearson(&p, &y)))
        .collect()
}

/// k-fold cross-validated Pearson of the lexical model for each ridge penalty in `lambdas`;
/// returns the best report.
pub fn cross_validate(recs: &[PairRecord], k: usize, lambdas: &[f64]) -> Option<CvReport> {
    cv_features(recs, &pair_features(recs), FEATURE_SIGNS, k, lambdas)
}

/// Cross-validates the lexical and the deep model on the same folds (and penalties), so the
/// figures compare. `emb` comes from [`embed_pairs`] on the same records.
pub fn cross_validate_deep(
    recs: &[PairRecord],
    emb: &Embeddings,
    k: usize,
    lambdas: &[f64],
) -> Option<DeepCvReport> {
    let all = deep_pair_features(recs, emb);
    let lex: Vec<Vec<f64>> = all
        .iter()
        .map(|x| x[..FEATURE_NAMES.len()].to_vec())
        .collect();
    let lexical = cv_features(recs, &lex, FEATURE_SIGNS, k, lambdas)?;
    let mut deep = cv_features(recs, &all, &deep_feature_signs(), k, lambdas)?;
    let (idx, ys) = labelled(recs);
    let cos: Vec<f64> = idx.iter().map(|&i| -all[i][FEATURE_NAMES.len()]).collect();
    deep.baseline_embedding = Some(pearson(&cos, &ys));
    Some(DeepCvReport {
        embedder: emb.embedder.clone(),
        lexical,
        deep,
    })
}

/// Cross-validation over precomputed features (column 0 must be the char 4-gram cosine).
fn cv_features(
    recs: &[PairRecord],
    all: &[Vec<f64>],
    signs: &[i8],
    k: usize,
    lambdas: &[f64],
) -> Option<CvReport> {
    let (idx, ys) = labelled(recs);
    if idx.len() < k * 2 {
        return None;
    }
    let xs: Vec<Vec<f64>> = idx.iter().map(|&i| all[i].clone()).collect();
    let groups: Vec<u64> = idx.iter().map(|&i| group_of(&recs[i])).collect();
    let keys: Vec<String> = idx.iter().map(|&i| lang_pair(&recs[i])).collect();
    let mut best: Option<CvReport> = None;
    for &lambda in lambdas {
        let pred: Vec<f64> = cross_val_predict(&xs, &ys, &groups, k, |x, y| {
            ridge_signed(x, y, lambda, signs)
        })
        .into_iter()
        .map(|p| p.clamp(1.0, 4.0))
        .collect();
        let r = pearson(&pred, &ys);
        if best.as_ref().is_some_and(|b| r <= b.pearson) {
            continue;
        }
        let base: Vec<f64> = xs.iter().map(|x| -x[0]).collect();
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
            let m = ridge_signed(&tx, &ty, lambda, signs);
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
            by_lang: by_key(&keys, &pred, &ys),
            baseline_char4: pearson(&base, &ys),
            baseline_embedding: None,
            leave_language_pair_out: pearson(&lolo, &ys),
            leave_language_pair_out_by_lang: by_key(&keys, &lolo, &ys),
        });
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

/// The provenance line stored in a fitted deep model file.
pub fn fit_note_deep(r: &DeepCvReport, file: &str) -> String {
    format!(
        "sign-constrained ridge regression over lexical and `{}` embedding features on all {} \
         labelled pairs of {file}, penalty {} chosen by {}-fold cross-validation (CV Pearson \
         {:.3}, lexical alone {:.3}; each language pair held out {:.3}, lexical {:.3}); refit \
         with `newsprism compare --pairs {file} --deep --fit crates/stories/data/pair_model_deep.json`",
        r.embedder,
        r.deep.pairs,
        r.deep.lambda,
        r.deep.folds,
        r.deep.pearson,
        r.lexical.pearson,
        r.deep.leave_language_pair_out,
        r.lexical.leave_language_pair_out
    )
}

/// Fits the shipped lexical model on all labelled pairs with penalty `lambda`.
pub fn fit_model(recs: &[PairRecord], lambda: f64, note: &str) -> PairModel {
    let names: Vec<&str> = FEATURE_NAMES.to_vec();
    fit_on(
        recs,
        &pair_features(recs),
        FEATURE_SIGNS,
        &names,
        lambda,
        note,
        None,
    )
}

/// Fits a deep model (lexical + embedding features) on all labelled pairs with penalty
/// `lambda`; it records the encoder id and will refuse other encoders' vectors.
pub fn fit_model_deep(recs: &[PairRecord], emb: &Embeddings, lambda: f64, note: &str) -> PairModel {
    fit_on(
        recs,
        &deep_pair_features(recs, emb),
        &deep_feature_signs(),
        &deep_feature_names(),
        lambda,
        note,
        Some(emb.embedder.clone()),
    )
}

fn fit_on(
    recs: &[PairRecord],
    all: &[Vec<f64>],
    signs: &[i8],
    names: &[&str],
    lambda: f64,
    note: &str,
    embedder: Option<String>,
) -> PairModel {
    let (idx, ys) = labelled(recs);
    let xs: Vec<Vec<f64>> = idx.iter().map(|&i| all[i].clone()).collect();
    let linear: Linear = ridge_signed(&xs, &ys, lambda, signs);
    // The same-story curve is fitted on out-of-fold similarities, as the model will see new pairs.
    let groups: Vec<u64> = idx.iter().map(|&i| group_of(&recs[i])).collect();
    let oof: Vec<f64> = cross_val_predict(&xs, &ys, &groups, 5, |x, y| {
        ridge_signed(x, y, lambda, signs)
    })
    .into_iter()
    .map(|p| p.clamp(1.0, 4.0))
    .collect();
    let same: Vec<bool> = ys.iter().map(|&y| y <= 2.0).collect();
    PairModel {
        fitted_on: note.to_string(),
        features: names.iter().map(|s| s.to_string()).collect(),
        linear,
        same_story_logit: logistic_1d(&oof, &same),
        embedder,
    }
}

/// Ridge penalties tried by cross-validation.
pub const LAMBDAS: &[f64] = &[0.01, 0.1, 1.0, 10.0, 100.0];
