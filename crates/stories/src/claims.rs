//! Claims an article makes that can be checked against other outlets: figures with what they
//! count ("8 policiers tués", "погибли 8 человек"), attributed quotes (speaker, verb, quote) and
//! the actors it names.
//!
//! Everything here is pattern-based over folded words (see [`crate::translit`]) with small
//! per-language word lists: cheap, explainable, and good enough to line figures up across
//! languages. It does not understand negation or reported disagreement ("police deny 8 deaths").

use serde::{Deserialize, Serialize};

use newsprism_core::Article;

use crate::actors::{actors, resolve, sequences, Actor};
use crate::numbers::{hedge_before, Hedge};
use crate::text::{tokenize, Kind, Token};

/// A figure with what it counts.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    /// What is counted: `killed`, `injured`, `arrested`, `missing`, `evacuated`, `protesters`,
    /// `percent` or `money`.
    pub quantity: String,
    /// Who, when the text says (`police`, `soldiers`, `civilians`, `children`, `protesters`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<Hedge>,
    /// The words around the figure, as written.
    pub text: String,
    /// 1-based line in the article.
    pub line: u32,
}

impl Figure {
    /// The quantity compared across articles: `killed` or `killed/police`.
    pub fn key(&self) -> String {
        match &self.subject {
            Some(s) => format!("{}/{}", self.quantity, s),
            None => self.quantity.clone(),
        }
    }
}

/// A quotation attributed to someone.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// The speaker as written ("Kassym-Jomart Tokayev", "the ministry"), when found.
    pub speaker: Option<String>,
    /// Cross-language key of the speaker (see [`crate::actors`]).
    pub speaker_key: Option<String>,
    /// The speech verb as written ("said", "a déclaré", "заявил").
    pub verb: Option<String>,
    pub quote: String,
    pub line: u32,
}

/// All claims of one article.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ArticleClaims {
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
}

fn any_prefix(w: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| w.starts_with(p))
}

/// Category of a folded word, if it names a countable event.
fn quantity_of(w: &str) -> Option<&'static str> {
    const KILLED_EXACT: &[&str] = &[
        "dead", "died", "tot", "tote", "toten", "morti", "morte", "muertos", "muertas", "morts",
        "mort", "mortes", "tue", "tues", "tuee", "tuees", "zmarlo", "zmarli", "lives", "leben",
    ];
    const KILLED: &[&str] = &[
        "kill", "death", "deces", "getot", "starb", "uccis", "decedu", "zabit", "zabic", "zgin",
        "pogib", "ubit", "ubiy", "smert", "fallec", "fatalit", "ofiar", "zhertv", "victim", "muri",
        "asesinad", "morir",
    ];
    const INJURED: &[&str] = &[
        "injur",
        "wound",
        "blesse",
        "verletz",
        "verwund",
        "ferit",
        "rann",
        "ranen",
        "ranil",
        "postradav",
        "herid",
        "lesionad",
        "hurt",
        "poszkodow",
    ];
    const ARRESTED: &[&str] = &[
        "arrest",
        "detain",
        "detention",
        "interpel",
        "arrete",
        "deten",
        "festgenom",
        "festnahm",
        "verhaft",
        "fermat",
        "zatrzym",
        "areszt",
        "zaderzh",
        "arestov",
        "capturad",
    ];
    const MISSING: &[&str] = &[
        "missing",
        "disparu",
        "vermisst",
        "dispers",
        "zaginie",
        "zaginio",
        "propal",
        "desaparec",
    ];
    const EVACUATED: &[&str] = &["evacu", "ewaku", "evaku", "evakuir"];
    const PROTESTERS: &[&str] = &[
        "protester",
        "protestor",
        "manifestant",
        "demonstrant",
        "mitingu",
        "protestuy",
        "protestuj",
        "protestier",
        "dimostrant",
    ];
    if KILLED_EXACT.contains(&w) || any_prefix(w, KILLED) {
        Some("killed")
    } else if any_prefix(w, INJURED) {
        Some("injured")
    } else if any_prefix(w, ARRESTED) {
        Some("arrested")
    } else if any_prefix(w, MISSING) {
        Some("missing")
    } else if any_prefix(w, EVACUATED) {
        Some("evacuated")
    } else if any_prefix(w, PROTESTERS) {
        Some("protesters")
    } else {
        None
    }
}

