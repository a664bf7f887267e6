//! The article's writers from the page's head, when the byline and dateline rules named nobody.
//!
//! Those rules read a byline they can also remove, so they stay narrow ("By Jane Doe" on a short
//! line of its own). Reading a name is safer than removing a line, and pages sign in more ways
//! than the line rules know: "Rédigé par Wassim Gharbi | 16 février 2025", "By Rachel Oduya &
//! Tom Fenwick", "✍️ Texte : Céline Rappaz – Le Messager", "Autorzy: Kamil Wrona, Agnieszka
//! Pyzik", "Par la rédaction de RKM avec Ludovic Anatole", or the writer's bare name on the
//! line next to the date. This pass only reads: it removes nothing and runs last, so it can
//! only fill an author that was missing.

use crate::chrome;
use crate::dates;
use crate::patterns;
use crate::provenance;

/// Words that open a byline, lower case, a colon written without the space before it (a line's
/// "Texte :" is read as "texte:"). Longer labels first, so "written by" wins over "by".
const LABELS: &[&str] = &[
    // en
    "written by",
    "words by",
    "story by",
    "posted by",
    "reporting by",
    "interview by",
    "authors:",
    "author:",
    "text:",
    "words:",
    "interview:",
    "by:",
    "by",
    // fr
    "propos recueillis par",
    "une chronique de",
    "une tribune de",
    "un article de",
    "un reportage de",
    "article de",
    "rédigé par",
    "redige par",
    "écrit par",
    "publié par",
    "reportage de",
    "reportage:",
    "entretien:",
    "texte:",
    "textes:",
    "auteurs:",
    "auteur:",
    "par:",
    "par",
    // de
    "eine kolumne von",
    "ein kommentar von",
    "ein gastbeitrag von",
    "ein beitrag von",
    "eine analyse von",
    "ein interview von",
    "eine reportage von",
    "das gespräch führte",
    "das interview führte",
    "gespräch:",
    "autorin:",
    "autoren:",
    "von:",
    "von",
    // it
    "a cura di",
    "scritto da",
    "articolo di",
    "testo:",
    "intervista:",
    "autrice:",
    "autore:",
    "di",
    // es
    "escrito por",
    "artículo de",
    "texto:",
    "entrevista:",
    "por:",
    "por",
    // pl
    "autorka:",
    "autorzy:",
    "tekst:",
    "rozmawiał:",
    "rozmawiała:",
    "autor:",
    "przez",
    // ru, uk
    "авторы:",
    "автори:",
    "автор:",
    "текст:",
    "беседовал:",
    "беседовала:",
    // el
    "σύνταξη:",
    "κείμενο:",
    "ρεπορτάζ:",
    "συνέντευξη:",
    "γράφει ο",
    "γράφει η",
    // ka
    "ავტორი:",
    "ტექსტი:",
];

/// Words after which a writer's name ends: who they write for, or whom they write with
/// ("Par Dwayne Mercer pour The Heartland Ledger", "Par Sophie Delvaux avec Belga").
const NAME_ENDS: &[&str] = &[
    " pour ",
    " for ",
    " für ",
    " per ",
    " para ",
    " dla ",
    " для ",
    " avec ",
    " with ",
    " mit ",
    " con ",
    " z ",
    " à ",
    " in ",
    " en ",
    " a ",
    " le ",
    " on ",
    " am ",
    " il ",
    " el ",
    " paru ",
    " publié ",
    " publiée ",
    " published ",
    " erschienen ",
    " pubblicato ",
    " publicado ",
];

/// Words that join one writer to the next.
const JOINERS: &[&str] = &[
    " et ", " and ", " und ", " e ", " y ", " i ", " и ", " & ", " ή ",
];

/// How many non-empty lines from the top are read: a byline stands above the text or among its
/// first lines, and further down a name beside a date is more likely a comment's.
const TOP_LINES: usize = 25;

