//! Named actors (people, organisations, places) from capitalised word sequences, normalised so the
//! same actor matches across languages: alias table first (`ОДКБ` = `CSTO`), then a
//! spelling-tolerant name key (`Алматы` = `Almaty`).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::aliases::{ActorKind, Aliases};
use crate::text::{Kind, Token};
use crate::translit::skeleton;

/// One actor named in an article.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    /// Canonical name from the alias table, else the most frequent surface form.
    pub name: String,
    /// Cross-language matching key.
    pub key: String,
    pub kind: ActorKind,
    /// Mentions in the article.
    pub mentions: u32,
}

/// Lower-case words allowed inside a name ("Organisation du traité", "Bank of England").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "de" | "du"
            | "des"
            | "la"
            | "le"
            | "of"
            | "the"
            | "von"
            | "van"
            | "der"
            | "di"
            | "del"
            | "della"
            | "y"
            | "i"
            | "al"
    )
}

/// Words that are capitalised for grammar, not because they name someone.
fn is_common_capitalised(w: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "i", "the", "a", "an", "le", "la", "les", "il", "lo", "el", "los", "las", "der", "die",
        "das", "ein", "eine", "un", "une", "mr", "mrs", "ms", "dr", "m", "mme", "herr", "frau",
        "pan", "pani", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "but",
        "and", "in", "on", "at", "this", "that", "it", "he", "she", "we", "they", "et", "mais",
        "dans", "selon", "und", "aber", "im", "am", "e", "ma", "per", "w", "na", "v", "po",
        "no", "ne", "eto", "kak", "chto", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "januar",
        "februar", "marz", "juni", "juli", "oktober", "dezember", "today", "yesterday", "heute",
        "gestern",
    ];
    WORDS.contains(&w)
}

/// Job titles and honorifics that precede names (folded prefixes).
fn is_title(w: &str) -> bool {
    #[rustfmt::skip]
    const TITLES: &[&str] = &[
        "minist", "interior", "interieur", "innen", "president", "prezydent", "prezident",
        "premier", "prime", "chancellor", "kanzler", "spokes", "sprecher", "general",
        "secretar", "sekretar", "governor", "gouverneur", "gubernator", "mayor", "maire",
        "burgermeister", "foreign", "defen", "deputy", "chief", "head", "senator", "colonel",
        "oberst", "king", "queen", "pope", "sheikh", "prof", "dr", "mr", "mrs", "ms", "sir",
        "lord", "judge", "richter", "juge", "ambassador", "botschafter", "ambassadeur",
        "commissioner", "kommissar", "commissaire", "leader", "opposition", "first", "officer",
        "sheriff", "undersheriff", "sergeant", "lieutenant", "captain", "detective", "agent",
        "rep", "sen",
    ];
    TITLES.iter().any(|t| w.starts_with(t))
}

/// Marks the tokens of sentences written in Title Case or ALL CAPS (headlines, shouting), where
/// capitalisation does not signal names: at least four words of 4+ letters, 60 % of them
/// capitalised.
fn headline_tokens(toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    for end in 0..=toks.len() {
        if end < toks.len() && toks[end].kind != Kind::Stop {
            continue;
        }
        let long: Vec<&Token> = toks[start..end]
            .iter()
            .filter(|t| t.is_word() && t.folded.len() >= 4)
            .collect();
        let caps = long.iter().filter(|t| t.cap).count();
        if long.len() >= 4 && caps * 10 >= long.len() * 6 {
            out[start..end].iter_mut().for_each(|h| *h = true);
        }
        start = end + 1;
    }
    out
}

