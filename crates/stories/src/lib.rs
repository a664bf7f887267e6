//! Stories: which articles report the same event (across outlets and languages), which are
//! reposts or translations of others, and what each outlet claims compared with the rest.
//!
//! Pipeline, all linear or near-linear in the number of articles:
//! 1. [`fingerprint`]: one pass per article gives folded (transliterated) words, character
//!    n-grams, name keys, figures and a MinHash signature.
//! 2. [`cluster`]: candidate pairs come only from inverted indexes over rare keys (names,
//!    figures, MinHash bands), are scored by [`similarity`], and linked into stories. In the deep
//!    tier, [`embedding`] vectors add [`neighbours`] as candidates and embedding features to the
//!    pair model, so reports that share no words (across languages) can link.
//! 3. [`reposts`]: near-duplicates and translations inside a story are linked to their original.
//! 4. [`claims`] and [`compare`]: figures, quotes and actors per article; corroborated,
//!    single-source and conflicting claims per story, and outlet persuasion profiles.
//!
//! See `docs/stories.md` for the method and its limits.

pub mod actors;
pub mod aliases;
pub mod claims;
pub mod cluster;
pub mod compare;
pub mod embedding;
pub mod fasthash;
pub mod fingerprint;
pub mod fit;
pub mod neighbours;
pub mod numbers;
pub mod outlet;
pub mod pairs;
pub mod pairwise;
pub mod reposts;
pub mod similarity;
pub mod story;
pub mod text;
pub mod translit;
