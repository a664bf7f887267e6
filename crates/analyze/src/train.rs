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
use crate::features::{ArticleInput, FeatureConfig, Featurizer, NgramFeaturizer, ParagraphInput, Scratch, SparseVec};
use crate::linear::{self, Loss, TrainConfig};
use crate::metrics::{macro_f1, micro, Counts};
use crate::model::{decide_genre, genre_context, position, ArticleView, Model, ModelMeta, QuantHead, Rules, TrainedOn};

/// Knobs of a training run; the defaults reproduce the shipped model.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TrainOptions {
    pub features: FeatureConfig,
    pub technique: TrainConfig,
    pub article: TrainConfig,
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
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            features: FeatureConfig::default(),
            technique: TrainConfig::default(),
            article: TrainConfig {
                epochs: 12,
                lr: 0.5,
                l2: 1e-5,
                pos_weight_cap: 2.0,
                seed: 7,
            },
            folds: 5,
            min_positives: 40,
            min_positives_lang: 30,
            per_language_rules: true,
            per_language_technique_thresholds: false,
            seed: 13,
        }
    }
}

/// Cross-validated scores: per language and the mean over languages, for each subtask.
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct Scores {
    /// language → (subtask1 macro-F1, subtask2 micro-F1, subtask3 micro-F1)
    pub per_language: BTreeMap<String, LangScores>,
    pub mean: LangScores,
}

#[derive(Clone, Copy, Debug, Default, Serialize, serde::Deserialize)]
pub struct LangScores {
    pub subtask1_macro_f1: f64,
    pub subtask2_micro_f1: f64,
    pub subtask3_micro_f1: f64,
    pub articles: usize,
    pub annotated_lines: usize,
}

/// Featurised training data.
struct Prepared<'a> {
    featurizer: NgramFeaturizer,
    articles: Vec<&'a LabelledArticle>,
    art_x: Vec<SparseVec>,
    fold: Vec<usize>,
    /// One entry per annotated line: (article index, line number, gold set bits).
    lines: Vec<(usize, u32, u32)>,
}

