//! The trained model: three linear heads over one featurizer, with calibrated decision rules, and
//! the compact binary file it is shipped in.
//!
//! File layout (little-endian), chosen so loading is a few memcpys rather than parsing:
//!
//! ```text
//! "NPRISM\0" u8 version
//! u32 n, n bytes JSON header (ModelMeta: feature config, thresholds, offsets, provenance, CV scores)
//! dim bytes      idf per bucket, quantised (idf = q / 16)
//! 3 × head:      u32 labels, u32 dim, labels × f32 scale, labels × f32 bias, dim × labels × i8
//! ```
//!
//! A deep-tier model (version 2, header with `deep`: see [`crate::deep`]) has, per head, a `u32`
//! count of 8-bit rows after `dim`, and after those rows the remaining `(dim - rows) × labels`
//! weights (the dense embedding slots) as `f32`: there are few of them and they carry much of the
//! signal, so they are not quantised.
//!
//! Weights are stored as 8-bit integers with one scale per label, which keeps three heads over
//! 2^18 buckets near 10 MB (the repository limit is 16 MB) at no measurable loss in F1.

use std::path::Path;

use newsprism_core::{
    Article, ArticleAnalysis, Frame, Genre, Label, LangGuess, ParagraphAnalysis, Prediction,
    Technique,
};
use serde::{Deserialize, Serialize};

use crate::deep::{article_dense, paragraph_dense, DeepMeta, ParagraphVectors};
use crate::features::{
    ArticleInput, Explain, FeatureConfig, Featurizer, NgramFeaturizer, ParagraphInput, Scratch,
    SparseVec, BIGRAM_ORIGIN, NO_ORIGIN,
};
use crate::langid;
use crate::linear::{activate, prefetch_row, LinearHead, Loss, PREFETCH_AHEAD};
use crate::repeats;
use crate::stack::{genre_features, stack_features, GENRE_STACK_DIM, STACK_DIM};

const MAGIC: &[u8; 7] = b"NPRISM\0";
const VERSION: u8 = 1;
/// The deep tier's file version (heads with full-precision dense rows).
const VERSION_DEEP: u8 = 2;

/// Why a model could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read model file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} is not a newsprism model (bad magic bytes)")]
    NotAModel(String),
    #[error("{path}: model format version {found} is not supported (this build reads {VERSION} and {VERSION_DEEP})")]
    Version { path: String, found: u8 },
    #[error("{path}: corrupt model: {what}")]
    Corrupt { path: String, what: String },
    #[error("this build has no model embedded; train one with `newsprism train DATA_DIR --out MODEL` and pass --model MODEL")]
    NoDefault,
    #[error("this build has no deep model embedded; train one with `newsprism train --deep DATA_DIR --out MODEL` and pass --model MODEL")]
    NoDefaultDeep,
    #[error("the deep model was trained on embeddings of encoder `{model}`, but the encoder given is `{found}`; use that encoder or retrain with `newsprism train --deep`")]
    EmbedderMismatch { model: String, found: String },
    #[error("this is a linear-tier model; the deep tier needs a model trained with `newsprism train --deep`")]
    NotDeep,
    #[error("this is a deep-tier model: it needs paragraph embeddings (run with --deep)")]
    NeedsEmbeddings,
    #[error("article {article}: got {got} paragraph vectors of dimension {dim}, expected {want} of dimension {want_dim}")]
    VectorShape {
        article: String,
        got: usize,
        dim: usize,
        want: usize,
        want_dim: usize,
    },
}

/// Everything about a model except its weights.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelMeta {
    pub features: FeatureConfig,
    /// Decision rules for languages without rules of their own.
    pub rules: Rules,
    /// Rules calibrated per training language: annotation density differs a lot between
    /// languages (0.6 techniques per line in English, 2 in German), so one cut-off cannot fit all.
    #[serde(default)]
    pub rules_by_lang: std::collections::BTreeMap<String, Rules>,
    /// What it was trained on, for `newsprism eval`/`--version` style reporting.
    pub trained_on: TrainedOn,
    /// Whether a stacked second-stage technique head follows the three heads in the file.
    #[serde(default)]
    pub stacked: bool,
    /// Whether a second-stage genre head follows.
    #[serde(default)]
    pub genre_stacked: bool,
    /// Cross-validated scores measured when the model was trained, if any.
    #[serde(default)]
    pub cv: Option<serde_json::Value>,
    /// Present for a deep-tier model: the encoder its dense slots were trained on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deep: Option<DeepMeta>,
}

/// Calibrated decision rules.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Rules {
    pub technique_thresholds: Vec<f32>,
    pub frame_thresholds: Vec<f32>,
    /// Added to genre log-probabilities before the arg-max (calibrated for macro-F1 on whole
    /// articles).
    pub genre_offsets: Vec<f32>,
    /// The same, calibrated on article openings (title + [`SHORT_TEXT_PARAGRAPHS`] body
    /// paragraphs). A short text's genre probabilities are less extreme than a whole article's,
    /// so the whole-article offsets (several nats for satire) would call many short opinion
    /// pieces satire. Empty in models trained before them (then `genre_offsets` everywhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genre_offsets_short: Vec<f32>,
}

