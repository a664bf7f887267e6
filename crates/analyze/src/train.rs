//! Training: from a labelled folder to a [`Model`], with decision rules calibrated by
//! cross-validation and cross-validated scores reported per language and subtask.
//!
//! All three heads are trained jointly on all languages: the hashed n-gram space is shared, so
//! languages with little data borrow from the others through shared names, numbers and
//! character n-grams, and a per-language bias feature lets each keep its own base rates.
//!
//! Pipeline:
//! 1. fit IDF on all training paragraphs;
//! 2. split articles into K folds (stratified by language);
//! 3. per fold, train genre and frame heads on the other folds and predict the held-out articles;
//!    the out-of-fold genre probabilities become context features of the technique head, so at
//!    training time it sees the same kind of (imperfect) genre signal it will see at run time;
//! 4. per fold, train the technique head and predict held-out paragraphs;
//! 5. calibrate thresholds and genre offsets on the out-of-fold predictions; scores are reported
//!    with rules cross-fitted (fold k is scored with rules tuned on the other folds), so the
//!    printed figures are not tuned on the examples they score;
//! 6. train the final heads on everything.

use std::collections::BTreeMap;

use newsprism_core::{Frame, Genre, Label, Lang, Technique};
use newsprism_ingest::dataset::{Dataset, LabelledArticle};
use rayon::prelude::*;
use serde::Serialize;

use crate::calibrate;
use crate::deep::{paragraph_dense, part_dense, DeepMeta, DeepOptions, ParagraphVectors};
use crate::features::{
    ArticleInput, FeatureConfig, Featurizer, NgramFeaturizer, ParagraphInput, Scratch, SparseVec,
};
use crate::linear::{self, Loss, TrainConfig};
use crate::metrics::{ScoreAcc, Scores};
use crate::model::{
    decide_genre, line_repeats, paragraph_extra, position, ArticleView, Model, ModelMeta,
    QuantHead, Rules, TrainedOn,
};
use crate::stack::{genre_features, stack_features, GENRE_STACK_DIM, STACK_DIM};

/// Knobs of a training run; the defaults reproduce the shipped model.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TrainOptions {
    pub features: FeatureConfig,
    pub technique: TrainConfig,
    pub article: TrainConfig,
    /// Language balance for the technique head: an example of language `l` weighs
    /// `(lines of the largest language / lines of l) ^ lang_balance`; 0 = no balancing. The
    /// objective is the mean over languages, so the largest language should not set the style.
    pub lang_balance: f32,
    /// Train the second-stage genre head over genre and technique probabilities.
    pub genre_stacking: bool,
    pub genre_stack: TrainConfig,
    /// Train the second-stage technique head (see [`crate::stack`]).
    pub stacking: bool,
    pub stack: TrainConfig,
    /// Folds used to calibrate decision rules and report scores.
    pub folds: usize,
    /// Labels with fewer positives keep the global threshold.
    pub min_positives: usize,
    /// Minimum positives of a label within one language to give it a threshold of its own there.
    pub min_positives_lang: usize,
    /// Calibrate rules per training language (else one set for all).
    pub per_language_rules: bool,
    /// Per-language technique thresholds per label (else one per-language shift of the global
    /// per-label thresholds, which needs less data).
    pub per_language_technique_thresholds: bool,
    pub seed: u64,
    /// The genre head also learns from parts of each training article: its body cut into this
    /// many runs of consecutive paragraphs (each with the title), labelled with the article's
    /// genre. More, shorter examples of every genre, and texts as short as users paste; 0 = off.
    pub genre_parts: usize,
    /// Weight of each such part relative to a whole article.
    pub genre_part_weight: f32,
    /// Per-language genre offsets keep the satire offset fitted on all languages (each language
    /// has 3–9 satire articles; all together 38).
    pub global_satire_offset: bool,
    /// Weight of the technique head's contrast examples: annotated lines with one technique's
    /// spans cut out, labelled without it ([`crate::spans`]); 0 = off. Used only where the
    /// training folder has span files, and not by the deep tier (a line's vector would still
    /// carry the cut words).
    pub span_contrast_weight: f32,
    /// Weights of the embedding blocks (used only when training the deep tier).
    pub deep: DeepOptions,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            features: FeatureConfig::default(),
            technique: TrainConfig::default(),
            article: TrainConfig {
                epochs: 30,
                lr: 0.5,
                l2: 1e-5,
                pos_weight_cap: 2.0,
                average: true,
                seed: 7,
            },
            lang_balance: 0.0,
            stacking: false,
            genre_stacking: false,
            genre_stack: TrainConfig {
                epochs: 20,
                lr: 1.0,
                l2: 1e-4,
                pos_weight_cap: 1.0,
                average: true,
                seed: 17,
            },
            stack: TrainConfig {
                epochs: 10,
                lr: 1.0,
                l2: 1e-4,
                pos_weight_cap: 3.0,
                average: true,
                seed: 11,
            },
            folds: 5,
            min_positives: 40,
            min_positives_lang: 30,
            per_language_rules: true,
            per_language_technique_thresholds: false,
            seed: 13,
            genre_parts: 3,
            genre_part_weight: 0.5,
            global_satire_offset: true,
            // +0.003 ST3 over ten splits, better on every one (docs/analysis.md, session 8); costs
            // ~25 % more training time (27 s -> 34 s wall on two idle cores).
            span_contrast_weight: 0.5,
            deep: DeepOptions::default(),
        }
    }
}

