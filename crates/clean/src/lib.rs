//! Site chrome removal and provenance detection for scraped news text.
//!
//! Text dumps of news sites carry the site around the article: menus ("TV / Infos / A La Une /
//! Asie"), share prompts, newsletter and donation pleas, cookie and comment notices, separator
//! lines, "read the original article here". Left in, they skew every analysis (a donation plea
//! reads as an appeal to emotion). [`clean_batch`] removes such lines, conservatively, and keeps
//! an audit trail in [`Article::removed`]; it also fills [`Article::attribution`] when the text
//! says where it came from.
//!
//! Line numbers are sacred (the SemEval task and every report refer to them): a removed line is
//! blanked, not deleted.
//!
//! Cues, all data-driven or structural, none about particular sites:
//! - per line (`chrome`): a phrase table per language (`data/patterns.tsv`), mostly for short
//!   lines; menus, breadcrumbs, separators, share rows, datelines, bylines, counters, widgets;
//! - per article (`structure`): where the body starts and ends, comment threads, runs of menu
//!   items, and the blocks around a removed line (a plea box, a cookie banner's buttons, the
//!   headlines under "Related", the site's name and tagline);
//! - across a batch (`repeat`): lines repeated in several articles of the same source (the
//!   batch is why the entry point takes a slice);
//! - provenance (`provenance`): attribution, reposts and translations, read from the same lines;
//!   the writer and the date (`writers`, and the head rules here) from the page as scraped, after
//!   cleaning, where the line rules named none.
//!
//! How well it does: `crates/clean/tests/labelled/` (batches rules were written from after they
//! were scored) and `crates/clean/tests/holdout/` (batches no rule was written from).

mod blocks;
mod chrome;
mod dates;
mod headline;
pub mod line_model;
mod patterns;
mod provenance;
mod repeat;
mod structure;
mod writers;

use std::sync::atomic::{AtomicBool, Ordering};

use newsprism_core::{Article, Attribution, RemovedLine};
use rayon::prelude::*;

use structure::{
    body_span, comment_thread, copyright_holder, edge_short_runs, extend_plea_blocks, outside_body,
    remove_ad_teasers, remove_agenda_boxes, remove_bare_bylines, remove_channel_names,
    remove_consent_buttons, remove_fenced_comments, remove_related_headlines, remove_site_names,
    remove_split_share_rows, remove_stamped_lists, remove_taglines, remove_ticker_runs,
    remove_title_prompts, remove_trailing_lists, restore_introduced_lines,
};

pub use provenance::{line_attribution, LineAttribution};

/// Knobs of the cleaner; the defaults are the conservative settings used by the CLI.
#[derive(Clone, Debug)]
pub struct CleanOptions {
    /// Remove chrome lines (false: only detect attribution).
    pub remove_chrome: bool,
    /// Phrase cues apply only to lines with at most this many words.
    pub max_chrome_words: usize,
    /// A line must appear in at least this many distinct articles of one source to count as
    /// repeated boilerplate.
    pub min_repeats: usize,
    /// Repeated lines longer than this are kept (real paragraphs quoted across articles).
    pub max_repeat_words: usize,
    /// Remove short lines that only state attribution ("Source: RT"); the attribution keeps them
    /// as evidence.
    pub remove_attribution_notes: bool,
    /// After the rules, remove the kept lines that the learned line model
    /// ([`line_model`]) scores as chrome above its threshold.
    pub line_model: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            remove_chrome: true,
            max_chrome_words: 12,
            min_repeats: 3,
            max_repeat_words: 25,
            remove_attribution_notes: true,
            line_model: true,
        }
    }
}

static DISABLED: AtomicBool = AtomicBool::new(false);

/// Turns cleaning off (or on again) for this process, e.g. for a `--no-clean` flag.
pub fn set_enabled(enabled: bool) {
    DISABLED.store(!enabled, Ordering::Relaxed);
}

/// Whether cleaning is on: not turned off by [`set_enabled`] nor by the environment variable
/// `NEWSPRISM_NO_CLEAN` (any value but empty or `0`).
pub fn enabled() -> bool {
    if DISABLED.load(Ordering::Relaxed) {
        return false;
    }
    !std::env::var("NEWSPRISM_NO_CLEAN").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Cleans a batch of articles in place: removes chrome lines (blanking them, recorded in
/// `removed`) and fills `attribution`. Linear in the total text size.
pub fn clean_batch(articles: &mut [Article], opts: &CleanOptions) {
    let repeated = if opts.remove_chrome {
        repeat::repeated_lines(articles, opts)
    } else {
        Vec::new()
    };
    // Each article is cleaned on its own once the cross-article cue is known, so the batch is
    // spread over the cores (on the SemEval split cleaning took as long as the classifiers).
    articles.par_iter_mut().enumerate().for_each(|(i, a)| {
        let rep = repeated.get(i).map_or(&[][..], Vec::as_slice);
        clean_guarded(a, opts, rep);
    });
}

/// Cleans one article; should a rule panic on some input nobody foresaw (the rules are
/// heuristics over arbitrary text), the article is kept as it came, uncleaned, and the batch
/// goes on: one odd line must not cost a user the other ten thousand articles. The panic's
/// message still reaches stderr through the panic hook.
fn clean_guarded(a: &mut Article, opts: &CleanOptions, repeated: &[usize]) {
    let long = clip_long_lines(a);
    let original = a.clone();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        clean_one(a, opts, repeated)
    }));
    if run.is_err() {
        *a = original;
    }
    restore_long_lines(a, long);
}

