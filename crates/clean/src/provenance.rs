//! Attribution and republication: "Source: RT", "Un article de Le Monde", "Read the original
//! article here", "Translated from ...", "via ...", wire-agency bylines.
//!
//! Researchers tracking state-media laundering need to know when a text says it is someone
//! else's: that is what [`Attribution`] records, with the lines that said so as evidence.

use newsprism_core::Attribution;

use crate::chrome::{is_georgian, CREDIT_JOINERS};
use crate::patterns::{
    matching, mentions_translation, names_original_language, normalize, patterns, Kind,
};

/// Lines longer than this are article prose, not attribution notes.
const MAX_ATTR_WORDS: usize = 25;

/// What one line says about provenance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineAttribution {
    pub source: Option<String>,
    pub original_outlet: Option<String>,
    pub original_url: Option<String>,
    pub republished: bool,
    pub translated: bool,
    /// The line is only an attribution note (can be removed from the text).
    pub note_only: bool,
}

/// How many words may stand before an attribution phrase ("This report was originally
/// published ..."); two more when they end in a writer's name ([`after_writers_name`]).
const MAX_PHRASE_START_WORDS: usize = 5;

/// Whether the opening of a line (before its attribution phrase) names a writer: two
/// capitalised words in a row after the first word, and no digit (a time stamp's "Updated May
/// 14 2025" is no name).
fn after_writers_name(head: &[&str]) -> bool {
    if head.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    head.get(1..).unwrap_or_default().windows(2).any(|p| {
        p.iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 2)
    })
}

/// Reads provenance from one line, if it states any.
pub fn line_attribution(line: &str) -> Option<LineAttribution> {
    let trimmed = line.trim();
    // "Bild: Mit freundlicher Genehmigung von gettyimages/…": a picture's credit says where
    // the picture came from, not the text.
    if is_picture_credit(trimmed) {
        return None;
    }
    let words = trimmed.split_whitespace().count();
    // "Editor's note: This report first appeared in ... It was translated for ...": a note
    // that says what it is may run longer.
    let limit = if opens_with_note_label(trimmed) {
        MAX_NOTE_LABEL_WORDS
    } else {
        MAX_ATTR_WORDS
    };
    // "Cet article a été publié initialement en anglais par X le 12 septembre, sous le titre
    // « … ». Nous le reproduisons …": a note that opens with its phrase may run longer too.
    let limit = if words > limit && opens_with_long_phrase(trimmed) {
        MAX_NOTE_LABEL_WORDS
    } else {
        limit
    };
    if words == 0 || words > limit {
        return byline_agency(trimmed)
            .or_else(|| wire_dateline(trimmed))
            .or_else(|| translated_sentence(trimmed, words));
    }
    let norm = normalize(trimmed);
    let url = first_url(trimmed);
    // At the start of the line; a longer phrase may follow a few words ("This report was
    // originally published ...").
    for (p, start, end) in matching(&norm, MAX_PHRASE_START_WORDS + 2) {
        if start > 0 && p.words < 2 {
            continue;
        }
        // "Ein Beitrag von Claire Mounier, zuerst erschienen in …", "Το άρθρο του Oliver
        // Pembridge δημοσιεύθηκε αρχικά …": a phrase further in follows a writer's name (and
        // no figure: "Updated May 14 2025 - 4:12pm, first published 3:05pm" is a time stamp).
        let before = norm[..start].matches(' ').count();
        if before >= MAX_PHRASE_START_WORDS
            && !after_writers_name(&trimmed.split_whitespace().take(before).collect::<Vec<_>>())
        {
            continue;
        }
        // "Bel-Air et La Source : coupure de 8h à 16h": a label credits a source only where it
        // opens the line.
        if start > 0 && p.kind == Kind::AttrSource && p.phrase.ends_with(':') {
            continue;
        }
        let rest = rest_after(trimmed, &norm, end);
        let mut la = LineAttribution {
            original_url: url.clone(),
            note_only: true,
            ..LineAttribution::default()
        };
        match p.kind {
            Kind::AttrSource => {
                let Some(name) = outlet_name(&rest) else {
                    continue;
                };
                // "Un article de Reto Ammann paru dans le Zürcher Wochenbote du 14 février": the
                // writer, then the outlet the piece appeared in, which is the source.
                // ("Un article de Chanda Mwale paru le 3 mai 2024 dans The Copperbelt Observer
                // (Zambie).": a date between the verb and the outlet.)
                let name = match published_in(&rest) {
                    Some(outlet) if starts_with_person_name(&rest) => outlet,
                    _ => name,
                };
                // "Źródło: Radio Nadwiślańskie/PAP", "SOURCE : FRANCEMONDE avec AFP": the
                // outlet's own name and the agency it took the facts from; the agency is the
                // source.
                let name = name
                    .split('/')
                    .flat_map(|part| part.split(" avec ").flat_map(|p| p.split(" with ")))
                    .map(str::trim)
                    .find(|part| is_news_agency(part))
                    .map_or(name.clone(), str::to_string);
                // "Sources: Office cantonal de la protection de la population (VS), exploitant
                // des barrages …, vidéo originale …": a fact-check's list of what it consulted
                // credits no outlet the text came from (unless it opens with an agency).
                const PLURAL: &[&str] = &[
                    "sources:",
                    "sources :",
                    "quellen:",
                    "fonti:",
                    "źródła:",
                    "источники:",
                    "fuentes:",
                ];
                if PLURAL.contains(&p.phrase.as_str())
                    && rest.contains([',', ';'])
                    && !is_news_agency(&name)
                {
                    continue;
                }
                // "Un article de loi prévoit...": after a phrase that is not a label ("Source:"),
                // the credited outlet must look like a name.
                let label = p.phrase.ends_with(':');
                // "Mit Material von Jonas Weigand", "Con información de Luis Fernando Ochoa":
                // a colleague's contribution, not an outlet the text came from.
                const CONTRIBUTION: &[&str] = &[
                    "mit material von",
                    "con información de",
                    "con informaciones de",
                    "with reporting by",
                    "with reporting from",
                    "additional reporting by",
                    "avec la contribution de",
                    "con la collaborazione di",
                    "при участии",
                ];
                if CONTRIBUTION.contains(&p.phrase.as_str())
                    && crate::chrome::is_person_name(&name)
                    && !is_news_agency(&name)
                {
                    continue;
                }
                if !label
                    && !name
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    continue;
                }
                credit_source(&mut la, name);
            }
            Kind::AttrVia => {
                // "via X" only as a short note, not "Via Roma" in a sentence, nor a street in a
                // list of closed roads ("via Argine Sinistro a Castelverde", "via Roma 12").
                if words > 6 || trimmed.ends_with('.') || is_street_address(&rest) {
                    continue;
                }
                let Some(name) = outlet_name(&rest) else {
                    continue;
                };
                la.source = Some(name);
            }
            Kind::AttrOriginal | Kind::AttrRepublished => {
                la.republished = true;
                // "Read the original article in Spanish at El País", "Lee el artículo original
                // (en francés) aquí": nobody names the original's language unless the text in
                // hand is in another one.
                la.translated |= names_original_language(&norm);
                // "... from Zero Hedge" (the phrase ends in the preposition) or
                // "... published on The Conversation".
                // "Version originale : « Los pozos secos de San Abelardo », El Faro de Cuyo":
                // the title's words are not the outlet.
                // "Оригинал статьи на английском: The Steppe Review, 2 ноября 2024", "Original
                // in English: …": the language the original was written in, then the label's
                // colon; what follows the colon is the reference.
                let rest = match rest.split_once(':') {
                    Some((lang, after))
                        if (1..=3).contains(&lang.split_whitespace().count())
                            && !lang.contains(char::is_uppercase)
                            && lang
                                .split_whitespace()
                                .any(|w| w != "the" && is_language_name(w)) =>
                    {
                        after.trim_start().to_string()
                    }
                    _ => rest,
                };
                let after_title = skip_quoted_title(&rest);
                let after_title = if p.phrase.ends_with(':') {
                    after_writer(after_title).unwrap_or(after_title)
                } else {
                    after_title
                };
                let named = || {
                    outlet_name(after_title)
                        .filter(|o| o.chars().next().is_some_and(char::is_uppercase))
                };
                // After a title the outlet comes first; otherwise after a preposition.
                // "paru dans Il Faro di Levante": after a phrase that ends with its preposition
                // the outlet comes first too ("di Levante" is part of its name).
                // ("Transféré depuis Radio Sfax Sud – l'info du Sud", a forwarded message: the
                // channel right after the phrase, not "Sud" after the tagline's "du".)
                let ends_with_place = matches!(
                    p.phrase.rsplit(' ').next(),
                    Some(
                        "dans"
                            | "in"
                            | "on"
                            | "sur"
                            | "su"
                            | "auf"
                            | "w"
                            | "в"
                            | "en"
                            | "da"
                            | "depuis"
                            | "de"
                            // ("repris du Journal du Haut-Plateau", "concessione della X".)
                            | "du"
                            | "des"
                            | "di"
                            | "del"
                            | "della"
                            | "dal"
                            | "dalla"
                            | "der"
                            | "from"
                            | "von"
                            | "od"
                            | "z"
                            | "з"
                            | "из"
                            | "от"
                            | "від"
                    )
                );
                la.original_outlet = if after_title.len() < rest.len() || ends_with_place {
                    named().or_else(|| outlet_after_preposition(after_title))
                } else {
                    outlet_after_preposition(after_title).or_else(named)
                };
            }
            Kind::AttrTranslated => {
                // "Traduction : <a translated quote>" is not a credit: a label form must be
                // followed by a short name.
                // A translator's name ("Traduction : Marie Dupont pour notre site") is a credit.
                if p.phrase.ends_with(':')
                    && rest.split_whitespace().count() > 4
                    && !starts_with_person_name(&rest)
                {
                    continue;
                }
                // "Traduction : débrouillez-vous.": the label's form with a sentence in lower
                // case after it (a verb, a joke), no translator's or outlet's name.
                let after = rest.trim_start_matches([':', ' ']);
                if (p.phrase.ends_with(':') || rest.trim_start().starts_with(':'))
                    && after.starts_with(char::is_lowercase)
                    && after.ends_with(['.', '!', '?'])
                    && after.split_whitespace().count() <= 4
                {
                    continue;
                }
                // "Traduit par phpBB-fr.com | Confidentialité | Conditions": a forum software's
                // translation credit in the page's footer, among its links.
                if trimmed.matches(" | ").count() >= 2 {
                    continue;
                }
                la.translated = true;
                la.republished = true;
                // "Translated from Meduza", not the translator in "traduit de l'anglais par X".
                // A label ("Traduction : Marie Dupont") names the translator, not the original.
                // "Übersetzung aus dem Englischen: Redaktion X" is a label too.
                let label = p.phrase.ends_with(':') || rest.trim_start().starts_with(':');
                // "Traduzione a cura di Paolo Serafini", "traduit par X": the phrase ends with
                // its agent, so the name after it is the translator's.
                let agent = matches!(
                    p.phrase.rsplit(' ').next(),
                    Some("par" | "by" | "da" | "di" | "von" | "przez" | "por")
                );
                // "Traducción de Lucía Ferreyra": a person after the phrase is the translator.
                let source_part = if label || agent || starts_with_person_name(&rest) {
                    ""
                } else {
                    cut_at_agent(&rest)
                };
                la.original_outlet = outlet_name(source_part)
                    .filter(|o| o.chars().next().is_some_and(char::is_uppercase))
                    .filter(|o| !is_language_name(o))
                    .or_else(|| republished_in(&norm, trimmed))
                    // "Pubblichiamo la traduzione di un articolo di X uscito sulla rivista Y":
                    // the outlet after a "published in" phrase further on.
                    .or_else(|| published_in(trimmed))
                    // "Перевод с английского — Анна Шульга, специально для «…». Оригинал: The
                    // Lothian Herald, 9 марта 2024.": a label further on names the original.
                    .or_else(|| original_label_later(trimmed));
            }
            _ => continue,
        }
        // "initialement publié par X, a été traduit par notre équipe".
        la.translated |= mentions_translation(&norm);
        // A long line is a note only when it names where the text came from; otherwise it is
        // prose that mentions a publication ("The report, first published in 2019, found …").
        if words > MAX_ATTR_WORDS && la.original_outlet.is_none() && la.source.is_none() {
            continue;
        }
        return Some(la);
    }
    byline_agency(trimmed)
        .or_else(|| agency_credit(trimmed))
        .or_else(|| byline_outlet(trimmed))
        .or_else(|| wire_dateline(trimmed))
        .or_else(|| dashed_note(trimmed))
        .or_else(|| source_segment(trimmed))
        .or_else(|| translated_sentence(trimmed, words))
}

