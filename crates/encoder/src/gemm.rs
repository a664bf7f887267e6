//! Int8 matrix products: the encoder's hot path (≈ 95 % of its arithmetic).
//!
//! Written by hand because no crate does what is needed here: `u8 × i8 → i32` products with
//! runtime CPU dispatch to AVX-512 VNNI (`vpdpbusd`, 64 multiply-adds per instruction), fused with
//! the dequantisation epilogue. Weights are int8 per output channel (converted once from the
//! file's 4-bit blocks); activations are quantised per row (per token) to u8 with a zero point:
//!
//! `y[m][n] ≈ sₘ · wₙ · (Σₖ qₘₖ · Wₙₖ − zₘ · Σₖ Wₙₖ) + biasₙ`
//!
//! Weights are packed in panels of 64 output columns × 4 consecutive k, which is exactly what
//! one `vpdpbusd` consumes with a broadcast group of 4 activation bytes. Rows are split across
//! threads with rayon.

use rayon::prelude::*;

/// Output columns per packed panel (4 AVX-512 registers of 16 i32 lanes).
pub const NR: usize = 64;
/// Activation rows per micro-kernel call (6 rows × 4 registers = 24 accumulators).
const MR: usize = 6;
/// Rows per parallel task.
const ROWS_PER_TASK: usize = 8 * MR;

/// A linear layer `y = x·Wᵀ + b` with int8 weights, packed for the kernels.
pub struct QLinear {
    /// Output features.
    pub n: usize,
    /// Input features (a multiple of 4).
    pub k: usize,
    /// `[panel][k/4][64 columns][4]`, zero-padded to whole panels.
    packed: Vec<i8>,
    /// Dequantisation scale per output feature.
    scale: Vec<f32>,
    /// Σₖ W[n][k] per output feature (compensates the activations' zero point).
    colsum: Vec<i32>,
    bias: Vec<f32>,
}

impl QLinear {
    /// Quantises row-major f32 weights `w[n][k]` to int8 per output row.
    pub fn from_f32(w: &[f32], bias: &[f32], n: usize, k: usize) -> Self {
        assert_eq!(w.len(), n * k);
        assert_eq!(bias.len(), n);
        assert!(k.is_multiple_of(4), "k must be a multiple of 4");
        let panels = n.div_ceil(NR);
        let mut packed = vec![0i8; panels * NR * k];
        let mut scale = vec![0f32; panels * NR];
        let mut colsum = vec![0i32; panels * NR];
        for (row, wr) in w.chunks_exact(k).enumerate() {
            let max = wr.iter().fold(0f32, |m, v| m.max(v.abs()));
            let s = if max > 0.0 { max / 127.0 } else { 1.0 };
            scale[row] = s;
            let (p, c) = (row / NR, row % NR);
            let base = p * NR * k;
            let mut sum = 0i32;
            for (kk, &v) in wr.iter().enumerate() {
                let q = (v / s).round().clamp(-127.0, 127.0) as i8;
                sum += i32::from(q);
                packed[base + (kk / 4) * NR * 4 + c * 4 + kk % 4] = q;
            }
            colsum[row] = sum;
        }
        let mut b = bias.to_vec();
        b.resize(panels * NR, 0.0);
        QLinear {
            n,
            k,
            packed,
            scale,
            colsum,
            bias: b,
        }
    }

