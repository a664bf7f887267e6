//! Page furniture that comes as a block of lines, each of which alone could be prose: an archive's
//! toolbar, a live-scores widget, a magazine's briefs column, a printed page's running header.
//! Told by the block's shape (its opening line and what follows), so that a line of the same
//! words inside an article stays. Runs after the per-line cues, and reads what they removed.

use std::collections::HashSet;

use newsprism_core::Article;

use crate::patterns;
use crate::structure::{blank, run_spans, Removed};

/// A printed page's running header or footer ("36 | TERRES & MARCHÉS | N° 212 – MARS 2025")
/// comes back on every page with only its page number changed: a short line that is a line
/// already removed as chrome with other digits goes too. (The same line word for word, or with a
/// rank before it, is not one: the headline comes back in a most-read list.)
pub(crate) fn remove_running_headers(a: &mut Article, nonempty: &[usize]) {
    let key = |t: &str| {
        let letters: String = t
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .flat_map(char::to_lowercase)
            .collect();
        letters.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // (Comments are people's words, not the page's: two alike say nothing about a third.)
    let removed: HashSet<(String, &str)> = a
        .removed
        .iter()
        .filter(|r| r.reason != "comment thread" && r.text.split_whitespace().count() <= 15)
        .map(|r| (key(&r.text), without_rank(&r.text)))
        .filter(|(k, _)| k.chars().filter(|c| c.is_alphabetic()).count() >= 6)
        .collect();
    let keys: HashSet<&str> = removed.iter().map(|(k, _)| k.as_str()).collect();
    let texts: HashSet<&str> = removed.iter().map(|(_, t)| *t).collect();
    if removed.is_empty() {
        return;
    }
    let found: Vec<usize> = nonempty
        .iter()
        .copied()
        .filter(|&i| {
            let t = a.lines[i].trim();
            !t.is_empty()
                && t.chars().any(|c| c.is_ascii_digit())
                && t.split_whitespace().count() <= 15
                && keys.contains(key(t).as_str())
                && !texts.contains(without_rank(t))
        })
        .collect();
    for i in found {
        blank(a, i, "running header");
    }
}

/// A printed page's notice box: small ads ("ΜΙΚΡΕΣ ΑΓΓΕΛΙΕΣ" / "Πωλείται ελαιόκτημα 12
/// στρεμμάτων …" / "… Πληρ. 69XX XXX 412."), civil status ("ÉTAT CIVIL" / "Naissances" / "Lina
/// Garreau, le 3 janvier"), condolences, a notice board: a short header naming the box over
/// the lines down to the next blank line. Small ads need a telephone among them or a header in
/// capitals; the other boxes a header in capitals, as a printed page sets it. An article's
/// heading of those words is set in the sentence's case and followed by prose that gives no
/// number to call.
pub(crate) fn remove_notice_boxes(a: &mut Article) {
    const CLASSIFIEDS: &[&str] = &[
        "petites annonces",
        "annonces classées",
        "classifieds",
        "classified ads",
        "small ads",
        "kleinanzeigen",
        "piccoli annunci",
        "annunci economici",
        "ogłoszenia drobne",
        "drobne ogłoszenia",
        "частные объявления",
        "объявления",
        "оголошення",
        "clasificados",
        "anuncios clasificados",
        // (Greek as `normalize` folds it: no accents, no final sigma.)
        "μικρεσ αγγελιεσ",
        "αγγελιεσ",
    ];
    const NOTICES: &[&str] = &[
        "état civil",
        "etat civil",
        "carnet",
        "naissances",
        "condoléances",
        "remerciements",
        "babillard communautaire",
        "avis public",
        "hatches, matches & dispatches",
        "births, marriages and deaths",
        "aus dem standesamt",
        "standesamt",
        "anagrafe",
        "stato civile",
        "kondolencje",
        "z usc",
        "registro civil",
        "записи актов гражданского состояния",
        "ληξιαρχικα",
        // A parish's or a commune's sheet: its registers, rotas, mass times, announcements.
        "from the registers",
        "flower rota",
        "horaire des messes",
        "horaires des messes",
        "standesamtliche nachrichten",
        "wir gratulieren",
        "öffentliche bekanntmachung",
        "abfallkalender",
        "gottesdienstordnung",
        "ogłoszenia duszpasterskie",
        "intencje mszalne",
        "orari delle messe",
        "horario de misas",
    ];
    const PHONE: &[&str] = &[
        "tél", "tel", "τηλ", "тел", "πληρ", "☎", "📞", "phone", "ring ",
    ];
    // A civil-status box's parts.
    const PARTS: &[&str] = &[
        "naissances",
        "naissance",
        "mariages",
        "mariage",
        "décès",
        "births",
        "marriages",
        "deaths",
        "geburten",
        "eheschließungen",
        "sterbefälle",
        "nascite",
        "matrimoni",
        "decessi",
        "urodzenia",
        "śluby",
        "zgony",
        "рождения",
        "браки",
        "nacimientos",
        "matrimonios",
        "defunciones",
        "γεννησεισ",
        "γαμοι",
        "θανατοι",
    ];
    let n = a.lines.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let t = a.lines[i].trim();
        let words = t.split_whitespace().count();
        let norm = if (1..=5).contains(&words) {
            patterns::normalize(t)
        } else {
            String::new()
        };
        let norm = norm.trim_end_matches(':');
        let in_list = |list: &[&str]| {
            list.iter()
                .any(|h| norm == *h || norm.strip_prefix(h).is_some_and(|r| r.starts_with(" –")))
        };
        let capitals = t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
        let classifieds = in_list(CLASSIFIEDS);
        let notices = capitals && in_list(NOTICES);
        if !classifieds && !notices {
            i += 1;
            continue;
        }
        // The box ends at a blank line, or where a line is no item: more than 40 words, or a
        // line with neither a figure nor a comma that is no part's name ("Les grands chiffres"
        // over the budget's table, where a printed page's columns run on without a gap).
        // (Small ads' lines wrap as a column sets them: only their length ends the box.)
        let item = |l: &str| {
            let l = l.trim();
            l.split_whitespace().count() <= 40
                && (classifieds
                    || l.contains(|c: char| c.is_ascii_digit() || c == ',')
                    || PARTS.contains(&patterns::normalize(l).trim_end_matches(':')))
        };
        let end = (i + 1..n)
            .find(|&j| a.lines[j].trim().is_empty() || !item(&a.lines[j]))
            .unwrap_or(n);
        let items = &a.lines[i + 1..end];
        let phone = || {
            items.iter().any(|l| {
                let lower = l.to_lowercase();
                PHONE.iter().any(|w| lower.contains(w)) || has_phone_number(l)
            })
        };
        if (1..=15).contains(&items.len()) && (notices || capitals || phone()) {
            found.extend(i..end);
        }
        i = end.max(i + 1);
    }
    for i in found {
        blank(a, i, "notice box");
    }
}