/// Paragraph embeddings for a deep-tier training run.
pub struct DeepInput<'a> {
    /// [`newsprism_core::Embedder::id`] of the encoder that made the vectors.
    pub embedder_id: String,
    /// Vector length.
    pub dim: usize,
    /// One entry per article of the dataset, in order (see [`crate::deep::embed_articles`]).
    pub vectors: &'a [ParagraphVectors],
}

/// Body paragraphs of the article openings on which genre is also scored (see `short_x`).
const SHORT_PARAGRAPHS: usize = crate::model::SHORT_TEXT_PARAGRAPHS;

/// Featurised training data.
struct Prepared<'a> {
    featurizer: NgramFeaturizer,
    /// Deep tier: what the dense slots hold, and the vectors per article.
    deep: Option<(DeepMeta, &'a [ParagraphVectors])>,
    /// Feature slots of the heads: hashed buckets plus dense slots.
    dim: usize,
    articles: Vec<&'a LabelledArticle>,
    art_x: Vec<SparseVec>,
    /// Features of each article's title and first [`SHORT_PARAGRAPHS`] paragraphs.
    short_x: Vec<SparseVec>,
    /// Features of the parts of each article the genre head also learns from
    /// ([`TrainOptions::genre_parts`]; empty lists when off).
    part_x: Vec<Vec<SparseVec>>,
    fold: Vec<usize>,
    /// One entry per annotated line: (article index, line number, gold set bits).
    lines: Vec<(usize, u32, u32)>,
}

/// Trains a model and returns it with its cross-validated scores.
pub fn train(ds: &Dataset, opts: &TrainOptions, log: &(dyn Fn(&str) + Sync)) -> (Model, Scores) {
    train_with(ds, opts, None, log)
}

/// Why a deep-tier training run cannot start.
#[derive(Debug, thiserror::Error)]
#[error("paragraph vectors do not match the dataset: {0}")]
pub struct DeepInputError(String);

/// Trains a deep-tier model: the linear tier's features plus the embedding slots, trained jointly,
/// calibrated and cross-validated exactly like [`train`] (same folds for the same seed, so the
/// two runs' scores compare like for like).
pub fn train_deep(
    ds: &Dataset,
    opts: &TrainOptions,
    deep: DeepInput,
    log: &(dyn Fn(&str) + Sync),
) -> Result<(Model, Scores), DeepInputError> {
    let parts = 1 + opts.deep.extra_layers.len();
    if !deep.dim.is_multiple_of(parts) {
        return Err(DeepInputError(format!(
            "vectors of dimension {} cannot hold {parts} layers of equal size",
            deep.dim
        )));
    }
    if deep.vectors.len() != ds.articles.len() {
        return Err(DeepInputError(format!(
            "{} articles, {} vector sets",
            ds.articles.len(),
            deep.vectors.len()
        )));
    }
    for (a, v) in ds.articles.iter().zip(deep.vectors) {
        let n = a.article.paragraphs().count();
        if v.len() != n || (n > 0 && v.dim != deep.dim) {
            return Err(DeepInputError(format!(
                "article {}: {} lines, {} vectors of dimension {} (expected {})",
                a.article.id,
                n,
                v.len(),
                v.dim,
                deep.dim
            )));
        }
    }
    Ok(train_with(ds, opts, Some(deep), log))
}

