//! The encoder as an [`Embedder`]: locate, load, embed.

use std::path::Path;

use newsprism_core::{EmbedError, Embedder};

use crate::EncoderError;

/// multilingual-e5-small, loaded from a model directory.
pub struct E5Encoder {
    id: String,
}

impl E5Encoder {
    /// Finds the model (see [`crate::install::locate`]) and loads it.
    pub fn open(dir: Option<&Path>) -> Result<Self, EncoderError> {
        let dir = crate::install::locate(dir)?;
        Self::load(&dir.join(crate::install::WEIGHTS_FILE))
    }

    /// Loads a weights file.
    pub fn load(path: &Path) -> Result<Self, EncoderError> {
        Err(EncoderError::bad(
            path,
            "the inference engine is not built yet (work in progress)",
        ))
    }
}

impl Embedder for E5Encoder {
    fn id(&self) -> &str {
        &self.id
    }

    fn dim(&self) -> usize {
        384
    }

    fn embed(&self, _texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        Err(EmbedError("not built yet".into()))
    }
}