/// The writers of `a` from its first lines as scraped (`line_at` gives line `i` as it was
/// before cleaning), or nothing. `body_start` is the index in `nonempty` of the body's first
/// line, when one was found; a bare name is read only above it or among its first lines.
pub(crate) fn from_head<'a>(
    nonempty: &[usize],
    body_start: Option<usize>,
    line_at: impl Fn(usize) -> &'a str,
    keep: impl Fn(&str) -> bool,
) -> Option<String> {
    let top: Vec<&str> = nonempty
        .iter()
        .skip(1)
        .take(TOP_LINES)
        .map(|&i| line_at(i).trim())
        .collect();
    // A labelled byline anywhere in the top lines.
    let labelled = top
        .iter()
        .filter(|l| words_up_to(l, 26) <= 25)
        .find_map(|l| labelled_writers(l).filter(|n| keep(n) && !is_translator(n, &top)));
    if labelled.is_some() {
        return labelled;
    }
    // The writer's bare name next to the page's date ("Geneviève Tremblay-Ouellet" over
    // "28 janvier 2025"), or one line apart with the writer's role between ("Игорь Селиванов" /
    // "Политолог, эксперт …" / "21 августа 2025, 08:30"), below the body's first line and
    // at most three lines under a line of prose (the standfirst): elsewhere a name beside the
    // date is the site's masthead or a social page's ("Gmina Zielony Dół" / "3 lutego o 14:27").
    let first = body_start?;
    let prose_above = |k: usize| {
        top[k.saturating_sub(3)..k]
            .iter()
            .any(|l| words_up_to(l, 10) >= 10)
    };
    let dated = |k: usize| {
        top.get(k)
            .is_some_and(|l| words_up_to(l, 13) <= 12 && dates::first_date(l).is_some())
    };
    // (`top[k]` is `nonempty[k + 1]`.)
    (first..(first + 6).min(top.len())).find_map(|k| {
        let name = top[k].trim_end_matches([',', '.', ';']);
        let beside = (k > 0 && dated(k - 1)) || dated(k + 1) || dated(k + 2);
        (beside && prose_above(k) && is_bare_name(name) && keep(name) && !is_translator(name, &top))
            .then(|| name.to_string())
    })
}

/// A line that is a person's name and nothing else: no word in capitals ("ΔΕΛΤΙΟ ΤΥΠΟΥ",
/// "Kaz FM"), none capitalised inside ("KaraïbInfo"), no newsroom, no columns of spaces.
fn is_bare_name(name: &str) -> bool {
    let caps = |w: &str| {
        let letters = || w.chars().filter(|c| c.is_alphabetic());
        letters().count() >= 2 && letters().all(char::is_uppercase)
    };
    // "KaraïbInfo": a capital after a small letter joins two words into a brand.
    let joined = |w: &str| {
        w.chars()
            .zip(w.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    };
    // "Новоборск. Главное": a full stop ends a word that is no initial.
    let sentence = |w: &str| w.ends_with('.') && w.chars().count() > 2;
    chrome::is_person_name(name)
        && !name.contains("  ")
        && !name
            .split_whitespace()
            .any(|w| caps(w) || joined(w) || sentence(w))
        && !chrome::is_newsroom(name)
        && !is_desk(name)
        && !is_credit(name)
}

/// "Traduzione di Chiara Benassi", "Avec la Presse Nordique": a translator's or a partner's
/// credit, which reads like a name.
fn is_credit(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    chrome::CREDIT_JOINERS.contains(&first.as_str())
        || patterns::mentions_translation(&patterns::normalize(name))
}

/// The writer of a reposted or translated article, named with the outlet that first ran it on
/// a line of the page's top or foot ("Niamh Gallagher, The Western Ledger, Irlanda",
/// "Оригінал: Magdalena Wójcik, Gazeta Nadodrzańska, 14.05.2025", "Jens Hartwig, „Oder-Kurier”").
pub(crate) fn with_outlet<'a>(
    nonempty: &[usize],
    outlet: &str,
    line_at: impl Fn(usize) -> &'a str,
) -> Option<String> {
    let outlet = outlet.trim();
    if outlet.chars().count() < 3 {
        return None;
    }
    let n = nonempty.len();
    let ends = nonempty.iter().skip(1).take(TOP_LINES).chain(
        nonempty
            .iter()
            .skip(n.saturating_sub(30).max(TOP_LINES + 1)),
    );
    ends.map(|&i| line_at(i).trim())
        .filter(|l| words_up_to(l, 26) <= 25)
        .find_map(|l| {
            let at = l.find(outlet)?;
            let before = l[..at]
                .trim_end()
                .trim_end_matches([',', '(', '«', '„', '"', '“', '—', '–', '-', '|', '·'])
                .trim_end();
            // ("Traduit du portugais par X. Un article de Y paru dans Z": the last sentence.)
            let before = before.rsplit(". ").next().unwrap_or(before);
            let before = before.trim_start_matches(|c: char| !c.is_alphanumeric());
            let names = before.replace(" :", ":");
            let labelled = after_label(&names).or_else(|| after_label_in(&names, ORIGINAL_LABELS));
            let rest = labelled.unwrap_or(&names);
            let rest = rest.trim_start_matches([':', ' ']).trim();
            // After a label the name ends where a name does ("Un article de Y paru dans Z");
            // without one, the whole of what stands before the outlet is the name list.
            let name = name_part(rest);
            (labelled.is_some() || name == rest.trim_end_matches(['.', ':']))
                .then(|| writers(name))
                .flatten()
                .filter(|w| !is_translator(w, &[l]))
        })
}