/// Texts with at most this many body paragraphs get the offsets calibrated on openings; longer
/// ones the whole-article offsets. (Blending the two up to 8 paragraphs was measured and is
/// worse: articles of 4–7 paragraphs behave like long ones, ST1 0.458 against 0.487.)
pub const SHORT_TEXT_PARAGRAPHS: usize = 3;

impl Rules {
    fn valid(&self) -> bool {
        self.technique_thresholds.len() == Technique::COUNT
            && self.frame_thresholds.len() == Frame::COUNT
            && self.genre_offsets.len() == Genre::COUNT
            && (self.genre_offsets_short.is_empty()
                || self.genre_offsets_short.len() == Genre::COUNT)
    }

    /// Genre offsets for a text of `body_paragraphs` paragraphs (title excluded).
    pub fn genre_offsets_for(&self, body_paragraphs: usize) -> &[f32] {
        if body_paragraphs <= SHORT_TEXT_PARAGRAPHS
            && self.genre_offsets_short.len() == Genre::COUNT
        {
            &self.genre_offsets_short
        } else {
            &self.genre_offsets
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TrainedOn {
    pub articles: usize,
    pub paragraphs: usize,
    pub languages: Vec<String>,
}

/// A head with 8-bit weights, as shipped.
#[derive(Clone, Debug)]
pub struct QuantHead {
    pub labels: usize,
    pub dim: usize,
    pub loss: Loss,
    scale: Vec<f32>,
    bias: Vec<f32>,
    /// The first `w.len() / labels` feature rows, 8-bit.
    w: Vec<i8>,
    /// The remaining rows (the deep tier's dense slots), full precision.
    dense: Vec<f32>,
}

impl QuantHead {
    /// Quantises a trained head: per label, the scale maps the 99.99th percentile of |w| to 127
    /// (clamping the few larger weights) so that outliers do not flatten everything else to zero.
    pub fn quantize(h: &LinearHead) -> QuantHead {
        QuantHead::quantize_rows(h, h.dim)
    }

    /// Quantises the first `rows` feature rows and keeps the rest in full precision.
    pub fn quantize_rows(h: &LinearHead, rows: usize) -> QuantHead {
        let l = h.labels;
        let rows = rows.min(h.dim);
        let mut scale = vec![0f32; l];
        for (lab, s) in scale.iter_mut().enumerate() {
            let mut abs: Vec<f32> = (0..rows)
                .map(|f| h.w[f * l + lab].abs())
                .filter(|v| *v > 0.0)
                .collect();
            if abs.is_empty() {
                *s = 1.0;
                continue;
            }
            let k = ((abs.len() as f64) * 0.9999) as usize;
            let k = k.min(abs.len() - 1);
            let (_, q, _) = abs.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
            *s = (*q / 127.0).max(1e-12);
        }
        let w = h.w[..rows * l]
            .iter()
            .enumerate()
            .map(|(i, &v)| (v / scale[i % l]).round().clamp(-127.0, 127.0) as i8)
            .collect();
        QuantHead {
            labels: l,
            dim: h.dim,
            loss: h.loss,
            scale,
            bias: h.b.clone(),
            w,
            dense: h.w[rows * l..].to_vec(),
        }
    }

    /// Number of 8-bit rows.
    fn qrows(&self) -> usize {
        self.w.len() / self.labels.max(1)
    }

    /// Logits into `out`.
    pub fn scores(&self, x: &SparseVec, out: &mut [f32]) {
        let l = self.labels;
        let mut acc = [0f32; 32];
        let acc = &mut acc[..l];
        let mut accd = [0f32; 32];
        let accd = &mut accd[..l];
        let q = self.qrows();
        for (j, (&i, &v)) in x.idx.iter().zip(&x.val).enumerate() {
            // (Scoring waits on the scattered rows: each is asked for a few features ahead.)
            if let Some(&ahead) = x.idx.get(j + PREFETCH_AHEAD) {
                if (ahead as usize) < q {
                    prefetch_row(&self.w, ahead as usize * l, l);
                }
            }
            let i = i as usize;
            if i < q {
                let row = &self.w[i * l..(i + 1) * l];
                for (a, &q) in acc.iter_mut().zip(row) {
                    *a += v * q as f32;
                }
            } else if let Some(row) = self.dense.get((i - q) * l..(i - q + 1) * l) {
                for (a, &w) in accd.iter_mut().zip(row) {
                    *a += v * w;
                }
            }
        }
        for k in 0..l {
            out[k] = self.bias[k] + acc[k] * self.scale[k] + accd[k];
        }
    }

    /// Probabilities into `out`.
    pub fn probs(&self, x: &SparseVec, out: &mut [f32]) {
        self.scores(x, out);
        activate(self.loss, out);
    }

    /// The terms that pushed most towards `label`, strongest first. Contributions are summed per
    /// token (a word's own feature plus its character n-grams) before naming, so only the top few
    /// tokens are turned into strings.
    fn cues(
        &self,
        x: &SparseVec,
        explain: &Explain,
        label: usize,
        k: usize,
        informative: &dyn Fn(&str) -> bool,
    ) -> Vec<String> {
        self.cues_many(x, explain, &[label], k, informative)
            .pop()
            .unwrap_or_default()
    }

    /// The labels of `L` whose probability in `probs` reaches their threshold, most confident
    /// first, each with its cues (summed for all of them in one pass, [`Self::cues_many`]).
    fn predictions<L: Label>(
        &self,
        x: &SparseVec,
        explain: &Explain,
        probs: &[f32],
        thresholds: &[f32],
        informative: &dyn Fn(&str) -> bool,
    ) -> Vec<Prediction> {
        let chosen: Vec<L> = L::ALL
            .iter()
            .copied()
            .filter(|l| probs[l.index()] >= thresholds[l.index()])
            .collect();
        let indices: Vec<usize> = chosen.iter().map(|l| l.index()).collect();
        let cues = self.cues_many(x, explain, &indices, CUES, informative);
        let mut out: Vec<Prediction> = chosen
            .iter()
            .zip(cues)
            .map(|(l, cues)| Prediction {
                label: l.name().to_string(),
                confidence: probs[l.index()],
                cues,
            })
            .collect();
        out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        out
    }

    /// [`Self::cues`] for several labels of the same vector (the frames of an article, the
    /// techniques of a paragraph): one pass over the features reads each scattered weight row
    /// once for all of them, where a pass per label read it once per label.
    fn cues_many(
        &self,
        x: &SparseVec,
        explain: &Explain,
        labels: &[usize],
        k: usize,
        informative: &dyn Fn(&str) -> bool,
    ) -> Vec<Vec<String>> {
        let n = explain.words.len();
        if n == 0 || labels.is_empty() {
            return vec![Vec::new(); labels.len()];
        }
        let sums = self.cue_sums(x, explain, labels);
        sums.chunks_exact(2 * n)
            .map(|sums| {
                let mut candidates = positive_candidates(sums, n);
                // An article has thousands of candidate tokens and the first few dozen nearly
                // always give the k cues: those are selected and sorted first, the rest only
                // when they do not. Picking stops at k, so the result is the one a full sort
                // gives.
                let head = (CUE_CANDIDATES_PER_CUE * k).min(candidates.len());
                if head < candidates.len() {
                    candidates.select_nth_unstable_by(head, strongest_first);
                    candidates[..head].sort_unstable_by(strongest_first);
                    let out = pick_cues(&candidates[..head], explain, k, Some(informative));
                    if out.len() == k {
                        return out;
                    }
                    candidates[head..].sort_unstable_by(strongest_first);
                } else {
                    candidates.sort_unstable_by(strongest_first);
                }
                cues_of_sorted(&candidates, explain, k, informative)
            })
            .collect()
    }

    /// Per label of `labels`, dense per-token contributions: slots 0..n for words, n..2n for
    /// bigrams starting at a word (n = the explained words), the labels' blocks one after another.
    fn cue_sums(&self, x: &SparseVec, explain: &Explain, labels: &[usize]) -> Vec<f32> {
        let l = self.labels;
        let n = explain.words.len();
        let mut sums = vec![0f32; 2 * n * labels.len()];
        for (j, (&i, &v)) in x.idx.iter().zip(&x.val).enumerate() {
            if let Some(&ahead) = x.idx.get(j + PREFETCH_AHEAD) {
                prefetch_row(&self.w, ahead as usize * l, l);
            }
            let origin = explain.origins.get(j).copied().unwrap_or(NO_ORIGIN);
            if origin == NO_ORIGIN {
                continue;
            }
            let slot = if origin & BIGRAM_ORIGIN != 0 {
                n + (origin & !BIGRAM_ORIGIN) as usize
            } else {
                origin as usize
            };
            if slot >= 2 * n {
                continue;
            }
            let Some(row) = self.w.get(i as usize * l..(i as usize + 1) * l) else {
                continue;
            };
            for (b, &label) in labels.iter().enumerate() {
                if let Some(&q) = row.get(label) {
                    sums[b * 2 * n + slot] += v * q as f32;
                }
            }
        }
        sums
    }
}

/// Every token with a positive contribution, as (origin, summed contribution), from one label's
/// block of [`QuantHead::cue_sums`].
fn positive_candidates(sums: &[f32], n: usize) -> Vec<(u32, f32)> {
    sums.iter()
        .enumerate()
        .filter(|(_, &c)| c > 0.0)
        .map(|(slot, &c)| {
            let o = if slot >= n {
                (slot - n) as u32 | BIGRAM_ORIGIN
            } else {
                slot as u32
            };
            (o, c)
        })
        .collect()
}

/// Cue candidates strongest first; ties by origin (words before word pairs, each in text
/// order), so the order never depends on the sort algorithm.
fn strongest_first(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The first `k` distinct terms of `candidates` (in their order) that have a word of two or
/// more characters, informative by `informative` when it is given.
fn pick_cues(
    candidates: &[(u32, f32)],
    explain: &Explain,
    k: usize,
    informative: Option<&dyn Fn(&str) -> bool>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(k);
    for &(o, _) in candidates {
        if out.len() == k {
            break;
        }
        if let Some(t) = explain.term(o) {
            let ok = t
                .split(' ')
                .any(|w| w.chars().count() > 1 && informative.is_none_or(|f| f(w)));
            if ok && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The cues from all candidates sorted by [`strongest_first`]: informative words when there are
/// any; otherwise the strongest terms, so that a prediction never comes without evidence.
fn cues_of_sorted(
    sorted: &[(u32, f32)],
    explain: &Explain,
    k: usize,
    informative: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let out = pick_cues(sorted, explain, k, Some(informative));
    if out.is_empty() {
        pick_cues(sorted, explain, k, None)
    } else {
        out
    }
}

/// A trained model, ready to analyse articles. `Sync`: share one across threads.
pub struct Model {
    pub meta: ModelMeta,
    featurizer: NgramFeaturizer,
    technique: QuantHead,
    frame: QuantHead,
    genre: QuantHead,
    /// Second-stage technique head over [`crate::stack`] features, when trained.
    stack: Option<QuantHead>,
    /// Second-stage genre head over genre and technique probabilities, when trained.
    genre_stack: Option<QuantHead>,
}

/// Cue terms reported per prediction.
const CUES: usize = 5;

/// How many of a prediction's strongest tokens are ordered before the cues are read from them,
/// per cue wanted (see `QuantHead::cues`).
const CUE_CANDIDATES_PER_CUE: usize = 8;
/// Words in more than about 2.7% of all training paragraphs (IDF below this) are not shown as
/// cues. IDF is pooled over six languages, so this drops the function words of each language.
const MIN_CUE_IDF: f32 = 4.6;

#[cfg(has_default_model)]
static DEFAULT_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/newsprism.model"
));

#[cfg(has_default_deep_model)]
static DEFAULT_DEEP_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/newsprism-deep.model"
));

impl Model {
    pub fn new(
        meta: ModelMeta,
        idf: Vec<f32>,
        technique: QuantHead,
        frame: QuantHead,
        genre: QuantHead,
        stack: Option<QuantHead>,
        genre_stack: Option<QuantHead>,
    ) -> Model {
        let featurizer = NgramFeaturizer::new(meta.features.clone(), Some(idf));
        let mut meta = meta;
        meta.stacked = stack.is_some();
        meta.genre_stacked = genre_stack.is_some();
        Model {
            meta,
            featurizer,
            technique,
            frame,
            genre,
            stack,
            genre_stack,
        }
    }

    /// The deep-tier model shipped inside this binary (`models/newsprism-deep.model` at build
    /// time, with the `embedded-deep-model` feature).
    pub fn load_default_deep() -> Result<Model, ModelError> {
        #[cfg(has_default_deep_model)]
        {
            Model::from_bytes(DEFAULT_DEEP_MODEL, "<embedded deep model>")
        }
        #[cfg(not(has_default_deep_model))]
        {
            Err(ModelError::NoDefaultDeep)
        }
    }

    /// The model shipped inside this binary (`models/newsprism.model` at build time).
    pub fn load_default() -> Result<Model, ModelError> {
        #[cfg(has_default_model)]
        {
            Model::from_bytes(DEFAULT_MODEL, "<embedded model>")
        }
        #[cfg(not(has_default_model))]
        {
            Err(ModelError::NoDefault)
        }
    }

    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: name.clone(),
            source,
        })?;
        Model::from_bytes(&bytes, &name)
    }