fn train_with(
    ds: &Dataset,
    opts: &TrainOptions,
    deep: Option<DeepInput>,
    log: &(dyn Fn(&str) + Sync),
) -> (Model, Scores) {
    let prep = prepare(ds, opts, deep, log);
    let n_art = prep.articles.len();
    let k = opts.folds.max(2);

    // Article heads, out of fold.
    log(&format!(
        "genre and frame heads: {k}-fold out-of-fold predictions"
    ));
    // Task `k` trains the final heads on all articles, beside the folds: with 2 cores and 5
    // folds one core would otherwise idle in the last round, and the final heads would need a
    // round of their own.
    type ArtFold = (Vec<f32>, Vec<f32>, Vec<f32>, Option<(QuantHead, QuantHead)>);
    let mut fold_art: Vec<ArtFold> = (0..=k)
        .into_par_iter()
        .map(|f| {
            let (g, fr) = train_article_heads(&prep, opts, |i| f == k || prep.fold[i] != f);
            if f == k {
                return (Vec::new(), Vec::new(), Vec::new(), Some((g, fr)));
            }
            let mut gp = vec![0f32; n_art * Genre::COUNT];
            let mut sp = vec![0f32; n_art * Genre::COUNT];
            let mut fp = vec![0f32; n_art * Frame::COUNT];
            for i in (0..n_art).filter(|&i| prep.fold[i] == f) {
                g.probs(
                    &prep.art_x[i],
                    &mut gp[i * Genre::COUNT..(i + 1) * Genre::COUNT],
                );
                g.probs(
                    &prep.short_x[i],
                    &mut sp[i * Genre::COUNT..(i + 1) * Genre::COUNT],
                );
                fr.probs(
                    &prep.art_x[i],
                    &mut fp[i * Frame::COUNT..(i + 1) * Frame::COUNT],
                );
            }
            (gp, fp, sp, None)
        })
        .collect();
    let (genre_head, frame_head) = fold_art
        .pop()
        .and_then(|t| t.3)
        .expect("the last task trains the final article heads");
    let mut oof_genre = vec![0f32; n_art * Genre::COUNT];
    let mut oof_short = vec![0f32; n_art * Genre::COUNT];
    let mut oof_frame = vec![0f32; n_art * Frame::COUNT];
    for (f, (gp, fp, sp, _)) in fold_art.iter().enumerate() {
        for i in (0..n_art).filter(|&i| prep.fold[i] == f) {
            oof_genre[i * 3..(i + 1) * 3].copy_from_slice(&gp[i * 3..(i + 1) * 3]);
            oof_short[i * 3..(i + 1) * 3].copy_from_slice(&sp[i * 3..(i + 1) * 3]);
            oof_frame[i * Frame::COUNT..(i + 1) * Frame::COUNT]
                .copy_from_slice(&fp[i * Frame::COUNT..(i + 1) * Frame::COUNT]);
        }
    }

    // Paragraph features (every non-empty line), with out-of-fold genre context.
    log("featurising paragraphs");
    let para = paragraph_features(&prep, &oof_genre);
    let ys: Vec<u32> = prep.lines.iter().map(|l| l.2).collect();
    let dim = prep.dim;
    let qrows = prep.featurizer.dim();
    let empty = SparseVec::default();
    let ann_x = |j: usize| para.ann[j].map_or(&empty, |i| &para.x[i]);
    let mut lines_per_lang: BTreeMap<Lang, f32> = BTreeMap::new();
    for &(ai, _, _) in &prep.lines {
        *lines_per_lang.entry(prep.articles[ai].lang).or_default() += 1.0;
    }
    let largest = lines_per_lang.values().copied().fold(1.0, f32::max);
    let lang_weight: BTreeMap<Lang, f32> = lines_per_lang
        .iter()
        .map(|(l, n)| (*l, (largest / n).powf(opts.lang_balance)))
        .collect();
    let span_x = if opts.span_contrast_weight > 0.0 && prep.deep.is_none() {
        let ex = crate::spans::contrast_examples(&prep.articles);
        log(&format!(
            "{} contrast examples from span annotations",
            ex.len()
        ));
        span_features(&prep, &oof_genre, &ex)
    } else {
        Vec::new()
    };
    let train_stage1 = |keep: &(dyn Fn(usize) -> bool + Sync)| {
        let sel: Vec<usize> = (0..prep.lines.len())
            .filter(|&j| keep(prep.lines[j].0))
            .collect();
        let mut xs: Vec<&SparseVec> = sel.iter().map(|&j| ann_x(j)).collect();
        let mut y: Vec<u32> = sel.iter().map(|&j| ys[j]).collect();
        let mut w: Vec<f32> = sel
            .iter()
            .map(|&j| lang_weight[&prep.articles[prep.lines[j].0].lang])
            .collect();
        for (ai, x, bits) in span_x.iter().filter(|e| keep(e.0)) {
            xs.push(x);
            y.push(*bits);
            w.push(opts.span_contrast_weight * lang_weight[&prep.articles[*ai].lang]);
        }
        QuantHead::quantize_rows(
            &linear::train_weighted(
                &xs,
                &y,
                Some(&w),
                Technique::COUNT,
                dim,
                Loss::Binary,
                &opts.technique,
            ),
            qrows,
        )
    };
    log(&format!(
        "technique head: {k}-fold out-of-fold predictions for every line"
    ));
    // As for the article heads, task `k` is the final head, trained on all lines.
    type TechFold = (Vec<(usize, [f32; Technique::COUNT])>, Option<QuantHead>);
    let mut fold_p1: Vec<TechFold> = (0..=k)
        .into_par_iter()
        .map(|f| {
            let h = train_stage1(&|ai| f == k || prep.fold[ai] != f);
            if f == k {
                return (Vec::new(), Some(h));
            }
            let mut out = Vec::new();
            for ai in (0..n_art).filter(|&ai| prep.fold[ai] == f) {
                for i in para.art_range[ai].clone() {
                    let mut p = [0f32; Technique::COUNT];
                    h.probs(&para.x[i], &mut p);
                    out.push((i, p));
                }
            }
            (out, None)
        })
        .collect();
    let tech_head = fold_p1
        .pop()
        .and_then(|t| t.1)
        .expect("the last task trains the final technique head");
    let mut p1 = vec![[0f32; Technique::COUNT]; para.x.len()];
    for (i, p) in fold_p1.into_iter().flat_map(|t| t.0) {
        p1[i] = p;
    }
    let oof_tech: Vec<f32>;
    let mut stack_x: Vec<SparseVec> = Vec::new();
    if opts.stacking {
        log(&format!(
            "stacked technique head: {k}-fold out-of-fold predictions"
        ));
        stack_x = prep
            .lines
            .iter()
            .enumerate()
            .map(|(j, &(ai, line, _))| {
                let mut sx = SparseVec::default();
                let r = para.art_range[ai].clone();
                let is_title = prep.articles[ai].article.title_line() == Some(line);
                let g = &oof_genre[ai * 3..ai * 3 + 3];
                match para.ann[j] {
                    Some(i) => stack_features(&p1[r.clone()], i - r.start, g, is_title, &mut sx),
                    None => stack_features(&[[0.0; Technique::COUNT]], 0, g, is_title, &mut sx),
                }
                sx
            })
            .collect();
        let train_stage2 = |keep: &(dyn Fn(usize) -> bool + Sync)| {
            let (xs, y): (Vec<&SparseVec>, Vec<u32>) = (0..prep.lines.len())
                .filter(|&j| keep(prep.lines[j].0))
                .map(|j| (&stack_x[j], ys[j]))
                .unzip();
            QuantHead::quantize(&linear::train(
                &xs,
                &y,
                Technique::COUNT,
                STACK_DIM,
                Loss::Binary,
                &opts.stack,
            ))
        };
        let heads: Vec<QuantHead> = (0..k)
            .into_par_iter()
            .map(|f| train_stage2(&|ai| prep.fold[ai] != f))
            .collect();
        let mut o = vec![0f32; prep.lines.len() * Technique::COUNT];
        for (j, &(ai, _, _)) in prep.lines.iter().enumerate() {
            heads[prep.fold[ai]].probs(
                &stack_x[j],
                &mut o[j * Technique::COUNT..(j + 1) * Technique::COUNT],
            );
        }
        oof_tech = o;
    } else {
        let mut o = vec![0f32; prep.lines.len() * Technique::COUNT];
        for j in 0..prep.lines.len() {
            if let Some(i) = para.ann[j] {
                o[j * Technique::COUNT..(j + 1) * Technique::COUNT].copy_from_slice(&p1[i]);
            }
        }
        oof_tech = o;
    }

    // Genre second stage, over first-stage genre and technique probabilities.
    let mut genre_x: Vec<SparseVec> = Vec::new();
    let oof_genre_final: Vec<f32> = if opts.genre_stacking {
        log(&format!(
            "stacked genre head: {k}-fold out-of-fold predictions"
        ));
        genre_x = (0..n_art)
            .map(|ai| {
                let mut gx = SparseVec::default();
                genre_features(
                    &p1[para.art_range[ai].clone()],
                    &oof_genre[ai * 3..ai * 3 + 3],
                    &mut gx,
                );
                gx
            })
            .collect();
        let heads: Vec<QuantHead> = (0..k)
            .into_par_iter()
            .map(|f| {
                train_genre_stack(&prep, &genre_x, &opts.genre_stack, &|ai| prep.fold[ai] != f)
            })
            .collect();
        let mut o = vec![0f32; n_art * 3];
        for ai in 0..n_art {
            heads[prep.fold[ai]].probs(&genre_x[ai], &mut o[ai * 3..ai * 3 + 3]);
        }
        o
    } else {
        oof_genre.clone()
    };

    // Decision rules on all out-of-fold predictions (for the shipped model) ...
    let oof = Oof {
        genre: &oof_genre_final,
        genre_short: &oof_short,
        frame: &oof_frame,
        tech: &oof_tech,
        ys: &ys,
    };
    let langs: Vec<Lang> = {
        let mut v: Vec<Lang> = prep.articles.iter().map(|a| a.lang).collect();
        v.sort();
        v.dedup();
        v
    };
    // Rules for one training subset: global, plus per language when enabled.
    let rule_set = |keep: &(dyn Fn(usize) -> bool + Sync)| -> RuleSet {
        let global = fit_rules(&prep, &oof, keep, opts.min_positives, None);
        let by_lang = if opts.per_language_rules {
            langs
                .par_iter()
                .map(|&l| {
                    let keep_l = |i: usize| keep(i) && prep.articles[i].lang == l;
                    let satire_from = opts.global_satire_offset.then_some(&global);
                    let mut r =
                        fit_rules(&prep, &oof, &keep_l, opts.min_positives_lang, satire_from);
                    if !opts.per_language_technique_thresholds {
                        let (tp, tg) = technique_rows(&prep, &oof, &keep_l);
                        r.technique_thresholds = calibrate::shifted(
                            &tp,
                            &tg,
                            Technique::COUNT,
                            &global.technique_thresholds,
                        );
                    }
                    (l, r)
                })
                .collect()
        } else {
            BTreeMap::new()
        };
        RuleSet { global, by_lang }
    };
    log("calibrating decision rules");
    let (final_rules, fold_rules) = rayon::join(
        || rule_set(&|_| true),
        || {
            (0..k)
                .into_par_iter()
                .map(|f| rule_set(&|i| prep.fold[i] != f))
                .collect::<Vec<_>>()
        },
    );

    // ... and scores with cross-fitted rules.
    let scores = score_oof(
        &prep,
        None,
        &oof_genre_final,
        &oof_frame,
        &oof_tech,
        &ys,
        &fold_rules,
    );

    log(&format!(
        "genre on article openings only (title + {SHORT_PARAGRAPHS} paragraphs), same folds and rules: \
         macro-F1 {:.3} (mean of languages)",
        // Decided as `analyze` decides a text of that length (offsets calibrated on openings).
        score_oof(
            &prep,
            Some(SHORT_PARAGRAPHS),
            &oof_short,
            &oof_frame,
            &oof_tech,
            &ys,
            &fold_rules
        )
            .mean
            .subtask1_macro_f1
    ));

    // The final first-stage heads were trained beside the folds (above).
    let stack_head = opts.stacking.then(|| {
        log("training the final stacked technique head on all data");
        let xs: Vec<&SparseVec> = stack_x.iter().collect();
        QuantHead::quantize(&linear::train(
            &xs,
            &ys,
            Technique::COUNT,
            STACK_DIM,
            Loss::Binary,
            &opts.stack,
        ))
    });
    let genre_stack_head = opts
        .genre_stacking
        .then(|| train_genre_stack(&prep, &genre_x, &opts.genre_stack, &|_| true));
    let mut languages: Vec<String> = prep.articles.iter().map(|a| a.lang.to_string()).collect();
    languages.sort();
    languages.dedup();
    let meta = ModelMeta {
        features: opts.features.clone(),
        rules: final_rules.global,
        rules_by_lang: final_rules
            .by_lang
            .into_iter()
            .map(|(l, r)| (l.to_string(), r))
            .collect(),
        trained_on: TrainedOn {
            articles: n_art,
            paragraphs: prep.lines.len(),
            languages,
        },
        stacked: stack_head.is_some(),
        genre_stacked: genre_stack_head.is_some(),
        cv: serde_json::to_value(&scores).ok(),
        deep: prep.deep.as_ref().map(|d| d.0.clone()),
    };
    let model = Model::new(
        meta,
        prep.featurizer.idf.clone(),
        tech_head,
        frame_head,
        genre_head,
        stack_head,
        genre_stack_head,
    );
    (model, scores)
}