/// Capitalised sequences as `(start token, end token exclusive, folded phrase)`; a
/// sentence-initial word counts only if the same word also appears capitalised mid-sentence,
/// or it is an acronym or starts a multi-word name.
pub(crate) fn sequences(toks: &[Token]) -> Vec<(usize, usize, String)> {
    let headline = headline_tokens(toks);
    let mid_caps: HashSet<&str> = toks
        .iter()
        .zip(&headline)
        .filter(|(t, h)| t.is_word() && t.cap && !t.sent_start && !**h)
        .map(|(t, _)| t.folded.as_str())
        .collect();
    // In Title Case or ALL CAPS sentences capitals say nothing: only words seen capitalised in
    // ordinary sentences count there.
    let name_word_at = |k: usize| {
        let t = &toks[k];
        t.kind == Kind::Word
            && t.cap
            && t.folded.len() >= 2
            && !is_common_capitalised(&t.folded)
            && (t.acronym || t.folded.len() >= 3 || !t.folded.is_ascii())
            && (!headline[k] || mid_caps.contains(t.folded.as_str()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word_at(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && name_word_at(end) && !toks[end].sent_start {
                end += 1;
            } else if end + 1 < toks.len()
                && toks[end].is_word()
                && !toks[end].cap
                && is_connector(&toks[end].folded)
                && name_word_at(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        // Titles in front of a name ("Interior Minister Aldan Serik", "President Tokayev") are
        // not part of it; "Interior Ministry of Talvoria" keeps its words (a connector follows).
        let mut start = start;
        while start + 1 < end
            && is_title(&toks[start].folded)
            && !is_connector(&toks[start + 1].folded)
        {
            start += 1;
        }
        // Shouting: a run of three or more ALL-CAPS words is not a name, and an ALL-CAPS word
        // after a normal name ("Stephen Paddock LEFT") is not part of it.
        let all_caps = toks[start..end]
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.acronym);
        if all_caps && end - start >= 3 {
            i = end;
            continue;
        }
        let run_end = end;
        while end - start > 1 && toks[end - 1].acronym && !toks[end - 2].acronym {
            end -= 1;
        }
        let first = &toks[start];
        let keep = !first.sent_start
            || first.acronym
            || end - start > 1
            || mid_caps.contains(first.folded.as_str());
        if keep {
            let phrase = toks[start..end]
                .iter()
                .map(|t| t.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.push((start, end, phrase));
        }
        i = run_end;
    }
    out
}

/// Key and kind of a name; short aliases ("UN", "US", "EU") only match acronyms, so French
/// "Un" or English "us" are not taken for organisations.
pub(crate) fn resolve(
    toks: &[Token],
    start: usize,
    end: usize,
    phrase: &str,
) -> (String, ActorKind, Option<&'static str>) {
    let aliases = Aliases::builtin();
    let acronym = end - start == 1 && toks[start].acronym;
    let try_alias = |p: &str| aliases.lookup(p).filter(|_| p.len() > 3 || acronym);
    // The phrase, or the phrase plus the next lower-case word ("Nations unies", "Union européenne").
    let next = toks
        .get(end)
        .filter(|t| t.is_word() && !t.cap)
        .map(|t| format!("{phrase} {}", t.folded));
    if let Some(c) = next
        .as_deref()
        .and_then(|p| aliases.lookup(p))
        .or_else(|| try_alias(phrase))
    {
        return (format!("@{}", c.name), c.kind, Some(c.name));
    }
    let kind = if acronym {
        ActorKind::Org
    } else {
        // "in X", "à X", "в X", "w X", "en X", "a X": a place.
        let prev = start
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .map(|t| t.folded.as_str());
        match prev {
            Some(
                "in" | "a" | "en" | "v" | "vo" | "w" | "we" | "nach" | "aus" | "near" | "pres"
                | "iz" | "bei",
            ) => ActorKind::Place,
            _ if end - start >= 2 => ActorKind::Person,
            _ => ActorKind::Unknown,
        }
    };
    let key = phrase
        .split(' ')
        .filter(|w| !is_connector(w))
        .map(skeleton)
        .collect::<Vec<_>>()
        .join(" ");
    (key, kind, None)
}

/// Keys of every name mention (one per mention), for fingerprints. Multi-word names also give
/// the key of their last word so "Kassym-Jomart Tokayev" and "Tokayev" share a key.
pub fn entity_keys(toks: &[Token]) -> Vec<String> {
    let mut out = Vec::new();
    for (s, e, phrase) in sequences(toks) {
        let (key, _, canon) = resolve(toks, s, e, &phrase);
        if canon.is_none() && e - s > 1 {
            if let Some(last) = phrase.rsplit(' ').next() {
                out.push(skeleton(last));
            }
        } else {
            out.push(key);
        }
    }
    out
}

/// Actors named in an article, most mentioned first.
pub fn actors(toks: &[Token], text: &str) -> Vec<Actor> {
    let mut by_key: HashMap<String, (Actor, HashMap<String, u32>)> = HashMap::new();
    for (s, e, phrase) in sequences(toks) {
        let (key, kind, canon) = resolve(toks, s, e, &phrase);
        // Index people by surname so "Kassym-Jomart Tokayev" and "Tokayev" are one actor.
        let key = if canon.is_none() && kind == ActorKind::Person {
            phrase.rsplit(' ').next().map(skeleton).unwrap_or(key)
        } else {
            key
        };
        let surface = text[toks[s].start..toks[e - 1].end].to_string();
        let entry = by_key.entry(key.clone()).or_insert_with(|| {
            (
                Actor {
                    name: String::new(),
                    key,
                    kind,
                    mentions: 0,
                },
                HashMap::new(),
            )
        });
        entry.0.mentions += 1;
        if entry.0.kind == ActorKind::Unknown {
            entry.0.kind = kind;
        }
        if let Some(c) = canon {
            entry.0.name = c.to_string();
        }
        *entry.1.entry(surface).or_default() += 1;
    }
    let mut out: Vec<Actor> = by_key
        .into_values()
        .map(|(mut a, forms)| {
            if a.name.is_empty() {
                // The longest of the most frequent forms: "Kassym-Jomart Tokayev" over "Tokayev".
                a.name = forms
                    .into_iter()
                    .max_by_key(|(f, c)| (*c, f.len()))
                    .map(|(f, _)| f)
                    .unwrap_or_default();
            }
            a
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.key.cmp(&b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn keys(s: &str) -> Vec<String> {
        entity_keys(&tokenize(s))
    }

    #[test]
    fn cross_script_names_share_keys() {
        let en = keys("Police said clashes in Almaty continued, and the CSTO sent troops.");
        let ru = keys(
            "Полиция сообщила, что столкновения в Алматы продолжаются, ОДКБ направила войска.",
        );
        assert!(en.contains(&"@CSTO".to_string()) && ru.contains(&"@CSTO".to_string()));
        let almaty = crate::translit::name_key("Almaty");
        assert!(
            en.contains(&almaty) && ru.contains(&almaty),
            "{en:?} {ru:?}"
        );
    }

    #[test]
    fn sentence_start_words_are_not_names() {
        let k = keys("Yesterday it rained. The police came.");
        assert!(k.is_empty(), "{k:?}");
        let text = "Un policier a parlé avec Marie Dubois. Dubois a confirmé.";
        let a = actors(&tokenize(text), text);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].name, "Marie Dubois");
        assert_eq!(a[0].mentions, 2);
    }
}