/// Longest prefix of a line the rules read. Real paragraphs are far shorter (the longest line of
/// the SemEval split is 7.4 KB, of the labelled dumps under 1 KB), but a scraped page may be one
/// line of megabytes, and dozens of rules each read a line, lower-case it or search it: on such a
/// page cleaning took a minute. A longer line is judged by its first 16 KB, the prefix the
/// classifiers featurise too, and keeps or loses its whole text by that judgement.
const MAX_RULE_LINE_BYTES: usize = 16 * 1024;

/// Cuts every line longer than [`MAX_RULE_LINE_BYTES`] to that prefix for the rules, handing
/// back the full texts (0-based line, text) for [`restore_long_lines`].
fn clip_long_lines(a: &mut Article) -> Vec<(usize, String)> {
    let mut long = Vec::new();
    for (i, line) in a.lines.iter_mut().enumerate() {
        if line.len() > MAX_RULE_LINE_BYTES {
            let prefix = newsprism_core::text::clip(line, MAX_RULE_LINE_BYTES).to_string();
            long.push((i, std::mem::replace(line, prefix)));
        }
    }
    long
}

/// Puts the full texts back where the rules saw prefixes: in the line when it was kept, in its
/// record in `removed` when it went (cleaning only ever blanks a line or restores it whole).
fn restore_long_lines(a: &mut Article, long: Vec<(usize, String)>) {
    for (i, full) in long {
        if a.lines[i].is_empty() {
            if let Some(r) = a.removed.iter_mut().find(|r| r.line as usize == i + 1) {
                r.text = full;
                continue;
            }
        }
        // Kept, or (were a rule ever to blank a line without recording it) kept rather than lost.
        a.lines[i] = full;
    }
}

/// Cleans one article on its own (no cross-article cue).
pub fn clean_article(article: &mut Article, opts: &CleanOptions) {
    clean_guarded(article, opts, &[]);
}

