//! Passes over a whole article rather than one line: where the body starts and ends, comment
//! threads, runs of menu items, and the blocks that form around a line already removed (the
//! buttons under a cookie banner, the rest of a plea box, the headlines under "Related", the
//! tagline under the site's name). They run after the per-line cues of [`crate::chrome`] and
//! read what those removed.

use newsprism_core::{Article, RemovedLine};

use crate::{chrome, dates, patterns, CleanOptions};

/// Whether the text before a copyright sign is a footer's links, spaced apart or barred
/// ("Regulamin  Polityka prywatności  Kontakt", "About Us | Contact Us | Copyright").
fn footer_links(head: &str) -> bool {
    head.contains("  ") || head.contains(" | ")
}

/// "© 2024 Orion TV. Tous droits réservés.", "© Clarion Media Group Ltd 2024", "Copyright 2023
/// El Heraldo de la Vega": the holder named in a short copyright line (a photo credit such as
/// "© Getty Images" has no year and is not taken).
pub(crate) fn copyright_holder(line: &str) -> Option<String> {
    // Called on every line of a page without a source: the cheap prefix test goes first.
    let t = line.trim();
    // "2024", and "2005-2024" as a range.
    let is_year = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        dates::is_year_digits(w)
            || w.split_once(['-', '–'])
                .is_some_and(|(a, b)| dates::is_year_digits(a) && dates::is_year_digits(b))
    };
    // "Dépêche Orientale © 2023 | Mentions légales": the holder before the sign.
    if let Some((head, tail)) = t.split_once('©') {
        let head = head.trim().trim_end_matches([',', '-', '–', '—', ' ']);
        let year_next = tail.split_whitespace().next().is_some_and(is_year);
        let words = head.split_whitespace().count();
        // ("Copyright © 2025 X": the word is no holder; the branch below reads the name.)
        // ("Regulamin  Polityka prywatności  Kontakt  © 2024 NKN.pl": a footer's links before
        // the sign, spaced apart, are no holder; the name after it is, below.)
        if year_next
            && !footer_links(head)
            && !head.eq_ignore_ascii_case("copyright")
            && (1..=5).contains(&words)
            && head.starts_with(char::is_uppercase)
            && t.split_whitespace().count() <= 15
        {
            return Some(head.to_string());
        }
    }
    // ("About Us | Privacy Policy | Copyright © 2024 GMN. All Rights Reserved.": a footer's
    // links, then the notice, which is read from its sign.)
    let (notice, rest) = match t
        .strip_prefix('©')
        .or_else(|| t.strip_prefix("Copyright"))
        .or_else(|| t.strip_prefix("copyright"))
    {
        Some(rest) => (t, rest),
        None => {
            let (head, tail) = t.split_once('©')?;
            if !footer_links(head) {
                return None;
            }
            (tail, tail)
        }
    };
    // "© 2005-2024 X. Tous droits réservés. Toute reproduction …": the notice's first sentence.
    let first_sentence = notice.split(". ").next().unwrap_or(notice);
    if first_sentence.split_whitespace().count() > 15 {
        return None;
    }
    if !rest.split_whitespace().any(is_year) {
        return None;
    }
    let rest = rest.trim_start_matches(['©', ' ']);
    let name: Vec<&str> = rest
        .split_inclusive([' '])
        .map(str::trim)
        .skip_while(|w| is_year(w) || w.is_empty())
        .take_while(|w| !is_year(w) && !matches!(*w, "-" | "–" | "—" | "|"))
        .collect();
    let name = name.join(" ");
    let name = name
        .split(['.', ',', '|'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words) && name.starts_with(|c: char| c.is_alphanumeric() || c == '«'))
        .then_some(name)
}

/// Reply buttons under each comment ("Répondre", "Reply", "Odpowiedz · 12 · 3").
const REPLY_WORDS: &[&str] = &[
    "reply",
    "répondre",
    "antworten",
    "rispondi",
    "odpowiedz",
    "ответить",
    "responder",
    "απάντηση",
    // (Greek as `normalize` folds it: the accented form above never matches a normalised line.)
    "απαντηση",
    "პასუხი",
];

/// Rank of the first line of a comment thread scraped under the article, if there is one: a
/// comment header ("3 réponses à « … »", "2 comments", "Dodaj komentarz") followed, within the
/// next lines, by at least two reply buttons. Everything from the header down is the thread
/// (names, dates, the comments themselves, the reply form).
pub(crate) fn comment_thread(lines: &[String], nonempty: &[usize]) -> Option<usize> {
    // The button alone, or with its vote counts: "Répondre à la sécheresse" is a heading.
    let is_reply = |i: usize| {
        if lines[i].trim().len() > 40 {
            return false;
        }
        // "Répondre · Signaler un abus", "Responder · Me gusta (12)", "42 Recommend · Reply ·
        // Report": the button row, the reply button one of its items.
        // Items may be set apart by wide spaces only ("2 sem   J'aime   Répondre   12").
        // ("2 d. Lubię to! Odpowiedz 23": a social network's row, its reply button among the
        // others without separators.)
        let norm = patterns::normalize(&lines[i]);
        if chrome::is_social_action_row(&norm)
            && norm
                .split(|c: char| !c.is_alphabetic())
                .any(|w| REPLY_WORDS.contains(&w))
        {
            return true;
        }
        let spaced = lines[i].replace("  ", "|");
        spaced.split(['·', '|', '•']).any(|item| {
            let norm = patterns::normalize(item);
            let mut words = norm
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty());
            words.next().is_some_and(|w| REPLY_WORDS.contains(&w)) && words.next().is_none()
        })
    };
    let replies: Vec<usize> = (0..nonempty.len())
        .filter(|&k| is_reply(nonempty[k]))
        .collect();
    // One comment is a thread too when the comment form follows it ("Répondre" / "Laisser un
    // commentaire").
    let form_below = |k: usize| {
        (k + 1..nonempty.len().min(k + 4))
            .any(|j| opens_with_comment_notice(&patterns::normalize(&lines[nonempty[j]])))
    };
    if replies.len() < 2 && !(replies.len() == 1 && form_below(replies[0])) {
        return stamped_thread(lines, nonempty)
            .or_else(|| said_thread(lines, nonempty))
            .or_else(|| forum_replies(lines, nonempty));
    }
    // The header nearest above the first reply: a comment count under the title ("12
    // commentaires") also reads as one.
    let first = replies[0];
    (first.saturating_sub(12).max(3)..first)
        .rev()
        .find(|&k| is_comment_header(&lines[nonempty[k]]))
        .or_else(|| unheaded_thread(lines, nonempty, &replies))
}

/// "Aug 19", "19 août": a comment's stamp on a newsletter platform, a month and a day alone.
fn is_day_of_month(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let month = |w: &str| dates::month_number(w.to_lowercase().trim_end_matches('.')).is_some();
    matches!(words[..], [a, b] if (month(a) && day(b)) || (day(a) && month(b)))
}

/// Rank of the first commenter's name of a thread scraped without its header: "Moussa Ba" /
/// "12 mars 2025 à 14 h 08 min" / the comment / "Répondre", and again for the next comment.
/// Each of the first two reply buttons has, above it within a few lines, a stamp with a short
/// name line right above it (or a stamp that names the commenter itself); in the page's second
/// half only.
fn unheaded_thread(lines: &[String], nonempty: &[usize], replies: &[usize]) -> Option<usize> {
    let name = |k: usize| {
        let t = lines[nonempty[k]].trim();
        (1..=4).contains(&t.split_whitespace().count())
            && t.starts_with(char::is_uppercase)
            && !t.ends_with(['.', '!', '?', ':', ','])
    };
    // The first line (the name, or the stamp that names the commenter itself: "Σοφία Μαυρέα
    // · 18/01/2024 11:40") of the comment whose reply button is `reply`, at `lowest` or below.
    let unit = |reply: usize, lowest: usize| {
        (lowest..reply).rev().take(6).find_map(|k| {
            let stamp = lines[nonempty[k]].trim();
            if !is_comment_stamp(stamp) && !is_day_of_month(stamp) {
                return None;
            }
            if k > lowest && name(k - 1) {
                Some(k - 1)
            } else {
                stamp.starts_with(char::is_alphabetic).then_some(k)
            }
        })
    };
    let (&r0, &r1) = (replies.first()?, replies.get(1)?);
    let start = unit(r0, nonempty.len() / 2)?;
    unit(r1, r0 + 1).map(|_| start)
}

/// Rank of the first line of the replies to a forum post that pastes an article: with two
/// post headers or more ("Message non lu par bucheron_lac » 3 oct. 2024, 07:42"), the post
/// holding the most words (at least [`MIN_PASTE_WORDS`]) is the paste, and the posts after it
/// are the readers' talk about it, a comment thread. (Posts before it stay for the line rules:
/// a question that the paste answers may be the page's own.)
fn forum_replies(lines: &[String], nonempty: &[usize]) -> Option<usize> {
    let headers: Vec<usize> = (0..nonempty.len())
        .filter(|&k| {
            let t = lines[nonempty[k]].trim();
            t.split_whitespace().count() <= 24 && chrome::is_forum_post_header(t)
        })
        .collect();
    if headers.len() < 2 {
        return None;
    }
    let words = |from: usize, to: usize| -> usize {
        nonempty[from + 1..to]
            .iter()
            .map(|&i| lines[i].split_whitespace().count())
            .sum()
    };
    let (most, h) = headers
        .iter()
        .enumerate()
        .map(|(h, &k)| {
            let end = headers.get(h + 1).copied().unwrap_or(nonempty.len());
            (words(k, end), h)
        })
        .max_by_key(|&(w, h)| (w, std::cmp::Reverse(h)))?;
    // ("Gazette have updated the piece this afternoon, adding the new bit here:": the poster
    // of the paste who posts again may be adding to the article; then the thread is not told
    // apart from it.)
    let poster = |k: usize| chrome::forum_poster(&lines[nonempty[k]]);
    let pasted_by = poster(headers[h]);
    if pasted_by.is_some() && headers[h + 1..].iter().any(|&k| poster(k) == pasted_by) {
        return None;
    }
    (most >= MIN_PASTE_WORDS)
        .then(|| headers.get(h + 1).copied())
        .flatten()
}

/// Fewest words of a forum post read as an article pasted into it.
const MIN_PASTE_WORDS: usize = 150;

/// Rank of the first line of a comment thread without reply buttons: a comment header in the
/// second half of the page ("Commentaires (4)", "Deja un comentario") with, within the next
/// [`STAMP_WINDOW`] lines, a comment's stamp: its time ("Il y a 2 heures", "BrightonBelle,
/// Hove, 2 hours ago", "Anonim, 12.06.2025, 08:41", "12 abr"). A header straight above it
/// ("Komentarze (12)" over "Dodaj komentarz") opens the thread. Only under the article: a live
/// blog's entries carry the same stamps, and its share rows the same counts, from the top.
fn stamped_thread(lines: &[String], nonempty: &[usize]) -> Option<usize> {
    let n = nonempty.len();
    let header = |k: usize| is_comment_header(&lines[nonempty[k]]);
    let k = (n / 2..n).find(|&k| {
        header(k)
            && (k + 1..n.min(k + 1 + STAMP_WINDOW)).any(|j| is_comment_stamp(&lines[nonempty[j]]))
    })?;
    let mut start = k;
    while start > n / 2 && header(start - 1) {
        start -= 1;
    }
    Some(start)
}

/// Rank of the first line of a blog's comment thread told by its "<name> said…" headers
/// ("Anonymous said...", "Ανώνυμος είπε...", "Jean-Marc a dit…"): two of them or more in the
/// second half of the page, the thread opening at the first one, or at a comment header up to
/// three lines above it ("3 commentaires:").
fn said_thread(lines: &[String], nonempty: &[usize]) -> Option<usize> {
    let n = nonempty.len();
    let mut said = (n / 2..n).filter(|&k| is_said_header(&lines[nonempty[k]]));
    let first = said.next()?;
    said.next()?;
    let header = (first.saturating_sub(3).max(n / 2)..first)
        .find(|&k| is_comment_header(&lines[nonempty[k]]));
    Some(header.unwrap_or(first))
}

/// "Anonymous said...", "Ανώνυμος είπε...", "Marco ha detto…": a blog comment's header, the
/// commenter's name and a verb of saying before an ellipsis.
pub(crate) fn is_said_header(line: &str) -> bool {
    const SAID: &[&str] = &[
        "said",
        "says",
        "wrote",
        "dit",
        "écrit",
        "gesagt",
        "sagte",
        "schrieb",
        "geschrieben",
        "detto",
        "scritto",
        "dijo",
        "escribió",
        "είπε",
        "έγραψε",
        "сказал",
        "сказала",
        "написал",
        "написала",
        "написав",
        "написала",
        "сказав",
        "powiedział",
        "powiedziała",
        "napisał",
        "napisała",
        "თქვა",
        "დაწერა",
    ];
    let t = line.trim();
    let Some(head) = t.strip_suffix("...").or_else(|| t.strip_suffix('…')) else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| SAID.contains(&w.to_lowercase().as_str()))
}

/// Lines below a comment header within which a comment's stamp must come (the header's sort
/// and filter buttons sit between).
const STAMP_WINDOW: usize = 8;

/// Words saying a time is in the past ("il y a", "ago", "vor", "fa", "temu", "назад", "hace",
/// "πριν"), normalised.
const AGO_WORDS: &[&str] = &[
    "ago",
    "il y a",
    "vor",
    "fa",
    "temu",
    "назад",
    "hace",
    "πριν",
    "წინ",
];
/// Stems of time units in the same languages.
const TIME_UNITS: &[&str] = &[
    "min",
    "hour",
    "hr",
    "day",
    "week",
    "heure",
    "jour",
    "semaine",
    "stunde",
    "std",
    "tag",
    "woche",
    "ora",
    "ore",
    "minut",
    "giorn",
    "settiman",
    "godzin",
    "godz",
    "dni",
    "dzie",
    "dzień",
    "tydz",
    "час",
    "мин",
    "дн",
    "день",
    "недел",
    "hora",
    "dia",
    "semana",
    "ωρ",
    "λεπτ",
    "μερ",
    "εβδομ",
    "საათ",
    "წუთ",
    "დღ",
    "კვირ",
];

/// The verb of a comment's header in WordPress themes ("Marc L. dit :", "Anna says:").
const SAYS: &[&str] = &[
    "dit",
    "says",
    "said",
    "sagt",
    "schreibt",
    "dice",
    "scrive",
    "pisze",
    "napisał",
    "пишет",
    "пише",
    "γράφει",
];

/// A comment's stamp: a relative time ("Il y a 2 heures", "Steve_T, Leeds, 3 hours ago") or a
/// date, alone or after the commenter's name, in a short line.
fn is_comment_stamp(line: &str) -> bool {
    let norm = patterns::normalize(line);
    // ("Jeannot69 – 18 février 2025 à 21 h 14": a dash between name and date is no word.)
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    // "Marc L. dit : 27 janvier 2025 à 21 h 14 min": WordPress names the commenter, says that
    // they say, and dates it.
    let says = norm
        .split_once(" : ")
        .or_else(|| norm.split_once(": "))
        .is_some_and(|(head, tail)| {
            let head: Vec<&str> = head.split_whitespace().collect();
            (2..=4).contains(&head.len())
                && SAYS.contains(head.last().unwrap_or(&""))
                && dates::first_date(tail).is_some()
        });
    if says && words.len() <= 14 {
        return true;
    }
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    // A comment plugin's action row: "Μου αρέσει · Απάντηση · 5 ώ", "Like · Reply · 2h": short
    // buttons, then the comment's age.
    let parts: Vec<&str> = line.split('·').map(str::trim).collect();
    if parts.len() >= 3
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.split_whitespace().count()))
        && parts
            .last()
            .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    // "PatriotMom1776 · 3h", "Rick T. · 3h": the commenter's handle (or first name and
    // initial) and the comment's age.
    if let [handle, age] = parts[..] {
        let initial = handle
            .split_once(' ')
            .is_some_and(|(_, i)| i.len() <= 3 && i.ends_with('.') && !i.contains(' '));
        if (!handle.contains(' ') || initial) && is_compact_age(age) {
            return true;
        }
    }
    let ago = has_ago_word(&words.join(" "));
    let unit = words
        .iter()
        .any(|w| TIME_UNITS.iter().any(|u| w.starts_with(u)));
    if ago && unit {
        return true;
    }
    // "12 abr", "Anonim, 12.06.2025, 08:41", "1.Posté par Gorgui le 20/03/2025 11:02 |
    // Alerter": a day and a month, with the commenter's name and a button or two.
    dates::first_date(line).is_some()
        || words.windows(2).any(|p| {
            p[0].len() <= 2
                && p[0].chars().all(|c| c.is_ascii_digit())
                && dates::month_number(p[1].trim_end_matches('.')).is_some()
        })
}

/// "Keystone-ATS · il y a 2 h", "dpa · 14:32": a news item's source and age, the line under
/// each headline of a news list (and under the article's own).
fn is_item_stamp(line: &str) -> bool {
    let Some((source, age)) = line.split_once(" · ") else {
        return false;
    };
    if !(1..=4).contains(&source.split_whitespace().count()) || age.split_whitespace().count() > 5 {
        return false;
    }
    let age = patterns::normalize(age);
    let clock = age.len() == 5 && age.as_bytes()[2] == b':';
    let relative = has_ago_word(&age)
        && age.split_whitespace().any(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || TIME_UNITS.iter().any(|u| w.starts_with(u))
        });
    clock || relative || is_compact_age(&age)
}