/// Labels of a translation's credit to its original ("Original: X, Outlet").
const ORIGINAL_LABELS: &[&str] = &[
    "article original de",
    "l'article original de",
    "original article by",
    "originalartikel von",
    "articolo originale di",
    "artículo original de",
    "original:",
    "originale:",
    "oryginał:",
    "оригинал:",
    "оригінал:",
    "texte original:",
];

/// How many words `line` has, counted up to `max` (a scraped page may hold one line of
/// megabytes; counting all of its words for each look would be quadratic in effect).
pub(crate) fn words_up_to(line: &str, max: usize) -> usize {
    line.split_whitespace().take(max).count()
}

/// The writers a byline line names after its label, in any of the line's parts ("Par X | 12
/// février 2024", "Reportage vidéo : X · Montage : Y" gives no one: its label is not a byline's).
fn labelled_writers(line: &str) -> Option<String> {
    line.split(['|', '·', '•'])
        // "Traduit du néerlandais par X, bénévole. Un article de Y paru dans …": a credit may
        // be a later sentence of the part (the whole part first, for initials: "Par J. M. X").
        .flat_map(|part| std::iter::once(part).chain(part.split(". ").skip(1)))
        .find_map(|seg| {
            let seg = seg
                .trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .replace(" :", ":");
            let rest = after_label(&seg)?;
            names_after(rest)
        })
}

/// Whether the first of `names` is credited as the translator in one of `lines` ("Traduit du
/// néerlandais par X", "Traduction : X"): on a translated repost the page's "Publié par X" is
/// the translator's post, and the writer is the original's.
fn is_translator(names: &str, lines: &[&str]) -> bool {
    let first = names.split(", ").next().unwrap_or(names);
    lines.iter().filter(|l| words_up_to(l, 61) <= 60).any(|l| {
        l.match_indices(first).any(|(at, _)| {
            let before = &l[..at];
            let from = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
            patterns::mentions_translation(&patterns::normalize(&before[from..]))
        })
    })
}

/// The text after a byline label that opens `seg`, or nothing.
fn after_label(seg: &str) -> Option<&str> {
    after_label_in(seg, LABELS)
}

/// The text after one of `labels` that opens `seg`, or nothing.
fn after_label_in<'s>(seg: &'s str, labels: &[&str]) -> Option<&'s str> {
    let lower = seg.to_lowercase();
    labels.iter().find_map(|label| {
        let rest_lower = lower.strip_prefix(label)?;
        // A word label ends at a space or a colon ("Written By: X"); a colon label may run on
        // ("Texte:Céline").
        if !label.ends_with(':') && !rest_lower.starts_with([' ', ':']) {
            return None;
        }
        let skip = newsprism_core::text::clip_chars(seg, label.chars().count()).len();
        Some(&seg[skip..])
    })
}