fn clean_one(a: &mut Article, opts: &CleanOptions, repeated: &[usize]) {
    // A scrape whose first line is the site's menu and whose second is blank has the task
    // layout's shape (title, blank line, body), but its line 1 is no headline: it is judged
    // like any other line, and the headline is looked for under it.
    if opts.remove_chrome
        && a.title_is_line_1
        && a.lines.first().is_some_and(|l| chrome::is_menu(l.trim()))
    {
        a.title_is_line_1 = false;
        if a.title.as_deref().map(str::trim) == a.lines.first().map(|l| l.trim()) {
            a.title = None;
        }
    }
    let nonempty: Vec<usize> = a
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    let n = nonempty.len();
    // A comment thread under the article is prose too: the body ends where it starts.
    let thread = opts
        .remove_chrome
        .then(|| comment_thread(&a.lines, &nonempty))
        .flatten();
    let body = body_span(
        &a.lines,
        &nonempty[..thread.unwrap_or(n)],
        a.title_is_line_1,
        opts,
    );
    let link_list = edge_short_runs(&a.lines, &nonempty, a.title_is_line_1, body);
    let mut attribution = a.attribution.take().unwrap_or_default();
    // A source credited between two paragraphs, kept for when no credit outside the body names
    // the article's own source.
    let mut inside_source: Option<String> = None;
    // Each "SOURCE :" line's credited name, and whether the line credits a document or data.
    let mut credits: Vec<(String, bool)> = Vec::new();
    // Whether something other than a data credit says the text is a repost.
    let mut repost_elsewhere = attribution.republished;
    let mut found_attr = !attribution.evidence.is_empty() || attribution.republished;
    // Whether `published` came from a line that says it is the publication date.
    let mut published_labelled = false;
    // An archive's or a cache's header over the copy: its dates are the capture's.
    let archive_head = chrome::archive_head(&a.lines, &nonempty);
    // Its banner goes however long it runs ("Ceci est la version en cache de https://… de
    // Google. Il s'agit d'un instantané de la page …"): the line rules read phrases only in
    // short lines.
    for &i in &nonempty[..archive_head] {
        let long = a.lines[i].split_whitespace().count() > opts.max_chrome_words;
        if long && chrome::is_archive_banner(a.lines[i].trim()) {
            structure::blank(a, i, "archive banner");
        }
    }
    // The page's own outlet: its metadata, the name in its copyright line, or the channel
    // whose posts a chat export holds (its forward from its own newsroom is no repost).
    let own = a
        .source
        .clone()
        .or_else(|| nonempty.iter().find_map(|&i| copyright_holder(&a.lines[i])))
        .or_else(|| {
            nonempty
                .iter()
                .find_map(|&i| chrome::export_sender(a.lines[i].trim()).map(str::to_string))
        })
        .or_else(|| chrome::social_poster(&a.lines, &nonempty))
        .map(|s| s.to_lowercase());
    for (rank, &i) in nonempty.iter().enumerate() {
        let is_title = a.title_is_line_1 && i == 0;
        let line = a.lines[i].clone();
        let mut reason: Option<String> = None;
        if let Some(mut la) = provenance::line_attribution(&line) {
            // "SOURCE : X", "Źródło: X": a credit under its label, not a note in a sentence.
            let labelled = opens_with_source_label(&line);
            // Crediting the article's own outlet is not a republication.
            if let (Some(own), Some(src)) =
                (&own, la.source.as_deref().or(la.original_outlet.as_deref()))
            {
                let src_lower = src.to_lowercase();
                // ("Source : SRES / Radio Sud Horizon" on Radio Sud Horizon 98.6 FM's post: one
                // of the credited names is the page's own.)
                let names_own = src_lower
                    .split(['/', ','])
                    .map(str::trim)
                    .any(|p| p.split_whitespace().count() >= 2 && own.contains(p));
                if own.contains(&src_lower)
                    || src_lower.contains(own.as_str())
                    || names_own
                    || abbreviates_own(src, own)
                {
                    // "HARLAN FALLS (KVRT) - …" on KVRT's own site credits nobody else; an
                    // agency stays the source on its own site and where its name is in the
                    // copyright line ("© AFP" under wire copy), and so does an explicit
                    // "SOURCE :" label.
                    if !provenance::is_news_agency(src)
                        && !provenance::is_news_agency(own)
                        && !labelled
                    {
                        la.source = None;
                    }
                    // (A translation of its own other-language service is still a republished
                    // translation: "Traduit de l'anglais. Cette tribune a d'abord été publiée
                    // sur le site anglophone de Horizon International.")
                    la.republished &= la.translated;
                    la.original_outlet = None;
                }
            }
            let data_credit = labelled && is_data_credit(&line);
            if let Some(src) = la.source.as_ref().filter(|_| labelled) {
                credits.push((src.clone(), data_credit));
            }
            // "SOURCE : Institut statistique de X", "Źródło: APN" between two paragraphs credits
            // what the paragraph above reports (figures, agency copy); it does not make the
            // article a repost.
            // (Two lines or more of the body below it: an author's bio may follow the credit.)
            let inside = body.is_some_and(|(first, last)| first < rank && rank + 2 <= last);
            if inside && !la.translated && labelled {
                la.original_outlet = None;
                la.republished = false;
                // "SOURCE : Office statistique de X" mid-text credits figures; a "SOURCE : RIH"
                // under the article says whose text it is, and wins.
                if let Some(src) = la.source.take() {
                    inside_source.get_or_insert(src);
                }
            }
            // "Un article de Hannah Crewe, traduit de l'anglais …": a person's name where the
            // outlet would stand is the writer, not where the text came from.
            if let Some(name) = provenance::written_by(&line) {
                a.author.get_or_insert(name);
                la.source = None;
                la.original_outlet = None;
                la.republished &= la.translated;
                // "…, paru dans Il Quotidiano del Lago le 3 février": the outlet comes after.
                if let Some(outlet) = provenance::published_in(&line) {
                    la.source = Some(outlet.clone());
                    la.original_outlet = Some(outlet);
                    la.republished = true;
                }
            }
            // A long sentence that happens to open like a note ("Read the original agreement
            // from 2009, the union says, ...") and names no outlet is prose; it still counts as
            // evidence.
            let note = la.note_only
                && (line.split_whitespace().count() <= MAX_NOTE_WORDS
                    || la.source.is_some()
                    || la.original_outlet.is_some()
                    || la.original_url.is_some());
            repost_elsewhere |= la.republished && !data_credit;
            provenance::merge(&mut attribution, la, &line);
            found_attr = true;
            // "Par Jonas Albrecht, traduit de l'allemand par Claire Vidal", "Source : X |
            // Auteur : Y": the note is also the byline.
            if a.author.is_none() && rank < 12 {
                // "Par Lucía Ferreyra, El Faro de Cuyo — traduit de l'espagnol par …": the
                // byline is the part before the first comma or dash.
                // ("… sous le titre « … ». Texte : Rocío Almansa.": or a sentence of its own.)
                a.author = line
                    .split(" | ")
                    .chain(line.split(". ").skip(1))
                    .find_map(|seg| {
                        chrome::byline_name(seg)
                            .or_else(|| chrome::byline_name(seg.split([',', '—', '–']).next()?))
                            // ("By Rachel Ostrowski and Atlantic Press Wire": the writer.)
                            .or_else(|| {
                                provenance::WRITER_JOINERS
                                    .iter()
                                    .find_map(|a| chrome::byline_name(seg.split_once(a)?.0))
                            })
                    })
                    .filter(|n| chrome::is_person_name(n) && !chrome::is_newsroom(n));
            }
            if note && opts.remove_attribution_notes && !is_title {
                reason = Some("attribution note".into());
            }
        }
        if reason.is_none() && opts.remove_chrome && !is_title {
            let pos = chrome::Position {
                from_start: rank,
                from_end: n - 1 - rank,
                outside_body: outside_body(body, rank),
                near_body_start: body.is_some_and(|(first, _)| rank <= first + 3),
            };
            // A commenter's name and date ("Ibou Diallo — 12/08/2024 à 17h22") are no byline:
            // inside the thread under the article nothing is read as the page's metadata.
            let in_thread = thread.is_some_and(|t| rank >= t);
            if in_thread {
                reason = Some("comment thread".into());
            } else if let Some(r) = chrome::chrome_reason(&line, pos, opts) {
                // "Le 18/03/2025 à 17:45 | mis à jour le 19/03/2025": a metadata line's first
                // date is the publication's.
                // "Jeudi 8 février 2024" in the masthead, then "Publié le 7 février 2024 à
                // 5 h 00" above the article: a date its label says is the publication's wins
                // over a bare one (the day's date at the top of the page).
                // (A forum's first post header dates the thread: "#1 Сообщение 18 апр 2024,
                // 21:07".)
                let dated = matches!(r, "dateline" | "page metadata line" | "forum post header")
                    && rank >= archive_head;
                let labelled = dated
                    && !is_update_line(&line)
                    && chrome::is_dateline(&patterns::normalize(&line));
                if labelled && !published_labelled {
                    if let Some(date) = dates::first_date(&line) {
                        a.published = Some(date);
                        published_labelled = true;
                    }
                }
                if dated && a.published.is_none() {
                    a.published = dates::first_date(&line);
                    // "Updated Wed, March 19th 2025" under a bare "Tue, March 18th 2025 at
                    // 6:21 PM": the date above is the publication's.
                    if is_update_line(&line) {
                        let above = rank
                            .checked_sub(1)
                            .map(|k| a.lines[nonempty[k]].as_str())
                            .filter(|l| l.split_whitespace().count() <= 10)
                            .and_then(dates::first_date);
                        if let (Some(above), Some(this)) = (above, a.published.as_deref()) {
                            if above.as_str() <= this {
                                a.published = Some(above);
                            }
                        }
                    }
                }
                if r == "dateline" && a.author.is_none() {
                    a.author = chrome::dateline_author(&line).filter(|n| !chrome::is_newsroom(n));
                }
                if r == "byline" && a.author.is_none() {
                    // "Par la rédaction", "di Redazione" are bylines but name nobody.
                    a.author = chrome::byline_name(&line).filter(|n| {
                        n.split_whitespace()
                            .any(|w| w.starts_with(char::is_uppercase))
                            && !chrome::is_newsroom(n)
                            && !names_the_site(a, n)
                    });
                }
                if r == "byline" && rank >= archive_head {
                    if let Some((name, date)) = chrome::name_date(&line) {
                        a.author.get_or_insert(name);
                        a.published.get_or_insert(date);
                    }
                }
                reason = Some(r.into());
            } else if link_list.contains(&i) {
                reason = Some("link list".into());
            } else if repeated.contains(&i) {
                reason = Some("repeated across source".into());
            }
        }
        if let Some(reason) = reason {
            a.removed.push(RemovedLine {
                line: i as u32 + 1,
                text: line,
                reason,
            });
            a.lines[i].clear();
        }
    }
    if opts.remove_chrome {
        remove_split_share_rows(a, &nonempty, body);
        remove_ticker_runs(a, &nonempty);
        extend_plea_blocks(a, &nonempty);
        structure::remove_box_texts(a, &nonempty, body);
        remove_consent_buttons(a, &nonempty);
        remove_ad_teasers(a, &nonempty);
        structure::remove_native_ads(a, &nonempty);
        remove_title_prompts(a, &nonempty);
        remove_fenced_comments(a, &nonempty);
        remove_stamped_lists(a, &nonempty);
        remove_agenda_boxes(a, &nonempty);
        structure::remove_bare_count_runs(a, &nonempty);
        blocks::remove_score_widgets(a, &nonempty);
        blocks::remove_archive_toolbar(a, &nonempty);
        blocks::remove_mail_headers(a, &nonempty);
        blocks::remove_briefs_columns(a, &nonempty);
        remove_related_headlines(a, &nonempty, body);
        remove_trailing_lists(a, &nonempty, body);
        structure::remove_league_tables(a, &nonempty, body);
        remove_site_names(a, &nonempty, body, own.as_deref());
        remove_channel_names(a, &nonempty);
        blocks::remove_poster_names(a, &nonempty);
        blocks::remove_post_display_names(a, &nonempty);
        blocks::remove_forum_replies(a, &nonempty);
        blocks::remove_commenter_names(a, &nonempty);
        blocks::remove_chat_replies(a, &nonempty);
        blocks::remove_message_stamps(a, &nonempty);
        blocks::remove_poll_boxes(a, &nonempty);
        blocks::remove_notice_boxes(a);
        blocks::remove_fact_boxes(a, &nonempty);
        blocks::remove_drawn_boxes(a);
        blocks::remove_transcript_notices(a, &nonempty);
        remove_taglines(a, &nonempty, body);
        structure::remove_masthead(a, &nonempty, body);
        remove_bare_bylines(a, &nonempty, body);
        structure::restore_dated_headlines(a, &nonempty);
        let restored = restore_introduced_lines(a, &nonempty);
        blocks::remove_repeated_furniture(a, &nonempty);
        blocks::remove_running_headers(a, &nonempty);
        // A plea box or a legal notice removed above may have been taken for the first or last
        // paragraph; with it gone the body is shorter, and the lines between are looked at again
        // as lines outside it (a related-articles list above a newsletter box).
        let narrowed = body_span(
            &a.lines,
            &nonempty[..thread.unwrap_or(n)],
            a.title_is_line_1,
            opts,
        );
        if narrowed != body && narrowed.is_some() {
            clean_outside(a, &nonempty, body, narrowed, &restored, opts);
        }
        a.removed.sort_by_key(|r| r.line);
    }
    if a.author.is_none() || a.published.is_none() {
        head_metadata(
            a,
            &nonempty[archive_head..],
            body.map(|(f, l)| {
                (
                    f.saturating_sub(archive_head),
                    l.saturating_sub(archive_head),
                )
            }),
        );
    }
    // "Por Valentina Soria Acuña" below the standfirst: a byline inside the body's span, which
    // the line rules leave in the text (a name there may open a sentence), still names the
    // writer. Only a short line near the top that reads as a byline and nothing else.
    if a.author.is_none() {
        let author = byline_near_top(nonempty.iter().map(|&i| scraped_line(a, i)), |n| {
            !names_the_site(a, n)
        });
        a.author = author;
    }
    // A wire story names its reporter under the text; the last lines are read as scraped.
    if a.author.is_none() {
        a.author = nonempty
            .iter()
            .rev()
            .take(30)
            .find_map(|&i| chrome::reporting_credit(scraped_line(a, i)));
    }
    // Bylines the line rules do not read ("Rédigé par X | date", "By A & B", "Autorzy: A,
    // B"), or the writer's bare name beside the date.
    if a.author.is_none() {
        let body_start = body.map(|(first, _)| first);
        a.author = writers::from_head(
            &nonempty,
            body_start,
            |i| scraped_line(a, i),
            |n| !names_the_site(a, n),
        );
    }
    // On a translation the writer is the original's: "Article original de X, paru dans Y"
    // names them where the page's own byline names its poster ("Publié par Admin …").
    if a.author.is_none() || attribution.translated {
        if let Some(outlet) = attribution.original_outlet.as_deref() {
            if let Some(w) = writers::with_outlet(&nonempty, outlet, |i| scraped_line(a, i)) {
                a.author = Some(w);
            }
        }
    }
    // "29 novembre 2024 à 16 h 45", "Dodano: 19.05.2023" further down the head than the date
    // rules look: the first short dated line of the page's top is its date.
    if a.published.is_none() {
        a.published = nonempty
            .iter()
            .skip(archive_head.max(1))
            .take(25)
            // A teaser's, an embedded post's or a comment's date is theirs, not the page's.
            .filter(|&&i| removed_at(a, i).is_none_or(|r| !dates_something_else(&r.reason)))
            .map(|&i| scraped_line(a, i))
            // ("Dołączył: 14 sty 2011": a poster's panel dates the account; "— Name (@handle)
            // June 18, 2022" signs an embedded post.)
            .filter(|l| {
                writers::words_up_to(l, 13) <= 12
                    && !is_sentence(l)
                    && !l.contains('@')
                    && !chrome::is_forum_panel(&patterns::normalize(l))
            })
            .find_map(dates::first_date);
    }
    // "Source : Le Quotidien du Baol" above "… publié sur lequotidiendubaol.sn": the outlet's
    // written name rather than its web address (or a name in lower case).
    let weak = |n: &Option<String>| n.as_deref().is_some_and(provenance::is_weak_name);
    if weak(&attribution.original_outlet)
        && inside_source
            .as_deref()
            .is_some_and(|s| !provenance::is_weak_name(s))
    {
        attribution.original_outlet = inside_source.clone();
        if weak(&attribution.source) {
            attribution.source = None;
        }
    }
    // A repost credits the outlet it reposts.
    if attribution.source.is_none() && attribution.republished {
        attribution.source = attribution.original_outlet.clone();
    }
    if attribution.source.is_none() {
        attribution.source = inside_source;
    }
    // "SOURCE : Eurostat, rapport annuel 2024", "SOURCE : FAO ; calculs de l'auteur" under an
    // opinion piece's figures: where a page has several credits, those that describe a document
    // (a date, a title after a comma) credit what the paragraph above cites, not the text, and
    // make no repost, even under the last paragraph. The text's own credit is a bare name
    // ("SOURCE : RIH"); with none, the page names no source.
    if credits.len() >= 2 && credits.iter().any(|(_, data)| *data) {
        // ("SOURCE : Novapress / Horizon Monde" under "SOURCE : Novapress, d'après …" names
        // Novapress bare.)
        let credited =
            |name: &str, data: bool| credits.iter().any(|(s, d)| *d == data && s.contains(name));
        let only_data = |name: &str| credited(name, true) && !credited(name, false);
        let last_bare = credits
            .iter()
            .rev()
            .find(|(_, data)| !data)
            .map(|(s, _)| s.clone());
        if attribution.republished && !repost_elsewhere && !attribution.translated {
            attribution.republished = false;
            attribution.original_outlet = None;
        }
        if attribution
            .original_outlet
            .as_deref()
            .is_some_and(only_data)
        {
            attribution.original_outlet = last_bare.clone().filter(|_| attribution.republished);
        }
        if attribution.source.as_deref().is_some_and(only_data) {
            attribution.source = last_bare;
        }
    }
    // "Source : L'Écho de la Mauricie, 21 mai 2024" under an article pasted into a forum thread
    // (the page has posters' headers or panels): the paste is that outlet's text, a repost,
    // wherever the credit stands in the thread.
    let forum = a
        .removed
        .iter()
        .any(|r| matches!(r.reason.as_str(), "forum post header" | "forum user panel"));
    if forum && !attribution.republished {
        if let Some(src) = attribution
            .source
            .clone()
            .filter(|s| !provenance::is_institution(s))
        {
            attribution.original_outlet = Some(src);
            attribution.republished = true;
            found_attr = true;
        }
    }
    // "Source : Agence Lagunaire de Presse (ALP)" over "Lire l'article original sur le site de
    // l'ALP": a repost that names no other outlet is of its credited source's text.
    if attribution.republished && attribution.original_outlet.is_none() {
        attribution.original_outlet = attribution.source.clone();
    }
    // A translation is of somebody's text: with no other outlet named, of the credited source's
    // ("Source : Agence X" over "Traduit du russe par …").
    if attribution.translated && attribution.original_outlet.is_none() {
        attribution.original_outlet = attribution.source.clone();
    }
    a.author = a.author.take().map(|n| chrome::without_title(&n));
    // Last, once the metadata has been read from the lines as scraped.
    if opts.remove_chrome && opts.line_model {
        line_model::apply(a, line_model::LineModel::shipped());
    }
    a.attribution = found_attr.then_some(attribution).filter(has_content);
    if opts.remove_chrome {
        if let Some(h) = headline::headline(a) {
            a.title = Some(h);
        }
    }
}