/// A news list flattened into text: headlines each followed by a stamp ("Genève: la police
/// saisit 40 kilos …" / "Keystone-ATS · il y a 1 h"), two pairs or more running. The article's
/// own headline and stamp may close the run: a pair followed by the body (a line of 20 words or
/// more within the next two) is left alone.
pub(crate) fn remove_stamped_lists(a: &mut Article, nonempty: &[usize]) {
    let n = nonempty.len();
    let stamp = |k: usize| k < n && is_item_stamp(&a.lines[nonempty[k]]);
    let item = |k: usize| {
        let t = a.lines[nonempty[k]].trim();
        !t.is_empty() && t.split_whitespace().count() <= 20 && !is_item_stamp(t)
    };
    let long = |k: usize| k < n && a.lines[nonempty[k]].split_whitespace().count() >= 20;
    let mut found = Vec::new();
    let mut k = 1;
    while k < n {
        // A run of (item, stamp) pairs whose first stamp is at rank k.
        let mut pairs = Vec::new();
        let mut j = k;
        while stamp(j) && item(j - 1) {
            pairs.push(j);
            j += 2;
        }
        if pairs
            .last()
            .is_some_and(|&last| long(last + 1) || long(last + 2))
        {
            pairs.pop();
        }
        if pairs.len() >= 2 {
            for &p in &pairs {
                found.extend([nonempty[p - 1], nonempty[p]]);
            }
        }
        k = j.max(k + 1);
    }
    for i in found {
        blank(a, i, "read-more link");
    }
}

/// Whether one of [`AGO_WORDS`] stands in the (normalised, space-separated) words.
fn has_ago_word(words: &str) -> bool {
    let padded = format!(" {words} ");
    AGO_WORDS.iter().any(|w| padded.contains(&format!(" {w} ")))
}

/// A comment's age written short: "3h", "12 min", "2 j", "5 ч".
pub(crate) fn is_compact_age(s: &str) -> bool {
    const UNITS: &[&str] = &[
        "s", "m", "min", "h", "d", "j", "g", "t", "w", "ч", "д", "мин", "ώ", "λ",
    ];
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && UNITS.contains(&s[digits..].trim())
}

/// A line announcing comments: a comment phrase of the table opening it, or a count of comments
/// or replies ("3 réponses à « … »", "Komentarze (2)").
pub(crate) fn is_comment_header(line: &str) -> bool {
    const STEMS: &[&str] = &[
        "comment",
        "réponse",
        "reponse",
        "repl",
        "kommentar",
        "komentarz",
        "коммент",
        "comentario",
        "σχόλι",
        // (Greek as `normalize` folds it.)
        "σχολι",
        "ответ",
        "respuesta",
        "réaction",
        "thought",
        "réflexion",
        "gedanke",
        // "412 Postings": an Austrian or German daily's forum.
        "posting",
        // "Guestbook (14 entries)" under an obituary.
        "guestbook",
        "guest book",
        "livre d'or",
        "kondolenzbuch",
    ];
    // "4 réponses à « Le glacier … »": the quoted title does not count.
    if patterns::normalized_words_exceed(&chrome::outside_quotes(line), 15) {
        return false;
    }
    let norm = patterns::normalize(line);
    // "Une réflexion sur « … »", "One thought on “…”": WordPress spells a count of one.
    const ONE: &[&str] = &[
        "une", "un", "one", "ein", "eine", "uno", "una", "jeden", "jedna", "ενα", "один",
    ];
    let phrase = opens_with_comment_notice(&norm);
    let words: Vec<&str> = norm.split_whitespace().collect();
    let stem_at = words
        .iter()
        .take(3)
        .position(|w| STEMS.iter().any(|s| w.starts_with(s)));
    // "3 réactions — Les propos injurieux sont retirés.", "Comments (12)": the count next to
    // the word. A figure further on counts only on a line that is no sentence ("Réponse le 2
    // avril, au premier croissant.": the article's last line, its figure a date).
    let figure = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
    };
    let count_beside = stem_at.is_some_and(|k| {
        words[k].chars().any(|c| c.is_ascii_digit())
            || (k > 0 && figure(words[k - 1]))
            || words.get(k + 1).is_some_and(|w| figure(w))
    });
    let sentence = line.trim_end().ends_with('.') && words.len() >= 5;
    let counted = stem_at.is_some()
        && (count_beside
            || (norm.chars().any(|c| c.is_ascii_digit()) && !sentence)
            || (line.contains(['«', '“', '"']) && words.first().is_some_and(|w| ONE.contains(w)))
            // "Ένα σχόλιο", "Un commentaire": a count of one, alone on its line.
            || (words.len() == 2 && stem_at == Some(1) && ONE.contains(&words[0])));
    phrase || counted
}

/// Whether a comment phrase of the table opens the (normalised) line: "Laisser un commentaire",
/// "Kommentare".
fn opens_with_comment_notice(norm: &str) -> bool {
    patterns::matching(norm, 1)
        .into_iter()
        .any(|(p, start, _)| start == 0 && p.kind == patterns::Kind::Chrome("comment notice"))
}

/// "Mobilier et équipement 265 000", "Posesión | 57% | 43%": a table row flattened to a label
/// and its figures (at most ten words, opening with a letter, ending with a group of digits, or
/// its cells between bars, all but the first figures).
fn is_label_figure_row(line: &str) -> bool {
    let t = line.trim();
    let figure = |c: &str| {
        c.chars().any(|ch| ch.is_ascii_digit())
            && c.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, ',' | '.' | '%' | ' ' | '+' | '-'))
    };
    if t.contains(" | ") {
        let mut cells = t.split('|').map(str::trim);
        return cells.next().is_some_and(|l| {
            l.starts_with(char::is_alphabetic) && l.split_whitespace().count() <= 4
        }) && t.matches('|').count() >= 2
            && cells.all(figure);
    }
    t.split_whitespace().count() <= 10
        && t.starts_with(char::is_alphabetic)
        && t.split_whitespace().last().is_some_and(|w| {
            w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        })
        && t.ends_with(|c: char| c.is_ascii_digit())
}

