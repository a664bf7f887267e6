//! Linear models over hashed sparse features: training and scoring.
//!
//! Written by hand rather than taken from linfa/smartcore because those take dense matrices (our
//! feature space has 2^18 columns and ~1,500 non-zeros per paragraph) and because all labels of a
//! head are trained in one pass: weights are stored feature-major (`w[feature * labels + label]`),
//! so one example's update touches a few contiguous rows, which keeps training of 23 techniques on
//! 17k paragraphs to seconds.

use crate::features::SparseVec;

/// How the labels of a head relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Loss {
    /// Independent labels (multi-label): one logistic regression per label.
    Binary,
    /// Exactly one label per example: multinomial logistic regression.
    Softmax,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq)]
#[serde(default)]
pub struct TrainConfig {
    pub epochs: usize,
    /// Base learning rate; each feature's rate decays with how often it has been seen (AdaGrad on
    /// feature frequency), so rare but telling n-grams still move.
    pub lr: f32,
    /// L2 penalty applied to the rows an example touches.
    pub l2: f32,
    /// Positive examples of rare labels are up-weighted by `min(cap, sqrt(neg/pos))`.
    pub pos_weight_cap: f32,
    /// Return the average of the weights after each epoch of the second half of training rather
    /// than the last weights: smooths out the noise of the final SGD steps.
    pub average: bool,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            lr: 0.5,
            l2: 1e-5,
            pos_weight_cap: 3.0,
            average: true,
            seed: 42,
        }
    }
}

/// A trained linear head in full precision.
#[derive(Clone, Debug)]
pub struct LinearHead {
    pub labels: usize,
    pub dim: usize,
    pub loss: Loss,
    pub w: Vec<f32>,
    pub b: Vec<f32>,
}

impl LinearHead {
    /// Raw scores (logits) into `out` (length `labels`).
    pub fn scores(&self, x: &SparseVec, out: &mut [f32]) {
        scores_over(&self.w, self.labels, self.labels, &self.b, x, out);
    }
}

/// Logits of `x` over a feature-major table whose rows are `stride` floats apart and begin
/// with the `labels` weights: the compact table of [`LinearHead`] and the padded one training
/// updates ([`TrainRows`]) score alike. Inlined so that constant `stride` and `labels` unroll.
#[inline(always)]
fn scores_over(
    table: &[f32],
    stride: usize,
    labels: usize,
    b: &[f32],
    x: &SparseVec,
    out: &mut [f32],
) {
    out.copy_from_slice(&b[..labels]);
    for (k, (&i, &v)) in x.idx.iter().zip(&x.val).enumerate() {
        if let Some(&ahead) = x.idx.get(k + PREFETCH_AHEAD) {
            prefetch_row(table, ahead as usize * stride, stride);
        }
        let at = i as usize * stride;
        for (o, &wv) in out.iter_mut().zip(&table[at..at + labels]) {
            *o += v * wv;
        }
    }
}

/// How many features ahead [`LinearHead::scores`] asks for a weight row. A paragraph touches
/// ~1,500 rows scattered over a table of tens of megabytes, so scoring waits on memory, not on
/// arithmetic; asking for each row a few features before it is needed overlaps those waits
/// (training, which scores every example before updating it, ran 95 s -> see docs/analysis.md).
pub(crate) const PREFETCH_AHEAD: usize = 16;