/// The writers named at the start of `rest` ("Kamil Wrona, Agnieszka Pyzik", "Rachel Oduya &
/// Tom Fenwick", "notre correspondant, Gérard Fabre", "la rédaction de RKM avec Ludovic
/// Anatole"), joined as "A, B", or nothing when the words are not people's names.
fn names_after(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([':', ' ', '—', '–', '-']).trim();
    // "Autorzy: Kamil Wrona, Agnieszka Pyzik": names listed with commas, each a person's.
    let listed: Vec<&str> = rest.split(", ").map(str::trim).collect();
    if listed.len() >= 2 && listed.len() <= 4 {
        if let Some(names) = people(&listed) {
            return Some(names);
        }
    }
    let head = name_part(rest);
    if let Some(names) = writers(head) {
        return Some(names);
    }
    // "la rédaction de RKM avec Ludovic Anatole", "notre correspondant, Gérard Fabre": a
    // newsroom signs, and the person it names after "with" or a comma is the writer.
    if !chrome::is_newsroom(head) && !is_desk(head) {
        return None;
    }
    [" avec ", " with ", " mit ", " con ", ", "]
        .iter()
        .find_map(|w| rest.split_once(w))
        .and_then(|(_, after)| writers(name_part(after)))
}

/// `rest` up to the first mark that ends a name: a comma, a bracket, a slash or an asterisk, a
/// dash between words, or a word that names an outlet or a partner ("pour", "avec").
fn name_part(rest: &str) -> &str {
    let mut end = rest
        .find([',', '(', ';', '/', '*', '«', '"', '„', '“', '['])
        .unwrap_or(rest.len());
    for w in NAME_ENDS.iter().chain([" – ", " — ", " - "].iter()) {
        if let Some(i) = rest[..end].find(w) {
            end = i;
        }
    }
    rest[..end].trim().trim_end_matches(['.', ':'])
}

/// "Julien Aubertin et Inès Bakhti & Tom Fenwick" -> "Julien Aubertin, Inès Bakhti, Tom
/// Fenwick"; a newsroom among them ("Thomas Delvaux et la rédaction") is left out.
fn writers(name: &str) -> Option<String> {
    let mut parts = split_names(name, JOINERS);
    parts.retain(|p| !chrome::is_newsroom(p) && !is_desk(p));
    people(&parts)
}

/// "Julien Aubertin et Inès Bakhti" -> "Julien Aubertin, Inès Bakhti" when every part is a
/// person's name (not a newsroom, not an agency: "Por: Agencia EFE"), at most three, else
/// nothing: the byline rules' reading, stricter than [`writers`], which leaves a newsroom out.
pub(crate) fn strict_writers(name: &str) -> Option<String> {
    const AND: &[&str] = &[" et ", " and ", " und ", " e ", " y ", " i ", " и ", " & "];
    let parts = split_names(name, AND);
    let ok = parts.len() <= 3
        && parts.iter().all(|p| {
            chrome::is_person_name(p) && !chrome::is_newsroom(p) && !provenance::is_news_agency(p)
        });
    ok.then(|| parts.join(", "))
}

/// `name` cut at every one of `joiners` ("A et B & C" -> A, B, C), each part trimmed.
fn split_names<'a>(name: &'a str, joiners: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![name.trim()];
    for j in joiners {
        parts = parts
            .iter()
            .flat_map(|p| p.split(j))
            .map(str::trim)
            .collect();
    }
    parts
}

/// The names joined as "A, B" when each is a person's (not an agency's), at most four.
fn people(parts: &[&str]) -> Option<String> {
    let ok = !parts.is_empty()
        && parts.len() <= 4
        && parts
            .iter()
            .all(|p| chrome::is_person_name(p) && !provenance::is_news_agency(p) && !is_credit(p));
    ok.then(|| parts.join(", "))
}

