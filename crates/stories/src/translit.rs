//! Folding text to lower-case ASCII so that names match across scripts and spellings.
//!
//! `Алматы`, `Almaty` and `Almatý` must meet in one key before any comparison can say that a
//! Russian and an English article talk about the same city. The tables below cover what the
//! project's languages need (Latin diacritics, Cyrillic incl. Ukrainian/Serbian letters, Greek,
//! Georgian) with an English-leaning romanisation; anything else alphabetic (Arabic, CJK) is kept
//! as lower-case so that same-language comparisons still work. Table-driven and allocation-light
//! because it runs over every character of every article.

/// Romanisation of one lower-case character, or `None` when it has no table entry.
fn table(c: char) -> Option<&'static str> {
    Some(match c {
        // Latin diacritics (Latin-1 supplement and Latin Extended-A, as used in en fr de it pl es tr).
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian letters).
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ђ' => "dj",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        // Greek (monotonic, with accents and diaeresis).
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        // Georgian (Mkhedruli), national romanisation without apostrophes.
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' => "e",
        'ვ' => "v",
        'ზ' => "z",
        'თ' | 'ტ' => "t",
        'ი' => "i",
        'კ' | 'ქ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' => "o",
        'პ' | 'ფ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'უ' => "u",
        'ღ' => "gh",
        'ყ' => "q",
        'შ' => "sh",
        'ჩ' | 'ჭ' => "ch",
        'ც' | 'წ' => "ts",
        'ძ' => "dz",
        'ხ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        _ => return None,
    })
}

/// Appends the folded form of one character to `out`; returns false for separators
/// (anything that is neither a letter nor a digit).
#[inline]
pub fn push_folded(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    let mut lower = c.to_lowercase();
    let first = lower.next().unwrap_or(c);
    if let Some(s) = table(first) {
        out.push_str(s);
    } else {
        out.push(first);
        out.extend(lower);
    }
    true
}

/// Folds a word or phrase: lower-case ASCII for every script in the tables, separators collapsed
/// to single spaces, trimmed.
///
/// ```
/// use newsprism_stories::translit::fold;
/// assert_eq!(fold("Алматы"), "almaty");
/// assert_eq!(fold("Kraków, Łódź"), "krakow lodz");
/// assert_eq!(fold("Αθήνα"), "athina");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let before = out.len();
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        let mark = out.len();
        let is_letter = push_folded(c, &mut out);
        if is_letter && out.len() > mark {
            pending_space = false;
        } else {
            // Separators set a pending space; letters that fold to nothing (soft sign) leave
            // the state as it was.
            out.truncate(before);
            pending_space |= !is_letter;
        }
    }
    out
}

/// A spelling-tolerant key for a name: the folded word reduced to its first letter and
/// consonant skeleton, truncated to five letters.
///
/// Romanisations disagree on vowels and on `y`/`j`/`i` (`Tokayev`/`Tokaev`, `Kyiv`/`Kiev`),
/// on `k`/`c`/`kh` and on `z`/`s` (`Kasachstan`/`Kazakhstan`), and Slavic case endings change the
/// last letters (`Москва`/`Москве`); the skeleton ignores all of that. Short names keep their
/// full folded form, since a one-letter skeleton would match everything.
///
/// ```
/// use newsprism_stories::translit::name_key;
/// assert_eq!(name_key("Tokayev"), name_key("Токаев"));
/// assert_eq!(name_key("Almaty"), name_key("Алматы"));
/// assert_eq!(name_key("Kazakhstan"), name_key("Kasachstan"));
/// ```
pub fn name_key(word: &str) -> String {
    let folded = fold(word);
    skeleton(&folded)
}

/// [`name_key`] for text that is already folded.
pub fn skeleton(folded: &str) -> String {
    let b: Vec<u8> = folded.bytes().filter(|c| *c != b' ').collect();
    if b.is_empty() {
        return String::new();
    }
    if !b.iter().all(u8::is_ascii_alphanumeric) {
        return folded.to_string();
    }
    let mut out = String::with_capacity(6);
    let norm = |c: u8| -> u8 {
        match c {
            b'c' | b'q' => b'k',
            b'w' => b'v',
            b'z' => b's',
            b'j' | b'y' => b'i',
            c => c,
        }
    };
    let first = norm(b[0]);
    out.push(first as char);
    let mut last = first;
    let mut i = 1;
    while i < b.len() && out.len() < 5 {
        let c = norm(b[i]);
        // "kh", "sh", "th", "ph", "gh": the h is a romanisation artefact.
        let is_vowel = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'h');
        if !is_vowel && c != last {
            out.push(c as char);
        }
        if !is_vowel {
            last = c;
        } else {
            last = 0;
        }
        i += 1;
    }
    if out.len() < 2 || (out.len() == 2 && b.len() < 4) {
        // Too little skeleton to be distinctive ("Li", "Oya"): keep the folded word.
        return b.iter().map(|&c| norm(c) as char).collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_scripts() {
        assert_eq!(fold("Почему ОДКБ?"), "pochemu odkb");
        assert_eq!(fold("Straße  ÉTÉ"), "strasse ete");
        assert_eq!(fold("объявил"), "obyavil");
        assert_eq!(fold("Тбилиси"), fold("Tbilisi"));
        assert_eq!(fold("თბილისი"), "tbilisi");
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn name_keys_tolerate_romanisation() {
        assert_eq!(name_key("Moscow"), name_key("Москва"));
        assert_eq!(name_key("Москве"), name_key("Москва"));
        assert_eq!(name_key("Kyiv"), name_key("Kiev"));
        assert_ne!(name_key("Paris"), name_key("Berlin"));
        assert_eq!(name_key("Li"), "li");
    }
}