/// Hints the CPU to fetch the weight row starting at `start` (`len` weights) into cache. A hint
/// only: it cannot fault and does not change any result. No crate offers a portable prefetch,
/// hence the intrinsic; on other architectures this does nothing.
#[inline(always)]
pub(crate) fn prefetch_row<T>(w: &[T], start: usize, len: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let base = w.as_ptr().wrapping_add(start).cast::<i8>();
        let bytes = len * std::mem::size_of::<T>();
        // Every cache line the row touches: its first byte, each 64 bytes on, and its last.
        for off in (0..bytes)
            .step_by(64)
            .chain(std::iter::once(bytes.saturating_sub(1)))
        {
            // SAFETY: prefetching is a hint; it never dereferences the address in a way that
            // can fault, whatever the pointer.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(base.wrapping_add(off)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (w, start, len);
}

/// Turns logits into probabilities in place.
pub fn activate(loss: Loss, z: &mut [f32]) {
    match loss {
        Loss::Binary => z.iter_mut().for_each(|v| *v = sigmoid(*v)),
        Loss::Softmax => {
            let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let mut sum = 0.0;
            for v in z.iter_mut() {
                *v = (*v - m).exp();
                sum += *v;
            }
            z.iter_mut().for_each(|v| *v /= sum);
        }
    }
}

#[inline]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Trains a head. `ys[i]` is a bitmask of example `i`'s labels (for `Softmax`, exactly one bit).
pub fn train(
    xs: &[&SparseVec],
    ys: &[u32],
    labels: usize,
    dim: usize,
    loss: Loss,
    cfg: &TrainConfig,
) -> LinearHead {
    train_weighted(xs, ys, None, labels, dim, loss, cfg)
}

/// As [`train`], with a weight per example (e.g. to balance languages).
pub fn train_weighted(
    xs: &[&SparseVec],
    ys: &[u32],
    weights: Option<&[f32]>,
    labels: usize,
    dim: usize,
    loss: Loss,
    cfg: &TrainConfig,
) -> LinearHead {
    assert_eq!(xs.len(), ys.len());
    let (pos_w, mut b) = label_priors(ys, labels, loss, cfg);
    let mut rows = TrainRows::new(labels, dim);
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut rng = cfg.seed | 1;
    let avg_from = cfg.epochs / 2;
    let mut avg: Option<(Vec<f32>, Vec<f32>, f32)> = None;
    let sgd = Sgd {
        xs,
        ys,
        weights,
        pos_w: &pos_w,
        loss,
        cfg,
    };
    for epoch in 0..cfg.epochs {
        shuffle(&mut order, &mut rng);
        // With the label count and row length constants, the compiler unrolls the row loops that
        // are nearly all of training's arithmetic; the operations and their order are the same.
        use newsprism_core::{Frame, Genre, Technique};
        const T: usize = Technique::COUNT;
        const F: usize = Frame::COUNT;
        const G: usize = Genre::COUNT;
        match labels {
            T => sgd.epoch::<T, { row_stride(T) }>(&order, &mut b, &mut rows),
            F => sgd.epoch::<F, { row_stride(F) }>(&order, &mut b, &mut rows),
            G => sgd.epoch::<G, { row_stride(G) }>(&order, &mut b, &mut rows),
            _ => sgd.epoch::<0, 0>(&order, &mut b, &mut rows),
        }
        if cfg.average && epoch >= avg_from {
            let (aw, ab, n) =
                avg.get_or_insert_with(|| (vec![0.0; dim * labels], vec![0.0; labels], 0.0));
            rows.add_weights_to(aw);
            ab.iter_mut().zip(&b).for_each(|(a, b)| *a += b);
            *n += 1.0;
        }
    }
    let w = match avg {
        Some((mut aw, ab, n)) => {
            aw.iter_mut().for_each(|a| *a /= n);
            b = ab.iter().map(|a| a / n).collect();
            aw
        }
        None => {
            let mut w = vec![0.0; dim * labels];
            rows.add_weights_to(&mut w);
            w
        }
    };
    LinearHead {
        labels,
        dim,
        loss,
        w,
        b,
    }
}

/// From the label frequencies: each label's weight on its positive examples (rare labels of a
/// binary head up-weighted, up to `pos_weight_cap`) and the initial biases (log-odds, or
/// log-priors for softmax), so SGD starts from the base rates.
fn label_priors(ys: &[u32], labels: usize, loss: Loss, cfg: &TrainConfig) -> (Vec<f32>, Vec<f32>) {
    let n = ys.len().max(1) as f32;
    let mut pos = vec![0f32; labels];
    for &y in ys {
        for (l, p) in pos.iter_mut().enumerate() {
            if y & (1 << l) != 0 {
                *p += 1.0;
            }
        }
    }
    let pos_w = pos
        .iter()
        .map(|&p| match loss {
            Loss::Binary if p > 0.0 => ((n - p) / p).sqrt().clamp(1.0, cfg.pos_weight_cap),
            _ => 1.0,
        })
        .collect();
    let b = pos
        .iter()
        .map(|&p| {
            let p = ((p + 0.5) / (n + 1.0)).clamp(1e-4, 1.0 - 1e-4);
            match loss {
                Loss::Binary => (p / (1.0 - p)).ln(),
                Loss::Softmax => p.ln(),
            }
        })
        .collect();
    (pos_w, b)
}

/// What every SGD step of one training run reads.
struct Sgd<'a> {
    xs: &'a [&'a SparseVec],
    ys: &'a [u32],
    weights: Option<&'a [f32]>,
    /// Each label's weight on its positive examples.
    pos_w: &'a [f32],
    loss: Loss,
    cfg: &'a TrainConfig,
}