/// "06 12 34 56 78", "0590 82 40 00", "+48 600-123-456": seven digits or more in one run of
/// digits, spaces, dots, dashes and brackets. A date and a time ("13 de mayo de 2024 · 20:45")
/// have as many digits, in runs of four or fewer.
pub(crate) fn has_phone_number(l: &str) -> bool {
    l.split(|c: char| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/' | '(' | ')' | '+')))
        .any(|run| run.chars().filter(char::is_ascii_digit).count() >= 7)
}

/// Fewest "Key: value" rows of a fact box.
const MIN_FACT_ROWS: usize = 3;

/// A fact box beside the article, closed by its link: "Scheda comune" / "Valmorena" /
/// "Provincia: Sondrio (SO)" / "Abitanti: 1.312 (ISTAT 2023)" / … / "Vedi tutte le notizie su
/// Valmorena ›", or "About Halvard Island" / … / "From Wikipedia · See more". One or two short
/// header lines, three rows or more of a short key, a colon and a short value, and a link out
/// right below them. The article's own list of figures is not closed by a link.
pub(crate) fn remove_fact_boxes(a: &mut Article, nonempty: &[usize]) {
    const MORE: &[&str] = &[
        "see more",
        "read more",
        "voir la fiche",
        "voir plus",
        "toutes les actualités",
        "vedi tutte",
        "vedi di più",
        "ver más",
        "mehr zu",
        "alle nachrichten",
        "zobacz więcej",
        "подробнее",
        "детальніше",
        "δείτε περισσότερα",
    ];
    let row = |t: &str| {
        t.split_once(": ").is_some_and(|(key, value)| {
            (1..=3).contains(&key.split_whitespace().count())
                && !key.contains(['.', '!', '?'])
                && (1..=6).contains(&value.split_whitespace().count())
                // ("876 m s.l.m.": an abbreviation's stop ends no sentence.)
                && (!value.trim_end().ends_with(['.', '!', '?', ':'])
                    || value
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.trim_end_matches('.').contains('.')))
        })
    };
    let link = |t: &str| {
        let norm = patterns::normalize(t);
        t.split_whitespace().count() <= 10
            && (t.trim_end().ends_with(['›', '→', '»'])
                || t.trim_start().starts_with('→')
                || MORE.iter().any(|m| norm.contains(m)))
    };
    let header = |t: &str| {
        (1..=6).contains(&t.split_whitespace().count()) && !t.ends_with(['.', '!', '?', ':'])
    };
    let line = |k: usize| a.lines[nonempty[k]].trim();
    let mut found = Vec::new();
    let mut k = 0;
    while k < nonempty.len() {
        if !row(line(k)) {
            k += 1;
            continue;
        }
        let start = k;
        while k < nonempty.len() && row(line(k)) {
            k += 1;
        }
        if k - start < MIN_FACT_ROWS || k >= nonempty.len() || !link(line(k)) {
            continue;
        }
        let heads = (1..=2)
            .take_while(|&h| start >= h && header(line(start - h)))
            .count();
        if heads == 0 {
            continue;
        }
        found.extend(nonempty[start - heads..=k].iter().copied());
        k += 1;
    }
    for i in found {
        blank(a, i, "fact box");
    }
}

/// A transcript's notice at the page's foot: "Avertissement concernant les transcriptions" /
/// "Hinweis zum Transkript" over the broadcaster's paragraphs on how the transcript was made,
/// whose views the guests' are, copyright and the right of reply (sentences of 20–40 words
/// with one legal phrase each, which no phrase rule takes). A short heading naming a notice
/// and a transcript, in the last two fifths of the page, and the lines below it down to other
/// chrome (a legal line or a disclaimer already removed goes on with it) or eight lines.
pub(crate) fn remove_transcript_notices(a: &mut Article, nonempty: &[usize]) {
    const NOTICE: &[&str] = &[
        "avertissement",
        "hinweis",
        "hinweise",
        "note",
        "nota",
        "notice",
        "disclaimer",
        "remarque",
        "about",
        "à propos",
        "uwaga",
        "примечание",
        "aviso",
        "advertencia",
        "avvertenza",
        "σημειωση",
        "შენიშვნა",
    ];
    const TRANSCRIPT: &[&str] = &[
        "transcri",
        "transkript",
        "trascrizion",
        "transkrypc",
        "стенограм",
        "транскрип",
        "расшифров",
        "απομαγνητοφ",
        "ტრანსკრიპ",
    ];
    // (The stems without their first letter, looked for in the line as written, in lower case
    // and in capitals, so that only a line naming a transcript is normalised: "Transkript",
    // "Απομαγνητοφώνηση", "TRANSCRIPTION".)
    const TRANSCRIPT_HINT: &[&str] = &[
        "ranscri",
        "ranskript",
        "rascrizion",
        "ranskrypc",
        "тенограм",
        "ранскрип",
        "асшифров",
        "πομαγνητοφ",
        "ტრანსკრიპ",
        "RANSCRI",
        "RANSKRIPT",
        "RASCRIZION",
        "RANSKRYPC",
        "ТЕНОГРАМ",
        "РАНСКРИП",
        "АСШИФРОВ",
        "ΠΟΜΑΓΝΗΤΟΦ",
    ];
    const MAX_NOTICE_LINES: usize = 8;
    let n = nonempty.len();
    let mut found = Vec::new();
    for (k, &i) in nonempty.iter().enumerate() {
        let t = a.lines[i].trim();
        if t.is_empty()
            || k * 5 < n * 3
            || t.split_whitespace().count() > 7
            || !TRANSCRIPT_HINT.iter().any(|h| t.contains(h))
        {
            continue;
        }
        let norm = patterns::normalize(t);
        let heading = !t.ends_with(['.', '?', '!', ',', ';'])
            && NOTICE.iter().any(|w| {
                norm.split(|c: char| !c.is_alphabetic()).any(|x| x == *w)
                    || (w.contains(' ') && norm.contains(w))
            })
            && TRANSCRIPT.iter().any(|w| norm.contains(w));
        if !heading {
            continue;
        }
        found.push(i);
        // (The index of removed lines only for a page that has the heading.)
        let idx = Removed::of(a);
        let mut taken = 0;
        for &j in &nonempty[k + 1..] {
            match idx.record(a, j) {
                None => {
                    found.push(j);
                    taken += 1;
                }
                Some(r)
                    if matches!(
                        r.reason.as_str(),
                        "opinion disclaimer" | "legal/copyright notice"
                    ) => {}
                Some(_) => break,
            }
            if taken == MAX_NOTICE_LINES {
                break;
            }
        }
        break;
    }
    for i in found {
        blank(a, i, "transcript notice");
    }
}