/// Who a folded word says was counted.
fn subject_of(w: &str) -> Option<&'static str> {
    if any_prefix(
        w,
        &[
            "polic", "polizi", "politse", "gendarm", "silovik", "militsi",
        ],
    ) {
        Some("police")
    } else if any_prefix(
        w,
        &[
            "soldier", "soldat", "troop", "wojsk", "voenn", "zolnier", "militar",
        ],
    ) {
        Some("soldiers")
    } else if any_prefix(w, &["civil", "mirn", "cywil"]) {
        Some("civilians")
    } else if any_prefix(
        w,
        &[
            "child", "enfant", "kinder", "bambin", "dzieci", "detei", "deti", "nino",
        ],
    ) {
        Some("children")
    } else {
        None
    }
}

/// Nouns for "people" in the project's languages (folded).
fn is_people(w: &str) -> bool {
    any_prefix(
        w,
        &[
            "people",
            "person",
            "resident",
            "menschen",
            "persone",
            "osob",
            "ludzi",
            "chelov",
            "lyud",
            "zhitel",
            "mieszkan",
            "habitant",
            "abitant",
            "einwohner",
            "individu",
        ],
    ) || w == "personas"
}

fn is_month(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "fev", "mar", "apr", "avr", "may", "mai", "mag", "maj", "jun", "jui", "jul",
        "lug", "aug", "aou", "ago", "sep", "set", "oct", "okt", "ott", "nov", "dec", "dez", "dic",
        "gen", "ene", "abr", "sty", "lut", "kwi", "cze", "lip", "sie", "wrz", "paz", "lis", "gru",
        "yanv", "fevr", "mart", "aprel", "maya", "iyun", "iyul", "avgust", "sentyab", "oktyab",
        "noyab", "dekab",
    ];
    w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 10
}

fn percent_or_money(text: &str, toks: &[Token], i: usize) -> Option<&'static str> {
    let after = text[toks[i].end..].trim_start();
    if after.starts_with('%') {
        return Some("percent");
    }
    let before = text[..toks[i].start].trim_end();
    if before.ends_with(['$', '€', '£', '₽']) || after.starts_with(['$', '€', '£', '₽']) {
        return Some("money");
    }
    let next = toks
        .get(i + 1)
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_str())?;
    if matches!(
        next,
        "percent" | "prozent" | "procent" | "protsent" | "protsenta" | "protsentov"
    ) || (matches!(next, "pour" | "per" | "por")
        && toks
            .get(i + 2)
            .is_some_and(|t| t.folded.starts_with("cent") || t.folded.starts_with("cien")))
    {
        return Some("percent");
    }
    if any_prefix(
        next,
        &[
            "dollar", "dolar", "euro", "rubl", "rubel", "zlot", "pound", "usd", "eur", "rub",
            "pln", "yuan", "hryvn", "tenge", "lari",
        ],
    ) {
        return Some("money");
    }
    None
}

/// Figures in one line's tokens.
fn figures_in(text: &str, toks: &[Token], line: u32, out: &mut Vec<Figure>) {
    for (i, t) in toks.iter().enumerate() {
        let Kind::Number { value, year_like } = t.kind else {
            continue;
        };
        if year_like {
            continue;
        }
        let word = |k: usize| {
            toks.get(k)
                .filter(|t| t.is_word())
                .map(|t| t.folded.as_str())
        };
        let neighbour_month = word(i + 1).is_some_and(is_month)
            || i.checked_sub(1).and_then(word).is_some_and(is_month);
        if neighbour_month || text[t.end..].starts_with(':') {
            continue; // a date or a time of day
        }
        // Words after the figure (up to 4) and before it (up to 3), within the clause.
        let mut after = Vec::new();
        for t2 in toks.iter().skip(i + 1).take(4) {
            if t2.kind != Kind::Word {
                break;
            }
            after.push(t2);
        }
        let mut before = Vec::new();
        for t2 in toks[..i].iter().rev().take(3) {
            if t2.kind != Kind::Word {
                break;
            }
            before.push(t2);
        }
        let in_after = after.iter().find_map(|t| quantity_of(&t.folded));
        // A verb before the figure ("погибли 8 человек") only counts when the figure counts
        // people: "подожгли около 40 автомобилей" must not become 40 protesters.
        let counts_people = after
            .first()
            .is_none_or(|t| is_people(&t.folded) || subject_of(&t.folded).is_some());
        let quantity = percent_or_money(text, toks, i).or(in_after).or_else(|| {
            counts_people
                .then(|| before.iter().find_map(|t| quantity_of(&t.folded)))
                .flatten()
        });
        let Some(quantity) = quantity else { continue };
        // Who was counted: in the words after the figure ("8 policiers tués"), or before it when
        // the verb came first ("погибли 8 полицейских"); never from an earlier figure's words.
        let subject = if matches!(quantity, "percent" | "money") {
            None
        } else {
            let mut words: Vec<&Token> = after.clone();
            if in_after.is_none() {
                words.extend(before.iter().copied());
            }
            words
                .iter()
                .find_map(|t| subject_of(&t.folded))
                .or_else(|| {
                    let protest = words
                        .iter()
                        .any(|t| quantity_of(&t.folded) == Some("protesters"));
                    (quantity != "protesters" && protest).then_some("protesters")
                })
        };
        let hedge = hedge_before(
            i.checked_sub(2).and_then(word),
            i.checked_sub(1).and_then(word),
        );
        let start = before.last().map_or(t.start, |b| b.start.min(t.start));
        let end = after.last().map_or(t.end, |a| a.end);
        out.push(Figure {
            quantity: quantity.to_string(),
            subject: subject.map(str::to_string),
            value,
            hedge,
            text: text[start..end].to_string(),
            line,
        });
    }
}