/// Lines the per-line rules took for chrome that their neighbours show to be the article's:
/// figures listed under the article's own "Les plus fortes baisses :" ("Maison Vernet -4,62 %
/// 182,40 €", read alone as a quote widget), and a "Más información:" label followed by the
/// sentence that gives the information (a read-more label is followed by a headline, not by a
/// sentence ending in a full stop). Returns the lines brought back, in order, so that a later
/// pass over a narrower body does not take them again by the same per-line cue.
pub(crate) fn restore_introduced_lines(a: &mut Article, nonempty: &[usize]) -> Vec<usize> {
    // (An index of the removed lines: one lookup per line, not a scan, on a huge page.)
    let idx = Removed::of(a);
    let record = |i: usize| idx.record(a, i);
    // "2020        338" / "2022        452": a table's rows, a year and its figure, read one by
    // one as counters.
    // ("2022 | 41 | 9,5 | 118 000": or its cells between bars.)
    let year_row = |text: &str| {
        let mut w = text
            .split(|c: char| c.is_whitespace() || c == '|')
            .filter(|w| !w.is_empty());
        w.next()
            .is_some_and(|y| dates::is_year_digits(y) && y.starts_with(['1', '2']))
            && w.next()
                .is_some_and(|f| f.chars().any(|c| c.is_ascii_digit()))
    };
    let counted_year = |i: usize| {
        record(i).is_some_and(|r| r.reason == "counter or timestamp" && year_row(&r.text))
    };
    let mut restore = runs_of(nonempty, 2, counted_year);
    // A kept paragraph of prose: fifteen words or more, ending with a full stop.
    let kept_sentence = |j: usize| {
        let t = a.lines[j].trim();
        record(j).is_none() && t.split_whitespace().count() >= 15 && t.ends_with('.')
    };
    // A kept paragraph: fifteen words or more, ending a sentence.
    let kept_paragraph = |j: usize| {
        let t = a.lines[j].trim();
        record(j).is_none()
            && t.split_whitespace().count() >= 15
            && t.ends_with(['.', '!', '?', '»', '"', '”', ')'])
    };
    // A live blog: its entries stamped with bare clock times, three or more.
    let live_blog = nonempty
        .iter()
        .filter(|&&i| record(i).is_some_and(|r| is_time_alone(&r.text)))
        .nth(2)
        .is_some();
    for (k, &i) in nonempty.iter().enumerate() {
        // A fact-check's verdict is its conclusion, whatever rule took it.
        if record(i).is_some_and(|r| is_fact_check_verdict(&r.text)) {
            restore.push(i);
        }
        // "🔴 FLASH INFO | Le pont de Gwo Ravin s'effondre, la Route nationale coupée …" over "Le
        // pont de Gwo Ravin s'est effondré ce matin …": a post's own headline in a ticker's
        // form, which the paragraph below goes on to tell.
        if record(i).is_some_and(|r| {
            r.reason == "news ticker"
                && nonempty.get(k + 1).is_some_and(|&j| {
                    record(j).is_none()
                        && a.lines[j].split_whitespace().count() >= 15
                        && shared_stems(&r.text, &a.lines[j]) >= 2
                })
        }) {
            restore.push(i);
        }
        // "Faites un don, même petit : chaque panneau compte !" over "Ce slogan, imprimé sur des
        // affichettes …": the article quotes a plea and says so on the next line.
        if record(i).is_some_and(|r| {
            matches!(
                r.reason.as_str(),
                "donation plea" | "newsletter plea" | "follow/subscribe prompt"
            )
        }) && nonempty
            .get(k + 1)
            .is_some_and(|&j| record(j).is_none() && chrome::opens_by_naming_words(&a.lines[j]))
        {
            restore.push(i);
        }
        // "Et la newsletter, l'avez-vous arrêtée ?" between two answers of an interview: a
        // question put to somebody about their newsletter. A plea in question form ("Envie de
        // recevoir notre newsletter ?") comes with its form or button, not with the article's
        // paragraphs on both sides.
        // ("Lire aussi: …" inserted between the answer and the question is skipped: the answer
        // above is still the interview's.)
        let answer_above = nonempty[..k]
            .iter()
            .rev()
            .take(2)
            .find(|&&j| !matches!(record(j), Some(r) if r.reason == "read-more link"));
        if record(i).is_some_and(|r| {
            r.reason == "newsletter plea"
                && r.text.trim_end().ends_with('?')
                && nonempty.get(k + 1).is_some_and(|&next| {
                    answer_above.is_some_and(|&above| {
                        [above, next].iter().all(|&j| {
                            record(j).is_none()
                                && a.lines[j].trim_end().ends_with(['.', '!', '»', '"', '”'])
                        })
                    })
                })
        }) {
            restore.push(i);
        }
        let t = a.lines[i].trim();
        // "Heure | Hauteur à Béverlé" over "05:00 | 2,12 m": a table's header row kept, its rows
        // (times and figures, read as stamps or a widget) right below it, as many cells each.
        // ("Pays — Stocks — Part du GNL" over "France — 97 % — 48 %": dashes part the cells
        // as well as bars.)
        // A header names its columns: no figure, short cells, no sentence's end; dashes part
        // three of them at least ("FC Hauteville – SOV" over a fixture's date is no header).
        let header = |l: &str| {
            let min = if l.contains(" | ") { 2 } else { 3 };
            !l.contains(|ch: char| ch.is_ascii_digit())
                && !l.ends_with(['.', '?', '!', ':'])
                && row_cells(l).count() >= min
                && row_cells(l).all(|c| c.split_whitespace().count() <= 5)
        };
        if !t.is_empty() && header(t) && t.chars().any(char::is_alphabetic) {
            let width = row_cells(t).count();
            for &j in &nonempty[k + 1..] {
                match record(j) {
                    Some(r)
                        if matches!(
                            r.reason.as_str(),
                            "counter or timestamp" | "widget" | "dateline"
                        ) && row_cells(&r.text).count() == width
                            && row_cells(&r.text)
                                .skip(1)
                                .all(|c| c.chars().any(|ch| ch.is_ascii_digit())) =>
                    {
                        restore.push(j)
                    }
                    _ => break,
                }
            }
        }
        // A list introduced by the article: widget rows right below a kept line ending in ':'.
        // ("Le programme de la 10e journée :" over fixtures read as other articles' headlines;
        // "Comment contribuer :" over "Faire un don en ligne sur …", the article telling how to
        // give to the charity it reports on: a site's own plea is not introduced by its text.)
        if !t.is_empty() && t.ends_with(':') {
            // "… y, al pie, una línea en letra chica:" over "“Si no desea recibir más este
            // boletín, haga clic aquí. © Banco …”": the article quotes, whole and in quotation
            // marks, the lines it announces (a scam's fine print read as a legal notice).
            if t.split_whitespace().count() >= 4 {
                if let Some(&j) = nonempty.get(k + 1) {
                    if record(j).is_some_and(|r| is_wholly_quoted(&r.text)) {
                        restore.push(j);
                    }
                }
            }
            // ("Die Statistik:" / "Torschüsse: 14 – 11" / "Ballbesitz: 46 % – 54 %": the list
            // goes on through the short rows the rules kept.)
            for &j in nonempty[k + 1..].iter().take(MAX_INTRODUCED_ROWS) {
                match record(j) {
                    Some(r)
                        if matches!(
                            r.reason.as_str(),
                            "widget"
                                | "list of other articles"
                                | "donation plea"
                                | "navigation menu"
                        ) =>
                    {
                        restore.push(j)
                    }
                    // "Новое время отправления (будни):" over "6:10 | 6:40 | 7:10": a timetable's
                    // rows, figures alone, read as time stamps.
                    // ("Toutes les réactions :" over "214", "Publié le :" over "12/03/2024
                    // 10:00": one count or one stamp is no timetable.)
                    Some(r)
                        if matches!(r.reason.as_str(), "counter or timestamp" | "dateline")
                            && !r.text.chars().any(char::is_alphabetic)
                            && r.text
                                .split_whitespace()
                                .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                                .count()
                                >= 3 =>
                    {
                        restore.push(j)
                    }
                    // "• Remplacement de 140 points lumineux par des LED :" over "96 000 €": a
                    // printed list item's amount, wrapped to the next line right below it.
                    Some(r)
                        if r.reason == "counter or timestamp"
                            && nonempty.get(k + 1) == Some(&j)
                            && r.text.contains(['€', '$', '£', '₽', '₴', '₺']) =>
                    {
                        restore.push(j)
                    }
                    Some(_) => break,
                    // A kept row of the same list: a label, a colon and figures.
                    None if a.lines[j].split_whitespace().count() <= 8
                        && a.lines[j].contains(':')
                        && a.lines[j].chars().any(|c| c.is_ascii_digit()) => {}
                    None => break,
                }
            }
        }
        // "Hautbray-Centre : les travaux démarrent" / "le 14 avril": a printed headline wrapped
        // through its date, which goes on in lower case from a kept line left open; a page's
        // dateline opens its own line, and gives its year ("giovedì 14 settembre 2023" under
        // the site's name).
        if record(i).is_some_and(|r| {
            r.reason == "dateline"
                && r.text.trim_start().starts_with(char::is_lowercase)
                && !r
                    .text
                    .split(|c: char| !c.is_ascii_digit())
                    .any(dates::is_year_digits)
        }) && k > 0
            && {
                let j = nonempty[k - 1];
                let above = a.lines[j].trim();
                record(j).is_none()
                    && above.split_whitespace().count() >= 3
                    && above.ends_with(char::is_lowercase)
            }
        {
            restore.push(i);
        }
        // "Possession : 54 % – 46 %" over "Tirs (cadrés) : 14 (6) – 9 (3)", "Corners : 7 – 4":
        // a match's statistics, the first row read as a widget, the rows below kept.
        // ("Investimenti netti: 9,3 mio CHF" over "Moltiplicatore: 78%": or the last row of
        // the article's key figures, the rows above kept.)
        if record(i).is_some_and(|r| r.reason == "widget" && is_stat_row(&r.text))
            && (nonempty
                .get(k + 1)
                .is_some_and(|&j| record(j).is_none() && is_stat_row(&a.lines[j]))
                || k.checked_sub(1).map(|p| nonempty[p]).is_some_and(|j| {
                    let above = a.lines[j].trim();
                    record(j).is_none() && (is_stat_row(above) || is_key_figure(above))
                }))
        {
            restore.push(i);
        }
        // "Honoraires 520 000" / "Divers et imprévus (env. 4 %) 155 000" / "Total 4 200 000": a
        // row of the article's table flattened to a label and its figure, read alone as a widget
        // for its percent, between kept rows of the same shape.
        // ("Estadísticas" over "Posesión | 57% | 43%" and kept rows: a short heading above the
        // first row.)
        let kept_row = |j: usize| record(j).is_none() && is_label_figure_row(&a.lines[j]);
        let heading = |j: usize| {
            let t = a.lines[j].trim();
            record(j).is_none()
                && (1..=3).contains(&t.split_whitespace().count())
                && !t.ends_with(['.', '!', '?', ','])
        };
        if record(i).is_some_and(|r| r.reason == "widget" && is_label_figure_row(&r.text))
            && k > 0
            && (kept_row(nonempty[k - 1]) || heading(nonempty[k - 1]))
            && nonempty.get(k + 1).is_some_and(|&next| kept_row(next))
        {
            restore.push(i);
        }
        // "Une lettre d'information pour les habitants" over "Autre nouveauté : la mairie lancera
        // en avril une lettre d'information numérique …": a subheading of the article, its words
        // taken up by the prose below; a plea box's title is followed by its form or its ask.
        if let Some(r) = record(i).filter(|r| {
            matches!(r.reason.as_str(), "newsletter plea" | "donation plea")
                && r.text.split_whitespace().count() <= 8
                && !r.text.trim_end().ends_with(['.', '!', '?', ':'])
        }) {
            let below = nonempty
                .get(k + 1)
                .filter(|&&j| record(j).is_none())
                .map(|&j| a.lines[j].to_lowercase())
                .unwrap_or_default();
            let content = |w: &&str| w.chars().count() >= 4;
            let shared = r
                .text
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(content)
                .filter(|w| below.split(|c: char| !c.is_alphanumeric()).any(|b| b == *w))
                .count();
            // ("Une lettre d'information numérique" between two paragraphs of a council's
            // budget, the second about the newsletter it will send: a subheading in the body. A
            // plea addresses the reader, "Notre lettre d'information", "Faire un don"; a
            // subheading names a thing.)
            let first_word = r
                .text
                .split_whitespace()
                .next()
                .map(str::to_lowercase)
                .unwrap_or_default();
            let definite = [
                "la", "le", "les", "the", "die", "der", "das", "el", "il", "lo",
            ];
            let names_a_thing = chrome::INDEFINITE_ARTICLES.contains(&first_word.as_str());
            let above_prose = names_a_thing && k > 0 && kept_sentence(nonempty[k - 1]);
            let below_words = below.split_whitespace().count();
            // ("La lettre d'information aussi épinglée" over "La Cnil reproche également … la
            // case d'inscription à sa newsletter …": the paragraph below reports on a
            // newsletter, in a sentence; a box's own text asks the reader to sign up.)
            let names_newsletter = |t: &str| {
                ["newsletter", "lettre d'information", "infolettre"]
                    .iter()
                    .any(|w| t.contains(w))
            };
            // (It names the newsletter as a thing, after an article: "Notre lettre
            // d'information", "Abonnez-vous à la newsletter" address the reader.)
            // ("L'astuce de la newsletter": an elided article.)
            let opens_with_article = names_a_thing
                || definite.contains(&first_word.as_str())
                || (first_word.starts_with(['l', 'L']) && first_word[1..].starts_with(['\'', '’']));
            let reports_on_it = r.reason == "newsletter plea"
                && opens_with_article
                && (3..=6).contains(&r.text.split_whitespace().count())
                && names_newsletter(&r.text.to_lowercase())
                && below.trim_end().ends_with('.')
                && names_newsletter(&below)
                // (A box's blurb is short; a paragraph of forty words or more may itself tell
                // of a site asking to subscribe.)
                && (below_words >= 40
                    || !crate::patterns::matching(&crate::patterns::normalize(&below), usize::MAX)
                    .iter()
                    .any(|(p, _, _)| {
                        matches!(p.kind, crate::patterns::Kind::Chrome("newsletter plea"))
                    }));
            // "Inscrivez-vous aux alertes" over "La municipalité invite les citoyens … à
            // s'inscrire à son système d'alertes …": the paragraph below tells of the thing the
            // subheading names, with the same stems, and does not speak to the reader.
            let told_below = shared_stems(&r.text, &below) >= 2
                && !chrome::addresses_reader(&crate::patterns::normalize(&below));
            if below_words >= 15 && (shared >= 2 || above_prose || reports_on_it || told_below) {
                restore.push(i);
            }
        }
        // "Comment nous soutenir ?" / "Почему рассылка важнее соцсетей" between two kept
        // paragraphs: a collective's post or an editor's letter asking for support in its own
        // text, under its own subheading; a site's plea box brings its blurb and its button,
        // which the rules take, not the article's paragraphs on both sides.
        // (A question, as a subheading puts it: a box's title asks the reader to act.)
        if record(i).is_some_and(|r| {
            matches!(r.reason.as_str(), "donation plea" | "newsletter plea")
                && r.text.split_whitespace().count() <= 8
                && is_question_heading(&r.text)
        }) && k > 0
            && kept_paragraph(nonempty[k - 1])
            && nonempty.get(k + 1).is_some_and(|&j| kept_paragraph(j))
        {
            restore.push(i);
        }
        // "312 pages" / "29,95 $" / "L'autrice sera au Salon …": a price alone between two kept
        // lines is the article's fact box; a quote box's price comes with its change and its
        // name, which go too.
        if record(i).is_some_and(|r| {
            r.reason == "widget"
                && r.text.split_whitespace().count() <= 3
                && r.text.contains(['€', '$', '£', '₽'])
        }) && k > 0
            && record(nonempty[k - 1]).is_none()
            && nonempty.get(k + 1).is_some_and(|&j| record(j).is_none())
        {
            restore.push(i);
        }
        // "Indicateur | S1 2024 | S1 2025 | Variation" over "Chiffre d'affaires (MDH) | 1 842 |
        // 2 100 | +14%": a table's header, read alone as a menu, over rows the article keeps.
        // ("Locales vacíos | 11 % | 7 %" read as a widget between kept rows of its table.)
        if let Some(r) =
            record(i).filter(|r| matches!(r.reason.as_str(), "navigation menu" | "widget"))
        {
            let cells = table_cells(&r.text).count();
            // (A row taken as a counter, "2022 | 41 | 9,5 | 118 000", comes back with its
            // table: it is read as it was.)
            let row_of_figures = |j: usize| {
                let row = match record(j) {
                    Some(r) if r.reason == "counter or timestamp" => r.text.trim(),
                    _ => a.lines[j].trim(),
                };
                table_cells(row).count() == cells
                    && table_cells(row)
                        .skip(1)
                        .all(|c| c.chars().any(|ch| ch.is_ascii_digit()))
            };
            let row_below = nonempty.get(k + 1).is_some_and(|&j| row_of_figures(j));
            // "Etap | Termin | Odcinek | Organizacja ruchu" over "I | 6.05–31.05 | od drogi … |
            // ruch wahadłowy" (rows of words and figures); "Comité d'initiative (argumentaire) |
            // jusqu'à 10 % | « une majorité »" under two rows of as many cells; "Czwartek |
            // 32°C | 33°C" among other days' rows: a table of three rows or more, kept or read
            // as menus alike, two of them with figures.
            let row_text = |j: usize| match record(j) {
                None => Some(a.lines[j].as_str()),
                Some(r) if matches!(r.reason.as_str(), "navigation menu" | "widget") => {
                    Some(r.text.as_str())
                }
                Some(_) => None,
            };
            let same_shape =
                |j: usize| row_text(j).is_some_and(|t| table_cells(t).count() == cells);
            let up = (0..k)
                .rev()
                .take_while(|&m| same_shape(nonempty[m]))
                .count();
            let down = (k + 1..nonempty.len())
                .take_while(|&m| same_shape(nonempty[m]))
                .count();
            let run = &nonempty[k - up..=k + down];
            let with_figures = run
                .iter()
                .filter(|&&j| row_text(j).is_some_and(|t| t.chars().any(|c| c.is_ascii_digit())))
                .count();
            // (Rows read as widgets come back only where the article keeps some of their
            // table, or the lines right above and below it: a market widget's rows all go, and
            // its box's title or links with them.)
            let kept_at = |m: Option<usize>| m.is_some_and(|m| record(nonempty[m]).is_none());
            let framed = kept_at((k - up).checked_sub(1))
                && kept_at(Some(k + down + 1).filter(|&m| m < nonempty.len()));
            let some_kept = framed || run.iter().any(|&j| record(j).is_none());
            let in_table =
                run.len() >= 3 && with_figures >= 2 && (r.reason == "navigation menu" || some_kept);
            let row_below = row_below && r.reason == "navigation menu";
            if cells >= 3 && (row_below || in_table) {
                restore.push(i);
            }
        }
        // "Pour suivre l'avancée du chantier, inscrivez-vous" / "à la lettre d'information de
        // la commune sur": a line of a hard-wrapped paragraph (a PDF's column), mid-sentence.
        if record(i).is_some_and(|r| {
            // ("i wynosi 32 zł od osoby miesięcznie.": a fee, read as a paywall's price.)
            matches!(
                r.reason.as_str(),
                "newsletter plea" | "donation plea" | "paywall notice"
            ) && r.text.trim_start().starts_with(char::is_lowercase)
        }) && k > 0
            && {
                let j = nonempty[k - 1];
                let above = a.lines[j].trim();
                record(j).is_none()
                    && !above.is_empty()
                    && !above.ends_with(['.', '!', '?', ':', '»', '"', '”'])
                    && above.split_whitespace().count() >= 4
            }
        {
            restore.push(i);
        }
        // "Nouveauté : la lettre d'information municipale, lancée en septembre, compte" /
        // "déjà 1 200 abonnés. …": a printed page's line cut mid-sentence, its paragraph going
        // on in lower case below; a plea's line is a sentence or a button of its own.
        if record(i).is_some_and(|r| {
            matches!(
                r.reason.as_str(),
                "newsletter plea" | "donation plea" | "paywall notice"
            ) && r.text.split_whitespace().count() >= 6
                && !r
                    .text
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '…', '»', '"', '”', '→', '>'])
        }) && nonempty.get(k + 1).is_some_and(|&j| {
            // (Words going on, not a commenter's handle: "gialloblu_1974".)
            record(j).is_none()
                && a.lines[j].trim_start().starts_with(char::is_lowercase)
                && a.lines[j].split_whitespace().count() >= 3
        }) {
            restore.push(i);
        }
        // "Το 2009 τιμήθηκε από την Περιφέρεια Ηπείρου" / "για την προσφορά του …": the first
        // line of a hard-wrapped paragraph resuming under a box, read as one more headline of
        // it; a headline is not continued in lower case on the next line.
        if record(i).is_some_and(|r| {
            r.reason == "list of other articles" && !r.text.trim_end().ends_with(['.', '!', '?'])
        }) && nonempty.get(k + 1).is_some_and(|&j| {
            record(j).is_none() && a.lines[j].trim_start().starts_with(char::is_lowercase)
        }) {
            restore.push(i);
        }
        // "Up next:" over "The Miners travel to league leaders Garthwaite on Sunday …": a match
        // report's label over its own paragraph; a player's "Up next:" is over a clip's title.
        if let Some(r) = record(i).filter(|r| r.reason == "video player control") {
            if r.text.trim_end().ends_with(':')
                && r.text.split_whitespace().count() <= 3
                && nonempty.get(k + 1).is_some_and(|&j| kept_sentence(j))
                && k > 0
                && record(nonempty[k - 1]).is_none()
            {
                restore.push(i);
            }
        }
        // A label removed as a read-more link, ending in ':', over a sentence of the article.
        if let Some(r) = record(i).filter(|r| r.reason == "read-more link") {
            let below = nonempty
                .get(k + 1)
                .map(|&j| a.lines[j].trim())
                .unwrap_or("");
            // ("Zum Weiterlesen:" over a teaser's sentence stays removed: only a label that
            // announces information, "Más información:", introduces the article's own.)
            if r.text.trim_end().ends_with(':')
                && r.text.to_lowercase().contains("inform")
                && r.text.split_whitespace().count() <= 3
                && below.split_whitespace().count() >= 10
                && below.ends_with('.')
            {
                restore.push(i);
            }
        }
        // "… в прошлом году спасателям пришлось дважды снимать рыбаков со льдин." / "Подробнее о
        // проекте" / "По данным администрации, капитальный мост …"; "Sign up for alerts" over a
        // bulletin's paragraph on the alert service: a subheading between two paragraphs whose
        // first word or two are a link's ("подробнее", "sign up") and the rest its topic. A
        // link's label is the whole phrase ("À lire aussi dans ce numéro", "Story continues
        // below advertisement", "Afficher plus d'événements").
        if record(i).is_some_and(|r| {
            let t = r.text.trim();
            let words = t.split_whitespace().count();
            let norm = patterns::normalize(t);
            let label_words = patterns::matching(&norm, 1)
                .into_iter()
                .filter(|(p, start, _)| {
                    *start == 0
                        && matches!(p.kind, patterns::Kind::Chrome(_) | patterns::Kind::Label)
                })
                .map(|(p, _, _)| p.words)
                .max()
                .unwrap_or(usize::MAX);
            matches!(r.reason.as_str(), "read-more link" | "account/search link")
                && (3..=6).contains(&words)
                && label_words <= 2
                && words >= label_words + 2
                && t.starts_with(char::is_uppercase)
                && !t.ends_with(['.', '!', '?', ':', '…', '→', '»', '>', '▶', '›'])
        }) && k > 0
            && {
                let above = a.lines[nonempty[k - 1]].trim();
                record(nonempty[k - 1]).is_none()
                    && above.split_whitespace().count() >= 8
                    && above.ends_with(['.', '!', '?', '»', '"', '”'])
            }
            && nonempty.get(k + 1).is_some_and(|&j| {
                record(j).is_none() && a.lines[j].split_whitespace().count() >= 10
            })
        {
            restore.push(i);
        }
        // "16:52" / "That's it from us for today" / "Thanks for following …": on a live blog
        // (three bare clock stamps or more) the short line between an entry's stamp and its
        // first paragraph is the entry's headline, whatever phrase it shares with a link
        // ("Council: sign up for text alerts" over the council's alert service).
        if live_blog
            && record(i).is_some_and(|r| {
                matches!(
                    r.reason.as_str(),
                    "read-more link" | "account/search link" | "newsletter plea"
                ) && !r.text.trim_end().ends_with(':')
                    && r.text.split_whitespace().count() <= 10
            })
            && k > 0
            && record(nonempty[k - 1]).is_some_and(|r| is_time_alone(&r.text))
            && nonempty.get(k + 1).is_some_and(|&j| {
                // (The paragraph may close on a quotation: `… in your area."`.)
                let t = a.lines[j]
                    .trim()
                    .trim_end_matches(['"', '”', '»', '\'', '’']);
                record(j).is_none()
                    && t.split_whitespace().count() >= 12
                    && t.ends_with(['.', '!', '?'])
            })
        {
            restore.push(i);
        }
    }
    restore.extend(reported_consent_lines(a, nonempty, &idx));
    restore.sort_unstable();
    restore.dedup();
    // "Tonnes distribuées    3 950    +6 %" / "Dons financiers reçus    612 000 €    -8 %": a
    // row of a table laid out with runs of spaces, under a row laid out the same way that is
    // kept or brought back (by a rule above, or by this one: "Département      22 %" over
    // "État (DETR)      15 %" over "Emprunt communal      25 %").
    let spaced_row = |t: &str| t.contains("   ") && t.chars().any(|c| c.is_ascii_digit());
    let mut rows = Vec::new();
    for k in 1..nonempty.len() {
        let (above, i) = (nonempty[k - 1], nonempty[k]);
        let above_back = record(above).is_none()
            || restore.binary_search(&above).is_ok()
            || rows.last() == Some(&above);
        if above_back
            && spaced_row(idx.scraped(a, above).trim())
            && record(i).is_some_and(|r| r.reason == "widget" && r.text.trim().contains("   "))
        {
            rows.push(i);
        }
    }
    restore.extend(rows);
    restore.sort_unstable();
    restore.dedup();
    put_back(a, &restore);
    restore
}

/// "“Si no desea recibir más este boletín …”", "« Tout accepter »": a line that is one
/// quotation, opened by its first character and closed by its last, with no quotation mark
/// between (two quoted button labels side by side are no quotation).
fn is_wholly_quoted(line: &str) -> bool {
    let t = line.trim();
    let pairs = [('“', '”'), ('«', '»'), ('„', '“'), ('"', '"')];
    pairs.iter().any(|&(open, close)| {
        t.chars().count() > 2
            && t.starts_with(open)
            && t.ends_with(close)
            && !t[open.len_utf8()..t.len() - close.len_utf8()].contains([open, close])
    })
}

/// "💰 Comment nous soutenir ?", "Почему рассылка важнее соцсетей": a subheading put as a
/// question, by its mark or by its first word.
fn is_question_heading(line: &str) -> bool {
    const ASK: &[&str] = &[
        "comment",
        "pourquoi",
        "why",
        "how",
        "warum",
        "wie",
        "perché",
        "come",
        "dlaczego",
        "jak",
        "почему",
        "как",
        "por",
        "cómo",
        "γιατί",
        "πώς",
        "чому",
        "як",
    ];
    let t = line.trim();
    let first = t
        .split_whitespace()
        .find(|w| w.chars().any(char::is_alphabetic))
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    t.ends_with('?') || (ASK.contains(&first.as_str()) && !t.ends_with(['.', '!', ':']))
}

/// Kept paragraphs naming cookies that make a page a report *on* cookies.
const COOKIE_TOPIC_LINES: usize = 3;