    /// `y[m][..n] = x[m]·Wᵀ + b` for the quantised activations `x`. `y` has `x.rows × n` floats.
    pub fn forward(&self, x: &QuantRows, y: &mut [f32]) {
        assert_eq!(x.k, self.k);
        assert_eq!(y.len(), x.rows * self.n);
        let kernel = Kernel::detect();
        y.par_chunks_mut(ROWS_PER_TASK * self.n)
            .enumerate()
            .for_each(|(task, ychunk)| {
                let r0 = task * ROWS_PER_TASK;
                let rows = ychunk.len() / self.n;
                let mut tile = [0f32; MR * NR];
                for p in 0..self.packed.len() / (NR * self.k) {
                    let panel = &self.packed[p * NR * self.k..(p + 1) * NR * self.k];
                    let cols = (self.n - p * NR).min(NR);
                    let mut m = 0;
                    while m < rows {
                        let mr = (rows - m).min(MR);
                        if cols == NR {
                            // Whole panel: the kernel writes straight into the output rows.
                            let out = &mut ychunk[m * self.n + p * NR..];
                            self.tile(kernel, x, r0 + m, mr, p, panel, out, self.n);
                        } else {
                            self.tile(kernel, x, r0 + m, mr, p, panel, &mut tile, NR);
                            for r in 0..mr {
                                let dst = &mut ychunk[(m + r) * self.n + p * NR..][..cols];
                                dst.copy_from_slice(&tile[r * NR..r * NR + cols]);
                            }
                        }
                        m += mr;
                    }
                }
            });
    }

