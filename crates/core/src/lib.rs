//! Shared vocabulary of the newsprism pipeline.
//!
//! Every stage (ingest → clean → analyse → stories → store → serve) speaks in these types, so they
//! live in one small crate that everything else depends on and that depends on nothing heavy.
//!
//! - [`Article`]: one news article as read from disk, stdin or the network, with its lines numbered
//!   exactly as in the source file (the SemEval task annotates lines, not sentences).
//! - [`Lang`]: a validated ISO 639-1 code.
//! - [`Genre`], [`Frame`], [`Technique`]: the closed label sets of SemEval-2023 Task 3, and
//!   [`LabelSet`], a bitset over them.
//! - [`analysis`]: the result types that the CLI prints, the store keeps and the server shows.
//! - [`embed`]: the [`Embedder`] capability the deep tier provides (sentence vectors).
//! - [`files`]: replacing cache files safely (never renaming over a device or a link).

pub mod analysis;
pub mod article;
pub mod embed;
pub mod files;
pub mod labels;
pub mod lang;
pub mod text;

pub use analysis::{ArticleAnalysis, LangGuess, ParagraphAnalysis, Prediction};
pub use article::{Article, Attribution, RemovedLine};
pub use embed::{EmbedError, Embedder};
pub use labels::{Frame, Genre, Label, LabelSet, Technique};
pub use lang::Lang;
