//! `--deep` and `--model-dir`, shared by every subcommand that can use the encoder.
//!
//! The encoder engine is behind the `deep` cargo feature (on by default). Without the feature, or
//! without a model on disk, asking for `--deep` fails with a message that says exactly what to do,
//! and everything else keeps working on the linear tier.

use std::path::PathBuf;
use std::sync::Arc;

use newsprism_core::Embedder;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct DeepArgs {
    /// Also use the multilingual-e5-small encoder (the deep tier). Needs the model on disk:
    /// run `newsprism model pull` once (or, offline, scripts/setup-encoder.sh or `newsprism
    /// model import`).
    #[arg(long)]
    pub deep: bool,
    /// Directory holding the encoder (`e5-small-q4.bin`) [default: $NEWSPRISM_MODEL_DIR, then
    /// ~/.cache/newsprism/multilingual-e5-small].
    #[arg(long, value_name = "DIR")]
    pub model_dir: Option<PathBuf>,
}

impl DeepArgs {
    /// The encoder when `--deep` was given, `None` otherwise.
    pub fn embedder(&self) -> anyhow::Result<Option<Arc<dyn Embedder>>> {
        if !self.deep {
            return Ok(None);
        }
        open(self.model_dir.as_deref()).map(Some)
    }
}

#[cfg(feature = "deep")]
fn open(dir: Option<&std::path::Path>) -> anyhow::Result<Arc<dyn Embedder>> {
    let enc = newsprism_encoder::E5Encoder::open(dir)?;
    Ok(Arc::new(enc))
}

#[cfg(not(feature = "deep"))]
fn open(_dir: Option<&std::path::Path>) -> anyhow::Result<Arc<dyn Embedder>> {
    anyhow::bail!(
        "this newsprism was built without the deep tier; rebuild with \
         `cargo build --release --features deep` (it is on by default) and run scripts/setup-encoder.sh"
    )
}