/// A box drawn with box-drawing characters on a printed page ("┌─── AGENDA ───┐" … "└───┘",
/// or lines framed by "┃ … ┃"): an advert, an agenda, a plea, set apart from the article by
/// its frame. Everything inside the frame goes with it.
pub(crate) fn remove_drawn_boxes(a: &mut Article) {
    const OPEN: &[char] = &['┌', '╔', '╭', '┏'];
    const CLOSE: &[char] = &['└', '╚', '╰', '┗'];
    const SIDE: &[char] = &['│', '┃', '║'];
    let n = a.lines.len();
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let t = a.lines[i].trim();
        if t.starts_with(OPEN) {
            if let Some(end) =
                (i + 1..n.min(i + 17)).find(|&j| a.lines[j].trim().starts_with(CLOSE))
            {
                found.extend(i..=end);
                i = end + 1;
                continue;
            }
        }
        // "┃ ABONNEZ-VOUS À L'INFOLETTRE ┃": two framed lines or more in a row.
        let framed = |j: usize| a.lines[j].trim().starts_with(SIDE);
        if framed(i) {
            let end = (i..n).find(|&j| !framed(j)).unwrap_or(n);
            if end - i >= 2 {
                found.extend(i..end);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    for i in found {
        blank(a, i, "boxed insert");
    }
}

/// A poll's box ("SONDA" / "Czy podwyżka opłat … jest uzasadniona?" / "Tak, ceny nie zmieniały
/// się od lat" / "Nie, to skok na kasę" / "Głosuj · Oddano 2 418 głosów"): a short header naming
/// a poll, its question, and the short answers below it, down to a blank line or a line that is
/// no answer (its vote button and count go with it). An article's question is not headed so.
pub(crate) fn remove_poll_boxes(a: &mut Article, nonempty: &[usize]) {
    const POLL: &[&str] = &[
        "sondage",
        "notre sondage",
        "le sondage",
        "poll",
        "our poll",
        "umfrage",
        "unsere umfrage",
        "sondaggio",
        "il sondaggio",
        "sonda",
        "ankieta",
        "encuesta",
        "опрос",
        "опитування",
        "δημοσκοπηση",
        "გამოკითხვა",
    ];
    let mut found = Vec::new();
    for (k, &i) in nonempty.iter().enumerate() {
        let t = a.lines[i].trim();
        // "📊 Опрос: Холодно ли у вас в квартире?": the header and the question on one line.
        let one_line = t.split_once(':').is_some_and(|(head, question)| {
            head.split_whitespace().count() <= 3
                && POLL.contains(&patterns::normalize(head).as_str())
                && question.trim_end().ends_with('?')
        });
        let (mut items, mut prev, from) = if one_line {
            (vec![i], i, k + 1)
        } else {
            if t.split_whitespace().count() > 3
                || !POLL.contains(&patterns::normalize(t).trim_end_matches([':', '!']))
            {
                continue;
            }
            let Some(&q) = nonempty.get(k + 1) else {
                continue;
            };
            if q != i + 1 || !a.lines[q].trim_end().ends_with('?') {
                continue;
            }
            (vec![i, q], q, k + 2)
        };
        for &j in &nonempty[from..] {
            let l = a.lines[j].trim();
            // (Answers follow one another without a gap, each a few words at most.)
            // (A line already removed, a channel post's view count, ends the one-line box.)
            if j != prev + 1
                || (one_line && l.is_empty())
                || l.split_whitespace().count() > 10
                || l.ends_with(['.', '?'])
            {
                break;
            }
            items.push(j);
            prev = j;
        }
        // (The header, the question and two answers at least.)
        if items.len() >= if one_line { 3 } else { 4 } {
            found.extend(items);
        }
    }
    for i in found {
        blank(a, i, "poll");
    }
}

/// A chat export's message header: the channel's name and the message's time ("ФактЛаб
/// 14:05", "ФактЛаб 19.03.2024 10:00"), over each of its messages. Two such lines or more with
/// the same name, none right under another (a timetable's rows follow one another), are the
/// export's furniture.
pub(crate) fn remove_message_stamps(a: &mut Article, nonempty: &[usize]) {
    use crate::chrome::is_numeric_date_or_time;
    let name_of = |t: &str| -> Option<String> {
        let mut words: Vec<&str> = t.split_whitespace().collect();
        let time = words.pop()?;
        if !(time.contains(':') && is_numeric_date_or_time(time)) {
            return None;
        }
        if words
            .last()
            .is_some_and(|w| w.contains('.') && is_numeric_date_or_time(w))
        {
            words.pop();
        }
        let name = words.join(" ");
        ((1..=5).contains(&words.len())
            && name.chars().any(char::is_alphabetic)
            && !name
                .contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | '|' | '!' | '?')))
        .then_some(name)
    };
    let mut groups: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, &i) in nonempty.iter().enumerate() {
        if let Some(name) = name_of(a.lines[i].trim()) {
            groups.entry(name).or_default().push(k);
        }
    }
    let mut found = Vec::new();
    for ranks in groups.into_values() {
        if ranks.len() >= 2 && ranks.windows(2).all(|w| w[1] > w[0] + 1) {
            found.extend(ranks.into_iter().map(|k| nonempty[k]));
        }
    }
    for i in found {
        blank(a, i, "message header");
    }
}

