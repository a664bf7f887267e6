//! The encoder's element-wise float work (layer norm, GELU, softmax), written branch-free so the
//! compiler vectorises it, and compiled twice: baseline and AVX2+FMA, picked at run time.
//!
//! `std` has no `erf`, and a scalar libm call per element would cost as much as the matrix
//! products, hence the polynomial approximations here (errors far below int8 quantisation noise).

/// `exp(x)` for x in [−87, 88], relative error < 2e-7: 2ⁿ · p(r) with r in [−ln2/2, ln2/2].
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    // Comparisons rather than `clamp`: they vectorise, and NaN becomes −87 instead of UB below.
    let x = if x >= -87.0 { x } else { -87.0 };
    let x = if x <= 88.0 { x } else { 88.0 };
    let n = (x * std::f32::consts::LOG2_E).round_ties_even();
    let r = n.mul_add(-1.428_606_8e-6, n.mul_add(-0.693_145_75, x));
    let p = r.mul_add(0.001_393_7, 0.008_333_45);
    let p = r.mul_add(p, 0.041_666_03);
    let p = r.mul_add(p, 0.166_666_67);
    let p = r.mul_add(p, 0.5);
    let p = r.mul_add(p, 1.0);
    let p = r.mul_add(p, 1.0);
    // SAFETY: n is an integer in [−126, 127] because x was clamped above.
    let e = unsafe { n.to_int_unchecked::<i32>() };
    f32::from_bits(((e + 127) as u32) << 23) * p
}

/// `erf(x)`, Abramowitz–Stegun 7.1.26 (absolute error < 1.5e-7).
#[inline(always)]
pub fn erf(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let p = t.mul_add(1.061_405_4, -1.453_152_1);
    let p = t.mul_add(p, 1.421_413_7);
    let p = t.mul_add(p, -0.284_496_74);
    let p = t.mul_add(p, 0.254_829_6);
    let y = 1.0 - p * t * exp(-a * a);
    y.copysign(x)
}

/// Lanes of the reduction helpers: float reductions only vectorise when written lane-wise
/// (the compiler may not reassociate a plain `sum += x` loop).
const LANES: usize = 16;

#[inline(always)]
fn sum(x: &[f32]) -> f32 {
    let mut acc = [0f32; LANES];
    let chunks = x.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for j in 0..LANES {
            acc[j] += c[j];
        }
    }
    acc.iter().sum::<f32>() + tail.iter().sum::<f32>()
}

#[inline(always)]
fn min_max(x: &[f32], lo: f32, hi: f32) -> (f32, f32) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: checked just above.
        return unsafe { min_max_avx512(x, lo, hi) };
    }
    min_max_portable(x, lo, hi)
}

/// `vminps`/`vmaxps` directly: written portably, the compiler keeps IEEE NaN rules and turns
/// the loop into shuffles (it was 9 % of the encoder's time).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn min_max_avx512(x: &[f32], lo: f32, hi: f32) -> (f32, f32) {
    use std::arch::x86_64::*;
    let mut l = _mm512_set1_ps(lo);
    let mut h = _mm512_set1_ps(hi);
    let chunks = x.chunks_exact(16);
    let tail = chunks.remainder();
    for c in chunks {
        let v = _mm512_loadu_ps(c.as_ptr());
        l = _mm512_min_ps(l, v);
        h = _mm512_max_ps(h, v);
    }
    if !tail.is_empty() {
        let mask: __mmask16 = (1u32 << tail.len()).wrapping_sub(1) as u16;
        let v = _mm512_maskz_loadu_ps(mask, tail.as_ptr());
        l = _mm512_mask_min_ps(l, mask, l, v);
        h = _mm512_mask_max_ps(h, mask, h, v);
    }
    (_mm512_reduce_min_ps(l), _mm512_reduce_max_ps(h))
}

