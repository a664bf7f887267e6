//! How similar two articles are, as the SemEval-2022 Task 8 "overall" score (1 = same story …
//! 4 = unrelated) and as a same-story probability, from cheap lexical signals only.
//!
//! The signals (see [`features`]) are combined by a ridge regression whose coefficients live in
//! `data/pair_model.json`. They were fitted on the 1,464 SemEval-2022 Task 8 training pairs
//! (`newsprism compare --pairs train-pairs.jsonl --fit data/pair_model.json`); the ridge penalty
//! and the feature set were chosen by 5-fold cross-validation on those pairs only, and
//! `newsprism compare --pairs train-pairs.jsonl --eval` prints the cross-validated Pearson
//! correlation so the figure can be reproduced.

use std::sync::OnceLock;

use crate::embedding::{DeepError, Vectors};
use crate::fingerprint::{cosine, minhash_jaccard, overlap, Fingerprint};
use crate::fit::Linear;

/// Names of the features, in order, for the model file and reports.
pub const FEATURE_NAMES: &[&str] = &[
    "char4_cosine",
    "word_cosine",
    "entity_cosine",
    "entity_containment",
    "number_jaccard",
    "number_containment",
    "title_cosine",
    "minhash_jaccard",
    "length_ratio",
    "cross_lingual",
    "char4_x_cross",
    "entity_x_cross",
    "sqrt_char4",
    "sqrt_entity",
    "both_have_numbers",
    "day_gap",
    "log_shared_entities",
    "log_shared_numbers",
    "sqrt_entity_x_cross",
    "log_shared_entities_x_cross",
    "number_containment_x_cross",
    "sqrt_word",
    "word_squared",
    "char4_squared",
    "title_squared",
];

/// Required sign of each feature's coefficient (the target is 1 = same … 4 = unrelated, so
/// overlap signals must have coefficients ≤ 0); 0 leaves it free. See [`crate::fit::ridge_signed`].
pub const FEATURE_SIGNS: &[i8] = &[
    -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, -1, -1, -1, -1, 0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];

/// Embedding signals added by the deep pair model after [`FEATURE_NAMES`] (see
/// [`deep_features`]).
pub const DEEP_FEATURE_NAMES: &[&str] = &[
    "embed_cosine",
    "embed_cosine_squared",
    "embed_title_cosine",
    "embed_cosine_x_cross",
];

/// Required signs of the [`DEEP_FEATURE_NAMES`] coefficients: closer vectors ⇒ more similar.
pub const DEEP_FEATURE_SIGNS: &[i8] = &[-1, -1, -1, -1];

/// All feature names of a deep pair model: the lexical ones, then the embedding ones.
pub fn deep_feature_names() -> Vec<&'static str> {
    FEATURE_NAMES
        .iter()
        .chain(DEEP_FEATURE_NAMES)
        .copied()
        .collect()
}

/// All coefficient signs of a deep pair model.
pub fn deep_feature_signs() -> Vec<i8> {
    FEATURE_SIGNS
        .iter()
        .chain(DEEP_FEATURE_SIGNS)
        .copied()
        .collect()
}

/// The lexical signals of [`features`] followed by the embedding signals: cosine of the text
/// vectors (and its square, as the score is not linear in it), cosine of the title vectors, and
/// the text cosine for cross-lingual pairs only (vectors of two languages sit a little further
/// apart than two texts in one language).
pub fn deep_features(a: &Fingerprint, b: &Fingerprint, va: &Vectors, vb: &Vectors) -> Vec<f64> {
    let mut x = features(a, b);
    let cross = x[9];
    append_deep(&mut x, va, vb, cross);
    x
}

/// Appends the [`DEEP_FEATURE_NAMES`] signals to lexical features.
pub fn append_deep(x: &mut Vec<f64>, va: &Vectors, vb: &Vectors, cross: f64) {
    let (c, t) = va.cosines(vb);
    let (c, t) = (f64::from(c), f64::from(t));
    x.extend([c, c * c, t, c * cross]);
}

/// The features a model expects: lexical, or lexical + embedding for a deep model. A deep model
/// without vectors falls back to the shipped lexical model (see [`PairModel::for_pair`]).
fn model_features(
    model: &PairModel,
    a: &Fingerprint,
    b: &Fingerprint,
    v: Option<(&Vectors, &Vectors)>,
) -> Vec<f64> {
    match v {
        Some((va, vb)) if model.is_deep() => deep_features(a, b, va, vb),
        _ => features(a, b),
    }
}