/// Trains a model and returns it with its cross-validated scores.
pub fn train(ds: &Dataset, opts: &TrainOptions, log: &(dyn Fn(&str) + Sync)) -> (Model, Scores) {
    let prep = prepare(ds, opts, log);
    let n_art = prep.articles.len();
    let k = opts.folds.max(2);

    // Article heads, out of fold.
    log(&format!("genre and frame heads: {k}-fold out-of-fold predictions"));
    let fold_art: Vec<(Vec<f32>, Vec<f32>)> = (0..k)
        .into_par_iter()
        .map(|f| {
            let (g, fr) = train_article_heads(&prep, opts, |i| prep.fold[i] != f);
            let mut gp = vec![0f32; n_art * Genre::COUNT];
            let mut fp = vec![0f32; n_art * Frame::COUNT];
            for i in (0..n_art).filter(|&i| prep.fold[i] == f) {
                g.probs(&prep.art_x[i], &mut gp[i * Genre::COUNT..(i + 1) * Genre::COUNT]);
                fr.probs(&prep.art_x[i], &mut fp[i * Frame::COUNT..(i + 1) * Frame::COUNT]);
            }
            (gp, fp)
        })
        .collect();
    let mut oof_genre = vec![0f32; n_art * Genre::COUNT];
    let mut oof_frame = vec![0f32; n_art * Frame::COUNT];
    for (f, (gp, fp)) in fold_art.iter().enumerate() {
        for i in (0..n_art).filter(|&i| prep.fold[i] == f) {
            oof_genre[i * 3..(i + 1) * 3].copy_from_slice(&gp[i * 3..(i + 1) * 3]);
            oof_frame[i * Frame::COUNT..(i + 1) * Frame::COUNT]
                .copy_from_slice(&fp[i * Frame::COUNT..(i + 1) * Frame::COUNT]);
        }
    }

    // Paragraph features, with out-of-fold genre context.
    log("featurising paragraphs");
    let para_x = paragraph_features(&prep, &oof_genre);
    log(&format!("technique head: {k}-fold out-of-fold predictions"));
    let lines_fold: Vec<usize> = prep.lines.iter().map(|l| prep.fold[l.0]).collect();
    let ys: Vec<u32> = prep.lines.iter().map(|l| l.2).collect();
    let dim = prep.featurizer.dim();
    let fold_tech: Vec<Vec<f32>> = (0..k)
        .into_par_iter()
        .map(|f| {
            let idx: Vec<usize> = (0..para_x.len()).filter(|&i| lines_fold[i] != f).collect();
            let xs: Vec<&SparseVec> = idx.iter().map(|&i| &para_x[i]).collect();
            let y: Vec<u32> = idx.iter().map(|&i| ys[i]).collect();
            let h = QuantHead::quantize(&linear::train(&xs, &y, Technique::COUNT, dim, Loss::Binary, &opts.technique));
            let mut p = vec![0f32; para_x.len() * Technique::COUNT];
            for i in (0..para_x.len()).filter(|&i| lines_fold[i] == f) {
                h.probs(&para_x[i], &mut p[i * Technique::COUNT..(i + 1) * Technique::COUNT]);
            }
            p
        })
        .collect();
    let mut oof_tech = vec![0f32; para_x.len() * Technique::COUNT];
    for (f, p) in fold_tech.iter().enumerate() {
        for i in (0..para_x.len()).filter(|&i| lines_fold[i] == f) {
            let r = i * Technique::COUNT..(i + 1) * Technique::COUNT;
            oof_tech[r.clone()].copy_from_slice(&p[r]);
        }
    }

    // Decision rules on all out-of-fold predictions (for the shipped model) ...
    let oof = Oof {
        genre: &oof_genre,
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
        let global = fit_rules(&prep, &oof, keep, opts.min_positives);
        let by_lang = if opts.per_language_rules {
            langs
                .par_iter()
                .map(|&l| {
                    let keep_l = |i: usize| keep(i) && prep.articles[i].lang == l;
                    let mut r = fit_rules(&prep, &oof, &keep_l, opts.min_positives_lang);
                    if !opts.per_language_technique_thresholds {
                        let (tp, tg) = technique_rows(&prep, &oof, &keep_l);
                        r.technique_thresholds =
                            calibrate::shifted(&tp, &tg, Technique::COUNT, &global.technique_thresholds);
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
        || (0..k).into_par_iter().map(|f| rule_set(&|i| prep.fold[i] != f)).collect::<Vec<_>>(),
    );

    // ... and scores with cross-fitted rules.
    let scores = score_oof(&prep, &oof_genre, &oof_frame, &oof_tech, &ys, &fold_rules);

    log("training final heads on all data");
    let all = |_: usize| true;
    let ((genre_head, frame_head), tech_head) = rayon::join(
        || train_article_heads(&prep, opts, all),
        || {
            let xs: Vec<&SparseVec> = para_x.iter().collect();
            QuantHead::quantize(&linear::train(&xs, &ys, Technique::COUNT, dim, Loss::Binary, &opts.technique))
        },
    );
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
        cv: serde_json::to_value(&scores).ok(),
    };
    let model = Model::new(meta, prep.featurizer.idf.clone(), tech_head, frame_head, genre_head);
    (model, scores)
}

/// Out-of-fold predictions, row-major per example.
struct Oof<'a> {
    genre: &'a [f32],
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
fn technique_rows(prep: &Prepared, oof: &Oof, keep: &(dyn Fn(usize) -> bool + Sync)) -> (Vec<f32>, Vec<u32>) {
    let tl: Vec<usize> = (0..prep.lines.len()).filter(|&i| keep(prep.lines[i].0)).collect();
    let tp = tl
        .iter()
        .flat_map(|&i| oof.tech[i * Technique::COUNT..(i + 1) * Technique::COUNT].to_vec())
        .collect();
    (tp, tl.iter().map(|&i| oof.ys[i]).collect())
}

/// Fits decision rules on the out-of-fold predictions of the articles `keep` selects.
fn fit_rules(prep: &Prepared, oof: &Oof, keep: &(dyn Fn(usize) -> bool + Sync), min_pos: usize) -> Rules {
    let n_art = prep.articles.len();
    let g: Vec<(usize, usize)> = (0..n_art)
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].genre.map(|x| (i, x.index())))
        .collect();
    let gp: Vec<f32> = g.iter().flat_map(|x| oof.genre[x.0 * 3..x.0 * 3 + 3].to_vec()).collect();
    let gg: Vec<usize> = g.iter().map(|x| x.1).collect();
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
        genre_offsets: calibrate::class_offsets(&gp, &gg, Genre::COUNT),
        frame_thresholds: calibrate::thresholds(&fp, &fg, Frame::COUNT, min_pos),
        technique_thresholds: calibrate::thresholds(&tp, &tg, Technique::COUNT, min_pos),
    }
}

fn prepare<'a>(ds: &'a Dataset, opts: &TrainOptions, log: &(dyn Fn(&str) + Sync)) -> Prepared<'a> {
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
                    plain.paragraph(&para_input(text, None, None, false, 0.0, None, &[]), &mut s, &mut x, None);
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

    let art_x: Vec<SparseVec> = articles
        .par_iter()
        .map_init(Scratch::default, |s, a| {
            let view = ArticleView::new(&a.article);
            let mut x = SparseVec::default();
            featurizer.article(
                &ArticleInput {
                    title: view.title,
                    paragraphs: &view.body,
                    lang: Some(a.lang),
                },
                s,
                &mut x,
                None,
            );
            x
        })
        .collect();
    let lines = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.techniques.iter().map(move |(ln, set)| (i, *ln, set.bits())))
        .collect();
    Prepared {
        featurizer,
        articles,
        art_x,
        fold,
        lines,
    }
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

