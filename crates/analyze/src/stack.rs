//! Second-stage ("stacked") technique scoring from first-stage probabilities in context.
//!
//! The lexical head judges each paragraph alone. Annotators judged paragraphs in context: a
//! paragraph next to name-calling is more likely name-calling too, techniques co-occur (loaded
//! language with name calling, doubt with questioning the reputation), and articles differ a lot in
//! how densely they were annotated. A small dense model over the first-stage probabilities of the
//! paragraph, its neighbours and the article mean, plus the article's genre, captures all three.

use newsprism_core::Technique;

use crate::features::SparseVec;

const T: usize = Technique::COUNT;
/// Width of the stacked feature space.
pub const STACK_DIM: usize = 128;

const OWN: usize = 0;
const PREV: usize = T;
const NEXT: usize = 2 * T;
const MEAN: usize = 3 * T;
const MAX: usize = 4 * T;
const GENRE: usize = 5 * T;
const IS_TITLE: usize = GENRE + 3;
const FIRST: usize = IS_TITLE + 1;
const LAST: usize = FIRST + 1;
const BIAS: usize = LAST + 1;
const _: () = assert!(BIAS < STACK_DIM);

/// Stage-2 features of line `k`, given the stage-1 probabilities of all lines of its article.
pub fn stack_features(
    p1: &[[f32; T]],
    k: usize,
    genre: &[f32],
    is_title: bool,
    out: &mut SparseVec,
) {
    out.idx.clear();
    out.val.clear();
    let n = p1.len();
    let mut dense = [0f32; STACK_DIM];
    dense[OWN..OWN + T].copy_from_slice(&p1[k]);
    if k > 0 {
        dense[PREV..PREV + T].copy_from_slice(&p1[k - 1]);
    }
    if k + 1 < n {
        dense[NEXT..NEXT + T].copy_from_slice(&p1[k + 1]);
    }
    for row in p1 {
        for l in 0..T {
            dense[MEAN + l] += row[l] / n as f32;
            dense[MAX + l] = dense[MAX + l].max(row[l]);
        }
    }
    dense[GENRE..GENRE + 3].copy_from_slice(&genre[..3]);
    dense[IS_TITLE] = f32::from(is_title);
    dense[FIRST] = f32::from(k == 0);
    dense[LAST] = f32::from(k + 1 == n);
    dense[BIAS] = 1.0;
    for (i, &v) in dense.iter().enumerate() {
        if v != 0.0 {
            out.idx.push(i as u32);
            out.val.push(v);
        }
    }
}
