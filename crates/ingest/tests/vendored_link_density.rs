//! The extractor's link-density test settles "is this element's trimmed text shorter than N
//! characters" with a bounded count of its printable ASCII characters
//! (`Document::ascii_graphic_at_least`, vendor/trafilatura/NEWSPRISM.md change 4). That is only
//! right if every such character survives `trim` as one character: these tests hold the count to
//! the text `text_content` returns and to the trimmed length, on text with combining marks, soft
//! hyphens, odd spaces and nested elements.

use proptest::prelude::*;
use trafilatura::dom::Document;

fn check(html: &str) -> Result<(), TestCaseError> {
    let doc = Document::parse(html);
    let root = doc.body().unwrap_or_else(|| doc.root());
    for id in doc.iter(root, &[]) {
        let text = doc.text_content(id);
        let ascii = text.bytes().filter(u8::is_ascii_graphic).count();
        let trimmed = trafilatura::utils::trim(&text).chars().count();
        for n in 0..ascii + 3 {
            let at_least = doc.ascii_graphic_at_least(id, n);
            prop_assert_eq!(at_least, ascii >= n, "count, n {} in {:?}", n, html);
            if at_least {
                prop_assert!(trimmed >= n, "trimmed {} < {} in {:?}", trimmed, n, html);
            }
        }
    }
    Ok(())
}

#[test]
fn bound_holds_on_tricky_markup() {
    let cases = [
        "<html><body><div><p>plain text</p><a href='/x'>a link</a></div></body></html>",
        "<html><body><div>Mu\u{0308}nchen <span>e\u{0301}te\u{0301}</span> \u{00AD}</div></body></html>",
        "<html><body><div>\u{1100}\u{1161}\u{11A8} <b>&lt;\u{0338}</b> &amp; &nbsp;x</div></body></html>",
        "<html><body><ul><li>one</li><li>  </li><li>\u{00A0}\u{3000}</li></ul></body></html>",
        "<html><body><p>Москва — «новости»</p><p>ქართული ტექსტი</p></body></html>",
        "<html><body></body></html>",
    ];
    for case in cases {
        check(case).unwrap();
    }
}

proptest! {
    #[test]
    fn bound_holds_on_generated_markup(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("a"), Just("Zz9"), Just("\u{0301}"), Just("\u{0308}"), Just("\u{00AD}"),
                Just(" "), Just("\u{00A0}"), Just("\n"), Just("\u{1100}"), Just("\u{1161}"),
                Just("é"), Just("&lt;"), Just("\u{0338}"), Just("<span>"), Just("</span>"),
                Just("<p>"), Just("</p>"), Just("<a href='#'>"), Just("</a>"),
            ],
            0..30,
        )
    ) {
        check(&format!("<html><body><div>{}</div></body></html>", parts.concat()))?;
    }
}