fn speech_verb(w: &str) -> bool {
    const EXACT: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "stated",
        "added",
        "declared",
        "announced",
        "warned",
        "insisted",
        "claimed",
        "wrote",
        "according",
        "dit",
        "declare",
        "affirme",
        "ajoute",
        "estime",
        "assure",
        "souligne",
        "selon",
        "explique",
        "indique",
        "annonce",
        "precise",
        "sagte",
        "sagt",
        "erklarte",
        "erklart",
        "betonte",
        "so",
        "warnte",
        "schrieb",
        "laut",
        "teilte",
        "detto",
        "dichiarato",
        "affermato",
        "spiegato",
        "aggiunto",
        "secondo",
        "dice",
        "powiedzial",
        "powiedziala",
        "stwierdzil",
        "stwierdzila",
        "oswiadczyl",
        "zaznaczyl",
        "dodal",
        "wedlug",
        "napisal",
        "mowi",
        "podkreslil",
        "zayavil",
        "zayavila",
        "zayavili",
        "skazal",
        "skazala",
        "otmetil",
        "otmetila",
        "soobshchil",
        "soobshchili",
        "podcherknul",
        "dobavil",
        "slovam",
        "dijo",
        "afirmo",
        "declaro",
        "segun",
        "aseguro",
        "senalo",
        "anadio",
        "explico",
    ];
    EXACT.contains(&w)
}

/// Quotes in one line: spans between quotation marks of at least four words, attributed to the
/// nearest name next to a speech verb in the same sentence.
fn quotes_in(text: &str, toks: &[Token], line: u32, out: &mut Vec<Quote>) {
    let marks: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == Kind::Quote)
        .collect();
    let names = sequences(toks);
    for pair in marks.chunks(2) {
        let [open, close] = *pair else { break };
        let words = toks[open + 1..close].iter().filter(|t| t.is_word()).count();
        if words < 4 {
            continue;
        }
        let quote = text[toks[open].end..toks[close].start]
            .trim()
            .trim_end_matches([',', ' '])
            .to_string();
        // Outside the quote, within the sentence: up to 15 tokens either side.
        let sentence_after = toks[close + 1..]
            .iter()
            .take(15)
            .take_while(|t| t.kind != Kind::Stop && t.kind != Kind::Quote)
            .count();
        let sentence_before = toks[..open]
            .iter()
            .rev()
            .take(15)
            .take_while(|t| t.kind != Kind::Stop && t.kind != Kind::Quote)
            .count();
        let lo = open - sentence_before;
        let hi = close + 1 + sentence_after;
        let outside = (lo..open).chain(close + 1..hi);
        let verb = outside
            .clone()
            .find(|&k| toks[k].is_word() && speech_verb(&toks[k].folded));
        let colon_intro = open > 0 && text[..toks[open].start].trim_end().ends_with(':');
        if verb.is_none() && !colon_intro {
            continue;
        }
        let anchor = verb.unwrap_or(open);
        let speaker = names
            .iter()
            .filter(|(s, e, _)| (*e <= open && *s >= lo) || (*s > close && *e <= hi))
            .min_by_key(|(s, e, _)| s.abs_diff(anchor).min(e.abs_diff(anchor)));
        let (speaker, speaker_key) = match speaker {
            Some((s, e, phrase)) => {
                let (key, _, canon) = resolve(toks, *s, *e, phrase);
                let name = canon
                    .map(str::to_string)
                    .unwrap_or_else(|| text[toks[*s].start..toks[*e - 1].end].to_string());
                let key = if canon.is_none() {
                    phrase
                        .rsplit(' ')
                        .next()
                        .map(crate::translit::skeleton)
                        .unwrap_or(key)
                } else {
                    key
                };
                (Some(name), Some(key))
            }
            None => (None, None),
        };
        out.push(Quote {
            speaker,
            speaker_key,
            verb: verb.map(|k| text[toks[k].start..toks[k].end].to_string()),
            quote,
            line,
        });
    }
}