/// "Trois boutons sont proposés :" / "Tout accepter" / "Tout refuser" / "Personnaliser mes
/// choix": a fact-check or a consumer test about cookie banners quotes a banner's buttons and
/// sentences in its body. On a page whose kept prose talks of cookies in three paragraphs or
/// more, a line read as a cookie notice right below a kept line (or below one brought back
/// here) is the article's; the site's own banner opens or closes the page among other chrome,
/// and nothing is brought back before the first kept paragraph.
fn reported_consent_lines(a: &Article, nonempty: &[usize], idx: &Removed) -> Vec<usize> {
    // (Each spelling as a sentence or a title sets it, so that no line is lower-cased.)
    let names_cookies = |t: &str| {
        [
            "cookie",
            "Cookie",
            "COOKIE",
            "témoin",
            "Témoin",
            "куки",
            "Куки",
            "КУКИ",
            "ciasteczk",
            "Ciasteczk",
            "μπισκότ",
            "Μπισκότ",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    let prose = |i: usize| a.lines[i].split_whitespace().count() >= 10;
    let topic = nonempty
        .iter()
        .filter(|&&i| idx.record(a, i).is_none() && prose(i) && names_cookies(&a.lines[i]))
        .nth(COOKIE_TOPIC_LINES - 1)
        .is_some();
    let mut back = Vec::new();
    if !topic {
        return back;
    }
    // Kept paragraphs above (not the title): a page's banner comes before the third.
    let mut prose_above = 0;
    // Whether the line above is the article's, ending a sentence or opening a list ("Trois
    // boutons sont proposés :") or a row of its figures, or brought back here.
    let mut above_open = false;
    for &i in nonempty {
        match idx.record(a, i) {
            None => {
                let t = a.lines[i].trim();
                let title = a.title_is_line_1 && i == 0;
                prose_above += usize::from(prose(i) && !title);
                above_open = t.ends_with(['.', ':', '!', '?', '»', '"', '”'])
                    || (t.contains(':') && t.ends_with(|c: char| c.is_ascii_digit()));
            }
            Some(r) if r.reason == "cookie notice" && above_open && prose_above >= 3 => {
                back.push(i)
            }
            Some(_) => above_open = false,
        }
    }
    back
}

/// Undoes the removal of lines `lines` (0-based, sorted): their text goes back in place and
/// their records leave `removed`. For passes that see, once the rules have run, that a line
/// they took is the article's.
pub(crate) fn put_back(a: &mut Article, lines: &[usize]) {
    if lines.is_empty() {
        return;
    }
    let (back, kept): (Vec<RemovedLine>, Vec<RemovedLine>) = std::mem::take(&mut a.removed)
        .into_iter()
        .partition(|r| lines.binary_search(&(r.line as usize - 1)).is_ok());
    a.removed = kept;
    for r in back {
        a.lines[r.line as usize - 1] = r.text;
    }
}

/// "Alerte météo : averses orageuses et fortes rafales de vent, niveau orange, …" over
/// "Rabat – (MAP)" and "Publié le 13/03/2025": a headline led by a ticker's word, with the
/// article's credit or dateline right below it, is the headline, not a ticker (which has no
/// byline and holds several items).
pub(crate) fn restore_dated_headlines(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let mut back = Vec::new();
    for k in 0..nonempty.len().saturating_sub(1) {
        let Some(r) = idx
            .record(a, nonempty[k])
            .filter(|r| r.reason == "news ticker")
        else {
            continue;
        };
        let dated_below = matches!(
            idx.reason(a, nonempty[k + 1]),
            Some("attribution note" | "dateline" | "byline")
        );
        // ("18:30 Borsa: Milano chiude in rialzo": a stamped item of a ticker of such lines.)
        let stamped = r
            .text
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        if dated_below
            && !stamped
            && chrome::ticker_items(&r.text) <= 1
            && r.text.split_whitespace().count() >= 6
        {
            back.push(nonempty[k]);
        }
    }
    put_back(a, &back);
}

/// Most rows a kept line ending in a colon brings back below it: a round's results and the
/// standings under them ("Τα αποτελέσματα:" over nine results and ten teams) run past fifteen.
const MAX_INTRODUCED_ROWS: usize = 30;

/// A flattened table row's cells: split at the separator that gives the most of them (bars,
/// or spaced dashes: "France — 97 % — 48 %"; on a tie the last listed). Counted without
/// splitting: it is asked of every kept line.
fn row_cells(line: &str) -> std::str::Split<'_, &'static str> {
    let sep = [" | ", " — ", " – "]
        .into_iter()
        .max_by_key(|sep| line.matches(sep).count())
        .unwrap_or(" | ");
    line.split(sep)
}

/// "142" / "27": a post's like and comment counts, each on its own line once their icons are
/// gone. Two bare counts running (lines removed already may stand between) are no article's:
/// an article's figure comes with its words, and the labelled pages hold nine such runs, all
/// chrome. Years ("2023" / "2024", a timeline's) are left alone.
pub(crate) fn remove_bare_count_runs(a: &mut Article, nonempty: &[usize]) {
    let count = |t: &str| {
        let t = t.trim();
        (1..=5).contains(&t.len())
            && t.chars().all(|c| c.is_ascii_digit())
            && !(t.len() == 4 && (t.starts_with("19") || t.starts_with("20")))
    };
    let mut run: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    for &i in nonempty {
        let t = a.lines[i].trim();
        if t.is_empty() {
            continue;
        }
        if count(t) {
            run.push(i);
            continue;
        }
        if run.len() >= 2 {
            found.append(&mut run);
        }
        run.clear();
    }
    if run.len() >= 2 {
        found.append(&mut run);
    }
    for i in found {
        blank(a, i, "counter or timestamp");
    }
}

/// An events box ("AGENDA – Ce week-end dans votre région" / "Sam 18/01 – Acoz : souper …" /
/// "Dim 19/01 – Gerpinnes : bourse aux jouets …"): a short line naming an agenda, over two or
/// more lines that each open with a weekday and a date and a dash (or a bar).
pub(crate) fn remove_agenda_boxes(a: &mut Article, nonempty: &[usize]) {
    const AGENDA: &[&str] = &[
        "agenda",
        "termine",
        "veranstaltungen",
        "veranstaltungstipps",
        "veranstaltungskalender",
        "eventi",
        "appuntamenti",
        "wydarzenia",
        "афиша",
        "sortir",
        "what's on",
    ];
    let dated_item = |t: &str| {
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        // ("Sa, 17.05. | Ettenbach | Maibaumfest …": or a bar.)
        let Some((head, _)) = t
            .split_once(" – ")
            .or_else(|| t.split_once(" - "))
            .or_else(|| t.split_once(" | "))
        else {
            return false;
        };
        let mut w = head.split_whitespace();
        let day = w
            .next()
            .map(|d| d.trim_end_matches(['.', ',']).to_lowercase());
        day.is_some_and(|d| dates::is_weekday(&d) || dates::is_weekday_abbr(&d))
            && head.chars().any(|c| c.is_ascii_digit())
            && head.split_whitespace().count() <= 4
    };
    let mut found = Vec::new();
    for (k, &i) in nonempty.iter().enumerate() {
        let t = a.lines[i].trim();
        if t.is_empty() || t.split_whitespace().nth(8).is_some() {
            continue;
        }
        let norm = patterns::normalize(t);
        if !AGENDA.iter().any(|w| contains_words(&norm, w)) {
            continue;
        }
        let items: Vec<usize> = nonempty[k + 1..]
            .iter()
            .take_while(|&&j| dated_item(&a.lines[j]))
            .copied()
            .collect();
        if items.len() >= 2 {
            found.push(i);
            found.extend(items);
        }
    }
    for i in found {
        blank(a, i, "agenda box");
    }
}

/// A comment left between two comment notices under the article ("Dodaj komentarz" /
/// "gosc_z_radomysla: Biedni ludzie …" / "Pokaż więcej komentarzy"): in the page's second half,
/// up to three lines fenced by removed comment notices are the thread those notices frame. No
/// article text sits inside a comment box.
pub(crate) fn remove_fenced_comments(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let n = nonempty.len();
    let notice = |k: usize| idx.reason(a, nonempty[k]) == Some("comment notice");
    let mut found = Vec::new();
    for k in n / 2..n {
        if !notice(k) {
            continue;
        }
        let Some(end) = (k + 2..n.min(k + 5)).find(|&j| notice(j)) else {
            continue;
        };
        let inner = &nonempty[k + 1..end];
        if inner
            .iter()
            .all(|&i| !a.lines[i].is_empty() && a.lines[i].split_whitespace().count() <= 60)
        {
            found.extend_from_slice(inner);
        }
    }
    for i in found {
        if !a.lines[i].is_empty() {
            blank(a, i, "comment thread");
        }
    }
}

/// A cookie banner's buttons ("Accepter et fermer", "Continuer sans accepter", "Rifiuta",
/// "ΑΠΟΔΟΧΗ"): very short lines right below a removed cookie notice go with it. Nothing in an article
/// sits between a cookie banner's sentence and its buttons.
pub(crate) fn remove_consent_buttons(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    // In order, so that each removed button makes the next line a neighbour of the banner. A
    // button another cue took already ("ΣΥΜΦΩΝΩ" as an all-caps label) keeps the row going.
    let mut after_banner = false;
    for &i in nonempty {
        match idx.reason(a, i) {
            Some("cookie notice" | "embedded content notice") => after_banner = true,
            Some(_) => {
                after_banner &= idx
                    .record(a, i)
                    .is_some_and(|r| r.text.split_whitespace().count() <= 3)
            }
            None if after_banner && short_unpunctuated(a, i, 3).is_some() => {
                blank(a, i, "cookie notice")
            }
            None => after_banner = false,
        }
    }
}

/// The text of line `i` when it is a short label rather than a sentence: not the title, at most
/// `max_words` words, not ending like a sentence.
pub(crate) fn short_unpunctuated(a: &Article, i: usize, max_words: usize) -> Option<&str> {
    let t = a.lines[i].trim();
    let is_title = a.title_is_line_1 && i == 0;
    let sentence = t.ends_with(['.', '?', '!', ':']);
    let label =
        !t.is_empty() && !is_title && !sentence && t.split_whitespace().count() <= max_words;
    label.then_some(t)
}

/// "Kordon Info FR" / "48 213 abonnés": a channel's name right above its subscriber count, in a
/// channel export reposted as an article.
pub(crate) fn remove_channel_names(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let mut added = Vec::new();
    for (k, &i) in nonempty.iter().enumerate().skip(1) {
        let counted = idx.record(a, i).is_some_and(|r| {
            r.reason == "counter or timestamp" && chrome::is_subscriber_count(&r.text)
        });
        if !counted {
            continue;
        }
        let j = nonempty[k - 1];
        if short_unpunctuated(a, j, 6).is_some() {
            added.push(j);
        }
    }
    for j in added {
        blank(a, j, "channel name");
    }
}

/// The site's own name above the article ("La Gazette mosane", "voreia.gr"): a short line before
/// the body that is a web domain, the holder of the page's copyright line, or a name the page's
/// removed chrome repeats ("Suivez voreia.gr sur Google News", "© Werratal-Kurier 2024").
pub(crate) fn remove_site_names(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
    own: Option<&str>,
) {
    let Some((first, _)) = body else {
        return;
    };
    // (A printed issue's contents name its articles: "Saison cyclonique 2025 : protégez vos
    // exploitations ..... 2" repeats a headline, not the site's name.)
    let chrome_text: Vec<String> = a
        .removed
        .iter()
        .filter(|r| r.reason != "table of contents or form")
        .map(|r| r.text.clone())
        .collect();
    let title = a.lines[0].trim().to_lowercase();
    let mut added = Vec::new();
    for (k, &i) in nonempty[..first].iter().enumerate() {
        // The title printed again ("Tribune – Pourquoi l'Europe …") is not the site's name,
        // whatever its rubric word repeats.
        if a.title_is_line_1 && holds_title(&a.lines[i], &title) {
            continue;
        }
        // "FAUX" over a fact-check's headline: its verdict, whatever the chrome repeats.
        if is_fact_check_verdict(&a.lines[i]) {
            continue;
        }
        // "Station d'épuration" over "intercommunale : le chantier …": a printed headline's
        // first line, which the next one goes on in lower case.
        // (`nonempty` is in line order: the next line is the next rank, not a search.)
        let next = nonempty.get(k + 1).map(|&j| a.lines[j].trim());
        if next.is_some_and(|t| t.starts_with(char::is_lowercase)) {
            continue;
        }
        // "Tel. 07942/751 20, sowie online unter" / "www.muehlwind.at": a printed column's
        // sentence that wraps onto the address it gives.
        if runs_on_from_above(a, nonempty, k) {
            continue;
        }
        // "Le Fil Indocile — médias libres, traductions", "NSI | Northstar International": the
        // name with the site's tagline.
        // "OdF — Observatoire des Frontières": or the name after its initials.
        let parts: Vec<&str> = match short_unpunctuated(a, i, 4) {
            Some(t) => vec![t],
            None => {
                // ("Le Courrier du Val - Actualités, sport et infos locales en Dordogne-Vallée":
                // a long tagline; only a name of four words or fewer is looked up.)
                let Some(line) = short_unpunctuated(a, i, 14) else {
                    continue;
                };
                // "Αστέρας Μύρινας – Θύελλα Σάμου 2-1: Με ανατροπή η άνοδος": a headline names
                // its subject before the dash and says what happened after a colon; a tagline
                // has no colon.
                if line.contains(": ") {
                    continue;
                }
                let long = short_unpunctuated(a, i, 10).is_none();
                let Some((head, tail)) = [" — ", " – ", " | ", " - "]
                    .iter()
                    .find_map(|sep| line.split_once(sep))
                else {
                    continue;
                };
                // "L'Europe s'est-elle condamnée à l'hiver énergétique ? — Horizon Monde" over
                // the same headline alone: the page's title bar, which is the article's
                // headline, not the site's name.
                let below = nonempty.iter().copied().filter(|&j| j > i);
                if comes_again(a, below, &patterns::normalize(head)) {
                    continue;
                }
                [head.trim(), tail.trim()]
                    .into_iter()
                    .take(if long { 1 } else { 2 })
                    .filter(|p| p.split_whitespace().count() <= 4)
                    .collect()
            }
        };
        if parts.iter().any(|t| is_site_name(t, &chrome_text, own)) {
            added.push(i);
        }
    }
    for i in added {
        blank(a, i, "site name");
    }
}

/// Whether the line of rank `k` in `nonempty`, in lower case, goes on a sentence the line above
/// leaves open: a kept line of four words or more, not the headline, ending in a short
/// lower-case word, a preposition or an article ("sowie online unter"), the way a printed
/// column wraps. A masthead ("voreia.gr") stands after a menu, a date or the headline, not
/// mid-clause.
fn runs_on_from_above(a: &Article, nonempty: &[usize], k: usize) -> bool {
    if k == 0
        || !a.lines[nonempty[k]]
            .trim_start()
            .starts_with(char::is_lowercase)
        || (a.title_is_line_1 && nonempty[k - 1] == 0)
    {
        return false;
    }
    let above = a.lines[nonempty[k - 1]].trim();
    above.split_whitespace().count() >= 4
        && above.ends_with(char::is_lowercase)
        && above
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().count() <= 5 && w.chars().all(char::is_alphabetic))
}

/// A fact-check's rating on a line of its own ("FAUX", "Plutôt vrai", "MISLEADING", "ЛОЖЬ"):
/// the article's conclusion, however much it looks like a label.
pub(crate) fn is_fact_check_verdict(line: &str) -> bool {
    // (Called on every line the line model scores: no copy of a line that cannot be one.)
    if line.split_whitespace().count() > 6 {
        return false;
    }
    const VERDICTS: &[&str] = &[
        "faux",
        "intox",
        "infox",
        "vrai",
        "trompeur",
        "trompeuse",
        "plutôt faux",
        "plutôt vrai",
        "infondé",
        "false",
        "true",
        "misleading",
        "mostly false",
        "mostly true",
        "half true",
        "falso",
        "falsa",
        "vero",
        "fuorviante",
        "engañoso",
        "verdadero",
        "falsch",
        "richtig",
        "irreführend",
        "fałsz",
        "prawda",
        "manipulacja",
        "ложь",
        "правда",
        "неправда",
        "фейк",
        "манипуляция",
        "брехня",
        "маніпуляція",
        "ψευδές",
        "αληθές",
        "παραπλανητικό",
    ];
    // The table as `normalize` spells a line (Greek accents folded: "ΨΕΥΔΕΣ" is "ψευδές").
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let folded = FOLDED.get_or_init(|| VERDICTS.iter().map(|v| patterns::normalize(v)).collect());
    let is_verdict = |t: &str| folded.iter().any(|v| v == t);
    let norm = patterns::normalize(line.trim());
    let norm = norm.trim_end_matches(['.', '!', ' ']);
    // "VEREDICTO: FALSO", "Notre verdict : trompeur": the rating under its label.
    const LABELS: &[&str] = &[
        "verdict",
        "notre verdict",
        "veredicto",
        "verdetto",
        "urteil",
        "bewertung",
        "werdykt",
        "вердикт",
        "ocena",
        "rating",
        "our rating",
    ];
    let rated = norm
        .split_once(':')
        .filter(|(label, _)| LABELS.contains(&label.trim()))
        .map(|(_, v)| v.trim());
    is_verdict(norm) || rated.is_some_and(is_verdict)
}

/// Whether a short line's text is the site's name: a web domain, the copyright holder, or a name
/// the page's removed chrome repeats.
fn is_site_name(t: &str, chrome_text: &[String], own: Option<&str>) -> bool {
    let lower = t.to_lowercase();
    // "La Lettre de Côme" is "la Lettre de Côme" after "de", "Fil Indocile" after "du".
    let bare = strip_article(&lower);
    let domain = !t.contains(' ')
        && t.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        });
    let own_name = own.is_some_and(|o| o == lower);
    // ("3. გარდაიცვალა მოქანდაკე თამაზ ხუციშვილი" in the most-read list: the article's own
    // headline as a numbered item of a list of headlines, no name of the site.)
    let numbered_item = |c: &str| {
        let rest = c.trim_start_matches(|ch: char| ch.is_ascii_digit());
        rest.len() < c.len()
            && rest
                .trim_start_matches(['.', ')', ' '])
                .trim_end()
                .eq(lower.trim())
    };
    // ("ENTRETIEN" over an interview and "Retrouvez l'intégralité de cet entretien …" below
    // it: one word in lower case inside a sentence of the chrome is a common noun, not the
    // site's name.)
    // ("Wypowiedź" over a fact-check's quote and "Zgłoś wypowiedź do sprawdzenia" in the
    // header: in a short line too, a plain word in lower case is a common noun.)
    let capitalised = |raw: &str| {
        raw.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with(|c: char| !c.is_lowercase()) && w.to_lowercase() == bare)
    };
    let plain_word = !bare.contains(' ') && bare.chars().all(char::is_alphabetic);
    let named = |raw: &str| {
        bare.contains(' ')
            || (raw.split_whitespace().count() < 8 && !plain_word)
            || capitalised(raw)
    };
    // ("Jesteś tutaj: Strona główna » Aktualności » Zielony Piec 2024 – nabór wniosków": a
    // breadcrumb's last step is the article's own title, shortened, not the site's name.)
    let last_step_only = |c: &str| {
        c.rsplit_once(['»', '›', '>'])
            .is_some_and(|(steps, last)| contains_words(last, bare) && !contains_words(steps, bare))
    };
    let repeated = bare.chars().filter(|c| c.is_alphanumeric()).count() >= 3
        && chrome_text.iter().any(|raw| {
            let c = raw.to_lowercase();
            contains_words(&c, bare) && !numbered_item(&c) && named(raw) && !last_step_only(&c)
        });
    domain || own_name || repeated
}

/// A name without its leading article ("le fil indocile" -> "fil indocile"), so that "du Fil
/// Indocile" in a plea still names it.
fn strip_article(name: &str) -> &str {
    const ARTICLES: &[&str] = &[
        "le ", "la ", "les ", "l'", "the ", "il ", "lo ", "der ", "die ", "das ", "el ", "los ",
        "las ", "o ", "η ", "ο ", "το ",
    ];
    ARTICLES
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name)
}