/// Features of every annotated line, built exactly as `Model::analyze` builds them.
fn paragraph_features(prep: &Prepared, genre_probs: &[f32]) -> Vec<SparseVec> {
    let per_article: Vec<Vec<(u32, SparseVec)>> = prep
        .articles
        .par_iter()
        .enumerate()
        .map_init(Scratch::default, |s, (ai, a)| {
            let view = ArticleView::new(&a.article);
            let extra = genre_context(&genre_probs[ai * 3..ai * 3 + 3]);
            let wanted: std::collections::HashSet<u32> = a.techniques.iter().map(|t| t.0).collect();
            let mut out = Vec::new();
            for (k, &(line, text)) in view.lines.iter().enumerate() {
                if !wanted.contains(&line) {
                    continue;
                }
                let mut x = SparseVec::default();
                let input = para_input(
                    text,
                    k.checked_sub(1).map(|j| view.lines[j].1),
                    view.lines.get(k + 1).map(|l| l.1),
                    line == 1 && a.article.title_is_line_1,
                    position(k, view.lines.len()),
                    Some(a.lang),
                    &extra,
                );
                prep.featurizer.paragraph(&input, s, &mut x, None);
                out.push((line, x));
            }
            out
        })
        .collect();
    // Align with `prep.lines`; an annotated line that is empty in the file gets empty features.
    let mut out = Vec::with_capacity(prep.lines.len());
    for &(ai, line, _) in &prep.lines {
        let x = per_article[ai]
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, x)| x.clone())
            .unwrap_or_default();
        out.push(x);
    }
    out
}

fn train_article_heads(prep: &Prepared, opts: &TrainOptions, keep: impl Fn(usize) -> bool) -> (QuantHead, QuantHead) {
    let dim = prep.featurizer.dim();
    let (gx, gy): (Vec<&SparseVec>, Vec<u32>) = (0..prep.articles.len())
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].genre.map(|g| (&prep.art_x[i], 1u32 << g.index())))
        .unzip();
    let (fx, fy): (Vec<&SparseVec>, Vec<u32>) = (0..prep.articles.len())
        .filter(|&i| keep(i))
        .filter_map(|i| prep.articles[i].frames.map(|s| (&prep.art_x[i], s.bits())))
        .unzip();
    let g = linear::train(&gx, &gy, Genre::COUNT, dim, Loss::Softmax, &opts.article);
    let f = linear::train(&fx, &fy, Frame::COUNT, dim, Loss::Binary, &opts.article);
    (QuantHead::quantize(&g), QuantHead::quantize(&f))
}

fn score_oof(
    prep: &Prepared,
    oof_genre: &[f32],
    oof_frame: &[f32],
    oof_tech: &[f32],
    ys: &[u32],
    fold_rules: &[RuleSet],
) -> Scores {
    let mut per: BTreeMap<Lang, (Vec<usize>, Vec<usize>, Counts, Counts, usize, usize)> = BTreeMap::new();
    for (i, a) in prep.articles.iter().enumerate() {
        let r = fold_rules[prep.fold[i]].for_lang(a.lang);
        let e = per.entry(a.lang).or_default();
        e.4 += 1;
        if let Some(g) = a.genre {
            e.0.push(g.index());
            e.1.push(decide_genre(&oof_genre[i * 3..i * 3 + 3], &r.genre_offsets));
        }
        if let Some(fs) = a.frames {
            let p = &oof_frame[i * Frame::COUNT..(i + 1) * Frame::COUNT];
            let pred = (0..Frame::COUNT)
                .filter(|&l| p[l] >= r.frame_thresholds[l])
                .fold(0u32, |b, l| b | 1 << l);
            e.2.add(micro(&[fs.bits()], &[pred]));
        }
    }
    for (j, &(ai, _, _)) in prep.lines.iter().enumerate() {
        let r = fold_rules[prep.fold[ai]].for_lang(prep.articles[ai].lang);
        let p = &oof_tech[j * Technique::COUNT..(j + 1) * Technique::COUNT];
        let pred = (0..Technique::COUNT)
            .filter(|&l| p[l] >= r.technique_thresholds[l])
            .fold(0u32, |b, l| b | 1 << l);
        let e = per.entry(prep.articles[ai].lang).or_default();
        e.3.add(Counts::of_sets(ys[j], pred));
        e.5 += 1;
    }
    scores_from(per.into_iter().map(|(l, (gg, gp, fc, tc, n, nl))| {
        (l, macro_f1(&gg, &gp, Genre::COUNT), fc.f1(), tc.f1(), n, nl)
    }))
}

/// Builds per-language scores and their mean.
pub fn scores_from(rows: impl Iterator<Item = (Lang, f64, f64, f64, usize, usize)>) -> Scores {
    let mut s = Scores::default();
    for (l, s1, s2, s3, n, nl) in rows {
        s.per_language.insert(
            l.to_string(),
            LangScores {
                subtask1_macro_f1: s1,
                subtask2_micro_f1: s2,
                subtask3_micro_f1: s3,
                articles: n,
                annotated_lines: nl,
            },
        );
    }
    let k = s.per_language.len().max(1) as f64;
    for v in s.per_language.values() {
        s.mean.subtask1_macro_f1 += v.subtask1_macro_f1 / k;
        s.mean.subtask2_micro_f1 += v.subtask2_micro_f1 / k;
        s.mean.subtask3_micro_f1 += v.subtask3_micro_f1 / k;
        s.mean.articles += v.articles;
        s.mean.annotated_lines += v.annotated_lines;
    }
    s
}