/// Extracts figures, quotes and actors from an article.
pub fn extract(article: &Article) -> ArticleClaims {
    let mut claims = ArticleClaims::default();
    let mut all_text = String::new();
    if let (Some(t), None) = (&article.title, article.title_line()) {
        all_text.push_str(t);
        all_text.push('\n');
    }
    for (line, text) in article.paragraphs() {
        let toks = tokenize(text);
        figures_in(text, &toks, line, &mut claims.figures);
        quotes_in(text, &toks, line, &mut claims.quotes);
        all_text.push_str(text);
        all_text.push('\n');
    }
    let toks = tokenize(&all_text);
    claims.actors = actors(&toks, &all_text);
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, f64)> {
        let a = Article::from_text("t", "t", s);
        extract(&a)
            .figures
            .iter()
            .map(|f| (f.key(), f.value))
            .collect()
    }

    #[test]
    fn figures_across_languages() {
        assert_eq!(
            figs("Selon le ministère, 8 policiers tués et 317 blessés."),
            vec![("killed/police".into(), 8.0), ("injured".into(), 317.0)]
        );
        assert_eq!(
            figs("More than 200 people were killed on 5 January."),
            vec![("killed".into(), 200.0)]
        );
        assert_eq!(
            figs("В Алматы погибли 8 человек, ранены 317."),
            vec![("killed".into(), 8.0), ("injured".into(), 317.0)]
        );
        assert_eq!(
            figs("Polizei: 2 000 Menschen festgenommen, 1,5 Millionen Euro Schaden."),
            vec![("arrested".into(), 2000.0), ("money".into(), 1_500_000.0)]
        );
        assert!(figs("The meeting began at 10:30 in 2022.").is_empty());
    }

    #[test]
    fn figures_in_more_languages() {
        assert_eq!(
            figs("Bei den Zusammenstößen wurden zwölf Menschen getötet."),
            vec![("killed".into(), 12.0)]
        );
        assert_eq!(
            figs("W starciach zginęło 5 osób, a 40 zostało rannych."),
            vec![("killed".into(), 5.0), ("injured".into(), 40.0)]
        );
        assert_eq!(
            figs("Sono morte 3 persone e 1.200 sono state arrestate."),
            vec![("killed".into(), 3.0), ("arrested".into(), 1200.0)]
        );
        assert_eq!(
            figs("Murieron 4 personas y hubo 2.000 detenidos."),
            vec![("killed".into(), 4.0), ("arrested".into(), 2000.0)]
        );
    }

    #[test]
    fn quotes_in_more_languages() {
        let a = Article::from_text(
            "t",
            "t",
            "\u{201e}Wir werden die Ordnung wiederherstellen\u{201c}, sagte Innenminister Karl Weber.\n\
             \u{201e}Sytuacja jest pod pełną kontrolą policji\u{201d} \u{2013} powiedział Jan Kowalski.\n\
             \"La situación está bajo control total\", dijo María López.",
        );
        let q = extract(&a).quotes;
        let got: Vec<(Option<&str>, Option<&str>)> = q
            .iter()
            .map(|q| (q.speaker.as_deref(), q.verb.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Karl Weber"), Some("sagte")),
                (Some("Jan Kowalski"), Some("powiedział")),
                (Some("María López"), Some("dijo")),
            ]
        );
    }

    #[test]
    fn quotes_with_speakers() {
        let a = Article::from_text(
            "t",
            "t",
            "\u{ab}Nous ne céderons pas aux bandits armés\u{bb}, a déclaré Jean Martin mardi.\n\
             Иван Петров заявил: \u{ab}Ситуация полностью под контролем властей\u{bb}.",
        );
        let q = extract(&a).quotes;
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Jean Martin"));
        assert_eq!(q[0].verb.as_deref(), Some("déclaré"));
        assert_eq!(q[1].speaker.as_deref(), Some("Иван Петров"));
        assert_eq!(q[1].verb.as_deref(), Some("заявил"));
    }
}