/// "Article paru le 9 février dans la X (Cottbus). Traduit de l'allemand par Marc Delorme pour
/// La Lanterne critique.": a note whose translator's credit opens its second or third sentence,
/// where the phrases read at the line's start do not reach. Only the translation is taken (the
/// outlet, if any, is in a sentence the phrases did not recognise), and the line stays in the
/// text: a paragraph of prose may also hold such a sentence.
fn translated_sentence(line: &str, words: usize) -> Option<LineAttribution> {
    if words > MAX_NOTE_LABEL_WORDS {
        return None;
    }
    let mut sentences = line.split_inclusive(['.', '!', '?']).map(str::trim);
    let first = sentences.next()?;
    sentences
        .filter(|s| !s.is_empty())
        .find_map(|s| {
            let norm = normalize(s);
            // "Переклала Олена Гайдай, волонтерка …": a one-word verb of translating counts
            // when the translator's name follows it.
            let named = |end: usize| {
                let mut w = s
                    .split_whitespace()
                    .skip(norm[..end].split_whitespace().count());
                w.next().is_some_and(crate::chrome::starts_capitalised)
                    && w.next().is_some_and(crate::chrome::starts_capitalised)
            };
            matching(&norm, 1).into_iter().find(|(p, _, end)| {
                matches!(p.kind, Kind::AttrTranslated) && (p.words >= 2 || named(*end))
            })
        })
        .map(|_| LineAttribution {
            translated: true,
            republished: true,
            // "Un reportage de Chanda Mwale paru le 9 mai 2024 dans The Copperbelt Observer
            // (Zambie).", "Artículo de X publicado originalmente en francés en Nouadhibou Hebdo
            // (Mauritania) el 26 de septiembre.": the sentence before says where it appeared.
            original_outlet: published_in(first),
            ..LineAttribution::default()
        })
}

/// "Оригінал: Катрін Фолльмер, Nordhafener Rundschau, 3 лютого 2025 р.", "Оригінал: Hannah
/// Whitcombe, «The library that kept …», The Northern Courier, …": after a label, the writer
/// first, perhaps the title, then the outlet. The text from the outlet on, if it reads so.
fn after_writer(reference: &str) -> Option<&str> {
    let (writer, after) = reference.trim_start_matches([':', ' ']).split_once(", ")?;
    let outlet = skip_quoted_title(after);
    (crate::chrome::is_person_name(writer) && outlet.starts_with(char::is_uppercase))
        .then_some(outlet)
}

/// The outlet an "Original:" label names in a sentence after the first ("… Оригинал: The
/// Lothian Herald, 9 марта 2024."), read as the label's own line would be.
fn original_label_later(line: &str) -> Option<String> {
    line.split_inclusive(['.', '!', '?'])
        .skip(1)
        .map(str::trim)
        .filter(|s| {
            matching(&normalize(s), 1).into_iter().any(|(p, start, _)| {
                start == 0 && p.kind == Kind::AttrOriginal && p.phrase.ends_with(':')
            })
        })
        .find_map(|s| line_attribution(s)?.original_outlet)
}

/// The outlet after a verb of publishing in a sentence no phrase of the table opens ("… paru le
/// 9 mai 2024 dans The Copperbelt Observer"): the first capitalised name after a place
/// preposition that follows the verb.
fn appeared_in(sentence: &str) -> Option<String> {
    const PUBLISHED: &[&str] = &[
        "paru",
        "parue",
        "publié",
        "publiée",
        "published",
        "appeared",
        "publicado",
        "publicada",
        "pubblicato",
        "pubblicata",
        "uscito",
        "veröffentlicht",
        "erschienen",
        "erschien",
        "opublikowany",
        "opublikowana",
        "опубликован",
        "опубликована",
        "опубліковано",
        "δημοσιεύθηκε",
    ];
    let at = sentence.split_whitespace().position(|w| {
        PUBLISHED.contains(
            &w.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
                .as_str(),
        )
    })?;
    let rest: Vec<&str> = sentence.split_whitespace().skip(at + 1).collect();
    outlet_after_preposition(&rest.join(" "))
}

/// "Par Guennadi Sorokine – Le 28 janvier 2025 – Source Rousski Kourier": a byline's segments,
/// the last one crediting the source. In a segment after the first, a source label needs no
/// colon: the dash has set it apart.
fn source_segment(line: &str) -> Option<LineAttribution> {
    const LABELS: &[&str] = &[
        "source",
        "sources",
        "quelle",
        "fonte",
        "źródło",
        "источник",
        "джерело",
        "fuente",
    ];
    let mut segments = line
        .split(" – ")
        .flat_map(|s| s.split(" — "))
        .flat_map(|s| s.split(" | "));
    segments.next()?;
    segments.find_map(|seg| {
        let (label, rest) = seg.trim().split_once(' ')?;
        if !LABELS.contains(&label.trim_end_matches(':').to_lowercase().as_str()) {
            return None;
        }
        let name = outlet_name(rest.trim_start_matches([':', ' ']))?;
        if !name.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let mut la = LineAttribution::default();
        credit_source(&mut la, name);
        Some(la)
    })
}

/// The outlet a source label names becomes the source. A news agency credited under the text
/// ("SOURCE : Agence X", "Źródło: PAP") supplied the facts or the wire copy the outlet's own
/// piece is built on; any other outlet named as the source is where the text was taken from.
/// "Source : chambre d'agriculture de la Creuse" under a table credits figures to a body named
/// in lower case; an outlet's name is capitalised ("vmiresmi.ru", a site's address, is one).
///
/// "SOURCE : Fédération horlogère", "Source: World Grain Council": an institution whose figures
/// the article cites names no outlet the text came from. The line stays evidence; the source
/// is left for a credit that names an outlet.
fn credit_source(la: &mut LineAttribution, name: String) {
    let capitalised = name.chars().next().is_some_and(|c| !c.is_lowercase())
        || (!name.contains(' ') && name.contains('.'));
    if is_institution(&name) && !is_news_agency(&name) {
        return;
    }
    if !is_news_agency(&name) && capitalised {
        la.original_outlet = Some(name.clone());
        la.republished = true;
    }
    la.source = Some(name);
}

/// A public body, an association or a company's federation: it publishes figures, not news.
pub(crate) fn is_institution(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "council",
        "association",
        "federation",
        "fédération",
        "federazione",
        "federación",
        "office",
        "organisation",
        "organization",
        "ministry",
        "ministère",
        "ministerio",
        "ministero",
        "ministerium",
        "ministerstwo",
        "министерство",
        "міністерство",
        "institute",
        "institut",
        "istituto",
        "instituto",
        "instytut",
        "институт",
        "bureau",
        "bundesamt",
        "statistics",
        "statistique",
        "statistica",
        "estadística",
        "statistik",
        "university",
        "université",
        "universidad",
        "università",
        "uniwersytet",
        "fund",
        "fonds",
        "fondo",
        "commission",
        "comisión",
        "commissione",
        "komisja",
        "chamber",
        "chambre",
        "kammer",
        "department",
        "département",
        "observatoire",
        "observatory",
        "urząd",
        "служба",
        "управление",
        "комитет",
        "ведомство",
        "coordination",
        "union",
        "unión",
        "verband",
        "bundesverband",
        "syndicat",
        "confédération",
        "nations",
        "bank",
        "banque",
        "banco",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// An agency the table does not list, credited the way bylines credit agencies: "avec
/// l'Agence Boréale de presse", "Par La Rédaction avec AOAP", or its initials alone in
/// brackets under the text ("(AOAP)"). A credit line is short; the name is an agency's
/// ("Agence …", "Agenzia …") or initials in capitals.
fn agency_credit(line: &str) -> Option<LineAttribution> {
    const AGENCY: &[&str] = &[
        "agence ", "agency ", "agentur ", "agenzia ", "agencia ", "agencja ",
    ];
    let t = line.trim().trim_end_matches('.');
    if t.split_whitespace().count() > 8 {
        return None;
    }
    let initials = |s: &str| {
        (2..=6).contains(&s.chars().count())
            && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && s.chars().any(char::is_uppercase)
    };
    let credited = |s: &str| LineAttribution {
        source: Some(s.to_string()),
        note_only: true,
        ..LineAttribution::default()
    };
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        return initials(inner).then(|| credited(inner));
    }
    // What follows the credit's last "avec" ("Par X avec Y"), cut from `t` itself.
    let mut at = None;
    let mut start = 0;
    for word in t.split(' ') {
        if CREDIT_JOINERS.contains(&word.trim_start_matches('(').to_lowercase().as_str()) {
            // Just after the word: the line may end with it ("Make with").
            at = Some(start + word.len());
        }
        start += word.len() + 1;
    }
    let at = at?;
    // Only a credit: the line opens with the "avec", or is a byline ("Par La Rédaction avec
    // …"); "Talks with NATO" is a headline.
    let before = t[..at].trim_start().to_lowercase();
    const BY: &[&str] = &["par ", "by ", "von ", "di ", "por ", "przez "];
    if !(CREDIT_JOINERS.contains(&before.trim_end()) || BY.iter().any(|b| before.starts_with(b))) {
        return None;
    }
    // "Par Camille Le Goff (avec AFP)": the credit in brackets.
    let name = t.get(at..)?.trim().trim_end_matches(')').trim_end();
    let name = name
        .strip_prefix("l'")
        .or_else(|| name.strip_prefix("l’"))
        .unwrap_or(name);
    let agency = AGENCY
        .iter()
        .any(|a| name.to_lowercase().starts_with(a) && name.starts_with(char::is_uppercase));
    (agency || initials(name) || is_news_agency(name)).then(|| credited(name))
}