/// The signals for one pair of prepared fingerprints (see [`Fingerprint::prepare`]).
pub fn features(a: &Fingerprint, b: &Fingerprint) -> Vec<f64> {
    debug_assert!(a.prepared && b.prepared);
    let c4 = cosine(&a.chars, &b.chars) as f64;
    let wc = cosine(&a.words, &b.words) as f64;
    let ec = cosine(&a.ents, &b.ents) as f64;
    let (econt, _) = overlap(&a.ents_idf, &b.ents_idf);
    let (ncont, njac) = overlap(&a.nums_idf, &b.nums_idf);
    let tc = cosine(&a.title, &b.title) as f64;
    let mh = minhash_jaccard(&a.minhash, &b.minhash) as f64;
    let (la, lb) = (a.folded_len.max(1) as f64, b.folded_len.max(1) as f64);
    let ratio = la.min(lb) / la.max(lb);
    let cross = match (a.lang, b.lang) {
        (Some(x), Some(y)) if x != y => 1.0,
        _ => 0.0,
    };
    let both_nums = f64::from(u8::from(!a.nums.is_empty() && !b.nums.is_empty()));
    let shared_ents = (shared(&a.ents_idf, &b.ents_idf) as f64).ln_1p();
    let gap = match (a.day, b.day) {
        (Some(x), Some(y)) => (f64::from((x - y).abs()) + 1.0).ln(),
        _ => 0.0,
    };
    vec![
        c4,
        wc,
        ec,
        econt as f64,
        njac as f64,
        ncont as f64,
        tc,
        mh,
        ratio,
        cross,
        c4 * cross,
        ec * cross,
        c4.sqrt(),
        ec.sqrt(),
        both_nums,
        gap,
        shared_ents,
        (shared(&a.nums_idf, &b.nums_idf) as f64).ln_1p(),
        ec.sqrt() * cross,
        shared_ents * cross,
        ncont as f64 * cross,
        wc.sqrt(),
        wc * wc,
        c4 * c4,
        tc * tc,
    ]
}

