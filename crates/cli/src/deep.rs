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
    /// The encoder when `--deep` was given, `None` otherwise: plain sentence vectors (stories,
    /// pairs).
    pub fn embedder(&self) -> anyhow::Result<Option<Arc<dyn Embedder>>> {
        self.embedder_pooling(&[])
    }

    /// Whether `--deep` was given, failing (with how to install it) when the encoder is not on
    /// disk: cheap, so callers can check it before loading anything else.
    pub fn requested(&self) -> anyhow::Result<bool> {
        if self.deep {
            locate(self.model_dir.as_deref())?;
        }
        Ok(self.deep)
    }

    /// As [`DeepArgs::embedder`], with the pooled states of `extra_layers` after the final
    /// layer's in every vector (what a deep analysis model asks for in its header).
    pub fn embedder_pooling(
        &self,
        extra_layers: &[usize],
    ) -> anyhow::Result<Option<Arc<dyn Embedder>>> {
        if !self.deep {
            return Ok(None);
        }
        self.open_pooling(extra_layers).map(Some)
    }

    /// The encoder of `--model-dir` pooling `extra_layers`, whether or not `--deep` was given
    /// (for callers that have checked [`DeepArgs::requested`]).
    pub fn open_pooling(&self, extra_layers: &[usize]) -> anyhow::Result<Arc<dyn Embedder>> {
        open(self.model_dir.as_deref(), extra_layers)
    }
}

#[cfg(feature = "deep")]
fn open(
    dir: Option<&std::path::Path>,
    extra_layers: &[usize],
) -> anyhow::Result<Arc<dyn Embedder>> {
    let enc = newsprism_encoder::E5Encoder::open(dir)?.with_pooled_layers(extra_layers)?;
    Ok(Arc::new(enc))
}

#[cfg(feature = "deep")]
fn locate(dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    newsprism_encoder::install::locate(dir)?;
    Ok(())
}

#[cfg(not(feature = "deep"))]
fn locate(dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    open(dir, &[]).map(|_| ())
}

#[cfg(not(feature = "deep"))]
fn open(
    _dir: Option<&std::path::Path>,
    _extra_layers: &[usize],
) -> anyhow::Result<Arc<dyn Embedder>> {
    anyhow::bail!(
        "this newsprism was built without the deep tier; rebuild with \
         `cargo build --release --features deep` (it is on by default) and run scripts/setup-encoder.sh"
    )
}