/// A writer's name alone on a line next to the dateline ("Corinne Wälti" / "12.03.2024, 14:05
/// Uhr"), near the top: a byline without its "By". The name fills `author`.
pub(crate) fn remove_bare_bylines(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
) {
    let idx = Removed::of(a);
    let top = body.map_or(nonempty.len(), |(first, _)| (first + 4).min(nonempty.len()));
    let mut found = Vec::new();
    for k in 0..top {
        let i = nonempty[k];
        let Some(t) = short_unpunctuated(a, i, 6) else {
            continue;
        };
        // "Claire Montagut avec AFP": the writer and the agency credited with her.
        let t = chrome::CREDIT_JOINERS
            .iter()
            .find_map(|j| t.split_once(&format!(" {j} ")).map(|(name, _)| name))
            .unwrap_or(t);
        let next_to_date = neighbours(nonempty, k).any(|j| idx.reason(a, j) == Some("dateline"));
        // "Lucía Ferrándiz" / "Villanueva del Segral — 21 de agosto de 2025": a name above a
        // place and a date. The line below was read as a writer and a date; the writer is the
        // name above it, the place is the story's.
        let place_below = nonempty
            .get(k + 1)
            .filter(|&&j| idx.reason(a, j) == Some("byline"))
            .and_then(|&j| idx.record(a, j))
            .and_then(|r| chrome::name_date(&r.text))
            .map(|(place, _)| place);
        // "Tomas Lindqvist" / "The North Atlantic Review" / "22/04/2025 - 06:00h": the writer,
        // the outlet, then the date.
        let date_two_below = nonempty.get(k + 2).is_some_and(|&j| {
            idx.reason(a, j) == Some("dateline")
                && short_unpunctuated(a, nonempty[k + 1], 5)
                    .is_some_and(|m| !chrome::is_person_name(m))
        });
        // ("Diario El Tallán" over the day's date on eltallan.pe: the masthead.)
        // ("ΔΕΛΤΙΟ ΤΥΠΟΥ", "PRESS RELEASE" over the dateline: a rubric in capitals, not a
        // writer's name.)
        if (next_to_date || place_below.is_some() || date_two_below)
            && !chrome::in_capitals(t)
            && chrome::is_person_name(t)
            && !crate::names_the_site(a, t)
        {
            found.push((i, t.to_string(), place_below));
        }
    }
    for (i, name, place) in found {
        if a.author.is_none() || (place.is_some() && a.author == place) {
            a.author = Some(name);
        }
        blank(a, i, "byline");
    }
}

/// Rank (among non-empty lines) below which no line is taken for the site's tagline.
const MAX_TAGLINE_RANK: usize = 4;
/// Lowest rank of a tagline with the site's menu right below it.
const MAX_LOW_TAGLINE_RANK: usize = 8;

/// A tagline right below the site's name ("Ce que les grands médias ne vous disent pas"),
/// before the article: a short line without a full stop.
pub(crate) fn remove_taglines(a: &mut Article, nonempty: &[usize], body: Option<(usize, usize)>) {
    let idx = Removed::of(a);
    let first = body.map_or(0, |(first, _)| first);
    let mut found = Vec::new();
    // The line right above the first paragraph is the article's headline or standfirst, not
    // the site's tagline, even below a line taken for the site's name; and a tagline sits in
    // the page's header, among its first lines (further down, a rubric taken for the site's
    // name, "OPINIONI", has the headline below it).
    // ("DraaPress" / "Le portail d'information du Sud-Est" / "Accueil | National | …": under a
    // date, rates and prayer times the name and its tagline sit lower, the menu right below.)
    let menu_below = |k: usize| {
        nonempty
            .get(k + 1)
            .is_some_and(|&j| idx.reason(a, j) == Some("navigation menu"))
    };
    for k in 1..first.saturating_sub(1) {
        if k > MAX_TAGLINE_RANK && !(k <= MAX_LOW_TAGLINE_RANK && menu_below(k)) {
            continue;
        }
        // ("Brèves du Sud" / tagline / "Accueil  Argentine  Bolivie …" / "Argentine" /
        // headline: a one-word line taken for the site's name that is one of the menu's
        // sections above it is the article's rubric, and the headline stands under it.)
        // (Removed lines are blank: their words are in their records.)
        let removed_text = |j: usize| idx.record(a, nonempty[j]).map(|r| r.text.trim());
        let prev_is_name = idx.reason(a, nonempty[k - 1]) == Some("site name");
        let menu_section = prev_is_name
            && removed_text(k - 1).is_some_and(|name| {
                !name.contains(' ')
                    && (0..k - 1).any(|j| {
                        idx.reason(a, nonempty[j]) == Some("navigation menu")
                            && removed_text(j).is_some_and(|menu| {
                                menu.split_whitespace()
                                    .any(|w| w.eq_ignore_ascii_case(name))
                            })
                    })
            });
        let prev_is_name = prev_is_name && !menu_section;
        // The title printed again under the site's name is the article's.
        // (A single word is a rubric or a topic, "Kirghizistan", not a tagline.)
        let tagline = short_unpunctuated(a, nonempty[k], 10)
            .is_some_and(|t| t.split_whitespace().count() >= 2 && !is_title_again(a, t));
        // "МНЕНИЕ" / "Школа закрыта, военкомат открыт" / standfirst / byline / date: a line
        // with the page's dateline or byline within three lines below is the headline.
        // (A tagline has the site's menu or other chrome below it; a headline its standfirst.)
        let standfirst_below = nonempty
            .get(k + 1)
            .is_some_and(|&j| a.lines[j].split_whitespace().count() >= 8);
        let dated = |j: usize| {
            nonempty
                .get(j)
                .is_some_and(|&i| matches!(idx.reason(a, i), Some("dateline" | "byline")))
        };
        // (Or the writer's name right under it: "Traductions" / "Quand le dernier journal d'une
        // ville s'éteint" / "Rebecca Holloway". A date right under a tagline is the header's.)
        let writer_below = nonempty.get(k + 1).is_some_and(|&i| {
            idx.reason(a, i) == Some("byline")
                || short_unpunctuated(a, i, 4).is_some_and(chrome::is_person_name)
        });
        let headline_block = (standfirst_below && (k + 1..k + 4).any(dated)) || writer_below;
        if prev_is_name && tagline && !headline_block {
            found.push(nonempty[k]);
        }
    }
    for i in found {
        blank(a, i, "site tagline");
    }
}

/// How far below a title bar ("<headline> — <site>") its headline comes again, in non-empty
/// lines.
const TITLE_BAR_REACH: usize = 12;

/// Whether one of the first [`TITLE_BAR_REACH`] lines `below` (0-based) reads as `norm` (a
/// normalised part of a title bar): the page's headline printed again.
fn comes_again(a: &Article, below: impl Iterator<Item = usize>, norm: &str) -> bool {
    below
        .take(TITLE_BAR_REACH)
        .any(|j| patterns::normalize(&a.lines[j]) == norm)
}

/// Lowest rank of the menu under a page's masthead.
const MAX_MASTHEAD_MENU_RANK: usize = 12;
/// Longest line read as a masthead's name or tagline.
const MAX_MASTHEAD_WORDS: usize = 10;
/// Longest tagline alone between the page's chrome and its menu.
const MAX_LONE_TAGLINE_WORDS: usize = 15;
/// Most lines of a masthead between the page's chrome and its menu.
const MAX_MASTHEAD_LINES: usize = 3;

/// "Association Terres et Eaux de Tunisie" / "Pour un accès juste et durable à l'eau" /
/// "L'association | Nos actions | Publications": short lines at the top of a page, each run of
/// them with the page's top or other chrome above it and the site's menu right below it, are
/// its masthead (the site's name and tagline), whatever the name: the article's headline comes
/// below the menu. A breadcrumb may sit under the headline, so only a menu of sections counts.
pub(crate) fn remove_masthead(a: &mut Article, nonempty: &[usize], body: Option<(usize, usize)>) {
    let Some((first, _)) = body else {
        return;
    };
    let idx = Removed::of(a);
    let any_menu = |i: usize| {
        matches!(
            idx.reason(a, i),
            Some("navigation menu" | "link list" | "account/search link")
        )
    };
    let is_menu = |i: usize| any_menu(i) && !a.lines[i].contains(['»', '›', '>']);
    // "Clean water. Safe sanitation. Stronger communities.": a slogan of short sentences.
    let slogan = |t: &str| {
        t.split_whitespace().count() <= 8
            && t.split_terminator('.')
                .all(|s| s.split_whitespace().count() <= 3)
    };
    let last = first.min(MAX_MASTHEAD_MENU_RANK + 1);
    let mut found = Vec::new();
    let mut k = 0;
    while k < last {
        if idx.reason(a, nonempty[k]).is_some() {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < last && idx.reason(a, nonempty[k]).is_none() {
            k += 1;
        }
        let run = &nonempty[run_start..k];
        // (The first lines of the page go above a breadcrumb too.)
        let top = (0..run_start).all(|j| idx.reason(a, nonempty[j]).is_some());
        // (Other chrome may stand between: a date, a widget, a button.)
        let below =
            (k..last).find(|&j| any_menu(nonempty[j]) || idx.reason(a, nonempty[j]).is_none());
        let menu_below = below
            .is_some_and(|j| j < first && (is_menu(nonempty[j]) || (top && any_menu(nonempty[j]))));
        if !menu_below || run.len() > MAX_MASTHEAD_LINES {
            continue;
        }
        // Below the site's first menu come the article's headline and its rows of links
        // (share, flowers, print): only the lines above it are the masthead.
        if nonempty[..run_start].iter().any(|&i| is_menu(i)) {
            break;
        }
        let masthead = run.iter().all(|&i| {
            let t = a.lines[i].trim();
            let max_words = if run.len() == 1 {
                MAX_LONE_TAGLINE_WORDS
            } else {
                MAX_MASTHEAD_WORDS
            };
            // ("Campagne anacarde 2025 : le prix bord champ fixé …": a headline's topic and
            // colon; a tagline has none.)
            let short = (short_unpunctuated(a, i, max_words).is_some() && !t.contains(": "))
                || (!(a.title_is_line_1 && i == 0) && slogan(t));
            // "L'Europe s'est-elle condamnée à l'hiver énergétique ? — Horizon Monde": the
            // title bar, the headline with the site's name; the headline comes again below.
            let headline_again = t.contains(['?', '!'])
                || [" — ", " – ", " | ", " - "].iter().any(|sep| {
                    t.split(sep).any(|part| {
                        let part = patterns::normalize(part);
                        part.split_whitespace().count() >= 3
                            && comes_again(a, nonempty[k..].iter().copied(), &part)
                    })
                });
            // ("Aroma Rote Beeren, Zitrusnoten, süßlich, kräftig-würzig": a product's list of
            // properties, no tagline.)
            let listing = t.matches(',').count() >= 2;
            short
                && !listing
                && !headline_again
                && !is_title_again(a, t)
                && !is_fact_check_verdict(t)
        });
        if masthead {
            found.extend_from_slice(run);
        }
    }
    for i in found {
        blank(a, i, "site name");
    }
}

/// Whether `line` holds the whole title (`title`, line 1 lower-cased): the title printed again,
/// perhaps with a rubric word ("Tribune – <title>"). An empty title is in no line.
pub(crate) fn holds_title(line: &str, title: &str) -> bool {
    !title.is_empty() && line.to_lowercase().contains(title)
}

/// Whether `t` repeats the article's title (line 1, which may carry the site's name too).
pub(crate) fn is_title_again(a: &Article, t: &str) -> bool {
    // A tag ("Gasumlage") may be a word of the title; a repeated title is a phrase of it.
    a.title_is_line_1
        && t.split_whitespace().count() >= 3
        && a.lines[0].to_lowercase().contains(&t.to_lowercase())
}

/// Whether `needle` occurs in `hay` as whole words.
pub(crate) fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(s, _)| {
        let before = hay[..s].chars().next_back();
        let after = hay[s + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Share or follow buttons one per line ("Читать ria.ru в" / "Дзен" / "Telegram"), outside the
/// article body: a run of lines that are each only share-target labels, two different ones in
/// all, plus the line right before the run when it is a short lead-in ending in a preposition
/// ("Read us on", "Читать … в", "Suivez-nous sur").
pub(crate) fn remove_split_share_rows(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
) {
    let idx = Removed::of(a);
    const LEAD_IN_END: &[&str] = &[
        "on", "in", "at", "via", "sur", "dans", "auf", "bei", "in", "su", "w", "na", "в", "на",
        "en", "por",
    ];
    let mut k = 0;
    let mut added: Vec<(usize, &str)> = Vec::new();
    while k < nonempty.len() {
        let start = k;
        // The run's lines, each normalised and kept whole ("E-Mail", "Copy link").
        let mut labels: Vec<String> = Vec::new();
        while k < nonempty.len() {
            // A button another cue took already ("Telegram", repeated across the source's
            // pages) is still one of the row.
            let i = nonempty[k];
            let text = idx.scraped(a, i);
            if !chrome::may_be_share_row(text) {
                break;
            }
            let norm = patterns::normalize(text);
            if chrome::share_labels(&norm).is_none_or(|l| l.is_empty()) {
                break;
            }
            labels.push(norm);
            k += 1;
        }
        labels.sort();
        labels.dedup();
        // Inside the body the run needs its label or its other buttons next to it ("Partager" /
        // "Facebook" / "Messenger" / "Courriel" / "Copier le lien"), or a labelled button of
        // its own ("Partager sur Facebook" / "Courriel").
        let shared_at = |r: usize| {
            idx.reason(a, nonempty[r])
                .is_some_and(|r| matches!(r, "share prompt" | "share buttons"))
        };
        let labelled = (start..k).any(shared_at);
        let anchored = || {
            let share = |r: Option<&str>| {
                r.is_some_and(|r| {
                    matches!(
                        r,
                        "share prompt" | "share buttons" | "page label" | "follow/subscribe prompt"
                    )
                })
            };
            start
                .checked_sub(1)
                .is_some_and(|p| share(idx.reason(a, nonempty[p])))
                || nonempty.get(k).is_some_and(|&n| share(idx.reason(a, n)))
        };
        // Three different buttons one per line ("Facebook" / "X" / "Viber"): a share row
        // wherever it is, unless a line ending in a colon introduces them as the article's list.
        let introduced = start
            .checked_sub(1)
            .is_some_and(|p| idx.scraped(a, nonempty[p]).trim_end().ends_with(':'));
        let long_row = k - start >= 3 && labels.len() >= 3 && !introduced;
        let placed =
            long_row || labelled || (start..k).all(|r| outside_body(body, r)) || anchored();
        // One button left alone right below a share prompt ("Partager sur Facebook" /
        // "Courriel") is the rest of its row.
        let after_prompt = k - start == 1 && start.checked_sub(1).is_some_and(shared_at);
        if after_prompt {
            added.push((nonempty[start], "share buttons"));
        } else if k - start >= 2 && labels.len() >= 2 && placed {
            added.extend(nonempty[start..k].iter().map(|&i| (i, "share buttons")));
            if let Some(&prev) = start.checked_sub(1).and_then(|p| nonempty.get(p)) {
                let lead = a.lines[prev].trim();
                let last = lead
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                if lead.split_whitespace().count() <= 5 && LEAD_IN_END.contains(&last.as_str()) {
                    added.push((prev, "follow/subscribe prompt"));
                }
            }
        }
        k = k.max(start + 1);
    }
    for (i, reason) in added {
        if !(a.title_is_line_1 && i == 0) {
            blank(a, i, reason);
        }
    }
}

/// Whether the non-empty line of rank `k` lies before the first or after the last paragraph of
/// the body (see [`body_span`]); with no body at all, everything does.
pub(crate) fn outside_body(body: Option<(usize, usize)>, k: usize) -> bool {
    body.is_none_or(|(first, last)| k < first || k > last)
}

/// Blanks line `i` (0-based) and records it in `removed`, unless a cue already took it. Lines
/// are appended out of order; `clean_one` sorts `removed` by line after the last pass.
pub(crate) fn blank(a: &mut Article, i: usize, reason: &str) {
    if a.lines[i].is_empty() {
        return;
    }
    a.removed.push(RemovedLine {
        line: i as u32 + 1,
        text: std::mem::take(&mut a.lines[i]),
        reason: reason.into(),
    });
}

/// Why lines went, by line (0-based): built at the start of a pass, so that asking it of every
/// line is a lookup, not a search of the whole list (quadratic on a huge page). Lines the pass
/// removes after building it are looked for in the list's tail.
pub(crate) struct Removed {
    /// Index into `removed` plus one, 0 for a line not removed.
    by_line: Vec<u32>,
    built: usize,
}

impl Removed {
    pub(crate) fn of(a: &Article) -> Self {
        let mut by_line = vec![0u32; a.lines.len()];
        for (k, r) in a.removed.iter().enumerate() {
            if let Some(slot) = (r.line as usize)
                .checked_sub(1)
                .and_then(|i| by_line.get_mut(i))
            {
                *slot = k as u32 + 1;
            }
        }
        Removed {
            by_line,
            built: a.removed.len(),
        }
    }

    /// The record of line `i`, if it was removed. A removed line is blanked, so a line with
    /// text was not.
    pub(crate) fn record<'a>(&self, a: &'a Article, i: usize) -> Option<&'a RemovedLine> {
        self.position(a, i).map(|p| &a.removed[p])
    }

    /// Where line `i`'s record stands in `a.removed`, if it was removed (to amend it).
    pub(crate) fn position(&self, a: &Article, i: usize) -> Option<usize> {
        if !a.lines.get(i).is_some_and(|l| l.trim().is_empty()) {
            return None;
        }
        match self.by_line.get(i) {
            Some(&k) if k > 0 => (k as usize <= a.removed.len()).then(|| k as usize - 1),
            _ => a
                .removed
                .get(self.built..)?
                .iter()
                .position(|r| r.line as usize == i + 1)
                .map(|p| self.built + p),
        }
    }

    pub(crate) fn reason<'a>(&self, a: &'a Article, i: usize) -> Option<&'a str> {
        self.record(a, i).map(|r| r.reason.as_str())
    }

    /// Line `i` as scraped: its text, or the text it had if it was removed.
    pub(crate) fn scraped<'a>(&self, a: &'a Article, i: usize) -> &'a str {
        self.record(a, i)
            .map_or(a.lines[i].as_str(), |r| r.text.as_str())
    }
}

