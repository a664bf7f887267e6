//! Tokenisation shared by all feature extractors.

/// A token: byte range into the lower-cased text it was cut from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Lower-cases and folds typographic variants that carry no meaning for the models (curly quotes,
/// dashes, `ё`), writing into `out` so callers can reuse one buffer per thread.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    normalize_append(text, out);
}

/// As [`normalize_into`], appending to `out`. Normalisation maps each character on its own, so
/// normalising lines one after another gives the text normalising their concatenation gives.
pub fn normalize_append(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' | '\u{b4}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2039}'
            | '\u{203a}' => out.push('"'),
            '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push('-'),
            'ё' | 'Ё' => out.push('е'),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// Word tokens: maximal runs of alphanumeric characters (apostrophes inside a word are kept, so
/// `l'état` stays one token and `don't` too).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    tokenize_append(text, 0, out);
}

/// As [`tokenize`], appending the tokens of `text` to `out` with `base` added to their offsets
/// (for a text that sits at `base` in a longer buffer).
pub fn tokenize_append(text: &str, base: u32, out: &mut Vec<Token>) {
    let mut start: Option<usize> = None;
    let mut last_end = 0usize;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inner_apostrophe =
            c == '\'' && start.is_some() && it.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + c.len_utf8();
        } else if let Some(s) = start.take() {
            out.push(Token {
                start: base + s as u32,
                end: base + last_end as u32,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: base + s as u32,
            end: base + last_end as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_normalisation() {
        let mut s = String::new();
        normalize_into("L’État «VEUT» — Ёлка don't", &mut s);
        assert_eq!(s, "l'état \"veut\" - елка don't");
        let mut toks = Vec::new();
        tokenize(&s, &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| t.as_str(&s)).collect();
        assert_eq!(words, vec!["l'état", "veut", "елка", "don't"]);
        tokenize("", &mut toks);
        assert!(toks.is_empty());
        tokenize("'quoted' 42%", &mut toks);
        assert_eq!(toks.len(), 2);
    }
}