/// "Галина Петровна, [15.01.2025 7:51]": a message's sender and stamp as a chat client copies
/// them; the sender, if the line is one.
fn chat_sender(t: &str) -> Option<&str> {
    let (sender, stamp) = t.trim().strip_suffix(']')?.rsplit_once(", [")?;
    let (date, time) = stamp.split_once(' ')?;
    let numeric =
        |s: &str, sep: char| s.contains(sep) && s.chars().all(|c| c.is_ascii_digit() || c == sep);
    (numeric(date, '.')
        && numeric(time, ':')
        && (1..=8).contains(&sender.split_whitespace().count()))
    .then_some(sender.trim())
}

/// A channel's export with its discussion: the channel's own posts come under headers with its
/// name ("Радио Лиманск 103.7 FM | Новости, [15.01.2025 7:42]"), the first of them; messages under
/// anybody else's header ("Sergey_K, [15.01.2025 8:03]") are readers' comments, down to the next
/// header or a blank line. The discussion's label right above the first of them ("Обсуждение —
/// Радио Лиманск | Чат") goes with them.
pub(crate) fn remove_chat_replies(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    // (The channel's own headers were taken already, as its name or a stamp.)
    let headers: Vec<(usize, &str)> = nonempty
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| chat_sender(idx.scraped(a, i)).map(|s| (k, s)))
        .collect();
    let Some((_, owner)) = headers.first() else {
        return;
    };
    let mut found = Vec::new();
    for (n, (k, sender)) in headers.iter().enumerate() {
        if sender == owner {
            continue;
        }
        let next = headers.get(n + 1).map_or(nonempty.len(), |h| h.0);
        found.extend(nonempty[*k..post_end(nonempty, *k, next)].iter().copied());
        // (The label over the first comment: a short line with a blank line above it.)
        let first_foreign = headers[..n].iter().all(|h| h.1 == *owner);
        if first_foreign && *k >= 2 {
            let label = nonempty[k - 1];
            let t = a.lines[label].trim();
            if !t.is_empty()
                && t.split_whitespace().count() <= 8
                && !t.ends_with(['.', '!', '?', ':'])
                && label > nonempty[k - 2] + 1
            {
                found.push(label);
            }
        }
    }
    for i in found {
        blank(a, i, "comment thread");
    }
}

/// The end (a rank in `nonempty`, exclusive) of the post whose header has rank `k`: its lines
/// follow the header without a blank line, up to the next header's rank `next`.
fn post_end(nonempty: &[usize], k: usize, next: usize) -> usize {
    let mut end = k + 1;
    while end < next && nonempty[end] == nonempty[end - 1] + 1 {
        end += 1;
    }
    end
}

/// A forum thread's replies: the first post's header names the poster who opened the thread
/// ("Message par gilles_b » 14 janv. 2025, 08:12", often pasting an article); a post under
/// anybody else's header is a reader's reply, its text down to the next header or a blank
/// line. (The opener's own posts stay: they may carry the article.)
pub(crate) fn remove_forum_replies(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let headers: Vec<(usize, &str)> = nonempty
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let t = idx.scraped(a, i);
            (idx.record(a, i).is_some() && crate::chrome::is_forum_post_header(t.trim()))
                .then(|| crate::chrome::forum_poster(t))
                .flatten()
                .map(|p| (k, p))
        })
        .collect();
    let Some(&(_, opener)) = headers.first() else {
        return;
    };
    let mut found = Vec::new();
    for (n, &(k, poster)) in headers.iter().enumerate() {
        if poster == opener {
            continue;
        }
        let next = headers.get(n + 1).map_or(nonempty.len(), |h| h.0);
        found.extend(nonempty[k + 1..post_end(nonempty, k, next)].iter().copied());
    }
    for i in found {
        blank(a, i, "comment thread");
    }
}

/// Commenters' signatures left after the thread passes ("Martine R.", "ლაშა მ."): see
/// [`crate::chrome::is_commenter_name`].
pub(crate) fn remove_commenter_names(a: &mut Article, nonempty: &[usize]) {
    let found: Vec<usize> = nonempty
        .iter()
        .copied()
        .filter(|&i| crate::chrome::is_commenter_name(a.lines[i].trim()))
        .collect();
    for i in found {
        blank(a, i, "comment thread");
    }
}

/// A forum poster's handle alone on a line ("bucheron_lac" over "Messages : 2341"): the name
/// in a post's panel, told by a removed post header that names the same poster ("Message non
/// lu par bucheron_lac » 3 oct. 2024, 07:42"). A handle is one word; an article's line of one
/// word is no poster's name unless a header said so.
pub(crate) fn remove_poster_names(a: &mut Article, nonempty: &[usize]) {
    let posters: HashSet<String> = a
        .removed
        .iter()
        .filter(|r| crate::chrome::is_forum_post_header(r.text.trim()))
        .filter_map(|r| crate::chrome::forum_poster(&r.text).map(str::to_string))
        .collect();
    if posters.is_empty() {
        return;
    }
    for &i in nonempty {
        if posters.contains(a.lines[i].trim()) {
            blank(a, i, "forum user panel");
        }
    }
}