/// The lines (0-based) just before and after the non-empty line of rank `k`.
fn neighbours(nonempty: &[usize], k: usize) -> impl Iterator<Item = usize> + '_ {
    [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter_map(|k| nonempty.get(k).copied())
}

/// "Fortsetzung von Seite 3", "Suite de la page 2", "Continued from page 1": a printed page's
/// note that the article goes on from another page.
fn continued_from_page(text: &str) -> bool {
    const PAGE: &[&str] = &[
        "seite",
        "page",
        "pagina",
        "página",
        "strona",
        "страница",
        "стр",
    ];
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.len() <= 6
        && words
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
        && words
            .get(words.len().saturating_sub(2))
            .is_some_and(|w| PAGE.contains(&w.as_str()))
}

/// "16:48", "09.30", "18.02 BST": a clock time on a line of its own, perhaps with its zone.
fn is_time_alone(t: &str) -> bool {
    let mut tokens = t.split_whitespace();
    let clock = tokens.next().is_some_and(|t| {
        (4..=5).contains(&t.len())
            && t.contains([':', '.'])
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
    });
    let zone = |z: &str| (2..=4).contains(&z.len()) && z.chars().all(|c| c.is_ascii_uppercase());
    clock && tokens.next().is_none_or(zone) && tokens.next().is_none()
}

/// Most lines after a "Related" label read as its list.
const MAX_LIST_ITEMS: usize = 10;
/// Longest headline taken as part of a related-articles list.
const MAX_HEADLINE_WORDS: usize = 15;
/// Longest headline taken once a related-articles list has two: tabloid headlines run long.
const MAX_LONG_HEADLINE_WORDS: usize = 20;
/// Longest tag taken as part of a tag list.
const MAX_TAG_WORDS: usize = 4;

/// "Sur le même sujet" / "Related articles" / "Lire aussi" on a line of its own, before or after
/// the article body, heads a list of other articles' headlines, one per line ("Topics" / "Tags",
/// a list of tags of at most [`MAX_TAG_WORDS`] words). The lines right after such a label that
/// read as headlines (at most [`MAX_HEADLINE_WORDS`] words, capitalised, not ending like a
/// sentence or a lead-in) go with it, up to the first line that does not.
pub(crate) fn remove_related_headlines(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
) {
    let idx = Removed::of(a);
    // (label line, its reason, longest item): headlines under "Related", tags under "Topics".
    let labels: Vec<(usize, String, usize, bool, bool)> = a
        .removed
        .iter()
        // "À lire également sur Le Quotidien du Port :": a label naming its outlet runs longer,
        // and its colon says a list follows.
        .filter_map(|r| {
            // ("À lire aussi dans Le Détecteur": or names it with no colon at all; a teaser
            // that gives its own headline has one, "Lire aussi : Grève à la SNCF". Such a label
            // must have a list of two below it: "Voir tout le fil info ›" over one subheading
            // is a link to the feed.)
            let words = r.text.split_whitespace().count();
            let colon = r.text.trim_end().ends_with(':');
            let bare = r.reason == "read-more link" && !r.text.contains([':', '.', '?', '!']);
            if !(words <= 5 || (words <= 8 && (colon || bare))) {
                return None;
            }
            // "Lire l'article sur gazette.fr" in a press review: a link to one article, at the
            // address it names; the press review's next subheading comes under it, no list.
            if r.reason == "read-more link" && !colon && crate::line_model::has_web_address(&r.text)
            {
                return None;
            }
            let needs_two = words > 5 && !colon;
            let max_words = match r.reason.as_str() {
                "read-more link" => MAX_HEADLINE_WORDS,
                "tag list" => MAX_TAG_WORDS,
                _ => return None,
            };
            // "Fortsetzung von Seite 3", "Suite de la page 2": the article goes on below a
            // printed page's continuation line; no list does.
            if continued_from_page(&r.text) {
                return None;
            }
            let goes_on = continues_article(&r.text);
            Some((
                r.line as usize - 1,
                r.reason.clone(),
                max_words,
                goes_on,
                needs_two,
            ))
        })
        .collect();
    let mut added = Vec::new();
    for (label, reason, max_words, goes_on, needs_two) in labels {
        // `nonempty` is in line order: a search, not a scan (one per label on a huge page).
        let Ok(k) = nonempty.binary_search(&label) else {
            continue;
        };
        // Inside the article a short label may be "Lire la suite après la publicité", followed
        // by a subheading of the article itself: there only a "see also" label, and only
        // headlines of six words or more; after the first one, the article's next subheading
        // often follows, so a second one must read as a headline with its topic ("Météo :
        // vigilance orange maintenue").
        let inside = !outside_body(body, k);
        if inside && (reason != "read-more link" || goes_on) {
            continue;
        }
        // "Реклама. ООО …" / the ad's text / "Подробнее": inside the article a one-word
        // read-more label a line under an ad's label is the ad's button, and the article's
        // subheading follows it. ("Anzeige" / a paragraph / "Mehr zum Thema": a see-also label
        // has more words, and a list under it.)
        let ad_above = k >= 2
            && idx
                .record(a, label)
                .is_some_and(|r| !r.text.trim().contains(' '))
            && !a.lines[nonempty[k - 1]].trim().is_empty()
            && idx
                .reason(a, nonempty[k - 2])
                .is_some_and(|r| matches!(r, "advertisement label" | "advertisement"));
        if inside && ad_above {
            continue;
        }
        let min_words = if inside { 6 } else { 1 };
        let first_added = added.len();
        let mut taken = 0;
        let mut long_taken = 0;
        let after = &nonempty[k + 1..];
        for (m, &i) in after.iter().enumerate().take(MAX_LIST_ITEMS) {
            // A line removed already (an ad label, a share row) does not end the list; another
            // list's label does.
            if a.lines[i].trim().is_empty() {
                // A breadcrumb or menu ends it too: below one comes the page's own header
                // ("Стрічка новин" / "Головна › Новини › Місто" / the article's headline).
                // "Key events" / "Refresh to see 3 new updates" / "16:48" / "That's all from
                // us for today": a time alone starts a live blog's entries.
                let label_again = idx.record(a, i).is_some_and(|r| {
                    (r.reason == "tag list" && r.text.split_whitespace().count() <= 5)
                        || r.reason == "navigation menu"
                        || (matches!(r.reason.as_str(), "dateline" | "counter or timestamp")
                            && is_time_alone(&r.text))
                });
                if label_again {
                    break;
                }
                continue;
            }
            // ("18.02 BST" kept: the first entry's stamp, below it the entry.)
            if is_time_alone(&a.lines[i]) {
                break;
            }
            // "· Entretien : « … »", "» Tchéquie : …": the list's bullet goes first.
            // Once the list has two items it is a list: a tabloid's headlines run longer, and
            // the article's short subheading is told apart by the prose after it (below).
            let (min_words, max_words) = match taken {
                0 => (min_words, max_words),
                1 => (min_words.min(4), max_words),
                _ if max_words == MAX_HEADLINE_WORDS => (min_words.min(4), MAX_LONG_HEADLINE_WORDS),
                _ => (min_words.min(4), max_words),
            };
            let headline = |i: usize| {
                let t = a.lines[i].trim().trim_start_matches([
                    '·', '•', '»', '›', '-', '–', '▶', '►', '➡', '→', '➜', '▸', '▪', ' ',
                ]);
                // "1. Una pareja gana …": a list number is no word of the headline.
                // "1 La sequía obliga …": or the number and a space, before a capital.
                let numbered = t
                    .split_once(". ")
                    .filter(|(n, _)| n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
                    .or_else(|| {
                        t.split_once(' ').filter(|(n, rest)| {
                            n.len() <= 2
                                && n.chars().all(|c| c.is_ascii_digit())
                                && rest.starts_with(char::is_uppercase)
                        })
                    });
                // In a numbered "most read" list the article's own headline is one more item.
                let title_again = numbered.is_none() && is_title_again(a, t);
                let t = numbered.map_or(t, |(_, rest)| rest);
                // "¿Cuánto cobra un fontanero?": the opening mark goes before the capital.
                let opening = t.trim_start_matches(['¿', '¡', '\'', '"', '«', '„', '“']);
                let words = t.split_whitespace().count();
                // The page's title printed again below a label is the article's own headline.
                !t.is_empty()
                    && !title_again
                    && (min_words..=max_words).contains(&words)
                    // "Tourist left bleeding after 'gang' of seagulls swoop on his...": a
                    // teaser's headline is cut short, not a sentence.
                    && (!t.ends_with(['.', ':', ';', ',']) || (t.ends_with("...") && !t.ends_with(" ...")))
                    && (chrome::starts_capitalised(opening)
                        || opening.starts_with(|c: char| c.is_ascii_digit())
                        // "incendie", "#გზები": tags are often lower case or hashtags.
                        || (reason == "tag list"
                            && opening.starts_with(|c: char| c.is_alphabetic() || c == '#')))
            };
            // "Le classement avant la dernière journée" / "1. RUS Mosanville – 68 pts" / "2. …"
            // after a blank line: a heading over a numbered list of its own starts below the
            // links, and the article goes on with it.
            let prev = if m == 0 { label } else { after[m - 1] };
            if taken > 0 && i > prev + 1 && opens_numbered_list(a, &after[m..]) {
                break;
            }
            if !headline(i) {
                break;
            }
            // A headline with the page's dateline or byline right under it, and no list going on
            // below, is the article's own ("ΡΟΗ ΕΙΔΗΣΕΩΝ", a ticker line, then the headline,
            // "22/04/2025 11:52" and the byline).
            let dated_below = after.get(m + 1).is_some_and(|&j| {
                idx.record(a, j)
                    .is_some_and(|r| matches!(r.reason.as_str(), "dateline" | "byline"))
            });
            // (A related list may date each of its items; then another item follows the date.)
            let list_after_date = after
                .get(m + 2)
                .is_some_and(|&j| !a.lines[j].trim().is_empty() && headline(j));
            if dated_below && !list_after_date {
                break;
            }
            // The article's headline and standfirst under a section label ("ΚΟΣΜΟΣ" /
            // headline / a standfirst of a dozen words or more / byline / date): the page's
            // dateline follows within a few lines.
            let standfirst_below = after
                .get(m + 1)
                .is_some_and(|&j| a.lines[j].split_whitespace().count() >= 12);
            let dated_near = (m + 2..m + 5).any(|x| {
                after
                    .get(x)
                    .is_some_and(|&j| idx.record(a, j).is_some_and(|r| r.reason == "dateline"))
            });
            // (A section's name may have been taken above it: "ΚΟΣΜΟΣ".)
            let item_words = a.lines[i].split_whitespace().count();
            if long_taken == 0 && item_words >= 3 && standfirst_below && dated_near {
                break;
            }
            // "Westfunk: Müssen sich Haushalte …?": an interview's question, its speaker's label
            // opening other lines of the article too.
            // ("Teranga Actu : Vraiment ?": French sets a space before the colon.)
            let speaker_of = |line: &str| {
                line.split_once(": ")
                    .map(|(s, _)| s.trim().to_string())
                    .filter(|s| !s.is_empty() && s.split_whitespace().count() <= 3)
            };
            let speaker = speaker_of(&a.lines[i]);
            if a.lines[i].trim_end().ends_with('?')
                && speaker.is_some_and(|s| {
                    nonempty
                        .iter()
                        .filter(|&&j| {
                            j != i && speaker_of(a.lines[j].trim_start()).is_some_and(|o| o == s)
                        })
                        .count()
                        >= 2
                })
            {
                break;
            }
            // Inside the article a later line is another headline only when it has its topic
            // first, or when the list goes on below it (another headline, a line removed
            // already, the end): the article's own subheading is followed by its prose.
            let list_goes_on = || {
                after
                    .get(m + 1)
                    .is_none_or(|&j| a.lines[j].trim().is_empty() || headline(j))
            };
            let t = a.lines[i].trim();
            // In an article with subheadings of its own, a third one followed by prose is one
            // more of them even with a topic ("Bürgermeisterin: \"Wir fühlen uns vergessen\""
            // after a box of two links, in an article with "Post und Pakete" above it).
            let strict = taken >= 2 && has_subheading_before(a, nonempty, k);
            if inside && taken > 0 && (!has_topic_head(t) || strict) && !list_goes_on() {
                break;
            }
            // "Routes : la prudence est de mise" over "… une chaussée glacée sur la route 175":
            // a subheading announces the paragraph below it; a teaser is about another story.
            let announces = || {
                after
                    .get(m + 1)
                    .is_some_and(|&j| shared_stems(t, &a.lines[j]) > 0)
            };
            if inside && taken > 0 && !list_goes_on() && announces() {
                break;
            }
            added.push((i, reason.clone()));
            taken += 1;
            long_taken += usize::from(item_words >= 3);
        }
        if needs_two && taken < 2 {
            added.truncate(first_added);
        }
    }
    for (i, reason) in added {
        blank(a, i, &reason);
    }
}

/// The number a list item opens with ("1. Ciney-Sud", "2) Hastière"), if any.
fn list_number(t: &str) -> Option<u32> {
    let (n, rest) = t.trim_start().split_once(['.', ')'])?;
    (n.len() <= 2 && rest.starts_with(' ')).then(|| n.parse().ok())?
}

/// Whether the lines `run` (non-empty, in order) start a numbered list: its first line is item 1
/// with item 2 below it, or a heading over items 1 and 2.
fn opens_numbered_list(a: &Article, run: &[usize]) -> bool {
    let number = |k: usize| run.get(k).and_then(|&i| list_number(&a.lines[i]));
    (number(0) == Some(1) && number(1) == Some(2))
        || (number(0).is_none() && number(1) == Some(1) && number(2) == Some(2))
}

/// How many distinct stems of `line` (first five letters of its words of five letters or more)
/// the paragraph has too: "Routes" and "route", "Vigilance" and "vigilances".
fn shared_stems(line: &str, paragraph: &str) -> usize {
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.to_lowercase().chars().take(5).collect())
            .collect()
    };
    let below = stems(paragraph);
    let mut mine = stems(line);
    mine.sort();
    mine.dedup();
    mine.iter().filter(|s| below.contains(s)).count()
}

/// Whether the article above the non-empty line of rank `k` has a subheading: a short line
/// (two to eight words, no closing punctuation, not removed) between two paragraphs of prose.
fn has_subheading_before(a: &Article, nonempty: &[usize], k: usize) -> bool {
    let prose = |i: usize| a.lines[i].split_whitespace().count() >= 15;
    (1..k.saturating_sub(1)).any(|m| {
        let t = a.lines[nonempty[m]].trim();
        let words = t.split_whitespace().count();
        (2..=8).contains(&words)
            && !t.ends_with(['.', ':', ';', ',', '!', '?', '"', '»', '“'])
            && t.starts_with(char::is_uppercase)
            && prose(nonempty[m - 1])
            && prose(nonempty[m + 1])
    })
}

/// "Météo : vigilance orange", "Νησιά: Ξεκινούν οι προσλήψεις": a headline led by its topic
/// (one to three words and a colon).
fn has_topic_head(t: &str) -> bool {
    t.split_once(':').is_some_and(|(head, rest)| {
        (1..=3).contains(&head.split_whitespace().count()) && !rest.trim().is_empty()
    })
}

/// "Lire la suite", "Continue reading", "Weiterlesen": a label that goes on with the same article
/// (after an ad or a paywall), not one that points to others.
fn continues_article(label: &str) -> bool {
    const CONTINUE: &[&str] = &[
        "suite",
        "continue",
        "continuer",
        "weiterlesen",
        "continua",
        "dalej",
        "далее",
        "seguir",
        "после",
        "nach",
        "après",
        "after",
        "dopo",
        "po",
    ];
    patterns::normalize(label)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CONTINUE.contains(&w))
}

/// Below the article, a league table: three rows or more of a rank, a team and its points
/// ("1. Real Sarnese 58", "2    SV Oberweiler        9    19:11  19"), with the heading above
/// them when it names the table ("CLASSIFICA SERIE C – GIRONE C", "Tabelle Kreisliga A"). A
/// sports page's standings box; the report itself gives its figures in sentences.
pub(crate) fn remove_league_tables(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
) {
    let Some((_, last)) = body else {
        return;
    };
    let row = |t: &str| {
        let w: Vec<&str> = t.split_whitespace().collect();
        let rank = w
            .first()
            .map(|r| r.trim_end_matches('.'))
            .is_some_and(|r| (1..=2).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_digit()));
        let points = w
            .iter()
            .rev()
            .find(|x| {
                !matches!(
                    x.to_lowercase().as_str(),
                    "pts" | "pkt." | "pkt" | "punti" | "pt"
                )
            })
            .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        rank && points && (3..=10).contains(&w.len())
    };
    // (Built once: the pass only collects lines and blanks them at the end.)
    let idx = Removed::of(a);
    let mut added = Vec::new();
    let mut standings: Vec<usize> = Vec::new();
    let mut k = last + 1;
    while k < nonempty.len() {
        let run = nonempty[k..]
            .iter()
            .take_while(|&&i| row(a.lines[i].trim()))
            .count();
        if run >= 3 {
            added.extend(&nonempty[k..k + run]);
            if let Some(&h) = k.checked_sub(1).and_then(|p| nonempty.get(p)) {
                let head = &a.lines[h];
                if head.split_whitespace().count() <= 8 && names_standings(head) {
                    added.push(h);
                }
            }
            k += run;
            continue;
        }
        // "Classement – Section Est" / "Équipe | PJ | PTS" / "Tempêtes | 52 | 70" / …: rows of
        // a team and its figures between bars, under a heading (one or two lines up, the
        // column header perhaps already gone) that names the table. The article's own table
        // ("Estadísticas" / "Posesión | 57% | 43%") names no league table.
        let bars = nonempty[k..]
            .iter()
            .take_while(|&&i| a.lines[i].contains(" | ") && is_label_figure_row(&a.lines[i]))
            .count();
        if bars >= 3 {
            let above = &nonempty[k.saturating_sub(2)..k];
            let names_table = |h: usize| {
                let head = idx.scraped(a, h);
                head.split_whitespace().count() <= 8 && names_standings(head)
            };
            if above.iter().any(|&h| names_table(h)) {
                standings.extend(&nonempty[k..k + bars]);
                // The heading and the column header go with the rows.
                standings.extend(above.iter().filter(|&&h| {
                    let head = idx.scraped(a, h);
                    names_table(h)
                        || (head.contains(" | ") && !head.contains(|c: char| c.is_ascii_digit()))
                }));
            }
            k += bars;
        } else {
            k += 1;
        }
    }
    for i in added {
        blank(a, i, "widget");
    }
    // (Their own reason: the table-restoring pass brings back rows read one by one as widgets
    // or menus, not a table read whole.)
    for i in standings {
        // The column header, taken alone as a menu: it goes with its table.
        if let Some(p) = idx.position(a, i) {
            a.removed[p].reason = "league table".into();
        }
        blank(a, i, "league table");
    }
}