/// Whether a credited name is the page's own outlet (`own`, lower-cased) in short: its initials
/// ("SOURCE : HMTV" on Horizon Mondial TV, "EA" on Eurasie Aujourd'hui; a word of one or two
/// letters, such as "TV", may stand whole) or its web address ("TV NKN / nkn.pl" on NKN.pl).
/// Only a credit written in capitals or as an address counts, so a word that happens to match
/// does not.
fn abbreviates_own(credit: &str, own: &str) -> bool {
    let stem = |w: &str| -> String {
        w.split('.')
            .next()
            .unwrap_or(w)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let own_words: Vec<&str> = own
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let initials: String = own_words.iter().filter_map(|w| w.chars().next()).collect();
    let short_whole: String = own_words
        .iter()
        .map(|w| {
            if w.chars().count() <= 2 {
                (*w).to_string()
            } else {
                w.chars().next().map(String::from).unwrap_or_default()
            }
        })
        .collect();
    let own_stems: Vec<String> = own_words
        .iter()
        .map(|w| stem(w))
        .filter(|s| s.chars().count() >= 3)
        .collect();
    credit.split(['/', ',', ' ']).any(|part| {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = part.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = (2..=6).contains(&letters)
            && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let address = part.contains('.') && part.chars().all(|c| !c.is_uppercase());
        if !(acronym || address) {
            return false;
        }
        let s = stem(part);
        (acronym && own_words.len() >= 2 && (s == initials || s == short_whole))
            || own_stems.contains(&s)
    })
}

/// Second look at the lines that a narrower body leaves outside it: the per-line cues that hold
/// only outside the article, then the structural ones, with the narrower body. Lines that
/// `restore_introduced_lines` brought back are not judged again.
fn clean_outside(
    a: &mut Article,
    nonempty: &[usize],
    wide: Option<(usize, usize)>,
    narrow: Option<(usize, usize)>,
    restored: &[usize],
    opts: &CleanOptions,
) {
    let n = nonempty.len();
    for (rank, &i) in nonempty.iter().enumerate() {
        let newly_outside = outside_body(narrow, rank) && !outside_body(wide, rank);
        if !newly_outside
            || a.lines[i].trim().is_empty()
            || (a.title_is_line_1 && i == 0)
            || restored.binary_search(&i).is_ok()
        {
            continue;
        }
        let pos = chrome::Position {
            from_start: rank,
            from_end: n - 1 - rank,
            outside_body: true,
            near_body_start: false,
        };
        if let Some(r) = chrome::chrome_reason(&a.lines[i], pos, opts) {
            structure::blank(a, i, r);
        }
    }
    let title = a.title_is_line_1;
    for i in edge_short_runs(&a.lines, nonempty, title, narrow) {
        if !a.lines[i].trim().is_empty() && restored.binary_search(&i).is_err() {
            structure::blank(a, i, "link list");
        }
    }
    remove_split_share_rows(a, nonempty, narrow);
    let before = a.removed.len();
    remove_related_headlines(a, nonempty, narrow);
    remove_trailing_lists(a, nonempty, narrow);
    restore_wrapped_prose(a, nonempty, before);
    remove_taglines(a, nonempty, narrow);
    structure::remove_box_texts(a, nonempty, narrow);
}

/// Lines the list passes took (from `a.removed[from..]`) that are a printed column's prose
/// wrapped line by line ("Deux visites de chantier sont proposées le samedi" / "14 juin à 10 h
/// et à 14 h. Inscription obligatoire"): a list of headlines has no item that runs on into
/// the next line. The whole run of such lines comes back, as the narrowed body's edge was
/// misread on short wrapped lines.
fn restore_wrapped_prose(a: &mut Article, nonempty: &[usize], from: usize) {
    // What the passes took, by line (0-based), with its text.
    let mut taken: Vec<(usize, &str)> = a.removed[from..]
        .iter()
        .map(|r| (r.line as usize - 1, r.text.as_str()))
        .collect();
    if taken.is_empty() {
        return;
    }
    taken.sort_unstable_by_key(|&(i, _)| i);
    let taken_text = |i: usize| {
        taken
            .binary_search_by_key(&i, |&(j, _)| j)
            .ok()
            .map(|p| taken[p].1)
    };
    let text = |i: usize| taken_text(i).unwrap_or(a.lines[i].as_str());
    let wraps = |k: usize| {
        let t = text(nonempty[k]).trim();
        !t.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')'])
            && nonempty.get(k + 1).is_some_and(|&j| {
                text(j)
                    .trim_start()
                    .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            })
    };
    let mut back = Vec::new();
    let mut k = 0;
    while k < nonempty.len() {
        if taken_text(nonempty[k]).is_none() {
            k += 1;
            continue;
        }
        let end = (k..nonempty.len())
            .find(|&e| taken_text(nonempty[e]).is_none())
            .unwrap_or(nonempty.len());
        if (k..end).any(wraps) {
            back.extend_from_slice(&nonempty[k..end]);
        }
        k = end;
    }
    // (`nonempty` is in line order, so `back` is sorted.)
    structure::put_back(a, &back);
}