/// The display name over an embedded post's handle ("David Parr MP" / "@DavidParrMP") or over
/// its stamp ("Commune d'Orvillers" / "4 juin, 23:41 · 🌍"): a short line right above a handle
/// or stamp that went, without a sentence's end or a colon (the article's "… posted on X after
/// the meeting:" introduces the post, it is not its header).
pub(crate) fn remove_post_display_names(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let mut found = Vec::new();
    for w in nonempty.windows(2) {
        let (name, handle) = (w[0], w[1]);
        if handle != name + 1
            || !(idx.record(a, handle)).is_some_and(|r| {
                r.reason == "social media handle"
                    || (r.reason == "embedded post"
                        && crate::chrome::is_post_stamp(&patterns::normalize(&r.text)))
            })
        {
            continue;
        }
        let t = a.lines[name].trim();
        let words = t.split_whitespace().count();
        if (1..=6).contains(&words)
            && !t.ends_with(['.', ':', '!', '?', ';', ','])
            && t.starts_with(|c: char| c.is_uppercase())
            && !(a.title_is_line_1 && name == 0)
        {
            found.push(name);
        }
    }
    for i in found {
        blank(a, i, "embedded post");
    }
}

/// Lines a page prints again and again: a magazine's running header with its issue
/// ("ღვინის მაცნე • №10 (58) • ოქტომბერი 2024", a figure and a separator, twice or more) or a
/// channel's name over each of its posts ("Λιμάνι Live 🚢", a few words without a stop, three
/// times or more). Every copy goes. (A slogan an article repeats ends in a stop or is longer.)
pub(crate) fn remove_repeated_furniture(a: &mut Article, nonempty: &[usize]) {
    // (Copies already removed count: "Верхнекамск Онлайн | Новости" over a channel's first posts
    // went as the site's name, the later copies are still there.)
    let idx = Removed::of(a);
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for &i in nonempty {
        let t = idx.scraped(a, i).trim();
        if (a.title_is_line_1 && i == 0) || t.is_empty() {
            continue;
        }
        // "5/14/25, 9:42 AM    No, the county is not fining … | ClearCheck": a browser's print
        // header, its date and time before the page's whole title, runs longer.
        let limit = if opens_with_print_stamp(t) { 30 } else { 15 };
        if t.split_whitespace().count() <= limit {
            seen.entry(t).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for (t, at) in seen {
        let words = t.split_whitespace().count();
        // ("14.03.2025, 09:12 Szpital w Lipnikach … - Kurier Nadwarciański": a browser's print
        // header over every printed page, its date and time the print's.)
        let header = at.len() >= 2
            && t.chars().any(|c| c.is_ascii_digit())
            && (t.contains(['•', '|', '·']) || opens_with_print_stamp(t))
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 6;
        let name = at.len() >= 3
            && words <= 5
            && !t.ends_with(['.', '!', '?', '…', ':', '»', '"', '”'])
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 4;
        if header || name {
            found.extend(at);
        }
    }
    found.extend(page_headers(a, nonempty));
    found.sort_unstable();
    found.dedup();
    for i in found {
        blank(a, i, "repeated page furniture");
    }
}

/// "5/14/25, 9:42 AM", "14.05.25 09:42": a numeric date, then a clock time, opening the line.
fn opens_with_print_stamp(t: &str) -> bool {
    use crate::chrome::is_numeric_date_or_time;
    let mut words = t.split_whitespace();
    let date = words.next().is_some_and(|w| {
        let w = w.trim_end_matches(',');
        !w.contains('-') && is_numeric_date_or_time(w)
    });
    let time = words
        .next()
        .is_some_and(|w| w.contains(':') && is_numeric_date_or_time(w));
    date && time
}

/// A printed page's running header with its page number, at either end and on either side of
/// the bars ("24 ΝΗΣΙΩΤΙΚΗ ΖΩΗ | ΜΑΡΤΙΟΣ 2025" on a left page, "ΜΑΡΤΙΟΣ 2025 | ΝΗΣΙΩΤΙΚΗ ΖΩΗ 27"
/// on a right one): two or more lines that are the same parts in any order once the page number
/// is cut off, with different page numbers. A table row repeats no such page number.
fn page_headers(a: &Article, nonempty: &[usize]) -> Vec<usize> {
    let page_number = |w: &str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let mut groups: std::collections::HashMap<Vec<String>, Vec<(usize, &str)>> =
        std::collections::HashMap::new();
    for &i in nonempty {
        let t = a.lines[i].trim();
        if !t.contains(['|', '•', '·']) || t.split_whitespace().count() > 15 {
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let (number, rest) = match (words.first(), words.last()) {
            (Some(f), _) if page_number(f) => (*f, &words[1..]),
            (_, Some(l)) if page_number(l) => (*l, &words[..words.len() - 1]),
            _ => continue,
        };
        let rest = rest.join(" ");
        let mut parts: Vec<String> = rest
            .split(['|', '•', '·'])
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        let letters = parts
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| c.is_alphabetic())
            .count();
        let named = parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter(|w| w.chars().all(char::is_alphabetic))
            .count();
        if parts.len() < 2 || letters < 10 || named < 2 {
            continue;
        }
        parts.sort_unstable();
        groups.entry(parts).or_default().push((i, number));
    }
    groups
        .into_values()
        .filter(|g| g.len() >= 2 && g.iter().any(|(_, n)| *n != g[0].1))
        .flat_map(|g| g.into_iter().map(|(i, _)| i))
        .collect()
}

/// A list item's text without its rank ("3 Séisme au large …" -> "Séisme au large …").
fn without_rank(t: &str) -> &str {
    let t = t.trim();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let item = rest.trim_start_matches(['.', ')']).trim_start();
    if rest.len() < t.len()
        && rest.starts_with(['.', ')', ' '])
        && item.starts_with(char::is_alphabetic)
    {
        item
    } else {
        t
    }
}

/// "Olympique Vaurais 2 - 1 AS Castelmoure | Terminé", "FC Lomagne 0 - 0 Stade Albigeois | 67'":
/// a match, its score and its state (a minute, "FT", "Terminé") after a bar. A report's own
/// score line has no state after a bar.
fn is_live_score(line: &str) -> bool {
    let Some((game, state)) = line.rsplit_once(" | ") else {
        return false;
    };
    let state = state.trim();
    let minute = state
        .trim_end_matches(['\'', '’', '′', '+'])
        .chars()
        .all(|c| c.is_ascii_digit())
        && state.ends_with(['\'', '’', '′']);
    const STATES: &[&str] = &[
        "ft",
        "ht",
        "final",
        "live",
        "terminé",
        "termine",
        "mi-temps",
        "mt",
        "en cours",
        "beendet",
        "halbzeit",
        "finale",
        "finita",
        "intervallo",
        "final del partido",
        "descanso",
        "koniec",
        "przerwa",
        "завершен",
        "перерыв",
        "τελικό",
    ];
    if !(minute || STATES.contains(&state.to_lowercase().as_str())) {
        return false;
    }
    let words: Vec<&str> = game.split_whitespace().collect();
    if words.len() > 12 {
        return false;
    }
    // "2 - 1", "2-1", "2:1" between two names.
    let goals = |w: &str| !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit());
    let named = |ws: &[&str]| ws.iter().any(|w| w.starts_with(char::is_uppercase));
    (1..words.len()).any(|k| {
        let (left, right) = words.split_at(k);
        let spaced = right.len() >= 3
            && goals(words[k])
            && matches!(right[1], "-" | "–" | ":")
            && goals(right[2])
            && named(left)
            && named(&right[3..]);
        let joined = right[0]
            .split_once(['-', '–', ':'])
            .is_some_and(|(x, y)| goals(x) && goals(y))
            && named(left)
            && named(&right[1..]);
        spaced || joined
    })
}

/// A live-scores widget: two or more matches with their state running, the line above it (its
/// heading, "EN DIRECT | National | 22e journée") and a short link below it ("Voir tous les
/// matchs ›") when they are short.
pub(crate) fn remove_score_widgets(a: &mut Article, nonempty: &[usize]) {
    let short = |i: usize| {
        let t = a.lines[i].trim();
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        !t.is_empty() && words <= 6 && !t.ends_with(['.', '?', '!'])
    };
    let mut found = Vec::new();
    for run in run_spans(nonempty, 2, |i| is_live_score(a.lines[i].trim())) {
        found.extend_from_slice(&nonempty[run.clone()]);
        if let Some(&above) = run.start.checked_sub(1).and_then(|k| nonempty.get(k)) {
            if short(above) && a.lines[above].contains('|') {
                found.push(above);
            }
        }
        if let Some(&below) = nonempty.get(run.end) {
            if short(below) && a.lines[below].trim_end().ends_with(['›', '»', '>', '→']) {
                found.push(below);
            }
        }
    }
    for i in found {
        blank(a, i, "scores widget");
    }
}

/// A forwarded e-mail's header over a newsletter pasted as an article ("---------- Message
/// transféré ---------" / "De : La Tribune du Lac <newsletter@…>" / "Date : …" / "Objet : …" /
/// "À : <…>"): the separator and the header fields below it; without a separator, three
/// fields or more in a row, one of them a sender with an address. A field alone ("Date : 12
/// mars") stays: an article may open a paragraph so.
pub(crate) fn remove_mail_headers(a: &mut Article, nonempty: &[usize]) {
    // Each line's field, read once: a sender's field counts only with an address in it.
    let fields_of: Vec<Option<MailField>> = nonempty
        .iter()
        .map(|&i| {
            let line = a.lines[i].trim();
            mail_field(line).map(|f| match f {
                MailField::From if !line.contains('@') => MailField::Other,
                f => f,
            })
        })
        .collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < nonempty.len() {
        let separator = is_forward_separator(a.lines[nonempty[k]].trim());
        let first_field = k + usize::from(separator);
        let fields = fields_of[first_field..]
            .iter()
            .take(8)
            .take_while(|f| f.is_some())
            .count();
        let sender = fields_of[first_field..first_field + fields].contains(&Some(MailField::From));
        if (separator && fields >= 1) || (fields >= 3 && sender) {
            // ("Salut Claire," / "Tu as vu ça ? … Bises, Marc" / "Envoyé de mon iPhone" over
            // the separator near the top: the note of whoever forwarded it.)
            let from = if separator && k <= MAX_FORWARD_NOTE_LINES {
                0
            } else {
                k
            };
            found.extend_from_slice(&nonempty[from..first_field + fields]);
            k = first_field + fields;
        } else {
            k += 1;
        }
    }
    for i in found {
        blank(a, i, "e-mail header");
    }
}

/// Most lines of a forwarder's note taken above a forwarded message's separator.
const MAX_FORWARD_NOTE_LINES: usize = 6;

/// The line a mail client writes over a forwarded or quoted message.
fn is_forward_separator(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "forwarded message",
        "original message",
        "begin forwarded message",
        "message transféré",
        "message d'origine",
        "début du message réexpédié",
        "weitergeleitete nachricht",
        "ursprüngliche nachricht",
        "messaggio inoltrato",
        "messaggio originale",
        "mensaje reenviado",
        "mensaje original",
        "przekazana wiadomość",
        "wiadomość przekazana",
        "oryginalna wiadomość",
        "пересылаемое сообщение",
        "исходное сообщение",
        "переслане повідомлення",
        "προωθημένο μήνυμα",
    ];
    let norm = line
        .trim_matches(|c: char| c == '-' || c == '=' || c == '_' || c.is_whitespace())
        .trim_end_matches(':')
        .to_lowercase();
    line.split_whitespace().count() <= 8 && MARKS.contains(&norm.as_str())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MailField {
    From,
    Other,
}

/// "From: …", "De : …", "Objet : …", "Betreff: …": a mail header's field, by its label.
fn mail_field(line: &str) -> Option<MailField> {
    const FROM: &[&str] = &["from", "de", "von", "da", "od", "от", "від", "από"];
    const OTHER: &[&str] = &[
        "date",
        "sent",
        "to",
        "cc",
        "subject",
        "envoyé",
        "à",
        "a",
        "objet",
        "datum",
        "gesendet",
        "an",
        "betreff",
        "data",
        "inviato",
        "oggetto",
        "fecha",
        "enviado",
        "para",
        "asunto",
        "wysłano",
        "do",
        "temat",
        "дата",
        "отправлено",
        "кому",
        "тема",
        "надіслано",
        "ημερομηνία",
        "προς",
        "θέμα",
    ];
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    if value.trim().is_empty() || label.split_whitespace().count() > 1 {
        return None;
    }
    if FROM.contains(&label.as_str()) {
        Some(MailField::From)
    } else {
        OTHER.contains(&label.as_str()).then_some(MailField::Other)
    }
}

/// The Wayback Machine's toolbar over an archived page ("17 captures" / "12 Mar 2024 - 03 Sep
/// 2024" / "FEB MAR APR" / "success" / "fail" / "COLLECTED BY" / "TIMESTAMPS"): under the
/// archive's own line at the top, the short lines down to the toolbar's last known word.
pub(crate) fn remove_archive_toolbar(a: &mut Article, nonempty: &[usize]) {
    let idx = Removed::of(a);
    let top = nonempty.iter().take(3).position(|&i| {
        let t = idx.scraped(a, i).to_lowercase();
        t.contains("wayback machine") || t.contains("web.archive.org")
    });
    let Some(top) = top else {
        return;
    };
    let toolbar_word = |t: &str| {
        let norm = patterns::normalize(t);
        let norm = norm.trim_end_matches(':');
        matches!(
            norm,
            "success" | "fail" | "collected by" | "timestamps" | "about this capture"
        ) || norm.starts_with("collection:")
            || norm
                .strip_suffix(" captures")
                .or_else(|| norm.strip_suffix(" capture"))
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit() || c == ','))
    };
    let window = &nonempty[top + 1..nonempty.len().min(top + 22)];
    let Some(last) = window
        .iter()
        .rposition(|&i| toolbar_word(a.lines[i].trim()))
    else {
        return;
    };
    let block: Vec<usize> = window[..=last]
        .iter()
        .copied()
        .filter(|&i| a.lines[i].split_whitespace().count() <= 8)
        .collect();
    for i in block {
        blank(a, i, "archive toolbar");
    }
}

