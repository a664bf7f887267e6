//! Language identification.
//!
//! whatlang is used rather than lingua: it is tiny, loads instantly and is accurate on
//! article-length text, which is what we classify (one guess per article, not per sentence). Both
//! cover all of en fr de it pl ru es el ka.

use newsprism_core::{Lang, LangGuess};

/// How much of a long article is looked at; enough for a confident guess, bounded for speed.
const SAMPLE_BYTES: usize = 4000;

/// Detects the language of `text`; `code` is `None` when the text is too short or mixed to tell.
pub fn detect(text: &str) -> LangGuess {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) => {
            let code = Lang::parse(iso639_1(info.lang()));
            LangGuess {
                code: if info.confidence() >= 0.2 { code } else { None },
                confidence: info.confidence() as f32,
            }
        }
        None => LangGuess {
            code: None,
            confidence: 0.0,
        },
    }
}

/// whatlang speaks ISO 639-3; the rest of newsprism speaks ISO 639-1.
fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Ita => "it",
        Pol => "pl",
        Rus => "ru",
        Spa => "es",
        Ell => "el",
        Kat => "ka",
        Ukr => "uk",
        Por => "pt",
        Nld => "nl",
        Tur => "tr",
        Ara => "ar",
        Ces => "cs",
        Slk => "sk",
        Ron => "ro",
        Hun => "hu",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Slv => "sl",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Bel => "be",
        Heb => "he",
        Pes => "fa",
        Hin => "hi",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hye => "hy",
        Aze => "az",
        Vie => "vi",
        Ind => "id",
        Tha => "th",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_main_languages() {
        let cases = [
            ("en", "The government announced new measures on Tuesday to curb rising prices, but critics said they came far too late."),
            ("fr", "Le gouvernement a annoncé mardi de nouvelles mesures pour freiner la hausse des prix, mais les critiques estiment qu'elles arrivent bien trop tard."),
            ("de", "Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die steigenden Preise zu bremsen, doch Kritiker sagen, sie kämen viel zu spät."),
            ("ru", "Правительство во вторник объявило о новых мерах по сдерживанию роста цен, но критики говорят, что они приняты слишком поздно."),
            ("pl", "Rząd ogłosił we wtorek nowe środki mające powstrzymać wzrost cen, ale krytycy twierdzą, że przyszły o wiele za późno."),
            ("it", "Il governo ha annunciato martedì nuove misure per frenare l'aumento dei prezzi, ma i critici affermano che sono arrivate troppo tardi."),
        ];
        for (want, text) in cases {
            let g = detect(text);
            assert_eq!(
                g.code.map(|l| l.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
            assert!(g.confidence > 0.5);
        }
        assert_eq!(detect("").code, None);
    }
}