/// "Source :", "Sources:", "Źródło:", "Quelle:": the label of a credit line.
fn opens_with_source_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "source",
        "sources",
        "źródło",
        "fonte",
        "fuente",
        "источник",
        "джерело",
        "quelle",
        "πηγή",
        "წყარო",
        "source(s)",
    ];
    // The label alone, then its colon: "Source originale :" names the original.
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let colon = first.ends_with(':') || words.next() == Some(":");
    colon && LABELS.contains(&first.trim_end_matches(':').to_lowercase().as_str())
}

/// "SOURCE : Eurostat, rapport annuel 2024", "ИСТОЧНИК: данные биржевых торгов, февраль 2024":
/// a credit that names a document, a date or a calculation after the credited name, as charts'
/// and figures' credits do; an outlet's credit is its name ("SOURCE : RIH", with perhaps a
/// time stamp after a bar or a dot, "SOURCE : HPTV | 2025-02-26 14:05", "Źródło: AIC · dodano
/// 20.11.2024").
fn is_data_credit(line: &str) -> bool {
    let credit = line.split_once(':').map_or(line, |(_, c)| c);
    let credit = credit.split(" | ").next().unwrap_or(credit);
    let credit = credit.split(" · ").next().unwrap_or(credit).trim();
    let described = credit
        .split_once([',', ';'])
        .is_some_and(|(_, rest)| rest.chars().any(char::is_alphanumeric));
    // ("SOURCE : MWS calculations based on port authority data": a name is shorter.)
    described
        || credit.contains(|c: char| c.is_ascii_digit())
        || credit.split_whitespace().nth(6).is_some()
}

