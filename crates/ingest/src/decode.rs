//! Bytes to text: byte-order mark, declared charset, else statistical detection.
//!
//! Scraped news comes in every legacy encoding (Windows-1251 for Russian outlets, ISO-8859-2 for
//! Polish ones, KOI8-R in old archives), often with a missing or wrong declaration. The order is
//! the one browsers use: a BOM wins, then a declaration (HTTP header or `<meta>`), then detection
//! with chardetng, the detector Firefox uses. A declaration that the bytes contradict (declared
//! UTF-8 but invalid) is ignored in favour of detection.

use encoding_rs::Encoding;

/// Text decoded from bytes, with the encoding that was used and how it was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding, e.g. `UTF-8`, `windows-1251`.
    pub encoding: &'static str,
    /// `bom`, `declared`, `utf-8` (valid UTF-8 without declaration) or `detected`.
    pub how: &'static str,
}

/// How far into an HTML page a `<meta charset>` is looked for (browsers use 1024; some CMSs put
/// long scripts first, so this is more lenient).
const META_SCAN_BYTES: usize = 8192;

/// Decodes bytes that may be HTML/XML, honouring a BOM, then `declared` (e.g. the HTTP
/// `Content-Type` charset), then a `<meta charset>` / `http-equiv` / XML `encoding=` declaration,
/// then detection.
pub fn decode_markup(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some(d) = decode_bom(bytes) {
        return d;
    }
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let label = declared
        .and_then(|d| Encoding::for_label(d.trim().as_bytes()))
        .or_else(|| sniff_meta_charset(head));
    if let Some(enc) = label {
        // A page cannot really be UTF-16 after an ASCII-compatible declaration was read from it.
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        };
        if enc == encoding_rs::UTF_8 {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Decoded {
                    text: s.to_string(),
                    encoding: "UTF-8",
                    how: "declared",
                };
            }
            // Declared UTF-8 but invalid: the declaration is wrong, detect instead.
        } else if !(has_non_ascii(bytes) && std::str::from_utf8(bytes).is_ok()) {
            // A page declared in a legacy encoding whose non-ASCII bytes are nevertheless valid
            // UTF-8 is UTF-8 with a stale template declaration (legacy text almost never forms
            // valid multi-byte sequences by chance); otherwise trust the declaration.
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return Decoded {
                text: text.into_owned(),
                encoding: enc.name(),
                how: "declared",
            };
        }
    }
    detect(bytes)
}

/// Decodes plain text: BOM, else valid UTF-8, else detection.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some(d) = decode_bom(bytes) {
        return d;
    }
    detect(bytes)
}

fn has_non_ascii(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| *b >= 0x80)
}

fn decode_bom(bytes: &[u8]) -> Option<Decoded> {
    let (enc, len) = Encoding::for_bom(bytes)?;
    let (text, _) = enc.decode_without_bom_handling(&bytes[len..]);
    Some(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        how: "bom",
    })
}

fn detect(bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            how: "utf-8",
        };
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Feeding the first 64 KiB is plenty for a confident guess and bounds the cost on huge pages.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    det.feed(sample, sample.len() == bytes.len());
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        how: "detected",
    }
}

/// Finds `charset=NAME` in a `<meta>` tag or `encoding="NAME"` in an XML declaration.
fn sniff_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    // XML declaration first: feeds and XHTML.
    if lower.starts_with(b"<?xml") {
        if let Some(end) = find(&lower, b"?>") {
            if let Some(i) = find(&lower[..end], b"encoding=") {
                if let Some(enc) = label_at(&lower[i + 9..end]) {
                    return Some(enc);
                }
            }
        }
    }
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(j) = find(tag, b"charset") {
            let rest = &tag[j + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                if let Some(enc) = label_at(rest) {
                    return Some(enc);
                }
            }
        }
        from = end;
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn label_at(s: &[u8]) -> Option<&'static Encoding> {
    let s = s.trim_ascii_start();
    let s = s
        .strip_prefix(b"\"")
        .or_else(|| s.strip_prefix(b"'"))
        .unwrap_or(s);
    let end = s
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(s.len());
    Encoding::for_label(&s[..end])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Москва - столица России, крупнейший по численности населения город страны.";
    const FR: &str =
        "Le président a annoncé mercredi une réforme très controversée des retraites, à l'été.";
    const PL: &str =
        "Rząd przedstawił w środę projekt ustawy, który wywołał żywą dyskusję w Sejmie.";

    fn enc(name: &str, s: &str) -> Vec<u8> {
        Encoding::for_label(name.as_bytes())
            .unwrap()
            .encode(s)
            .0
            .into_owned()
    }

    #[test]
    fn detects_legacy_cyrillic_and_latin() {
        for (label, text) in [
            ("windows-1251", RU),
            ("koi8-r", RU),
            ("windows-1252", FR),
            ("iso-8859-2", PL),
        ] {
            let bytes = enc(label, &format!("{text}\n{text}\n"));
            let d = decode_text(&bytes);
            assert!(
                d.text.starts_with(text),
                "{label}: got {:?} via {}",
                d.text,
                d.encoding
            );
        }
    }

    #[test]
    fn meta_charset_and_bom_win() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>".to_vec();
        page.extend(enc("windows-1251", RU));
        let d = decode_markup(&page, None);
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.how, "declared");
        assert!(d.text.contains(RU));

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(FR.as_bytes());
        let d = decode_markup(&bom, Some("iso-8859-1"));
        assert_eq!((d.how, d.text.as_str()), ("bom", FR));
    }

    #[test]
    fn wrong_utf8_declaration_falls_back_to_detection() {
        let mut page = b"<meta charset=\"utf-8\"><p>".to_vec();
        page.extend(enc("windows-1251", &format!("{RU} {RU}")));
        let d = decode_markup(&page, None);
        assert_eq!(d.how, "detected");
        assert!(d.text.contains(RU), "{}", d.text);
    }

    #[test]
    fn stale_latin1_declaration_on_utf8_page() {
        let page = format!("<meta charset=iso-8859-1><p>{FR}</p>");
        let d = decode_markup(page.as_bytes(), None);
        assert!(d.text.contains(FR));
    }

    #[test]
    fn utf8_page_with_wrong_legacy_declaration() {
        let page = format!("<meta charset=windows-1251><p>{RU}</p>");
        let d = decode_markup(page.as_bytes(), None);
        assert!(d.text.contains(RU));
        let d = decode_markup(page.as_bytes(), Some("koi8-r"));
        assert!(d.text.contains(RU));
    }

    #[test]
    fn xml_declaration() {
        let mut feed = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><title>".to_vec();
        feed.extend(enc("koi8-r", RU));
        let d = decode_markup(&feed, None);
        assert_eq!(d.encoding, "KOI8-R");
        assert!(d.text.contains(RU));
    }
}