/// Out-of-fold predictions, row-major per example.
struct Oof<'a> {
    genre: &'a [f32],
    /// Genre on article openings (title + [`SHORT_PARAGRAPHS`] paragraphs).
    genre_short: &'a [f32],
    frame: &'a [f32],
    tech: &'a [f32],
    ys: &'a [u32],
}

struct RuleSet {
    global: Rules,
    by_lang: BTreeMap<Lang, Rules>,
}

impl RuleSet {
    fn for_lang(&self, l: Lang) -> &Rules {
        self.by_lang.get(&l).unwrap_or(&self.global)
    }
}

/// Out-of-fold technique probabilities and gold sets of the selected articles' annotated lines.
fn technique_rows(
    prep: &Prepared,
    oof: &Oof,
    keep: &(dyn Fn(usize) -> bool + Sync),
) -> (Vec<f32>, Vec<u32>) {
    let tl: Vec<usize> = (0..prep.lines.len())
        .filter(|&i| keep(prep.lines[i].0))
        .collect();
    let tp = tl
        .iter()
        .flat_map(|&i| oof.tech[i * Technique::COUNT..(i + 1) * Technique::COUNT].to_vec())
        .collect();
    (tp, tl.iter().map(|&i| oof.ys[i]).collect())
}

/// Out-of-fold genre probabilities and gold genres of the selected articles.
fn genre_rows(
    prep: &Prepared,
    probs: &[f32],
    keep: &(dyn Fn(usize) -> bool + Sync),
) -> (Vec<f32>, Vec<usize>) {
    let g: Vec<(usize, usize)> = (0..prep.articles.len())
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].genre.map(|x| (i, x.index())))
        .collect();
    let gp = g
        .iter()
        .flat_map(|x| probs[x.0 * 3..x.0 * 3 + 3].to_vec())
        .collect();
    (gp, g.iter().map(|x| x.1).collect())
}