/// "Par Dwayne Mercer pour The Heartland Ledger – Traduit de l'anglais par l'équipe du
/// Vigilant Libre": a byline naming the outlet it was written for and a translator's credit,
/// parts of one line between dashes or bars. Each part is read as a line of its own (a part
/// has no separator left, so this goes one level deep).
fn dashed_note(line: &str) -> Option<LineAttribution> {
    let mut parts = vec![line];
    for sep in [" – ", " — ", " | "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    if parts.len() < 2 {
        return None;
    }
    let mut out = byline_for(parts[0].trim());
    // "Développé par phpBB® Forum Software © phpBB Limited | Traduit par phpBB-fr.com": a
    // footer's credits; the translation is the software's, not the article's.
    let footer = line.contains('©');
    for part in &parts[1..] {
        if footer {
            break;
        }
        if let Some(la) = line_attribution(part) {
            let o = out.get_or_insert_with(LineAttribution::default);
            o.translated |= la.translated;
            o.republished |= la.republished;
            o.source = o.source.take().or(la.source);
            o.original_outlet = o.original_outlet.take().or(la.original_outlet);
            o.original_url = o.original_url.take().or(la.original_url);
        }
    }
    // The line is also the byline: it stays, as evidence and for the reader.
    out.map(|o| LineAttribution {
        note_only: false,
        ..o
    })
}

/// "Par Dwayne Mercer pour The Heartland Ledger", "By Jane Doe for The Conversation": a byline
/// naming the outlet the piece was written for.
fn byline_for(part: &str) -> Option<LineAttribution> {
    const BY: &[&str] = &["by ", "par ", "von ", "di ", "por ", "autor: "];
    const FOR: &[&str] = &[
        " for ", " pour ", " für ", " per ", " para ", " dla ", " для ",
    ];
    let lower = part.to_lowercase();
    // Byte offsets of the lower-cased text serve for the original only if the lengths agree.
    if lower.len() != part.len()
        || part.split_whitespace().count() > 12
        || !BY.iter().any(|b| lower.starts_with(b))
    {
        return None;
    }
    let at = FOR
        .iter()
        .filter_map(|f| lower.find(f).map(|i| i + f.len()))
        .min()?;
    let outlet = outlet_name(part.get(at..)?)?;
    if !outlet.starts_with(char::is_uppercase) || is_job_title(&outlet) {
        return None;
    }
    let agency = is_news_agency(&outlet);
    Some(LineAttribution {
        original_outlet: (!agency).then(|| outlet.clone()),
        source: Some(outlet),
        republished: !agency,
        note_only: false,
        ..LineAttribution::default()
    })
}

/// "Traduit du russe par X. Article original d'Y, paru dans Severny Kurier le 2 octobre": a
/// translator's credit that goes on to say where the original appeared, further into the line
/// than the phrases read at its start.
fn republished_in(norm: &str, raw: &str) -> Option<String> {
    matching(norm, usize::MAX)
        .into_iter()
        .filter(|(p, start, _)| {
            *start > 0 && p.words >= 2 && matches!(p.kind, Kind::AttrRepublished)
        })
        .find_map(|(_, _, end)| {
            let rest = rest_after(raw, norm, end);
            outlet_name(&rest)
                .filter(|o| o.starts_with(char::is_uppercase))
                .or_else(|| outlet_after_preposition(&rest))
        })
}

/// Longest line read for attribution when it opens with an editor's-note label.
const MAX_NOTE_LABEL_WORDS: usize = 50;

/// An attribution phrase of three words or more opens the line ("cet article a été publié
/// initialement", "this article was originally published").
fn opens_with_long_phrase(line: &str) -> bool {
    let head: Vec<&str> = line.split_whitespace().take(10).collect();
    // "Cet article a paru initialement en anglais dans …": within the first words.
    matching(&normalize(&head.join(" ")), 4)
        .into_iter()
        .any(|(p, _, _)| {
            p.words >= 2
                && matches!(
                    p.kind,
                    Kind::AttrOriginal | Kind::AttrRepublished | Kind::AttrTranslated
                )
        })
}

fn opens_with_note_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "editor's note",
        "editor’s note",
        "editors' note",
        "note de la rédaction",
        "note de l'éditeur",
        "n.d.l.r",
        "ndlr",
        "anmerkung der redaktion",
        "nota della redazione",
        "nota del editor",
        "nota de la redacción",
        "nota redakcji",
        "от редакции",
        "примечание редакции",
    ];
    let lower = line.trim_start().to_lowercase();
    LABELS.iter().any(|l| lower.starts_with(l))
}

/// Whether an outlet's name is written as a web address or in lower case ("lequotidiendubaol.sn",
/// "taz"): a name that gives way to the outlet's written name when another line has it.
pub(crate) fn is_weak_name(name: &str) -> bool {
    !name.starts_with(char::is_uppercase)
}

/// Whether `s` is a web address's ending: two to six lower-case ASCII letters ("fr", "press").
fn is_tld(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase())
}

/// Merges what the lines said into the article's attribution.
pub fn merge(into: &mut Attribution, la: LineAttribution, evidence: &str) {
    // A web address or a name in lower case ("lequotidiendubaol.sn", "taz") gives way to the
    // outlet's written name from another line ("Le Quotidien du Baol").
    let better = |have: Option<String>, new: Option<String>| match (have, new) {
        (Some(h), Some(n)) if is_weak_name(&h) && !is_weak_name(&n) => Some(n),
        (h, n) => h.or(n),
    };
    into.source = better(into.source.take(), la.source);
    into.original_outlet = better(into.original_outlet.take(), la.original_outlet);
    into.original_url = into.original_url.take().or(la.original_url);
    into.republished |= la.republished;
    into.translated |= la.translated;
    if into.evidence.len() < 10 {
        into.evidence.push(evidence.trim().to_string());
    }
}

/// "Un article de Hannah Crewe, traduit …", "An article by Tom Reed for …": the writer's name
/// when the "article by" note names a person (two to four capitalised words, no outlet article
/// such as "The" or "Le" in front) rather than an outlet ("Un article de Reporterre").
pub fn written_by(line: &str) -> Option<String> {
    const LEADS: &[&str] = &[
        "un article de ",
        "an article by ",
        "a story by ",
        "un articolo di ",
        "ein artikel von ",
        "der folgende text von ",
        "der folgende beitrag von ",
        "der folgende artikel von ",
        "un artículo de ",
        "artykuł autorstwa ",
    ];
    let lower = line.trim().to_lowercase();
    let lead = LEADS.iter().find(|l| lower.starts_with(*l))?;
    let rest = line.trim().get(lead.len()..)?;
    let name = rest.split([',', '(', '—', '–', '|']).next()?.trim();
    // "Hannah Crewe pour Le Fil Rouge": the name stops at the first lower-case word.
    let name: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .collect();
    let name = name.join(" ");
    const OUTLET_ARTICLES: &[&str] = &[
        "The", "Le", "La", "Les", "L'", "Der", "Die", "Das", "Il", "El",
    ];
    let first = name.split_whitespace().next().unwrap_or("");
    (crate::chrome::is_person_name(&name)
        && !OUTLET_ARTICLES.contains(&first)
        && !first.starts_with("L'")
        && !is_news_agency(&name))
    .then_some(name)
}

/// "Un article de Marta Colombo, paru dans Il Quotidiano del Lago le 3 février 2025": the outlet
/// a republication note names after its "published in" phrase, wherever that stands in the line
/// (the note may open with the writer's name, which [`line_attribution`] reads first).
pub fn published_in(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let norm = normalize(trimmed);
    matching(&norm, usize::MAX)
        .into_iter()
        .filter(|(p, _, _)| {
            p.words >= 2 && matches!(p.kind, Kind::AttrOriginal | Kind::AttrRepublished)
        })
        .find_map(|(_, _, end)| {
            let rest = rest_after(trimmed, &norm, end);
            // "paru dans le Zürcher Wochenbote": the article in lower case is no part of the
            // name.
            let rest = [
                "le ", "la ", "l'", "the ", "il ", "el ", "der ", "die ", "das ",
            ]
            .iter()
            .find_map(|a| rest.strip_prefix(a))
            .filter(|r| r.starts_with(char::is_uppercase))
            .unwrap_or(&rest);
            outlet_name(skip_quoted_title(rest))
                .filter(|o| o.chars().next().is_some_and(char::is_uppercase))
                .or_else(|| outlet_after_preposition(rest))
        })
        // "… paru le 3 mai 2024 dans The Copperbelt Observer": a date between the verb and
        // the outlet, which no phrase of the table spans.
        .or_else(|| appeared_in(trimmed))
}

/// The original text after a normalised match ending at `norm_end`. Normalisation only drops a
/// prefix and collapses spaces, so the rest is found by counting words.
fn rest_after(raw: &str, norm: &str, norm_end: usize) -> String {
    let skip_words = norm[..norm_end].split_whitespace().count();
    let raw = raw.trim_start_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '©' | '@' | '#' | '(' | '[')
    });
    let raw = raw.trim_start_matches(['(', '[']);
    let mut rest: String = raw
        .split_whitespace()
        .skip(skip_words)
        .collect::<Vec<_>>()
        .join(" ");
    // A phrase ending inside a word ("source:" matched "source:rt").
    let last = norm[..norm_end]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if let Some(w) = raw.split_whitespace().nth(skip_words.saturating_sub(1)) {
        let lw = normalize(w);
        if lw.len() > last.len() && lw.starts_with(last) {
            let tail: String = w.chars().skip(last.chars().count()).collect();
            rest = format!("{tail} {rest}").trim().to_string();
        }
    }
    rest
}

/// A name that says it is a news agency ("Agence continentale de presse", "Kaïmar-Presse",
/// "Reuters"): an agency of the phrase table, or a name carrying an agency word.
pub(crate) fn is_news_agency(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "agence",
        "agency",
        "agentur",
        "nachrichtenagentur",
        "agenzia",
        "agencja",
        "agencia",
        "агентство",
        "агенція",
        "πρακτορείο",
        "presse",
        "press",
        "пресс",
        "prensa",
        "newswire",
        "wire",
    ];
    // The table's agency rows also list outlets that bylines credit (RT, Sputnik, Bloomberg):
    // only the wire services among them count here.
    const WIRES: &[&str] = &[
        "AFP",
        "Reuters",
        "AP",
        "Associated Press",
        "dpa",
        "ANSA",
        "PAP",
        "TASS",
        "ТАСС",
        "РИА Новости",
        "RIA Novosti",
        "Интерфакс",
        "Interfax",
        "EFE",
        "Europa Press",
        "Xinhua",
        "AGI",
        "Adnkronos",
        "APA",
        "KNA",
        "epd",
        "Belga",
        "Ukrinform",
        "UNIAN",
        "ΑΠΕ-ΜΠΕ",
        "ΑΠΕ",
        "ΚΥΠΕ",
        "ANA-MPA",
        "Lusa",
        "ANP",
        "ČTK",
        "CTK",
        "MTI",
        "BTA",
        "Agerpres",
        "Anadolu",
        "Kyodo",
        "Yonhap",
        "AAP",
        "PTI",
        "IANS",
        "Bernama",
        "Antara",
        "Prensa Latina",
        "Télam",
        "Notimex",
        "Keystone-ATS",
        "Keystone-SDA",
        "ATS",
        "SDA",
        "APS",
        "MAP",
        "TAP",
        "AIP",
        "БелТА",
        "ИТАР-ТАСС",
        "Укрінформ",
        "УНІАН",
        "IRNA",
        "Ritzau",
        "NTB",
        "STT",
        "Agência Brasil",
    ];
    let lower = name.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w))
        || WIRES.iter().any(|w| name.trim() == *w)
}

/// A plausible outlet name at the start of `s`: up to the first sentence or clause break, URL stripped,
/// at most 8 words, starting with a letter or digit.
/// What follows "via" reads as an Italian street address, not an outlet: a particle first ("del
/// Porto"), a house number before a comma or a postcode ("Garibaldi 12, 18100 …"), or a place
/// after "a" ("Garibaldi a Sanremo"). A number alone at the end may be an outlet's ("France 24"),
/// and "di" inside a name may be too ("Il Giornale di Vicenza").
fn is_street_address(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    words
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
        || words.iter().any(|w| {
            w.strip_suffix(',')
                .is_some_and(|n| number(n) && n.len() <= 4)
                || (number(w) && w.len() == 5)
        })
        || words
            .windows(2)
            .any(|p| p[0] == "a" && p[1].chars().next().is_some_and(char::is_uppercase))
}

/// Whether `rest`, opening with a dot, goes on with a web address's ending: ".com", ".fr",
/// ".pl" and the like (two to six lower-case letters, then the end of the name).
fn is_domain_dot(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix('.') else {
        return false;
    };
    let tld = after
        .find(|c: char| !c.is_ascii_lowercase())
        .map_or(after, |e| &after[..e]);
    let next = &after[tld.len()..];
    let name_ends = next
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.');
    // (A full stop may end the sentence after it: "… from Consortiumnews.com.")
    let sentence_ends = next
        .strip_prefix('.')
        .is_some_and(|r| r.chars().next().is_none_or(char::is_whitespace));
    is_tld(tld) && (name_ends || sentence_ends)
}

