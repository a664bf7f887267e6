//! Analysis: genre, framing and paragraph-level persuasion techniques, each with a calibrated
//! confidence and the cue terms that drove it.
//!
//! - [`features`]: hashed word, bigram, character n-gram, context and shape features (the seam
//!   where other tiers plug in);
//! - [`repeats`]: article-wide repetition cues of each paragraph;
//! - [`linear`]: multi-label and multinomial logistic regression over those features;
//! - [`stack`]: a second stage that re-scores techniques from first-stage scores in context;
//! - [`calibrate`]: thresholds and class offsets fitted on cross-validated predictions;
//! - [`model`]: the shipped model, its binary file format and [`Model::analyze`];
//! - [`train`]: the training pipeline behind `newsprism train`;
//! - [`evaluate`] and [`metrics`]: the task's official scores, behind `newsprism eval`;
//! - [`langid`]: language identification;
//! - [`deep`]: the deep tier's inputs: paragraph embeddings as dense feature slots.

pub mod calibrate;
pub mod deep;
pub mod evaluate;
pub mod features;
mod hash;
pub mod langid;
pub mod linear;
pub mod metrics;
pub mod model;
pub mod repeats;
pub mod spans;
pub mod stack;
pub mod text;
pub mod train;

pub use metrics::Scores;
pub use model::{Model, ModelError, ModelMeta};
pub use train::{train, train_deep, DeepInput, TrainOptions};