/// "Updated …", "Mis à jour le …", "Aktualisiert am …": a dateline that gives the last change,
/// not the publication.
fn is_update_line(line: &str) -> bool {
    const UPDATE: &[&str] = &[
        "updated",
        "last updated",
        "mis à jour",
        "modifié",
        "actualisé",
        "aktualisiert",
        "zuletzt aktualisiert",
        "aggiornato",
        "modificato",
        "aktualizacja",
        "zaktualizowano",
        "обновлено",
        "actualizado",
        "modificado",
    ];
    let norm = patterns::normalize(line);
    UPDATE.iter().any(|u| {
        norm.strip_prefix(u)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    })
}

/// Whether `name` is the site's own ("Diario El Tallán" on eltallan.pe, "Tamsin Valley Herald"
/// on tamsinvalleyherald.com): a masthead above a date reads like a writer's name beside it.
/// Told by a web address of the page whose main label the name's letters hold.
pub(crate) fn names_the_site(a: &Article, name: &str) -> bool {
    let letters = fold_letters(name);
    if letters.len() < 5 {
        return false;
    }
    a.lines
        .iter()
        .chain(a.removed.iter().map(|r| &r.text))
        .flat_map(|l| l.split_whitespace())
        .filter(|w| w.contains("www.") || w.contains("://"))
        .filter_map(|w| w.split("://").last()?.split('/').next())
        // The host's labels but the last: "eltallan" of "eltallan.pe", "tynedale-courier" (and
        // "co") of "tynedale-courier.co.uk".
        .flat_map(|host| host.split('.').rev().skip(1).map(fold_letters))
        .any(|label| label.len() >= 5 && letters.contains(&label))
}