fn outlet_name(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches([':', '-', '–', '—', ' ']);
    // "წყარო: „ახალი ჰორიზონტი“", "Źródło: „Kurier Wiejski”": a name in quotation marks and
    // nothing after it.
    let s = match s.strip_prefix(['„', '“', '«', '"']) {
        Some(inner) => match inner.split_once(['“', '”', '»', '"']) {
            Some((name, after))
                if !name.trim().is_empty()
                    && after
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty() =>
            {
                name.trim()
            }
            _ => s,
        },
        None => s,
    };
    // "Санна Хейккинен, «Itä-Savon Viikko», 14 февраля 2025": the writer, then the outlet in
    // quotation marks.
    let s = match s.split_once(", ") {
        // ("Hannah Crowther, « When the Cloud Drinks the Water », The Meridian Review": a
        // name after the quotation makes it the title.)
        Some((head, rest))
            if head.split_whitespace().count() <= 3
                && starts_with_person_name(head)
                && crate::chrome::is_person_name(head)
                && !head.split_whitespace().next().is_some_and(|w| {
                    [
                        "the", "der", "die", "das", "le", "la", "les", "il", "lo", "el", "los",
                    ]
                    .contains(&w.to_lowercase().as_str())
                })
                && rest.starts_with(['«', '“', '„', '"']) =>
        {
            let inner = rest.trim_start_matches(['«', '“', '„', '"']);
            match inner.split_once(['»', '”', '“', '"']) {
                Some((quoted, after))
                    if !after
                        .trim_start_matches([',', ' '])
                        .starts_with(char::is_uppercase) =>
                {
                    quoted.trim()
                }
                _ => s,
            }
        }
        _ => s,
    };
    // "« Kopalnia nie odpuści », Tygodnik Przełom, 18 avril 2025": the title first, then the
    // outlet.
    let s = match s.strip_prefix('«') {
        Some(rest) => rest
            .split_once('»')
            .map_or(s, |(_, after)| after.trim_start_matches([',', ' '])),
        None => s,
    };
    let skipped = skip_outlet_descriptor(s);
    // "агентство «Регион-Пресс»": after a descriptor, a name in quotation marks is the name.
    let s = match skipped.strip_prefix(['«', '“', '„', '"']) {
        Some(inner) if skipped.len() < s.len() => inner
            .split(['»', '”', '“', '"'])
            .next()
            .unwrap_or(inner)
            .trim(),
        _ => skipped,
    };
    let s = cut_at_clause(s);
    let s = cut_at_title(s);
    // "Die Küstenpost – Το πρωτότυπο κείμενο …": a spaced dash ends the name.
    let s = [" – ", " — "]
        .iter()
        .filter_map(|d| s.find(d))
        .min()
        .map_or(s, |i| &s[..i]);
    // ("(Source : Régie Eau Karukera)": the bracket the credit sits in closes after the name;
    // "Źródło: AIC · dodano 20.11.2024": a middle dot opens the page's next field.)
    let cut = s
        .find(['.', ';', ',', '(', ')', '|', '·', '•', '\n'])
        .filter(|&i| {
            // Keep dots inside names like "Sputnik.fr", "nkn.pl" or "S.A.".
            !is_domain_dot(&s[i..])
        })
        .unwrap_or(s.len());
    // Stop at a date ("Star Tribune, September 26, 2018").
    let mut name: Vec<&str> = s[..cut]
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .take_while(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .take(8)
        .collect();
    while name.last().is_some_and(|w| is_month(w)) {
        name.pop();
    }
    // "The Harbour Ledger le 2 septembre 2024", "X am 3. März": the word before the date.
    const DATE_GLUE: &[&str] = &[
        "le", "on", "am", "il", "el", "del", "в", "του", "στις", "dnia", "du", "vom", "of",
    ];
    while name.len() > 1 && name.last().is_some_and(|w| DATE_GLUE.contains(w)) {
        name.pop();
    }
    let name = name.join(" ");
    // "Reuters.com →": a link's arrow is no part of the name.
    let name = name
        .trim_end_matches([',', ':', '-', '–', '—', ' ', '.', '…', '→', '›', '»', '↗'])
        .to_string();
    // "The Caspian Review-ში" (Georgian: "in The Caspian Review"): a case ending hyphenated to
    // a foreign name is no part of it.
    let name = match name.rsplit_once('-') {
        Some((head, tail))
            if !head.is_empty() && !tail.is_empty() && tail.chars().all(is_georgian) =>
        {
            head.to_string()
        }
        _ => name,
    };
    // "erschien zuerst in der Printausgabe 3/2025": the outlet's own paper, no other outlet.
    const EDITIONS: &[&str] = &[
        "printausgabe",
        "print edition",
        "print issue",
        "édition papier",
        "version papier",
        "edizione cartacea",
        "wydanie papierowe",
        "печатная версия",
        "edición impresa",
    ];
    let edition = EDITIONS.iter().any(|e| name.to_lowercase().starts_with(e));
    (!name.is_empty() && !edition && name.chars().next().is_some_and(char::is_alphanumeric))
        .then_some(name)
}

/// "... published on X" / "... sur X" / "... in X": the outlet after a preposition, when it is
/// capitalised (a name), else none.
fn outlet_after_preposition(rest: &str) -> Option<String> {
    const PLACES: &[&str] = &[
        "on", "in", "at", "from", "sur", "dans", "de", "du", "auf", "bei", "im", "su", "da", "w",
        "na", "в", "у", "на", "из", "en", "del", "dal", "dalla", "sul", "sulla", "nel", "nella",
        "στην", "στη", "στο", "στον", "σε",
    ];
    const AGENTS: &[&str] = &["by", "par", "von", "przez", "por", "di"];
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capital_after = |i: usize| -> Option<String> {
        let after = words.get(i + 1..)?.join(" ");
        let after = skip_outlet_descriptor(&after);
        // "in der Zeitschrift „X“", "im britischen Magazin „X“": German writes its descriptors
        // capitalised, so they are skipped when a quoted name follows within three words.
        let after = after
            .find(['„', '«', '“'])
            .filter(|&q| after[..q].split_whitespace().count() <= 3)
            .map_or(after, |q| &after[q..]);
        // A quoted name ends at its closing quote: "bei "The Grayzone Review" unter dem Titel …".
        if let Some(open) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '«' | '„' | '“'))
        {
            let inner = &after[open.len_utf8()..];
            if let Some(close) = inner.find(['"', '»', '“', '”']) {
                let name = inner[..close].trim();
                let capital = name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                return (capital && name.split_whitespace().count() <= 8).then(|| name.to_string());
            }
        }
        let after = after.trim_start_matches(['"', '«', '„', '“', '\'']);
        // "Originally published by the Cedar Valley Gazette": the article in lower case is no
        // part of the name.
        let after = ["the ", "le ", "la ", "il ", "el ", "der ", "die "]
            .iter()
            .find_map(|a| after.strip_prefix(a))
            .unwrap_or(after);
        if !after
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            // ("publiée initialement en anglais, s'appuie sur des données de suivi
            // satellitaire des navires": a name in lower case is read only right after the
            // phrase, "erschien zuerst bei der taz"; further on, lower-case words are prose.)
            return web_address(after).or_else(|| lower_case_name(after).filter(|_| i <= 1));
        }
        outlet_name(after).map(|n| n.trim_end_matches(['"', '»', '”', '\'']).to_string())
    };
    // "… en inglés por The Daily Ledger. Traducción de Ana Ruiz.": a preposition in the next
    // sentence belongs to that sentence (here the translator's credit), so only the first
    // sentence's are read. A sentence ends with a word of three letters or more before its
    // stop and a capital after it: "2024 r. w …", "am 14. August" and "St. Louis" go on.
    // (The name itself is read past the stop either way.)
    let ends_sentence = |i: usize| {
        let w = words[i];
        w.ends_with(['.', '!', '?'])
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(char::is_uppercase))
    };
    let first_sentence = (0..words.len())
        .find(|&i| ends_sentence(i))
        .map_or(words.len(), |i| i + 1);
    let lower: Vec<String> = words
        .iter()
        .take(8.min(first_sentence))
        .map(|w| w.to_lowercase())
        .collect();
    // "published by Tyler Durden at Zero Hedge": a place preposition names the outlet, an agent
    // preposition may name a person, so places win.
    // "published in Polish by Gazeta X": a language after the place preposition is not the
    // outlet; the agent after it names it.
    // ("publié en espagnol par La Voz del Litoral": a preposition after a capitalised word
    // inside the text is part of a name, not where the text appeared.)
    let inside_name = |i: usize| {
        ["del", "de", "du", "da", "dal"].contains(&lower[i].as_str())
            && i >= 2
            && words[i - 1].starts_with(char::is_uppercase)
    };
    let place = lower
        .iter()
        .enumerate()
        .filter(|(i, w)| PLACES.contains(&w.as_str()) && !inside_name(*i))
        .find_map(|(i, _)| capital_after(i).filter(|n| !is_language(n)));
    place.or_else(|| {
        lower
            .iter()
            .enumerate()
            .filter(|(_, w)| AGENTS.contains(&w.as_str()))
            .find_map(|(i, _)| capital_after(i))
    })
}

/// "zuerst auf netzpolitik.org", "na stronie oko.press": a web address, which is a name in
/// lower case.
fn web_address(s: &str) -> Option<String> {
    let word = s.split_whitespace().next()?;
    let word = word.trim_end_matches(['.', ',', ';', ':', ')', '»', '"', '“', '”']);
    let word = word.strip_prefix("www.").unwrap_or(word);
    let (host, tld) = word.rsplit_once('.')?;
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    (host_ok && is_tld(tld)).then(|| word.to_string())
}

/// "erschien zuerst bei der taz.", "bei neckarufer – dem stadtteilmagazin …", "en el altavoz
/// del jiloca y se reproduce …": an outlet whose name is written in lower case, read only as a
/// short run of lower-case words that ends the clause (a stop, a comma, a dash, the end of the
/// line, or "and"), and that is not a common phrase ("our website", "la presse locale", "la
/// version papier").
fn lower_case_name(s: &str) -> Option<String> {
    const ENDS: &[&str] = &["y", "et", "und", "and", "e", "i", "и", "και"];
    const NOT_NAMES: &[&str] = &[
        "our",
        "notre",
        "nos",
        "unserer",
        "unserem",
        "unseren",
        "nuestro",
        "nuestra",
        "nostro",
        "nostra",
        "naszym",
        "naszej",
        "нашем",
        "нашей",
        "site",
        "website",
        "blog",
        "page",
        "pages",
        "edition",
        "édition",
        "version",
        "papier",
        "paper",
        "print",
        "issue",
        "presse",
        "press",
        "newsletter",
        "web",
        "internet",
        "réseaux",
        "social",
        "sociaux",
        "webseite",
        "seite",
        "ausgabe",
        "zeitung",
        "sito",
        "pagina",
        "edizione",
        "stronie",
        "portalu",
        "сайте",
        "sitio",
        "página",
        "edición",
        "periódico",
        "journal",
        "magazine",
        "quotidien",
        "hebdomadaire",
        "local",
        "locale",
        "regional",
        "régional",
        "régionale",
        "partenaire",
        "partenaires",
        "partner",
        "partners",
        "confrères",
        "collègues",
        "colleagues",
        "kollegen",
        "colleghi",
        "compañeros",
        "colegas",
        "feed",
        "agence",
        "agency",
        "agenzia",
        "agentur",
        "agencia",
        "agencji",
        "агентства",
        "агентство",
    ];
    let mut name: Vec<&str> = Vec::new();
    let mut closed = false;
    for w in s.split_whitespace() {
        if ENDS.contains(&w) || matches!(w, "–" | "—" | "-") {
            closed = true;
            break;
        }
        let bare = w.trim_end_matches(['.', ',', ';', ':', ')']);
        if bare.is_empty()
            || !bare.chars().all(|c| c.is_lowercase() || c == '-')
            || NOT_NAMES.contains(&bare)
        {
            return None;
        }
        name.push(bare);
        if bare.len() < w.len() {
            closed = true;
            break;
        }
        if name.len() > 4 {
            return None;
        }
    }
    // (The end of the line closes the run too.)
    let closed = closed || !name.is_empty();
    let first = name.first()?;
    (closed && first.chars().count() >= 2).then(|| name.join(" "))
}

/// `s` without a leading "the newspaper" / "le quotidien" (table kind `outlet-descriptor`). Only
/// a descriptor written in lower case: capitalised, the same words are part of a name ("The
/// Daily Telegraph", "Le Quotidien").
fn skip_outlet_descriptor(s: &str) -> &str {
    if !s.trim_start().starts_with(char::is_lowercase) {
        return s;
    }
    let norm = normalize(s);
    // The longest row that opens the text: "rivista britannica", not "rivista".
    let table = matching(&norm, 1)
        .into_iter()
        .filter(|(p, start, _)| p.kind == Kind::OutletDescriptor && *start == 0)
        .map(|(p, _, _)| p.words)
        .max();
    // "l'hebdomadaire régional X": the table knows "l'hebdomadaire", the description runs on.
    let Some(words) = table.max(described_name_start(s)) else {
        return s;
    };
    let mut rest = s.trim_start();
    for _ in 0..words {
        rest = rest
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r.trim_start());
    }
    rest
}

