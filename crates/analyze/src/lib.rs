//! Analysis: genre, framing and paragraph-level persuasion techniques, with cue terms.
//!
//! (Work in progress: the model lands in the next commits.)

use newsprism_core::{Article, ArticleAnalysis};

/// A trained model. `Model::analyze` is the one entry point the rest of newsprism uses.
pub struct Model {
    _private: (),
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("no model available: {0}")]
    Missing(String),
}

impl Model {
    /// The model shipped inside the binary.
    pub fn load_default() -> Result<Model, ModelError> {
        Err(ModelError::Missing("not built yet".into()))
    }

    /// Analyses one article.
    pub fn analyze(&self, _article: &Article) -> ArticleAnalysis {
        unimplemented!("model lands in the next commit")
    }
}
