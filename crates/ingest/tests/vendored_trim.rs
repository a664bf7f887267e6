//! The extractor's `trim` is patched for speed (vendor/trafilatura/NEWSPRISM.md). These tests
//! hold it to upstream's behaviour, written out here as the reference: drop soft hyphens,
//! collapse whitespace runs to one space, trim the ends, normalise to NFC.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// trafilatura 0.6.0's `utils::trim`, as published.
fn upstream_trim(s: &str) -> String {
    let no_soft_hyphen: String = s.chars().filter(|&c| c != '\u{00AD}').collect();
    let joined = no_soft_hyphen
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    joined.nfc().collect()
}

#[test]
fn trim_matches_upstream_on_tricky_text() {
    let cases = [
        "",
        "   ",
        "plain",
        "  two\n\twords  ",
        "soft\u{00AD}hyphen",
        "a \u{00AD} b",
        "\u{00AD}",
        "nbsp\u{00A0}and\u{2003}em space\u{3000}ideographic",
        // NFD: u + combining diaeresis must come out as one precomposed ü.
        "Mu\u{0308}nchen",
        "e\u{0301}te\u{0301} \u{00AD} caf\u{00E9}",
        // Hangul jamo compose under NFC.
        "\u{1100}\u{1161}\u{11A8}",
        "Москва\u{00A0}\u{00A0}— «новости»",
        "ქართული\r\nტექსტი",
    ];
    for case in cases {
        assert_eq!(
            trafilatura::utils::trim(case),
            upstream_trim(case),
            "input {case:?}"
        );
    }
}

proptest! {
    #[test]
    fn trim_matches_upstream_on_any_text(s in "\\PC*") {
        prop_assert_eq!(trafilatura::utils::trim(&s), upstream_trim(&s));
    }

    #[test]
    fn trim_matches_upstream_with_marks_and_spaces(
        s in proptest::collection::vec(
            prop_oneof![
                Just("a".to_string()),
                Just("\u{0301}".to_string()),
                Just("\u{0308}".to_string()),
                Just("\u{00AD}".to_string()),
                Just(" ".to_string()),
                Just("\u{00A0}".to_string()),
                Just("\n".to_string()),
                Just("\u{1100}".to_string()),
                Just("\u{1161}".to_string()),
                Just("é".to_string()),
            ],
            0..24,
        )
    ) {
        let s: String = s.concat();
        prop_assert_eq!(trafilatura::utils::trim(&s), upstream_trim(&s));
    }
}