/// Fits decision rules on the out-of-fold predictions of the articles `keep` selects. With
/// `satire_from`, the satire offsets are taken from those rules instead of fitted here.
fn fit_rules(
    prep: &Prepared,
    oof: &Oof,
    keep: &(dyn Fn(usize) -> bool + Sync),
    min_pos: usize,
    satire_from: Option<&Rules>,
) -> Rules {
    let n_art = prep.articles.len();
    let genre_offsets = |probs: &[f32], from: Option<&[f32]>| {
        let (gp, gg) = genre_rows(prep, probs, keep);
        let mut given = vec![None; Genre::COUNT];
        given[Genre::Satire.index()] = from.map(|o| o[Genre::Satire.index()]);
        calibrate::class_offsets(&gp, &gg, Genre::COUNT, &given)
    };
    let fr: Vec<(usize, u32)> = (0..n_art)
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].frames.map(|s| (i, s.bits())))
        .collect();
    let fp: Vec<f32> = fr
        .iter()
        .flat_map(|x| oof.frame[x.0 * Frame::COUNT..(x.0 + 1) * Frame::COUNT].to_vec())
        .collect();
    let fg: Vec<u32> = fr.iter().map(|x| x.1).collect();
    let (tp, tg) = technique_rows(prep, oof, keep);
    Rules {
        genre_offsets: genre_offsets(oof.genre, satire_from.map(|r| &r.genre_offsets[..])),
        genre_offsets_short: genre_offsets(
            oof.genre_short,
            satire_from.map(|r| &r.genre_offsets_short[..]),
        ),
        frame_thresholds: calibrate::thresholds(&fp, &fg, Frame::COUNT, min_pos),
        technique_thresholds: calibrate::thresholds(&tp, &tg, Technique::COUNT, min_pos),
    }
}