/// The text after a leading quoted title and its comma ("« Title », Outlet, date" -> "Outlet,
/// date"); the text itself when it does not open with a quotation.
fn skip_quoted_title(s: &str) -> &str {
    let t = s.trim_start().trim_start_matches([':', ' ']);
    match t.strip_prefix(['«', '"', '“', '„']) {
        Some(inner) => inner
            .split_once(['»', '"', '”', '“'])
            .map_or(s, |(_, after)| after.trim_start_matches([',', ' '])),
        None => s,
    }
}

/// "the Polish regional daily Kurier Nadbużański": how many words of description (lower-case
/// words and language names, ending in a kind of outlet) come before the name, if that is what
/// the text opens with.
fn described_name_start(s: &str) -> Option<usize> {
    const KINDS: &[&str] = &[
        "daily",
        "newspaper",
        "paper",
        "weekly",
        "magazine",
        "website",
        "site",
        "outlet",
        "portal",
        "tabloid",
        "broadcaster",
        "agency",
        "quotidien",
        "hebdomadaire",
        "journal",
        "média",
        "revue",
        "mensuel",
        "zeitung",
        "tageszeitung",
        "wochenzeitung",
        "magazin",
        "quotidiano",
        "settimanale",
        "giornale",
        "testata",
        "dziennik",
        "dziennika",
        "tygodnik",
        "tygodnika",
        "portalu",
        "газета",
        "газеты",
        "издание",
        "издания",
        "diario",
        "periódico",
        "revista",
        "semanario",
        "mensual",
        "видання",
        "виданні",
        "газеті",
        "газета",
    ];
    let words: Vec<&str> = s.split_whitespace().take(7).collect();
    let j = words
        .iter()
        // "The" opens a name ("the weekly The Baltic Ledger"), though the language list has it.
        .position(|w| w.starts_with(char::is_uppercase) && (*w == "The" || !is_language_name(w)))?;
    // "l'hebdomadaire régional Visti Pivdnia": a kind of outlet among the words before the
    // name (the elided article is part of the word).
    let described = (1..=6).contains(&j)
        && words[..j].iter().any(|w| {
            let w = w.to_lowercase();
            KINDS.contains(&w.rsplit(['\'', '’']).next().unwrap_or(""))
        });
    described.then_some(j)
}

/// The name before a conjunction that opens a new clause: "The Baltic Ledger and translated
/// from Polish" → "The Baltic Ledger"; "Barnes and Noble" stays whole (a capital follows).
fn cut_at_clause(s: &str) -> &str {
    // ("Agence Sahel Presse via notre flux automatique": how it came, not a name's part.)
    const CONJ: &[&str] = &[
        "and", "et", "und", "e", "y", "i", "и", "oraz", "а", "via", "tramite", "über",
    ];
    let mut pos = 0;
    let mut words = s.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let Some(i) = s[pos..].find(w).map(|i| pos + i) else {
            break;
        };
        pos = i + w.len();
        if i > 0
            && CONJ.contains(&w)
            && words
                .peek()
                .is_some_and(|n| n.starts_with(char::is_lowercase))
        {
            return s[..i].trim_end();
        }
    }
    s
}

/// "El Diario del Guadalquivir sous le titre « La fresa … »": the article's title after the
/// outlet's name, with its lead-in, is no part of the name. (A quotation mark alone does not
/// end it: "საინფორმაციო სააგენტო „მერიდიანი“", "пресс-служба МУП «…»" are names.)
fn cut_at_title(s: &str) -> &str {
    const LEADS: &[&str] = &[
        " sous le titre",
        " intitulé",
        " under the title",
        " under the headline",
        " with the headline",
        " headlined",
        " titled",
        " unter dem titel",
        " mit dem titel",
        " con il titolo",
        " col titolo",
        " dal titolo",
        " bajo el título",
        " con el título",
        " titulado",
        " pod tytułem",
        " под заголовком",
        " под названием",
        " під заголовком",
        " με τίτλο",
        " με τον τίτλο",
        // "… du Journal du Haut-Plateau avec son aimable autorisation": the permission too.
        " avec son aimable autorisation",
        " avec l'aimable autorisation",
        " avec leur aimable autorisation",
        " with permission",
        " with kind permission",
        " with their permission",
        " mit freundlicher genehmigung",
        " per gentile concessione",
        " con autorización",
    ];
    let lower = s.to_lowercase();
    let at_lead = LEADS
        .iter()
        .filter_map(|l| lower.find(l))
        .min()
        // (Lower-casing keeps these texts' byte lengths but for a few letters: cut only at a
        // boundary of the original.)
        .filter(|&i| s.is_char_boundary(i));
    match at_lead {
        Some(i) if i > 0 => s[..i].trim_end(),
        _ => s,
    }
}

/// "Marie Dupont ...": two capitalised words in a row open the text.
fn starts_with_person_name(s: &str) -> bool {
    let mut w = s.split_whitespace();
    // "Heike Brandt. Der Text …", "Sylvie M., bénévole …": the name may end its sentence or
    // clause, and a surname may be an initial.
    let cap = |x: Option<&str>| {
        x.is_some_and(|x| {
            let x = x.trim_end_matches([',', ';']);
            let x = x.strip_suffix('.').unwrap_or(x);
            let mut c = x.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(|c| c.is_alphabetic() || c == '-')
        })
    };
    cap(w.next()) && cap(w.next())
}

/// The part of "X by Y" before the agent ("by", "par", "von", ...).
fn cut_at_agent(s: &str) -> &str {
    const AGENTS: &[&str] = &[" by ", " par ", " von ", " da ", " przez ", " от ", " por "];
    let lower = s.to_lowercase();
    AGENTS
        .iter()
        .filter_map(|a| lower.find(a))
        .min()
        .filter(|&i| s.is_char_boundary(i))
        .map_or(s, |i| &s[..i])
}

fn is_month(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    crate::dates::month_number(&w).is_some()
}

fn is_language_name(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    const LANGS: &[&str] = &[
        "english",
        "russian",
        "french",
        "german",
        "italian",
        "polish",
        "spanish",
        "ukrainian",
        "anglais",
        "russe",
        "allemand",
        "italien",
        "polonais",
        "espagnol",
        "l'anglais",
        "l'allemand",
        "l'italien",
        "l'espagnol",
        "englischen",
        "russischen",
        "französischen",
        "englisch",
        "russisch",
        "französisch",
        "deutsch",
        "italienisch",
        "polnisch",
        "spanisch",
        "ukrainisch",
        "arabisch",
        "arabe",
        "l'arabe",
        "arabic",
        "ukrainien",
        "l'ukrainien",
        "inglese",
        "russo",
        "francese",
        "tedesco",
        "angielskiego",
        "rosyjskiego",
        "английского",
        "французского",
        "inglés",
        "ruso",
        "francés",
        "alemán",
        "английском",
        "французском",
        "немецком",
        "русском",
        "украинском",
        "англійською",
        "англійській",
        "angielskim",
        "angielsku",
        "hungarian",
        "czech",
        "slovak",
        "romanian",
        "bulgarian",
        "serbian",
        "croatian",
        "slovenian",
        "portuguese",
        "greek",
        "turkish",
        "chinese",
        "japanese",
        "korean",
        "hebrew",
        "persian",
        "farsi",
        "georgian",
        "armenian",
        "swedish",
        "norwegian",
        "danish",
        "finnish",
        "lithuanian",
        "latvian",
        "estonian",
        "belarusian",
        "kazakh",
        "azerbaijani",
        "catalan",
        "the",
    ];
    LANGS.contains(&first.as_str())
}

/// A language name alone ("Polish by X"), not a name that starts with "The".
fn is_language(s: &str) -> bool {
    is_language_name(s) && !s.to_lowercase().starts_with("the ")
}

fn first_url(s: &str) -> Option<String> {
    let i = s.find("https://").or_else(|| s.find("http://"))?;
    let url: String = s[i..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>' | ')' | ']'))
        .collect();
    Some(url.trim_end_matches(['.', ',', ';']).to_string())
}

/// "MOSCOW (Reuters) - ..." / "(AFP) -" / "— AFP" / "© AFP 2024": a wire agency credited in the
/// first words or at the very end of a line.
fn byline_agency(line: &str) -> Option<LineAttribution> {
    let found = wire_credit(line).or_else(|| writer_and_agency(line))?;
    // A photo's credit names the agency that took the picture, not the text's.
    let lower = line.to_lowercase();
    if lower.contains("getty") || lower.contains("photo") || lower.contains("foto") {
        return None;
    }
    Some(found)
}

/// Whether a line opens with a picture's label ("Bild:", "Foto :", "Photo:", "Zdjęcie:").
fn is_picture_credit(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "bild",
        "bilder",
        "foto",
        "fotos",
        "photo",
        "photos",
        "image",
        "images",
        "picture",
        "zdjęcie",
        "фото",
        "φωτογραφία",
        "imagen",
        "immagine",
    ];
    line.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim().to_lowercase();
        LABELS.contains(&label.as_str())
    })
}

/// The words that join a byline's writer to a second name ("By X and Atlantic Press Wire").
pub(crate) const WRITER_JOINERS: &[&str] = &[" and ", " et ", " und ", " e ", " y ", " i "];

/// "By Rachel Ostrowski and Atlantic Press Wire", "Par Claire Dumas et l'Agence Sahel Presse": a
/// byline that names a writer and an agency the table need not know (its name says it is one).
fn writer_and_agency(line: &str) -> Option<LineAttribution> {
    const BY: &[&str] = &["by ", "par ", "von ", "di ", "por ", "de "];
    let t = line.trim();
    if t.split_whitespace().nth(10).is_some() {
        return None;
    }
    let lower = t.to_lowercase();
    let by = BY.iter().find(|b| lower.starts_with(*b))?;
    let rest = &t[by.len()..];
    let (writer, agency) = WRITER_JOINERS.iter().find_map(|a| rest.split_once(a))?;
    let agency = agency.trim().trim_end_matches('.');
    let agency = ["the ", "l'", "l’"]
        .iter()
        .find_map(|a| agency.strip_prefix(a))
        .unwrap_or(agency);
    (crate::chrome::is_person_name(writer.trim())
        && agency.starts_with(char::is_uppercase)
        && is_news_agency(agency))
    .then(|| LineAttribution {
        source: Some(agency.to_string()),
        ..LineAttribution::default()
    })
}

/// The agency a line credits, in one of [`byline_agency`]'s forms.
fn wire_credit(line: &str) -> Option<LineAttribution> {
    let head = newsprism_core::text::clip_chars(line, 80);
    let t = line.trim_end_matches(['.', ' ']);
    // Every line of every article comes here: the forms are looked for only where they can be
    // (a parenthesis or slash in the head; a line ending in the name or a bracket).
    let bracketed = head.contains(['(', '/']);
    // Only small counts are asked about (at most 8 words).
    let words = line.split_whitespace().take(9).count();
    // "(Avec AFP)": the credit may stand in brackets.
    let last_word = t
        .split_whitespace()
        .next_back()
        .map(|w| w.trim_end_matches(')'));
    let stamp_head = line.split_once(" · ").map(|(head, _)| head.trim());
    for (a, forms, tail_forms) in agency_forms() {
        let a = a.as_str();
        let in_head = bracketed && forms.iter().any(|f| head.contains(f.as_str()));
        let at_end = (t.ends_with(a) || t.ends_with(')'))
            && tail_forms.iter().any(|f| t.ends_with(f.as_str()));
        // "Avec AFP", "With Reuters", "Mit dpa": a short credit ending in the agency's name.
        let short_credit = words <= 4 && last_word == Some(a);
        // "Keystone-ATS · il y a 3 h": the agency and the story's age, under the headline.
        let stamped = stamp_head == Some(a) && words <= 8;
        if in_head || at_end || short_credit || stamped || line.trim() == a {
            return Some(LineAttribution {
                source: Some(a.to_string()),
                note_only: words <= 3,
                ..LineAttribution::default()
            });
        }
    }
    bracketed_wire(line).map(|name| LineAttribution {
        source: Some(name),
        note_only: false,
        ..LineAttribution::default()
    })
}