/// "7am BST: …", "1.30pm", "14:00 …", "14h30 …": a line opening with an hour of the day.
fn opens_with_clock(t: &str) -> bool {
    let Some(first) = t.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_end_matches([':', ',', '–', '-']).to_lowercase();
    let (digits, rest) = first.split_at(
        first
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(first.len()),
    );
    if !(1..=2).contains(&digits.len()) {
        return false;
    }
    // ("10." opens a numbered list: minutes after a dot or a colon are two digits.)
    let rest = match rest.strip_prefix([':', '.', 'h']) {
        Some(m) if m.len() >= 2 && m.as_bytes()[..2].iter().all(u8::is_ascii_digit) => &m[2..],
        Some("") if rest.starts_with('h') => "",
        Some(_) => return false,
        None => rest,
    };
    matches!(rest, "am" | "pm" | "h" | "") && (!rest.is_empty() || first.contains([':', '.', 'h']))
}

/// Whether a heading names a league table ("Classement – Section Est", "Tabelle Kreisliga A"):
/// rows under it are standings, not the article's figures.
fn names_standings(line: &str) -> bool {
    line.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| STANDINGS_WORDS.contains(&w))
}

/// A league table's heading words: rows under them are standings, not the article's figures.
const STANDINGS_WORDS: &[&str] = &[
    "classifica",
    "classement",
    "tabelle",
    "clasificación",
    "tabela",
    "таблица",
    "турнирная",
    "βαθμολογία",
    "standings",
    "table",
    "league",
];

/// Below the article, a short label the phrase table does not know ("Les plus partagés",
/// "Neueste Beiträge", "Новости СМИ2") heading two or more lines that read as other articles'
/// headlines (numbered, time-stamped or plain): a list of other articles.
pub(crate) fn remove_trailing_lists(
    a: &mut Article,
    nonempty: &[usize],
    body: Option<(usize, usize)>,
) {
    let Some((_, last)) = body else {
        return;
    };
    let headline = |t: &str| {
        // "▶ Asie : une ville nouvelle (02:31)": a video list's marker goes first.
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '«' | '"'));
        let words = t.split_whitespace().count();
        // Other articles' headlines run to 5 words or more; a product's features, an address
        // or a list of names under a heading are shorter.
        // "Mardi : 14 h – 18 h 30": opening hours under "Horaires :", no headline.
        (5..=MAX_HEADLINE_WORDS).contains(&words)
            && !chrome::is_time_range(&patterns::normalize(t))
            && !t.ends_with(['.', ':', ';', ','])
            && t.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"'
            })
    };
    let label = |t: &str| {
        let words = t.split_whitespace().count();
        // ("Die weiteren Ergebnisse des 9. Spieltags:": a sentence of five words or more that
        // ends in a colon introduces the article's own list; a box's label is shorter.)
        // ("Arbitre : Mamadou Ndour" over "Buts : …": a match sheet's row, a name and its
        // value; a box's label has no colon inside.)
        let lead_in = words >= 5 && t.ends_with(':');
        let inner_colon = t.trim_end_matches([':', ' ']).contains(':');
        (1..=6).contains(&words)
            && !lead_in
            && !inner_colon
            && !t.ends_with(['.', ',', ';'])
            && t.starts_with(|c: char| c.is_uppercase())
            && !is_key_figure(t)
    };
    let mut added = Vec::new();
    let mut k = last + 1;
    while k < nonempty.len() {
        let t = a.lines[nonempty[k]].trim();
        if t.is_empty() || !label(t) {
            k += 1;
            continue;
        }
        let items: Vec<usize> = nonempty[k + 1..]
            .iter()
            .take(10)
            .take_while(|&&i| headline(a.lines[i].trim()))
            .copied()
            .collect();
        // "Длина — 186 метров" over "Грузоподъёмность — до 10 тонн": a fact box's rows, a name
        // and its figure, are no headlines.
        // ("Classement – Section Est" over "Tempêtes | 52 | 70": a league table's rows are
        // figures too, but the box is the site's.)
        // (Or the line above: "Classement – Section Est" over the header "Équipe | PJ | PTS".)
        let standings = [Some(k), k.checked_sub(1)]
            .into_iter()
            .flatten()
            .any(|h| names_standings(&a.lines[nonempty[h]]));
        let facts = items
            .iter()
            .filter(|&&i| is_key_figure(a.lines[i].trim()))
            .count();
        let facts = if standings { 0 } else { facts };
        // "The agenda:" over "7am BST: UK inflation for June" / "10am BST: …": a live blog's
        // day ahead, introduced by its colon, each item opening with its hour; another site's
        // headlines are not introduced.
        let agenda = t.ends_with(':') && items.iter().all(|&i| opens_with_clock(a.lines[i].trim()));
        // "Para hacer la denuncia:" over an office, its hours and then "Teléfono: 0262 …": the
        // article's practical information, introduced by its colon and ending on a phone number
        // still in the text; a box of links has none.
        let contact_below = t.ends_with(':')
            && nonempty
                .get(k + 1 + items.len())
                .is_some_and(|&j| crate::blocks::has_phone_number(&a.lines[j]));
        if agenda || contact_below {
            k += 1;
            continue;
        }
        if items.len() >= 2 && facts * 2 < items.len() {
            added.push(nonempty[k]);
            added.extend(&items);
            k += 1 + items.len();
        } else {
            k += 1;
        }
    }
    for i in added {
        blank(a, i, "list of other articles");
    }
}

/// Three or more time-stamped headlines in a row ("11h48 Le RER B reste très perturbé …" /
/// "11h20 …" / "10h57 …"), wherever they stand: a ticker of other news dropped into the page. A
/// live page's own entries are sentences (they end with a full stop) or stand under their time.
pub(crate) fn remove_ticker_runs(a: &mut Article, nonempty: &[usize]) {
    // "18:42 Maltempo, allerta arancione …", and a news feed column's "10:48 | Bourges : …";
    // each form makes its own runs.
    let mut found = runs_of(nonempty, 3, |i| {
        !a.lines[i].is_empty() && chrome::is_timed_headline(a.lines[i].trim())
    });
    found.extend(runs_of(nonempty, 3, |i| {
        chrome::is_feed_headline(&a.lines[i])
    }));
    for i in found {
        if !a.lines[i].is_empty() {
            blank(a, i, "news ticker");
        }
    }
}

/// The lines of every run of at least `min` consecutive non-empty lines (in `nonempty` order)
/// that satisfy `pred`.
fn runs_of(nonempty: &[usize], min: usize, pred: impl Fn(usize) -> bool) -> Vec<usize> {
    run_spans(nonempty, min, pred)
        .into_iter()
        .flat_map(|r| nonempty[r].iter().copied())
        .collect()
}