#[inline(always)]
fn min_max_portable(x: &[f32], lo: f32, hi: f32) -> (f32, f32) {
    let mut l = [lo; LANES];
    let mut h = [hi; LANES];
    let chunks = x.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for j in 0..LANES {
            l[j] = if c[j] < l[j] { c[j] } else { l[j] };
            h[j] = if c[j] > h[j] { c[j] } else { h[j] };
        }
    }
    for (j, &v) in tail.iter().enumerate() {
        l[j] = if v < l[j] { v } else { l[j] };
        h[j] = if v > h[j] { v } else { h[j] };
    }
    // Tree reduction of the lanes (a linear chain would serialise on latency).
    let mut w = LANES / 2;
    while w > 0 {
        for j in 0..w {
            l[j] = if l[j + w] < l[j] { l[j + w] } else { l[j] };
            h[j] = if h[j + w] > h[j] { h[j + w] } else { h[j] };
        }
        w /= 2;
    }
    (l[0], h[0])
}

macro_rules! multiversion {
    ($(#[$m:meta])* pub fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        $(#[$m])*
        #[allow(clippy::too_many_arguments)]
        pub fn $name($($arg: $ty),*) {
            #[inline(always)]
            #[allow(clippy::too_many_arguments)]
            fn inner($($arg: $ty),*) $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq,avx2,fma")]
                #[allow(clippy::too_many_arguments)]
                unsafe fn avx512($($arg: $ty),*) { inner($($arg),*) }
                #[target_feature(enable = "avx2,fma")]
                #[allow(clippy::too_many_arguments)]
                unsafe fn avx2($($arg: $ty),*) { inner($($arg),*) }
                if std::arch::is_x86_feature_detected!("avx512f")
                    && std::arch::is_x86_feature_detected!("avx512bw")
                    && std::arch::is_x86_feature_detected!("avx512vl")
                    && std::arch::is_x86_feature_detected!("avx512dq")
                    && std::arch::is_x86_feature_detected!("fma")
                {
                    // SAFETY: the features were just checked.
                    return unsafe { avx512($($arg),*) };
                }
                if std::arch::is_x86_feature_detected!("avx2")
                    && std::arch::is_x86_feature_detected!("fma")
                {
                    // SAFETY: the features were just checked.
                    return unsafe { avx2($($arg),*) };
                }
            }
            inner($($arg),*)
        }
    };
}

multiversion! {
    /// `x ← gelu(x)` (the exact, erf-based GELU of BERT).
    pub fn gelu(x: &mut [f32]) {
        for v in x.iter_mut() {
            *v = 0.5 * *v * (1.0 + erf(*v * std::f32::consts::FRAC_1_SQRT_2));
        }
    }
}

