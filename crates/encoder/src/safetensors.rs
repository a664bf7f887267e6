//! A reader for Hugging Face `.safetensors` files (what `model pull` downloads).
//!
//! Written by hand (about 100 lines) instead of using the `safetensors` crate: the format is an
//! 8-byte little-endian header length, a JSON header `{name: {dtype, shape, data_offsets}}` (plus
//! an optional `__metadata__`), then the raw little-endian tensor data, and we already have
//! `serde_json`; the crate would add a dependency (not in the offline registry here) for a file
//! we read once, at conversion time. Only F32, F16 and BF16 tensors can be read as floats; others
//! (e.g. an I64 `position_ids` buffer in older checkpoints) are listed and skipped.
//!
//! Nothing is trusted: the header length, every offset and every shape is checked against the
//! file, so a truncated or foreign download is an [`EncoderError`] naming it, never a panic.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::format::f16_to_f32;
use crate::EncoderError;

/// Largest JSON header accepted (the real one is ~20 KB; safetensors itself caps it at 100 MB).
const MAX_HEADER: u64 = 100 << 20;

/// Element type of a tensor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dtype {
    F32,
    F16,
    BF16,
    /// Any other dtype name; the tensor can be listed but not read as floats.
    Other(String),
}

impl Dtype {
    fn size(&self) -> Option<usize> {
        match self {
            Dtype::F32 => Some(4),
            Dtype::F16 | Dtype::BF16 => Some(2),
            Dtype::Other(s) => match s.as_str() {
                "F64" | "I64" | "U64" => Some(8),
                "I32" | "U32" => Some(4),
                "I16" | "U16" => Some(2),
                "I8" | "U8" | "BOOL" | "F8_E4M3" | "F8_E5M2" => Some(1),
                _ => None,
            },
        }
    }
}

/// One tensor's entry in the header, with its data range checked against the file.
#[derive(Debug, Clone)]
pub struct TensorInfo {
    pub dtype: Dtype,
    pub shape: Vec<usize>,
    /// Byte range in the whole file (header included).
    start: usize,
    end: usize,
}

/// A parsed safetensors file over its bytes (typically a memory map).
pub struct SafeTensors<'a> {
    path: PathBuf,
    buf: &'a [u8],
    tensors: HashMap<String, TensorInfo>,
}

impl<'a> SafeTensors<'a> {
    /// Parses and checks the header of `buf` (the contents of `path`, named in errors).
    pub fn parse(buf: &'a [u8], path: &Path) -> Result<Self, EncoderError> {
        let bad = |m: String| EncoderError::bad(path, m);
        let len = buf
            .get(..8)
            .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .ok_or_else(|| bad("not a safetensors file: shorter than its 8-byte header".into()))?;
        if len > MAX_HEADER || len > (buf.len() - 8) as u64 {
            return Err(bad(format!(
                "not a safetensors file, or truncated: header length {len} but the file has {} bytes",
                buf.len()
            )));
        }
        let data_start = 8 + len as usize;
        let header: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&buf[8..data_start]).map_err(|e| {
                bad(format!(
                    "not a safetensors file: header is not a JSON object ({e})"
                ))
            })?;
        let data_len = buf.len() - data_start;
        let mut tensors = HashMap::with_capacity(header.len());
        for (name, entry) in &header {
            if name == "__metadata__" {
                continue;
            }
            let what = |m: &str| bad(format!("tensor {name}: {m}"));
            let dtype = match entry["dtype"].as_str() {
                Some("F32") => Dtype::F32,
                Some("F16") => Dtype::F16,
                Some("BF16") => Dtype::BF16,
                Some(other) => Dtype::Other(other.to_string()),
                None => return Err(what("no dtype")),
            };
            let shape = entry["shape"]
                .as_array()
                .ok_or_else(|| what("no shape"))?
                .iter()
                .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
                .collect::<Option<Vec<usize>>>()
                .ok_or_else(|| what("shape is not a list of sizes"))?;
            let offs = entry["data_offsets"]
                .as_array()
                .filter(|o| o.len() == 2)
                .and_then(|o| Some((o[0].as_u64()?, o[1].as_u64()?)))
                .ok_or_else(|| what("data_offsets is not [start, end]"))?;
            if offs.0 > offs.1 || offs.1 > data_len as u64 {
                return Err(what(&format!(
                    "data {}..{} lies outside the file's {data_len} data bytes (truncated download?)",
                    offs.0, offs.1
                )));
            }
            let (start, end) = (data_start + offs.0 as usize, data_start + offs.1 as usize);
            if let Some(size) = dtype.size() {
                let want = shape
                    .iter()
                    .try_fold(size, |n, &d| n.checked_mul(d))
                    .ok_or_else(|| what("shape overflows"))?;
                if want != end - start {
                    return Err(what(&format!(
                        "shape {shape:?} needs {want} bytes, the header gives {}",
                        end - start
                    )));
                }
            }
            tensors.insert(
                name.clone(),
                TensorInfo {
                    dtype,
                    shape,
                    start,
                    end,
                },
            );
        }
        Ok(SafeTensors {
            path: path.to_path_buf(),
            buf,
            tensors,
        })
    }

    /// The file this was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every tensor name, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.tensors.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// A tensor's header entry.
    pub fn info(&self, name: &str) -> Option<&TensorInfo> {
        self.tensors.get(name)
    }

    /// A tensor's values as f32 (converted from F16 or BF16), in row-major order.
    pub fn f32s(&self, name: &str) -> Result<Vec<f32>, EncoderError> {
        let t = self
            .tensors
            .get(name)
            .ok_or_else(|| EncoderError::bad(&self.path, format!("missing tensor {name}")))?;
        let raw = &self.buf[t.start..t.end];
        Ok(match &t.dtype {
            Dtype::F32 => raw
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
            Dtype::F16 => raw
                .chunks_exact(2)
                .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
                .collect(),
            Dtype::BF16 => raw
                .chunks_exact(2)
                .map(|b| f32::from_bits(u32::from(u16::from_le_bytes([b[0], b[1]])) << 16))
                .collect(),
            Dtype::Other(d) => {
                return Err(EncoderError::bad(
                    &self.path,
                    format!(
                        "tensor {name}: dtype {d} cannot be read as floats (F32, F16 or BF16 only)"
                    ),
                ))
            }
        })
    }
}