/// A magazine's briefs column printed across the article ("EN BREF" / "LAIT : le prix de base
/// recule de 2 %." / "SALON : 1 200 exposants …"): below its heading, the lines that open with
/// a keyword in capitals and a colon, two or more of them within the next twelve lines.
pub(crate) fn remove_briefs_columns(a: &mut Article, nonempty: &[usize]) {
    const HEADINGS: &[&str] = &[
        "en bref",
        "in brief",
        "news in brief",
        "briefly",
        "kurz notiert",
        "kurz gemeldet",
        "in kürze",
        "in breve",
        "en breve",
        "w skrócie",
        "коротко",
        "кратко",
        "εν συντομία",
    ];
    // "LAIT :", "MACHINISME :": one word in capitals, four letters or more (an interview's
    // "T&M :" and "J. A. :" are no keyword).
    let item = |t: &str| {
        let Some((head, rest)) = t.split_once(':') else {
            return false;
        };
        let head = head.trim();
        !rest.trim().is_empty()
            && !head.contains(' ')
            && head.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && head
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '\'')
    };
    let idx = Removed::of(a);
    let mut found = Vec::new();
    for (k, &i) in nonempty.iter().enumerate() {
        let t = idx.scraped(a, i).trim();
        if t.split_whitespace().count() > 4 {
            continue;
        }
        if !HEADINGS.contains(&patterns::normalize(t).trim_end_matches(':')) {
            continue;
        }
        let items: Vec<usize> = nonempty[k + 1..nonempty.len().min(k + 13)]
            .iter()
            .copied()
            .filter(|&j| item(a.lines[j].trim()))
            .collect();
        if items.len() >= 2 {
            found.push(i);
            found.extend(items);
        }
    }
    for i in found {
        blank(a, i, "briefs column");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> Article {
        let mut a = Article::from_text("x", "x.txt", text);
        a.title_is_line_1 = a.lines.len() > 1 && a.lines[1].is_empty();
        crate::clean_article(&mut a, &crate::CleanOptions::default());
        a
    }

    fn reason_of<'a>(a: &'a Article, needle: &str) -> Option<&'a str> {
        a.removed
            .iter()
            .find(|r| r.text.contains(needle))
            .map(|r| r.reason.as_str())
    }

    const BODY: &str = "Le conseil municipal a voté mardi soir un budget en hausse de 4 %, porté par les investissements dans les écoles et la voirie.\n\
L'opposition a dénoncé une hausse des impôts locaux déguisée et réclamé un audit des comptes de la commune avant la fin de l'année.\n\
Le maire a répondu que les taux resteraient inchangés et que la hausse venait de la revalorisation des bases décidée par l'État.\n\
Les travaux de la nouvelle école doivent commencer au printemps et durer dix-huit mois, selon le calendrier présenté en séance.\n";

    #[test]
    fn a_printed_pages_headers_go_on_either_side_but_a_table_stays() {
        let text = format!(
            "Titre de l'entretien\n\n{BODY}24 LA REVUE DES ÎLES | MARS 2025\n{BODY}\
26 LA REVUE DES ÎLES | MARS 2025\n{BODY}MARS 2025 | LA REVUE DES ÎLES 27\n\
Lyon | 14\nLyon | 15\n{BODY}"
        );
        let a = cleaned(&text);
        for header in ["24 LA REVUE", "26 LA REVUE", "LA REVUE DES ÎLES 27"] {
            assert_eq!(
                reason_of(&a, header),
                Some("repeated page furniture"),
                "{header}"
            );
        }
        // Too few letters for a header: a table's rows.
        assert_eq!(reason_of(&a, "Lyon |"), None);
    }

    #[test]
    fn a_browsers_print_header_goes_however_long_the_title() {
        let header = "5/14/25, 9:42 AM    No, the county is not fining homeowners who skip the new heat pumps this winter | FactDesk";
        let text = format!("Titre\n\n{header}\n{BODY}{header}\n{BODY}");
        let a = cleaned(&text);
        assert_eq!(reason_of(&a, "5/14/25"), Some("repeated page furniture"));
        assert!(opens_with_print_stamp("14.05.25 09:42 Title"));
        assert!(!opens_with_print_stamp("2025 9:42 Title"));
    }

    #[test]
    fn running_headers_go_but_a_headline_in_a_ranked_list_stays() {
        let text = "34 | LE MAGAZINE DES COMMUNES | N° 212 – MARS 2025\n\
Budget 2025 : les écoles d'abord\n\
36 | LE MAGAZINE DES COMMUNES | N° 212 – MARS 2025\n\
3 Budget 2025 : les écoles d'abord\n\
Budget 2025 : les écoles d'abord";
        let mut a = Article::from_text("x", "x.txt", text);
        // As the per-line cues leave them: the first header and the most-read item gone.
        crate::structure::blank(&mut a, 0, "widget");
        crate::structure::blank(&mut a, 3, "read-more link");
        let nonempty: Vec<usize> = (0..a.lines.len()).collect();
        remove_running_headers(&mut a, &nonempty);
        assert_eq!(reason_of(&a, "36 | LE MAGAZINE"), Some("running header"));
        assert_eq!(a.lines[1], "Budget 2025 : les écoles d'abord");
        assert_eq!(a.lines[4], "Budget 2025 : les écoles d'abord");
        assert_eq!(without_rank("36 | LE MAGAZINE"), "36 | LE MAGAZINE");
    }

    #[test]
    fn lines_a_page_prints_again_and_again_go_but_a_chant_stays() {
        let text = "Λιμάνι Live 🚢\nWINE HERALD • No 10 (58) • OCTOBER 2024\nOn the picket line\nOn ne lâchera rien !\nThe dockers met at dawn and voted to keep the strike going until the port authority answers.\nΛιμάνι Live 🚢\nOn ne lâchera rien !\nWINE HERALD • No 10 (58) • OCTOBER 2024\nΛιμάνι Live 🚢\nOn ne lâchera rien !\nOn the picket line";
        let mut a = Article::from_text("x", "x.txt", text);
        let nonempty: Vec<usize> = (0..a.lines.len()).collect();
        remove_repeated_furniture(&mut a, &nonempty);
        let gone: Vec<u32> = a.removed.iter().map(|r| r.line).collect();
        assert_eq!(gone.len(), 5, "{:#?}", a.removed);
        for l in [1, 2, 6, 8, 9] {
            assert!(gone.contains(&l), "line {l}: {:#?}", a.removed);
        }
        assert!(
            a.lines[3].starts_with("On ne lâchera rien"),
            "a chant ends in a stop"
        );
        assert_eq!(a.lines[2], "On the picket line", "twice, no figure: stays");
    }

    #[test]
    fn live_scores_go_but_a_report_score_stays() {
        assert!(is_live_score(
            "Olympique Vaurais 2 - 1 AS Castelmoure | Terminé"
        ));
        assert!(is_live_score("FC Lomagne 0-0 Stade Albigeois | 67'"));
        assert!(!is_live_score("Olympique Vaurais 2 - 1 AS Castelmoure"));
        assert!(!is_live_score("Le budget passe de 2 - 1 | voté"));
        let text = format!(
            "Derby\n\nEN DIRECT | National | 22e journée\nOlympique Vaurais 2 - 1 AS Castelmoure | Terminé\nFC Lomagne 0 - 0 Stade Albigeois | 67'\nVoir tous les matchs ›\n{BODY}"
        );
        let a = cleaned(&text);
        for l in ["EN DIRECT", "FC Lomagne", "Voir tous les matchs"] {
            assert_eq!(reason_of(&a, l), Some("scores widget"), "{l}");
        }
    }

    #[test]
    fn an_archive_toolbar_goes_under_the_archive_line() {
        let text = format!(
            "The Wayback Machine - https://web.archive.org/web/20240312/https://example.com/a\n17 captures\nFEB MAR APR\nsuccess\nfail\nCOLLECTED BY\nTIMESTAMPS\n{BODY}"
        );
        let a = cleaned(&text);
        for l in ["17 captures", "FEB MAR APR", "COLLECTED BY", "TIMESTAMPS"] {
            assert_eq!(reason_of(&a, l), Some("archive toolbar"), "{l}");
        }
        assert_eq!(
            a.lines.iter().filter(|l| !l.is_empty()).count(),
            4,
            "the body stays"
        );
    }

    #[test]
    fn a_briefs_column_goes_but_interview_labels_stay() {
        let text = format!(
            "Grêle\n\n{BODY}EN BREF\nLAIT : le prix de base recule de 2 % au premier trimestre.\nT&M : Pourquoi ?\nSALON : 1 200 exposants attendus du 3 au 6 avril.\nJ. A. : Parce que les franchises ont augmenté.\n"
        );
        // The rule alone: the learned line model, run after the rules, takes the two short
        // lines left between removed ones under the body for chrome too (as most such lines
        // are); how often it is wrong is measured on the labelled dumps, not here.
        let mut a = Article::from_text("x", "x.txt", &text);
        a.title_is_line_1 = true;
        crate::clean_article(
            &mut a,
            &crate::CleanOptions {
                line_model: false,
                ..Default::default()
            },
        );
        assert_eq!(reason_of(&a, "LAIT :"), Some("briefs column"));
        assert_eq!(reason_of(&a, "SALON :"), Some("briefs column"));
        assert!(a.lines.iter().any(|l| l.starts_with("T&M :")));
        assert!(a.lines.iter().any(|l| l.starts_with("J. A. :")));
    }
}
