//! Dates in datelines ("Publié le 2 décembre 2026 à 14h05", "Stand: 02.12.2026", "June 13, 2019",
//! "3 декабря 2026") as ISO `YYYY-MM-DD`, so a text dump's date reaches `Article::published` and
//! story matching can use it.
//!
//! Written by hand because the date crates parse numeric and English forms but not month names in
//! French, German, Italian, Spanish, Polish and Russian (with Polish and Russian genitives), and a
//! dateline needs nothing more than day, month and year.

/// The first complete date (day, month, year with four digits) in `line`, as `YYYY-MM-DD`.
pub fn first_date(line: &str) -> Option<String> {
    let tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')'))
        .map(|t| t.trim_matches(['.', ':', '–', '-']).to_lowercase())
        .filter(|t| !t.is_empty() && !matches!(t.as_str(), "de" | "del" | "of" | "the"))
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        if let Some(d) = numeric_date(t) {
            return Some(d);
        }
        // "24-Sep-2024", "03-mar-2025": day, month name and year in one token.
        let mut parts = t.splitn(4, '-');
        if let (Some(d), Some(m), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            if let (Some(d), Some(m), Some(y)) = (day_number(d), month_number(m), year_number(y)) {
                return iso(y, m, d);
            }
        }
        let next = |k: usize| tokens.get(i + k).map(String::as_str);
        // (The month names, hundreds of them, are looked up last: only where a day and a year
        // stand round the token, which in a paragraph of prose is almost nowhere.)
        let year = next(2).and_then(year_number);
        // 2 décembre 2026, 7. Juli 2022, 3 декабря 2026
        if let (Some(y), Some(day)) = (year, day_number(t)) {
            if let Some(m) = next(1).and_then(month_number) {
                return iso(y, m, day);
            }
        }
        // December 3, 2026; Dec 2 2026
        if let (Some(y), Some(day)) = (year, next(1).and_then(day_number)) {
            if let Some(m) = month_number(t) {
                return iso(y, m, day);
            }
        }
    }
    None
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "02.12.2026", "2026-12-02", "2/12/2026" (day first, as in most of our languages; month first
/// when the second number cannot be a month: "12/25/2024").
fn numeric_date(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    match (parts[0].len(), parts[2].len()) {
        (4, 1..=2) => iso(n[0], n[1], n[2]),
        (1..=2, 4) if t.contains('/') && n[1] > 12 => iso(n[2], n[0], n[1]),
        (1..=2, 4) => iso(n[2], n[1], n[0]),
        _ => None,
    }
}

fn day_number(t: &str) -> Option<u32> {
    let t = t.trim_end_matches(['.', 'º']);
    let t = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .or_else(|| t.strip_suffix("er"))
        .unwrap_or(t);
    (t.len() <= 2 && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// Four ASCII digits: what a year looks like once the caller has trimmed its punctuation.
pub(crate) fn is_year_digits(t: &str) -> bool {
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

fn year_number(t: &str) -> Option<u32> {
    let t = t.trim_end_matches(['.', 'г']);
    is_year_digits(t)
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Month names (and English abbreviations) in our languages, Polish and Russian in the genitive
/// too ("3 grudnia", "3 декабря"), Georgian in both ("18 აპრილი", "აპრილის ნომერი").
pub(crate) fn month_number(t: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "sty",
            "january",
            "jan",
            "janvier",
            "januar",
            "jänner",
            "gennaio",
            "enero",
            "stycznia",
            "styczeń",
            "января",
            "январь",
            "janv",
            "січня",
            "ιανουαρίου",
            "янв",
            "gen",
            "ene",
            "იანვარი",
            "იანვრის",
        ],
        &[
            "lut",
            "february",
            "feb",
            "février",
            "fevrier",
            "februar",
            "febbraio",
            "febrero",
            "lutego",
            "luty",
            "февраля",
            "февраль",
            "févr",
            "fevr",
            "лютого",
            "φεβρουαρίου",
            "фев",
            "თებერვალი",
            "თებერვლის",
        ],
        &[
            "march",
            "mar",
            "mars",
            "märz",
            "marzo",
            "marca",
            "marzec",
            "марта",
            "март",
            "березня",
            "μαρτίου",
            "мар",
            "მარტი",
            "მარტის",
        ],
        &[
            "kwi",
            "april",
            "apr",
            "avril",
            "aprile",
            "abril",
            "kwietnia",
            "kwiecień",
            "апреля",
            "апрель",
            "avr",
            "квітня",
            "απριλίου",
            "апр",
            "abr",
            "აპრილი",
            "აპრილის",
        ],
        &[
            "mag",
            "may",
            "mai",
            "maggio",
            "mayo",
            "maja",
            "maj",
            "мая",
            "май",
            "травня",
            "μαΐου",
            "μαίου",
            "მაისი",
            "მაისის",
        ],
        &[
            "cze",
            "june",
            "jun",
            "juin",
            "juni",
            "giugno",
            "junio",
            "czerwca",
            "czerwiec",
            "июня",
            "июнь",
            "червня",
            "ιουνίου",
            "июн",
            "giu",
            "ივნისი",
            "ივნისის",
        ],
        &[
            "lip",
            "july",
            "jul",
            "juillet",
            "juli",
            "luglio",
            "julio",
            "lipca",
            "lipiec",
            "июля",
            "июль",
            "juil",
            "липня",
            "ιουλίου",
            "июл",
            "lug",
            "ივლისი",
            "ივლისის",
        ],
        &[
            "sie",
            "august",
            "aug",
            "août",
            "aout",
            "agosto",
            "sierpnia",
            "sierpień",
            "августа",
            "август",
            "серпня",
            "αυγούστου",
            "авг",
            "ago",
            "აგვისტო",
            "აგვისტოს",
        ],
        &[
            "wrz",
            "september",
            "sep",
            "sept",
            "septembre",
            "settembre",
            "septiembre",
            "września",
            "wrzesień",
            "сентября",
            "сентябрь",
            "вересня",
            "σεπτεμβρίου",
            "сен",
            "set",
            "სექტემბერი",
            "სექტემბრის",
        ],
        &[
            "paź",
            "october",
            "oct",
            "octobre",
            "oktober",
            "ottobre",
            "octubre",
            "października",
            "październik",
            "октября",
            "октябрь",
            "жовтня",
            "οκτωβρίου",
            "окт",
            "ott",
            "ოქტომბერი",
            "ოქტომბრის",
        ],
        &[
            "lis",
            "november",
            "nov",
            "novembre",
            "noviembre",
            "listopada",
            "listopad",
            "ноября",
            "ноябрь",
            "листопада",
            "νοεμβρίου",
            "ноя",
            "ნოემბერი",
            "ნოემბრის",
        ],
        &[
            "gru",
            "december",
            "dec",
            "décembre",
            "decembre",
            "dezember",
            "dicembre",
            "diciembre",
            "grudnia",
            "grudzień",
            "декабря",
            "декабрь",
            "déc",
            "грудня",
            "δεκεμβρίου",
            "дек",
            "dic",
            "დეკემბერი",
            "დეკემბრის",
        ],
    ];
    let t = t.trim_end_matches('.');
    // Normalised text has its Greek accents folded away ("μαιου"); so are the names compared.
    let same = |name: &str| {
        name.chars()
            .map(crate::patterns::fold_greek_accent)
            .eq(t.chars().map(crate::patterns::fold_greek_accent))
    };
    MONTHS
        .iter()
        .position(|names| names.iter().any(|n| same(n)))
        .map(|i| i as u32 + 1)
}

/// Weekday names in our languages ("mardi", "Donnerstag", "среда").
pub(crate) fn is_weekday(t: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "poniedziałek",
        "wtorek",
        "środa",
        "czwartek",
        "piątek",
        "sobota",
        "niedziela",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    DAYS.contains(&t)
}

/// Weekday abbreviations ("Wed", "Di", "пн"): only where the whole line is a date.
pub(crate) fn is_weekday_abbr(t: &str) -> bool {
    const ABBR: &[&str] = &[
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam",
        "dim", "mo", "di", "mi", "do", "fr", "sa", "so", "пн", "вт", "ср", "чт", "пт", "сб", "вс",
    ];
    ABBR.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::first_date;

    #[test]
    fn datelines_in_our_languages() {
        let cases = [
            (
                "Publié le 2 décembre 2026 à 14h05 | Mis à jour le 3 décembre 2026",
                "2026-12-02",
            ),
            ("Veröffentlicht am 03.12.2026 um 09:40 Uhr", "2026-12-03"),
            ("Stand: 7. Juli 2022", "2022-07-07"),
            ("Published: 3 December 2026, 09:40", "2026-12-03"),
            ("Updated June 13, 2019", "2019-06-13"),
            ("Last modified on Wed 2 Dec 2026 18.12 GMT", "2026-12-02"),
            ("Pubblicato il 3 dicembre 2026 alle 09:40", "2026-12-03"),
            ("Publicado el 3 de diciembre de 2026", "2026-12-03"),
            ("Opublikowano: 3 grudnia 2026, 09:40", "2026-12-03"),
            ("Опубликовано 3 декабря 2026, 09:40", "2026-12-03"),
            ("Publié le : 14/11/2026 - 10:32", "2026-11-14"),
            ("Posted 2024-03-05", "2024-03-05"),
            ("Posted: 12/25/2024", "2024-12-25"),
            ("Updated 17:32, 24-Sep-2024", "2024-09-24"),
            ("śr 24 wrz 2025, 19:12", "2025-09-24"),
            ("sab 10 mag 2025, 19:15", "2025-05-10"),
        ];
        for (line, want) in cases {
            assert_eq!(first_date(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn no_date_no_guess() {
        for line in [
            "Stand: 20. April",
            "Updated 14:05 GMT",
            "31.02.2026",
            "31-Feb-2026",
            "Jean-Pierre-Marie",
            "1.928.328",
            "Published figures show 12 % more",
        ] {
            assert_eq!(first_date(line), None, "{line}");
        }
    }
}