impl Sgd<'_> {
    /// One pass over the examples in `order`, updating the biases `b` and the weight rows. `L`
    /// and `S` are the label count and [`row_stride`] where the caller knows them at compile
    /// time, else 0 (read from `rows`).
    fn epoch<const L: usize, const S: usize>(
        &self,
        order: &[usize],
        b: &mut [f32],
        rows: &mut TrainRows,
    ) {
        let labels = if L > 0 { L } else { rows.labels };
        let stride = if S > 0 { S } else { rows.stride };
        debug_assert_eq!((labels, stride), (rows.labels, rows.stride));
        let cfg = self.cfg;
        let bias_lr = cfg.lr * 0.05;
        let mut z = vec![0f32; labels];
        let mut g = vec![0f32; labels];
        let (z, g) = (&mut z[..labels], &mut g[..labels]);
        let table = rows.table_mut();
        for &i in order {
            let x = self.xs[i];
            let y = self.ys[i];
            let ew = self.weights.map_or(1.0, |w| w[i]);
            scores_over(table, stride, labels, b, x, z);
            activate(self.loss, z);
            let mut any = false;
            for l in 0..labels {
                let target = if y & (1 << l) != 0 { 1.0 } else { 0.0 };
                let wgt = if target > 0.0 { self.pos_w[l] } else { 1.0 };
                g[l] = (z[l] - target) * wgt * ew;
                any |= g[l].abs() > 1e-4;
            }
            if !any {
                continue;
            }
            for (gl, bl) in g.iter().zip(b.iter_mut()) {
                *bl -= bias_lr * gl;
            }
            for (&fi, &v) in x.idx.iter().zip(&x.val) {
                // Scoring has just brought the row, its count included, into cache.
                let f = fi as usize;
                let (row, seen) = table[f * stride..f * stride + labels + 1].split_at_mut(labels);
                let seen = &mut seen[0];
                *seen += v * v;
                let eta = cfg.lr / (1.0 + *seen).sqrt();
                for (wv, &gl) in row.iter_mut().zip(g.iter()) {
                    *wv -= eta * (gl * v + cfg.l2 * *wv);
                }
            }
        }
    }
}

/// How many floats a feature's row takes while training: its label weights, its AdaGrad count,
/// and padding so that 64-byte-aligned rows touch as few cache lines as their size allows. Up to
/// 16 floats a power of two (a line holds whole rows: 3 genres + count = 4, 14 frames + count =
/// 16), beyond that whole half lines (23 techniques + count = 24 floats, always two lines).
const fn row_stride(labels: usize) -> usize {
    if labels < 16 {
        (labels + 1).next_power_of_two()
    } else {
        (labels + 1).div_ceil(8) * 8
    }
}

/// The weights while a head trains. Training waits on memory: each example reads and then
/// updates the rows of its ~1,500 features, scattered over a table of megabytes. Compact rows of
/// 23 floats straddle three cache lines 40 % of the time, and each feature's count, in an array
/// of its own, cost one more line; padded rows with the count inside cost two lines at most
/// (about a tenth less CPU time in training, docs/speed.md). The arithmetic is [`LinearHead`]'s, in the same order, so the trained
/// head is bit for bit the one a compact table gives (test below).
struct TrainRows {
    buf: Vec<f32>,
    /// Where the first 64-byte-aligned float of `buf` is.
    start: usize,
    stride: usize,
    labels: usize,
    dim: usize,
}

impl TrainRows {
    fn new(labels: usize, dim: usize) -> Self {
        let stride = row_stride(labels);
        let buf = vec![0f32; stride * dim + 16];
        // Before the first write (the zeroed pages are not yet faulted in).
        advise_huge_pages(&buf);
        // A float pointer is 4-byte aligned, so at most 15 floats from a 64-byte boundary.
        let start = buf.as_ptr().align_offset(64).min(15);
        TrainRows {
            buf,
            start,
            stride,
            labels,
            dim,
        }
    }