fn prepare<'a>(
    ds: &'a Dataset,
    opts: &TrainOptions,
    deep: Option<DeepInput<'a>>,
    log: &(dyn Fn(&str) + Sync),
) -> Prepared<'a> {
    let articles: Vec<&LabelledArticle> = ds.articles.iter().collect();
    log(&format!(
        "{} articles, {} annotated lines; fitting IDF",
        articles.len(),
        articles.iter().map(|a| a.techniques.len()).sum::<usize>()
    ));
    let plain = NgramFeaturizer::new(opts.features.clone(), None);
    let dim = plain.dim();
    // Document frequency over paragraphs (all non-empty lines of all articles).
    let df: Vec<u32> = articles
        .par_iter()
        .fold(
            || (vec![0u32; dim], Scratch::default(), SparseVec::default()),
            |(mut df, mut s, mut x), a| {
                let view = ArticleView::new(&a.article);
                for &(_, text) in &view.lines {
                    plain.paragraph(
                        &para_input(text, None, None, false, 0.0, None, &[]),
                        &mut s,
                        &mut x,
                        None,
                    );
                    for &i in &x.idx {
                        df[i as usize] += 1;
                    }
                }
                (df, s, x)
            },
        )
        .map(|t| t.0)
        .reduce(
            || vec![0u32; dim],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    let n_docs = articles
        .iter()
        .map(|a| a.article.paragraphs().count())
        .sum::<usize>() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n_docs + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let featurizer = NgramFeaturizer::new(opts.features.clone(), Some(quantize_idf(&idf)));
    let deep = deep.map(|d| {
        (
            DeepMeta {
                embedder_id: d.embedder_id,
                dim: d.dim,
                options: opts.deep.clone(),
            },
            d.vectors,
        )
    });
    let base = featurizer.dim();
    let total_dim = base + deep.as_ref().map_or(0, |d| d.0.slots());

    // Folds: shuffle within each language, deal round-robin.
    let mut fold = vec![0usize; articles.len()];
    let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_lang.entry(a.lang).or_default().push(i);
    }
    let mut rng = opts.seed | 1;
    for idx in by_lang.values_mut() {
        for i in (1..idx.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            idx.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for (j, &i) in idx.iter().enumerate() {
            fold[i] = j % opts.folds.max(2);
        }
    }

    // Article-level examples: the whole article; its opening, as a user pasting a snippet would
    // give it (title + first paragraphs; only scored, never trained on); and the parts the genre
    // head also learns from. Each is the title plus a run of body paragraphs.
    let per_article: Vec<(SparseVec, SparseVec, Vec<SparseVec>)> = articles
        .par_iter()
        .enumerate()
        .map_init(Scratch::default, |s, (ai, a)| {
            let view = ArticleView::new(&a.article);
            // Rows of the paragraph vectors are the article's non-empty lines, title first.
            let first_body_row = view.lines.len() - view.body.len();
            let mut of = |body: std::ops::Range<usize>| {
                let mut x = SparseVec::default();
                featurizer.article(
                    &ArticleInput {
                        title: view.title,
                        paragraphs: &view.body[body.clone()],
                        lang: Some(a.lang),
                    },
                    s,
                    &mut x,
                    None,
                );
                if let Some((meta, vs)) = &deep {
                    let rows = (0..first_body_row)
                        .chain(body.start + first_body_row..body.end + first_body_row);
                    part_dense(meta, base, &vs[ai], rows, &mut x);
                }
                x
            };
            let n = view.body.len();
            let whole = of(0..n);
            let short = of(0..n.min(SHORT_PARAGRAPHS));
            let parts = part_ranges(n, opts.genre_parts)
                .into_iter()
                .map(&mut of)
                .collect();
            (whole, short, parts)
        })
        .collect();
    let mut art_x = Vec::with_capacity(articles.len());
    let mut short_x = Vec::with_capacity(articles.len());
    let mut part_x = Vec::with_capacity(articles.len());
    for (w, sh, p) in per_article {
        art_x.push(w);
        short_x.push(sh);
        part_x.push(p);
    }
    let lines = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            a.techniques
                .iter()
                .map(move |(ln, set)| (i, *ln, set.bits()))
        })
        .collect();
    Prepared {
        featurizer,
        deep,
        dim: total_dim,
        articles,
        art_x,
        short_x,
        part_x,
        fold,
        lines,
    }
}