/// "notre correspondant", "l'équipe des Régions", "our weather team": a desk or a team signs,
/// not a person.
fn is_desk(s: &str) -> bool {
    const DESK: &[&str] = &[
        "équipe",
        "l'équipe",
        "team",
        "correspondant",
        "correspondante",
        "correspondent",
        "salle",
        "desk",
        "notre",
        "our",
        "unsere",
        "unser",
        "nostro",
        "nostra",
        "nuestro",
        "nuestra",
        "admin",
        "sas",
        "sarl",
        "gmbh",
        "ltd",
        "inc",
        "llc",
    ];
    s.split_whitespace()
        .any(|w| DESK.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(lines: &[&str]) -> Option<String> {
        let idx: Vec<usize> = (0..lines.len()).collect();
        from_head(&idx, Some(1), |i| lines[i], |_| true)
    }

    #[test]
    fn labelled_bylines_in_many_forms() {
        let cases = [
            (
                "Rédigé par Wassim Gharbi | 16 février 2025 à 18:47",
                "Wassim Gharbi",
            ),
            ("By Rachel Oduya & Tom Fenwick", "Rachel Oduya, Tom Fenwick"),
            (
                "Autorzy: Kamil Wrona, Agnieszka Pyzik",
                "Kamil Wrona, Agnieszka Pyzik",
            ),
            ("Eine Kolumne von Katharina Wendt", "Katharina Wendt"),
            (
                "✍️ Texte : Céline Rappaz – Le Messager du Chablais, 11.09.2024",
                "Céline Rappaz",
            ),
            (
                "Par la rédaction de RKM avec Ludovic Anatole",
                "Ludovic Anatole",
            ),
            ("Par notre correspondant, Gérard Fabre", "Gérard Fabre"),
            (
                "Par Mélanie Tremblay-Gagnon et l'équipe de la salle des nouvelles",
                "Mélanie Tremblay-Gagnon",
            ),
            ("Σύνταξη: Μαρία Κατσαρού", "Μαρία Κατσαρού"),
            (
                "Автор: Hannah Whitcombe, The Northern Ledger (Велика Британія), 9 лютого 2024 р.",
                "Hannah Whitcombe",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(top(&["Headline", line]).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn sentences_and_labels_of_other_credits_name_no_writer() {
        for line in [
            "By Monday the storm had passed and the roads were open again.",
            "Par la rédaction",
            "Reportage vidéo : Serge Kouamé · Montage : Marius Yao",
            "Par AFP",
            "Di nuovo in piazza i lavoratori della Fiat",
        ] {
            assert_eq!(top(&["Headline", line]), None, "{line}");
        }
    }

    #[test]
    fn a_reposts_writer_is_named_with_its_original_outlet() {
        let lines = [
            "Headline",
            "A paragraph of the translated article, long enough to be prose.",
            "Оригінал: Magdalena Wójcik, Gazeta Nadodrzańska, 14.05.2025",
        ];
        let idx: Vec<usize> = (0..lines.len()).collect();
        let got = with_outlet(&idx, "Gazeta Nadodrzańska", |i| lines[i]);
        assert_eq!(got.as_deref(), Some("Magdalena Wójcik"));
        let lines = [
            "Headline",
            "Traduit de l'anglais par Claire Vidal, The Western Ledger",
            "A sentence naming The Western Ledger among other words of the text.",
        ];
        let got = with_outlet(&idx, "The Western Ledger", |i| lines[i]);
        assert_eq!(got, None);
        let lines = [
            "Headline",
            "Publié le 12 avril 2024 par Collectif Terres Partagées",
            "Traduit du portugais par Hélène Gasquet. Un article de Luana Ferreira paru dans Jornal do Cerrado le 28 mars 2024.",
        ];
        let got = with_outlet(&idx, "Jornal do Cerrado", |i| lines[i]);
        assert_eq!(got.as_deref(), Some("Luana Ferreira"));
    }

    #[test]
    fn a_bare_name_is_the_writer_only_beside_the_date() {
        assert_eq!(
            top(&[
                "Headline",
                "Standfirst of the article, which tells the story in a sentence.",
                "Geneviève Tremblay-Ouellet",
                "28 janvier 2025"
            ])
            .as_deref(),
            Some("Geneviève Tremblay-Ouellet")
        );
        assert_eq!(
            top(&[
                "Headline",
                "Standfirst of the article, which tells the story in a sentence.",
                "ΔΕΛΤΙΟ ΤΥΠΟΥ",
                "28 janvier 2025"
            ]),
            None
        );
    }
}
