//! Tokens of an article: words (with their folded form and capitalisation), numbers (with
//! thousands separators, decimals and scale words already resolved) and clause punctuation.
//!
//! One pass over the text produces everything the fingerprints and claim extractors need, so the
//! tokenizer is the only code that looks at raw characters.

use crate::numbers::{scale_of, word_value};
use crate::translit::push_folded;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A word; `folded` holds its lower-case ASCII form.
    Word,
    /// A figure; `value` holds the parsed number (scale words applied).
    Number { value: f64, year_like: bool },
    /// Clause-ending punctuation (`,` `;` `:`) — figures do not borrow words across it.
    Comma,
    /// Sentence end (`.` `!` `?` or a line break).
    Stop,
    /// An opening or closing quotation mark.
    Quote,
}

/// One token with its byte span in the source text.
#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Folded form for words; empty for other kinds.
    pub folded: String,
    /// First letter upper-case.
    pub cap: bool,
    /// Every letter upper-case and at least two letters (acronyms: NATO, ОДКБ).
    pub acronym: bool,
    /// First token of a sentence (after `.`, `!`, `?`, a line break, or a quotation mark).
    pub sent_start: bool,
}

impl Token {
    /// Whether this is a word (not a number, punctuation or quote).
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// The parsed value when this token is a figure.
    pub fn number(&self) -> Option<f64> {
        match self.kind {
            Kind::Number { value, .. } => Some(value),
            _ => None,
        }
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '„' | '“' | '”' | '‟' | '‹' | '›' | '「' | '」'
    )
}

fn is_group_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | ',' | '.' | '\'' | '’'
    )
}

/// Only this many bytes of a text are tokenized: enough for any news article, and it bounds time
/// and memory when a scraped "article" is a multi-megabyte dump.
pub const MAX_TEXT_BYTES: usize = 200_000;

/// Splits `text` (its first [`MAX_TEXT_BYTES`]) into tokens. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut cut = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let chars: Vec<(usize, char)> = text[..cut].char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { cut };
    let mut out: Vec<Token> = Vec::with_capacity(n / 5);
    let mut sent_start = true;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_ascii_digit() {
            let (value, j) = parse_digits(&chars, i);
            let year_like = j - i == 4 && (1800.0..=2100.0).contains(&value);
            out.push(Token {
                kind: Kind::Number { value, year_like },
                start: byte_at(i),
                end: byte_at(j),
                folded: String::new(),
                cap: false,
                acronym: false,
                sent_start,
            });
            sent_start = false;
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i;
            let mut folded = String::new();
            let mut letters = 0usize;
            let mut uppers = 0usize;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() && !d.is_ascii_digit() {
                    letters += 1;
                    if d.is_uppercase() {
                        uppers += 1;
                    }
                    push_folded(d, &mut folded);
                    j += 1;
                } else {
                    break;
                }
            }
            let cap = c.is_uppercase();
            out.push(Token {
                kind: Kind::Word,
                start: byte_at(i),
                end: byte_at(j),
                folded,
                cap,
                acronym: letters >= 2 && uppers == letters,
                sent_start,
            });
            sent_start = false;
            i = j;
            continue;
        }
        let kind = match c {
            ',' | ';' | ':' | '(' | ')' | '–' | '—' => Some(Kind::Comma),
            '.' | '!' | '?' | '\n' | '…' => Some(Kind::Stop),
            c if is_quote(c) => Some(Kind::Quote),
            _ => None,
        };
        if let Some(kind) = kind {
            if matches!(kind, Kind::Stop | Kind::Quote) {
                sent_start = true;
            }
            out.push(Token {
                kind,
                start: byte_at(i),
                end: byte_at(i + 1),
                folded: String::new(),
                cap: false,
                acronym: false,
                sent_start: false,
            });
        }
        i += 1;
    }
    resolve_number_words(text, &mut out);
    out
}

