//! Small string helpers that several stages need.

/// `s` cut to at most `max` bytes, at a character boundary, so bounded work on pathological input
/// never panics on a multi-byte character.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The start of `s`, at most `n` characters (not bytes): for limits a reader counts in letters.
pub fn clip_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The words of `s` (runs of letters and digits), lower-cased and joined by single spaces: a key
/// under which two lines that differ only in case, punctuation or spacing are the same text
/// ("The council voted." and "THE COUNCIL voted!").
pub fn word_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w.to_lowercase());
    }
    key
}

/// Whether [`word_key`]`(s)` is `key`, told without building it: word by word, giving up at
/// the first word that differs (every line of a page is compared with its title).
pub fn has_word_key(s: &str, key: &str) -> bool {
    let mut rest = key;
    for (n, w) in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if n > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        let after = if w.is_ascii() {
            // (ASCII lower-cases byte for byte; bytes that match are ASCII, so the word's end
            // is a character boundary.)
            let b = rest.as_bytes();
            (b.len() >= w.len()
                && b.iter()
                    .zip(w.bytes())
                    .all(|(&k, c)| k == c.to_ascii_lowercase()))
            .then(|| &rest[w.len()..])
        } else {
            // (A whole word: the final sigma lower-cases by its place in the word.)
            rest.strip_prefix(w.to_lowercase().as_str())
        };
        match after {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{clip, clip_chars, has_word_key, word_key};

    #[test]
    fn a_word_key_is_recognised_without_building_it() {
        let lines = [
            "  The COUNCIL, voted:  7–4!",
            "the council voted 7 4",
            "the council voted 7",
            "the council voted 7 44",
            "thecouncil voted 7 4",
            "ΟΔΥΣΣΕΑΣ και Σ",
            "Élu « maire »",
            "?!",
            "",
            "the council voted 7 4 again",
            "Жук ab",
            "ж",
            "a",
            "ab жук",
        ];
        for a in lines {
            for b in lines {
                let key = word_key(b);
                assert_eq!(has_word_key(a, &key), word_key(a) == key, "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn word_keys_ignore_case_punctuation_and_spacing() {
        assert_eq!(
            word_key("  The COUNCIL, voted:  7–4!"),
            "the council voted 7 4"
        );
        assert_eq!(word_key("Élu « maire »"), "élu maire");
        assert_eq!(word_key("?!"), "");
    }

    #[test]
    fn clips_at_char_boundaries() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("héllo", 3), "hé");
        assert_eq!(clip("abc", 10), "abc");
        assert_eq!(clip("ж", 0), "");
        assert_eq!(clip_chars("Ωmega", 2), "Ωm");
        assert_eq!(clip_chars("ab", 5), "ab");
    }
}