/// Every run of at least `min` consecutive non-empty lines that satisfy `pred`, as a range of
/// positions in `nonempty` (so that a pass can look at the lines around it).
pub(crate) fn run_spans(
    nonempty: &[usize],
    min: usize,
    pred: impl Fn(usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < nonempty.len() {
        let run = nonempty[k..].iter().take_while(|&&i| pred(i)).count();
        if run >= min {
            found.push(k..k + run);
        }
        k += run.max(1);
    }
    found
}

/// Longest line taken as part of a plea block.
const MAX_PLEA_BLOCK_WORDS: usize = 45;

/// Reasons of the plea lines that plea blocks and boxes are made of.
const PLEAS: &[&str] = &["donation plea", "newsletter plea"];
/// An app prompt's store buttons ("Download on the App Store" / "Get it on Google Play") take the
/// sentence beside them that names the app ("Download the KRVL 7 News app to get alerts …"),
/// and only app wording joins them.
const APP: &str = "app prompt";

/// A donation or newsletter box flattened into text often has one line the phrase table
/// recognises ("Soutenez notre média : faites un don !") and sentences around it that are too
/// long or too plain to remove on their own ("Notre journal ne vit que grâce à ses lecteurs ...
/// nous avons besoin de vous."). A line of up to [`MAX_PLEA_BLOCK_WORDS`] words that sits next to
/// a removed plea line and carries plea wording of the same kind (a chrome or a `-near` phrase)
/// joins it; blocks grow line by line.
pub(crate) fn extend_plea_blocks(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    remove_plea_boxes(a, nonempty);
    loop {
        let mut added = Vec::new();
        for (k, &i) in nonempty.iter().enumerate() {
            if a.lines[i].is_empty() || (a.title_is_line_1 && i == 0) {
                continue;
            }
            let words = a.lines[i].split_whitespace().count();
            // « Chaque don compte », répète sa présidente: somebody's words, reported.
            if words > MAX_PLEA_BLOCK_WORDS || chrome::is_reported_quote(a.lines[i].trim()) {
                continue;
            }
            // A donation box often ends with a newsletter prompt and the reverse: either plea
            // lets the other kind's wording join.
            let near_reasons: Vec<&str> = neighbours(nonempty, k)
                .filter_map(|j| idx.reason(a, j))
                .collect();
            let near = near_reasons.iter().any(|r| PLEAS.contains(r));
            let near_app = near_reasons.contains(&APP);
            if !near && !near_app {
                continue;
            }
            // Quoted words are somebody else's ("« Vous avez marché ensemble sans vous … »").
            let norm = patterns::normalize(&chrome::outside_quotes(&a.lines[i]));
            // A long sentence of a plea box speaks to the reader; one that reports somebody
            // else's appeal ("Le syndicat a appelé ses adhérents à faire un don …") is the
            // article's.
            if words > 20 && !chrome::addresses_reader(&norm) {
                continue;
            }
            let hit =
                patterns::matching(&norm, usize::MAX)
                    .into_iter()
                    .find_map(|(p, start, _)| match p.kind {
                        // One-word phrases ("Aidez-nous") only where they open the line.
                        patterns::Kind::Chrome(r) | patterns::Kind::Near(r)
                            if ((near && PLEAS.contains(&r)) || (near_app && r == APP))
                                && (p.words > 1 || start == 0) =>
                        {
                            Some(r)
                        }
                        _ => None,
                    });
            if let Some(r) = hit {
                added.push((i, r));
            }
        }
        if added.is_empty() {
            break;
        }
        for (i, r) in added {
            blank(a, i, r);
        }
    }
}

/// Most lines of a plea box's plain text between its other parts.
const MAX_BOX_TEXT_LINES: usize = 2;
/// Form parts a newsletter or donation box closes with: its e-mail field and its button.
const BOX_FORM: &[&str] = &["share prompt", "account/search link", "comment form"];

/// "📩 La lettre du Collectif" / "Une fois par mois, nos actions …" / "Votre e-mail" / "Je
/// m'abonne": outside the body, one or two plain lines between other chrome above and a box's
/// plea or form right below are the box's title and its blurb, of the kind of the plea below (a
/// newsletter's, when only its form follows).
pub(crate) fn remove_box_texts(a: &mut Article, nonempty: &[usize], body: Option<(usize, usize)>) {
    let idx = Removed::of(a);
    let gone = |k: usize| nonempty.get(k).is_some_and(|&i| idx.reason(a, i).is_some());
    let reason_at = |k: usize| nonempty.get(k).and_then(|&i| idx.reason(a, i));
    let mut found = Vec::new();
    let mut k = 1;
    while k < nonempty.len() {
        if gone(k) || !gone(k - 1) {
            k += 1;
            continue;
        }
        let start = k;
        while k < nonempty.len() && !gone(k) {
            k += 1;
        }
        // (Not inside the body: a live blog's entries sit between its own removed stamps and
        // buttons. Inside it only one line right under a plea, the box's title: "✉️ Notre
        // lettre d'information" / "Une fois par mois, nos actions …" / "Votre adresse e-mail".)
        let under_plea = k - start == 1 && reason_at(start - 1).is_some_and(|r| PLEAS.contains(&r));
        if k - start > MAX_BOX_TEXT_LINES
            || !(under_plea || (start..k).all(|m| outside_body(body, m)))
        {
            continue;
        }
        let plain = nonempty[start..k].iter().all(|&i| {
            let t = a.lines[i].trim();
            t.split_whitespace().count() <= MAX_PLEA_BLOCK_WORDS
                && !chrome::is_reported_quote(t)
                && !(a.title_is_line_1 && i == 0)
        });
        // (The plea right below, or below the box's amount buttons; a dateline or a byline
        // below makes the line a headline.)
        let plea = reason_at(k).filter(|r| PLEAS.contains(r)).or_else(|| {
            reason_at(k)
                .filter(|r| BOX_FORM.contains(r) || *r == "navigation menu")
                .and_then(|_| reason_at(k + 1))
                .filter(|r| PLEAS.contains(r))
        });
        let form = reason_at(k).is_some_and(|r| BOX_FORM.contains(&r))
            && reason_at(k + 1).is_some_and(|r| BOX_FORM.contains(&r) || PLEAS.contains(&r));
        // ("Lire aussi" / two headlines / "Abonnez-vous à notre newsletter …": lines right
        // under a read-more label are its list, not the box's title, whatever box follows.)
        let reason = plea.or_else(|| form.then_some("newsletter plea")).map(|r| {
            match reason_at(start - 1) {
                Some("read-more link") => "read-more link",
                _ => r,
            }
        });
        if let Some(r) = reason.filter(|_| plain) {
            found.extend(nonempty[start..k].iter().map(|&i| (i, r.to_string())));
        }
    }
    // "Vous aimez nos traductions ?" over "Terres Partagées ne vit que des dons …": a short
    // question to the reader right over a plea is the box's title, wherever the box stands.
    for (k, &i) in nonempty.iter().enumerate() {
        let t = a.lines[i].trim();
        let Some(r) = reason_at(k + 1).filter(|r| PLEAS.contains(r)) else {
            continue;
        };
        if !t.is_empty()
            && t.ends_with('?')
            && t.split_whitespace().count() <= 8
            && !t.contains(chrome::QUOTE_MARKS)
            && chrome::addresses_reader(&patterns::normalize(t))
        {
            found.push((i, r.to_string()));
        }
    }
    for (i, r) in found {
        blank(a, i, &r);
    }
}

/// A plea box whose lines are each too plain to remove alone ("Questo articolo è gratuito
/// grazie a chi ci sostiene." / "X non riceve contributi pubblici e non ospita pubblicità." /
/// "... aiutaci con una donazione"): a run of two or more adjacent lines, each of up to
/// [`MAX_PLEA_BLOCK_WORDS`] words with plea wording of the table (chrome or `-near`, donation or
/// newsletter), at least three phrases in all and one of them a chrome phrase. Article prose may
/// mention a fundraiser in one line; it does not keep asking for three lines running. Lines with
/// quotation marks report someone's words and break a run.
fn remove_plea_boxes(a: &mut Article, nonempty: &[usize]) {
    // (phrases, chrome phrases, speaks to the reader) of line i, or None when it cannot be part
    // of a box.
    let wording = |i: usize| -> Option<(usize, usize, bool)> {
        let line = a.lines[i].trim();
        if line.is_empty()
            || (a.title_is_line_1 && i == 0)
            || line.split_whitespace().count() > MAX_PLEA_BLOCK_WORDS
            || line.contains(chrome::QUOTE_MARKS)
        {
            return None;
        }
        let norm = patterns::normalize(line);
        let (mut all, mut strong) = (0, 0);
        for (p, _, _) in patterns::matching(&norm, usize::MAX) {
            match p.kind {
                patterns::Kind::Chrome(r) if PLEAS.contains(&r) => {
                    all += 1;
                    strong += 1;
                }
                patterns::Kind::Near(r) if PLEAS.contains(&r) => all += 1,
                _ => {}
            }
        }
        (all > 0).then(|| (all, strong, chrome::addresses_reader(&norm)))
    };
    let mut runs: Vec<Vec<usize>> = vec![Vec::new()];
    // (phrases, chrome phrases, lines speaking to the reader) per run.
    let mut totals: Vec<(usize, usize, usize)> = vec![(0, 0, 0)];
    for &i in nonempty {
        match wording(i) {
            Some((all, strong, addressed)) => {
                runs.last_mut().unwrap().push(i);
                let t = totals.last_mut().unwrap();
                t.0 += all;
                t.1 += strong;
                t.2 += usize::from(addressed);
            }
            None => {
                runs.push(Vec::new());
                totals.push((0, 0, 0));
            }
        }
    }
    // Every second line at least speaks to the reader: an appeal, not a report on one.
    for (run, (all, strong, addressed)) in runs.iter().zip(totals) {
        if run.len() >= 2 && all >= 3 && strong >= 1 && addressed * 2 >= run.len() {
            for &i in run {
                blank(a, i, "donation plea");
            }
        }
    }
}

/// Lines in a run of at least [`MIN_LINK_RUN`] consecutive very short lines (≤ 3 words,
/// capitalised, no digits, not sentences) before the first or after the last real paragraph: a
/// menu or link list flattened into text (language pickers, section lists). Runs inside the
/// article (ingredient lists, names) are left alone.
pub(crate) fn edge_short_runs(
    lines: &[String],
    nonempty: &[usize],
    title_is_line_1: bool,
    body: Option<(usize, usize)>,
) -> Vec<usize> {
    // Menu items are capitalised labels without digits; ingredient lists ("200 g Zucker") and
    // contact details ("+81 158-23-2012") are not menus.
    let is_short = |l: &str| {
        // "🏠 Inicio", "▸ Sport": an icon before the item.
        let t = l
            .trim()
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_start();
        t.split_whitespace().count() <= 3
            && !t.ends_with(['.', '!', '?', ':', '"', '»', '”'])
            // Georgian has no capitals (Unicode files its letters as lower case): any of its
            // letters opens a label as a capital does.
            && t.starts_with(|c: char| {
                (c.is_alphabetic() && !c.is_lowercase()) || ('\u{10D0}'..='\u{10FF}').contains(&c)
            })
            && !t.contains(|c: char| c.is_ascii_digit())
    };
    let Some((first, last)) = body else {
        return Vec::new();
    };
    // "… la préfecture a pris un arrêté interdisant la baignade sur six plages :" over "▪ Anse
    // Canoubier", "▪ Plage des Raisiniers", …: a sentence that introduces the list makes it the
    // article's, even above the first paragraph that ends like one.
    let introduces = |j: usize| {
        let t = lines[j].trim_end();
        t.ends_with(':') && t.split_whitespace().count() >= 8
    };
    // "Condividi su Facebook" / … / "Condividi su X" / "LA DICHIARAZIONE" over the first
    // paragraph: a heading in capitals closing a run of links in mixed case is the article's.
    let capitals = |i: usize| {
        let letters = lines[i].chars().filter(|c| c.is_alphabetic());
        letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
    };
    let mut out = Vec::new();
    // The runs among `nonempty[from..to]`, each with the line right above it.
    let mut scan = |from: usize, to: usize| {
        let mut run: Vec<usize> = Vec::new();
        let mut above = from.checked_sub(1).map(|r| nonempty[r]);
        // (A last `None` closes the last run.)
        let lines_then_end = nonempty[from..to].iter().copied().map(Some);
        for line in lines_then_end.chain(std::iter::once(None)) {
            match line.filter(|&i| !(title_is_line_1 && i == 0) && is_short(&lines[i])) {
                Some(i) => run.push(i),
                None => {
                    if to == first
                        && line.is_none()
                        && run.last().is_some_and(|&l| capitals(l))
                        && run.iter().rev().skip(1).all(|&l| !capitals(l))
                    {
                        run.pop();
                    }
                    if run.len() >= MIN_LINK_RUN && !above.is_some_and(introduces) {
                        out.append(&mut run);
                    }
                    run.clear();
                    above = line;
                }
            }
        }
    };
    scan(0, first);
    scan(last + 1, nonempty.len());
    out
}

/// Ranks (among non-empty lines) of the first and last real paragraph (8+ words ending like a
/// sentence, not the title): what lies outside is where bylines, datelines, menus and lists of
/// related articles sit.
///
/// A long dateline or plea is not a paragraph: lines the chrome cues remove (as anywhere in the
/// article) do not count.
pub(crate) fn body_span(
    lines: &[String],
    nonempty: &[usize],
    title_is_line_1: bool,
    opts: &CleanOptions,
) -> Option<(usize, usize)> {
    let inside = chrome::Position {
        from_start: usize::MAX / 2,
        from_end: usize::MAX / 2,
        outside_body: false,
        near_body_start: false,
    };
    // Prose ends like a sentence; a list of other articles' headlines does not.
    let is_paragraph = |i: usize| {
        let t = lines[i].trim_end();
        // Words, not the " : " and " ?" of French typography.
        !(title_is_line_1 && i == 0)
            && t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                >= 8
            && t.ends_with(['.', '!', '?', '…', '"', '»', '”', ')', '\''])
            && chrome::chrome_reason(t, inside, opts).is_none()
            // ("This is a snapshot of the page as it appeared on 3 Mar 2025. The current
            // version of the page may differ.": an archive's sentence over the copy.)
            && !chrome::is_archive_banner(t)
    };
    let first = nonempty.iter().position(|&i| is_paragraph(i))?;
    // A short question below the article is another article's headline ("Enquête : où passe
    // l'argent des péages ?") more often than the article's last word.
    let last = nonempty.iter().rposition(|&i| {
        is_paragraph(i)
            && !(lines[i].trim_end().ends_with('?') && lines[i].split_whitespace().count() < 15)
    })?;
    let last = last.max(first);
    Some((first, last))
}

/// Shortest run of short lines taken for a flattened menu.
const MIN_LINK_RUN: usize = 5;

/// An advertisement's teaser between its label and its sponsor's line ("Sponsorisé" / "Ce
/// nouveau radiateur chauffe toute la maison…" / "Chauffage Info | Sponsorisé"; "#реклама" /
/// "Кредит наличными…" / "ООО «…». Реклама. erid: …"). A bare label below would not do: ad
/// slots alternate with the article's paragraphs; a sponsor's line closes one ad.
pub(crate) fn remove_ad_teasers(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let ad = |a: &Article, i: usize| idx.reason(a, i) == Some("advertisement label");
    let closes = |a: &Article, i: usize| {
        idx.record(a, i)
            .is_some_and(|r| r.reason == "advertisement label" && chrome::is_sponsor_line(&r.text))
    };
    let mut found = Vec::new();
    for k in 1..nonempty.len().saturating_sub(1) {
        let i = nonempty[k];
        if !a.lines[i].trim().is_empty()
            && a.lines[i].split_whitespace().count() <= MAX_AD_TEASER_WORDS
            && ad(a, nonempty[k - 1])
            && closes(a, nonempty[k + 1])
        {
            found.push(i);
        }
    }
    for i in found {
        blank(a, i, "advertisement");
    }
}

/// Longest headline of a native ad above its button.
const MAX_NATIVE_AD_WORDS: usize = 16;

/// "Ce geste simple chaque matin change tout après 60 ans" / "Découvrir", "Homeowners in
/// Eastmarsh are only just finding out about this" / "Learn more": a sponsored teaser, a
/// headline that ends like no sentence of news (no full stop) right above a line that is only a
/// button's words. The article's own lines end with a stop or go on with prose below.
pub(crate) fn remove_native_ads(a: &mut Article, nonempty: &[usize]) {
    const BUTTONS: &[&str] = &[
        "learn more",
        "find out more",
        "discover more",
        "shop now",
        "en savoir plus",
        "découvrir",
        "je découvre",
        "cliquez ici",
        "réserver",
        "ver más",
        "saber más",
        "más información",
        "scopri di più",
        "scopri",
        "mehr erfahren",
        "jetzt entdecken",
        "zobacz",
        "sprawdź",
        "dowiedz się więcej",
        "детальніше",
        "дізнатися більше",
        "подробнее",
        "узнать больше",
        "μάθετε περισσότερα",
        "δείτε περισσότερα",
    ];
    let idx = Removed::of(a);
    let button = |i: usize| {
        let norm = patterns::normalize(&a.lines[i]);
        let norm = norm.trim_end_matches(['›', '→', '>', '»', '…', ' ', '.']);
        BUTTONS.contains(&norm)
    };
    let mut found = Vec::new();
    for k in 0..nonempty.len().saturating_sub(1) {
        let (i, j) = (nonempty[k], nonempty[k + 1]);
        let t = a.lines[i].trim();
        let teaser = !t.is_empty()
            && idx.reason(a, i).is_none()
            && (!a.title_is_line_1 || i != 0)
            && (3..=MAX_NATIVE_AD_WORDS).contains(&t.split_whitespace().count())
            && !t.ends_with(['.', ':', ';', ','])
            && !chrome::is_reported_quote(t);
        // (After a lead-in, "Pour les horaires :", the link is the article's.)
        let lead_in = k > 0 && a.lines[nonempty[k - 1]].trim_end().ends_with(':');
        if teaser && !lead_in && button(j) {
            found.push(i);
            found.push(j);
        }
    }
    for i in found {
        blank(a, i, "advertisement");
    }
}

/// Longest teaser taken between an ad's label and its sponsor.
const MAX_AD_TEASER_WORDS: usize = 40;

/// "Share or comment on this article: <the headline>", "Partager : <le titre>": a button's
/// label with the page's title after it.
pub(crate) fn remove_title_prompts(a: &mut Article, nonempty: &[usize]) {
    let Some(title) = a
        .title
        .clone()
        .filter(|t| t.split_whitespace().count() >= 4)
    else {
        return;
    };
    let mut found = Vec::new();
    for &i in nonempty {
        let t = a.lines[i].trim();
        let Some((head, rest)) = t.split_once(':') else {
            continue;
        };
        if t.is_empty() || head.split_whitespace().count() > 8 || !holds_title(rest, &title) {
            continue;
        }
        let norm = patterns::normalize(head);
        let reason = patterns::matching(&norm, 1)
            .into_iter()
            .find_map(|(p, start, end)| match p.kind {
                patterns::Kind::Chrome(r)
                    if start == 0
                        && end == norm.len()
                        && matches!(r, "share prompt" | "comment notice") =>
                {
                    Some(r)
                }
                _ => None,
            });
        if let Some(r) = reason {
            found.push((i, r));
        }
    }
    for (i, r) in found {
        blank(a, i, r);
    }
}

/// "Длина — 186 метров", "Production 2022-2023 : 180 000 tonnes": a fact box's row, a name of
/// one to four words that does not open with a figure, a dash or colon, and a short value that
/// opens with one (a results box's "HC Sarine – Lions du Chablais 4-1" and a table's "1. CS
/// Moulien – 29 pts" are no such rows).
fn is_key_figure(t: &str) -> bool {
    // ("Tiros totales | 14 | 9": a statistics table's row, its cells between bars.)
    [" — ", " – ", " : ", ": ", " | "].iter().any(|sep| {
        t.split_once(sep).is_some_and(|(key, value)| {
            (1..=4).contains(&key.split_whitespace().count())
                && !key.starts_with(|c: char| c.is_numeric())
                && value.split_whitespace().count() <= 6
                && value
                    .split_whitespace()
                    .take(2)
                    .any(|w| w.starts_with(|c: char| c.is_numeric()))
        })
    })
}

/// "Possession : 54 % – 46 %", "Tirs (cadrés) : 14 (6) – 9 (3)": a statistics row, a label of
/// one to four words, a colon, and figures without words.
fn is_stat_row(t: &str) -> bool {
    t.trim().split_once(':').is_some_and(|(label, value)| {
        (1..=4).contains(&label.split_whitespace().count())
            && value.chars().any(|c| c.is_ascii_digit())
            && !value.chars().any(char::is_alphabetic)
    })
}

/// The cells of a table row flattened to text: between bars ("4 | Iveria | 14"), or, in a row
/// without bars, between runs of spaces ("Land Niederösterreich      € 2.055.000   30 %", a
/// PDF's or a plain-text page's aligned columns).
fn table_cells(row: &str) -> impl Iterator<Item = &str> {
    let sep = if row.contains('|') { "|" } else { "  " };
    row.split(sep)
        .map(str::trim)
        .filter(move |c| sep == "|" || !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_and_clock_times() {
        assert!(is_fact_check_verdict("FAUX"));
        assert!(is_fact_check_verdict("Plutôt vrai."));
        assert!(!is_fact_check_verdict("Vérifications"));
        assert!(is_fact_check_verdict("VEREDICTO: FALSO"));
        assert!(is_fact_check_verdict("ΨΕΥΔΕΣ"));
        assert!(continued_from_page("Fortsetzung von Seite 3"));
        assert!(continued_from_page("Suite de la page 2"));
        assert!(!continued_from_page("Lire aussi"));
        assert!(is_time_alone("16:48"));
        assert!(is_time_alone("18.02 BST"));
        assert!(!is_time_alone("18.02 Uhr Anpfiff"));
        assert!(!is_time_alone("2019"));
        assert!(!is_time_alone("12.03.2025"));
    }

    /// Round 72: a table's row read alone as a widget (its percent) comes back between kept
    /// rows of the same shape; a lone widget line between prose does not.
    #[test]
    fn a_table_row_between_rows_of_its_shape_comes_back() {
        let text = "Honoraires 520 000\n\
Divers et imprévus (env. 4 %) 155 000\n\
Total 4 200 000\n\
Le groupe avait déposé un amendement.\n\
CAC 40 7 412,35 -0,84 %\n\
La séance a été levée à 22 heures.";
        let mut a = Article::from_text("x", "x.txt", text);
        blank(&mut a, 1, "widget");
        blank(&mut a, 4, "widget");
        let nonempty: Vec<usize> = (0..a.lines.len()).collect();
        let restored = restore_introduced_lines(&mut a, &nonempty);
        assert_eq!(restored, vec![1]);
        assert!(is_label_figure_row("Mobilier et équipement 265 000"));
        assert!(!is_label_figure_row("265 000"));
        assert!(!is_label_figure_row("La séance a été levée à 22 heures."));
    }

    /// Round 79: a web address that a printed column's sentence wraps onto is no masthead, even
    /// where the page's body was found below it; the same address over a menu is.
    #[test]
    fn an_address_a_sentence_wraps_onto_is_no_site_name() {
        let text = "Ein Abend im Lokschuppen\n\
Vorverkauf: Tourismusbüro Freistadt,\n\
Tel. 07942/751 20, sowie online unter\n\
www.ensemble-example.at\n\
Familienkonzert am Sonntag\n\
Der Eintritt ist frei, Zählkarten sind im Tourismusbüro erhältlich.";
        let mut a = Article::from_text("x", "x.txt", text);
        let nonempty: Vec<usize> = (0..a.lines.len()).collect();
        remove_site_names(&mut a, &nonempty, Some((4, 5)), None);
        assert!(a.removed.is_empty(), "{:#?}", a.removed);
        let text = "Ein Abend im Lokschuppen\n\
www.ensemble-example.at\n\
Start | Konzerte | Karten\n\
Familienkonzert am Sonntag\n\
Der Eintritt ist frei, Zählkarten sind im Tourismusbüro erhältlich.";
        let mut a = Article::from_text("x", "x.txt", text);
        let nonempty: Vec<usize> = (0..a.lines.len()).collect();
        remove_site_names(&mut a, &nonempty, Some((3, 4)), None);
        assert_eq!(a.removed.len(), 1, "{:#?}", a.removed);
    }

    #[test]
    fn clock_times_open_an_agenda_not_a_numbered_list() {
        for t in [
            "7am BST: UK inflation",
            "1.30pm BST: US housing",
            "14:00 Conseil",
            "14h Ouverture",
            "14h30 Débat",
        ] {
            assert!(opens_with_clock(t), "{t}");
        }
        for t in [
            "10. Gottardo, coda",
            "1. Mathis",
            "2025 budget",
            "7 morts",
            "12.5 % de hausse",
        ] {
            assert!(!opens_with_clock(t), "{t}");
        }
    }

    #[test]
    fn a_count_of_one_alone_is_a_comment_header() {
        assert!(is_comment_header("Ένα σχόλιο"));
        assert!(is_comment_header("Un commentaire"));
        assert!(!is_comment_header("Une commune"));
    }

    #[test]
    fn a_month_and_a_day_alone_are_a_stamp() {
        assert!(is_day_of_month("Aug 19"));
        assert!(is_day_of_month("19 août"));
        assert!(!is_day_of_month("Aug 2019"));
        assert!(!is_day_of_month("Marche 19"));
    }

    #[test]
    fn copyright_holders() {
        assert_eq!(
            copyright_holder("Copyright © 2025 Orion TV. Tous droits réservés.").as_deref(),
            Some("Orion TV")
        );
        assert_eq!(
            copyright_holder("Dépêche Orientale © 2023 | Mentions légales").as_deref(),
            Some("Dépêche Orientale")
        );
        assert_eq!(copyright_holder("© Getty Images"), None);
        // A footer's links before the sign are no holder; the name after it is.
        assert_eq!(
            copyright_holder("Regulamin  Polityka prywatności  Kontakt  © 2024 KPW.pl").as_deref(),
            Some("KPW")
        );
        assert_eq!(
            copyright_holder(
                "About Us | Contact Us | Privacy Policy | Copyright © 2024 WNX. All Rights Reserved."
            )
            .as_deref(),
            Some("WNX")
        );
    }

    #[test]
    fn comment_stamps() {
        // A dash between the commenter and the date is no word of the stamp.
        assert!(is_comment_stamp("Jeannot69 – 18 février 2025 à 21 h 14"));
        // A comment plugin's action row.
        assert!(is_comment_stamp("Μου αρέσει · Απάντηση · 5 ώ"));
        assert!(is_comment_stamp("Like · Reply · 2h"));
        assert!(is_comment_stamp("PatriotMom1776 · 3h"));
        assert!(is_item_stamp("Keystone-ATS · il y a 2 h"));
        assert!(is_item_stamp("dpa · 14:32"));
        assert!(!is_item_stamp("Paris · Lyon"));
        assert!(!is_comment_stamp("Berlin · 2025"));
        assert!(is_comment_header("Une réflexion sur « La route du Nord »"));
        assert!(!is_comment_header("Une réflexion sur la route du Nord"));
        // A sentence with a date is no stamp; a row of places is no action row.
        assert!(!is_comment_stamp(
            "Le conseil municipal a voté le budget le 18 février 2025 après un long débat"
        ));
        assert!(!is_comment_stamp("Paris · Lyon · Marseille"));
    }
}