/// Serialises tensors as a safetensors file (for tests and for exporting a model): each is
/// `(name, dtype, shape, values)` with dtype F32, F16 or BF16 (BF16 rounds to nearest even).
pub fn serialize(tensors: &[(&str, Dtype, Vec<usize>, &[f32])]) -> Vec<u8> {
    let mut header = serde_json::Map::new();
    let mut data = Vec::new();
    for (name, dtype, shape, values) in tensors {
        let start = data.len();
        for &v in *values {
            match dtype {
                Dtype::F16 => data.extend_from_slice(&crate::format::f32_to_f16(v).to_le_bytes()),
                Dtype::BF16 => {
                    let b = v.to_bits();
                    let rounded = b.wrapping_add(0x7fff + ((b >> 16) & 1)) >> 16;
                    data.extend_from_slice(&(rounded as u16).to_le_bytes())
                }
                _ => data.extend_from_slice(&v.to_le_bytes()),
            }
        }
        let name_dtype = match dtype {
            Dtype::F16 => "F16",
            Dtype::BF16 => "BF16",
            _ => "F32",
        };
        header.insert(
            name.to_string(),
            serde_json::json!({"dtype": name_dtype, "shape": shape, "data_offsets": [start, data.len()]}),
        );
    }
    header.insert("__metadata__".into(), serde_json::json!({"format": "pt"}));
    let mut json = serde_json::Value::Object(header).to_string().into_bytes();
    // Pad the header with spaces to 8 bytes, as the reference writer does.
    json.resize(json.len().div_ceil(8) * 8, b' ');
    let mut out = (json.len() as u64).to_le_bytes().to_vec();
    out.extend_from_slice(&json);
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_f32_f16_and_bf16_and_skips_other_dtypes() {
        let vals = [1.0f32, -2.5, 0.125, 3.0, 0.0, -0.75];
        let mut bytes = serialize(&[
            ("a", Dtype::F32, vec![2, 3], &vals),
            ("b", Dtype::F16, vec![6], &vals),
            ("c", Dtype::BF16, vec![3, 2], &vals),
        ]);
        let p = Path::new("m.safetensors");
        let st = SafeTensors::parse(&bytes, p).unwrap();
        assert_eq!(st.names(), vec!["a", "b", "c"]);
        assert_eq!(st.info("a").unwrap().shape, vec![2, 3]);
        for n in ["a", "b", "c"] {
            assert_eq!(st.f32s(n).unwrap(), vals, "{n}");
        }
        assert!(st
            .f32s("zzz")
            .unwrap_err()
            .to_string()
            .contains("missing tensor zzz"));
        drop(st);

        // An I64 tensor is listed but not readable as floats.
        let hdr = br#"{"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}}"#;
        bytes = (hdr.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(hdr);
        bytes.extend_from_slice(&[0u8; 16]);
        let st = SafeTensors::parse(&bytes, p).unwrap();
        assert!(st.f32s("ids").unwrap_err().to_string().contains("I64"));
    }

    #[test]
    fn bad_files_are_errors_naming_the_file() {
        let p = Path::new("bad.safetensors");
        let good = serialize(&[("w", Dtype::F32, vec![4], &[1.0, 2.0, 3.0, 4.0])]);
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"abc".to_vec(), "shorter"),
            (u64::MAX.to_le_bytes().to_vec(), "header length"),
            (good[..good.len() - 1].to_vec(), "outside"),
            ([&8u64.to_le_bytes()[..], b"not json"].concat(), "JSON"),
            (
                {
                    let h = br#"{"w":{"dtype":"F32","shape":[5],"data_offsets":[0,16]}}"#;
                    [&(h.len() as u64).to_le_bytes()[..], h, &[0u8; 16]].concat()
                },
                "needs 20 bytes",
            ),
            (
                {
                    let h = br#"{"w":{"dtype":"F32","shape":[4],"data_offsets":[8,0]}}"#;
                    [&(h.len() as u64).to_le_bytes()[..], h, &[0u8; 16]].concat()
                },
                "outside",
            ),
            (
                {
                    let h = br#"{"w":{"dtype":"F32","shape":[4611686018427387904,8],"data_offsets":[0,16]}}"#;
                    [&(h.len() as u64).to_le_bytes()[..], h, &[0u8; 16]].concat()
                },
                "overflows",
            ),
        ];
        for (bytes, want) in cases {
            let e = SafeTensors::parse(&bytes, p).err().expect(want).to_string();
            assert!(
                e.contains("bad.safetensors") && e.contains(want),
                "{want}: {e}"
            );
        }
    }
}