/// Parses a run of digits starting at `i` with thousands groups and a decimal part.
/// Returns the value and the index after the number.
fn parse_digits(chars: &[(usize, char)], i: usize) -> (f64, usize) {
    let n = chars.len();
    let digit = |k: usize| k < n && chars[k].1.is_ascii_digit();
    let mut j = i;
    let mut int = String::new();
    while digit(j) {
        int.push(chars[j].1);
        j += 1;
    }
    let mut frac = String::new();
    let first_group_len = int.len();
    loop {
        if j + 1 >= n || !is_group_sep(chars[j].1) || !digit(j + 1) {
            break;
        }
        let sep = chars[j].1;
        let mut k = j + 1;
        while digit(k) {
            k += 1;
        }
        let run = k - (j + 1);
        let space_sep = !matches!(sep, ',' | '.');
        if run == 3 && first_group_len <= 3 && frac.is_empty() {
            // A thousands group: "2 000", "2,000", "2.000", "1'000".
            for c in &chars[j + 1..k] {
                int.push(c.1);
            }
            j = k;
            continue;
        }
        if !space_sep && frac.is_empty() && run != 3 {
            // A decimal part: "1.5", "1,5".
            for c in &chars[j + 1..k] {
                frac.push(c.1);
            }
            j = k;
        }
        break;
    }
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    (text.parse().unwrap_or(0.0), j)
}

/// Applies scale words ("1.5 million", "3 тысячи") and turns number words ("eight", "huit",
/// "восемь") into numbers, in place.
fn resolve_number_words(_text: &str, toks: &mut Vec<Token>) {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut iter = std::mem::take(toks).into_iter().peekable();
    while let Some(mut t) = iter.next() {
        if t.kind == Kind::Word {
            if let Some(v) = word_value(&t.folded) {
                // "one"/"un"/"uno" are articles far more often than numbers: only with a scale.
                let next_scale = iter
                    .peek()
                    .filter(|n| n.kind == Kind::Word)
                    .and_then(|n| scale_of(&n.folded));
                if v > 1.0 || next_scale.is_some() {
                    t.kind = Kind::Number {
                        value: v,
                        year_like: false,
                    };
                }
            }
        }
        if let Kind::Number { value, .. } = t.kind {
            if let Some(next) = iter.peek() {
                if next.kind == Kind::Word {
                    if let Some(s) = scale_of(&next.folded) {
                        let next = iter.next().expect("peeked");
                        t.end = next.end;
                        t.kind = Kind::Number {
                            value: value * s,
                            year_like: false,
                        };
                    }
                }
            }
        }
        out.push(t);
    }
    *toks = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(s: &str) -> Vec<f64> {
        tokenize(s).iter().filter_map(Token::number).collect()
    }

    #[test]
    fn separators_and_decimals() {
        assert_eq!(
            numbers("2 000 et 2,000 or 2.000"),
            vec![2000.0, 2000.0, 2000.0]
        );
        assert_eq!(numbers("1.5 million people"), vec![1_500_000.0]);
        assert_eq!(numbers("1,5 Millionen"), vec![1_500_000.0]);
        assert_eq!(numbers("12,345.6"), vec![12345.6]);
        assert_eq!(numbers("3 тысячи человек"), vec![3000.0]);
        assert_eq!(numbers("on 5, 6 and 7"), vec![5.0, 6.0, 7.0]);
    }

    #[test]
    fn huge_text_is_cut() {
        let text = "Ab ".repeat(200_000);
        let t = tokenize(&text);
        assert!(t.len() <= MAX_TEXT_BYTES / 3 + 1);
        assert!(t.last().unwrap().end <= MAX_TEXT_BYTES);
        let text = "é".repeat(150_000);
        assert_eq!(tokenize(&text).len(), 1);
    }

    #[test]
    fn number_words() {
        assert_eq!(numbers("погибли восемь человек"), vec![8.0]);
        assert_eq!(numbers("huit policiers"), vec![8.0]);
        assert_eq!(numbers("one man and one million"), vec![1_000_000.0]);
    }

    #[test]
    fn words_and_sentences() {
        let t = tokenize("Le président Tokaïev a parlé. NATO et l'ОДКБ.");
        let w: Vec<_> = t.iter().filter(|t| t.is_word()).collect();
        assert!(w[0].sent_start && w[0].cap);
        assert_eq!(w[2].folded, "tokaiev");
        assert!(!w[2].sent_start && w[2].cap);
        let nato = w.iter().find(|t| t.folded == "nato").unwrap();
        assert!(nato.acronym && nato.sent_start);
        assert!(w.iter().any(|t| t.folded == "odkb" && t.acronym));
    }
}