/// Cuts `n` body paragraphs into `parts` runs of consecutive paragraphs of near-equal length,
/// at least two paragraphs each; none when the article is too short to give two such runs (the
/// whole article is an example already).
fn part_ranges(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.min(n / 2);
    if parts < 2 {
        return Vec::new();
    }
    (0..parts)
        .map(|p| p * n / parts..(p + 1) * n / parts)
        .collect()
}

/// Rounds IDF values to what the model file stores, so training sees run-time features exactly.
fn quantize_idf(idf: &[f32]) -> Vec<f32> {
    idf.iter()
        .map(|&v| (v * 16.0).round().clamp(0.0, 255.0) / 16.0)
        .collect()
}

fn para_input<'a>(
    text: &'a str,
    prev: Option<&'a str>,
    next: Option<&'a str>,
    is_title: bool,
    position: f32,
    lang: Option<Lang>,
    extra: &'a [(&'static str, f32)],
) -> ParagraphInput<'a> {
    ParagraphInput {
        text,
        prev,
        next,
        is_title,
        position,
        lang,
        extra,
    }
}

/// Features of every non-empty line of every article, built exactly as `Model::analyze` builds them.
struct ParagraphData {
    x: Vec<SparseVec>,
    /// Per article, its lines' range in `x`.
    art_range: Vec<std::ops::Range<usize>>,
    /// Per annotated line (as in `Prepared::lines`), its index in `x` (`None` if the line is empty).
    ann: Vec<Option<usize>>,
}

fn paragraph_features(prep: &Prepared, genre_probs: &[f32]) -> ParagraphData {
    let per_article: Vec<Vec<(u32, SparseVec)>> = prep
        .articles
        .par_iter()
        .enumerate()
        .map_init(Scratch::default, |s, (ai, a)| {
            let view = ArticleView::new(&a.article);
            let reps = line_repeats(&prep.featurizer, &view);
            let mean = prep
                .deep
                .as_ref()
                .map(|(_, vs)| vs[ai].mean())
                .unwrap_or_default();
            let mut out = Vec::with_capacity(view.lines.len());
            for (k, &(line, text)) in view.lines.iter().enumerate() {
                let extra = paragraph_extra(&genre_probs[ai * 3..ai * 3 + 3], &reps[k]);
                let mut x = SparseVec::default();
                let input = para_input(
                    text,
                    k.checked_sub(1).map(|j| view.lines[j].1),
                    view.lines.get(k + 1).map(|l| l.1),
                    Some(line) == view.title_line,
                    position(k, view.lines.len()),
                    Some(a.lang),
                    &extra,
                );
                prep.featurizer.paragraph(&input, s, &mut x, None);
                if let Some((meta, vs)) = &prep.deep {
                    paragraph_dense(meta, prep.featurizer.dim(), &vs[ai], &mean, k, &mut x);
                }
                out.push((line, x));
            }
            out
        })
        .collect();
    let mut x = Vec::new();
    let mut art_range = Vec::with_capacity(per_article.len());
    let mut index: std::collections::HashMap<(usize, u32), usize> =
        std::collections::HashMap::new();
    for (ai, lines) in per_article.into_iter().enumerate() {
        let start = x.len();
        for (line, v) in lines {
            index.insert((ai, line), x.len());
            x.push(v);
        }
        art_range.push(start..x.len());
    }
    let ann = prep
        .lines
        .iter()
        .map(|&(ai, line, _)| index.get(&(ai, line)).copied())
        .collect();
    ParagraphData { x, art_range, ann }
}

/// Features of contrast examples, built like their line's (same neighbours, position and
/// extras): only the words differ.
fn span_features(
    prep: &Prepared,
    genre_probs: &[f32],
    ex: &[crate::spans::ContrastExample],
) -> Vec<(usize, SparseVec, u32)> {
    let mut s = Scratch::default();
    let mut out = Vec::with_capacity(ex.len());
    let mut cache: Option<(usize, Vec<[f32; crate::repeats::COUNT]>)> = None;
    for e in ex {
        let a = prep.articles[e.article];
        let view = ArticleView::new(&a.article);
        let Some(k) = view.lines.iter().position(|l| l.0 == e.line) else {
            continue;
        };
        if cache.as_ref().map(|c| c.0) != Some(e.article) {
            cache = Some((e.article, line_repeats(&prep.featurizer, &view)));
        }
        let reps = &cache.as_ref().unwrap().1;
        let extra = paragraph_extra(&genre_probs[e.article * 3..e.article * 3 + 3], &reps[k]);
        let input = para_input(
            &e.text,
            k.checked_sub(1).map(|j| view.lines[j].1),
            view.lines.get(k + 1).map(|l| l.1),
            Some(e.line) == view.title_line,
            position(k, view.lines.len()),
            Some(a.lang),
            &extra,
        );
        let mut x = SparseVec::default();
        prep.featurizer.paragraph(&input, &mut s, &mut x, None);
        out.push((e.article, x, e.bits));
    }
    out
}