/// A name read above the article that can be its writer's: a person's, not a newsroom's
/// ("Redazione") nor the site's own masthead.
fn is_writer_name(a: &Article, name: &str) -> bool {
    chrome::is_person_name(name) && !chrome::is_newsroom(name) && !names_the_site(a, name)
}

/// Lower-case ASCII letters and digits of `s`, accents dropped ("Tallán" → "tallan"): how a name
/// is spelled in a web address.
fn fold_letters(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some('a'),
            'ç' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'ñ' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// How many non-empty lines above the body [`head_metadata`] reads.
const HEAD_LINES: usize = 15;

/// The author and date from the short lines above the article's first paragraph (of the body
/// found before cleaning), when no byline or dateline rule gave them: "Par Karim Belkacem – 12
/// février 2024 à 21h40 – Lecture 4 min", "Alexeï Korvine, politologue, directeur du Centre …",
/// "Kurier X · Dodano: 05.02.2025, 14:20", "12 luglio 2024 ore 10:34". Above the body such lines
/// are the page's metadata; a date there is the publication date (or its update, a day or so
/// later at most). The lines are read as scraped: a removed line's text is in `a.removed`.
fn head_metadata(a: &mut Article, nonempty: &[usize], body: Option<(usize, usize)>) {
    let title = a.lines[0].trim().to_lowercase();
    let head: Vec<&str> = nonempty
        .iter()
        .take(body.map_or(HEAD_LINES, |(first, _)| first.min(HEAD_LINES)))
        // The first line is the title, whatever the layout.
        .filter(|&&i| i != 0)
        .map(|&i| scraped_line(a, i))
        // The title printed again above the body is not metadata.
        .filter(|line| !structure::holds_title(line, &title))
        .collect();
    let short = |line: &str| line.split_whitespace().count() <= 15;
    // ("Dołączył: 14 sty 2011 | Posty: 3218": a forum poster's panel dates the account, not
    // the page.)
    let dates: Vec<Option<String>> = head
        .iter()
        .map(|l| {
            (short(l) && !chrome::is_forum_panel(&patterns::normalize(l)))
                .then(|| dates::first_date(l))
                .flatten()
        })
        .collect();
    let mut published = a.published.clone();
    let mut author = a.author.clone();
    for (k, line) in head.iter().enumerate() {
        if !short(line) {
            continue;
        }
        if published.is_none() {
            published = dates[k].clone();
        }
        if author.is_none() {
            // A name with a role is the writer only next to the page's date ("Maria Zakharova,
            // porte-parole du ministère" under a headline is who the article is about).
            let dated = |j: usize| dates.get(j).is_some_and(Option::is_some);
            let beside_date = (k > 0 && dated(k - 1)) || dated(k + 1);
            author = head_author(line, beside_date).filter(|n| is_writer_name(a, n));
        }
    }
    // "Villaseca de la Vega | Domingo, 9 febrero 2025, 08:30", "Von Lukas Pfeiffer" right under
    // the standfirst (which the body starts with): a short dated line, or a byline naming a
    // person, among the body's first lines, when nothing above gave them.
    if let Some((first, _)) = body {
        // The byline may sit below a dateline, an update time and a reading time ("Publié le
        // … / Modifié le … / 3 min / Par : Aurélie Mbaye"): a writer is looked for a little
        // further down than a date.
        let top = |max_words: usize, lines: usize| {
            nonempty
                .iter()
                .skip(first)
                .take(lines)
                .filter_map(|&i| metadata_line(a, i))
                .filter(move |l| l.split_whitespace().count() <= max_words)
        };
        if author.is_none() {
            author = top(12, 7).find_map(|l| {
                l.split(['|', '/', '•', '·'])
                    .find_map(|seg| chrome::byline_name(seg.trim()))
                    .filter(|n| is_writer_name(a, n))
            });
        }
        if published.is_none() {
            published = top(10, 4).find_map(dates::first_date);
        }
    }
    a.published = published;
    a.author = author;
}

/// The writer a short byline names among the first 25 lines ("Por Valentina Soria Acuña",
/// "Γράφει ο Νίκος Καραγιάννης", "Par Julien Aubertin et Inès Bakhti"), wherever the line rules
/// left it. Several writers come as "A, B". (A person's name alone on a line is not read here:
/// a page's short lines near the top are as often its site's name, "Ville de Montfleury", or
/// a rubric, "FLASH INFO", and a name test cannot tell them apart.)
fn byline_near_top<'a>(
    lines: impl Iterator<Item = &'a str>,
    keep: impl Fn(&str) -> bool,
) -> Option<String> {
    lines
        .take(25)
        .filter(|l| l.split_whitespace().count() <= 10)
        .find_map(|line| {
            chrome::byline_name(line)
                .and_then(|n| writers::strict_writers(&n))
                .filter(|n| keep(n))
        })
}