    pub fn featurizer(&self) -> &NgramFeaturizer {
        &self.featurizer
    }

    /// Serialises to the file format in the module docs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(12 << 20);
        out.extend_from_slice(MAGIC);
        let deep = self.meta.deep.is_some();
        out.push(if deep { VERSION_DEEP } else { VERSION });
        let header = serde_json::to_vec(&self.meta).unwrap_or_default();
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        out.extend(
            self.featurizer
                .idf
                .iter()
                .map(|&v| (v * 16.0).round().clamp(0.0, 255.0) as u8),
        );
        for h in [&self.technique, &self.frame, &self.genre]
            .into_iter()
            .chain(&self.stack)
            .chain(&self.genre_stack)
        {
            out.extend_from_slice(&(h.labels as u32).to_le_bytes());
            out.extend_from_slice(&(h.dim as u32).to_le_bytes());
            if deep {
                out.extend_from_slice(&(h.qrows() as u32).to_le_bytes());
            }
            for v in h.scale.iter().chain(&h.bias) {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend(h.w.iter().map(|&q| q as u8));
            if deep {
                for v in &h.dense {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        out
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_bytes())
    }

    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model, ModelError> {
        let corrupt = |what: &str| ModelError::Corrupt {
            path: name.to_string(),
            what: what.to_string(),
        };
        if bytes.len() < 12 || &bytes[..7] != MAGIC {
            return Err(ModelError::NotAModel(name.to_string()));
        }
        let version = bytes[7];
        if version != VERSION && version != VERSION_DEEP {
            return Err(ModelError::Version {
                path: name.to_string(),
                found: bytes[7],
            });
        }
        let mut r = Reader { b: bytes, pos: 8 };
        let hlen = r.u32().ok_or_else(|| corrupt("truncated header"))? as usize;
        let header = r.take(hlen).ok_or_else(|| corrupt("truncated header"))?;
        let meta: ModelMeta =
            serde_json::from_slice(header).map_err(|e| corrupt(&format!("header: {e}")))?;
        if !(8..=24).contains(&meta.features.bits) {
            return Err(corrupt("feature bits out of range"));
        }
        let dim = 1usize << meta.features.bits;
        if (version == VERSION_DEEP) != meta.deep.is_some() {
            return Err(corrupt("file version and deep-tier header disagree"));
        }
        if let Some(d) = &meta.deep {
            if d.dim == 0 || d.dim > 1 << 16 {
                return Err(corrupt("embedding dimension out of range"));
            }
            if !d.dim.is_multiple_of(1 + d.options.extra_layers.len()) {
                return Err(corrupt(
                    "embedding dimension does not split into its layers",
                ));
            }
        }
        let slots = meta.deep.as_ref().map_or(0, DeepMeta::slots);
        let idf: Vec<f32> = r
            .take(dim)
            .ok_or_else(|| corrupt("truncated idf table"))?
            .iter()
            .map(|&q| q as f32 / 16.0)
            .collect();
        let mut heads = Vec::with_capacity(4);
        let mut layout = vec![
            ("technique", Technique::COUNT, dim + slots, Loss::Binary),
            ("frame", Frame::COUNT, dim + slots, Loss::Binary),
            ("genre", Genre::COUNT, dim + slots, Loss::Softmax),
        ];
        if meta.stacked {
            layout.push(("stack", Technique::COUNT, STACK_DIM, Loss::Binary));
        }
        if meta.genre_stacked {
            layout.push(("genre_stack", Genre::COUNT, GENRE_STACK_DIM, Loss::Softmax));
        }
        for (name_h, want, want_dim, loss) in layout {
            let labels = r.u32().ok_or_else(|| corrupt("truncated head"))? as usize;
            let hdim = r.u32().ok_or_else(|| corrupt("truncated head"))? as usize;
            if labels != want || hdim != want_dim {
                return Err(corrupt(&format!(
                    "{name_h} head has {labels} labels × {hdim} features, expected {want} × {want_dim}"
                )));
            }
            let qrows = if version == VERSION_DEEP {
                r.u32().ok_or_else(|| corrupt("truncated head"))? as usize
            } else {
                hdim
            };
            if qrows > hdim {
                return Err(corrupt(&format!(
                    "{name_h} head: more 8-bit rows than features"
                )));
            }
            let mut floats = Vec::with_capacity(2 * labels);
            for _ in 0..2 * labels {
                floats.push(r.f32().ok_or_else(|| corrupt("truncated head"))?);
            }
            let w = r
                .take(qrows * labels)
                .ok_or_else(|| corrupt("truncated weights"))?
                .iter()
                .map(|&b| b as i8)
                .collect();
            let n_dense = (hdim - qrows) * labels;
            let dense = r
                .take(n_dense * 4)
                .ok_or_else(|| corrupt("truncated dense weights"))?
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            heads.push(QuantHead {
                labels,
                dim: hdim,
                loss,
                bias: floats.split_off(labels),
                scale: floats,
                w,
                dense,
            });
        }
        if !meta.rules.valid() || !meta.rules_by_lang.values().all(Rules::valid) {
            return Err(corrupt("threshold tables do not match the label sets"));
        }
        let genre_stack = if meta.genre_stacked {
            heads.pop()
        } else {
            None
        };
        let stack = if meta.stacked { heads.pop() } else { None };
        let genre = heads.pop().ok_or_else(|| corrupt("missing head"))?;
        let frame = heads.pop().ok_or_else(|| corrupt("missing head"))?;
        let technique = heads.pop().ok_or_else(|| corrupt("missing head"))?;
        Ok(Model::new(
            meta,
            idf,
            technique,
            frame,
            genre,
            stack,
            genre_stack,
        ))
    }

    /// The decision rules for a language: its own when it was trained on, else the global ones.
    pub fn rules_for(&self, lang: Option<newsprism_core::Lang>) -> &Rules {
        lang.and_then(|l| self.meta.rules_by_lang.get(l.as_str()))
            .unwrap_or(&self.meta.rules)
    }

    /// Analyses one article: language, genre, frames, and techniques per non-empty line.
    pub fn analyze(&self, article: &Article) -> ArticleAnalysis {
        let mut scratch = Scratch::default();
        self.analyze_with(article, &mut scratch)
    }

    /// As [`Model::analyze`], reusing per-thread buffers (see `rayon::map_init`).
    ///
    /// This is the linear tier. On a deep model ([`Model::is_deep`]) it scores without the
    /// embedding slots, which is not what the model was trained for: use [`Model::analyze_deep`].
    pub fn analyze_with(&self, article: &Article, s: &mut Scratch) -> ArticleAnalysis {
        self.analyze_inner(article, s, None)
    }

    /// Whether this is a deep-tier model (it needs paragraph embeddings).
    pub fn is_deep(&self) -> bool {
        self.meta.deep.is_some()
    }

    /// Refuses an encoder other than the one this deep model was trained on: its vectors would
    /// mean nothing to the heads.
    pub fn check_embedder(&self, e: &dyn newsprism_core::Embedder) -> Result<(), ModelError> {
        let d = self.meta.deep.as_ref().ok_or(ModelError::NotDeep)?;
        if d.embedder_id != e.id() || d.dim != e.dim() {
            return Err(ModelError::EmbedderMismatch {
                model: format!("{} ({}-d)", d.embedder_id, d.dim),
                found: format!("{} ({}-d)", e.id(), e.dim()),
            });
        }
        Ok(())
    }

    /// The deep tier: as [`Model::analyze_with`], with the embeddings of the article's non-empty
    /// lines (see [`crate::deep::embed_articles`], which batches many articles per encoder call).
    pub fn analyze_deep(
        &self,
        article: &Article,
        s: &mut Scratch,
        vectors: &ParagraphVectors,
    ) -> Result<ArticleAnalysis, ModelError> {
        let d = self.meta.deep.as_ref().ok_or(ModelError::NotDeep)?;
        let want = article.paragraphs().count();
        if vectors.len() != want || (want > 0 && vectors.dim != d.dim) {
            return Err(ModelError::VectorShape {
                article: article.id.clone(),
                got: vectors.len(),
                dim: vectors.dim,
                want,
                want_dim: d.dim,
            });
        }
        Ok(self.analyze_inner(article, s, Some(vectors)))
    }

    fn analyze_inner(
        &self,
        article: &Article,
        s: &mut Scratch,
        vectors: Option<&ParagraphVectors>,
    ) -> ArticleAnalysis {
        let deep = self.meta.deep.as_ref().zip(vectors);
        let base = self.featurizer.dim();
        let mean = deep.map(|(_, pv)| pv.mean()).unwrap_or_default();
        let view = ArticleView::new(article);
        let lang = langid::detect(&view.sample_text());
        let lang_code = lang.code.or(article.declared_lang);
        let rules = self.rules_for(lang_code);
        // Function words ("the", "this", "de") may move a score but explain nothing to a reader.
        let informative = |w: &str| self.featurizer.word_idf(w) >= MIN_CUE_IDF;
        let mut x = SparseVec::default();
        let mut explain = Explain::default();

        // Every line is normalised and hashed once, for the article's features and each line's.
        let mut prep = std::mem::take(&mut s.prepared);
        let texts: Vec<&str> = view.lines.iter().map(|l| l.1).collect();
        self.featurizer.prepare(&texts, s, &mut prep);
        let body: Vec<usize> = (0..view.lines.len())
            .filter(|&k| Some(view.lines[k].0) != view.title_line)
            .collect();

        // Article level: genre and frames.
        self.featurizer.article_prepared(
            &ArticleInput {
                title: view.title,
                paragraphs: &view.body,
                lang: lang_code,
            },
            &body,
            &prep,
            s,
            &mut x,
            Some(&mut explain),
        );
        if let Some((d, pv)) = deep {
            article_dense(d, base, pv, &mut x);
        }
        let mut gp = [0f32; Genre::COUNT];
        self.genre.probs(&x, &mut gp);
        let mut fp = [0f32; Frame::COUNT];
        self.frame.probs(&x, &mut fp);
        let frames = self.frame.predictions::<Frame>(
            &x,
            &explain,
            &fp,
            &rules.frame_thresholds,
            &informative,
        );

        // Paragraph level: techniques, with the genre as context.
        let reps = line_repeats(&self.featurizer, &view);
        let n = view.lines.len();
        let mut xs: Vec<SparseVec> = Vec::with_capacity(n);
        let mut explains: Vec<Explain> = Vec::with_capacity(n);
        let mut p1 = vec![[0f32; Technique::COUNT]; n];
        for (k, &(line, text)) in view.lines.iter().enumerate() {
            let extra = paragraph_extra(&gp, &reps[k]);
            let input = ParagraphInput {
                text,
                prev: k.checked_sub(1).map(|j| view.lines[j].1),
                next: view.lines.get(k + 1).map(|l| l.1),
                is_title: Some(line) == view.title_line,
                position: position(k, n),
                lang: lang_code,
                extra: &extra,
            };
            let mut x = SparseVec::default();
            let mut e = Explain::default();
            self.featurizer
                .paragraph_prepared(&input, k, &prep, s, &mut x, Some(&mut e));
            if let Some((d, pv)) = deep {
                paragraph_dense(d, base, pv, &mean, k, &mut x);
            }
            self.technique.probs(&x, &mut p1[k]);
            xs.push(x);
            explains.push(e);
        }
        s.prepared = prep;

        // Genre: the second stage (when trained) also weighs how persuasive the paragraphs look.
        let gp_final = match &self.genre_stack {
            Some(h) => {
                let mut gx = SparseVec::default();
                genre_features(&p1, &gp, &mut gx);
                let mut g2 = [0f32; Genre::COUNT];
                h.probs(&gx, &mut g2);
                g2
            }
            None => gp,
        };
        let offsets = rules.genre_offsets_for(view.body.len());
        let gi = decide_genre(&gp_final, offsets);
        let genre = Prediction {
            label: Genre::ALL[gi].name().to_string(),
            confidence: adjusted_probs(&gp_final, offsets)[gi],
            cues: self.genre.cues(&x, &explain, gi, CUES, &informative),
        };
        let genre_scores = Genre::ALL
            .iter()
            .map(|g| Prediction {
                label: g.name().to_string(),
                confidence: gp_final[g.index()],
                cues: Vec::new(),
            })
            .collect();
        let mut paragraphs = Vec::with_capacity(n);
        let mut sx = SparseVec::default();
        for (k, &(line, text)) in view.lines.iter().enumerate() {
            let tp = match &self.stack {
                Some(st) => {
                    let mut tp = [0f32; Technique::COUNT];
                    stack_features(&p1, k, &gp, Some(line) == view.title_line, &mut sx);
                    st.probs(&sx, &mut tp);
                    tp
                }
                None => p1[k],
            };
            let techniques = self.technique.predictions::<Technique>(
                &xs[k],
                &explains[k],
                &tp,
                &rules.technique_thresholds,
                &informative,
            );
            paragraphs.push(ParagraphAnalysis {
                line,
                text: text.to_string(),
                techniques,
            });
        }

        ArticleAnalysis {
            id: article.id.clone(),
            path: article.path.clone(),
            lang: LangGuess {
                code: lang.code,
                confidence: lang.confidence,
            },
            title: article.title.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            published: article.published.clone(),
            word_count: article.word_count(),
            genre,
            genre_scores,
            frames,
            paragraphs,
            removed: article.removed.clone(),
            attribution: article.attribution.clone(),
        }
    }
}

/// The named dense features of one paragraph (named so the weights stay inspectable): the
/// article's genre probabilities and the line's repetition cues (see [`crate::repeats`]).
pub fn paragraph_extra(
    gp: &[f32],
    rep: &[f32; repeats::COUNT],
) -> [(&'static str, f32); Genre::COUNT + repeats::COUNT] {
    let mut e = [("", 0f32); Genre::COUNT + repeats::COUNT];
    e[..Genre::COUNT].copy_from_slice(&[
        ("genre:opinion", gp[0]),
        ("genre:reporting", gp[1]),
        ("genre:satire", gp[2]),
    ]);
    for (k, (&name, &v)) in repeats::NAMES.iter().zip(rep).enumerate() {
        e[Genre::COUNT + k] = (name, v);
    }
    e
}

/// Repetition cues of every line of `view`, as the featurizer's configuration asks.
pub fn line_repeats(f: &NgramFeaturizer, view: &ArticleView) -> Vec<[f32; repeats::COUNT]> {
    let texts: Vec<&str> = view.lines.iter().map(|l| l.1).collect();
    repeats::line_features(
        &texts,
        &|w| f.word_idf(w),
        f.config.repeat_min_idf,
        f.config.repeat_weight,
    )
}

/// Relative position of paragraph `k` of `n`.
pub fn position(k: usize, n: usize) -> f32 {
    if n <= 1 {
        0.0
    } else {
        k as f32 / (n - 1) as f32
    }
}

/// Genre probabilities after the calibrated offsets, renormalised: the offsets act as a
/// class-prior correction (rare satire gets a fair hearing), and this is the posterior the decision
/// is based on, so it is what `genre.confidence` reports.
pub fn adjusted_probs(gp: &[f32], offsets: &[f32]) -> [f32; Genre::COUNT] {
    let mut z = [0f32; Genre::COUNT];
    for k in 0..Genre::COUNT {
        z[k] = gp[k].max(1e-6).ln() + offsets[k];
    }
    activate(Loss::Softmax, &mut z);
    z
}

/// Arg-max of log-probability plus calibrated offset.
pub fn decide_genre(gp: &[f32], offsets: &[f32]) -> usize {
    (0..gp.len())
        .max_by(|&a, &b| {
            let sa = gp[a].max(1e-6).ln() + offsets[a];
            let sb = gp[b].max(1e-6).ln() + offsets[b];
            sa.total_cmp(&sb)
        })
        .unwrap_or(0)
}

/// How the models see an article: the title, the body paragraphs, and the numbered lines.
pub struct ArticleView<'a> {
    pub title: Option<&'a str>,
    /// The line that holds the title, if the title is one of the lines
    /// ([`Article::title_line`]): read as a headline, and left out of `body`.
    pub title_line: Option<u32>,
    /// Body paragraphs (non-empty lines, without the one that holds the title).
    pub body: Vec<&'a str>,
    /// Every non-empty line with its number, title line included (the task annotates it).
    pub lines: Vec<(u32, &'a str)>,
}

impl<'a> ArticleView<'a> {
    pub fn new(a: &'a Article) -> Self {
        let lines: Vec<(u32, &str)> = a.paragraphs().collect();
        let title_line = a.title_line();
        let body = lines
            .iter()
            .filter(|(n, _)| Some(*n) != title_line)
            .map(|(_, t)| *t)
            .collect();
        ArticleView {
            title: a.title.as_deref(),
            title_line,
            body,
            lines,
        }
    }

    /// Text for language identification: title and the first paragraphs.
    pub fn sample_text(&self) -> String {
        let mut s = String::new();
        for t in self.title.iter().chain(self.body.iter()) {
            if s.len() > 4000 {
                break;
            }
            s.push_str(crate::features::clip(t, 4000));
            s.push('\n');
        }
        s
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.b.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        self.take(4)
            .map(|s| f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

#[cfg(test)]
mod rules_tests {
    use super::*;

    fn rules(short: Vec<f32>) -> Rules {
        Rules {
            technique_thresholds: vec![0.5; Technique::COUNT],
            frame_thresholds: vec![0.5; Frame::COUNT],
            genre_offsets: vec![0.0, 1.0, 3.75],
            genre_offsets_short: short,
        }
    }

    #[test]
    fn short_texts_get_the_offsets_calibrated_on_openings() {
        let r = rules(vec![0.0, 0.5, 1.25]);
        assert!(r.valid());
        assert_eq!(r.genre_offsets_for(0), [0.0, 0.5, 1.25]);
        assert_eq!(r.genre_offsets_for(SHORT_TEXT_PARAGRAPHS), [0.0, 0.5, 1.25]);
        assert_eq!(
            r.genre_offsets_for(SHORT_TEXT_PARAGRAPHS + 1),
            [0.0, 1.0, 3.75]
        );
        // An opinion piece whose satire probability is 1/30 of its opinion one: satire with the
        // whole-article offsets, opinion with the short-text ones.
        let gp = [0.90, 0.07, 0.03];
        assert_eq!(decide_genre(&gp, r.genre_offsets_for(20)), 2);
        assert_eq!(decide_genre(&gp, r.genre_offsets_for(2)), 0);
    }

    #[test]
    fn models_without_short_offsets_use_the_article_ones_everywhere() {
        let r = rules(Vec::new());
        assert!(r.valid());
        assert_eq!(r.genre_offsets_for(1), [0.0, 1.0, 3.75]);
        assert!(!rules(vec![0.0, 1.0]).valid());
        // A header written before the field existed still reads.
        let json = r#"{"technique_thresholds":[],"frame_thresholds":[],"genre_offsets":[0,1,2]}"#;
        let old: Rules = serde_json::from_str(json).unwrap();
        assert!(old.genre_offsets_short.is_empty());
    }
}

#[cfg(test)]
mod cue_tests {
    use super::*;

    /// The cues as a full sort of every candidate orders them: what `QuantHead::cues`, which
    /// sorts only the strongest few when they suffice, must give.
    fn reference(
        head: &QuantHead,
        x: &SparseVec,
        explain: &Explain,
        label: usize,
        k: usize,
        informative: &dyn Fn(&str) -> bool,
    ) -> Vec<String> {
        let l = head.labels;
        let n = explain.words.len();
        // Each token's contribution summed feature by feature, the plain way.
        let mut sums = vec![0f32; 2 * n];
        for (j, (&i, &v)) in x.idx.iter().zip(&x.val).enumerate() {
            let o = explain.origins[j];
            if o == NO_ORIGIN {
                continue;
            }
            let slot = if o & BIGRAM_ORIGIN != 0 {
                n + (o & !BIGRAM_ORIGIN) as usize
            } else {
                o as usize
            };
            sums[slot] += v * head.w[i as usize * l + label] as f32;
        }
        let mut all = positive_candidates(&sums, n);
        all.sort_by(strongest_first);
        cues_of_sorted(&all, explain, k, informative)
    }

    #[test]
    fn cues_match_a_full_sort() {
        // A small deterministic generator (xorshift) stands in for random texts and weights.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let vocabulary = [
            "the", "war", "x", "traitors", "of", "shocking", "a", "regime",
        ];
        for case in 0..300 {
            let words: Vec<String> = (0..1 + next() % 120)
                .map(|_| vocabulary[(next() % vocabulary.len() as u64) as usize].to_string())
                .collect();
            let n = words.len() as u32;
            let dim = 64;
            // Few weight levels, so equal contributions (ties) are common; three labels.
            let w: Vec<i8> = (0..dim * 3).map(|_| (next() % 7) as i8 - 2).collect();
            let head = QuantHead {
                labels: 3,
                dim,
                loss: Loss::Binary,
                scale: vec![1.0; 3],
                bias: vec![0.0; 3],
                w,
                dense: Vec::new(),
            };
            let (mut idx, mut val, mut origins) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..next() % 400 {
                idx.push((next() % dim as u64) as u32);
                val.push([0.5f32, 1.0, 0.25][(next() % 3) as usize]);
                origins.push(match next() % 5 {
                    0 => NO_ORIGIN,
                    1 if n > 1 => (next() % (n as u64 - 1)) as u32 | BIGRAM_ORIGIN,
                    _ => (next() % n as u64) as u32,
                });
            }
            let x = SparseVec { idx, val };
            let explain = Explain { origins, words };
            // Case by case, most tokens are uninformative, so the cues often lie past the
            // first candidates ordered, or there are none and the fallback runs.
            let strict = case % 3;
            let informative = move |w: &str| match strict {
                0 => w != "the" && w != "of",
                1 => w == "regime",
                _ => false,
            };
            for k in [1, 3, CUES] {
                let want: Vec<Vec<String>> = (0..3)
                    .map(|label| reference(&head, &x, &explain, label, k, &informative))
                    .collect();
                assert_eq!(
                    head.cues(&x, &explain, 1, k, &informative),
                    want[1],
                    "case {case}, k {k}"
                );
                // Several labels in one pass: each as on its own, in the order asked.
                assert_eq!(
                    head.cues_many(&x, &explain, &[2, 0], k, &informative),
                    vec![want[2].clone(), want[0].clone()],
                    "case {case}, k {k}"
                );
            }
        }
    }
}