/// "(ASN) - GENOVA, 23 SET - I lavoratori …", "LOMÉ (ATN) — Le gouvernement …": a wire story
/// opens with the agency's short name in brackets, before or after the city in capitals, then
/// a dash. Agencies the table does not know are read from that form alone: the name must look
/// like an agency's (letters in capitals, at most three words) and the city be in capitals.
fn bracketed_wire(line: &str) -> Option<String> {
    let open = line.find('(')?;
    if line[..open].chars().count() > 40 {
        return None;
    }
    let city = line[..open].trim();
    // "MOSCOU, 7 décembre (AEI) —": the city in capitals, then perhaps the date. Georgian
    // script has no capitals ("თელავი, 4 სექტემბერი (საქინფორმი) —").
    let (place, date) = city.split_once(',').unwrap_or((city, ""));
    let capitals_only = |s: &str| !s.chars().any(|c| c.is_lowercase() && !is_georgian(c));
    let city_ok = city.is_empty()
        || (place.split_whitespace().count() <= 3
            && place.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && capitals_only(place)
            && (date.is_empty()
                || (date.chars().any(|c| c.is_ascii_digit())
                    && date.split_whitespace().count() <= 4)));
    let close = open + line[open..].find(')')?;
    let name = line[open + 1..close].trim();
    let after = line[close + 1..].trim_start();
    let dashed = ['-', '–', '—'].iter().any(|d| after.starts_with(*d));
    // With no city before it, the city follows the dash ("(ASN) - GENOVA, 23 SET -").
    let city_after = !city.is_empty()
        || after
            .trim_start_matches(['-', '–', '—', ' '])
            .split([',', ' '])
            .next()
            .is_some_and(|w| w.chars().count() >= 3 && !w.chars().any(char::is_lowercase));
    let words = name.split_whitespace().count();
    let capitals = name.chars().filter(|c| c.is_uppercase()).count();
    let georgian = name.chars().filter(|c| c.is_alphabetic()).all(is_georgian);
    let agency_like = (1..=3).contains(&words)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " -&.".contains(c))
        && ((capitals >= 2 && capitals * 2 >= name.chars().filter(|c| c.is_alphabetic()).count())
            || (georgian && words <= 2 && !city.is_empty()));
    (city_ok && dashed && city_after && agency_like).then(|| name.to_string())
}

type AgencyForms = (String, [String; 3], [String; 5]);

/// Each agency with the ways a byline writes it, built once.
fn agency_forms() -> &'static [AgencyForms] {
    static F: std::sync::OnceLock<Vec<AgencyForms>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        patterns()
            .iter()
            .filter(|p| p.kind == Kind::Agency)
            .map(|p| {
                let a = &p.phrase;
                (
                    a.clone(),
                    // "/AFP/Getty Images" and "© AFP" are photo credits, not the text's source.
                    [format!("({a})"), format!("({a}/"), format!("/{a})")],
                    [
                        format!("— {a}"),
                        format!("– {a}"),
                        format!("- {a}"),
                        format!("({a})"),
                        // "… in Oltrup. (kb/dpa)": the writer's initials and the agency.
                        format!("/{a})"),
                    ],
                )
            })
            .collect()
    })
}

/// "By Jane Doe, The Guardian" / "Par Jean Dupont, Le Monde": a byline naming an outlet.
fn byline_outlet(line: &str) -> Option<LineAttribution> {
    let words = line.split_whitespace().count();
    if words > 12 || line.ends_with(['.', '!', '?']) {
        return None;
    }
    let norm = normalize(line);
    const BY: &[&str] = &[
        "by ",
        "par ",
        "von ",
        "di ",
        "autor: ",
        "автор: ",
        "por ",
        "autore: ",
    ];
    if !BY.iter().any(|b| norm.starts_with(b)) {
        return None;
    }
    let (before, outlet) = line.split_once(',')?;
    // "Par Hélène Marchetti (Maire de Saint-Aubin-sur-Loire, Loiret)": a comma inside the
    // writer's bracketed role is no outlet's.
    if before.matches('(').count() > before.matches(')').count() {
        return None;
    }
    let outlet = outlet_name(outlet)?;
    // ("Par notre correspondant, Bernard Chauvet": with no name before the comma, the one after
    // it is the writer's.)
    let named_before = before
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    if !outlet.chars().next().is_some_and(char::is_uppercase)
        || is_job_title(&outlet)
        || !named_before
    {
        return None;
    }
    Some(LineAttribution {
        original_outlet: Some(outlet.clone()),
        source: Some(outlet),
        republished: true,
        note_only: false,
        ..LineAttribution::default()
    })
}