multiversion! {
    /// `x ← layer_norm(x + add) · w + b` over one row.
    pub fn add_layer_norm(x: &mut [f32], add: &[f32], w: &[f32], b: &[f32], eps: f32) {
        let n = x.len() as f32;
        for (v, a) in x.iter_mut().zip(add) {
            *v += *a;
        }
        let mean = sum(x) / n;
        let mut sq = [0f32; LANES];
        let chunks = x.chunks_exact(LANES);
        let tail: f32 = chunks.remainder().iter().map(|v| (v - mean) * (v - mean)).sum();
        for c in chunks {
            for j in 0..LANES {
                sq[j] += (c[j] - mean) * (c[j] - mean);
            }
        }
        let var = (sq.iter().sum::<f32>() + tail) / n;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in x.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

multiversion! {
    /// `y ← y + a · x`.
    pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
        for (y, x) in y.iter_mut().zip(x) {
            *y = a.mul_add(*x, *y);
        }
    }
}

multiversion! {
    /// The portable int8 kernel's inner product: `out[c] += Σₖ a[k] · panel[k/4][c][k%4]` for
    /// one activation row and one 64-column panel. Products of u8 and i8 fit i16 operands, so
    /// the compiler can use `pmaddwd`; compiled for AVX2 where the CPU has it.
    pub fn dot_panel(a: &[u8], panel: &[i8], out: &mut [i32; 64]) {
        for (k4, a4) in a.chunks_exact(4).enumerate() {
            let b = &panel[k4 * 256..k4 * 256 + 256];
            let (a0, a1, a2, a3) = (
                i16::from(a4[0]),
                i16::from(a4[1]),
                i16::from(a4[2]),
                i16::from(a4[3]),
            );
            for c in 0..64 {
                let lo = i32::from(a0) * i32::from(i16::from(b[c * 4]))
                    + i32::from(a1) * i32::from(i16::from(b[c * 4 + 1]));
                let hi = i32::from(a2) * i32::from(i16::from(b[c * 4 + 2]))
                    + i32::from(a3) * i32::from(i16::from(b[c * 4 + 3]));
                out[c] += lo + hi;
            }
        }
    }
}

multiversion! {
    /// Multi-head attention of one sequence: `rows` holds its tokens' `[q | k | v]` (each
    /// `h` wide), `out` receives the `h`-wide context rows. `kt` (`h/heads × len` rounded up to 16),
    /// `vh` (`len × h/heads`) and `scores` (4 × `len` rounded up to 16) are scratch. One function with every loop inline, because per-row calls into
    /// small helpers cost more than the arithmetic at these sizes (32-wide heads, ~100 tokens).
    pub fn attend(
        rows: &[f32],
        out: &mut [f32],
        kt: &mut [f32],
        vh: &mut [f32],
        scores: &mut [f32],
        h: usize,
        heads: usize,
        scale: f32
    ) {
        let hd = h / heads;
        let len = rows.len() / (3 * h);
        // Scores are computed 16 keys at a time with the accumulators in registers; `kt` holds
        // the keys transposed and zero-padded to a multiple of 16.
        let padded = len.div_ceil(LANES) * LANES;
        debug_assert!(kt.len() >= hd * padded && scores.len() >= 4 * padded);
        for head in 0..heads {
            let (qo, ko, vo) = (head * hd, h + head * hd, 2 * h + head * hd);
            for (s, r) in rows.chunks_exact(3 * h).enumerate() {
                for e in 0..hd {
                    kt[e * padded + s] = r[ko + e];
                }
            }
            for e in 0..hd {
                kt[e * padded + len..(e + 1) * padded].iter_mut().for_each(|v| *v = 0.0);
            }
            // This head's values, contiguous: read once per query, they must sit in L1.
            for (s, r) in rows.chunks_exact(3 * h).enumerate() {
                vh[s * hd..(s + 1) * hd].copy_from_slice(&r[vo..vo + hd]);
            }
            // Queries in groups of four: each key and value load then feeds four independent
            // FMA chains (one per query), which is what keeps the FMA units busy.
            for i0 in (0..len).step_by(4) {
                let g = (len - i0).min(4);
                let qrow = |u: usize| {
                    let at = (i0 + u).min(len - 1) * 3 * h + qo;
                    &rows[at..at + hd]
                };
                let qs = [qrow(0), qrow(1), qrow(2), qrow(3)];
                for sb in 0..padded / LANES {
                    let mut acc = [[0f32; LANES]; 4];
                    #[allow(clippy::needless_range_loop)] // e indexes kt rows and four q rows
                    for e in 0..hd {
                        let at = e * padded + sb * LANES;
                        let k = &kt[at..at + LANES];
                        for u in 0..4 {
                            let qe = qs[u][e];
                            for j in 0..LANES {
                                acc[u][j] = qe.mul_add(k[j], acc[u][j]);
                            }
                        }
                    }
                    for (u, a) in acc.iter().enumerate() {
                        let out = &mut scores[u * padded + sb * LANES..][..LANES];
                        for j in 0..LANES {
                            out[j] = a[j] * scale;
                        }
                    }
                }
                // Softmax of each query's scores, normalised in place.
                for u in 0..4 {
                    let sc = &mut scores[u * padded..u * padded + len];
                    let (_, max) = min_max(sc, f32::INFINITY, f32::NEG_INFINITY);
                    for v in sc.iter_mut() {
                        *v = exp(*v - max);
                    }
                    let inv = 1.0 / sum(sc);
                    sc.iter_mut().for_each(|v| *v *= inv);
                }
                if hd == 32 {
                    // The real model's head size: fixed-size accumulators stay in registers.
                    let mut acc = [[0f32; 32]; 4];
                    for s in 0..len {
                        let v = &vh[s * 32..s * 32 + 32];
                        for u in 0..4 {
                            let p = scores[u * padded + s];
                            for j in 0..32 {
                                acc[u][j] = p.mul_add(v[j], acc[u][j]);
                            }
                        }
                    }
                    for (u, a) in acc.iter().enumerate().take(g) {
                        let i = i0 + u;
                        out[i * h + qo..i * h + qo + 32].copy_from_slice(a);
                    }
                } else {
                    for u in 0..g {
                        let i = i0 + u;
                        let o = &mut out[i * h + qo..i * h + qo + hd];
                        o.iter_mut().for_each(|v| *v = 0.0);
                        for s in 0..len {
                            let p = scores[u * padded + s];
                            for (o, v) in o.iter_mut().zip(&vh[s * hd..(s + 1) * hd]) {
                                *o = p.mul_add(*v, *o);
                            }
                        }
                    }
                }
            }
        }
    }
}

multiversion! {
    /// Quantises one row to `0..=top` (255, or 127 for the AVX2 kernel, whose `vpmaddubsw`
    /// saturates above that) with a zero point: `x ≈ scale · (q − zero)`, the range always
    /// including 0 so that zeros (and padding) stay exact.
    pub fn quantize_row(x: &[f32], q: &mut [u8], scale: &mut f32, zero: &mut i32, top: f32) {
        let (lo, hi) = min_max(x, 0.0, 0.0);
        let s = if hi > lo { (hi - lo) / top } else { 1.0 };
        let z = (-lo / s).round_ties_even().clamp(0.0, top);
        let inv = 1.0 / s;
        for (q, &v) in q.iter_mut().zip(x) {
            // In range by construction of `s` and `z`; the comparisons only guard rounding.
            let r = (v * inv + z).round_ties_even();
            let r = if r >= 0.0 { r } else { 0.0 }; // also maps NaN to 0
            let r = if r > top { top } else { r };
            // SAFETY: r is within 0..=255 (NaN became 0, +inf became `top`).
            *q = unsafe { r.to_int_unchecked::<i32>() } as u8;
        }
        *scale = s;
        *zero = z as i32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approximations_are_accurate() {
        for i in -400..=400 {
            let x = i as f32 / 40.0;
            let e = exp(x);
            assert!(((e - x.exp()) / x.exp()).abs() < 1e-6, "exp({x})");
        }
        // Reference values of erf.
        for (x, want) in [
            (0.0f32, 0.0f32),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-2.0, -0.995_322_3),
            (3.5, 0.999_999_3),
        ] {
            assert!((erf(x) - want).abs() < 3e-7, "erf({x}) = {}", erf(x));
        }
    }

    #[test]
    fn reductions_layer_norm_and_gelu() {
        let (lo, hi) = min_max(
            &[
                3.0, -1.0, 7.5, 2.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
                -4.0,
            ],
            0.0,
            0.0,
        );
        assert_eq!((lo, hi), (-4.0, 7.5));
        assert_eq!(min_max_portable(&[2.0, 5.0], 0.0, 0.0), (0.0, 5.0));
        let mut x = [1.0f32, 2.0, 3.0, 4.0];
        add_layer_norm(&mut x, &[0.0; 4], &[1.0; 4], &[0.0; 4], 1e-12);
        let mean: f32 = x.iter().sum::<f32>() / 4.0;
        let var: f32 = x.iter().map(|v| v * v).sum::<f32>() / 4.0;
        assert!(mean.abs() < 1e-6 && (var - 1.0).abs() < 1e-5);
        let mut g = [-1.0f32, 0.0, 1.0];
        gelu(&mut g);
        assert!((g[0] + 0.158_655_25).abs() < 1e-6 && g[1] == 0.0);
        assert!((g[2] - 0.841_344_7).abs() < 1e-6);
    }
}