    fn table(&self) -> &[f32] {
        &self.buf[self.start..self.start + self.stride * self.dim]
    }

    fn table_mut(&mut self) -> &mut [f32] {
        &mut self.buf[self.start..self.start + self.stride * self.dim]
    }

    /// Adds the weights, feature-major without the counts, to `acc` (`dim * labels` long).
    fn add_weights_to(&self, acc: &mut [f32]) {
        let l = self.labels;
        for (a, row) in acc
            .chunks_exact_mut(l)
            .zip(self.table().chunks_exact(self.stride))
        {
            a.iter_mut().zip(&row[..l]).for_each(|(a, w)| *a += w);
        }
    }
}

/// Asks Linux to back a large table with 2 MB pages. Rows are read at random over megabytes,
/// so with 4 KB pages nearly every row also misses the address-translation cache; most
/// distributions enable transparent huge pages only for memory that asks (`madvise`).
/// Must run before the table is first written (the zeroed pages are not yet faulted in). A hint:
/// where it is refused or unknown, nothing changes but speed.
fn advise_huge_pages<T>(table: &[T]) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = table.as_ptr() as usize;
        let end = start + std::mem::size_of_val(table);
        let (from, to) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
        if to > from {
            // SAFETY: the range lies inside `table`'s allocation and MADV_HUGEPAGE changes only how
            // it is backed, never its contents.
            unsafe { libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = table;
}

/// Fisher–Yates with xorshift: deterministic across platforms for reproducible models.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv(pairs: &[(u32, f32)]) -> SparseVec {
        SparseVec {
            idx: pairs.iter().map(|p| p.0).collect(),
            val: pairs.iter().map(|p| p.1).collect(),
        }
    }

    /// The old training loop over a compact table (`w[f * labels + l]`, counts in their own
    /// array), from the same examples, label weights and initial biases: the padded rows of
    /// [`TrainRows`] must give exactly its weights.
    fn train_compact(sgd: &Sgd, labels: usize, dim: usize, b: Vec<f32>) -> (Vec<f32>, Vec<f32>) {
        let Sgd {
            xs,
            ys,
            weights,
            pos_w,
            loss,
            cfg,
        } = *sgd;
        let mut head = LinearHead {
            labels,
            dim,
            loss,
            w: vec![0.0; dim * labels],
            b,
        };
        let mut seen = vec![0f32; dim];
        let mut order: Vec<usize> = (0..xs.len()).collect();
        let mut rng = cfg.seed | 1;
        let (mut z, mut g) = (vec![0f32; labels], vec![0f32; labels]);
        let mut avg: Option<(Vec<f32>, Vec<f32>, f32)> = None;
        for epoch in 0..cfg.epochs {
            shuffle(&mut order, &mut rng);
            for &i in &order {
                head.scores(xs[i], &mut z);
                activate(loss, &mut z);
                let mut any = false;
                for l in 0..labels {
                    let target = if ys[i] & (1 << l) != 0 { 1.0 } else { 0.0 };
                    let wgt = if target > 0.0 { pos_w[l] } else { 1.0 };
                    g[l] = (z[l] - target) * wgt * weights.map_or(1.0, |w| w[i]);
                    any |= g[l].abs() > 1e-4;
                }
                if !any {
                    continue;
                }
                for (gl, bl) in g.iter().zip(head.b.iter_mut()) {
                    *bl -= cfg.lr * 0.05 * gl;
                }
                for (&fi, &v) in xs[i].idx.iter().zip(&xs[i].val) {
                    let f = fi as usize;
                    seen[f] += v * v;
                    let eta = cfg.lr / (1.0 + seen[f]).sqrt();
                    let row = &mut head.w[f * labels..(f + 1) * labels];
                    for (wv, &gl) in row.iter_mut().zip(&g) {
                        *wv -= eta * (gl * v + cfg.l2 * *wv);
                    }
                }
            }
            if cfg.average && epoch >= cfg.epochs / 2 {
                let (aw, ab, n) =
                    avg.get_or_insert_with(|| (vec![0.0; head.w.len()], vec![0.0; labels], 0.0));
                aw.iter_mut().zip(&head.w).for_each(|(a, w)| *a += w);
                ab.iter_mut().zip(&head.b).for_each(|(a, b)| *a += b);
                *n += 1.0;
            }
        }
        match avg {
            Some((aw, ab, n)) => (
                aw.iter().map(|a| a / n).collect(),
                ab.iter().map(|a| a / n).collect(),
            ),
            None => (head.w, head.b),
        }
    }

    #[test]
    fn padded_rows_train_the_compact_tables_weights() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let example = (
            prop::collection::vec((0u32..40, -2.0f32..2.0), 1..12),
            any::<u32>(),
            0.2f32..2.0,
        );
        let case = (
            prop::sample::select(vec![1usize, 3, 14, 15, 16, 23, 24]),
            prop::collection::vec(example, 1..40),
            any::<bool>(),
            any::<bool>(),
            1usize..6,
        );
        let mut runner = TestRunner::new(Config::with_cases(200));
        runner
            .run(&case, |(labels, data, softmax, average, epochs)| {
                let loss = if softmax && labels > 1 {
                    Loss::Softmax
                } else {
                    Loss::Binary
                };
                let xs: Vec<SparseVec> = data.iter().map(|(pairs, _, _)| sv(pairs)).collect();
                let xr: Vec<&SparseVec> = xs.iter().collect();
                let ys: Vec<u32> = data
                    .iter()
                    .map(|&(_, y, _)| match loss {
                        Loss::Softmax => 1 << (y as usize % labels),
                        Loss::Binary => y & ((1u32 << labels) - 1),
                    })
                    .collect();
                let ws: Vec<f32> = data.iter().map(|d| d.2).collect();
                let cfg = TrainConfig {
                    epochs,
                    average,
                    l2: 1e-2,
                    ..TrainConfig::default()
                };
                let head = train_weighted(&xr, &ys, Some(&ws), labels, 40, loss, &cfg);
                let (pos_w, b0) = label_priors(&ys, labels, loss, &cfg);
                let sgd = Sgd {
                    xs: &xr,
                    ys: &ys,
                    weights: Some(&ws),
                    pos_w: &pos_w,
                    loss,
                    cfg: &cfg,
                };
                let (w, b) = train_compact(&sgd, labels, 40, b0);
                let bits = |v: &[f32]| v.iter().map(|x| (x + 0.0).to_bits()).collect::<Vec<_>>();
                prop_assert_eq!(bits(&head.w), bits(&w));
                prop_assert_eq!(bits(&head.b), bits(&b));
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn learns_separable_labels() {
        // Feature 1 means label 0, feature 2 means label 1, feature 3 means neither.
        let data: Vec<(SparseVec, u32)> = (0..200)
            .map(|i| match i % 4 {
                0 => (sv(&[(1, 1.0)]), 0b01),
                1 => (sv(&[(2, 1.0)]), 0b10),
                2 => (sv(&[(1, 1.0), (2, 1.0)]), 0b11),
                _ => (sv(&[(3, 1.0)]), 0b00),
            })
            .collect();
        let xs: Vec<&SparseVec> = data.iter().map(|d| &d.0).collect();
        let ys: Vec<u32> = data.iter().map(|d| d.1).collect();
        let head = train(&xs, &ys, 2, 8, Loss::Binary, &TrainConfig::default());
        let mut z = [0f32; 2];
        head.scores(&sv(&[(1, 1.0)]), &mut z);
        activate(Loss::Binary, &mut z);
        assert!(z[0] > 0.8 && z[1] < 0.3, "{z:?}");
        head.scores(&sv(&[(3, 1.0)]), &mut z);
        activate(Loss::Binary, &mut z);
        assert!(z[0] < 0.3 && z[1] < 0.3, "{z:?}");
    }

    #[test]
    fn softmax_sums_to_one_and_separates() {
        let data: Vec<(SparseVec, u32)> = (0..90)
            .map(|i| (sv(&[(i % 3, 1.0)]), 1 << (i % 3)))
            .collect();
        let xs: Vec<&SparseVec> = data.iter().map(|d| &d.0).collect();
        let ys: Vec<u32> = data.iter().map(|d| d.1).collect();
        let head = train(&xs, &ys, 3, 4, Loss::Softmax, &TrainConfig::default());
        let mut z = [0f32; 3];
        head.scores(&sv(&[(2, 1.0)]), &mut z);
        activate(Loss::Softmax, &mut z);
        assert!((z.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        assert!(z[2] > 0.7, "{z:?}");
    }
}