/// "Chief Reporter", "Senior Political Correspondent": what follows the comma of a byline is the
/// writer's role, not an outlet, when one of its words names a job.
fn is_job_title(s: &str) -> bool {
    const ROLES: &[&str] = &[
        "reporter",
        "correspondent",
        "editor",
        "checker",
        "fact-checker",
        "photographer",
        "vérificateur",
        "vérificatrice",
        "faktenchecker",
        "faktencheckerin",
        "writer",
        "columnist",
        "contributor",
        "analyst",
        "journalist",
        "staff",
        "producer",
        "chroniqueur",
        "chroniqueuse",
        "journaliste",
        "correspondant",
        "correspondante",
        "envoyé",
        "envoyée",
        "rédacteur",
        "rédactrice",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "autor",
        "autorin",
        "giornalista",
        "inviato",
        "inviata",
        "corrispondente",
        "redattore",
        "dziennikarz",
        "dziennikarka",
        "korespondent",
        "redaktor",
        "корреспондент",
        "обозреватель",
        "журналист",
        "редактор",
        "periodista",
        "corresponsal",
        "redactor",
        "redactora",
    ];
    s.split_whitespace()
        .any(|w| ROLES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// "МОСКВА, 14 фев — РИА Новости.", "KYIV, 3 March - Ukrinform.": an agency's dateline opens its
/// story with the city in capitals, the date, a dash and the agency's name ending in a full stop.
fn wire_dateline(line: &str) -> Option<LineAttribution> {
    let (city, rest) = line.split_once(',')?;
    let city_ok = city.split_whitespace().count() <= 3
        && city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && city.chars().all(|c| !c.is_lowercase());
    if !city_ok {
        return None;
    }
    let head: String = rest.chars().take(40).collect();
    let dash = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    // The date between the city and the dash ("14 фев", "3 March"); an obituary's "ROSSI,
    // Norma Beatriz. – Falleció el …" has a name there.
    if !rest[..dash.0].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let after = &rest[dash.0 + dash.1..];
    let stop = after
        .find(". ")
        .or_else(|| after.strip_suffix('.').map(str::len))?;
    let name = after[..stop].trim();
    let words = name.split_whitespace().count();
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    (capital && (1..=3).contains(&words)).then(|| LineAttribution {
        source: Some(name.to_string()),
        note_only: false,
        ..LineAttribution::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn la(s: &str) -> LineAttribution {
        line_attribution(s).unwrap_or_else(|| panic!("no attribution in {s:?}"))
    }

    #[test]
    fn outlets_named_in_lower_case_or_by_their_address() {
        // (Invented.)
        let o = la("Dieser Artikel erschien zuerst bei der kiez.");
        assert_eq!(o.original_outlet.as_deref(), Some("kiez"));
        let o = la("Dieser Text erschien zuerst auf netzwerkrecht.org.");
        assert_eq!(o.original_outlet.as_deref(), Some("netzwerkrecht.org"));
        let o = la("This article first appeared on harbourwatch.net.");
        assert_eq!(o.original_outlet.as_deref(), Some("harbourwatch.net"));
        let o = la("Dieser Beitrag erschien zuerst bei ufergeschichten – dem stadtteilmagazin für die altstadt.");
        assert_eq!(o.original_outlet.as_deref(), Some("ufergeschichten"));
        // Common words in lower case are no outlet.
        for line in [
            "This article first appeared on our website.",
            "Cet article a d'abord été publié dans la presse locale.",
            "Questo articolo è stato pubblicato sul feed dell'agenzia.",
        ] {
            assert!(
                line_attribution(line).is_none_or(|l| l.original_outlet.is_none()),
                "{line}"
            );
        }
    }

    #[test]
    fn where_a_named_writers_piece_first_appeared() {
        // (Invented.) The phrase follows the writer's name, past the first five words.
        let o = la("Ein Beitrag von Clara Morin, zuerst erschienen in „Le Veilleur du Poitou“");
        assert_eq!(o.original_outlet.as_deref(), Some("Le Veilleur du Poitou"));
        assert!(o.republished);
        let o = la("Το άρθρο του Oliver Penrose δημοσιεύθηκε αρχικά στα αγγλικά στην εφημερίδα The Western Ledger στις 18 Ιουλίου 2024.");
        assert_eq!(o.original_outlet.as_deref(), Some("The Western Ledger"));
        assert!(o.republished && o.translated);
        // A time stamp's words before "first published" are no writer.
        assert!(
            line_attribution("Updated May 14 2025 - 4:12pm, first published 3:05pm")
                .is_none_or(|l| !l.republished)
        );
        // Italian: where the original appeared and the language it was translated from.
        let o = la("Articolo originale pubblicato su El Mirador de Castilla il 3 marzo 2025. Traduzione dallo spagnolo a cura di Chiara Valsecchi.");
        assert_eq!(o.original_outlet.as_deref(), Some("El Mirador de Castilla"));
        assert!(o.republished && o.translated);
        // A preposition inside a name ("del") is not where the text appeared.
        let o = la(
            "Cet article a été publié en espagnol par La Voz del Paraná (Santa Fe) le 14 mai 2024. Traduction : Élodie Vandamme.",
        );
        assert_eq!(o.original_outlet.as_deref(), Some("La Voz del Paraná"));
        // A name in quotation marks, with nothing after it.
        assert_eq!(
            la("Źródło: „Kurier Wiejski”").source.as_deref(),
            Some("Kurier Wiejski")
        );
        // A web address keeps its ending.
        assert_eq!(la("Źródło: kpw.pl").source.as_deref(), Some("kpw.pl"));
    }

    #[test]
    fn a_note_that_names_the_originals_language_flags_a_translation() {
        // (Invented.) Notes that point to the original and name the language it was written in.
        for (note, outlet) in [
            (
                "Read the original article in Spanish at El País.",
                Some("El País"),
            ),
            ("Lee el artículo original (en francés) aquí.", None),
            (
                "Cet article a été publié initialement en anglais dans The Guardian.",
                Some("The Guardian"),
            ),
            (
                "Dieser Artikel erschien zuerst auf Englisch bei The Guardian.",
                Some("The Guardian"),
            ),
            (
                "Artykuł ukazał się pierwotnie w języku angielskim w The Guardian.",
                Some("The Guardian"),
            ),
            (
                "Статья впервые опубликована на английском языке в The Guardian.",
                Some("The Guardian"),
            ),
        ] {
            let o = la(note);
            assert!(o.republished && o.translated, "{note}");
            assert_eq!(o.original_outlet.as_deref(), outlet, "{note}");
        }
        // A language the lists did not hold before is not part of the outlet's name.
        let o = la("This article was originally published in Hungarian by Alföldi Hírek.");
        assert!(o.translated);
        assert_eq!(o.original_outlet.as_deref(), Some("Alföldi Hírek"));
        // "Taken from X" (a repost's credit), after the translation's word.
        let o = la("Articolo tradotto e ripreso da The Harbour Times.");
        assert!(o.republished && o.translated);
        assert_eq!(o.original_outlet.as_deref(), Some("The Harbour Times"));
        // Greek and Georgian: a translator's credit after the source, the original's language.
        assert!(la("Πηγή: The Harbour Times – Μετάφραση: Νέα των Νησιών").translated);
        let o = la("ორიგინალი სტატია (ინგლისურად): The Harbour Times");
        assert!(o.republished && o.translated);
        // Without a language, a republication is not a translation; nor is a source credited
        // "in English", which says nothing about an original.
        let o = la("This article was originally published by The Guardian.");
        assert!(o.republished && !o.translated);
        assert!(!la("Source: RT in English").translated);
    }

    #[test]
    fn the_outlet_is_read_in_its_own_sentence_not_the_translators() {
        // (Invented.) The translator's "de" in the next sentence named the outlet before.
        let o = la(
            "Este artículo fue publicado originalmente en inglés por The Daily Ledger. \
             Traducción de Ana Ruiz.",
        );
        assert_eq!(o.original_outlet.as_deref(), Some("The Daily Ledger"));
        assert!(o.republished && o.translated);
        // An abbreviation or a date's stop does not end the sentence.
        let o = la(
            "Tekst ukazał się pierwotnie 2 października 2024 r. w dzienniku \
             „Lausitzer Abendblatt”.",
        );
        assert_eq!(o.original_outlet.as_deref(), Some("Lausitzer Abendblatt"));
        let o = la("Zuerst erschienen am 14. August 2024 im „Kurier Nadodrzański“.");
        assert_eq!(o.original_outlet.as_deref(), Some("Kurier Nadodrzański"));
        // The reader's imperative (tú) form of the Spanish "read the original" link.
        assert!(la("Lee el artículo original aquí").republished);
    }

    #[test]
    fn round_67_writer_then_quoted_outlet_roles_and_print_editions() {
        let o = la("Оригинал: Санна Хейккинен, «Itä-Savon Viikko», 14 февраля 2025 г.");
        assert_eq!(o.original_outlet.as_deref(), Some("Itä-Savon Viikko"));
        // An outlet, then its article's title in quotation marks.
        let o =
            la("Source originale : The Harbor Review, « Water Is Not a Commodity », 3 avril 2025.");
        assert_eq!(o.original_outlet.as_deref(), Some("The Harbor Review"));
        assert!(line_attribution("By Priya Ramaswamy, Senior Fact Checker")
            .is_none_or(|l| l.source.is_none()));
        assert!(
            line_attribution("Dieser Beitrag erschien zuerst in der Printausgabe 3/2025.")
                .is_none_or(|l| l.original_outlet.is_none())
        );
    }

    #[test]
    fn round_64_a_joke_in_a_translation_labels_form() {
        assert!(line_attribution("Traduction : débrouillez-vous.").is_none_or(|l| !l.translated));
        assert!(la("Traduction : Marie Dupont").translated);
    }

    #[test]
    fn round_55_a_named_translator_a_dotted_field_and_an_automatic_feed() {
        // A one-word verb of translating counts when a name follows it...
        let t = la("Минулого місяця журналістка видання провела два дні з нашою командою. Публікуємо повний переклад її репортажу. Переклала Олена Гайдай, волонтерка.");
        assert!(t.translated);
        // ...not when it is prose about a translation.
        assert!(line_attribution(
            "Він довго працював у видавництві. Переклав він тоді лише одну книжку, і та не вийшла."
        )
        .is_none_or(|l| !l.translated));
        let s = la("Źródło: AIC · dodano 20.11.2024, 11:34");
        assert_eq!(s.source.as_deref(), Some("AIC"));
        // A colleague's contribution names no outlet.
        assert!(
            line_attribution("Mit Material von Jonas Weigand").is_none_or(|l| l.source.is_none())
        );
        assert_eq!(la("Mit Material von dpa").source.as_deref(), Some("dpa"));
        // A person after a byline's comma is a writer, not an outlet.
        assert!(line_attribution("Par notre correspondant, Bernard Chauvet")
            .is_none_or(|l| l.original_outlet.is_none()));
        // After a descriptor, the name in quotation marks.
        let q = la(
            "Этот материал вышел в издании «Северный ветер». Публикуем его с разрешения редакции.",
        );
        assert_eq!(q.original_outlet.as_deref(), Some("Северный ветер"));
        let f = la("Contenuto pubblicato da AGN tramite flusso automatico");
        assert!(f.republished);
        assert_eq!(f.original_outlet.as_deref(), Some("AGN"));
    }

    #[test]
    fn the_outlet_a_note_names_after_the_writer_or_a_descriptor() {
        assert_eq!(
            published_in(
                "Un article de Marta Colombo, paru dans Il Quotidiano del Lago le 3 février 2025."
            )
            .as_deref(),
            Some("Il Quotidiano del Lago")
        );
        let ch = la("Un article de Reto Ammann paru dans le Zürcher Wochenbote du 14 février 2025. Traduit de l'allemand par Martine Oulevay, bénévole à l'AVMD.");
        assert_eq!(ch.original_outlet.as_deref(), Some("Zürcher Wochenbote"));
        assert_eq!(ch.source.as_deref(), Some("Zürcher Wochenbote"));
        assert!(ch.translated && ch.republished);
        let it = la("Pubblichiamo la traduzione di un articolo di Daniel Okafor uscito sulla rivista britannica The Harbour Review il 3 febbraio 2025. Traduzione a cura di Giulia Ferraresi.");
        assert_eq!(it.original_outlet.as_deref(), Some("The Harbour Review"));
        assert!(it.translated);
        assert_eq!(
            la("Article original publié le 9 mars 2025 dans The Harbour Ledger.")
                .original_outlet
                .as_deref(),
            Some("The Harbour Ledger")
        );
        assert!(la("Artykuł ukazał się pierwotnie w serwisie The Heartland Ledger. Tłum. z jęz. angielskiego: Redakcja NP").translated);
    }

    #[test]
    fn a_street_after_via_is_no_source() {
        assert_eq!(la("via Reuters").source.as_deref(), Some("Reuters"));
        // (A number after the name is no address.)
        assert!(la("via France 24").source.is_some());
        for street in [
            "via Garibaldi a Sanremo",
            "Via del Porto 12, 18100 Portomare",
        ] {
            assert!(
                line_attribution(street).is_none_or(|a| a.source.is_none()),
                "{street}"
            );
        }
    }

    #[test]
    fn agencies_not_in_the_table_and_lists_of_sources() {
        assert_eq!(
            la("Par La Rédaction avec AOAP").source.as_deref(),
            Some("AOAP")
        );
        assert_eq!(
            la("avec l'Agence Boréale de presse").source.as_deref(),
            Some("Agence Boréale de presse")
        );
        assert_eq!(la("(AOAP)").source.as_deref(), Some("AOAP"));
        // A listed agency after a newsroom's byline.
        assert_eq!(
            la("Par la rédaction avec Belga").source.as_deref(),
            Some("Belga")
        );
        // A spaced dash ends the outlet's name.
        assert_eq!(
            la("Πηγή: Die Küstenpost – Το πρωτότυπο κείμενο της Jana Wellmer δημοσιεύθηκε στις 13 Ιουλίου 2024.")
                .original_outlet
                .as_deref(),
            Some("Die Küstenpost")
        );
        assert_eq!(
            la("Source originale : The Harbor Review, « Water Is Not a Commodity », 3 avril 2025.")
                .original_outlet
                .as_deref(),
            Some("The Harbor Review")
        );
        // A headline with "with" and initials credits nobody.
        assert!(agency_credit("Talks with NATO").is_none());
        // An obituary's name in capitals is no wire dateline.
        assert!(wire_dateline(
            "ROSSI, Norma Beatriz. – Falleció el 13/11/2025. Sus hijos participan."
        )
        .is_none());
        assert_eq!(
            wire_dateline("KYIV, 3 March - Ukrinform. The city council met.")
                .and_then(|a| a.source)
                .as_deref(),
            Some("Ukrinform")
        );
        assert_eq!(
            la("Par Camille Le Goff (avec AFP)").source.as_deref(),
            Some("AFP")
        );
        let own_with_agency = la("SOURCE : FRANCEMONDE avec AFP");
        assert_eq!(own_with_agency.source.as_deref(), Some("AFP"));
        assert!(!own_with_agency.republished);
        // The page's own name and an agency, the agency is the source.
        let own_and_agency = la("Źródło: Radio Nadwiślańskie/PAP");
        assert_eq!(own_and_agency.source.as_deref(), Some("PAP"));
        assert!(!own_and_agency.republished);
        // The word may close the line.
        assert!(agency_credit("Make with").is_none());
        assert!(agency_credit("Par X avec").is_none());
        assert!(
            line_attribution("Finanziert der Arbeitgeber die Versorgung, machen Sie mit").is_none()
        );
        assert!(agency_credit("(Oui)").is_none());
        // A fact-check's list of what it consulted is no republication.
        assert!(line_attribution(
            "Sources: Office cantonal de la protection de la population (VS), exploitant des barrages, vidéo originale."
        )
        .is_none_or(|a| !a.republished && a.original_outlet.is_none()));
        // One source, or a list opening with an agency, still credits it.
        assert!(la("Sources : Le Courrier national").republished);
        assert!(la("Оригинал материала опубликован на сайте ИА «Регион-Пресс».").republished);
    }

    #[test]
    fn described_outlets_and_notes_that_name_no_outlet() {
        let a = la("Ce reportage a d'abord été publié en ukrainien par l'hebdomadaire régional Visti Pivdnia. Traduit pour Regards Est-Ouest par Iryna Leclercq.");
        assert_eq!(a.original_outlet.as_deref(), Some("Visti Pivdnia"));
        assert!(a.republished && a.translated);
        let b = la("Cet article a paru initialement en anglais dans le mensuel The Harwick Courier. Nous le publions avec l'aimable autorisation de son autrice. Traduction : Marianne Dolt.");
        assert_eq!(b.original_outlet.as_deref(), Some("The Harwick Courier"));
        let c = la("Version originale : « Los pozos secos de San Abelardo », El Faro de Cuyo, 3 février 2025.");
        assert_eq!(c.original_outlet.as_deref(), Some("El Faro de Cuyo"));
        // A long sentence that mentions a first publication but names no outlet is prose.
        assert!(line_attribution("The report, first published in 2019 and updated twice since then, found that water bills in the region had risen faster than wages in every single year of the decade it covered.").is_none());
    }

    #[test]
    fn agencies_are_credits_long_notes_and_quoted_titles() {
        // A wire agency named as the source supplied the facts; another outlet is a repost.
        let a = la("SOURCE : Agence continentale de presse");
        assert!(!a.republished && a.original_outlet.is_none());
        assert!(
            la("Źródło: PAP").source.as_deref() == Some("PAP") && !la("Źródło: PAP").republished
        );
        let long = la("Cet article a été publié initialement en anglais par The Northern Ledger le 12 septembre 2024, sous le titre « The town that said no ». Nous le reproduisons avec l'aimable autorisation de son autrice.");
        assert_eq!(long.original_outlet.as_deref(), Some("The Northern Ledger"));
        let v =
            la("Version originale : « Kopalnia nie odpuści », Tygodnik Przełom, 18 avril 2025.");
        assert_eq!(v.original_outlet.as_deref(), Some("Tygodnik Przełom"));
        let note = la("Editor's note: This report first appeared in the Polish regional daily Kurier Nadbużański. It was translated for Workers' Lantern by volunteer Tomasz Ryl and is republished with permission.");
        assert_eq!(note.original_outlet.as_deref(), Some("Kurier Nadbużański"));
        assert!(note.translated);
    }

    #[test]
    fn source_lines() {
        let a = la("Source : RT");
        assert_eq!(a.source.as_deref(), Some("RT"));
        assert!(a.republished && a.note_only);
        assert_eq!(
            la("SOURCE: Sputnik News").source.as_deref(),
            Some("Sputnik News")
        );
        assert_eq!(
            la("Источник: РИА Новости").source.as_deref(),
            Some("РИА Новости")
        );
        assert_eq!(
            la("Quelle: Deutsche Welle").source.as_deref(),
            Some("Deutsche Welle")
        );
        assert_eq!(
            la("Źródło: Rzeczpospolita").source.as_deref(),
            Some("Rzeczpospolita")
        );
        assert_eq!(
            la("Un article de Mediapart").source.as_deref(),
            Some("Mediapart")
        );
        // How the text came is no part of the name.
        assert_eq!(
            la("Source : Agence Sahel Presse via notre flux automatique")
                .source
                .as_deref(),
            Some("Agence Sahel Presse")
        );
        // A chat export's forwarded message names the channel it came from.
        let fwd = la("Transféré depuis Radio Sfax Sud – l'info du Sud");
        assert!(fwd.republished);
        assert_eq!(fwd.original_outlet.as_deref(), Some("Radio Sfax Sud"));
    }

    #[test]
    fn a_source_label_counts_only_where_it_opens_the_line() {
        assert!(line_attribution(
            "▪️ Bel-Air et La Source : coupure de 8h à 16h les lundis et vendredis"
        )
        .is_none());
        assert_eq!(la("Source : RT").source.as_deref(), Some("RT"));
    }

    #[test]
    fn an_institution_credited_for_figures_is_no_source() {
        let r = la("SOURCE : Fédération horlogère");
        assert_eq!(r.source, None);
        assert!(!r.republished);
        assert_eq!(
            la("Source: World Grain Council, 2024 market report").source,
            None
        );
        // An outlet or an agency still is.
        assert_eq!(la("Source : RT").source.as_deref(), Some("RT"));
        assert_eq!(
            la("Źródło: Dziennik Elbląski").source.as_deref(),
            Some("Dziennik Elbląski")
        );
    }

    #[test]
    fn translation_credits_in_their_many_forms() {
        // A translator named with an initial, or ending the note's first sentence.
        assert!(la("Traduction : Sylvie M., bénévole au Cri du Peuple Libre.").translated);
        let r = la("Übersetzung: Heike Brandt. Der Text erschien zuerst auf Englisch in der Zeitschrift „The Meridian Review“.");
        assert!(r.translated);
        assert_eq!(r.original_outlet.as_deref(), Some("The Meridian Review"));
        // Feminine agreement, "du", a credit opening the second sentence.
        let r = la("Cette tribune a été publiée initialement en russe par la revue Geopolitika Segodnya. Traduction : Horizon Info.");
        assert!(r.republished && r.translated);
        assert_eq!(r.original_outlet.as_deref(), Some("Geopolitika Segodnya"));
        assert!(la("Traduction du russe : Pauline Ostrovski").translated);
        let r = la("Article paru le 9 février 2025 dans la Lausitzer Wochenpost (Cottbus). Traduit de l'allemand par Marc Delorme pour La Lanterne critique.");
        assert!(r.translated && !r.note_only);
        // Georgian: the outlet without its case ending.
        let r = la("სტატია პირველად გამოქვეყნდა The Caspian Review-ში.");
        assert!(r.republished);
        assert_eq!(r.original_outlet.as_deref(), Some("The Caspian Review"));
        assert!(la("თარგმანი: ნინო კაპანაძე").translated);
        // A forum's footer credits the software's translators, not the article's.
        assert!(!line_attribution(
            "Développé par phpBB® Forum Software © phpBB Limited | Traduit par phpBB-fr.com"
        )
        .is_some_and(|r| r.translated));
    }

    #[test]
    fn outlet_descriptors_and_clauses_are_not_part_of_the_name() {
        let r = la("Cet article, initialement publié par le quotidien Rzeczpospolita, a été traduit par notre équipe.");
        assert_eq!(r.original_outlet.as_deref(), Some("Rzeczpospolita"));
        assert!(r.republished && r.translated);
        let r =
            la("Originally published by the weekly The Baltic Ledger and translated from Polish.");
        assert_eq!(r.original_outlet.as_deref(), Some("The Baltic Ledger"));
        assert!(r.translated);
        // A capitalised descriptor is part of the name.
        let r = la("This article was originally published in The Daily Telegraph.");
        assert_eq!(r.original_outlet.as_deref(), Some("The Daily Telegraph"));
        assert_eq!(
            la("Source: The Daily Beast").source.as_deref(),
            Some("The Daily Beast")
        );
        assert_eq!(
            cut_at_clause("Barnes and Noble Review"),
            "Barnes and Noble Review"
        );
        let t = la("Traduction : Marie Dupont pour notre site");
        assert!(t.translated && t.original_outlet.is_none());
        // A note whose translation credit opens its second sentence names the outlet in its
        // first.
        let r = la("Un reportage de Jan Novak paru le 3 mars 2025 dans Ostravský Deník (Tchéquie). Traduit du tchèque par Marie Roux, bénévole de l'association.");
        assert_eq!(r.original_outlet.as_deref(), Some("Ostravský Deník"));
        assert!(r.translated);
        let r = la("Artículo de Ana Souza publicado originalmente en portugués en Folha do Cerrado (Brasil) el 2 de mayo. Traducido del portugués por Luis Gil.");
        assert_eq!(r.original_outlet.as_deref(), Some("Folha do Cerrado"));
        let r = la(
            "Un article de Chanda Mwale paru le 3 mai 2024 dans The Copperbelt Observer (Zambie).",
        );
        assert_eq!(r.source.as_deref(), Some("The Copperbelt Observer"));
        let r = la("Un article de Jan Novak paru le 3 mai 2024 dans Ostravský Deník (Tchéquie).");
        assert_eq!(r.source.as_deref(), Some("Ostravský Deník"));
        assert_eq!(
            la("(Source : Régie des eaux du Lac)").source.as_deref(),
            Some("Régie des eaux du Lac")
        );
        // A translator's credit, then the original's label in the next sentence.
        let r = la("Перевод с немецкого — Ольга Ким, специально для нашего канала. Оригинал: Allgäuer Wochenblatt, 4 марта 2025.");
        assert_eq!(r.original_outlet.as_deref(), Some("Allgäuer Wochenblatt"));
        let r = la("Переклад з англійської. Оригінал: Ann Lee, «A quiet harbour», The Harbour Review, 2 лютого 2025 року.");
        assert_eq!(r.original_outlet.as_deref(), Some("The Harbour Review"));
        // A descriptor in the locative case ("в издании", "w gazecie").
        let r =
            la("Этот материал впервые опубликован на польском языке в издании Kurier Mazurski.");
        assert_eq!(r.original_outlet.as_deref(), Some("Kurier Mazurski"));
        // The original's language, then the label's colon.
        let r = la("Оригинал статьи на немецком: Allgäuer Wochenblatt, 4 марта 2025");
        assert_eq!(r.original_outlet.as_deref(), Some("Allgäuer Wochenblatt"));
        assert!(r.republished);
    }

    #[test]
    fn original_and_translation() {
        let a = la("Lire l'article original ici : https://example.org/a/123");
        assert!(a.republished);
        assert_eq!(a.original_url.as_deref(), Some("https://example.org/a/123"));
        let t = la("Traduit de l'anglais par Marie Martin");
        assert!(t.translated && t.original_outlet.is_none());
        let t = la("Translated from Meduza");
        assert_eq!(t.original_outlet.as_deref(), Some("Meduza"));
        assert!(t.translated);
        let r = la("This article was originally published on The Conversation.");
        assert_eq!(r.original_outlet.as_deref(), Some("The Conversation"));
        assert!(la("Read the original article").republished);
        let r = la("This report was originally published by Tyler Durden at Zero Hedge");
        assert!(r.republished);
        assert_eq!(r.original_outlet.as_deref(), Some("Zero Hedge"));
        let p = la("Article posted with permission from The Free Thought Project");
        assert_eq!(
            p.original_outlet.as_deref(),
            Some("The Free Thought Project")
        );
        assert!(line_attribution(
            "Traduction : Biden aux entreprises qui gèrent les pompes à essence :"
        )
        .is_none());
        let b = la("By Jesse Smith, Star Tribune, September 26, 2018:");
        assert_eq!(b.original_outlet.as_deref(), Some("Star Tribune"));
        assert_eq!(
            la("Reprinted with permission from Consortiumnews.com.")
                .original_outlet
                .as_deref(),
            Some("Consortiumnews.com")
        );
        assert!(line_attribution("RICARDO ARDUENGO/AFP/Getty Images").is_none());
        assert!(la("Перевод: ИноСМИ").translated);
    }

    #[test]
    fn agencies_and_non_attributions() {
        let a = la("MOSCOW (Reuters) - The Kremlin said on Tuesday that talks would continue.");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert!(!a.note_only && !a.republished);
        assert_eq!(
            la("Par Jean Dupont, Le Figaro").original_outlet.as_deref(),
            Some("Le Figaro")
        );
        assert!(
            line_attribution("The source of the leak remains unknown to investigators.").is_none()
        );
        assert!(line_attribution(
            "Via Roma è stata chiusa al traffico per tutta la giornata di ieri."
        )
        .is_none());
        assert!(line_attribution("Un article de loi prévoit une hausse des taxes.").is_none());
        assert!(
            line_attribution("Les rapports montrent une hausse des prix de l'énergie.").is_none()
        );
    }

    #[test]
    fn agencies_known_by_their_dateline_form() {
        assert_eq!(
            bracketed_wire("(ASN) - GENOVA, 23 SET - I lavoratori portuali incroceranno")
                .as_deref(),
            Some("ASN")
        );
        assert_eq!(
            bracketed_wire("LOMÉ (ATN) — Le gouvernement a annoncé").as_deref(),
            Some("ATN")
        );
        assert_eq!(
            bracketed_wire("MOSCOU, 7 décembre (AEI) — La « Route de l'Ambre »").as_deref(),
            Some("AEI")
        );
        assert_eq!(
            bracketed_wire("თელავი, 4 სექტემბერი (საქინფორმი) — კახეთში").as_deref(),
            Some("საქინფორმი")
        );
        // Not an agency: a word in brackets, a city in lower case, no dash.
        assert_eq!(bracketed_wire("(Photo) - Paris, le 3 mars"), None);
        assert_eq!(bracketed_wire("Le maire (LR) - qui a démissionné"), None);
        assert_eq!(bracketed_wire("(ASN) Genova, 23 set"), None);
        let seg = la("Par Guennadi Sorokine – Le 28 janvier 2025 – Source Rousski Kourier");
        assert_eq!(seg.source.as_deref(), Some("Rousski Kourier"));
        assert_eq!(
            la("Keystone-ATS · il y a 3 h").source.as_deref(),
            Some("Keystone-ATS")
        );
    }

    #[test]
    fn roles_languages_and_agency_datelines() {
        // A role after a byline's comma is not an outlet.
        assert!(line_attribution("By Kerry Dunmore, Chief Reporter").is_none());
        assert_eq!(
            la("By Dana Whitcomb, Meridian News Service")
                .source
                .as_deref(),
            Some("Meridian News Service")
        );
        // "in Polish by X": the language is not the outlet.
        let r = la("This article was originally published in Polish by Gazeta Krasnoborska.");
        assert_eq!(r.original_outlet.as_deref(), Some("Gazeta Krasnoborska"));
        // An agency's own dateline credits it, without a republication.
        let w = la("МОСКВА, 14 фев — Вестник-Пресс. Урожай гречихи в России в 2024 году может превысить 1,6 миллиона тонн, что станет рекордом за десять лет и позволит увеличить экспорт.");
        assert_eq!(w.source.as_deref(), Some("Вестник-Пресс"));
        assert!(!w.republished);
    }

    #[test]
    fn a_writer_and_an_agency_and_reprints_by_permission() {
        assert_eq!(
            la("By Rachel Ostrowski and Atlantic Press Wire")
                .source
                .as_deref(),
            Some("Atlantic Press Wire")
        );
        // Two writers credit no agency.
        assert!(line_attribution("By Rachel Ostrowski and Tom Hale").is_none());
        let r = la("Article repris du Journal du Haut-Plateau avec son aimable autorisation.");
        assert_eq!(
            r.original_outlet.as_deref(),
            Some("Journal du Haut-Plateau")
        );
        assert!(r.republished);
        assert_eq!(
            la("Mit freundlicher Genehmigung der Lausitzer Rundschau.")
                .original_outlet
                .as_deref(),
            Some("Lausitzer Rundschau")
        );
        // A picture's permission is no text's.
        assert!(line_attribution(
            "Bild: Mit freundlicher Genehmigung von gettyimages/tolga tezcan"
        )
        .is_none());
    }
}
