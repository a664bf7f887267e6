//! Errors of the encoder, each naming the file and what is wrong with it.

use std::path::PathBuf;

/// Why the encoder could not be opened or run.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    /// No model where we looked; the message says how to get one.
    #[error("{}", crate::install::not_installed_help(.searched))]
    NotInstalled {
        /// Every directory that was tried, in order.
        searched: Vec<PathBuf>,
    },
    /// The file exists but is not a model we can run.
    #[error("{path}: {problem}")]
    BadModel { path: PathBuf, problem: String },
    /// A layer was asked for ([`crate::E5Encoder::with_pooled_layers`]) that the model lacks.
    #[error("layer {layer} cannot be pooled: the encoder has layers 1 to {layers}")]
    NoSuchLayer { layer: usize, layers: usize },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl EncoderError {
    pub(crate) fn bad(path: impl Into<PathBuf>, problem: impl Into<String>) -> Self {
        EncoderError::BadModel {
            path: path.into(),
            problem: problem.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        EncoderError::Io {
            path: path.into(),
            source,
        }
    }
}