fn train_genre_stack(
    prep: &Prepared,
    genre_x: &[SparseVec],
    cfg: &TrainConfig,
    keep: &(dyn Fn(usize) -> bool + Sync),
) -> QuantHead {
    let (xs, ys): (Vec<&SparseVec>, Vec<u32>) = (0..prep.articles.len())
        .filter(|&i| keep(i))
        .filter_map(|i| {
            prep.articles[i]
                .genre
                .map(|g| (&genre_x[i], 1u32 << g.index()))
        })
        .unzip();
    QuantHead::quantize(&linear::train(
        &xs,
        &ys,
        Genre::COUNT,
        GENRE_STACK_DIM,
        Loss::Softmax,
        cfg,
    ))
}

fn train_article_heads(
    prep: &Prepared,
    opts: &TrainOptions,
    keep: impl Fn(usize) -> bool,
) -> (QuantHead, QuantHead) {
    let dim = prep.dim;
    let qrows = prep.featurizer.dim();
    let mut gx: Vec<&SparseVec> = Vec::new();
    let mut gy: Vec<u32> = Vec::new();
    let mut gw: Vec<f32> = Vec::new();
    for i in (0..prep.articles.len()).filter(|&i| keep(i)) {
        if let Some(g) = prep.articles[i].genre {
            gx.push(&prep.art_x[i]);
            gy.push(1u32 << g.index());
            gw.push(1.0);
            for x in &prep.part_x[i] {
                gx.push(x);
                gy.push(1u32 << g.index());
                gw.push(opts.genre_part_weight);
            }
        }
    }
    let (fx, fy): (Vec<&SparseVec>, Vec<u32>) = (0..prep.articles.len())
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].frames.map(|s| (&prep.art_x[i], s.bits())))
        .unzip();
    // The two heads are independent: as two tasks they fill both cores where whole folds alone
    // leave one idle (six fold tasks of unequal size on two cores).
    let (g, f) = rayon::join(
        || {
            linear::train_weighted(
                &gx,
                &gy,
                Some(&gw),
                Genre::COUNT,
                dim,
                Loss::Softmax,
                &opts.article,
            )
        },
        || linear::train(&fx, &fy, Frame::COUNT, dim, Loss::Binary, &opts.article),
    );
    (
        QuantHead::quantize_rows(&g, qrows),
        QuantHead::quantize_rows(&f, qrows),
    )
}

fn score_oof(
    prep: &Prepared,
    // Body paragraphs the genre decision assumes per article (`None`: the article's own).
    genre_text_len: Option<usize>,
    oof_genre: &[f32],
    oof_frame: &[f32],
    oof_tech: &[f32],
    ys: &[u32],
    fold_rules: &[RuleSet],
) -> Scores {
    let mut per: BTreeMap<Lang, ScoreAcc> = BTreeMap::new();
    for (i, a) in prep.articles.iter().enumerate() {
        let r = fold_rules[prep.fold[i]].for_lang(a.lang);
        let e = per.entry(a.lang).or_default();
        e.articles += 1;
        if let Some(g) = a.genre {
            e.genre_gold.push(g.index());
            let n_body = genre_text_len.unwrap_or_else(|| ArticleView::new(&a.article).body.len());
            e.genre_pred.push(decide_genre(
                &oof_genre[i * 3..i * 3 + 3],
                r.genre_offsets_for(n_body),
            ));
        }
        if let Some(fs) = a.frames {
            let p = &oof_frame[i * Frame::COUNT..(i + 1) * Frame::COUNT];
            let pred = (0..Frame::COUNT)
                .filter(|&l| p[l] >= r.frame_thresholds[l])
                .fold(0u32, |b, l| b | 1 << l);
            e.add_frames(fs.bits(), pred);
        }
    }
    for (j, &(ai, _, _)) in prep.lines.iter().enumerate() {
        let r = fold_rules[prep.fold[ai]].for_lang(prep.articles[ai].lang);
        let p = &oof_tech[j * Technique::COUNT..(j + 1) * Technique::COUNT];
        let pred = (0..Technique::COUNT)
            .filter(|&l| p[l] >= r.technique_thresholds[l])
            .fold(0u32, |b, l| b | 1 << l);
        let e = per.entry(prep.articles[ai].lang).or_default();
        e.add_techniques(ys[j], pred);
    }
    Scores::from_accumulators(per)
}

#[cfg(test)]
mod tests {
    use super::part_ranges;

    #[test]
    fn parts_cover_the_body_in_order_with_two_paragraphs_or_more() {
        for n in 0..40 {
            for parts in 0..6 {
                let r = part_ranges(n, parts);
                if r.is_empty() {
                    assert!(parts < 2 || n < 4, "n={n} parts={parts}");
                    continue;
                }
                assert_eq!(r.len(), parts.min(n / 2));
                assert_eq!(r[0].start, 0);
                assert_eq!(r.last().unwrap().end, n);
                assert!(r.windows(2).all(|w| w[0].end == w[1].start));
                assert!(r.iter().all(|x| x.len() >= 2), "n={n} parts={parts}: {r:?}");
            }
        }
        assert_eq!(part_ranges(9, 3), vec![0..3, 3..6, 6..9]);
        assert!(part_ranges(3, 3).is_empty());
    }
}