/// Line `i` as scraped: its text, or the text it had if it was removed.
fn scraped_line(a: &Article, i: usize) -> &str {
    if a.lines[i].is_empty() {
        removed_at(a, i).map_or("", |r| r.text.as_str())
    } else {
        &a.lines[i]
    }
}

/// The record of line `i` (0-based) in `a.removed`, which is in line order by now.
fn removed_at(a: &Article, i: usize) -> Option<&RemovedLine> {
    let k = a
        .removed
        .binary_search_by_key(&(i as u32 + 1), |r| r.line)
        .ok()?;
    a.removed.get(k)
}

/// Line `i` as scraped, if it is still in the text or was removed as the page's metadata (a
/// dateline, byline or metadata line; a tweet's signature, removed too, has the tweet's date).
fn metadata_line(a: &Article, i: usize) -> Option<&str> {
    if !a.lines[i].is_empty() {
        return Some(&a.lines[i]);
    }
    let r = removed_at(a, i)?;
    matches!(
        r.reason.as_str(),
        "dateline" | "page metadata line" | "byline"
    )
    .then_some(r.text.as_str())
}

/// The writer named by a short metadata line: a byline split from its date or reading time
/// ("Par X – 12 février 2024 – Lecture 4 min"), "Author of the article: X", "Ticker: X", or a
/// name followed by the writer's role in lower case ("X, politologue").
fn head_author(line: &str, beside_date: bool) -> Option<String> {
    for seg in line.split(['|', '·', '•', '–', '—']) {
        let seg = seg.trim();
        if let Some(name) = chrome::byline_name(seg) {
            return Some(name);
        }
        // "Author of the article: Denise Okafor-Lund", "Ticker: Selina Wyss".
        if let Some((label, name)) = seg.split_once(':') {
            let label = label.trim().to_lowercase();
            const LABELS: &[&str] = &[
                "author",
                "author of the article",
                "ticker",
                "autor",
                "autore",
                "auteur",
                "автор",
                "text",
                "texte",
                "текст",
            ];
            if LABELS.contains(&label.as_str()) {
                return Some(name.trim().to_string());
            }
        }
        // "Live animé par Sophie Garnier, avec AFP", "Revue de presse du mardi …, par X".
        for lead in [" par ", " by ", " von ", " di ", " przez "] {
            if let Some((_, name)) = seg.rsplit_once(lead) {
                let name = name.split(',').next().unwrap_or("").trim();
                if chrome::is_person_name(name) {
                    return Some(name.to_string());
                }
            }
        }
    }
    // "Alexeï Korvine, politologue, directeur …": a name, then a role in lower case.
    let (name, rest) = line.split_once(", ")?;
    let rest = rest.trim_start();
    (beside_date && chrome::is_person_name(name.trim()) && rest.starts_with(char::is_lowercase))
        .then(|| name.trim().to_string())
}

/// Whether a line removed for `reason` carries a date of its own (a related article's, an
/// embedded post's, a comment's, an archive capture's), not the page's.
fn dates_something_else(reason: &str) -> bool {
    const OTHERS: &[&str] = &[
        "read-more",
        "related",
        "embedded",
        "comment",
        "link list",
        "archive",
        "widget",
        "teaser",
        "agenda",
        "forum",
        "reply",
        "ticker",
        "poll",
        "repeated",
    ];
    OTHERS.iter().any(|o| reason.contains(o))
}

/// "The vote is set for 12 March 2024.": a short line that ends as a sentence does is prose
/// about a date, not the page's date ("Le 8 avril 2024 à 18h52", "Dodano: 19.05.2023").
fn is_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['!', '?', '…', ':'])
        || t.strip_suffix('.')
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_ascii_digit()))
}

/// Longest attribution note removed from the text (longer ones are kept as prose).
const MAX_NOTE_WORDS: usize = 18;

fn has_content(a: &Attribution) -> bool {
    a.source.is_some()
        || a.original_outlet.is_some()
        || a.original_url.is_some()
        || a.republished
        || a.translated
}

#[cfg(test)]
mod tests;