    /// One `mr × 64` output tile, dequantised: row `r` goes to `out[r * stride..][..64]`.
    #[allow(clippy::too_many_arguments)]
    fn tile(
        &self,
        kernel: Kernel,
        x: &QuantRows,
        row: usize,
        mr: usize,
        p: usize,
        panel: &[i8],
        out: &mut [f32],
        stride: usize,
    ) {
        assert!(out.len() >= (mr - 1) * stride + NR && row + mr <= x.rows);
        let epi = Epilogue {
            scale: &self.scale[p * NR..(p + 1) * NR],
            colsum: &self.colsum[p * NR..(p + 1) * NR],
            bias: &self.bias[p * NR..(p + 1) * NR],
            row_scale: &x.scale[row..row + mr],
            row_zero: &x.zero[row..row + mr],
        };
        match kernel {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::detect` returned Vnni only after checking the CPU features, and
            // the bounds of `x`, `panel` and `out` were checked above.
            Kernel::Vnni => unsafe { vnni::tile(x, row, mr, panel, self.k, &epi, out, stride) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above, for the AVX-VNNI features.
            Kernel::AvxVnni => unsafe {
                avx_vnni::tile(x, row, mr, panel, self.k, &epi, out, stride)
            },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above, for AVX2 and FMA; activations were quantised to 0..=127.
            Kernel::Avx2 => unsafe {
                avx_vnni::tile_avx2(x, row, mr, panel, self.k, &epi, out, stride)
            },
            Kernel::Portable => {
                let mut acc = [0i32; MR * NR];
                portable_tile(x, row, mr, panel, self.k, &mut acc);
                for r in 0..mr {
                    let (s, z) = (epi.row_scale[r], epi.row_zero[r]);
                    let a = &acc[r * NR..(r + 1) * NR];
                    let t = &mut out[r * stride..r * stride + NR];
                    for c in 0..NR {
                        t[c] = (a[c] - z * epi.colsum[c]) as f32 * (s * epi.scale[c]) + epi.bias[c];
                    }
                }
            }
        }
    }
}

/// Per-panel and per-row numbers that turn integer sums back into floats.
struct Epilogue<'a> {
    scale: &'a [f32],
    colsum: &'a [i32],
    bias: &'a [f32],
    row_scale: &'a [f32],
    row_zero: &'a [i32],
}

/// Activations quantised per row to u8 with a zero point: `x ≈ scale · (q − zero)`.
#[derive(Default)]
pub struct QuantRows {
    pub rows: usize,
    pub k: usize,
    q: Vec<u8>,
    scale: Vec<f32>,
    zero: Vec<i32>,
}

impl QuantRows {
    /// Quantises `x` (`rows × k`, row-major) in place of the previous contents (buffers reused),
    /// to the range the running kernel can multiply without overflow.
    pub fn quantize(&mut self, x: &[f32], k: usize) {
        self.quantize_to(x, k, Kernel::detect().activation_top());
    }

    /// As [`QuantRows::quantize`], to `0..=top`.
    pub fn quantize_to(&mut self, x: &[f32], k: usize, top: u8) {
        let top = f32::from(top);
        let rows = x.len() / k;
        self.rows = rows;
        self.k = k;
        self.q.resize(rows * k, 0);
        self.scale.resize(rows, 0.0);
        self.zero.resize(rows, 0);
        self.q
            .par_chunks_mut(k * 16)
            .zip(x.par_chunks(k * 16))
            .zip(
                self.scale
                    .par_chunks_mut(16)
                    .zip(self.zero.par_chunks_mut(16)),
            )
            .for_each(|((q, x), (sc, zr))| {
                for (((q, x), s), z) in q.chunks_mut(k).zip(x.chunks(k)).zip(sc).zip(zr) {
                    crate::math::quantize_row(x, q, s, z, top);
                }
            });
    }
}

/// Which micro-kernel this CPU runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// AVX-512 VNNI (`vpdpbusd` on 512-bit registers): Intel since Ice Lake, AMD since Zen 4.
    #[cfg(target_arch = "x86_64")]
    Vnni,
    /// AVX-VNNI (the same instruction on 256-bit registers): Intel Alder Lake and later cores
    /// without AVX-512; about half as fast.
    #[cfg(target_arch = "x86_64")]
    AvxVnni,
    /// AVX2 (`vpmaddubsw` + `vpmaddwd`): any x86-64 CPU since 2013. Activations get 7 bits
    /// because `vpmaddubsw` saturates 16-bit pair sums above that.
    #[cfg(target_arch = "x86_64")]
    Avx2,
    /// Plain Rust, for any CPU (and the tests' reference).
    Portable,
}

impl Kernel {
    /// Largest activation code this kernel multiplies exactly.
    pub fn activation_top(self) -> u8 {
        match self {
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 => 127,
            _ => 255,
        }
    }

    /// The fastest kernel this CPU supports. `NEWSPRISM_KERNEL=portable|avx2|avxvnni` picks a slower
    /// one (for comparisons and tests); a kernel the CPU lacks is never chosen.
    pub fn detect() -> Kernel {
        use std::sync::OnceLock;
        static K: OnceLock<Kernel> = OnceLock::new();
        *K.get_or_init(|| {
            let forced = std::env::var("NEWSPRISM_KERNEL").unwrap_or_default();
            if forced == "portable" {
                return Kernel::Portable;
            }
            #[cfg(target_arch = "x86_64")]
            if forced != "avxvnni"
                && forced != "avx2"
                && std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
                && std::arch::is_x86_feature_detected!("avx512vnni")
            {
                return Kernel::Vnni;
            }
            #[cfg(target_arch = "x86_64")]
            if forced != "avx2"
                && std::arch::is_x86_feature_detected!("avxvnni")
                && std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
            {
                return Kernel::AvxVnni;
            }
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
            {
                return Kernel::Avx2;
            }
            Kernel::Portable
        })
    }
}

fn portable_tile(x: &QuantRows, row: usize, mr: usize, panel: &[i8], k: usize, acc: &mut [i32]) {
    for r in 0..mr {
        let a = &x.q[(row + r) * k..(row + r + 1) * k];
        let out: &mut [i32; NR] = (&mut acc[r * NR..(r + 1) * NR]).try_into().unwrap();
        crate::math::dot_panel(a, panel, out);
    }
}

#[cfg(target_arch = "x86_64")]
mod vnni {
    use super::{Epilogue, QuantRows, NR};
    use std::arch::x86_64::*;

    /// # Safety
    /// The CPU must support avx512f, avx512bw and avx512vnni; `x` must hold rows
    /// `row..row + mr`, `panel` a whole panel of `k`, and `out` `(mr − 1) · stride + 64` floats.
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    pub unsafe fn tile(
        x: &QuantRows,
        row: usize,
        mr: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        match mr {
            6 => rows::<6>(x, row, panel, k, epi, out, stride),
            5 => rows::<5>(x, row, panel, k, epi, out, stride),
            4 => rows::<4>(x, row, panel, k, epi, out, stride),
            3 => rows::<3>(x, row, panel, k, epi, out, stride),
            2 => rows::<2>(x, row, panel, k, epi, out, stride),
            _ => rows::<1>(x, row, panel, k, epi, out, stride),
        }
    }

    #[inline]
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    unsafe fn rows<const R: usize>(
        x: &QuantRows,
        row: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        let a = x.q.as_ptr().add(row * k);
        let b = panel.as_ptr();
        let mut c = [[_mm512_setzero_si512(); 4]; R];
        for k4 in 0..k / 4 {
            let bp = b.add(k4 * NR * 4);
            let b0 = _mm512_loadu_si512(bp as *const _);
            let b1 = _mm512_loadu_si512(bp.add(64) as *const _);
            let b2 = _mm512_loadu_si512(bp.add(128) as *const _);
            let b3 = _mm512_loadu_si512(bp.add(192) as *const _);
            for (r, cr) in c.iter_mut().enumerate() {
                let av = _mm512_set1_epi32((a.add(r * k + k4 * 4) as *const i32).read_unaligned());
                cr[0] = _mm512_dpbusd_epi32(cr[0], av, b0);
                cr[1] = _mm512_dpbusd_epi32(cr[1], av, b1);
                cr[2] = _mm512_dpbusd_epi32(cr[2], av, b2);
                cr[3] = _mm512_dpbusd_epi32(cr[3], av, b3);
            }
        }
        // Epilogue: y = (acc − z·colsum) · (s_row · s_col) + bias, straight to the output.
        for (r, cr) in c.iter().enumerate() {
            let z = _mm512_set1_epi32(epi.row_zero[r]);
            let s = _mm512_set1_ps(epi.row_scale[r]);
            let o = out.as_mut_ptr().add(r * stride);
            for (j, v) in cr.iter().enumerate() {
                let cs = _mm512_loadu_si512(epi.colsum.as_ptr().add(j * 16) as *const _);
                let sc = _mm512_mul_ps(s, _mm512_loadu_ps(epi.scale.as_ptr().add(j * 16)));
                let bias = _mm512_loadu_ps(epi.bias.as_ptr().add(j * 16));
                let iv = _mm512_sub_epi32(*v, _mm512_mullo_epi32(z, cs));
                let y = _mm512_fmadd_ps(_mm512_cvtepi32_ps(iv), sc, bias);
                _mm512_storeu_ps(o.add(j * 16), y);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx_vnni {
    use super::{Epilogue, QuantRows, NR};
    use std::arch::x86_64::*;

    /// Runs a row kernel over an `mr`-row tile in pieces that fit 16 ymm registers: 2 rows ×
    /// 32 columns (8 accumulators) at a time, two per panel. A macro, not a function taking the
    /// kernel, because an iterator or closure here kept the kernels from being inlined (≈ 8 %).
    macro_rules! by_pieces {
        ($rows:ident, $x:expr, $row:expr, $mr:expr, $($rest:expr),*) => {{
            let mut r = 0;
            while r < $mr {
                for half in 0..2 {
                    if $mr - r >= 2 {
                        $rows::<2>($x, $row, r, half, $($rest),*);
                    } else {
                        $rows::<1>($x, $row, r, half, $($rest),*);
                    }
                }
                r += 2;
            }
        }};
    }

    /// # Safety
    /// The CPU must support avx2, fma and avxvnni; bounds as for the AVX-512 kernel.
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx2,fma,avxvnni")]
    pub unsafe fn tile(
        x: &QuantRows,
        row: usize,
        mr: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        by_pieces!(rows, x, row, mr, panel, k, epi, out, stride);
    }

    #[inline]
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx2,fma,avxvnni")]
    unsafe fn rows<const R: usize>(
        x: &QuantRows,
        row: usize,
        r0: usize,
        half: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        let a = x.q.as_ptr().add((row + r0) * k);
        let b = panel.as_ptr().add(half * 128);
        let mut c = [[_mm256_setzero_si256(); 4]; R];
        for k4 in 0..k / 4 {
            let bp = b.add(k4 * NR * 4);
            let bs = [
                _mm256_loadu_si256(bp as *const _),
                _mm256_loadu_si256(bp.add(32) as *const _),
                _mm256_loadu_si256(bp.add(64) as *const _),
                _mm256_loadu_si256(bp.add(96) as *const _),
            ];
            for (r, cr) in c.iter_mut().enumerate() {
                let av = _mm256_set1_epi32((a.add(r * k + k4 * 4) as *const i32).read_unaligned());
                cr[0] = _mm256_dpbusd_avx_epi32(cr[0], av, bs[0]);
                cr[1] = _mm256_dpbusd_avx_epi32(cr[1], av, bs[1]);
                cr[2] = _mm256_dpbusd_avx_epi32(cr[2], av, bs[2]);
                cr[3] = _mm256_dpbusd_avx_epi32(cr[3], av, bs[3]);
            }
        }
        epilogue(&c, r0, half, epi, out, stride);
    }

    /// `y = (acc − z·colsum) · (s_row · s_col) + bias` for a 256-bit tile, into the output rows.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn epilogue<const R: usize>(
        c: &[[__m256i; 4]; R],
        r0: usize,
        half: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        for (r, cr) in c.iter().enumerate() {
            let z = _mm256_set1_epi32(epi.row_zero[r0 + r]);
            let s = _mm256_set1_ps(epi.row_scale[r0 + r]);
            let o = out.as_mut_ptr().add((r0 + r) * stride + half * 32);
            for (j, v) in cr.iter().enumerate() {
                let col = half * 32 + j * 8;
                let cs = _mm256_loadu_si256(epi.colsum.as_ptr().add(col) as *const _);
                let sc = _mm256_mul_ps(s, _mm256_loadu_ps(epi.scale.as_ptr().add(col)));
                let bias = _mm256_loadu_ps(epi.bias.as_ptr().add(col));
                let iv = _mm256_sub_epi32(*v, _mm256_mullo_epi32(z, cs));
                let y = _mm256_fmadd_ps(_mm256_cvtepi32_ps(iv), sc, bias);
                _mm256_storeu_ps(o.add(j * 8), y);
            }
        }
    }

    /// The same tiles without VNNI: `vpmaddubsw` (u8 × i8 → pairs summed in i16, exact for
    /// activations ≤ 127) then `vpmaddwd` by ones (→ i32 sums of four).
    ///
    /// # Safety
    /// The CPU must support avx2 and fma; activations quantised to `0..=127`; bounds as above.
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn tile_avx2(
        x: &QuantRows,
        row: usize,
        mr: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        by_pieces!(rows_avx2, x, row, mr, panel, k, epi, out, stride);
    }

    #[inline]
    #[allow(clippy::too_many_arguments)]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn rows_avx2<const R: usize>(
        x: &QuantRows,
        row: usize,
        r0: usize,
        half: usize,
        panel: &[i8],
        k: usize,
        epi: &Epilogue,
        out: &mut [f32],
        stride: usize,
    ) {
        let a = x.q.as_ptr().add((row + r0) * k);
        let b = panel.as_ptr().add(half * 128);
        let ones = _mm256_set1_epi16(1);
        let mut c = [[_mm256_setzero_si256(); 4]; R];
        for k4 in 0..k / 4 {
            let bp = b.add(k4 * NR * 4);
            let bs = [
                _mm256_loadu_si256(bp as *const _),
                _mm256_loadu_si256(bp.add(32) as *const _),
                _mm256_loadu_si256(bp.add(64) as *const _),
                _mm256_loadu_si256(bp.add(96) as *const _),
            ];
            for (r, cr) in c.iter_mut().enumerate() {
                let av = _mm256_set1_epi32((a.add(r * k + k4 * 4) as *const i32).read_unaligned());
                for (acc, bv) in cr.iter_mut().zip(&bs) {
                    let pairs = _mm256_maddubs_epi16(av, *bv);
                    *acc = _mm256_add_epi32(*acc, _mm256_madd_epi16(pairs, ones));
                }
            }
        }
        epilogue(&c, r0, half, epi, out, stride);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> f32 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((*seed >> 33) as f32 / (1u64 << 31) as f32) - 0.5
    }

    fn reference(x: &[f32], w: &[f32], b: &[f32], n: usize, k: usize) -> Vec<f32> {
        x.chunks(k)
            .flat_map(|xr| {
                (0..n).map(move |j| {
                    xr.iter()
                        .zip(&w[j * k..(j + 1) * k])
                        .map(|(a, b)| a * b)
                        .sum::<f32>()
                        + b[j]
                })
            })
            .collect()
    }

    #[test]
    fn int8_product_matches_f32_within_quantisation_error() {
        let mut s = 7;
        // Odd sizes: partial panels, partial row tiles, several tasks.
        for (m, n, k) in [(1, 64, 32), (13, 100, 36), (61, 130, 384)] {
            let x: Vec<f32> = (0..m * k).map(|_| lcg(&mut s) * 4.0 + 0.3).collect();
            let w: Vec<f32> = (0..n * k).map(|_| lcg(&mut s)).collect();
            let b: Vec<f32> = (0..n).map(|_| lcg(&mut s)).collect();
            let lin = QLinear::from_f32(&w, &b, n, k);
            let mut q = QuantRows::default();
            q.quantize(&x, k);
            let mut y = vec![0f32; m * n];
            lin.forward(&q, &mut y);
            let want = reference(&x, &w, &b, n, k);
            let err = y
                .iter()
                .zip(&want)
                .map(|(a, b)| (a - b).abs())
                .fold(0f32, f32::max);
            let mag = want.iter().map(|v| v.abs()).fold(0f32, f32::max);
            assert!(
                err < 0.02 * mag,
                "m{m} n{n} k{k}: max error {err} vs magnitude {mag}"
            );
        }
    }

    #[test]
    fn fast_kernel_agrees_exactly_with_the_portable_one() {
        let mut s = 11;
        let (m, n, k) = (19, 128, 64);
        let x: Vec<f32> = (0..m * k).map(|_| lcg(&mut s)).collect();
        let w: Vec<f32> = (0..n * k).map(|_| lcg(&mut s)).collect();
        let lin = QLinear::from_f32(&w, &vec![0.0; n], n, k);
        let mut q = QuantRows::default();
        // 7-bit activations, which every kernel (AVX2 included) multiplies exactly.
        q.quantize_to(&x, k, 127);
        let panel = &lin.packed[..NR * k];
        let mut slow = [0f32; MR * NR];
        lin.tile(Kernel::Portable, &q, 6, 6, 0, panel, &mut slow, NR);
        #[allow(unused_mut)]
        let mut kernels: Vec<Kernel> = Vec::new();
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::is_x86_feature_detected as has;
            if has!("avx512f") && has!("avx512bw") && has!("avx512vnni") {
                kernels.push(Kernel::Vnni);
            }
            if has!("avxvnni") && has!("avx2") && has!("fma") {
                kernels.push(Kernel::AvxVnni);
            }
            if has!("avx2") && has!("fma") {
                kernels.push(Kernel::Avx2);
            }
        }
        for kernel in kernels {
            for mr in [6, 5, 1] {
                let mut fast = [0f32; MR * NR];
                lin.tile(kernel, &q, 6, mr, 0, panel, &mut fast, NR);
                // Same integers, same float operations up to FMA contraction.
                for (a, b) in fast[..mr * NR].iter().zip(&slow[..mr * NR]) {
                    assert!(
                        (a - b).abs() <= 1e-5 * b.abs().max(1.0),
                        "{kernel:?} mr {mr}: {a} vs {b}"
                    );
                }
            }
        }
    }
}