/// Number of keys two sorted key lists share.
fn count_shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Number of keys two sorted sparse vectors share.
fn shared(a: &[(u32, f32)], b: &[(u32, f32)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two articles share the specifics of one event: at least three names that are rare in
/// the collection (and half of the smaller side's name weight) and at least one distinctive,
/// rare figure (see [`crate::fingerprint::Idf::specific_cap`]).
///
/// The regression above learns from SemEval pairs, whose only cross-lingual pairs are German–
/// English; for other language pairs (French–Russian, Greek–English) it sees almost no shared
/// words and falls back towards "unrelated" even when the names and figures match exactly. This
/// rule is what makes cross-language stories link; it is deliberately strict (names *and*
/// figures) because common names alone (a country, a president) are shared by many events.
pub fn shares_event_specifics(a: &Fingerprint, b: &Fingerprint) -> bool {
    let names = count_shared(&a.rare_ents, &b.rare_ents);
    if names < 3 {
        return false;
    }
    let (containment, _) = overlap(&a.ents_idf, &b.ents_idf);
    if containment < 0.5 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.figures.len() && j < b.figures.len() {
        match a.figures[i].cmp(&b.figures[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Same-story probability used for grouping: the model's, raised to 0.7 when the two articles
/// share an event's specifics ([`shares_event_specifics`]). `vectors` are the two articles'
/// embeddings, used when `model` is a deep one.
pub fn same_story(
    model: &PairModel,
    a: &Fingerprint,
    b: &Fingerprint,
    vectors: Option<(&Vectors, &Vectors)>,
) -> f64 {
    let model = model.for_pair(vectors.is_some());
    let p = model.same_story(&model_features(model, a, b, vectors));
    if p < 0.7 && shares_event_specifics(a, b) {
        0.7
    } else {
        p
    }
}

/// The shipped mapping from features to the 1–4 score.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PairModel {
    /// How the coefficients were obtained (data, penalty, CV figure).
    pub fitted_on: String,
    pub features: Vec<String>,
    pub linear: Linear,
    /// `(a, b)` of `P(same story) = 1 / (1 + exp(-(a + b · similarity)))`, fitted on
    /// out-of-fold similarities against "human overall ≤ 2" (somewhat similar or closer).
    #[serde(default = "default_logit")]
    pub same_story_logit: (f64, f64),
    /// For a deep model (embedding features after the lexical ones): the [`Embedder`] id whose
    /// vectors it was fitted on. Vectors of any other encoder are refused.
    ///
    /// [`Embedder`]: newsprism_core::Embedder
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedder: Option<String>,
}

/// Why a pair model file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelFileError {
    #[error("cannot read the pair model {0}: {1}")]
    Read(String, std::io::Error),
    #[error("{0} is not a pair model: {1}")]
    Json(String, serde_json::Error),
    #[error(
        "{0} does not fit this newsprism: its features are not the ones computed here (lexical: \
         {1} features, deep: {2}); refit it with `newsprism compare --pairs LABELLED.jsonl --fit FILE`"
    )]
    Features(String, usize, usize),
}

/// A curve centred on 2.5, the middle of the scale, for model files without a fitted one.
fn default_logit() -> (f64, f64) {
    (5.5, -2.2)
}

static MODEL_JSON: &str = include_str!("../data/pair_model.json");

/// The shipped deep model, fitted on multilingual-e5-small vectors of the SemEval-2022 Task 8
/// training pairs (it beat the lexical model in cross-validation: 0.751 vs 0.686; see
/// `docs/stories.md`). `None` would mean "no deep model in this build".
static DEEP_MODEL_JSON: Option<&str> = Some(include_str!("../data/pair_model_deep.json"));

impl PairModel {
    /// The model shipped in `data/pair_model.json`.
    pub fn builtin() -> &'static PairModel {
        static CELL: OnceLock<PairModel> = OnceLock::new();
        CELL.get_or_init(|| {
            serde_json::from_str(MODEL_JSON).expect("data/pair_model.json is valid (tested)")
        })
    }

    /// The shipped deep model (`data/pair_model_deep.json`), if this build has one.
    pub fn builtin_deep() -> Option<&'static PairModel> {
        static CELL: OnceLock<Option<PairModel>> = OnceLock::new();
        CELL.get_or_init(|| DEEP_MODEL_JSON.and_then(|j| serde_json::from_str(j).ok()))
            .as_ref()
    }

    /// Reads and checks a model file written by `compare --pairs FILE --fit OUT`.
    pub fn load(path: &std::path::Path) -> Result<PairModel, ModelFileError> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| ModelFileError::Read(name.clone(), e))?;
        let m: PairModel =
            serde_json::from_str(&text).map_err(|e| ModelFileError::Json(name.clone(), e))?;
        if !m.is_consistent() {
            return Err(ModelFileError::Features(
                name,
                FEATURE_NAMES.len(),
                FEATURE_NAMES.len() + DEEP_FEATURE_NAMES.len(),
            ));
        }
        Ok(m)
    }

    /// Whether the feature list is the lexical or the deep one and every coefficient vector
    /// matches it (so [`PairModel::similarity`] cannot index out of range).
    pub fn is_consistent(&self) -> bool {
        let want: Vec<&str> = if self.is_deep() {
            deep_feature_names()
        } else {
            FEATURE_NAMES.to_vec()
        };
        let n = want.len();
        self.features.iter().map(String::as_str).eq(want)
            && self.linear.coef.len() == n
            && self.linear.mean.len() == n
            && self.linear.sd.len() == n
    }

    /// Whether the model uses embedding features.
    pub fn is_deep(&self) -> bool {
        self.embedder.is_some()
    }

    /// Refuses a deep model fitted on another encoder's vectors, and a lexical model where a deep
    /// one is needed.
    pub fn check_embedder(&self, encoder_id: &str) -> Result<(), DeepError> {
        match &self.embedder {
            None => Err(DeepError::NotDeep),
            Some(m) if m != encoder_id => Err(DeepError::EmbedderMismatch {
                model: m.clone(),
                encoder: encoder_id.to_string(),
            }),
            Some(_) => Ok(()),
        }
    }

    /// The model to score a pair with: this one, unless it is deep and the pair has no vectors
    /// (then the shipped lexical model).
    pub fn for_pair(&self, has_vectors: bool) -> &PairModel {
        if self.is_deep() && !has_vectors {
            PairModel::builtin()
        } else {
            self
        }
    }

    /// Similarity on the task's scale: 1 (same story) … 4 (unrelated).
    pub fn similarity(&self, x: &[f64]) -> f64 {
        self.linear.predict(x).clamp(1.0, 4.0)
    }

    /// Probability that the two articles report the same story (human "overall" ≤ 2), from the
    /// similarity through the fitted logistic curve.
    pub fn same_story(&self, x: &[f64]) -> f64 {
        let s = self.similarity(x);
        let (a, b) = self.same_story_logit;
        1.0 / (1.0 + (-(a + b * s)).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_matches_features() {
        let m = PairModel::builtin();
        assert!(m.is_consistent() && !m.is_deep());
        if let Some(d) = PairModel::builtin_deep() {
            assert!(d.is_consistent() && d.is_deep());
        }
        assert_eq!(m.features, FEATURE_NAMES);
        assert_eq!(m.linear.coef.len(), FEATURE_NAMES.len());
        let a = Fingerprint::of_text(
            "Eight police officers were killed in Almaty, the ministry said.",
            None,
        );
        let b = Fingerprint::of_text(
            "The ministry said eight police officers were killed in Almaty.",
            None,
        );
        let c = Fingerprint::of_text("Bundesliga: Bayern gewinnt gegen Dortmund mit 3:1.", None);
        let mut v = vec![a, b, c];
        crate::fingerprint::prepare_all(&mut v);
        let same = m.similarity(&features(&v[0], &v[1]));
        let diff = m.similarity(&features(&v[0], &v[2]));
        assert!(same < diff, "{same} vs {diff}");
    }
}
