//! What the analysers say about an article: the stable output schema (see `docs/output-schema.md`).

use serde::{Deserialize, Serialize};

use crate::{Attribution, Lang, RemovedLine};

/// One predicted label with the evidence an analyst needs to check it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Prediction {
    /// The task's spelling of the label (`Loaded_Language`, `Political`, `opinion`).
    pub label: String,
    /// Calibrated probability-like score in `[0, 1]`.
    pub confidence: f32,
    /// Terms present in the text that pushed most towards this label, strongest first.
    pub cues: Vec<String>,
}

/// Detected language with the detector's confidence.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LangGuess {
    /// `None` when the text is too short or mixed to tell.
    pub code: Option<Lang>,
    pub confidence: f32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ParagraphAnalysis {
    /// 1-based line number in the source.
    pub line: u32,
    pub text: String,
    pub techniques: Vec<Prediction>,
}

/// The full analysis of one article.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ArticleAnalysis {
    pub id: String,
    pub path: String,
    pub lang: LangGuess,
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub word_count: usize,
    pub genre: Prediction,
    /// Genre probabilities for all three genres, for downstream use and display.
    pub genre_scores: Vec<Prediction>,
    pub frames: Vec<Prediction>,
    /// Every non-empty line, including those without techniques, in line order.
    pub paragraphs: Vec<ParagraphAnalysis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<RemovedLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

impl ArticleAnalysis {
    /// Techniques per 1,000 words: the density figure used in outlet profiles.
    pub fn technique_density(&self) -> f32 {
        let n: usize = self.paragraphs.iter().map(|p| p.techniques.len()).sum();
        if self.word_count == 0 {
            0.0
        } else {
            n as f32 * 1000.0 / self.word_count as f32
        }
    }
}
