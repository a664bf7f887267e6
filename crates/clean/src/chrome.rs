//! Cues that a single line is site chrome: phrase table, separator-heavy menus, separator lines,
//! all-caps labels at the edges.

use crate::dates;
use crate::patterns::{
    is_share_target, matching, mentions_rights, multiword_share_targets, normalize, patterns, Kind,
    Rows,
};
use crate::CleanOptions;

/// Where a line sits, for cues that only hold at the top or bottom of an article.
#[derive(Clone, Copy, Debug)]
pub struct Position {
    /// Rank among non-empty lines from the start (0-based) and from the end.
    pub from_start: usize,
    pub from_end: usize,
    /// Before the first or after the last real paragraph (where bylines sit; a heading such as
    /// "Von Risiken und Nebenwirkungen" inside the article is not a byline).
    pub outside_body: bool,
    /// Within the first lines of the body, where a byline or dateline sits below a standfirst.
    pub near_body_start: bool,
}

/// Why a line is chrome, if it is.
pub fn chrome_reason(line: &str, pos: Position, opts: &CleanOptions) -> Option<&'static str> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if is_separator_line(trimmed) {
        return Some("separator line");
    }
    if is_progress_bar(trimmed) {
        return Some("donation plea");
    }
    let words = trimmed.split_whitespace().count();
    // (Before the cookie rules: an embed's notice is no banner of the site, and a report on
    // cookie banners keeps what those rules take in its body; see `reported_consent_lines`.)
    if words <= MAX_EMBED_NOTICE_WORDS && is_embed_notice(trimmed, words) {
        return Some("embedded content notice");
    }
    // Whether the line ends like a sentence: widgets and tickers do not.
    let sentence = trimmed.ends_with(['.', '!', '?', '»', '"', '”']);
    // "#2": a forum post's number.
    if trimmed.len() <= 5
        && trimmed
            .strip_prefix('#')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    {
        return Some("counter or timestamp");
    }
    if words <= 12 && is_reaction_row(trimmed) {
        return Some("counter or timestamp");
    }
    // "(2/3)": the part of a channel's post split in several messages.
    if is_part_marker(trimmed) {
        return Some("counter or timestamp");
    }
    // "3   12   88": a post's reply, repost and like counts, copied without their icons.
    if is_bare_counts(trimmed) {
        return Some("counter or timestamp");
    }
    // "Pourquoi s'abonner ? ✓ Tous les articles en illimité ✓ Le journal numérique dès 5 h",
    // "✔ wszystkie artykuły PREMIUM ✔ e-wydanie …": an offer's list flattened into one line.
    // An article's checklist has one item per line.
    if words <= 60 && trimmed.matches(['✓', '✔', '☑', '✅']).count() >= 2 {
        return Some("paywall notice");
    }
    if pos.outside_body && pos.from_start < 10 && is_bullet_ticker(trimmed) {
        return Some("news ticker");
    }
    if words <= 60 && is_embedded_post_trace(trimmed) {
        return Some("embedded post");
    }
    if words <= MAX_PLEA_WORDS && is_pictograph_plea(trimmed) {
        return Some("donation plea");
    }
    if words <= 25 && has_bank_account(trimmed) {
        return Some("donation plea");
    }
    if is_horoscope(trimmed) {
        return Some("horoscope");
    }
    if (9..=45).contains(&words) && is_gambling_warning(trimmed) {
        return Some("advertisement label");
    }
    if words <= 40 && is_credited_caption(trimmed) {
        return Some("image caption");
    }
    if words <= 60 && is_death_notice(trimmed) {
        return Some("obituary notice");
    }
    // "Facebook" over a copied post: the network's name where a page's name stands.
    if pos.from_start == 0 && words == 1 && is_share_target(&normalize(trimmed)) {
        return Some("site name");
    }
    if words <= 14 && is_obituary_entry(trimmed) {
        return Some("obituary notice");
    }
    if words <= 40 && (pos.outside_body || pos.from_start < 8) && is_channel_description(trimmed) {
        return Some("channel description");
    }
    if words <= 8 && is_handle_and_age(trimmed) {
        return Some("comment thread");
    }
    // "👁 1 846 переглядів", "👁 9,8 тис. · 11:05": a view count.
    if words <= 6 && trimmed.starts_with('👁') {
        return Some("counter or timestamp");
    }
    // "○ Oui", "◯ Sans avis": a poll's options, one radio button each ("⚪ wstrzymało się: 1",
    // a vote's tally in the article, has its figure).
    if words <= 6
        && trimmed.starts_with(['○', '◯', '◉', '⚪', '☐'])
        && !trimmed.chars().any(|c| c.is_ascii_digit())
    {
        return Some("comment form");
    }
    if pos.from_end < 2 && words <= 45 && is_author_bio(trimmed) {
        return Some("author bio");
    }
    let norm = (words <= MAX_TEASER_WORDS.max(opts.max_chrome_words)).then(|| normalize(trimmed));
    if norm.as_deref().is_some_and(is_share_buttons) {
        return Some("share buttons");
    }
    if words <= 12 && norm.as_deref().is_some_and(is_social_action_row) {
        return Some("share buttons");
    }
    if is_dot_leader_line(trimmed) {
        return Some("table of contents or form");
    }
    if is_menu(trimmed) || (pos.outside_body && is_short_breadcrumb(trimmed)) {
        return Some("navigation menu");
    }
    // « Faites un don à la pharmacie », plaisante un retraité: somebody's words, reported.
    let reported = is_reported_quote(trimmed)
        || norm
            .as_deref()
            .is_some_and(|n| n.contains([':', '—', '–']) && mentions_the_words(n));
    let norm = norm.filter(|_| !reported);
    if let Some(norm) = norm {
        if words <= MAX_DATELINE_WORDS && is_dateline(&norm) {
            return Some("dateline");
        }
        // ("Temps de lecture : 5 min": six tokens with the French colon.)
        if words <= 6 && is_reading_time(&norm) {
            return Some("reading time");
        }
        // "Bądź na bieżąco! Obserwuj nas w Google News": the prompt may follow a short cheer.
        let after_cheer = norm
            .split_once("! ")
            .filter(|(head, _)| head.split_whitespace().count() <= 4)
            .map(|(_, rest)| rest);
        // Longer prompts give a reason ("… pour ne rien rater de l'actualité"); an article
        // sentence does not open with "Rejoignez" or "Follow" and a network's name.
        let follow_limit = if addresses_reader(&norm) {
            MAX_FOLLOW_WORDS
        } else {
            20
        };
        if words <= follow_limit
            && (is_follow_prompt(&norm) || after_cheer.is_some_and(is_follow_prompt))
        {
            return Some("follow/subscribe prompt");
        }
        // A longer one gives its reason ("Nos comptes sont menacés de censure : abonnez-vous
        // à notre canal Telegram 👉 t.me/…").
        // (A tweet quoted with its "pic.twitter.com/…" link has no verb asking to follow.)
        let within_limit = || {
            words <= MAX_LINK_PROMPT_WORDS
                || (words <= MAX_FOLLOW_WORDS && addresses_reader(&norm) && has_follow_verb(&norm))
        };
        if is_channel_link_prompt(trimmed, &norm) && within_limit() {
            return Some("follow/subscribe prompt");
        }
        if words <= MAX_TEASER_WORDS && is_labelled_ad(trimmed) {
            return Some("advertisement label");
        }
        // (Below a menu of one item per line a ticker sits further down; with two items or
        // more, "+++ … +++" or "▸ … ▸ …", it is one wherever it sits outside the body.)
        if pos.outside_body
            && (pos.from_start < 10 || ticker_items(trimmed) >= 2)
            && opens_with_ticker_label(&norm, trimmed)
        {
            return Some("news ticker");
        }
        // ("Iscritto il: ven 3 mar 2017, 18:22"; "Użytkownik | Dołączył: 02 mar 2016 | Posty:
        // 541": the panel on one line.)
        if words <= 12 && is_forum_stat_row(&norm) {
            return Some("forum user panel");
        }
        if (words <= 15 || (words <= 24 && trimmed.starts_with("Re: ")))
            && is_forum_post_header(trimmed)
        {
            return Some("forum post header");
        }
        // "Invercargill 11° / 4° ☁ Showers clearing by afternoon": a forecast's few words too,
        // but no sentence.
        if (words <= 6 || (words <= 10 && !sentence)) && is_weather_widget(trimmed) {
            return Some("widget");
        }
        // (At the top of a channel's page the handle is its name, and the site-name pass
        // takes it with the tagline below.)
        if words == 1 && pos.from_start >= 10 && is_social_handle(trimmed) {
            return Some("social media handle");
        }
        if (3..=6).contains(&words) && is_more_from_label(trimmed) {
            return Some("read-more link");
        }
        if pos.outside_body && (3..=15).contains(&words) && is_adjacent_post_link(trimmed) {
            return Some("read-more link");
        }
        if words <= MAX_PLEA_WORDS && is_named_newsletter_box(trimmed) {
            return Some("newsletter plea");
        }
        if words <= 12 && is_comment_form_fields(trimmed) {
            return Some("comment notice");
        }
        if (words <= 4 && is_player_time(&norm))
            || (words <= 12 && is_player_bar(&norm))
            || (words <= 7 && is_speed_picker(&norm))
        {
            return Some("video player control");
        }
        if words <= 10 && is_view_stamp(&norm) {
            return Some("counter or timestamp");
        }
        if words <= 12 && is_hashtag_line(trimmed) {
            return Some("tag list");
        }
        if words <= 10 && is_media_link(&norm, trimmed) {
            return Some("video player control");
        }
        if words <= 12 && is_media_placeholder(trimmed, &norm) {
            return Some("video player control");
        }
        if words <= 6 && is_gallery_counter(&norm) {
            return Some("counter or timestamp");
        }
        if words <= 15 && is_gallery_link(&norm) {
            return Some("video player control");
        }
        if words <= 8 && is_payment_row(&norm) {
            return Some("donation plea");
        }
        if words <= 2 && is_age_rating(&norm) {
            return Some("age rating");
        }
        if words <= 6 && is_newsletter_title(&norm) {
            return Some("newsletter plea");
        }
        if words <= MAX_APP_PROMPT_WORDS && is_app_download(&norm) {
            return Some("app prompt");
        }
        if words <= 14 && is_paywall_meter(&norm) {
            return Some("paywall notice");
        }
        // "Édition : Vallée de la Loue ▾": a drop-down picker; "TVW Info ☰": a menu button.
        if words <= 6 && trimmed.ends_with(['▾', '⌄', '☰']) {
            return Some("page label");
        }
        if words <= 30 && is_file_download(&norm) {
            return Some("download link");
        }
        let near_edge = pos.from_start < 10 || pos.from_end < 3 || pos.near_body_start;
        // Before the body a byline may sit below a long menu; inside it only near the top, and
        // only a person's or a newsroom's ("di Redazione | 21 ottobre 2024").
        if (near_edge || pos.outside_body)
            && byline_name(trimmed)
                .is_some_and(|n| pos.outside_body || is_person_name(&n) || is_newsroom(&n))
        {
            return Some("byline");
        }
        if (near_edge || pos.outside_body) && name_date(trimmed).is_some() {
            return Some("byline");
        }
        if words <= 30 && is_tip_line(trimmed, &norm) {
            return Some("feedback widget");
        }
        if words <= 40 && is_generated_alt_text(&norm) {
            return Some("image caption");
        }
        if words <= 40
            && (is_media_item(trimmed)
                || is_timed_media_link(&norm)
                || (trimmed.starts_with(['▶', '►', '🎧', '📹', '📺', '🎥', '📻'])
                    && ends_with_running_time(&norm)))
        {
            return Some("video player control");
        }
        if words <= 6 && is_pager(trimmed) {
            return Some("navigation menu");
        }
        if words <= 4 && is_page_url(trimmed) {
            return Some("page metadata line");
        }
        if words <= MAX_TEASER_WORDS && (is_read_more_teaser(&norm) || is_glued_teaser(trimmed)) {
            return Some("read-more link");
        }
        // "« Continuer sans accepter »", "« Nous et nos partenaires »": a short line wholly in
        // quotation marks quotes the words; a banner does not put its own in quotes.
        let quoted = words <= 10
            && trimmed.starts_with(['«', '“', '„', '"'])
            && trimmed.ends_with(['»', '”', '“', '"'])
            && trimmed
                .chars()
                .filter(|c| matches!(c, '«' | '“' | '„'))
                .count()
                <= 1;
        if words <= opts.max_chrome_words && !quoted {
            if let Some(reason) = phrase_reason(&norm, words) {
                return Some(reason);
            }
        }
        if !quoted {
            if let Some(reason) = opening_phrase_reason(&norm, words) {
                return Some(reason);
            }
            if let Some(reason) = plea_sentence_reason(&norm, words) {
                return Some(reason);
            }
        }
        // A date alone on a line is not prose; inside the body only near the top, where the
        // page's dateline sits below a standfirst.
        // "18 febbraio 2025 (modificato il …)", "3 mars 2025 | Revue de presse": the date first,
        // then an update time or the rubric.
        let lead = norm
            .split(['(', '|'])
            .next()
            .filter(|l| l.len() < norm.len() && has_year_or_time(l))
            .map(str::trim);
        // "03.11.2025 09:15, aktualizacja: 03.11.2025 10:02": the date, then its update.
        let lead = lead.or_else(|| {
            norm.split_once(", ")
                .filter(|(l, r)| has_year_or_time(l) && is_dateline(r.trim()))
                .map(|(l, _)| l.trim())
        });
        if words <= 12
            && (words <= 8 || lead.is_some())
            && (pos.outside_body
                || ((pos.from_start < 12 || pos.near_body_start) && has_year_or_time(&norm)))
            && (is_bare_date(&norm) || lead.is_some_and(is_bare_date))
            // ("Mardi 11 mars, 18 h,": a printed column's sentence wrapped through a date goes
            // on after its comma; "So., 23. März, 11 Uhr:" opens an agenda's entry, which the
            // next line gives.)
            && !trimmed.ends_with([',', ':'])
        {
            return Some("dateline");
        }
        // "Madrid, 5 de diciembre de 2024 - 09:15 h", "Paris, le 12 mars 2025": the place the
        // dispatch was filed from, then the date, alone on the line at the top.
        if words <= 12
            && (pos.outside_body || pos.from_start < 12 || pos.near_body_start)
            && !trimmed.ends_with([',', ':'])
            && trimmed.split_once(", ").is_some_and(|(place, date)| {
                is_place_name(place) && {
                    let date = normalize(date);
                    has_year_or_time(&date) && is_bare_date(&date)
                }
            })
        {
            return Some("dateline");
        }
        if words <= 9 && is_post_stamp(&norm) {
            return Some("embedded post");
        }
        // (After the datelines: a strip the dateline rules read keeps their reading of its
        // date for the page's.)
        if words <= 30 && !sentence && is_header_strip(trimmed) {
            return Some("widget");
        }
        // "214 J'aime · 18 Restacks": counters side by side.
        // ("👁 1 284 vues | 💬 0 commentaire": a figure grouped by a space, icons.)
        // ("👁 3 187 wyświetleń   💬 42 komentarze": or runs of spaces.)
        let side_by_side =
            words <= 9 && (norm.contains(['·', '∙', '|']) || trimmed.contains("   "));
        if (words <= 4 || side_by_side || (words <= 8 && is_count_pairs(&norm)))
            && is_counter(&norm, pos.outside_body)
        {
            return Some("counter or timestamp");
        }
        // "Oran Actu 24, [12.06.2024 08:15]": a chat export's header over each message, the
        // sender and the stamp in brackets.
        if words <= 10 && is_export_stamp(trimmed) {
            return Some("counter or timestamp");
        }
        // "3 réponses à « <the title> »", the count of comments below the article.
        // (Near the end a body may not have been told apart from it yet: there the header
        // quotes the title it answers.)
        let quoted = trimmed.contains(['«', '“', '„']);
        if (pos.outside_body || (pos.from_end <= 3 && quoted))
            && pos.from_end < pos.from_start
            && norm.chars().any(|c| c.is_ascii_digit())
            && crate::structure::is_comment_header(trimmed)
        {
            return Some("comment notice");
        }
        // "© Clarion Media Group Ltd 2024 | Privacy notice | Cookie settings": the bars
        // between the footer's links are no words.
        let content_words = trimmed
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if content_words <= 15 && is_copyright_line(&norm) {
            return Some("legal/copyright notice");
        }
        // "© Le Fil Indocile — textes sous licence CC BY-NC-SA": outside the article a © line
        // needs no year (inside, "© Getty ..." may open a caption).
        if words <= 15 && pos.outside_body && norm.starts_with('©') {
            // Above the article it credits the picture ("© EPA Pope Francis's trip ...").
            return Some(if pos.from_end < 3 {
                "legal/copyright notice"
            } else {
                "image credit"
            });
        }
        if is_whole_line_label(&norm) {
            return Some("page label");
        }
        // Inside the body only a path from the home page ("Accueil / Économie / Agriculture"
        // under an advert read as the body's first paragraph): no line of prose opens so.
        if (pos.outside_body || opens_with_home_word(trimmed)) && is_breadcrumb(trimmed) {
            return Some("navigation menu");
        }
        if pos.outside_body && is_word_menu(trimmed) {
            return Some("navigation menu");
        }
        if is_section_menu(&norm) {
            return Some("navigation menu");
        }
        if words <= 8 && is_label_row(trimmed) {
            return Some("account/search link");
        }
        // ("Τιμές παραγωγού (€/κιλό, 12/11):": a colon introduces the table below; a widget
        // introduces nothing.)
        if pos.outside_body
            && !trimmed.ends_with(':')
            && !is_admission_price(&norm)
            && (is_widget(&norm) || is_weather_line(&norm) || is_table_row(trimmed))
        {
            return Some("widget");
        }
        // "48,12 €", "-3,15 %", "Hollweg AG Aktie 23,14 € -4,21 %": a quote box inside the
        // article; prose has words.
        if words <= 8 && is_quote_box(&norm) && !is_admission_price(&norm) {
            return Some("widget");
        }
        if is_language_switch(trimmed) {
            return Some("navigation menu");
        }
        if pos.outside_body && is_timed_headline(trimmed) {
            return Some("news ticker");
        }
        if pos.outside_body && is_labelled_ticker(trimmed) {
            return Some("news ticker");
        }
        // "Es falso que Mendoza vaya a cobrar un “impuesto por mascota” de $18.000 por mes": a
        // headline quoting a price; an offer quotes nobody.
        if words <= MAX_OFFER_WORDS
            && is_price_offer(&norm)
            && ((pos.outside_body && !trimmed.contains(QUOTE_MARKS)) || is_promotion(&norm))
        {
            return Some("paywall notice");
        }
    }
    if words <= MAX_PLEA_WORDS && reserves_rights(trimmed) {
        return Some("legal/copyright notice");
    }
    if words <= MAX_AD_WORDS && !reported && is_business_ad(trimmed) {
        return Some("advertisement");
    }
    if words > MAX_TEASER_WORDS && words <= MAX_PLEA_WORDS && !reported {
        // Only the opening words can hold the plea phrase: normalise just those.
        let head: Vec<&str> = trimmed.split_whitespace().take(14).collect();
        if let Some(reason) = plea_sentence_reason(&normalize(&head.join(" ")), words) {
            if !has_speech_tag(&normalize(trimmed)) {
                return Some(reason);
            }
        }
    }
    if (MIN_APPEAL_WORDS..=MAX_APPEAL_WORDS).contains(&words) && !reported {
        if let Some(reason) = appeal_reason(trimmed) {
            return Some(reason);
        }
    }
    if words > MAX_APPEAL_WORDS && words <= MAX_COOKIE_WORDS && is_long_cookie_banner(trimmed) {
        return Some("cookie notice");
    }
    // (The banner opens many dumps, and a long sentence there counts as the body's start; a
    // headline is shorter.)
    let at_top = pos.from_start < 3 && words >= 15;
    if ((pos.outside_body && (pos.from_start < 8 || pos.from_end < 8)) || at_top)
        && (8..=MAX_COOKIE_WORDS).contains(&words)
        && is_site_cookie_notice(trimmed)
    {
        return Some("cookie notice");
    }
    let at_edge = pos.from_start < 2 || pos.from_end < 2;
    if at_edge && is_caps_label(trimmed) {
        return Some("all-caps label");
    }
    // Last, so that an offer's price line keeps its own reason. (Inside the body the rates may
    // be what a market report reports.)
    if pos.outside_body
        && words <= 16
        && !sentence
        && is_currency_ticker(trimmed)
        && !is_admission_price(&normalize(trimmed))
    {
        return Some("widget");
    }
    None
}

/// The chrome phrase of the table that opens a short line, or the part of it after a colon
/// ("Partager cet article", "Soutenez la presse libre : faites un don !"); a phrase deep inside a
/// short sentence is the sentence's own words.
fn phrase_reason(norm: &str, words: usize) -> Option<&'static str> {
    // "Soutenez la presse libre : faites un don !": after a colon the line starts again; so it
    // does after a spaced dash or bar, which a box's title and its button share a line with
    // ("Soutenez le journalisme local – Faites un don").
    if let Some(r) = phrase_reason_at_start(norm, words) {
        return Some(plea_after_share_question(norm, r));
    }
    norm.match_indices([':', '–', '—', '|', '-'])
        .filter(|&(i, m)| {
            m == ":" || (norm[..i].ends_with(' ') && (m != "-" || norm[i + 1..].starts_with(' ')))
        })
        .map(|(i, m)| norm[i + m.len()..].trim_start())
        .filter(|rest| !rest.is_empty())
        .find_map(|rest| phrase_reason_at_start(rest, words))
}

/// "Faites un don, même petit : c'est la phrase qui termine chaque numéro.": a plea's words,
/// then a clause that speaks of them as words (a phrase, a slogan, a motto). The article quotes
/// the plea; it does not make it.
fn mentions_the_words(norm: &str) -> bool {
    norm.split_once([':', '—', '–']).is_some_and(|(_, rest)| {
        rest.split(|c: char| !c.is_alphanumeric() && c != 'ł')
            .any(|w| WORDS_NOUNS.contains(&w))
    })
}

/// Nouns that speak of words as words: what a line quoting a slogan calls it.
const WORDS_NOUNS: &[&str] = &[
    // ("Tout accepter, Tout refuser, Personnaliser : ces trois boutons n'engagent …": a report
    // on a banner names its buttons as buttons.)
    "boutons",
    "buttons",
    "schaltflächen",
    "pulsanti",
    "botones",
    "przyciski",
    "кнопки",
    "phrase",
    "formule",
    "slogan",
    "devise",
    "motto",
    "words",
    "sentence",
    "satz",
    "spruch",
    "frase",
    "hasło",
    "фраза",
    "слоган",
    "лозунг",
    "lema",
    "φράση",
    "σύνθημα",
];

/// "Ce slogan, imprimé sur des affichettes …", "These words now hang in …": a line that opens
/// by pointing back at the words above it.
pub(crate) fn opens_by_naming_words(line: &str) -> bool {
    const THIS: &[&str] = &[
        "ce", "cette", "this", "these", "that", "dieser", "diese", "dieses", "questo", "questa",
        "quella", "este", "esta", "ten", "ta", "to", "этот", "эта", "эти", "цей", "ця", "αυτό",
        "αυτή", "η",
    ];
    let lower = line.trim().to_lowercase();
    let mut w = lower
        .split(|c: char| !c.is_alphanumeric() && c != 'ł')
        .filter(|w| !w.is_empty());
    w.next().is_some_and(|d| THIS.contains(&d))
        && w.next().is_some_and(|n| WORDS_NOUNS.contains(&n))
}

fn phrase_reason_at_start(norm: &str, words: usize) -> Option<&'static str> {
    for (p, start, end) in matching(norm, 4) {
        let Kind::Chrome(reason) = p.kind else {
            continue;
        };
        // "Pour mémoire, la crue de 1982 avait atteint 6,84 m.": a read-more label followed by a
        // comma opens a sentence of the article (a link's label takes a colon or a headline).
        if reason == "read-more link" && norm[end..].starts_with(',') && norm.ends_with('.') {
            continue;
        }
        // "On peut y lire :" introduces a quotation; a label stands alone or after "à" ("À
        // lire :", "Également à lire :").
        if reason == "read-more link"
            && matches!(p.phrase.as_str(), "lire :" | "lire:")
            && start > 0
        {
            let before = norm[..start].split_whitespace().last().unwrap_or("");
            if !matches!(before, "à" | "a" | "également" | "aussi" | "encore") {
                continue;
            }
        }
        // "Más información en el teléfono del Ayuntamiento: 925 555 100.": the article gives an
        // office's number; a link to more reading gives no phone number.
        if reason == "read-more link"
            && norm.ends_with('.')
            && crate::blocks::has_phone_number(&norm[end..])
        {
            continue;
        }
        // "Подписывайтесь на канал администрации, чтобы первыми узнавать о графике": the
        // article sends its readers to somebody else's channel, not the site's own.
        if reason == "follow/subscribe prompt" && names_others_channel(&norm[end..]) {
            continue;
        }
        if reason == "video player control" && is_term_not_length(p, &norm[end..]) {
            continue;
        }
        // "Accepter les cookies n'est donc pas une obligation.": a fact-check's sentence.
        if denied_cookie_buttons(reason, norm, start, end) {
            continue;
        }
        // "Merci de nous suivre." opening a live blog thanks its readers for following the
        // live; a prompt names where to follow ("Merci de nous suivre sur Facebook").
        if reason == "follow/subscribe prompt"
            && norm[..start].trim_end().ends_with("merci de")
            && !norm[end..]
                .split(|c: char| !c.is_alphanumeric())
                .any(is_share_target)
        {
            continue;
        }
        // "Cliquer sur « Continuer sans accepter » quand ce lien existe.": the article names a
        // button, in quotation marks; the banner's own button is not quoted.
        if norm[..start].trim_end().ends_with(['«', '"', '“', '„']) {
            continue;
        }
        // A single word ("Partager", "Teilen", "Реклама") is chrome only as a label: at the
        // start of a very short line. ("Partager les reines": a verb with its object, a
        // subheading of the article.)
        // (The page, the live, the gallery are what chrome acts on: "Partager la page",
        // "Actualiser le direct", "Sfoglia la gallery".)
        // ("Watch the full video:": the noun may come after an adjective.)
        let mut after = norm[end..].split_whitespace();
        let object = after.next().is_some_and(|w| ARTICLES.contains(&w))
            && !after
                .take(3)
                .any(|n| PAGE_NOUNS.contains(&n.trim_matches(|c: char| !c.is_alphanumeric())));
        if p.words > 1 || (words <= 4 && start == 0 && end == p.phrase.len() && !object) {
            return Some(reason);
        }
    }
    None
}

/// What a page's controls act on, after their verb and an article ("Partager la page").
const PAGE_NOUNS: &[&str] = &[
    "page",
    "direct",
    "fil",
    "live",
    "article",
    "articles",
    "vidéo",
    "vidéos",
    "video",
    "videos",
    "site",
    "gallery",
    "galerie",
    "giornale",
    "journal",
    "posta",
    "story",
    "post",
    "seite",
    "artikel",
    "pagina",
    "articolo",
    "página",
    "artículo",
    "diretta",
    "ticker",
    "newsletter",
    "liste",
    "lista",
    "list",
    "programme",
    "replay",
    "podcast",
    "photo",
    "photos",
    "diaporama",
];

/// Indefinite articles: a line that opens with one names a thing ("Une lettre d'information
/// pour les habitants", "Un conseil : réservez."), not a business or the site's own box.
pub(crate) const INDEFINITE_ARTICLES: &[&str] =
    &["un", "une", "a", "an", "ein", "eine", "uno", "una"];

/// Definite and indefinite articles, which open a verb's object ("Partager les reines").
const ARTICLES: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "the", "a", "an", "der", "die", "das", "den",
    "ein", "eine", "il", "lo", "gli", "i", "el", "los", "las", "uno", "una", "o", "οι", "τα", "το",
    "την", "τον",
];

/// "Durée : cinq hivers (2025-2026 à 2029-2030)": a length label followed by words, a
/// contract's term; a player's length ("Durée : 02:14") is a figure.
fn is_term_not_length(p: &crate::patterns::Pattern, rest: &str) -> bool {
    DURATION.contains(&p.phrase.trim_end_matches([' ', ':']))
        && !rest
            .trim_start_matches([' ', ':'])
            .starts_with(|c: char| c.is_ascii_digit())
}

/// A player's length label, in the languages it is met in.
const DURATION: &[&str] = &[
    "durée",
    "duration",
    "dauer",
    "durata",
    "duración",
    "czas trwania",
    "длительность",
    "διάρκεια",
];

/// Whether what follows a subscribe verb names a channel or page by its owner, a common noun
/// in the genitive ("канал администрации", "канал мэрии", "la chaîne de la préfecture", "the
/// page of the council"), rather than the site's own ("наш канал", "notre chaîne") or a
/// network ("Telegram").
fn names_others_channel(rest: &str) -> bool {
    const CHANNEL: &[&str] = &[
        "канал",
        "канала",
        "каналу",
        "страницу",
        "сторінку",
        "chaîne",
        "page",
        "compte",
        "channel",
        "kanal",
        "profil",
    ];
    const OWN: &[&str] = &[
        "наш",
        "нашего",
        "нашу",
        "наши",
        "мой",
        "notre",
        "nos",
        "our",
        "my",
        "unseren",
        "naszego",
        "nasz",
    ];
    const OF: &[&str] = &["de", "du", "des", "of", "the", "la", "l'", "der"];
    let words: Vec<&str> = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    let Some(at) = words.iter().position(|w| CHANNEL.contains(w)) else {
        return false;
    };
    // ("Abonnez-vous à notre chaîne": the site's own, before the word.)
    if words[..at].iter().any(|w| OWN.contains(w)) {
        return false;
    }
    let owner = words[at + 1..]
        .iter()
        .find(|w| !OF.contains(w) && !w.is_empty());
    owner.is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !OWN.contains(w)
            && !is_share_target(w)
            && w.chars().count() >= 4
    })
}

/// "Facebook Twitter Telegram Email", "Facebook | X | WhatsApp": two or more share-button labels
/// and nothing else.
fn is_share_buttons(norm: &str) -> bool {
    // Two different labels: "x x x" is not a row of buttons.
    if share_labels(norm).is_some_and(|labels| labels.len() >= 2) {
        return true;
    }
    // "Partager le direct : Facebook | WhatsApp | X", "Share this story: …": the row's label
    // names what is shared, in a few words after the verb.
    norm.split_once(':').is_some_and(|(head, tail)| {
        let mut head = head.split_whitespace();
        head.next().is_some_and(|w| SHARE_LEADS.contains(&w))
            && head.count() <= 3
            && share_labels(tail).is_some_and(|labels| labels.len() >= 2)
    })
}

/// Whether [`share_labels`] of the line, normalised, can be `Some`, told from its first word:
/// only that word is normalised, so that a paragraph of prose is given up without normalising it
/// whole. `true` when the first word cannot tell (it holds no letters, is a row's label or a
/// count, or may open a button of several words).
pub(crate) fn may_be_share_row(line: &str) -> bool {
    let Some(first) = line.split_whitespace().next() else {
        return true;
    };
    // (`normalize` reads a line word by word, so its first word normalised is the start of the
    // line normalised.)
    let norm = normalize(first);
    let t = norm.trim_start_matches(is_share_gap);
    let token = &t[..t.find(is_share_gap).unwrap_or(t.len())];
    if token.is_empty()
        || multiword_share_targets()
            .iter()
            .any(|m| m.starts_with(token))
    {
        return true;
    }
    let w = token.trim_end_matches(':');
    !w.chars().any(char::is_alphanumeric)
        || SHARE_LEADS.contains(&w)
        || is_share_count(w)
        || is_share_target(w)
}

/// What stands between the buttons of a share row: spaces, bars, slashes, dots, commas.
fn is_share_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | ',')
}

/// A row's counter ("142", "1,2", "comments"): read past, neither a button nor prose.
fn is_share_count(w: &str) -> bool {
    COUNT_WORDS.contains(&w)
        || w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// The distinct share-button labels a (normalised) line is made of, or `None` when it holds
/// anything else.
pub(crate) fn share_labels(norm: &str) -> Option<Vec<&str>> {
    // "Share on X", "Share via Email", "Partager sur Facebook": a preposition right after the
    // row's label.
    const LEAD_LINKS: &[&str] = &[
        "on", "via", "by", "sur", "par", "auf", "per", "su", "na", "в",
    ];
    let mut seen: Vec<&str> = Vec::new();
    let mut after_lead = false;
    // "Copier le lien", "Skopiuj link": a button of several words is read as one.
    // Word by word, so that a line of prose is given up at its first word, not split whole.
    let mut rest = norm;
    while !rest.is_empty() {
        let rest_trim = rest.trim_start_matches(is_share_gap);
        if rest_trim.is_empty() {
            break;
        }
        let multi = multiword_share_targets().iter().find(|m| {
            rest_trim.starts_with(*m)
                && rest_trim[m.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        let len = multi.map_or_else(
            || rest_trim.find(is_share_gap).unwrap_or(rest_trim.len()),
            |m| m.len(),
        );
        let w = &rest_trim[..len];
        rest = &rest_trim[len..];
        // "Share Facebook Twitter 142 comments", "Поделиться: Facebook Telegram": counters and
        // the row's own label sit in the same row.
        let w = w.trim_end_matches(':');
        // "f 𝕏 ✉ 🖨": icons without a label sit between the labelled buttons.
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let lead = SHARE_LEADS.contains(&w);
        let link = after_lead && LEAD_LINKS.contains(&w);
        after_lead = lead;
        if lead || link || is_share_count(w) {
            continue;
        }
        if !is_share_target(w) {
            return None;
        }
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    Some(seen)
}

/// "Suivez RT en français sur X et Telegram", "Follow us on Telegram": a follow verb opens the
/// line and a social network is named (a network proper, not "email" or "print"; "X" alone is
/// too common a letter to count).
fn is_follow_prompt(norm: &str) -> bool {
    const GENERIC: &[&str] = &[
        "x",
        "ok",
        "mail",
        "email",
        "e-mail",
        "print",
        "copy",
        "link",
        "lien",
        "copier",
        "imprimer",
        "drucken",
        "stampa",
        "drukuj",
        "imprimir",
        "печать",
        "вк",
        "pocket",
        "threads",
    ];
    let opens = matching(norm, 1)
        .into_iter()
        .any(|(p, start, _)| p.kind == Kind::FollowVerb && start == 0);
    opens
        && norm
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            // "Telegram-канале": the network with a case ending.
            .map(|w| match w.split_once('-') {
                Some((head, _)) if is_share_target(head) => head,
                _ => w,
            })
            .any(|w| is_share_target(w) && !GENERIC.contains(&w))
}

/// "Lecture : 4 min", "5 min read", "Lesezeit: 3 Min.", "2 min": a reading-time label.
fn is_reading_time(norm: &str) -> bool {
    const UNITS: &[&str] = &[
        "min",
        "mins",
        "minute",
        "minutes",
        "minuten",
        "minuti",
        "minut",
        "minuty",
        "мин",
        "минут",
        "минуты",
        "minutos",
        "λεπτα",
    ];
    const LABELS: &[&str] = &[
        "lecture",
        "read",
        "reading",
        "time",
        "temps",
        "de",
        "lesezeit",
        "tempo",
        "di",
        "lettura",
        "czas",
        "czytania",
        "время",
        "чтения",
        "lectura",
        "tiempo",
        "leitura",
        // (Greek as `normalize` folds it: no accents, no final sigma.)
        "χρονοσ",
        "αναγνωσησ",
        "estimated",
    ];
    let mut has_number = false;
    let mut has_unit = false;
    for w in norm.split(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | ',' | '·')) {
        if w.is_empty() {
            continue;
        }
        // ("Χρόνος ανάγνωσης: 14'": the minutes' mark on the figure; `normalize` made ’ a '.)
        let figure = w.trim_end_matches(['\'', '′']);
        if figure.chars().all(|c| c.is_ascii_digit()) {
            has_number = true;
            has_unit |= figure.len() < w.len();
        } else if UNITS.contains(&w) {
            has_unit = true;
        } else if !LABELS.contains(&w) {
            return false;
        }
    }
    has_number && has_unit
}

/// Longest "Published on <date> | Updated <date>" line recognised.
const MAX_DATELINE_WORDS: usize = 25;

/// "Publié le 2 décembre 2026 à 14h05 | Mis à jour le ...", "Published: 3 March 2024": a
/// dateline phrase opens the line and a date follows it (a number, a month or a weekday within
/// two words), so "Published figures show ..." stays.
pub(crate) fn is_dateline(norm: &str) -> bool {
    // "Rédaction avec Belga — Publié le 18/11/2025 à 18:05": a short credit first, then the
    // dateline after a spaced dash or bar.
    // ("Par Jonas Verhaeghe – paru le 2 septembre 2025 dans Gazet van de Leie" is where the
    // original appeared, not this page's date.)
    let after_credit = [" — ", " – ", " | "].iter().find_map(|sep| {
        norm.split_once(sep)
            .filter(|(head, _)| head.split_whitespace().count() <= 6)
            .map(|(_, rest)| rest)
            .filter(|rest| !names_another_outlet(rest))
    });
    after_credit.is_some_and(opens_with_dateline) || opens_with_dateline(norm)
}

/// Whether a normalised dateline goes on to name where it appeared ("… dans gazet van de leie",
/// "… in the northern ledger"): a preposition of place after the date.
fn names_another_outlet(rest: &str) -> bool {
    const IN: &[&str] = &[
        "dans", "in", "im", "auf", "su", "sul", "sulla", "en", "w", "в", "у",
    ];
    rest.split_whitespace()
        .skip_while(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .any(|w| IN.contains(&w))
}

fn opens_with_dateline(norm: &str) -> bool {
    matching(norm, 1).into_iter().any(|(p, start, end)| {
        p.kind == Kind::Dateline && start == 0 && {
            let rest = norm[end..].trim_start_matches([':', ' ', '-', '–', '—']);
            rest.split_whitespace()
                .take(2)
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit()) || is_date_word(w))
                && !is_live_update(rest)
        }
    })
}

/// "Обновлено в 08:30: в микрорайоне начали подавать воду …": a live update's time stamp
/// followed by the news itself, a sentence of six words or more after a colon. Article text,
/// not the page's dateline.
fn is_live_update(rest: &str) -> bool {
    rest.split_once(": ").is_some_and(|(_, news)| {
        news.split_whitespace().count() >= 6 && news.trim_end().ends_with(['.', '!', '?', '…'])
    })
}

/// "Dr. Harald Wenzel" -> "Harald Wenzel": a byline's academic title is no part of the name an
/// analyst searches for.
pub fn without_title(name: &str) -> String {
    const TITLES: &[&str] = &[
        "dr.",
        "dr",
        "prof.",
        "prof",
        "dott.",
        "dott.ssa",
        "dr.-ing.",
        "mag.",
        "ing.",
        "mgr",
        "д-р",
        "проф.",
    ];
    let mut rest = name.trim();
    while let Some((first, tail)) = rest.split_once(' ') {
        if !TITLES.contains(&first.to_lowercase().as_str()) || tail.trim().is_empty() {
            break;
        }
        rest = tail.trim_start();
    }
    rest.to_string()
}

/// The writer a dateline names after an agent word ("Pubblicato il 5 febbraio 2024 da Lorenzo
/// Ferrazzi", "Publié le 3 avril par Marie Dupont"), when it is a person's name.
pub fn dateline_author(line: &str) -> Option<String> {
    const AGENTS: &[&str] = &["by", "par", "da", "von", "por", "przez", "di"];
    // "Tomasz Krawiec — mis en ligne le 24 avril 2025": the writer's name, then the dateline.
    let credit = [" — ", " – ", " | "]
        .iter()
        .find_map(|sep| line.split_once(sep))
        .map(|(head, _)| {
            let head = head.trim();
            // ("Par Thomas Gendron — …": the agent word is no part of the name.)
            head.split_once(' ')
                .filter(|(first, _)| AGENTS.contains(&first.to_lowercase().as_str()))
                .map_or(head, |(_, name)| name.trim())
        })
        .filter(|head| is_person_name(head));
    if let Some(name) = credit {
        return Some(name.to_string());
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words
        .iter()
        .rposition(|w| AGENTS.contains(&w.to_lowercase().as_str()))?;
    let name = words[at + 1..].join(" ");
    let name = name.trim_end_matches(['.', ',']);
    is_person_name(name).then(|| name.to_string())
}

/// Month and weekday names (normalised, any of our languages), for datelines.
fn is_date_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    dates::month_number(w).is_some() || dates::is_weekday(w)
}

/// The name in a byline such as "By Jane Doe", "Par la rédaction", "Von Anna Schmidt": a byline
/// label opens a line of at most six words, and every other word is capitalised, a name particle
/// or a newsroom word. "By Monday the storm had passed" is not one ("the", "storm").
pub fn byline_name(line: &str) -> Option<String> {
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "l'", "van", "von", "der", "di", "da", "del", "and",
        "et", "und", "e", "y", "i", "и", "the", "our", "notre", "unsere",
    ];
    const NEWSROOM: &[&str] = &[
        "rédaction",
        "redaction",
        "staff",
        "editors",
        "editorial",
        "newsroom",
        "team",
        "équipe",
        "redaktion",
        "redazione",
        "redakcja",
        "редакция",
        "redacción",
        "correspondent",
        "correspondant",
        "reporters",
    ];
    let t = line.trim().trim_end_matches('.');
    // "Par Sophie Delvaux avec Belga": the agency credited after the writer is no part of the
    // name (cut before the first joiner standing as a word between two others).
    let mut offset = 0;
    let mut cut = None;
    for word in t.split(' ') {
        if offset > 0 && offset + word.len() < t.len() && CREDIT_JOINERS.contains(&word) {
            cut = Some(offset - 1);
            break;
        }
        offset += word.len() + 1;
    }
    let t = cut.map_or(t, |i| &t[..i]);
    // "Par Anatole Verkine, politologue", "By Dana Whitcomb, Meridian News Service": the name
    // ends at the comma; the writer's role or outlet follows.
    // "Par Hannah Pryce (The Northern Ledger)": the outlet in brackets.
    // "Par Aminata Kéita-Rousseau, politologue, chercheuse associée à l'Institut …": a longer
    // role in lower case follows a person's name only.
    let mut long_role = false;
    let t = match t.split_once([',', '|', '(']) {
        Some((name, rest)) if rest.split_whitespace().count() <= 6 => name.trim_end(),
        Some((name, rest))
            if rest.trim_start().starts_with(char::is_lowercase)
                && rest.split_whitespace().count() <= 14
                && !rest.contains(['.', '!', '?', '♦', '•', '|']) =>
        {
            long_role = true;
            name.trim_end()
        }
        _ => t,
    };
    let words = t.split_whitespace().count();
    if !(2..=6).contains(&words) {
        return None;
    }
    let norm = normalize(t);
    let (_, _, end) = matching(&norm, 1)
        .into_iter()
        .find(|(p, start, _)| p.kind == Kind::Byline && *start == 0)?;
    let skip = norm[..end].split_whitespace().count();
    // "Par : Aurélie Mbaye": a colon set apart from the label is no word of the name.
    let name: Vec<&str> = t
        .split_whitespace()
        .skip(skip)
        .skip_while(|w| !w.chars().any(char::is_alphanumeric))
        .collect();
    let ok = !name.is_empty()
        && name
            .iter()
            .any(|w| starts_capitalised(w) || NEWSROOM.contains(&w.to_lowercase().as_str()))
        && name.iter().all(|w| {
            let lw = w.to_lowercase();
            let lw = lw.trim_end_matches(',');
            starts_capitalised(w) || PARTICLES.contains(&lw) || NEWSROOM.contains(&lw)
        });
    // "Της Κατερίνας Παππά" ("by Katerina Pappa"): a Greek byline puts the name in the
    // genitive; a woman's first name ends in -ας or -ης there, -α or -η in the nominative (her
    // surname keeps one form). A man's forms are too irregular to undo ("Του Νίκου Παππά").
    let feminine = t.starts_with("Της ") || t.starts_with("της ") || t.starts_with("ΤΗΣ ");
    let name = name
        .iter()
        .map(|w| match w.strip_suffix('ς') {
            Some(stem) if feminine && stem.ends_with(['α', 'η', 'ά', 'ή']) => stem,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ");
    (ok && (!long_role || is_person_name(&name))).then_some(name)
}

/// "(Reporting by Megan Ostrowski in Harlan Falls, Ohio; Editing by Tom Reyes)": a wire
/// story's credit line under the text names its reporter (the first one, when several).
pub(crate) fn reporting_credit(line: &str) -> Option<String> {
    const LEADS: &[&str] = &[
        "reporting by ",
        "additional reporting by ",
        "reportage de ",
        "reportage par ",
        "berichterstattung: ",
    ];
    let t = line.trim().trim_start_matches(['(', '[']);
    if !t.starts_with(['R', 'r', 'A', 'a', 'B']) || t.split_whitespace().count() > 40 {
        return None;
    }
    let lower = t.to_lowercase();
    let lead = LEADS.iter().find(|l| lower.starts_with(*l))?;
    let rest = &t[lead.len()..];
    let end = rest
        .find([';', ',', ')', ']'])
        .into_iter()
        .chain(
            [" in ", " and ", " et ", " à ", " from "]
                .iter()
                .filter_map(|w| rest.find(w)),
        )
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    is_person_name(name).then(|| name.to_string())
}

/// The words that join a writer or an outlet to the agency it credits ("Par X avec Belga",
/// "SOURCE : FRANCEMONDE avec AFP", "with Reuters").
pub(crate) const CREDIT_JOINERS: [&str; 4] = ["avec", "with", "mit", "con"];

/// A byline name that can only be a person's: two to four capitalised words, with at most the
/// particles of names between them. Inside the article a "Von Risiken und Nebenwirkungen"
/// heading also opens with a byline word; a name joins no words with "und".
pub(crate) fn is_person_name(name: &str) -> bool {
    const NAME_PARTICLES: &[&str] = &[
        "de", "du", "van", "von", "der", "di", "da", "del", "la", "le",
    ];
    // "The North Atlantic Review", "Le Veilleur": a name opening with an article is a title's.
    const ARTICLES: &[&str] = &[
        "the", "le", "la", "les", "il", "lo", "der", "die", "das", "el", "los", "las",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    // "DERNIERS AVIS DE DÉCÈS": three words or more in capitals are a heading.
    let shouting = words.len() >= 3 && in_capitals(name);
    !shouting
        && (2..=4).contains(&words.len())
        && words.first().is_some_and(|w| {
            starts_capitalised(w) && !ARTICLES.contains(&w.to_lowercase().as_str())
        })
        // ("À Rosario": a one-letter word is an initial only with its dot.)
        && words.first().is_some_and(|w| w.chars().count() >= 2)
        && words.last().is_some_and(|w| starts_capitalised(w))
        && words.iter().all(|w| {
            (starts_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c)))
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
        })
}

/// Whether a word opens the way a name does: with a capital, or in Georgian, whose everyday
/// script (Mkhedruli) writes names without capitals although Unicode files its letters as
/// lower case ("ნინო ბერიძე").
pub(crate) fn starts_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || is_georgian(c))
}

/// A letter of Mkhedruli, the Georgian script: no capitals, although Unicode files its letters
/// as lower case.
pub(crate) fn is_georgian(c: char) -> bool {
    ('\u{10D0}'..='\u{10FF}').contains(&c)
}

/// "Redazione", "La Rédaction", "Redaktion", "Редакция": a newsroom signing, not a person.
pub(crate) fn is_newsroom(name: &str) -> bool {
    const NEWSROOM: &[&str] = &[
        "redazione",
        "rédaction",
        "redaction",
        "redaktion",
        "redakcja",
        "редакция",
        "редакція",
        "redacción",
        "newsroom",
        "staff",
        "σύνταξη",
    ];
    normalize(name)
        .split_whitespace()
        .any(|w| NEWSROOM.contains(&w))
}

/// "Rachel Donnelly – 5 avril 2025", "Agnieszka Wróbel · 15 March 2024", "Олеся Мартинець, 7
/// лютого 2025": a byline without its "By", the writer's name and the date. Returns the name
/// and the date (ISO).
pub(crate) fn name_date(line: &str) -> Option<(String, String)> {
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let (head, rest) = [" – ", " — ", " · ", " | ", ", "]
        .iter()
        .filter_map(|sep| line.split_once(sep))
        .min_by_key(|(head, _)| head.len())?;
    // "Von Katrin Mehlhorn | 04.02.2025": a byline's "By" goes.
    let name = byline_name(head).unwrap_or_else(|| head.trim().to_string());
    if !is_person_name(&name) {
        return None;
    }
    // The date leads what follows ("5 avril 2025 · Lecture 6 min"), or a dateline's words
    // ("mis en ligne le 24 avril 2025").
    let first = rest.split([' ', '·', '|']).find(|w| !w.is_empty())?;
    let dated = first.starts_with(|c: char| c.is_ascii_digit())
        || dates::month_number(&first.to_lowercase()).is_some()
        || is_dateline(&normalize(rest));
    if !dated {
        return None;
    }
    Some((name, dates::first_date(rest)?))
}

/// The label a row of share buttons opens with ("Share:", "Поделиться:").
const SHARE_LEADS: &[&str] = &[
    "share",
    "partager",
    "teilen",
    "condividi",
    "compartir",
    "udostępnij",
    "поделиться",
    "поділитися",
    "κοινοποίηση",
    "გააზიარე",
    "გაზიარება",
    "partagez",
];

/// A channel's subscriber count ("48 213 abonnés"), normalised.
const SUBSCRIBER_WORDS: &[&str] = &[
    "abonnés",
    "abonnenten",
    "subscribers",
    "followers",
    "subskrybentów",
    "subskrybenci",
    "obserwujących",
    "подписчиков",
    "подписчика",
    "подписчики",
    "підписників",
    "підписники",
    "iscritti",
    "suscriptores",
    "seguidores",
    "συνδρομητες",
    "გამომწერი",
];

/// "48 213 abonnés", "12,4K subscribers": a channel's subscriber count, which sits right below
/// the channel's name in an export.
pub(crate) fn is_subscriber_count(line: &str) -> bool {
    let norm = normalize(line);
    norm.split_whitespace().count() <= 4
        && norm
            .split_whitespace()
            .any(|w| SUBSCRIBER_WORDS.contains(&w))
        && is_counter(&norm, false)
}

/// Count words of comment and share counters ("142 comments", "1,208 Shares").
const COUNT_WORDS: &[&str] = &[
    "ნახვები",
    // Normalised: Greek accents are folded away.
    "σχολια",
    "votos",
    "votes",
    "commenter",
    "kommentieren",
    "comment",
    "comments",
    "shares",
    "share",
    "likes",
    "views",
    "commentaire",
    "commentaires",
    "partages",
    "réactions",
    "vues",
    "kommentare",
    "kommentar",
    "commenti",
    "condivisioni",
    "komentarze",
    "wyświetleń",
    "wyświetlenia",
    "komentarzy",
    "komentarz",
    "комментарии",
    "комментариев",
    "комментария",
    "просмотров",
    "comentarios",
    "comentario",
    "view",
    "voir",
    "les",
    "see",
    "all",
    // "Voir les 87 contributions", "| Vu 1 542 fois", "Lu 3487 fois", "48 Likes∙5 Restacks".
    "contributions",
    "vu",
    "lu",
    "fois",
    "restacks",
    // "👁 1 284 lectures", "214 J'aime · 18 Restacks", "37 Postings".
    "postings",
    "lectures",
    "j'aime",
    "letture",
    "lecturas",
    "reads",
    // An embedded post's counts and its link to the replies: "112 Reposts 38 Quotes 401
    // Likes", "Lire les 97 réponses", "Read 212 replies".
    "reposts",
    "quotes",
    "retweets",
    "replies",
    "read",
    "lire",
    "réponses",
    "respuestas",
    "risposte",
    "antworten",
    "odpowiedzi",
    "ответов",
];

/// "4:52 PM · Feb 6, 2024", "5:01 PM · 18 août 2024", "4 juin, 23:41 · 🌍": the stamp under an
/// embedded post, a clock time and a date (or the post's audience icon) on either side of a
/// middle dot. A page's own dateline above the article is taken before this as a dateline; a
/// sentence has words no date has.
pub(crate) fn is_post_stamp(norm: &str) -> bool {
    let parts: Vec<&str> = norm.split('·').map(str::trim).collect();
    if parts.len() != 2 || !has_year_or_time(norm) {
        return false;
    }
    let clock = |p: &str| {
        p.split_whitespace()
            .any(|w| is_numeric_date_or_time(w.trim_end_matches([',', '.'])))
            && is_bare_date(p)
    };
    let audience = |p: &str| matches!(p, "🌍" | "🌐" | "🌎" | "🌏" | "👥" | "🔒");
    let date = |p: &str| is_bare_date(p);
    (clock(parts[0]) && (date(parts[1]) || audience(parts[1])))
        || (date(parts[0]) && (clock(parts[1]) || audience(parts[1])) && has_clock(norm))
}

/// Whether a normalised line gives a clock time ("23:41", "4:52").
fn has_clock(norm: &str) -> bool {
    norm.split(|c: char| c.is_whitespace() || matches!(c, ',' | '·'))
        .any(|w| w.contains(':') && is_numeric_date_or_time(w))
}

/// "Martine R.", "Алексей М.", "ლაშა მ.": a commenter's first name and initial, the way
/// comment sections and readers' letters sign; an article's line is never a name cut short
/// like this (an agency's signature is in capitals, "(AFP)"). Read after the comment-thread
/// passes, which find a thread by its names still in the text.
pub(crate) fn is_commenter_name(trimmed: &str) -> bool {
    // Capitalised, or in a script written without case (Georgian's Mkhedruli, which Unicode
    // files as lower case).
    let capital = |c: char| {
        c.is_uppercase()
            || ('\u{10D0}'..='\u{10FF}').contains(&c)
            || (c.is_alphabetic() && !c.is_lowercase())
    };
    let Some((first, initial)) = trimmed.split_once(' ') else {
        return false;
    };
    let mut letters = initial.chars();
    let initial_ok = letters.next().is_some_and(capital)
        && letters.next() == Some('.')
        && letters.next().is_none();
    initial_ok
        && first.chars().count() >= 2
        && first.starts_with(capital)
        && first
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
        && first.chars().skip(1).any(|c| !c.is_uppercase())
}

/// "112 reposts 38 quotes 401 likes": counts side by side with no separator, each a figure and
/// its count word, two pairs or more (a sentence has other words between its figures). ("3
/// replies, 14 reposts, 52 likes, 5.1K views": or a comma after each pair.)
fn is_count_pairs(norm: &str) -> bool {
    let words: Vec<&str> = norm.split_whitespace().collect();
    let mut pairs = words.chunks_exact(2);
    words.len() >= 4
        && pairs.remainder().is_empty()
        && pairs.all(|pair| {
            pair[0].chars().any(|c| c.is_ascii_digit())
                && pair[0]
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'm'))
                && COUNT_WORDS.contains(&pair[1].trim_end_matches(','))
        })
}

/// "142 comments", "1,208 Shares", "Voir les 12 commentaires", and outside the article a bare
/// view counter, age rating or time ("1245", "18+", "02:31"): a number with at most count words.
/// A bare number inside the article ("2020", "1.") may be its own text, so only a duration or
/// clock time ("02:31", of a video player or a live blog) counts there.
fn is_counter(norm: &str, outside_body: bool) -> bool {
    let mut number = false;
    let mut count_word = false;
    let mut clock = false;
    for w in norm.split(|c: char| c.is_whitespace() || matches!(c, '·' | '∙' | '|' | '(' | ')'))
    {
        if w.is_empty() {
            continue;
        }
        // "👁 5,1K · 23:47": a view count in thousands under a channel post.
        // ("3 replies, 14 reposts": a comma after a pair.)
        let w = w.trim_end_matches([':', ',']);
        let digits = w.trim_end_matches(['k', 'm', 'к', 'м']);
        // ("♡ 1,2 k · 🔁 864": an embedded post's likes and reposts, by their icons.)
        if w.starts_with(['👁', '♡', '❤', '🔁']) {
            count_word = true;
            continue;
        }
        // "💬 0 commentaire": the icon before a count says nothing more; nor does a unit
        // spaced from its figure ("248 K abonnés").
        if w.chars().all(is_pictograph) || (number && matches!(w, "k" | "к" | "m" | "м")) {
            continue;
        }
        if digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':' | '+'))
            && digits.chars().any(|c| c.is_ascii_digit())
        {
            let w = digits;
            number = true;
            let parts: Vec<&str> = w.split(':').collect();
            clock |= (2..=3).contains(&parts.len())
                && parts.iter().skip(1).all(|p| p.len() == 2)
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        } else if COUNT_WORDS.contains(&w) || SUBSCRIBER_WORDS.contains(&w) {
            count_word = true;
        } else {
            return false;
        }
    }
    // Alone, "1." is a list marker and "2020" a year heading, not a counter.
    let bare_ok = || {
        let t = norm.trim();
        let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
        !t.ends_with('.') && !year
    };
    number && (count_word || clock || (outside_body && bare_ok()))
}

/// Longest plea sentence that a plea phrase opening it removes.
const MAX_PLEA_WORDS: usize = 45;

/// A newsletter, donation, cookie or paywall box written as one long sentence ("Ne manquez plus
/// aucun article : inscrivez-vous à notre lettre d'information quotidienne et recevez ...",
/// "Nous utilisons des cookies et des technologies similaires pour ..."): a phrase of that kind
/// of two or more words opens the line, or the part after a colon closing a short lead-in, up to
/// [`MAX_PLEA_WORDS`] words. An article sentence does not open with "inscrivez-vous à notre".
fn plea_sentence_reason(norm: &str, words: usize) -> Option<&'static str> {
    const PLEAS: &[&str] = &[
        "newsletter plea",
        "donation plea",
        "cookie notice",
        "paywall notice",
        "comment notice",
        // "Masz ciekawy temat? Byłeś świadkiem zdarzenia? Napisz do nas …": a call for tips.
        "feedback widget",
    ];
    if words > MAX_PLEA_WORDS {
        return None;
    }
    let after_colon = norm
        .split_once(':')
        .filter(|(head, _)| head.split_whitespace().count() <= 6)
        .map(|(_, rest)| rest.trim_start());
    let opening = [Some(norm), after_colon]
        .into_iter()
        .flatten()
        .find_map(|part| {
            matching(part, 1)
                .into_iter()
                .find_map(|(p, start, end)| match p.kind {
                    // Feedback buttons come in pairs ("Tak Nie") that open sentences too.
                    // (A fact-check denies something of the button's words: no banner.)
                    Kind::Chrome(r)
                        if start == 0
                            && p.words > if r == "feedback widget" { 2 } else { 1 }
                            && PLEAS.contains(&r)
                            && !denied_cookie_buttons(r, part, start, end) =>
                    {
                        Some(r)
                    }
                    _ => None,
                })
        });
    // (A plea reported with who makes it is the article's: "…, insiste la station.")
    if opening.is_some() {
        return opening.filter(|_| !has_speech_tag(norm));
    }
    // A plea box often opens with a sentence about the outlet and ends with the ask: "The
    // Herald has covered Westmore for 127 years. If you value our reporting, please consider a
    // subscription." The ask, when it is the last sentence, says what the box is; a phrase of
    // three words or more, since an article's sentence can end on a short one.
    // ("… We rely on donations from people like you. Donate today": or the box's button, a
    // phrase of two words that is all of the last part, with no stop after it.)
    let last = last_sentence(norm)?;
    let button = |end: usize| end == last.trim_end().len();
    matching(last, 1)
        .into_iter()
        .find_map(|(p, start, end)| match p.kind {
            Kind::Chrome(r)
                if start == 0
                    && (p.words >= 3 || (p.words == 2 && button(end)))
                    && PLEAS[..4].contains(&r) =>
            {
                Some(r)
            }
            _ => None,
        })
}

/// "Faire un don, même de 10 €, c'est permettre aux bénévoles de sortir en mer, insiste la
/// station dans son appel.", "Donate what you can, the charity urged.": a plea's words with a
/// speech tag, a verb of saying right after a comma (with the speaker after it, or before it in
/// a clause of a few words that closes the sentence). The article reports somebody's appeal; a
/// site's own box does not say who is speaking.
pub(crate) fn has_speech_tag(norm: &str) -> bool {
    const SAYING: &[&str] = &[
        // fr
        "insiste",
        "explique",
        "affirme",
        "souligne",
        "rappelle",
        "précise",
        "ajoute",
        "indique",
        "estime",
        "martèle",
        "plaide",
        "assure",
        "déclare",
        "confie",
        "résume",
        "prévient",
        "poursuit",
        "avertit",
        "conclut",
        "détaille",
        "exhorte",
        "implore",
        "supplie",
        "lance",
        "insistait",
        "expliquait",
        "affirmait",
        "soulignait",
        "rappelait",
        "ajoutait",
        // en
        "says",
        "said",
        "urges",
        "urged",
        "insists",
        "insisted",
        "adds",
        "added",
        "explains",
        "explained",
        "argues",
        "argued",
        "warns",
        "warned",
        "pleads",
        "pleaded",
        // de
        "sagt",
        "sagte",
        "betont",
        "betonte",
        "erklärt",
        "erklärte",
        "appelliert",
        "mahnt",
        "warnt",
        "fordert",
        // it
        "dice",
        "spiega",
        "sottolinea",
        "afferma",
        "aggiunge",
        "ribadisce",
        "avverte",
        // es
        "explica",
        "subraya",
        "afirma",
        "señala",
        "añade",
        "asegura",
        "recuerda",
        "advierte",
        "pide",
        // pl
        "mówi",
        "apeluje",
        "podkreśla",
        "dodaje",
        "przekonuje",
        "zaznacza",
        "tłumaczy",
        // ru, uk
        "говорит",
        "подчеркивает",
        "призывает",
        "отмечает",
        "добавляет",
        "поясняет",
        "каже",
        "наголошує",
        "закликає",
    ];
    let verb = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        // "explique-t-il", "insiste-t-elle", "ajoute-elle".
        let w = w.split("-t-").next().unwrap_or(w);
        let w = w
            .strip_suffix("-il")
            .or(w.strip_suffix("-elle"))
            .unwrap_or(w);
        SAYING.contains(&w)
    };
    norm.split(", ").skip(1).any(|clause| {
        let words: Vec<&str> = clause
            .split(['.', '!', '?', ';'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        // ", insiste la station", ", says the charity" / ", the charity said".
        (words.len() >= 2 && verb(words[0]))
            || ((2..=5).contains(&words.len())
                && verb(words[words.len() - 1])
                && clause.trim_end().len() > words.join(" ").len())
    })
}

/// The last sentence of a line of two or more ("… for 127 years. If you value our reporting,
/// …"), when it is not the whole line.
fn last_sentence(norm: &str) -> Option<&str> {
    let trimmed = norm.trim_end_matches(['.', '!', '?', ' ']);
    let cut = trimmed.rfind(['.', '!', '?'])?;
    let rest = norm[cut + 1..].trim_start();
    // "3.5 million": no space after the stop. ("U.S. officials" passes, but a sentence cut
    // there does not open with a plea.)
    (norm[cut + 1..].starts_with(' ') && !rest.is_empty()).then_some(rest)
}

/// "Harriet Calloway is a columnist for the Westminster Ledger and a former transport
/// correspondent.", "Marie Dupont est journaliste au service Économie.": the writer's bio
/// under the article, a name and a newsroom role. Only in the last two lines, where the bio
/// sits; a story about a reporter names the role in its own sentences, further up.
fn is_author_bio(trimmed: &str) -> bool {
    const LINKS: &[&str] = &[
        " is a ", " is an ", " is the ", " est ", " ist ", " es ", " è ", " jest ",
    ];
    const ROLES: &[&str] = &[
        "columnist",
        "correspondent",
        "reporter",
        "writer",
        "editor",
        "journalist",
        "contributor",
        "producer",
        "journaliste",
        "correspondant",
        "correspondante",
        "rédacteur",
        "rédactrice",
        "chroniqueur",
        "chroniqueuse",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "periodista",
        "corresponsal",
        "redactor",
        "redactora",
        "giornalista",
        "corrispondente",
        "dziennikarzem",
        "dziennikarką",
        "reporterem",
        "reporterką",
    ];
    let Some((name, rest)) = LINKS.iter().find_map(|l| trimmed.split_once(l)) else {
        return false;
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && rest.split_whitespace().take(6).any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            ROLES.contains(&w.as_str())
        })
}

/// Longest line read as a channel's link prompt ("Puls Pomorza | Subskrybuj 👉 t.me/pulspomorza",
/// "Vous aimez nos infos ? Partagez notre canal avec vos proches 🙏👉 t.me/…").
const MAX_LINK_PROMPT_WORDS: usize = 16;

/// Pictographs: emoji, dingbats and the joiners between them. Channel exports mark view counts,
/// reactions and prompts with them; prose does not consist of them.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D)
}

/// "👁 31.2K", "👍 1.2K  🔥 404  😢 96", "👁 18,2 tys.  edytowano 14:07": the view count or the
/// reaction row under a channel post: pictographs and numbers, with at most a unit or an "edited"
/// mark. Chrome wherever it stands; an article's line is never only that.
fn is_reaction_row(trimmed: &str) -> bool {
    const WORDS: &[&str] = &[
        "tys.",
        "tys",
        "тыс.",
        "тыс",
        "mln",
        "млн",
        "mil",
        "edited",
        "edytowano",
        "изменено",
        "modifié",
        "bearbeitet",
        "modificato",
        "editado",
    ];
    let (mut pictograph, mut number) = (false, false);
    for w in trimmed.split_whitespace() {
        // "♡ 214   💬 37   ↻ 18": a symbol that is no letter, digit or punctuation mark
        // (arrows, hearts) marks a counter as a pictograph does.
        let symbol = !w
            .chars()
            .any(|c| c.is_alphanumeric() || c.is_ascii_punctuation())
            && !w
                .chars()
                .all(|c| matches!(c, '—' | '–' | '…' | '«' | '»' | '“' | '”' | '„'));
        let bare = if symbol {
            ""
        } else {
            w.trim_start_matches(is_pictograph)
        };
        pictograph |= bare.len() < w.len();
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        let digits = lower.trim_end_matches(['k', 'm', 'к', 'м']);
        if digits.chars().any(|c| c.is_ascii_digit())
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':'))
        {
            number = true;
        } else if !WORDS.contains(&lower.as_str()) {
            return false;
        }
    }
    pictograph && number
}

/// "🔔 Rejoignez notre canal 👉 t.me/kordoninfo_fr", "Puls Pomorza | Subskrybuj 👉 t.me/x": a
/// short line pointing to a channel or profile link, with a pictograph or a follow verb to say
/// it is a prompt (a source credit names a link without either).
fn is_channel_link_prompt(trimmed: &str, norm: &str) -> bool {
    const HOSTS: &[&str] = &[
        "t.me/",
        "vk.com/",
        "x.com/",
        "twitter.com/",
        "instagram.com/",
        "facebook.com/",
        "youtube.com/",
        "tiktok.com/",
        "ok.ru/",
    ];
    let lower = trimmed.to_lowercase();
    if !HOSTS.iter().any(|h| lower.contains(h)) || trimmed.ends_with('.') {
        return false;
    }
    trimmed.chars().any(is_pictograph) || has_follow_verb(norm)
}

/// "Mensajes: 6.214", "Inscription : 12 mars 2019": a line of a forum post's user panel, a
/// label of the table's `forum-stat` kind, a colon, and a figure or a date. (An article's
/// "Messages: 12" would need the label alone before the colon and a bare figure after it.)
fn is_forum_stat(norm: &str) -> bool {
    let Some((label, value)) = norm.split_once(':') else {
        return false;
    };
    let value = value.trim();
    let figure = !value.is_empty()
        && value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}'));
    crate::patterns::is_forum_stat_label(label.trim())
        && (figure || (value.split_whitespace().count() <= 6 && is_bare_date(value)))
}

/// A forum post's user panel on one line: one statistic ("Iscritto il: ven 3 mar 2017, 18:22"),
/// or statistics between bars with at most one short label, the poster's rank ("Użytkownik |
/// Dołączył: 02 mar 2016 | Posty: 541").
/// A forum poster's panel row, or a line that opens with one of its fields ("Dołączył: 14 sty
/// 2011 | Posty: 3218 | Skąd: …"): its dates are the account's, not the page's.
pub(crate) fn is_forum_panel(norm: &str) -> bool {
    is_forum_stat_row(norm)
        || norm
            .split(['|', '•', '·'])
            .next()
            .is_some_and(|first| is_panel_field(first.trim()))
}

/// A field of a poster's panel: a statistic, or a known label with a short value ("Localisation :
/// Daloa", "Inscription : mars 2017", "Rejestracja: śr 11 mar 2015, 20:02").
fn is_panel_field(p: &str) -> bool {
    is_forum_stat(p)
        || p.split_once(':').is_some_and(|(label, value)| {
            crate::patterns::is_forum_stat_label(label.trim())
                && (1..=5).contains(&value.split_whitespace().count())
        })
}

pub(crate) fn is_forum_stat_row(norm: &str) -> bool {
    // ("Kouame_Yao225 – Membre actif – Messages : 1 208 – Inscription : mars 2017": the panel
    // parted by dashes.)
    let parts: Vec<&str> = if norm.contains(['|', '•', '·']) {
        norm.split(['|', '•', '·']).map(str::trim).collect()
    } else {
        norm.split(" – ").map(str::trim).collect()
    };
    if parts.len() == 1 {
        return norm.split_whitespace().count() <= 7 && is_forum_stat(norm);
    }
    let stats = parts.iter().filter(|p| is_forum_stat(p)).count();
    let fields = parts.iter().filter(|p| is_panel_field(p)).count();
    let labels = parts
        .iter()
        .filter(|p| !is_panel_field(p) && p.split_whitespace().count() <= 2 && !p.contains(':'))
        .count();
    // (The poster's handle and rank may both sit in a dashed panel.)
    let max_labels = if norm.contains(" – ") { 2 } else { 1 };
    stats >= 1 && fields >= 2 && fields + labels == parts.len() && labels <= max_labels
}

/// "Message par cyclomarcel » mar. 11 mars 2025 09:34", "Post by jdoe » Tue Mar 11, 2025 9:34
/// am": a forum post's header, the poster after a "by" word and the date after a "»"; or a reply's
/// subject, "Re: " and the thread's title.
pub(crate) fn is_forum_post_header(trimmed: &str) -> bool {
    const BY: &[&str] = &[
        "par", "by", "von", "da", "por", "przez", "от", "від", "autor:", "auteur:", "author:",
    ];
    if is_quote_header(trimmed) {
        return true;
    }
    if trimmed.starts_with("Re: ") || trimmed.starts_with("RE: ") {
        return !trimmed.ends_with(['.', '?', '!']) || trimmed.ends_with("...");
    }
    // "#1 Ср, 08 окт 2025, 09:14", "#12 · 3 mars 2024 à 18:02": a numbered post's header, its
    // number and its date with the time.
    if let Some((number, rest)) = trimmed.split_once(' ') {
        let numbered = number.strip_prefix('#').is_some_and(|d| {
            !d.is_empty() && d.len() <= 5 && d.chars().all(|c| c.is_ascii_digit())
        });
        if numbered && rest.split_whitespace().count() <= 7 {
            let clock = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .any(|w| w.contains(':') && is_numeric_date_or_time(w));
            return clock && crate::dates::first_date(rest).is_some();
        }
    }
    let Some((head, tail)) = trimmed.split_once(" » ") else {
        return false;
    };
    let head: Vec<&str> = head.split_whitespace().collect();
    // "Оксана_М » 12.02.2025, 09:40": the poster alone, then the date with its time.
    let clock = tail
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| w.contains(':') && is_numeric_date_or_time(w));
    if head.len() == 1 && clock {
        return tail.split_whitespace().count() <= 4 && crate::dates::first_date(tail).is_some();
    }
    // ("Message non lu par bucheron_lac » 3 oct. 2024, 07:42": phpBB's longer label, the
    // word for "by" right before the poster.)
    let by = |w: &&str| BY.contains(&w.to_lowercase().as_str());
    let labelled = (5..=6).contains(&head.len()) && by(&head[head.len() - 2]);
    ((2..=4).contains(&head.len()) && head[..head.len() - 1].iter().any(by) || labelled)
        && tail.split_whitespace().count() <= 8
        && crate::dates::first_date(tail).is_some()
}

/// The poster a post header names ("bucheron_lac" of "Message non lu par bucheron_lac » 3 oct.
/// 2024, 07:42"): the last word before the mark.
pub(crate) fn forum_poster(header: &str) -> Option<&str> {
    let (head, _) = header.trim().split_once(" » ")?;
    head.split_whitespace().last()
}

/// "souss_lover a dit :", "kierowca_z_podgórza pisze:", "Marek said:": a forum's header over a
/// quoted post, the poster's handle (one word, or two capitalised) and the verb with its colon.
fn is_quote_header(trimmed: &str) -> bool {
    const SAID: &[&str] = &[
        "a dit",
        "a écrit",
        "said",
        "wrote",
        "schrieb",
        "hat geschrieben",
        "ha scritto",
        "scrive",
        "pisze",
        "napisał",
        "napisała",
        "написал",
        "написала",
        "написав",
        "escribió",
        "dijo",
        "έγραψε",
    ];
    // ("BretelleNord a écrit : ↑mar. 11 mars 2025 21:47": a board's link back to the post.)
    let trimmed = trimmed
        .split_once('↑')
        .map_or(trimmed, |(head, _)| head.trim_end());
    let Some(head) = trimmed.strip_suffix(':') else {
        return false;
    };
    let head = head.trim_end();
    SAID.iter().any(|verb| {
        head.strip_suffix(verb).is_some_and(|who| {
            let who: Vec<&str> = who.split_whitespace().collect();
            match who.as_slice() {
                [handle] => handle.chars().any(char::is_alphabetic),
                [first, last] => starts_capitalised(first) && starts_capitalised(last),
                _ => false,
            }
        })
    })
}

/// "🌡 58° Pawnee Ridge, OK", "Lyon 12°C ☁": a weather widget, a temperature and a weather
/// pictograph in a few words.
fn is_weather_widget(trimmed: &str) -> bool {
    const WEATHER: &[char] = &[
        '🌡', '☀', '☁', '⛅', '🌤', '🌥', '🌦', '🌧', '🌨', '🌩', '❄', '🌫', '☔',
    ];
    let number = |n: &str| {
        let n = n.trim_start_matches(['-', '−', '+']);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    };
    // "12°C", "58°", or "−14 °C" with a space.
    let tokens: Vec<&str> = trimmed.split_whitespace().collect();
    let temperature = tokens.iter().enumerate().any(|(k, w)| {
        let w = w.trim_end_matches(['C', 'F', ',']);
        w.strip_suffix('°').is_some_and(number) || (w == "°" && k > 0 && number(tokens[k - 1]))
    });
    temperature && trimmed.contains(WEATHER)
}

/// "Dólar hoy: Compra S/ 3.742 | Venta S/ 3.751", "Курс Банка Израиля: $ 3,271 ₪ ▲ | € 3,812 ₪ ▼",
/// "Taux de référence BRH : 1 USD = 131,49 HTG": an exchange-rate widget, two currency marks (or
/// one with a rate's arrow or "=") beside figures and set apart, in a few words that make no
/// sentence (the caller checks both).
fn is_currency_ticker(trimmed: &str) -> bool {
    const SIGNS: &[char] = &['$', '€', '£', '₪', '₽', '₴', '¥', '₺', '₾'];
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "CHF", "RUB", "UAH", "PLN", "HTG", "LL", "LBP", "XOF", "XAF", "MAD",
        "DZD", "TND", "GEL", "TRY", "CNY", "JPY", "ARS", "UYU", "PEN", "CLP", "MXN", "COP", "ILS",
        "KZT", "BYN",
    ];
    let marks = trimmed.matches(SIGNS).count()
        + trimmed
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| CODES.contains(w))
            .count();
    let figures = trimmed
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    // A widget sets its figures apart ("USD 81,42 ▼ EUR 94,87 ▲", "Compra S/ 3.742 | Venta …");
    // a headline with two prices ("Le lait passe de 0,45 € à 0,52 € le litre") does not.
    let rate = trimmed.contains(['▲', '▼', '=']);
    let apart = rate || trimmed.contains(['|', '/']);
    figures >= 1 && ((marks >= 2 && apart) || (marks >= 1 && rate))
}

/// "IBAN : CH00 0900 0000 1234 5678 9", "Nr konta: PL 61 1090 1470 …": a bank account number,
/// which only a donation or payment box prints.
fn has_bank_account(trimmed: &str) -> bool {
    // Called on most short lines: without two digits and 18 capitals or digits in all there is
    // no IBAN, and no copy of the line is made.
    let (digits, code) = trimmed.bytes().fold((0, 0), |(d, c), b| {
        (
            d + usize::from(b.is_ascii_digit()),
            c + usize::from(b.is_ascii_digit() || b.is_ascii_uppercase()),
        )
    });
    if digits < 2 || code < 15 {
        return false;
    }
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = compact.as_bytes();
    // Two capitals, two digits, then at least 11 more digits or capitals: an IBAN (Norway's
    // are 15 long, Belgium's 16: "IBAN BE71 0689 4523 1169", its label glued on once the
    // spaces are gone).
    // ("LES BENDSKINEURS ONT JUSQU'AU 31 MARS POUR …": a headline in capitals runs on in
    // capitals too; an account number is mostly digits, six at least after its check digits.)
    (0..bytes.len().saturating_sub(15)).any(|k| {
        let run = || {
            bytes[k + 4..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        };
        bytes[k].is_ascii_uppercase()
            && bytes[k + 1].is_ascii_uppercase()
            && bytes[k + 2].is_ascii_digit()
            && bytes[k + 3].is_ascii_digit()
            && (k == 0 || !bytes[k - 1].is_ascii_alphanumeric() || compact[..k].ends_with("IBAN"))
            && run().count() >= 11
            && run().filter(|b| b.is_ascii_digit()).count() >= 6
    })
}

/// "@jdupont": a social media handle alone on its line, under a byline or a quote's author.
fn is_social_handle(trimmed: &str) -> bool {
    trimmed.strip_prefix('@').is_some_and(|h| {
        h.chars().count() >= 3
            && h.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
    })
}

/// "More from The Prairie Ledger", "MORE FROM OPINIONS": a label over another list of the
/// site's articles, the words opening a short line with a name after them and nothing more.
/// ("And here is more from the BBC." and "More from the Washington Times:" are the article's
/// own words: not at the start, or closed by a stop or a colon.)
fn is_more_from_label(trimmed: &str) -> bool {
    // (The words compared as written, whatever their case, without lower-casing the line.)
    const MORE_FROM: &str = "more from ";
    trimmed
        .get(..MORE_FROM.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(MORE_FROM))
        && !trimmed[MORE_FROM.len()..].trim().is_empty()
        && !trimmed.ends_with(['.', ':', '!', '?', ',', ';', '"', '”'])
}

/// "← Grèce : les saisonniers s'organisent", "Un collectif contre les résidences secondaires →":
/// the links to the previous and next posts under a blog's article.
fn is_adjacent_post_link(trimmed: &str) -> bool {
    // "« Προηγούμενο: Κοπή της πίτας", "Επόμενο: Αποκριάτικος χορός »": guillemets as the
    // arrows, with the link's label and a colon (a quotation has no label).
    let labelled =
        |t: &str| !t.contains(['«', '»']) && t.split_whitespace().take(4).any(|w| w.ends_with(':'));
    let text = if let Some(rest) = trimmed.strip_prefix('←') {
        rest
    } else if let Some(rest) = trimmed.strip_suffix('→') {
        rest
    } else if let Some(rest) = trimmed
        .strip_prefix('«')
        .or_else(|| trimmed.strip_suffix('»'))
        .filter(|r| labelled(r))
    {
        rest
    } else {
        return false;
    };
    let text = text.trim();
    !text.ends_with(['.', '!', ':']) && text.starts_with(char::is_uppercase)
}

/// "Newsletter «Le Matin du Léman» Recevez chaque matin l'essentiel …", "Newsletter „Wirtschaft
/// kompakt“: Die wichtigsten …": the outlet's newsletter named in quotes at the head of its box.
/// An article names somebody's newsletter inside a sentence, not as its first word.
fn is_named_newsletter_box(trimmed: &str) -> bool {
    const WORDS: &[&str] = &["newsletter", "infolettre", "newsletteru", "рассылка"];
    let Some((first, rest)) = trimmed.split_once(char::is_whitespace) else {
        return false;
    };
    let rest = rest.trim_start();
    // "Newsletter Les Vérificateurs – Chaque vendredi, les intox …": or its name unquoted, then
    // a spaced dash and what it sends.
    let dashed = || {
        rest.starts_with(char::is_uppercase)
            && [" – ", " — "].iter().any(|d| {
                rest.split_once(d)
                    .is_some_and(|(name, _)| (1..=4).contains(&name.split_whitespace().count()))
            })
    };
    WORDS.contains(&first.to_lowercase().as_str())
        && ((rest.starts_with(['«', '„', '“', '"'])
            && rest
                .chars()
                .skip(1)
                .any(|c| matches!(c, '»' | '“' | '”' | '"')))
            || dashed())
}

/// Whether a follow verb of the table ("suivez", "rejoignez-nous") stands in the line.
fn has_follow_verb(norm: &str) -> bool {
    matching(norm, usize::MAX)
        .into_iter()
        .any(|(p, _, _)| matches!(p.kind, Kind::FollowVerb))
}

/// "Monsieur Albert DETHIER, époux de Madame Lucienne Collard, né à Fosses-la-Ville le 3 mars
/// 1938 et décédé à Charleroi le 12 janvier 2025.": a death notice of the page's obituary box,
/// the civility, the surname in capitals and the dates of birth and death. An article about a
/// death does not spell the surname in capitals.
fn is_death_notice(line: &str) -> bool {
    const CIVILITY: &[&str] = &[
        "Monsieur",
        "Madame",
        "Mademoiselle",
        "M.",
        "Mme",
        "Herr",
        "Frau",
    ];
    const DIED: &[&str] = &[
        "décédé",
        "décédée",
        "verstorben",
        "gestorben",
        "deceduto",
        "deceduta",
    ];
    if !line
        .split_whitespace()
        .next()
        .is_some_and(|w| CIVILITY.contains(&w))
    {
        return false;
    }
    let caps_surname = line.split_whitespace().take(5).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.chars().count() >= 3 && w.chars().all(char::is_uppercase)
    });
    let lower = line.to_lowercase();
    caps_surname && DIED.iter().any(|d| lower.contains(d))
}

/// "M. Gérard Bonnin – Cerizay – 78 ans", "Luigi Mauri – anni 84 – Corvasco": a death notice
/// listed in an obituary box, the name, the town and the age between dashes.
fn is_obituary_entry(line: &str) -> bool {
    let dash = if line.contains(" – ") {
        " – "
    } else {
        " — "
    };
    let parts: Vec<&str> = line.split(dash).map(str::trim).collect();
    if parts.len() < 3 {
        return false;
    }
    let num = |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|b| b.is_ascii_digit());
    let age = |p: &str| match p.split_whitespace().collect::<Vec<_>>().as_slice() {
        [a, b] => {
            (num(a)
                && matches!(
                    *b,
                    "ans" | "Jahre" | "lat" | "años" | "лет" | "років" | "years" | "χρονών"
                ))
                || (num(b) && matches!(*a, "anni" | "age" | "âge"))
        }
        _ => false,
    };
    parts.iter().any(|p| age(p))
        && parts[0]
            .split_whitespace()
            .filter(|w| starts_capitalised(w))
            .count()
            >= 2
}

/// "kostas_xania · πριν από 1 ώρα", "Dominique R. – il y a 2 heures", "~Marek · 2 godz. temu": a
/// comment's header, the poster's handle or name and how long ago it was posted.
fn is_handle_and_age(line: &str) -> bool {
    let Some((who, when)) = [" · ", " – ", " — ", " | "]
        .iter()
        .find_map(|sep| line.split_once(sep))
    else {
        return false;
    };
    let who_words = who.split_whitespace().count();
    let when = when.trim().to_lowercase();
    const AGO: &[(&str, &str)] = &[
        ("il y a ", ""),
        ("πριν από ", ""),
        ("hace ", ""),
        ("vor ", ""),
        ("", " ago"),
        ("", " fa"),
        ("", " temu"),
        ("", " назад"),
        ("", " тому"),
    ];
    let relative = AGO.iter().any(|(pre, post)| {
        when.strip_prefix(pre)
            .and_then(|r| r.strip_suffix(post))
            .is_some_and(|r| {
                let mut w = r.split_whitespace();
                w.next().is_some_and(|n| {
                    n.bytes().all(|b| b.is_ascii_digit())
                        || matches!(n, "un" | "une" | "an" | "a" | "one")
                }) && w.count() <= 2
            })
    });
    (1..=3).contains(&who_words) && relative
}

/// "L'invitée de La Matinale - Nathalie Rey, … / La Matinale / 7 min. / aujourd'hui à 07:42",
/// "▶ Logement: … / Forum / 4 min. / 3 février 2025": a radio or podcast item, its title, the
/// programme, the duration and the date, split by slashes.
fn is_media_item(line: &str) -> bool {
    let parts: Vec<&str> = line.split(" / ").map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().any(|p| {
            let mut w = p.split_whitespace();
            w.next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                && w.next().is_some_and(|u| {
                    matches!(u.trim_end_matches('.'), "min" | "Min" | "mn" | "sec")
                })
                && w.next().is_none()
        })
}

/// "The disused railway line near Ballinacorr. Photo: Westmore Herald", "Strażacy umacniają wał
/// (fot. PAP/Tomasz Kowalczyk)", "… February 4, 2025. MERIDIAN WIRE/Lucia Ferrante/File Photo": a
/// photo's caption, told by the credit that closes it (a credit phrase of the table after a stop,
/// a bracket, a bar or a slash, and at most six words after it). Prose does not end by crediting
/// a photographer.
fn is_credited_caption(trimmed: &str) -> bool {
    // ("(fot. PAP/…)": the bracket is no part of the credit's first word.)
    let norm = normalize(trimmed).replace('(', "( ");
    static ROWS: std::sync::OnceLock<Rows> = std::sync::OnceLock::new();
    let Some((start, end)) = ROWS
        .get_or_init(|| Rows::of(Kind::Chrome("image credit")))
        .spans_in(&norm)
        .into_iter()
        .filter(|&(start, _)| start > 0)
        .max_by_key(|&(start, _)| start)
    else {
        return false;
    };
    let before = norm[..start].trim_end();
    let tail = &norm[end..];
    before.ends_with(['.', '(', '|', '/', '–', '—', '-', ')'])
        && before.split_whitespace().count() >= 3
        && tail.split_whitespace().count() <= 6
        && !tail.contains(". ")
}

/// "… Jouer comporte des risques : endettement, isolement, dépendance. Pour être aidé, appelez le
/// 09 74 75 13 13", "Die Teilnahme an Sportwetten ist erst ab 18 Jahren erlaubt.": the warning
/// the law puts under every betting ad, with its helpline or age. An article that cites the
/// slogan quotes it. (The long form: a short "+18 | Juega con responsabilidad" under a betting
/// box is left to the box's own passes.)
fn is_gambling_warning(trimmed: &str) -> bool {
    const WARNINGS: &[&str] = &[
        "jouer comporte des risques",
        "spiele verantwortungsbewusst",
        "ab 18 jahren erlaubt",
        "glücksspiel kann süchtig machen",
        "gamble responsibly",
        "gambling can be addictive",
        "juega con responsabilidad",
        "il gioco è vietato ai minori",
        "gioca responsabilmente",
        "graj odpowiedzialnie",
        "азартные игры могут вызывать зависимость",
        "jouez de manière responsable",
        "jouez responsable",
        "παίξε υπεύθυνα",
        "παίζετε υπεύθυνα",
        "play responsibly",
        "juega responsablemente",
        // (Rioplatense voseo.)
        "jugá con responsabilidad",
    ];
    if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = outside_quotes(trimmed).to_lowercase();
    WARNINGS.iter().any(|w| lower.contains(w))
}

/// "Sponsorisé · Ce retraité a trouvé une astuce …", "📢 REKLAMA | Kurs angielskiego -40%": an
/// advertisement label (a row of the table, the whole of the line's first part) and the ad's
/// text after a separator.
fn is_labelled_ad(trimmed: &str) -> bool {
    is_sponsor_line(trimmed) || labelled_ad_head(trimmed) || opens_with_ad_hashtag(trimmed)
}

/// "#pub 🛡 VPN Rapide : -70 % avec le code …", "#реклама": a channel post tagged as an ad.
fn opens_with_ad_hashtag(trimmed: &str) -> bool {
    const TAGS: &[&str] = &[
        "#pub",
        "#ad",
        "#ads",
        "#sponsored",
        "#anzeige",
        "#werbung",
        "#reklama",
        "#реклама",
        "#publicidad",
        "#pubblicità",
        "#διαφήμιση",
    ];
    trimmed
        .split_whitespace()
        .next()
        .is_some_and(|w| TAGS.contains(&w.to_lowercase().as_str()))
}

/// "Chauffage Info | Sponsorisé", "ООО «ФинКредо». Реклама. erid: 2VtzqxBn7Lk": the sponsor's
/// name and the ad label after it, or a Russian ad's registration token (`erid`, required on
/// every ad by law there), which closes an ad.
pub(crate) fn is_sponsor_line(trimmed: &str) -> bool {
    let erid = trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0].eq_ignore_ascii_case("erid:")
                && w[1].len() >= 6
                && w[1].chars().all(|c| c.is_ascii_alphanumeric())
        });
    let labelled_tail = AD_SEPARATORS
        .iter()
        .filter_map(|sep| trimmed.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())
        .is_some_and(|(sponsor, tail)| {
            (1..=5).contains(&sponsor.split_whitespace().count())
                && is_ad_label(normalize(tail).trim_end_matches(['.', ':']))
        });
    erid || labelled_tail
}

/// What stands between an ad's label and the rest of its line ("Sponsorisé · …", "Chauffage
/// Info | Sponsorisé"); not a colon, which opens a subheading's topic.
const AD_SEPARATORS: [&str; 5] = [" · ", " | ", " • ", " ▶ ", " ▸ "];

/// Whether the whole of a normalised text is an advertisement label of the table
/// ("sponsorisé", "реклама").
fn is_ad_label(norm: &str) -> bool {
    matching(norm, 1).into_iter().any(|(p, start, end)| {
        start == 0 && end == norm.len() && matches!(p.kind, Kind::Chrome("advertisement label"))
    })
}

fn labelled_ad_head(trimmed: &str) -> bool {
    // Not a colon: "Publicité : les annonceurs boudent la chaîne" is a subheading's topic.
    let Some((head, tail)) = AD_SEPARATORS
        .iter()
        .filter_map(|sep| trimmed.split_once(sep))
        .min_by_key(|(head, _)| head.len())
    else {
        return false;
    };
    let head = normalize(head);
    let head = head.trim_end_matches(':');
    !tail.trim().is_empty() && head.split_whitespace().count() <= 3 && is_ad_label(head)
}

/// "Flash info : coupure d'électricité …", "ÚLTIMA HORA | …": a breaking-news ticker above the
/// article, its label a row of kind `ticker` followed by a colon or a bar.
fn opens_with_ticker_label(norm: &str, trimmed: &str) -> bool {
    matching(norm, 1).into_iter().any(|(p, start, end)| {
        let rest = norm[end..].trim_start();
        // "ULTIM'ORA Incidente sulla provinciale 12": the label in capitals, the news in
        // sentence case, with nothing between them.
        let capitals = || {
            let mut words = trimmed
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .split_whitespace();
            let label_caps = words
                .by_ref()
                .take(p.words)
                .all(|w| !w.chars().any(char::is_lowercase));
            let next = words.next().unwrap_or("");
            label_caps
                && next.starts_with(char::is_uppercase)
                && next.chars().any(char::is_lowercase)
        };
        // "FLASH INFO" alone on its line heads the ticker on the next one.
        start == 0
            && matches!(p.kind, Kind::Ticker)
            && (rest.is_empty()
                || rest.starts_with([':', '|', '–', '—', '▸', '▶', '►', '•', '+'])
                || capitals())
    })
}

/// "Hai letto 3 articoli su 5 gratuiti questo mese", "You have read 2 of 4 free articles": a
/// metered paywall's counter; two small numbers joined by "of", and the word for articles.
fn is_paywall_meter(norm: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "articles",
        "article",
        "articoli",
        "articolo",
        "artikel",
        "artikeln",
        "artykułów",
        "artykuły",
        "artykuł",
        "статей",
        "статьи",
        "artículos",
        "artículo",
        "stories",
    ];
    const OF: &[&str] = &[
        "of", "su", "sur", "von", "z", "из", "de", "di", "dei", "des", "der",
    ];
    let words: Vec<&str> = norm
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // ("Vous lisez votre 3e article gratuit sur 5": the first may be an ordinal.)
    let number = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        digits.len() <= 2
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["", "e", "er", "ème", "st", "nd", "rd", "th"].contains(&&w[digits.len()..])
    };
    let numbers: Vec<usize> = (0..words.len()).filter(|&k| number(words[k])).collect();
    let joined = numbers
        .windows(2)
        .any(|w| w[1] - w[0] <= 4 && words[w[0] + 1..w[1]].iter().any(|x| OF.contains(x)));
    joined && words.iter().any(|w| ARTICLES.contains(w))
}

/// "Arrêté préfectoral n° 2025-DDT-0418 - format : PDF - 312,45 Ko", "⬇ Télécharger l'épisode
/// (MP3, 10,7 Mo)": a file to download, named with its type and size.
fn is_file_download(norm: &str) -> bool {
    const TYPES: &[&str] = &[
        "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "mp3", "zip", "epub", "ppt",
        "pptx",
    ];
    const SIZES: &[&str] = &[
        "ko", "mo", "go", "kb", "mb", "gb", "kib", "mib", "kio", "mio", "кб", "мб", "kbajt",
    ];
    let words: Vec<&str> = norm
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | ',' | '[' | ']' | '-' | '–' | ':')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let file_type = words.iter().any(|w| TYPES.contains(w));
    // "312,45 Ko", "10,7 Mo", "2.1MB".
    let size = words.iter().enumerate().any(|(k, w)| {
        let unit = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let glued = unit.len() < w.len() && SIZES.contains(&unit);
        let after_number = SIZES.contains(w)
            && k > 0
            && words[k - 1].chars().any(|c| c.is_ascii_digit())
            && words[k - 1].chars().all(|c| c.is_ascii_digit() || c == '.');
        glued || after_number
    });
    file_type && size
}

/// "— SWC Railway (@SWCRailway) February 9, 2025": the signature under an embedded tweet.
fn is_embed_signature(trimmed: &str) -> bool {
    let Some(rest) = trimmed.strip_prefix(['—', '–', '-']) else {
        return false;
    };
    let Some((_, after)) = rest.split_once("(@") else {
        return false;
    };
    let Some((handle, date)) = after.split_once(')') else {
        return false;
    };
    !handle.is_empty()
        && handle.chars().all(|c| c.is_alphanumeric() || c == '_')
        && crate::dates::first_date(date).is_some()
}

/// "💛 Ce blog est tenu par une poignée de bénévoles… soutenez-nous sur Tipeee ou HelloAsso":
/// a paragraph under a heart or a folded-hands pictograph that names a donation platform, or a
/// line with a link to a donation page.
fn is_pictograph_plea(trimmed: &str) -> bool {
    const PLATFORMS: &[&str] = &[
        "tipeee",
        "helloasso",
        "patreon",
        "liberapay",
        "ko-fi",
        "paypal",
        "patronite",
        "boosty",
        "buymeacoffee",
        "zrzutka",
        "donorbox",
        "steady",
    ];
    // "Keep us going: patreon.com/borderlanddispatch | PayPal": a link to the outlet's own
    // donation page says what the line is wherever it stands.
    const PAGES: &[&str] = &[
        "patreon.com/",
        "ko-fi.com/",
        "tipeee.com/",
        "paypal.me/",
        "buymeacoffee.com/",
        "liberapay.com/",
        "helloasso.com/",
        "patronite.pl/",
        "boosty.to/",
        "donorbox.org/",
    ];
    // (Called on most lines: lower-cased only when a link or the pictograph is there.)
    let opens_with_pictograph = trimmed.starts_with(is_pictograph);
    if !opens_with_pictograph && !trimmed.contains('/') {
        return false;
    }
    let lower = trimmed.to_lowercase();
    PAGES.iter().any(|p| lower.contains(p))
        || (opens_with_pictograph
            && lower
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| PLATFORMS.contains(&w)))
}

/// "Football : le MC Tazrout qualifié • Prix : de nouvelles mesures … • Météo : alerte …": three
/// or more headlines between bullets, most led by their topic, on one line above the article.
/// "(2/3)": a post's part and the number of parts, in brackets alone on a line.
fn is_part_marker(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) else {
        return false;
    };
    inner.split_once('/').is_some_and(|(n, m)| {
        let num = |x: &str| (1..=2).contains(&x.len()) && x.chars().all(|c| c.is_ascii_digit());
        num(n) && num(m) && n.parse::<u32>().ok() <= m.parse::<u32>().ok()
    })
}

/// How many news items a ticker line holds, as its separators ("+++", "▸", "▶", "•") part them.
pub(crate) fn ticker_items(line: &str) -> usize {
    line.split(['▸', '▶', '►', '•'])
        .flat_map(|x| x.split("+++"))
        .filter(|x| x.split_whitespace().count() >= 2)
        .count()
}

fn is_bullet_ticker(line: &str) -> bool {
    let items: Vec<&str> = line
        .split('•')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    let topic = |x: &str| {
        x.split_once(':')
            .is_some_and(|(head, _)| (1..=3).contains(&head.split_whitespace().count()))
    };
    items.len() >= 3
        && items.iter().all(|x| {
            (3..=15).contains(&x.split_whitespace().count())
                && x.starts_with(char::is_uppercase)
                && !x.ends_with('.')
        })
        && items.iter().filter(|x| topic(x)).count() * 3 >= items.len() * 2
}

/// Words by which a site speaks to its reader or of itself ("vous", "nous", "you", "our", "ci",
/// "uns", "нас", "μας"): an appeal always has one, a news sentence about somebody else's
/// fundraiser ("the strikers' fund asked supporters to make a donation") need not. Function
/// words, not chrome phrases, so they live here rather than in the phrase table.
pub(crate) fn addresses_reader(norm: &str) -> bool {
    const WORDS: &[&str] = &[
        "vous",
        "votre",
        "vos",
        "nous",
        "notre",
        "nos",
        "you",
        "your",
        "we",
        "our",
        "us",
        "ti",
        "ci",
        "tuo",
        "tua",
        "noi",
        "nostro",
        "nostra",
        // Imperatives with "us" joined on: "sosteneteci", "aiutaci".
        "sosteneteci",
        "sostienici",
        "aiutateci",
        "aiutaci",
        "seguiteci",
        "seguici",
        "scriveteci",
        "scrivici",
        "nostri",
        "nostre",
        "voi",
        "vostro",
        "sie",
        "ihre",
        "ihr",
        "ihnen",
        "wir",
        "uns",
        "unser",
        "unsere",
        "unseren",
        "unserer",
        "dich",
        "dein",
        "deine",
        "nas",
        "nam",
        "nasz",
        "nasza",
        "naszą",
        "naszej",
        "naszych",
        "ciebie",
        "cię",
        "wy",
        "wam",
        "wasz",
        "мы",
        "нас",
        "нам",
        "наш",
        "наша",
        "наше",
        "наши",
        "вы",
        "вас",
        "вам",
        "ваш",
        "ваша",
        "ваши",
        "ми",
        "ви",
        "μας",
        "σας",
        "εμείς",
        "tu",
        "te",
        "tú",
        "nosotros",
        "nuestro",
        "nuestra",
        "nuestros",
        "nuestras",
        "usted",
        // Imperatives with "you" or "us" joined on: "hazte socio", "apóyanos".
        "hazte",
        "únete",
        "súmate",
        "suscríbete",
        "apóyanos",
        "ayúdanos",
        "síguenos",
        "ჩვენ",
        "ჩვენი",
        "თქვენ",
    ];
    norm.split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w))
}

/// A line that opens with a quotation and goes on after it closes ("« Faites un don à la
/// pharmacie », plaisante un retraité"), or a quotation of five words or more alone on its
/// line (a button in quotes, « Faites un don », is shorter): a reported quote, whatever words it
/// holds.
pub(crate) fn is_reported_quote(line: &str) -> bool {
    let Some(open) = line
        .chars()
        .next()
        .filter(|c| matches!(c, '«' | '"' | '“' | '„'))
    else {
        return false;
    };
    let close: &[char] = match open {
        '«' => &['»'],
        '„' => &['“', '”'],
        _ => &['"', '”'],
    };
    line[open.len_utf8()..].find(close).is_some_and(|i| {
        let inside = &line[open.len_utf8()..open.len_utf8() + i];
        let after = &line[open.len_utf8() + i..];
        // "« Chaque euro compte. Rejoignez la coopérative ! »": a slogan or a pull quote
        // quoted whole is somebody's words too.
        let whole = after.trim_start_matches(close).trim().is_empty()
            && inside.split_whitespace().count() >= 5;
        whole || after.split_whitespace().count() >= 2
    })
}

/// Quotation marks: a line holding them reports somebody's words (a slogan, a banner), which
/// the plea rules leave alone.
pub(crate) const QUOTE_MARKS: &[char] = &['«', '»', '"', '“', '”', '„'];

/// Shortest and longest line [`appeal_reason`] looks at: a button is shorter (the phrase rules
/// take it), a paragraph longer.
const MIN_APPEAL_WORDS: usize = 5;
const MAX_APPEAL_WORDS: usize = 60;

/// A donation or newsletter appeal whose wording does not open the line ("Le Fil est financé par
/// ses lecteurs ; si ce travail vous est utile, un don de quelques euros nous permet de
/// continuer."): two distinct plea phrases of the table anywhere in it, at least one of them a
/// chrome phrase (the `-near` ones alone are too weak: "sans publicité", "votre soutien"). A
/// news sentence may mention a fundraiser or a newsletter once; it does not ask the reader twice.
/// A line with quotation marks is someone's words being reported (a slogan, a banner), not the
/// site's appeal.
fn appeal_reason(line: &str) -> Option<&'static str> {
    const KINDS: &[&str] = &[
        "donation plea",
        "newsletter plea",
        "follow/subscribe prompt",
        "opinion disclaimer",
        "cookie notice",
    ];
    // With quotation marks only a disclaimer or a cookie banner can be read, and only from the
    // words outside the quotes (a banner names its buttons: « Gérer les cookies »).
    let quoted = line.contains(QUOTE_MARKS);
    let unquoted;
    let line = if quoted {
        unquoted = outside_quotes(line);
        unquoted.as_str()
    } else {
        line
    };
    let norm = normalize(line);
    let mut hits: Vec<(&'static str, bool, usize, usize)> = matching(&norm, usize::MAX)
        .into_iter()
        .filter_map(|(p, s, e)| match p.kind {
            // A one-word plea ("Soutenez-nous") is strong where it opens the line.
            Kind::Chrome(r) if KINDS.contains(&r) && (p.words > 1 || s == 0) => {
                Some((r, true, s, e))
            }
            Kind::Near(r) if KINDS.contains(&r) => Some((r, false, s, e)),
            _ => None,
        })
        .collect();
    // (At one span a strong phrase goes first, so it is the one kept.)
    hits.sort_by_key(|h| (h.2, std::cmp::Reverse(h.3), !h.1));
    let distinct = outermost(hits, |h| (h.2, h.3));
    // "Suivez Horizon 24 sur Telegram pour ne rien manquer de l'actualité": a follow prompt
    // with its reason, too long for the short-prompt rule.
    if !distinct.is_empty() && is_follow_prompt(&norm) {
        return Some("follow/subscribe prompt");
    }
    let strong = distinct.iter().find(|h| h.1)?;
    if quoted && !matches!(strong.0, "opinion disclaimer" | "cookie notice") {
        return None;
    }
    // (A plea reported with who makes it is the article's: "…, insiste la station.")
    if has_speech_tag(&norm) {
        return None;
    }
    if strong.0 == "follow/subscribe prompt" && names_others_channel(&norm[strong.3..]) {
        return None;
    }
    // Two phrases of a disclaimer or a cookie banner make one.
    let same_kind = distinct.iter().filter(|h| h.0 == strong.0).count();
    // A plea speaks to the reader ("vous", "our"); a report of somebody else's fundraiser need
    // not. Disclaimers and cookie banners speak of the author or of "our partners" instead.
    // ("Dans ce dernier cas, il faut en moyenne neuf clics pour tout refuser, contre un seul
    // pour tout accepter.": a report on banners names their buttons in a sentence that speaks
    // to nobody; a banner's sentence speaks to its reader or of "us".)
    // (A banner's sentence also names what it stores: cookies, data, partners.)
    const STORED: &[&str] = &[
        "cookie",
        "témoin",
        "traceur",
        "donnée",
        "partenaire",
        "data",
        "daten",
        "partner",
        "dati",
        "datos",
        "dane",
        "danych",
        "данны",
        "δεδομέν",
        "συνεργάτ",
        "ქუქი",
    ];
    let reported_buttons = strong.0 == "cookie notice"
        && line.trim_end().ends_with('.')
        && line.split_whitespace().count() >= 12
        && !addresses_reader(&norm)
        && !STORED.iter().any(|w| norm.contains(w));
    let enough = if matches!(strong.0, "opinion disclaimer" | "cookie notice") {
        same_kind >= 2 && !reported_buttons
    } else {
        distinct.len() >= 2 && addresses_reader(&norm)
    };
    enough.then_some(strong.0)
}

/// "Ce site utilise des témoins (cookies) pour …", "Wir setzen technisch notwendige Cookies
/// … ein", "Ta strona korzysta z plików cookie": the site saying, in the first person or of
/// itself, that it uses cookies. Only at the page's top or foot, outside the article (a report on
/// the cookie law says the same of other sites).
fn is_site_cookie_notice(line: &str) -> bool {
    const USE: &[&str] = &[
        "utilise",
        "utilisons",
        "use",
        "uses",
        "using",
        "verwendet",
        "verwenden",
        "nutzen",
        "nutzt",
        "setzen",
        "utilizamos",
        "usamos",
        "utiliza",
        "usa",
        "utilizza",
        "utilizziamo",
        "usiamo",
        "korzysta",
        "używa",
        "używamy",
        "korzystamy",
        "использует",
        "используем",
        "використовує",
        "використовуємо",
        "χρησιμοποιεί",
        "χρησιμοποιούμε",
        // "X et ses 143 partenaires stockent et/ou accèdent à des informations …"
        "stockent",
        "stockons",
        "accèdent",
        "store",
        "speichern",
        "almacenan",
        "acceden",
        "memorizzano",
        "przechowują",
        "хранят",
    ];
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let cookie = words.iter().any(|w| {
        let w = w.trim_end_matches('s');
        w == "cookie" || w.starts_with("cookie-") || w.ends_with("-cookie")
    });
    cookie && words.iter().any(|w| USE.contains(w))
}

/// "Oran Actu 24, [12.06.2024 08:15]": a sender's name, a comma and a bracketed date and time,
/// as Telegram's chat export heads each message.
fn is_export_stamp(trimmed: &str) -> bool {
    export_sender(trimmed).is_some()
}

/// The page whose post a social network's copy holds: the name on the line above the post's
/// stamp, a stamp that ends with the network's audience icon ("Radio Sud Horizon 98.6 FM" over
/// "14 juin, 10:32 · 🌍"). Its credit to itself is no repost.
pub(crate) fn social_poster(lines: &[String], nonempty: &[usize]) -> Option<String> {
    nonempty
        .iter()
        .take(25)
        .collect::<Vec<_>>()
        .windows(2)
        .find_map(|w| {
            let stamp = lines[*w[1]].trim();
            let name = lines[*w[0]].trim();
            let icon = stamp.contains(" · ") && stamp.ends_with(['🌍', '🌐', '🌎', '🌏', '👥']);
            (icon
                && stamp.chars().any(|c| c.is_ascii_digit())
                && (1..=8).contains(&name.split_whitespace().count()))
            .then(|| name.to_string())
        })
}

/// The sender of a chat export's message header ("Masiwa Marseille Infos" of "Masiwa Marseille
/// Infos, [15.02.2025 08:41]"): the channel the page is, when it heads the channel's posts.
pub(crate) fn export_sender(trimmed: &str) -> Option<&str> {
    let (name, stamp) = trimmed.strip_suffix(']')?.rsplit_once(", [")?;
    export_stamp_parts(name, stamp).then_some(name.trim())
}

fn export_stamp_parts(name: &str, stamp: &str) -> bool {
    let mut parts = stamp.split_whitespace();
    let (Some(date), Some(time), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !name.trim().is_empty()
        && date.split('.').count() == 3
        && date
            .split('.')
            .all(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
        && time.split(':').count() >= 2
        && time
            .split(':')
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
}

/// How many of the page's first non-empty lines (`nonempty`, indices into `lines`) are an
/// archive's or a cache's header over the copy ("The Wayback Machine - https://…" / "9 captures"
/// / "12 Mar 2024 - 03 Jul 2025" / "FEB MAR APR" / "12" / "2023 2024 2025"; "Saved from https://…
/// / 14 Aug 2023 07:12:09 UTC / All snapshots from host …"): 0 when the page opens with none.
/// Dates there are the capture's, not the article's.
pub(crate) fn archive_head(lines: &[String], nonempty: &[usize]) -> usize {
    let mut end = 0;
    for (rank, &i) in nonempty.iter().enumerate().take(8) {
        if is_archive_banner(lines[i].trim()) {
            end = rank + 1;
        }
    }
    if end == 0 {
        return 0;
    }
    // The capture calendar and times below the banner: short lines of figures and month names.
    while let Some(&i) = nonempty.get(end) {
        let t = lines[i].trim();
        let short = t.split_whitespace().count() <= 8;
        let calendar = t.chars().any(|c| c.is_ascii_digit()) || in_capitals(t);
        if !(short && calendar) {
            break;
        }
        end += 1;
    }
    end
}

/// A line of an archive's or a cache's banner: a phrase of the table's `archive` rows, or the
/// forms web archives print ("The Wayback Machine - https://…", "Saved from https://…",
/// "9 captures").
pub(crate) fn is_archive_banner(trimmed: &str) -> bool {
    let norm = normalize(trimmed);
    if norm.contains("wayback machine")
        || norm.contains("saved from http")
        || norm.starts_with("saved from ")
        || norm.contains("versione cache di google")
        || norm.contains("versión en caché")
    {
        return true;
    }
    let mut w = norm.split_whitespace();
    if let (Some(n), Some("captures" | "capture"), None) = (w.next(), w.next(), w.next()) {
        if n.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    static ROWS: std::sync::OnceLock<Rows> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| Rows::of(Kind::Chrome("archive banner")))
        .found_in(&norm)
}

/// Longest line read as an embed's notice: a sentence or two.
const MAX_EMBED_NOTICE_WORDS: usize = 45;

/// "Le contenu de YouTube est masqué", "Questo contenuto è ospitato da Instagram. Per
/// visualizzarlo devi accettare i cookie di terze parti.", "Ten wpis pochodzi z serwisu
/// Facebook. Aby go wyświetlić, zaakceptuj pliki cookie …": what a page shows in place of an
/// embedded post or player the reader has not consented to. A short line saying some content
/// is hidden or blocked, or a line asking to accept cookies to show it: naming cookies, a verb
/// of showing, one of accepting and the content or player (a report on cookie banners tells
/// what sites ask, in quotation marks; a site's own banner speaks of ads, not of a post).
fn is_embed_notice(line: &str, words: usize) -> bool {
    const HIDDEN: &[&str] = &[
        "est masqué",
        "est bloqué",
        "ist ausgeblendet",
        "ist blockiert",
        "wird nicht angezeigt",
        "è nascosto",
        "è bloccato",
        "está oculto",
        "está bloqueado",
        "is hidden",
        "is blocked",
        "jest ukryta",
        "zablokowana",
        "скрыт",
        "заблокирован",
        "είναι κρυφό",
        "αποκλεισμένο",
    ];
    const CONTENT: &[&str] = &[
        "contenu",
        "inhalt",
        "contenuto",
        "contenido",
        "content",
        "treść",
        "wpis",
        "контент",
        "содержимое",
        "περιεχομενο",
    ];
    // (What is embedded: a site's banner speaks of cookies and ads, not of a post or a player.)
    const EMBEDDED: &[&str] = &[
        "video",
        "vidéo",
        "player",
        "post",
        "beitrag",
        "wideo",
        "видео",
        "tweet",
        "βιντεο",
    ];
    const COOKIE: &[&str] = &["cookie", "témoin", "ciasteczk", "куки", "μπισκοτ"];
    const SHOW: &[&str] = &[
        "afficher",
        "visualiser",
        "voir ce",
        "display",
        "view this",
        "to view",
        "to see",
        "anzuzeigen",
        "inhalt anzeigen",
        "visualizzar",
        "mostrar",
        "wyświetl",
        "zobaczyć",
        "показать",
        "посмотреть",
        "просмотр",
        "ver este",
        "verlo",
        "visualizar",
        "προβολη",
        "εμφανιση",
        "δειτε",
    ];
    const ACCEPT: &[&str] = &[
        "accept",
        "autoris",
        "akzeptier",
        "zustimm",
        "einwillig",
        "accett",
        "zaakceptuj",
        "akceptuj",
        "zgod",
        "acepta",
        "примите",
        "принять",
        "разреш",
        "αποδεχ",
        "consent",
        "zezwól",
        "erlaub",
    ];
    // (A cheap look at the raw line first: most lines name neither.)
    let lower_hint = [
        "ookie",
        "OOKIE",
        "émoin",
        "iasteczk",
        "уки",
        "УКИ",
        "ισκότ",
        "ΙΣΚΌΤ",
    ];
    let hidden_hint = [
        "masqu",
        "bloqu",
        "ausgeblendet",
        "blockiert",
        "angezeigt",
        "nascost",
        "bloccat",
        "ocult",
        "hidden",
        "blocked",
        "ukryt",
        "zablokow",
        "скрыт",
        "заблок",
        "κρυφ",
        "αποκλεισ",
    ];
    let cookie_hint = lower_hint.iter().any(|h| line.contains(h));
    let short = words <= 12;
    let hidden = short && hidden_hint.iter().any(|h| line.contains(h));
    if !(cookie_hint || hidden) {
        return false;
    }
    let norm = normalize(line);
    let has = |list: &[&str]| list.iter().any(|w| norm.contains(w));
    (short && has(CONTENT) && has(HIDDEN))
        || (words >= 8
            && has(COOKIE)
            && has(SHOW)
            && has(ACCEPT)
            && (has(CONTENT) || has(EMBEDDED))
            && !line.contains(QUOTE_MARKS))
}

/// Longest line read as a cookie banner: a consent text lists its purposes at length.
const MAX_COOKIE_WORDS: usize = 100;

/// "Avec votre accord, nous et nos 800 partenaires utilisons des cookies ou technologies
/// similaires pour stocker et accéder à des informations personnelles … Vous pouvez retirer
/// votre consentement …": a consent text too long for [`appeal_reason`], told by three or more
/// distinct cookie phrases of the table outside its quotes (a report on the cookie law quotes
/// one or two).
fn is_long_cookie_banner(line: &str) -> bool {
    let norm = normalize(&outside_quotes(line));
    static ROWS: std::sync::OnceLock<Rows> = std::sync::OnceLock::new();
    let mut spans = ROWS
        .get_or_init(|| Rows::of(Kind::Chrome("cookie notice")))
        .spans_in(&norm);
    spans.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    outermost(spans, |&span| span).len() >= 3
}

/// One stretch of text is one phrase, however many rows match it: of matches sorted by start
/// and then longest first, those not inside one kept before them ("sign up to" inside "sign up
/// to our newsletter" is part of it).
fn outermost<T>(sorted: Vec<T>, span: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    let mut kept: Vec<T> = Vec::new();
    for m in sorted {
        let (s, e) = span(&m);
        if !kept.iter().any(|k| {
            let (ks, ke) = span(k);
            ks <= s && e <= ke
        }) {
            kept.push(m);
        }
    }
    kept
}

/// The line with every quoted stretch (« … », "…", “…”, „…“) cut out.
pub(crate) fn outside_quotes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut close: Option<&[char]> = None;
    for c in line.chars() {
        match close {
            Some(cl) if cl.contains(&c) => {
                close = None;
                out.push(' ');
            }
            Some(_) => {}
            None => match c {
                '«' => close = Some(&['»']),
                '„' => close = Some(&['“', '”']),
                '“' => close = Some(&['”']),
                '"' => close = Some(&['"']),
                _ => out.push(c),
            },
        }
    }
    out
}

/// "Diario El Mirador © 2024 Todos los derechos reservados", "Copyright 2024 X Inc. All rights
/// reserved. This material may not be published ...": a rights notice anywhere in a short line.
fn reserves_rights(line: &str) -> bool {
    // Folded like the table's rows (Greek accents), or "Απαγορεύεται η αναδημοσίευση" would
    // never meet its row.
    let mut lower = String::with_capacity(line.len());
    for c in line.chars() {
        crate::patterns::push_lower_folded(&mut lower, c);
    }
    mentions_rights(&lower)
        || lower.match_indices('©').any(|(i, _)| {
            lower[i + '©'.len_utf8()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    dates::is_year_digits(w.trim_matches(|c: char| !c.is_ascii_digit()))
                })
        })
}

/// "TV Infos A La Une Asie Europe Afrique Amériques Opinions Vidéos": five or more words with
/// no sentence punctuation, at least two in three of them section names of the table. Unlike
/// [`is_word_menu`] it may stand anywhere and may hold short words ("A La Une"): the section
/// names are the evidence.
fn is_section_menu(norm: &str) -> bool {
    let words: Vec<&str> = norm.split_whitespace().collect();
    if words.len() < 5
        || words
            .iter()
            .any(|w| w.ends_with(['.', ',', ':', ';', '?', '!']))
    {
        return false;
    }
    let sections = words
        .iter()
        .filter(|w| crate::patterns::is_section_word(w))
        .count();
    sections >= 4 && sections * 3 >= words.len() * 2
}

/// "Connexion | S'inscrire", "Log in / Register", "FAQ • S'enregistrer • Connexion": two to four
/// items between bars, each of them wholly a chrome phrase or a page label of the table
/// (one-word phrases count here, since each item stands alone).
fn is_label_row(line: &str) -> bool {
    if !line.contains(['|', '/', '·', '•']) {
        return false;
    }
    let items: Vec<String> = line
        .split(['|', '/', '·', '•'])
        .map(normalize)
        .filter(|x| !x.is_empty())
        .collect();
    (2..=4).contains(&items.len())
        && items.iter().all(|item| {
            matching(item, 1).into_iter().any(|(p, start, end)| {
                matches!(p.kind, Kind::Chrome(_) | Kind::Label) && start == 0 && end == item.len()
            })
        })
}

/// A line that is nothing but a page label of the table's `label` kind ("Suche", "Menü",
/// "Share", "Save article", "Commenta"): such words open article sentences too, so only the
/// whole line counts.
fn is_whole_line_label(norm: &str) -> bool {
    let whole = |t: &str| {
        t.split_whitespace().count() <= 3
            && matching(t, 1)
                .into_iter()
                .any(|(p, start, end)| p.kind == Kind::Label && start == 0 && end == t.len())
    };
    let t = norm.trim_end_matches([':', ' ']);
    // "Rechercher…": a label with an ellipsis is still the label alone ("Like Loading..." is a
    // row of its own, ellipsis included).
    whole(t) || whole(t.trim_end_matches(['…', '.']))
}

/// "Actualités Régional Politique Économie Sports Arts et spectacles", "Новости Происшествия
/// Общество Экономика Спорт": section names on one line separated by single spaces, outside
/// the article. Five or more words, nearly all capitalised, no sentence punctuation.
fn is_word_menu(line: &str) -> bool {
    // A headline in Title Case or capitals is a sentence: it has verbs and articles, or shouts.
    const SENTENCE_WORDS: &[&str] = &[
        "the", "a", "an", "is", "are", "was", "were", "be", "as", "that", "this", "to", "of", "in",
        "on", "for", "with", "by", "via", "will", "has", "have", "can't", "not", "le", "la", "les",
        "un", "une", "est", "der", "die", "das", "ist", "il", "lo", "è", "di", "per", "con", "что",
        "это", "не", "als", "ein", "eine", "dem", "den", "wird", "wurde", "hat", "sind", "sich",
        "nicht", "auch",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 5 || line.contains(['.', ',', ':', ';', '!', '?', '"', '«', '“', '-']) {
        return false;
    }
    if words
        .iter()
        .any(|w| SENTENCE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    // "Ashworth Miners 24 Kelby Rovers 18": a result, two named sides each with its score.
    let is_score = |w: &&str| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    if words.iter().filter(|w| is_score(w)).count() == 2
        && words.last().is_some_and(is_score)
        && !words.first().is_some_and(is_score)
        && !words.get(words.len() - 2).is_some_and(is_score)
    {
        return false;
    }
    let shouted = words
        .iter()
        .filter(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
        .count();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    shouted * 2 < words.len() && caps * 4 >= words.len() * 3 && caps >= 5
}

/// "Lunes 8 de abril de 2024 | Dólar: $16.52 | San Juan de las Tunas 29°C", "Oran 34°C · Euro
/// 148,92 DA · Dollar 135,60 DA", "1 € = 145,62 DA | 1 $ = 134,71 DA": the strip a page's head
/// sets over its menu, items parted by bars or dots: the day's temperature with the date or an
/// exchange rate, or exchange rates alone. A weather report's table row gives temperatures,
/// not the date and a currency beside them.
fn is_header_strip(line: &str) -> bool {
    // (Most lines part nothing: no list of parts to build for them.)
    if !line.contains(['|', '·']) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(['|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return false;
    }
    let temperature = |p: &str| {
        p.split_whitespace().any(|w| {
            let w = w.trim_end_matches(['C', 'F']);
            w.strip_suffix('°').is_some_and(|n| {
                !n.is_empty()
                    && n.trim_start_matches(['-', '−'])
                        .chars()
                        .all(|c| c.is_ascii_digit())
            })
        })
    };
    let figure = |p: &str| p.chars().any(|c| c.is_ascii_digit());
    // (Named or by their signs; "DA", "DH", "FCFA" by the word alone.)
    let currency = |p: &str| {
        figure(p)
            && (p.contains(['$', '€', '£', '₽', '₴', '₺'])
                || p.to_lowercase().split_whitespace().any(|w| {
                    let w = w.trim_end_matches([':', ',']);
                    matches!(
                        w,
                        "dólar"
                            | "dollar"
                            | "euro"
                            | "da"
                            | "dh"
                            | "dt"
                            | "fcfa"
                            | "долар"
                            | "доллар"
                            | "евро"
                            | "ευρώ"
                            | "δολάριο"
                    )
                }))
    };
    let rate = |p: &str| p.contains('=') && currency(p);
    let date = |p: &str| crate::dates::first_date(p).is_some();
    let temperatures = parts.iter().filter(|p| temperature(p)).count();
    (parts.len() >= 3
        && temperatures >= 1
        && parts
            .iter()
            .any(|p| !temperature(p) && (date(p) || currency(p))))
        || (parts.len() >= 2 && parts.iter().filter(|p| rate(p)).count() >= 2)
}

/// Weather, market and currency widgets outside the article ("54°", "−18 °C", "USD 89,52 EUR
/// 97,31", "CAC 40 7 512,34 +0,45 % | DAX ..."): a short line where figures with units make up
/// half the tokens or more.
fn is_widget(norm: &str) -> bool {
    // "Météo : Pointe-aux-Brumes 3 °C": a lone colon or dash is no token.
    let tokens: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|t| {
            t.chars()
                .any(|c| c.is_alphanumeric() || c == '°' || c == '%')
        })
        .collect();
    // Figures and short labels; a paragraph in a script written without spaces is one long
    // token.
    // ("Pointe-aux-Brumes" is one token too, with its hyphens.)
    let too_long = |t: &&str| {
        let n = t.chars().count();
        n > 24 || (n > 16 && !t.contains('-'))
    };
    // "Saint-Denis 27°C | Saint-Pierre 29°C | Le Tampon 21°C", "CAC 40 7 412,35 ▼ -0,84 % |
    // SBF 120 …": a strip of quotes or temperatures, every item with its figure and its unit
    // or arrow (the places' names outnumber the figures).
    let parts: Vec<&str> = norm.split('|').map(str::trim).collect();
    let strip = parts.len() >= 3
        && parts.iter().all(|p| {
            p.chars().any(|c| c.is_ascii_digit())
                && p.contains(['°', '%', '▲', '▼', '€', '$'])
                && p.split_whitespace().count() <= 8
        });
    if strip {
        return true;
    }
    if tokens.is_empty() || tokens.len() > 30 || tokens.iter().any(too_long) {
        return false;
    }
    let unit = |t: &str| t.contains(['°', '%', '€', '$', '£']);
    // "USD 92,41 ▲ EUR 99,87 ▼": exchange rates, named by their ISO codes.
    const CURRENCIES: &[&str] = &[
        "usd", "eur", "gbp", "chf", "jpy", "cny", "rub", "uah", "pln", "xof", "byn", "kzt", "try",
    ];
    let currencies = tokens.iter().filter(|t| CURRENCIES.contains(t)).count();
    let figures = tokens
        .iter()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()) || unit(t))
        .count();
    (tokens.iter().any(|t| unit(t)) || currencies >= 2) && figures * 2 >= tokens.len()
}

/// Longest follow prompt that speaks to the reader ("Dołącz do nas na Facebooku i obserwuj …
/// w Google News, aby zawsze być na bieżąco …").
const MAX_FOLLOW_WORDS: usize = 30;

/// "Nom *   E-mail *   Site web": the fields of a comment form, flattened.
fn is_comment_form_fields(line: &str) -> bool {
    if line.matches(" *").count() + usize::from(line.ends_with('*')) < 2 {
        return false;
    }
    let lower = line.to_lowercase();
    [
        "mail",
        "courriel",
        "correo",
        "почта",
        "name",
        "nom",
        "nome",
        "imię",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// "00:00 / 02:37": an audio or video player's position and length.
fn is_player_time(norm: &str) -> bool {
    let parts: Vec<&str> = norm.split('/').map(str::trim).collect();
    parts.len() == 2 && parts.iter().all(|p| is_player_clock(p))
}

/// "00:00", "0:00", "1:02:40": one of a player's two clocks (the first field may have one
/// digit).
fn is_player_clock(p: &str) -> bool {
    let t: Vec<&str> = p.split(':').collect();
    t.len() >= 2
        && t.iter().enumerate().all(|(k, x)| {
            (x.len() == 2 || (k == 0 && x.len() == 1)) && x.chars().all(|c| c.is_ascii_digit())
        })
}

/// "00:00 / 18:42   ⏪ 15s   ⏩ 30s   Velocità 1x", "0:00 / 3:26   HD   ⛶": a player's bar, the
/// clock first and its buttons after (pictographs, which `normalize` keeps, are no words).
fn is_player_bar(norm: &str) -> bool {
    let mut w = norm.split_whitespace();
    let (Some(a), Some("/"), Some(b)) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    is_player_clock(a)
        && is_player_clock(b)
        && w.all(|x| {
            x.chars().all(|c| !c.is_alphabetic())
                || x.len() <= 4
                || matches!(x, "velocità" | "vitesse" | "speed" | "geschwindigkeit")
        })
}

/// "1x | 1,5x | 2x", "0.75× 1× 1.25×": a player's speed picker, or "A A A", "A- A+": a text-size
/// picker. Items only, two or more.
fn is_speed_picker(norm: &str) -> bool {
    let items: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == '|' || c == '·')
        .filter(|x| !x.is_empty())
        .collect();
    let speed = |x: &str| {
        x.strip_suffix(['x', '×']).is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        })
    };
    let size = |x: &str| matches!(x, "a" | "a-" | "a+" | "a−");
    items.len() >= 2 && (items.iter().all(|x| speed(x)) || items.iter().all(|x| size(x)))
}

/// "8.1K views  edited  Jan 4 at 10:02", "👁 34,7K   изм.   11 марта в 09:48": a channel post's
/// footer as an export prints it, the view count, the edit mark and the time.
fn is_view_stamp(norm: &str) -> bool {
    const EDITED: &[&str] = &[
        "edited",
        "изм.",
        "изменено",
        "modifié",
        "bearbeitet",
        "modificato",
        "editado",
        "edytowano",
        "змінено",
        "views",
        "просмотров",
        "vues",
        "переглядів",
    ];
    let mut w = norm.split_whitespace();
    let count = w.next().is_some_and(|c| {
        let c = c.trim_end_matches(['k', 'm', 'к']);
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
    });
    let rest: Vec<&str> = w.collect();
    count
        && rest.iter().any(|x| EDITED.contains(x))
        && rest
            .iter()
            .any(|x| x.contains(':') && is_numeric_date_or_time(x))
}

/// "#Приреченск #ЖКХ #отопление": a line of hashtags only.
fn is_hashtag_line(line: &str) -> bool {
    let tags: Vec<&str> = line.split_whitespace().collect();
    tags.len() >= 2
        && tags
            .iter()
            .all(|t| t.starts_with('#') && t.chars().count() > 1)
}

/// "Météo Castelroux : 14 °C, averses", "Weather: 12°C": a weather word opening a short line with
/// a temperature.
fn is_weather_line(norm: &str) -> bool {
    const WEATHER: &[&str] = &[
        "météo",
        "weather",
        "wetter",
        "meteo",
        "pogoda",
        "погода",
        "tiempo",
        "clima",
        "καιρός",
    ];
    // "Vireloup-sur-Aure 9°C Nuageux": a place, a temperature and the sky.
    const SKY: &[&str] = &[
        "nuageux",
        "ensoleillé",
        "pluie",
        "averses",
        "couvert",
        "cloudy",
        "sunny",
        "rain",
        "showers",
        "bewölkt",
        "sonnig",
        "regen",
        "nuvoloso",
        "sereno",
        "pioggia",
        "pochmurno",
        "słonecznie",
        "deszcz",
        "облачно",
        "ясно",
        "дождь",
        "nublado",
        "soleado",
        "lluvia",
    ];
    let first = norm
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(':');
    let sky = norm.split_whitespace().count() <= 6
        && norm
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SKY.contains(&w));
    (WEATHER.contains(&first) || sky) && norm.contains('°')
}

/// "[image]", "[iframe]", "[Photo 1280×853]", "[Видео]": where a scraper met an embedded image,
/// frame or player it writes its kind in brackets, and nothing of the article; with a colon,
/// the image's alternative text after it ("[Image: Vue aérienne du carrefour]"), up to four
/// words without one.
/// (`norm` has lost the opening bracket.)
fn is_media_placeholder(line: &str, norm: &str) -> bool {
    const KINDS: &[&str] = &[
        "image",
        "img",
        "iframe",
        "embed",
        "photo",
        "video",
        "vidéo",
        "figure",
        "picture",
        "bild",
        "immagine",
        "foto",
        "imagen",
        "vídeo",
        "zdjęcie",
        "wideo",
        "фото",
        "видео",
        "изображение",
        "φωτογραφια",
        "βιντεο",
        "ფოტო",
        "ვიდეო",
    ];
    line.starts_with('[')
        .then(|| norm.strip_suffix(']'))
        .flatten()
        .filter(|t| {
            t.split_whitespace().count() <= 4
                || t.split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with(':'))
        })
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|kind| KINDS.contains(&kind.trim_end_matches(':')))
}

/// "▶ Écouter le reportage de Julien Mazars", "Télécharger la note (PDF, 1,4 Mo)": a player's or
/// a download's link: a play mark or a PDF, and a verb of listening, watching or downloading.
fn is_media_link(norm: &str, line: &str) -> bool {
    const VERBS: &[&str] = &[
        "écouter",
        "regarder",
        "voir",
        "télécharger",
        "listen",
        "watch",
        "download",
        "hören",
        "ansehen",
        "herunterladen",
        "ascolta",
        "guarda",
        "scarica",
        "posłuchaj",
        "obejrzyj",
        "pobierz",
        "слушать",
        "смотреть",
        "скачать",
        "послушайте",
        "escuchar",
        "escucha",
        "ver",
        "descargar",
        "ακούστε",
        "δείτε",
        "réécoutez",
        "écoutez",
        "regardez",
        "revoyez",
        "უყურეთ",
        "მოუსმინეთ",
        "κατεβάστε",
    ];
    // "Plan de déviation – rue des Tanneurs (PDF, 1,2 Mo)": an attachment with its size.
    // ("Uchwała nr XII-87-2024.pdf (245 KB)": the file's name with its extension.)
    let attachment = ["(pdf", "(doc", "(docx", ".pdf (", ".doc (", ".docx ("]
        .iter()
        .any(|f| norm.contains(f))
        && [" ko)", " mo)", " kb)", " mb)"]
            .iter()
            .any(|u| norm.contains(u));
    if attachment {
        return true;
    }
    let marked = line
        .trim_start()
        .starts_with(['▶', '►', '🎧', '🔊', '📺', '📻', '📹', '🎥'])
        || norm.contains("pdf");
    marked
        && norm
            .split_whitespace()
            .next()
            .is_some_and(|w| VERBS.contains(&w))
        && !line.trim_end().ends_with('.')
}

/// "Peut être une image de pont, rivière et arbre", "May be an image of text that says …": the
/// description a social network writes for a picture, which a copy of the post keeps as text.
fn is_generated_alt_text(norm: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "peut être une image",
        "peut être un dessin",
        "may be an image",
        "may be a graphic",
        "may be a cartoon",
        "kann ein bild",
        "möglicherweise ein bild",
        "può essere un'immagine",
        "puede ser una imagen",
        "może być zdjęciem",
        "może być obrazem",
        "может быть изображение",
        "може бути зображення",
        "μπορεί να είναι εικόνα",
    ];
    OPENINGS.iter().any(|o| norm.starts_with(o))
}

/// "▶ VIDÉO – Les images des premières averses (1:12)", "▶ WIDEO: Tak wygląda ul. Kolejowa z
/// drona (1:12)": a link to a video or a recording, told by its label and the running time in
/// brackets that closes it. A sentence of the article does not end on a clip's length.
fn is_timed_media_link(norm: &str) -> bool {
    const LABELS: &[&str] = &[
        "vidéo",
        "video",
        "wideo",
        "видео",
        "відео",
        "βίντεο",
        "vídeo",
        "audio",
        "podcast",
        "ვიდეო",
    ];
    let Some((label, _)) = norm.split_once([':', '–', '—', '|']) else {
        return false;
    };
    ends_with_running_time(norm) && LABELS.contains(&label.trim())
}

/// Whether a normalised line ends with a clip's running time in brackets: "(1:12)", "(12:34
/// min)", "(1:02:40)".
fn ends_with_running_time(norm: &str) -> bool {
    let Some(time) = norm
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, t)| t.trim_end_matches("min").trim())
    else {
        return false;
    };
    let parts: Vec<&str> = time.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "1 di 14", "3 / 12", "2 of 9": a photo gallery's position.
fn is_gallery_counter(norm: &str) -> bool {
    // ("◀ 1 / 23 ▶": the carousel's arrows either side.)
    let t: Vec<&str> = norm
        .split_whitespace()
        .filter(|w| {
            !w.chars()
                .all(|c| matches!(c, '▶' | '◀' | '›' | '‹' | '→' | '←'))
        })
        .collect();
    let num = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    // "1/12" alone under a photo: the carousel's position.
    if let [one] = t[..] {
        if let Some((a, b)) = one.split_once('/') {
            let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                return false;
            };
            return num(a) && num(b) && x >= 1 && x <= y && y >= 3;
        }
    }
    t.len() == 3
        && num(t[0])
        && num(t[2])
        && ["di", "of", "sur", "von", "z", "из", "de", "/", "από"].contains(&t[1])
}

/// "3   12   88", "14   9   76": three or four counts set apart by wide spaces (a social post's
/// replies, reposts and likes once their icons are gone). A table's row of years or figures
/// has a label, or years; these are small counts alone.
fn is_bare_counts(trimmed: &str) -> bool {
    if !trimmed.contains("   ") {
        return false;
    }
    let cells: Vec<&str> = trimmed.split_whitespace().collect();
    (3..=4).contains(&cells.len())
        && cells.iter().all(|c| {
            (1..=4).contains(&c.len())
                && c.chars().all(|ch| ch.is_ascii_digit())
                && !(c.len() == 4 && (c.starts_with("19") || c.starts_with("20")))
        })
}

/// "📷 DIAPORAMA · Les halles avant et après les travaux (14 photos)", "BILDERGALERIE: Sturmnacht
/// im Wiesental (23 Bilder)": a link to a gallery, told by the count of its pictures closing the
/// line.
fn is_gallery_link(norm: &str) -> bool {
    const PICTURES: &[&str] = &[
        "photos",
        "photo",
        "foto",
        "fotos",
        "bilder",
        "zdjęć",
        "zdjęcia",
        "фото",
        "фотографий",
        "φωτογραφίες",
        "φωτογραφιεσ",
        "images",
        "pictures",
        "ფოტო",
    ];
    let Some(inner) = norm
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    let mut w = inner.split_whitespace();
    matches!(
        (w.next(), w.next(), w.next()),
        (Some(n), Some(unit), None)
            if n.chars().all(|c| c.is_ascii_digit()) && PICTURES.contains(&unit)
    )
}

/// "Карта | Криптовалюта | PayPal", "Bizum · PayPal · Patreon": a row of ways to pay.
fn is_payment_row(norm: &str) -> bool {
    const PAY: &[&str] = &[
        "paypal",
        "patreon",
        "tipeee",
        "liberapay",
        "bizum",
        "monobank",
        "карта",
        "криптовалюта",
        "crypto",
        "cryptomonnaie",
        "bitcoin",
        "virement",
        "chèque",
        "card",
        "blik",
        "przelew",
        "tarjeta",
        "transferencia",
        "überweisung",
        "bonifico",
        "ko-fi",
        "юmoney",
        "qiwi",
    ];
    let items: Vec<&str> = norm
        .split(['|', '·', '•', '/'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    items.len() >= 2
        && norm.contains(['|', '·', '•', '/'])
        && items
            .iter()
            .all(|x| x.split_whitespace().any(|w| PAY.contains(&w)))
}

/// "Karten: € 28,– / ermäßigt € 19,–", "Εισιτήρια: 18 € (κανονικό), 12 € (φοιτητικό)": a
/// review's or an event notice's admission prices, labelled as such; a quote box or a market
/// widget names a share, an index or a currency.
fn is_admission_price(norm: &str) -> bool {
    const ADMISSION: &[&str] = &[
        "tickets",
        "ticket",
        "admission",
        "entry",
        "billets",
        "billet",
        "entrée",
        "tarif",
        "tarifs",
        "karten",
        "eintritt",
        "biglietti",
        "biglietto",
        "ingresso",
        "entradas",
        "entrada",
        "bilety",
        "bilet",
        "wstęp",
        "билеты",
        "билет",
        "вход",
        "квитки",
        "вхід",
        // (Greek is matched with its accents folded.)
        "εισιτηρια",
        "εισιτηριο",
        "εισοδος",
    ];
    norm.split_once(':')
        .is_some_and(|(label, _)| ADMISSION.contains(&label.trim()))
}

/// "48,12 €", "-3,15 %", "X AG Aktie 23,14 € -4,21 %": a share price and its change, as a
/// quote box flattens into lines: only figures with units, or a name and two such figures.
fn is_quote_box(norm: &str) -> bool {
    let tokens: Vec<&str> = norm.split_whitespace().collect();
    let figure = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | '−'))
    };
    let unit = |t: &str| matches!(t, "€" | "$" | "£" | "%" | "₽" | "zł");
    let figures = tokens.iter().filter(|t| figure(t)).count();
    let units = tokens.iter().filter(|t| unit(t)).count();
    let all_figures = tokens.iter().all(|t| figure(t) || unit(t));
    (all_figures && figures == 1 && units == 1) || (figures >= 2 && units >= 2)
}

/// "1 | AS Tanger | 23 | 46 | +19": a row of a results or standings table, most of its cells
/// figures (outside the article: a table the article gives is its own).
fn is_table_row(line: &str) -> bool {
    let cells: Vec<&str> = line.split('|').map(str::trim).collect();
    let figure = |c: &str| {
        !c.is_empty()
            && c.chars().any(|ch| ch.is_ascii_digit())
            && c.chars().all(|ch| {
                ch.is_ascii_digit() || matches!(ch, '+' | '-' | '−' | ',' | '.' | ':' | '%')
            })
    };
    let figures = cells.iter().filter(|c| figure(c)).count();
    cells.len() >= 4
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.split_whitespace().count() <= 4)
        && figures * 2 >= cells.len()
}

/// "GEO | ENG | RUS", "FR / EN / DE": a language switch.
fn is_language_switch(line: &str) -> bool {
    // "Français English Español Deutsch": the languages' own names (normalised one by one,
    // so a line of prose stops at its first word).
    let mut names = 0;
    let all_names = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            names += 1;
            crate::patterns::is_language_name(&normalize(w))
        });
    // ("عربي | Français", "FR | عربي": two, parted by a bar, each a name or a code in capitals.)
    let parted = line.contains(['|', '/', '·']);
    if all_names && (names >= 3 || (names == 2 && parted)) {
        return true;
    }
    let named_pair = parted && {
        let items: Vec<&str> = line
            .split(['|', '/', '·'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        let code =
            |x: &str| (2..=3).contains(&x.chars().count()) && x.chars().all(|c| c.is_uppercase());
        items.len() == 2
            && items
                .iter()
                .any(|x| crate::patterns::is_language_name(&normalize(x)))
            && items
                .iter()
                .all(|x| code(x) || crate::patterns::is_language_name(&normalize(x)))
    };
    if named_pair {
        return true;
    }
    let items: Vec<&str> = line
        .split(['|', '/', '·'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    // "ქარ | ENG | РУС": codes in their own scripts; two at least in capitals.
    let caps = items
        .iter()
        .filter(|x| x.chars().all(|c| c.is_uppercase()))
        .count();
    items.len() >= 2
        && line.contains(['|', '/', '·'])
        && caps >= 2
        && items
            .iter()
            .all(|x| (2..=3).contains(&x.chars().count()) && x.chars().all(char::is_alphabetic))
}

/// "ULTIMA ORA | Borsa: Milano chiude in rialzo | Serie A, il programma | Meteo, allerta": an
/// upper-case label, then three or more headlines between bars.
fn is_labelled_ticker(line: &str) -> bool {
    let mut parts = line.split(" | ").map(str::trim);
    let label = parts.next().unwrap_or("");
    let items: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    items.len() >= 3
        && label.split_whitespace().count() <= 3
        && is_caps_label(label)
        && items
            .iter()
            .all(|p| p.starts_with(|c: char| c.is_uppercase()) && !p.ends_with('.'))
}

/// Longest subscription offer recognised by its price.
const MAX_OFFER_WORDS: usize = 25;

/// "Offre numérique : 1 € le premier mois, puis 9,99 € par mois", "£1 a week for 12 weeks":
/// a price with its period, outside the article (inside, a price per month is news).
fn is_price_offer(norm: &str) -> bool {
    const PERIODS: &[&str] = &[
        "par mois",
        "/mois",
        "le premier mois",
        "per month",
        "a month",
        "/month",
        "a week",
        "per week",
        "par semaine",
        "wochen für",
        "semaines pour",
        "weeks for",
        "im monat",
        "pro monat",
        "/monat",
        "al mese",
        "/mese",
        "miesięcznie",
        "/mies",
        "za miesiąc",
        "в месяц",
        "/мес",
        "al mes",
        "/mes",
        "por mes",
        "par an",
        "/an",
        "per year",
        "a year",
        "pro jahr",
        "im jahr",
        "all'anno",
        "al año",
        "rocznie",
        "в год",
    ];
    // "9,99 €", "5 €/mois", "1 $", "9,90 zł": a currency next to a figure.
    let price = norm.chars().any(|c| c.is_ascii_digit())
        && (norm.contains(['€', '$', '£', '₽'])
            || norm
                .split_whitespace()
                .any(|w| w.starts_with("zł") || w.starts_with("руб")));
    price && PERIODS.iter().any(|p| norm.contains(p))
}

/// The wording of an introductory offer ("1 € le premier mois, puis 9,99 €", "then £4.99",
/// "no commitment"): with a price per period it is an offer wherever it stands; a price rise
/// reported in an article ("passera de 3 € à 4,50 € par mois") has none of it.
fn is_promotion(norm: &str) -> bool {
    static PROMO: Phrases = Phrases::new(&[
        "premier mois",
        "puis",
        "sans engagement",
        "first month",
        "then",
        "no commitment",
        "cancel anytime",
        "ersten monat",
        "danach",
        "jederzeit kündbar",
        "primo mese",
        "poi",
        "pierwszy miesiąc",
        "potem",
        "первый месяц",
        "затем",
        "primer mes",
        "después",
        "sin permanencia",
        "testen",
        "essai gratuit",
        "free trial",
    ]);
    has_any_phrase(norm, &PROMO)
}

/// Whether one of `phrases` stands in `norm` as whole words (not "puis" inside "depuis").
fn has_any_phrase(norm: &str, phrases: &Phrases) -> bool {
    phrases.automaton().find_overlapping_iter(norm).any(|m| {
        let before = norm[..m.start()].chars().next_back();
        let after = norm[m.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A list of phrases looked for in one pass over a line (Aho-Corasick), the automaton built on
/// first use: a line is asked for dozens of phrases, and searching for each in turn cost more
/// than the rest of the rule.
struct Phrases {
    list: &'static [&'static str],
    automaton: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl Phrases {
    const fn new(list: &'static [&'static str]) -> Phrases {
        Phrases {
            list,
            automaton: std::sync::OnceLock::new(),
        }
    }

    fn automaton(&self) -> &aho_corasick::AhoCorasick {
        self.automaton.get_or_init(|| {
            aho_corasick::AhoCorasick::new(self.list)
                .expect("a short phrase list makes a small automaton")
        })
    }
}

/// Longest line read as a business's advertisement.
const MAX_AD_WORDS: usize = 30;

/// "Garage Rivest & Fils – Pneus d'hiver installés en 30 minutes. Prenez rendez-vous en ligne!",
/// "Banque Cantonale – Votre hypothèque à taux fixe dès 1,69%. Simulez maintenant.": an ad
/// between or under the paragraphs. It tells the reader to do something (book, order, call,
/// simulate: an imperative news prose has outside quotes), and it is a business's line (its name
/// before a spaced dash) or an offer (a price or a rate).
fn is_business_ad(trimmed: &str) -> bool {
    static CALLS: Phrases = Phrases::new(&[
        // fr
        "simulez",
        "réservez",
        "prenez rendez-vous",
        "ouvrez votre",
        "ouvrez un compte",
        "commandez",
        "appelez le",
        "appelez-nous",
        "contactez-nous",
        "demandez votre",
        "demandez un devis",
        "composez",
        "offre soumise à conditions",
        "frais offerts",
        "livraison offerte",
        "livraison gratuite",
        "profitez-en",
        "devis gratuit",
        "transférez",
        "envoyez de l'argent",
        "rechargez",
        "magasinez",
        "découvrez nos offres",
        "vente directe",
        // en
        "book now",
        "order now",
        "call now",
        "call today",
        "shop now",
        "get a quote",
        "free quote",
        "apply now",
        "book online",
        "order online",
        "t&cs apply",
        "terms apply",
        // de
        "jetzt bestellen",
        "jetzt vergleichen",
        "jetzt buchen",
        "termin vereinbaren",
        "jetzt anfragen",
        "kostenlos testen",
        "jetzt sparen",
        "angebot sichern",
        "beraten lassen",
        "direktverkauf",
        // it
        "prenota ora",
        "prenota subito",
        "richiedi un preventivo",
        "scopri l'offerta",
        "chiama ora",
        "spedizione gratuita",
        "vendita diretta",
        // es
        "reserva ya",
        "reserva ahora",
        "solicita tu",
        "llama ya",
        "llama ahora",
        "envío gratis",
        "compra ahora",
        "calcula tu",
        "venta directa",
        // pl
        "zamów teraz",
        "sprawdź ofertę",
        "umów wizytę",
        // ru
        "закажите",
        "звоните",
        "запишитесь",
        "оформите",
        "доставка сегодня",
        "доставка сьогодні",
    ]);
    if is_trade_line(trimmed) {
        return true;
    }
    if trimmed.contains(QUOTE_MARKS) {
        return false;
    }
    let norm = normalize(trimmed);
    // "Jetzt Sommerreifen-Check sichern – Autohaus Weber, Künzelsau": German ads open with
    // "Jetzt" and the thing to do; a news sentence puts its subject first.
    let jetzt = norm.starts_with("jetzt ");
    // "Cantina Sociale dei Masi – Teroldego in offerta, 6 bottiglie a 39 €": or it names its
    // deal instead (an offer, a sale, a discount), which needs a name and a figure below.
    // ("Occhiali da sole -30% fino al 28 febbraio": a whole-number discount is a deal too; a
    // market's fall has its decimals, "-0,84 %"; a table's row, "Malbec: -21%", has no more
    // words than its figure.)
    let discount = norm.split_whitespace().count() >= 5
        && norm.split_whitespace().any(|w| {
            w.strip_prefix(['-', '−'])
                .and_then(|w| w.strip_suffix('%'))
                .is_some_and(|n| {
                    !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
                })
        });
    let deal = discount || has_any_phrase(&norm, &DEALS);
    let called = jetzt || has_any_phrase(&norm, &CALLS);
    if !called && !deal {
        return false;
    }
    // "Garage Rivest & Fils – …": a name of a few capitalised words before a spaced dash;
    // "Moov Money : envoyez …", before a colon; "… – Garage de la Broye SA, Payerne", or after
    // the dash, with its town.
    // ("Un conseil : réservez.": a reviewer's tip; a business is not named with "a".)
    let indefinite = |part: &str| {
        part.split_whitespace()
            .next()
            .is_some_and(|w| INDEFINITE_ARTICLES.contains(&w.to_lowercase().as_str()))
    };
    let name = |part: &str| {
        (1..=6).contains(&part.split_whitespace().count())
            && part.trim_start().starts_with(char::is_uppercase)
            && !part.contains(['.', ':', '?', '!'])
            && !indefinite(part)
    };
    let named = [" – ", " — ", " - ", " : ", ": "].iter().any(|d| {
        trimmed
            .split_once(d)
            .is_some_and(|(head, tail)| name(head) || (!d.contains(':') && name(tail)))
    });
    // (A phone number alone makes no ad: "pour signaler une panne, composez le …" is the
    // article's service information.)
    let offer =
        trimmed.contains(['%', '€', '$', '£']) || norm.contains("chf") || norm.contains("fcfa");
    // (A deal without a call to act needs both.)
    if !called {
        return named && offer;
    }
    named || offer
}

/// A shop's deal named in its ad ("in offerta", "offre spéciale", "-30%" is a figure, not
/// this): with the shop's name before a spaced dash and a price or a rate, an ad.
static DEALS: Phrases = Phrases::new(&[
    "offre spéciale",
    "offres spéciales",
    "en promotion",
    "promo",
    "soldes",
    "special offer",
    "on sale",
    "sonderangebot",
    "frühjahrsaktion",
    "sommeraktion",
    "herbstaktion",
    "winteraktion",
    "in offerta",
    "offerta speciale",
    "sconto",
    "sconti",
    "oferta especial",
    "en oferta",
    "descuento",
    "promocja",
    "rabat",
    "скидка",
    "скидки",
    "акция",
    "προσφορά",
    "έκπτωση",
]);

/// "Garage Lambotte & Fils – Entretien toutes marques, pneus hiver/été – Rue …", "Almazara
/// Virgen de la Cabeza – Venta directa de AOVE …", "Skład Budowlany „Bugbud” – pustaki, cement
/// …": a local business's advert, its name opening with its trade (a garage, a bakery, a
/// hotel) before a spaced dash, then what it sells. A news line does not open with a shop's
/// name and a dash; a town hall ("Hôtel de ville – …") is no trade.
fn is_trade_line(trimmed: &str) -> bool {
    const TRADES: &[&str] = &[
        "garage",
        "carrosserie",
        "concession",
        "friterie",
        "boulangerie",
        "boucherie",
        "pharmacie",
        "restaurant",
        "pizzeria",
        "brasserie",
        "plomberie",
        "auto-école",
        "riad",
        "hôtel",
        "hotel",
        "traiteur",
        "quincaillerie",
        "menuiserie",
        "optique",
        "autohaus",
        "bäckerei",
        "metzgerei",
        "apotheke",
        "gasthaus",
        "gasthof",
        "reisebüro",
        "autowerkstatt",
        "ristorante",
        "farmacia",
        "panificio",
        "autofficina",
        "ferramenta",
        "macelleria",
        "talleres",
        "taller",
        "almazara",
        "panadería",
        "ferretería",
        "inmobiliaria",
        "skład",
        "apteka",
        "piekarnia",
        "hurtownia",
        "restauracja",
        "warsztat",
        "кафе",
        "аптека",
        "автосервис",
        "ресторан",
        "ταβέρνα",
        "ξενοδοχείο",
        "φούρνος",
        "συνεργείο",
        "სასტუმრო",
        "რესტორანი",
    ];
    let Some((head, tail)) = [" – ", " — ", " - "]
        .iter()
        .find_map(|d| trimmed.split_once(d))
    else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    // The name is names ("Talleres Moreno e Hijos"): "Bäckerei Kemmler stellt Insolvenzantrag
    // – …" is a headline, its verb in lower case.
    const JOINS: &[&str] = &[
        "&", "e", "et", "and", "und", "y", "i", "de", "du", "des", "di", "da", "del", "della",
        "la", "le", "les", "von", "der", "the", "of", "chez",
    ];
    let names = words.iter().skip(1).all(|w| {
        JOINS.contains(&w.to_lowercase().as_str())
            || w.trim_start_matches(['„', '«', '"', '“'])
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    names
        && (2..=6).contains(&words.len())
        && head.starts_with(char::is_uppercase)
        && !head.contains(['.', ':', '?', '!', ','])
        && TRADES.contains(&first.as_str())
        && ![
            "hôtel de ville",
            "hôtel du département",
            "hôtel de région",
            "hotel de ville",
        ]
        .iter()
        .any(|civic| head.to_lowercase().starts_with(civic))
        && tail.split_whitespace().count() >= 2
}

/// "18+", "16+", "0+": the age rating Russian and other sites print in their footer.
fn is_age_rating(norm: &str) -> bool {
    norm.strip_suffix('+')
        .is_some_and(|d| (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()))
}

/// "2004:" opening "2004: Erste Machbarkeitsstudie …": a chronology's year, not a clock time.
fn is_year_label(token: &str) -> bool {
    token
        .strip_suffix(':')
        .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
}

/// "18:42 Maltempo, allerta arancione in tre regioni", "10:02 Σεισμός 4,1 Ρίχτερ": a clock time
/// then a headline, in a ticker or a latest-news box outside the article.
pub(crate) fn is_timed_headline(line: &str) -> bool {
    let Some((time, rest)) = line.split_once(' ') else {
        return false;
    };
    // "18:30  Le journal": a schedule's double space.
    let rest = rest.trim_start();
    let words = rest.split_whitespace().count();
    !is_year_label(time)
        && is_numeric_date_or_time(time)
        && time.contains([':', 'h'])
        && (3..=15).contains(&words)
        && !rest.trim_end().ends_with('.')
        && rest
            .trim_start_matches(['«', '"', '„', '“'])
            .starts_with(char::is_uppercase)
}

/// "10:48 | Bourges : le suspect … déféré au parquet": a news feed column's item, a clock time, a
/// separator, then a headline of 3 to 16 words without a closing full stop or colon. A live
/// blog's entries carry times too, but as sentences ("23h47 – La Commission électorale
/// annonce …").
pub(crate) fn is_feed_headline(line: &str) -> bool {
    let t = line.trim();
    let Some((time, rest)) = t.split_once(' ') else {
        return false;
    };
    let clock = time.len() <= 5
        && !is_year_label(time)
        && time.chars().filter(char::is_ascii_digit).count() >= 3
        && time.contains([':', 'h'])
        && time
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == 'h');
    let headline = rest.trim_start_matches(['|', '–', '-', '·', ' ']);
    let words = headline.split_whitespace().count();
    clock
        && (3..=16).contains(&words)
        && !headline.ends_with(['.', ':', '!', '?', ';'])
        && headline.starts_with(char::is_uppercase)
}

/// What an embedded tweet leaves in scraped text besides its words and its signature ("— Name
/// (@handle) date", kept: it says who posted the text the article quotes): its picture link
/// ("pic.twitter.com/hL4qZr82Tn").
fn is_embedded_post_trace(line: &str) -> bool {
    let t = line.trim();
    // An Instagram embed's frame: "View this post on Instagram", "A post shared by X (@x)".
    // (The frame is in the reader's language.)
    const VIEW: &[&str] = &[
        "View this post on Instagram",
        "Voir cette publication sur Instagram",
        "Diesen Beitrag auf Instagram ansehen",
        "Ver esta publicación en Instagram",
        "Visualizza questo post su Instagram",
        "Wyświetl ten post na Instagramie",
        "Посмотреть эту публикацию в Instagram",
        "Переглянути цей допис в Instagram",
        "Δείτε αυτή την ανάρτηση στο Instagram",
    ];
    const SHARED_BY: &[&str] = &[
        "A post shared by",
        "Une publication partagée par",
        "Ein Beitrag geteilt von",
        "Una publicación compartida de",
        "Una publicación compartida por",
        "Un post condiviso da",
        "Post udostępniony przez",
        "Публикация от",
        "Допис, поширений",
        "Μια δημοσίευση που κοινοποιήθηκε από",
    ];
    if VIEW.iter().any(|v| t.starts_with(v))
        || (SHARED_BY.iter().any(|v| t.starts_with(v)) && t.contains("(@"))
    {
        return true;
    }
    // A post's own text stays even when it ends in its link: quoted in an article, it is part
    // of what the article says (and the SemEval annotators labelled it).
    if !t.contains(' ') && (t.starts_with("pic.twitter.com/") || t.starts_with("https://t.co/")) {
        return true;
    }
    is_embed_signature(t)
}

/// Longest line that a chrome phrase opening it removes.
const MAX_OPENING_WORDS: usize = 20;

/// A chrome phrase that *opens* a line is stronger evidence than one inside it, so it removes
/// longer lines: a phrase of two or more words ("Sign up to First Edition, our free daily
/// newsletter – every weekday morning at 7am GMT") up to [`MAX_OPENING_WORDS`] words, and a
/// label closed by a colon ("Privacy Notice: Newsletters may contain ...") up to
/// [`MAX_TEASER_WORDS`].
fn opening_phrase_reason(norm: &str, words: usize) -> Option<&'static str> {
    if words > MAX_TEASER_WORDS {
        return None;
    }
    matching(norm, 1).into_iter().find_map(|(p, start, end)| {
        let Kind::Chrome(reason) = p.kind else {
            return None;
        };
        // Read-more teasers have their own rule; a caption ("Image: ...") and an ad label may
        // open a line of the article's own text.
        if matches!(
            reason,
            "read-more link" | "image credit" | "advertisement label"
        ) {
            return None;
        }
        if reason == "follow/subscribe prompt" && names_others_channel(&norm[end..]) {
            return None;
        }
        if reason == "video player control" && is_term_not_length(p, &norm[end..]) {
            return None;
        }
        if denied_cookie_buttons(reason, norm, start, end) {
            return None;
        }
        // "VIDÉO | Le ministre ...": a bar closes a label as a colon does.
        let label = p.phrase.ends_with(':') || norm[end..].trim_start().starts_with([':', '|']);
        (start == 0 && ((p.words > 1 && words <= MAX_OPENING_WORDS) || label))
            .then(|| plea_after_share_question(norm, reason))
    })
}

/// "Vous avez aimé cet article ? Abonnez-vous à notre newsletter …", "Did you enjoy this
/// article? Support us with a donation": the opening question belongs to share and plea boxes
/// alike (the phrase table lists it under both), so the sentence after it says which box this
/// is. Returns `reason` unless it is a share prompt followed by a sentence that opens with a
/// newsletter or donation plea.
fn plea_after_share_question(norm: &str, reason: &'static str) -> &'static str {
    if reason != "share prompt" {
        return reason;
    }
    norm.match_indices(['?', '!', '.'])
        .map(|(i, m)| norm[i + m.len()..].trim_start())
        .find_map(|rest| {
            matching(rest, 1)
                .into_iter()
                .find_map(|(p, start, _)| match p.kind {
                    Kind::Chrome(r @ ("newsletter plea" | "donation plea"))
                        if start == 0 && p.words > 1 =>
                    {
                        Some(r)
                    }
                    _ => None,
                })
        })
        .unwrap_or(reason)
}

/// "Accepter les cookies d'un site ne donne accès ni à votre téléphone …": a fact-check's
/// sentence with a cookie button's words (`norm[start..end]`, a match of `reason`) as its
/// subject, denying something of them. One check for the three readers of opening phrases.
fn denied_cookie_buttons(reason: &str, norm: &str, start: usize, end: usize) -> bool {
    reason == "cookie notice" && start == 0 && norm.ends_with('.') && denies(&norm[end..])
}

/// Whether a clause is negated ("ne donne accès ni …", "does not give", "gibt keinen …").
fn denies(rest: &str) -> bool {
    const NOT: &[&str] = &[
        "ne", "n'", "not", "nicht", "kein", "keinen", "keine", "non", "nie", "не", "no", "δεν",
    ];
    rest.split(|c: char| c.is_whitespace())
        .any(|w| NOT.contains(&w) || (w.starts_with("n'") && w.len() > 2))
}

/// "02.12.2026, 18:40", "Wed 2 Dec 2026 18.12 GMT", "14 novembre 2026 à 10h32": a line made of a
/// date and time and nothing else.
/// "14 h – 18 h 30", "10:00-12:30", with no month or year in the line: a range of times.
pub(crate) fn is_time_range(norm: &str) -> bool {
    let Some((left, right)) = norm.split_once('–').or_else(|| norm.split_once(" - ")) else {
        return false;
    };
    let left = left.trim_end();
    let ends_in_time = left.ends_with(|c: char| c.is_ascii_digit())
        || (left.ends_with('h')
            && left[..left.len() - 1]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit()));
    let dated = norm.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        dates::month_number(w).is_some() || (dates::is_year_digits(w) && w.starts_with(['1', '2']))
    }) || norm.split_whitespace().any(has_day_and_month);
    ends_in_time && right.trim_start().starts_with(|c: char| c.is_ascii_digit()) && !dated
}

/// "March 2, 1931 - April 11, 2019" under an obituary's name: two years decades apart are a
/// life's dates (or a history's), not when the page was published; an archive's "15 Apr 2019 -
/// 08 Jan 2023" spans a few years.
fn is_lifespan(norm: &str) -> bool {
    let years: Vec<u32> = norm
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1000..2100).contains(y))
        .collect();
    let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) else {
        return false;
    };
    years.len() == 2 && hi - lo >= 20
}

/// A numeric date with its day and month ("03/12/2026", "02.12."): not a time.
fn has_day_and_month(w: &str) -> bool {
    w.chars().filter(|c| matches!(c, '.' | '/')).count() >= 2
}

/// Whether every letter of `s` is a capital ("ΔΕΛΤΙΟ ΤΥΠΟΥ", "DERNIERS AVIS"): a heading or a
/// label, not a name or prose. True for a text without letters.
pub(crate) fn in_capitals(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// "Madrid", "Saint-Pierre-et-Miquelon", "Nueva York": one to three capitalised words (a name
/// particle may join them), no digit, as a dateline gives the place it was filed from.
/// (Asked of every short line with a comma near the top: no allocation.)
fn is_place_name(s: &str) -> bool {
    (1..=3).contains(&s.split_whitespace().count())
        && s.starts_with(char::is_uppercase)
        && s.split_whitespace().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
                && (w.starts_with(char::is_uppercase) || matches!(w, "de" | "del" | "am" | "sur"))
        })
}

fn is_bare_date(norm: &str) -> bool {
    const GLUE: &[&str] = &[
        "uhr", "gmt", "utc", "cet", "cest", "msk", "мск", "am", "pm", "a.m", "p.m", "h", "г",
        "года", "à", "at", "um", "в", "le", "el", "il", "de", "del", "of", "the", "on",
    ];
    // A list marker ("1."), a year or a number alone is not a dateline: it takes a month name
    // with a number, or a numeric date ("02.12.2026"), or a time ("18:40").
    // "Mardi : 14 h – 18 h 30": opening hours, a range of times; a dateline gives one time.
    if is_time_range(norm) || is_lifespan(norm) {
        return false;
    }
    let (mut number, mut month, mut full_date) = (false, false, false);
    for w in norm.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '–')) {
        let w = w.trim_matches(['.', ':']);
        if w.is_empty() || !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let numeric = w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | 'h' | '/' | '-'))
            && w.chars().any(|c| c.is_ascii_digit());
        if numeric {
            number = true;
            full_date |= is_numeric_date_or_time(w);
        } else if is_date_word(w) {
            month = true;
        } else if !(GLUE.contains(&w) || dates::is_weekday_abbr(w)) {
            return false;
        }
    }
    full_date || (month && number)
}

/// A page's dateline gives a year or a time; "Piątek 24 czerwca" inside an article is the
/// heading of a day in it.
fn has_year_or_time(norm: &str) -> bool {
    norm.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|'))
        .map(|w| w.trim_matches(['.', ':']))
        .any(|w| {
            dates::is_year_digits(w)
                || (w.chars().any(|c| c.is_ascii_digit()) && is_numeric_date_or_time(w))
        })
}

/// "02.12.2026", "2026-12-02", "12/02/26", "18:40", "14h05".
pub(crate) fn is_numeric_date_or_time(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
    let all_digits = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if parts.len() == 3 && parts.iter().all(all_digits) {
        let l: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        return (l[0] <= 2 && l[1] <= 2 && (l[2] == 2 || l[2] == 4))
            || (l[0] == 4 && l[1] <= 2 && l[2] <= 2);
    }
    let time: Vec<&str> = w.split([':', 'h']).collect();
    time.len() == 2 && time[0].len() <= 2 && time[1].len() == 2 && time.iter().all(all_digits)
}

/// "© 2026 МИА «Россия сегодня»", "Copyright 2025 Example Media": a short
/// line that opens with a copyright sign and a year.
fn is_copyright_line(norm: &str) -> bool {
    // "Copyright law is changing" is a sentence: the word needs a year or a sign with it.
    // "© Getty Carl Sagan and the 'Pale Blue Dot' photograph" is a caption: a year must follow.
    let year_after = |rest: &str| {
        let rest = rest.trim_start_matches(['©', ' ']);
        rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    };
    // "© La Gazette mosane 2024 - Tous droits réservés", "© El Heraldo de la Vega, 2023": the
    // holder first, then the year.
    let year_within = |rest: &str| {
        rest.split_whitespace()
            .take(8)
            .any(|w| dates::is_year_digits(w.trim_matches(|c: char| !c.is_alphanumeric())))
    };
    norm.strip_prefix('©')
        .is_some_and(|r| year_after(r) || year_within(r))
        || norm
            .strip_prefix("copyright ")
            .is_some_and(|r| year_after(r) || year_within(r))
}

/// Longest "Read also: <headline>" line recognised (a headline rarely has more words).
const MAX_TEASER_WORDS: usize = 30;

/// "Lea más: <headline>", "LIRE AUSSI : <headline>", "READ: <headline>": a read-more label
/// opening the line and closed by a colon, then the headline of another article. The label is a
/// row of the phrase table; the colon right after it is what makes the line a teaser rather than
/// a sentence that begins with the same words ("Read more about it in the report.").
fn is_read_more_teaser(norm: &str) -> bool {
    matching(norm, 1).into_iter().any(|(p, start, end)| {
        // "À lire aussi sur La Lucarne : En Slovénie, …": the site's name may come between the
        // label and its colon.
        // ("LIRE AUSSI. Fédérale 1 : Tyrosse arrache le nul …": a stop may close the label.)
        let labelled = || {
            norm[end..]
                .split_once([':', '|'])
                .is_some_and(|(gap, _)| gap.split_whitespace().count() <= 4 && !gap.contains('.'))
                || (p.words >= 2 && norm[end..].starts_with(". "))
        };
        p.kind == Kind::Chrome("read-more link")
            && start == 0
            && (p.phrase.ends_with(':') || labelled())
            && norm.len() > end + 1
    })
}

/// "Do you have a story to share? Email us at news@…", "¿Encontraste un error? Escribinos a
/// correcciones@…", "📲 ¿Te llegó algo dudoso? Mandanos un WhatsApp al +54 …": the newsroom's
/// request for tips, corrections or pictures, an address (e-mail, WhatsApp, a phone number)
/// with a verb asking the reader to write. An article may give an address (a library's
/// e-mail for enquiries); it does not ask readers to write to "us".
fn is_tip_line(line: &str, norm: &str) -> bool {
    const WRITE_TO_US: &[&str] = &[
        "email us",
        "e-mail us",
        "write to us",
        "contact us",
        "message us",
        "send it to",
        "send them to",
        "écrivez-nous",
        "écrivez nous",
        "contactez-nous",
        "contactez la rédaction",
        "envoyez-nous",
        "escríbenos",
        "escribinos",
        "mandanos",
        "envíanos",
        "contáctanos",
        "schreiben sie uns",
        "kontaktieren sie uns",
        "scriveteci",
        "scrivici",
        "contattaci",
        "napisz do nas",
        "napiszcie do nas",
        "пишите нам",
        "напишите нам",
        "пишіть нам",
        "напишіть нам",
        "γράψτε μας",
        "στείλτε μας",
        "send us",
        "envíalo a nuestro",
        "envíanoslo",
        "segnalacela",
        "segnalaci",
        "inviaci",
        "mandaci",
        "signalez-le",
        "signalez-la",
        "schicken sie uns",
        "wyślij nam",
        "przyślij nam",
        "écrivez aux",
        "envoyez-la",
        "envoyez-le",
        "text us",
        "écrivez à",
        "zgłoś ją",
        "zgłoś do weryfikacji",
        "пришлите нам",
        "присылайте",
        "надішліть нам",
    ];
    // (A form is an address too: "Envoyez-nous vos photos via notre formulaire".)
    // ("écrivez à @ThiesInfoRedac": a channel's handle is an address too.)
    let address = line.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.contains('@') && w.contains('.')
    }) || handles(line) >= 1
        || norm.contains("whatsapp")
        || ["formulaire", "our form", "formular", "modulo", "форму"]
            .iter()
            .any(|f| norm.contains(f))
        || line.chars().filter(char::is_ascii_digit).count() >= 8;
    address
        && WRITE_TO_US
            .iter()
            .any(|p| crate::structure::contains_words(norm, p))
}

/// How many handles ("@sevbereg_bot", "@nb_adv") a line names.
fn handles(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_')
                .strip_prefix('@')
                .is_some_and(|h| {
                    h.chars().count() >= 3 && h.chars().all(|c| c.is_alphanumeric() || c == '_')
                })
        })
        .count()
}

/// "Главные новости Заречинска. Предложить новость: @sevbereg_bot. Реклама: @sevbereg_ads.": a
/// channel's description, which gives the handles to write to; a post or an article names one
/// account at a time.
fn is_channel_description(line: &str) -> bool {
    handles(line) >= 2
        && line
            .split(['.', '!', '?'])
            .filter(|s| s.contains(':'))
            .count()
            >= 2
}

/// "‹ Précédent   Suivant ›", "← Попередній випуск   Наступний випуск →", "◀ ▶": a pager's
/// two buttons, an arrow at each end of a short line.
fn is_pager(line: &str) -> bool {
    // (Guillemets are quotation marks: « Oui. » is an answer.)
    const LEFT: &[char] = &['‹', '←', '◀', '⟵', '◄'];
    const RIGHT: &[char] = &['›', '→', '▶', '⟶', '►'];
    (line.starts_with(LEFT) && line.ends_with(RIGHT) && line.chars().count() <= 50)
        || is_page_number(line)
}

/// "Page 1 / 2", "Seite 2 von 3", "Strona 1 z 4", "Стр. 1 из 2": a printed page's number, the
/// word for a page, its number and the count, nothing else.
fn is_page_number(line: &str) -> bool {
    const PAGE: &[&str] = &[
        "page",
        "seite",
        "pagina",
        "página",
        "strona",
        "str.",
        "страница",
        "стр.",
        "сторінка",
        "σελίδα",
        "pág.",
        "p.",
    ];
    const OF: &[&str] = &[
        "/", "of", "sur", "von", "di", "de", "z", "из", "з", "από", "su",
    ];
    let lower = line.to_lowercase();
    let w: Vec<&str> = lower.split_whitespace().collect();
    let number = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    match w.as_slice() {
        [p, n, of, m] => PAGE.contains(p) && number(n) && OF.contains(of) && number(m),
        // "Page 1/2"; "Page 3" alone at the head of a printed page.
        [p, nm] => {
            PAGE.contains(p)
                && (number(nm)
                    || nm
                        .split_once('/')
                        .is_some_and(|(n, m)| number(n) && number(m)))
        }
        _ => false,
    }
}

/// "https://www.example.de/region/…-id48812.html 1/2": a printed page's footer, the address
/// and the page number.
fn is_page_url(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(url), page) = (words.next(), words.next()) else {
        return false;
    };
    url.starts_with("http")
        && url.contains('/')
        && page.is_some_and(|p| {
            p.split_once('/')
                .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
        })
}

/// "À lire aussiAu Cameroun, la sécheresse …": a read-more label of two or more words glued to
/// the teaser's headline, the way a label set in its own HTML element loses its space when the
/// page is flattened to text. The capital right after the label's last letter is the cue; no
/// sentence runs two words into a capital.
fn is_glued_teaser(line: &str) -> bool {
    let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The labels of two words or more, gathered once.
    static LABELS: std::sync::OnceLock<Vec<&'static crate::patterns::Pattern>> =
        std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        patterns()
            .iter()
            .filter(|p| p.kind == Kind::Chrome("read-more link") && p.words >= 2)
            .collect()
    });
    let lower: String = line.chars().take(40).flat_map(char::to_lowercase).collect();
    labels.iter().any(|p| {
        lower.starts_with(p.phrase.as_str())
            && line
                .chars()
                .nth(p.phrase.chars().count())
                .is_some_and(char::is_uppercase)
            && line
                .chars()
                .take(p.phrase.chars().count())
                .all(|c| c.to_lowercase().count() == 1)
    })
}

/// Dashes, stars, equals signs: `-----`, `* * *`, `___`.
/// "████████████░░░░ 69% of $10,000": a fundraiser's gauge drawn in block characters, with
/// the share raised. Text never runs four block characters together.
fn is_progress_bar(s: &str) -> bool {
    const BLOCKS: &[char] = &['█', '▓', '▒', '░', '■', '□', '▰', '▱'];
    s.chars().filter(|c| BLOCKS.contains(c)).count() >= 4
        && s.split_whitespace().count() <= 12
        && s.contains('%')
}

fn is_separator_line(s: &str) -> bool {
    let non_space: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    // A lone "/" or "|": the divider of a player's "0:00 / 2:17", or of a menu, on its own line.
    // A lone dash ("—") between two parts of a page: no sentence is a dash alone.
    if matches!(non_space.as_slice(), ['/' | '|' | '\\' | '—' | '–']) {
        return true;
    }
    // "-30-": the wire's end-of-copy mark under a press release (North American newsrooms).
    if matches!(
        non_space.as_slice(),
        ['-' | '–' | '—', '3', '0', '-' | '–' | '—']
    ) {
        return true;
    }
    // "— 2 —": a printed page's number between dashes.
    if let [d1, digits @ .., d2] = non_space.as_slice() {
        if matches!(d1, '-' | '–' | '—')
            && matches!(d2, '-' | '–' | '—')
            && (1..=3).contains(&digits.len())
            && digits.iter().all(char::is_ascii_digit)
        {
            return true;
        }
    }
    // Ellipses ("...", "[…]") mark cut quotes: content, not chrome.
    non_space.len() >= 3
        && non_space.iter().all(|c| {
            matches!(
                c,
                '-' | '_'
                    | '='
                    | '*'
                    | '~'
                    | '+'
                    | '#'
                    | '•'
                    | '—'
                    | '–'
                    | '─'
                    | '━'
                    | '═'
                    | '·'
                    | '|'
                    | '✂'
                    // ("➖➖➖➖➖": a channel post's divider drawn with emoji.)
                    | '➖'
                    | '▪'
            )
        })
}

/// "Le mot du curé .............. p. 1", "Nom : ............ Prénom : ............": a printed
/// table of contents or a form to fill in, its words joined by rows of dots (an ellipsis has
/// three).
fn is_dot_leader_line(trimmed: &str) -> bool {
    // (More than ten words is never one: told before reading a paragraph's every character.)
    let mut words = trimmed
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    if words.nth(10).is_some() {
        return false;
    }
    let mut run = 0;
    let mut longest = 0;
    for c in trimmed.chars() {
        if c == '.' || c == '…' {
            run += if c == '…' { 3 } else { 1 };
            longest = longest.max(run);
        } else if !c.is_whitespace() {
            run = 0;
        }
    }
    if longest < 4 {
        return false;
    }
    // A contents line ends with its page ("p. 4", "12"); a form's field is a label and a colon
    // over the dots. ("Région ........ 95 000 €": a table of amounts is the article's.)
    let last = trimmed.split_whitespace().last().unwrap_or("");
    let page = (1..=3).contains(&last.len()) && last.chars().all(|c| c.is_ascii_digit());
    // ("Filière banane : point sur la cercosporiose noire ...... 5": a short leader runs
    // straight up to its page number.)
    if longest < 8 {
        let before = trimmed[..trimmed.len() - last.len()].trim_end();
        return page && before.ends_with(['.', '…']);
    }
    let field = trimmed.contains(": ..") || trimmed.contains(":..") || trimmed.contains(": …");
    page || field
}

/// "J'aime   Commenter   Partager", "J'aime   Répondre   2 h   👍 86", "Like · Reply · 3w": a
/// social network's action buttons under a post or a comment, with their counts and ages.
pub(crate) fn is_social_action_row(norm: &str) -> bool {
    const ACTIONS: &[&str] = &[
        "j'aime",
        "commenter",
        "partager",
        "répondre",
        "like",
        "comment",
        "share",
        "reply",
        "gefällt",
        "kommentieren",
        "teilen",
        "antworten",
        "piace",
        "commenta",
        "condividi",
        "rispondi",
        "gusta",
        "comentar",
        "compartir",
        "responder",
        "lubię",
        "komentarz",
        "udostępnij",
        "odpowiedz",
        "нравится",
        "комментировать",
        "поделиться",
        "ответить",
        "подобається",
        "коментувати",
        "поширити",
        "відповісти",
        // A board's buttons ("👍 J'aime (14)   💬 Citer   ⚠ Signaler").
        "citer",
        "signaler",
        "quote",
        "report",
        "zitieren",
        "melden",
        "cita",
        "segnala",
        "cytuj",
        "zgłoś",
        // A page's follow and message buttons ("Suivre   Message").
        "suivre",
        "message",
        "follow",
        "folgen",
        "nachricht",
        "segui",
        "messaggio",
        "seguir",
        "mensaje",
        "obserwuj",
        "wiadomość",
        // A comment count's word and a save button ("💬 12 commentaires | Partager ↗ | 🔖
        // Sauvegarder").
        "commentaires",
        "comments",
        "kommentare",
        "commenti",
        "comentarios",
        "komentarze",
        "комментарии",
        "коментарі",
        // (Greek as `normalize` folds it: no accents.)
        "αρεσει",
        "σχολιο",
        "σχολια",
        "απαντηση",
        "κοινοποιηση",
        "κοινοποιησεις",
        "partages",
        "shares",
        "sauvegarder",
        "save",
        // (Substack's "❤ 214 · 💬 9 · ↻ Restack · Share".)
        "restack",
        "merken",
        "salva",
        "guardar",
        "zapisz",
        "сохранить",
        "зберегти",
    ];
    // Words of a button's label and the age or count beside it.
    // ("1 a J'aime Répondre 23": "a" for "an", a year, in French.)
    const FILLERS: &[&str] = &[
        "mir", "mi", "me", "to", "to!", "h", "j", "a", "d", "w", "min", "k", "std", "godz", "ч",
        "год", "sem", "s", "μου", "εβδ", "χιλ", "ώ", "λ",
    ];
    let mut actions: Vec<&str> = Vec::new();
    for w in norm.split(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | '•')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '!');
        if w.is_empty()
            || w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            continue;
        }
        if ACTIONS.contains(&w) {
            if !actions.contains(&w) {
                actions.push(w);
            }
        } else if !FILLERS.contains(&w) && !crate::structure::is_compact_age(w) {
            return false;
        }
    }
    actions.len() >= 2
}

const MENU_SEPARATORS: &[char] = &[
    '|', '/', '•', '·', '∙', '»', '›', '‹', '◦', '▪', '►', '>', '¦', '⁄', '【', '】',
];

/// A line of short items split by separators: "TV / Infos / A La Une / Asie / Europe",
/// "Home › World › Europe".
/// "Agroalimentaire › Lait", "Zielony Bór › Samorząd": a breadcrumb of two steps, a section and
/// its rubric, which [`is_menu`] (three items or more) leaves. Only outside the body, and only
/// with an arrow between spaces: a slash or a dash parts the words of a headline too.
fn is_short_breadcrumb(s: &str) -> bool {
    if s.contains('«') {
        return false;
    }
    let Some((left, right)) = [" › ", " » ", " > "]
        .iter()
        .find_map(|sep| s.split_once(sep))
    else {
        return false;
    };
    let step = |x: &str| {
        let x = x.trim();
        (1..=3).contains(&x.split_whitespace().count())
            && x.starts_with(char::is_uppercase)
            && x.chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
    };
    step(left) && step(right)
}

pub(crate) fn is_menu(s: &str) -> bool {
    // Text that carries markup (`<div ...>`, `</style>`) is not a menu: its `/` and `>` belong to
    // tags, not to a list of sections. Whatever it is, it is shown (escaped), not silently dropped.
    let b = s.as_bytes();
    if b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
    {
        return false;
    }
    // "Abidjan Éco – Qui sommes-nous | Annonceurs | Contact": in a row of bars, a spaced dash
    // parts the site's name from the first link.
    let dashed;
    let s = if s.contains('|') && s.contains(" – ") {
        dashed = s.replace(" – ", " | ");
        dashed.as_str()
    } else {
        s
    };
    // "🕯️ DISPARITION | Marcel « Ti-Marcel » Lauréat s'en est allé": after a « the » closes a
    // quotation; it parts no links.
    let quoted;
    // ("« Previous capture | Next capture »": arrows round links, not a quotation.)
    let quotation = |s: &str| {
        s.split('«').skip(1).all(|q| {
            q.split_once('»')
                .is_some_and(|(inner, _)| !inner.contains('|'))
        })
    };
    // "καρδιά», δήλωσε στο «Βήμα» ο πρόεδρος της", a hard-wrapped quotation's end: a » with
    // punctuation right after it closes a quotation; a breadcrumb's stands between spaces.
    if s.match_indices('»')
        .any(|(i, _)| s[i + '»'.len_utf8()..].starts_with([',', '.', ';', ':', '!', '?']))
    {
        return false;
    }
    let s = if s.contains('«') && s.matches('«').count() == s.matches('»').count() && quotation(s)
    {
        quoted = s.replace('»', "\"");
        quoted.as_str()
    } else {
        s
    };
    let mut seps = s.chars().filter(|c| MENU_SEPARATORS.contains(c)).count();
    // (Three items at the least, so two separators or a run of spaces: most lines of prose are
    // given up here.)
    if seps == 1 || (seps == 0 && !s.contains("  ")) {
        return false;
    }
    let mut segments: Vec<&str> = s
        .split(MENU_SEPARATORS)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    // "HOME   POLITICS   ECONOMY   VIDEO": items laid out by runs of spaces.
    if seps == 0 && s.contains("  ") {
        segments = s
            .split("  ")
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        seps = segments.len().saturating_sub(1);
    }
    let breadcrumb = s.contains(['»', '›', '>']);
    let min_segments = if breadcrumb { 3 } else { 4 };
    if segments.len() < min_segments || seps + 1 < min_segments {
        return false;
    }
    let wordy = segments
        .iter()
        .filter(|x| x.chars().any(char::is_alphabetic))
        .count();
    if wordy < min_segments {
        return false;
    }
    // "12h00 : 21 | 13h00 : 29 | 14h00 : 36": readings, each a label, a colon and a figure,
    // are data ("Fajr 05:04 · Dhuhr 12:42", a widget's times, have no spaced colon).
    // ("Fine: £480 | Costs: £85 | Ban: 16 months", a court report's sentence: a figure with its
    // unit, of three items or more.)
    let reading = |x: &&str, unit: bool| {
        x.rsplit_once(": ").is_some_and(|(_, v)| {
            let v = v.trim();
            v.replace(',', ".").parse::<f64>().is_ok()
                || (unit
                    && v.split_whitespace().count() <= 3
                    && v.trim_start_matches(['£', '$', '€', '¥'])
                        .starts_with(|c: char| c.is_ascii_digit()))
        })
    };
    if segments.iter().all(|x| reading(x, false))
        || (segments.len() >= 3 && segments.iter().all(|x| reading(x, true)))
    {
        return false;
    }
    // Items are short and do not read as sentences. A footer's copyright item ("Vie privée | ©
    // La Gazette du Condroz 2025") is longer and no section.
    // (A line that opens with the sign is a copyright notice with links, read as such below.)
    if s.trim_start().starts_with('©') {
        return false;
    }
    let items = || segments.iter().filter(|x| !x.starts_with('©'));
    let mut lengths: Vec<usize> = items().map(|x| x.split_whitespace().count()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    let total_words: usize = lengths.iter().sum();
    // A footer of six links or more between bars may hold one long one ("Do Not Sell or Share
    // My Personal Information", the site's own name before them); every other item is short.
    // (Counted by bars: the slashes of "Le 21/01/2025 | mis à jour le …" part no links.)
    // "Le Courrier du Port | Mentions légales | CGV | Gestion des cookies | Nous contacter": of
    // five, the name may open the row.
    let first_is_name = || {
        segments.len() >= 5
            && segments.first().is_some_and(|x| !x.contains(':'))
            && segments.first().map(|x| x.split_whitespace().count()) == lengths.first().copied()
    };
    let short_items = match lengths.as_slice() {
        [longest, next, ..] if s.matches('|').count() >= 5 => *longest <= 9 && *next <= 4,
        [longest, next, ..] if s.matches('|').count() >= 4 && first_is_name() => {
            *longest <= 6 && *next <= 4
        }
        _ => lengths.first().is_none_or(|&l| l <= 4),
    };
    // "Qui sommes-nous ?" is a section of a long menu; other items ending like sentences are not.
    // A company's abbreviation ("Società Editrice Euganea S.r.l.") is no sentence end.
    let sentence_end = segments.iter().any(|x| {
        let abbreviation = x
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.trim_end_matches('.').contains('.'));
        (x.ends_with('.') && !abbreviation)
            || x.ends_with(['!', ':', ';'])
            || (x.ends_with('?') && (segments.len() < 5 || x.split_whitespace().count() > 3))
    });
    // "and/or", "24/7", fractions and URLs are not menus: require separators between words.
    let url_like = s.contains("://") || s.contains("www.");
    short_items && total_words <= segments.len() * 3 && !sentence_end && !url_like
}

/// Outside the article, a path of sections shorter than [`is_menu`] asks for: "Régions >
/// Basse-Sambre", "Culture › Livres", "International / Health / Poland", "Vous êtes ici : Accueil
/// / Traductions / <the title>", "Accueil | International | Qui sommes-nous ? | Faire un don".
fn is_breadcrumb(s: &str) -> bool {
    const HERE: &[&str] = &[
        "vous êtes ici",
        "you are here",
        "sie sind hier",
        "ti trovi in",
        "sei qui",
        "jesteś tutaj",
        "вы здесь",
        "estás en",
        "usted está aquí",
    ];
    let lower = s.to_lowercase();
    let here = HERE.iter().find(|h| lower.starts_with(*h));
    let s = match here {
        // The label and its colon go; the path's last item may be the page's own title.
        Some(h) => s[h.len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start(),
        None => s,
    };
    if s.contains("://") || s.contains("www.") {
        return false;
    }
    let items: Vec<&str> = s
        .split(MENU_SEPARATORS)
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    // ("Accueil du forum ‹ Transport ‹ Routes et ponts": a forum's path points the other way.)
    let arrows = s.contains(['>', '›', '»', '‹']);
    let slashes = s.matches(" / ").count() + s.matches(" | ").count();
    // "Accueil / Économie", "მთავარი / რეგიონები", "Accueil Économie": the home page's name
    // opens a path of two.
    let home = items
        .first()
        .is_some_and(|x| HOME_WORDS.contains(&x.to_lowercase().as_str()));
    // "Головна → Світ → Переклади": from the home page a plain arrow parts the path too (an
    // itinerary, "Lyon → Genève", opens with a place).
    let home_arrows = s.contains('→')
        && s.split('→')
            .next()
            .is_some_and(|first| HOME_WORDS.contains(&first.trim().to_lowercase().as_str()));
    let (items, arrows) = if home_arrows {
        let items: Vec<&str> = s
            .split('→')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        (items, true)
    } else {
        (items, arrows)
    };
    let home = home || home_arrows;
    if items.len() == 1 && here.is_none() {
        // The home word's capitalised form has as many bytes as its lower case in every script
        // listed, so the rest is cut from `s` itself (cutting it from a lower-cased copy by
        // length would go wrong, or panic, after letters whose lower case is longer, "İ").
        let rest = HOME_WORDS
            .iter()
            .find_map(|h| {
                let rest = s.get(h.len()..)?;
                let lower = s[..h.len()].chars().flat_map(char::to_lowercase);
                (rest.starts_with(' ') && lower.eq(h.chars())).then_some(rest)
            })
            .map(str::trim);
        return rest.is_some_and(|r| {
            (1..=2).contains(&r.split_whitespace().count())
                && r.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase) && !w.ends_with(['.', ':', '?', '!'])
                })
        });
    }
    let enough = if here.is_some() || arrows || (home && slashes >= 1) {
        items.len() >= 2
    } else {
        slashes >= 2 && items.len() == slashes + 1
    };
    let last = items.len().saturating_sub(1);
    // "Inicio » Internacional » El pueblo que se negó a vender su agua": after two or more
    // section names, the page's own headline may close the path.
    let headline_last = arrows
        && items.len() >= 3
        && items[..last]
            .iter()
            .all(|x| x.split_whitespace().count() <= 3);
    enough
        && items.iter().enumerate().all(|(k, x)| {
            let words = x.split_whitespace().count();
            // Georgian has no capitals: its items open with any letter.
            x.starts_with(|c: char| c.is_uppercase() || ('\u{10D0}'..='\u{10FF}').contains(&c))
                && ((here.is_some() && k == last)
                    || (headline_last && k == last && words <= 15)
                    || (words <= 4 && !x.ends_with(['.', ':', ';'])))
                // "Qui sommes-nous ?" is a section; a question of five words is a headline.
                && (!x.ends_with('?') || words <= 3)
        })
}

/// "NEWSLETTER FAITS DIVERS", "Der Oberland-Newsletter", "Newsletter Planète": a newsletter
/// box's title, a short label naming the newsletter.
fn is_newsletter_title(norm: &str) -> bool {
    // "Une newsletter interne embarrassante" is an article's subheading: a box names its
    // newsletter, it does not open with an indefinite article.
    const INDEFINITE: &[&str] = &["une", "un", "a", "an", "ein", "eine", "una", "uno", "jedna"];
    let indefinite = norm
        .split_whitespace()
        .next()
        .is_some_and(|w| INDEFINITE.contains(&w));
    // "Get the Courier's free morning newsletter", "Infolettre Le Soleil de l'Estuaire": up to
    // six words when the box's verb or its newsletter opens the line.
    const OPENERS: &[&str] = &[
        "get",
        "sign",
        "receive",
        "recevez",
        "inscrivez-vous",
        "abonnez-vous",
        "erhalten",
        "holen",
        "ricevi",
        "iscriviti",
        "recibe",
        "suscríbete",
        "zapisz",
        "подпишитесь",
    ];
    let first = norm.split_whitespace().next().unwrap_or("");
    let words = norm.split_whitespace().count();
    let opens =
        OPENERS.contains(&first) || first.contains("newsletter") || first.starts_with("infolettre");
    !indefinite
        && (words <= 4 || (words <= 6 && opens))
        && !norm.ends_with(['.', '!', '?', ':'])
        && norm
            .split_whitespace()
            .any(|w| w.contains("newsletter") || w.starts_with("infolettre") || w == "рассылка")
}

/// Longest "Download the X app …" line taken for an app prompt.
const MAX_APP_PROMPT_WORDS: usize = 25;

/// "📲 Download the WKBT 8 News Now app for breaking news alerts: App Store | Google Play":
/// the prompt opens with the download verb and names an app.
fn is_app_download(norm: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "download the ",
        "download our ",
        "get the ",
        "téléchargez l'application",
        "téléchargez notre application",
        "scarica l'app",
        "laden sie die ",
        "pobierz aplikację",
        "скачайте приложение",
        "descarga la app",
        "descargá la app",
    ];
    OPENINGS.iter().any(|o| norm.starts_with(o))
        && norm.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "app" | "application" | "applicazione" | "aplikację" | "приложение"
            )
        })
}

/// The home page's name opening a breadcrumb, lower-cased.
/// Whether a line opens with the home page's name and a separator ("Accueil / …", "Home › …").
fn opens_with_home_word(s: &str) -> bool {
    let lower = s.to_lowercase();
    HOME_WORDS.iter().any(|h| {
        lower.strip_prefix(h).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(MENU_SEPARATORS) || rest.starts_with('→')
        })
    })
}

const HOME_WORDS: &[&str] = &[
    "accueil",
    "home",
    "startseite",
    "homepage",
    "strona główna",
    "главная",
    "головна",
    "inicio",
    "portada",
    "αρχική",
    "მთავარი",
];

/// "EXCLUSIVE", "BREAKING NEWS", "OPINION": a short upper-case label.
fn is_caps_label(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    words <= 4
        && letters.len() >= 5
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
        && !s.ends_with(['.', '!', '?', '"', '»'])
}

/// Zodiac signs in the languages newsprism reads (Aries, Taurus, Gemini, Cancer, Leo, Virgo,
/// Libra, Scorpio, Sagittarius, Capricorn, Aquarius, Pisces), lower-cased.
const ZODIAC_SIGNS: &[&str] = &[
    "aries",
    "taurus",
    "gemini",
    "cancer",
    "leo",
    "virgo",
    "libra",
    "scorpio",
    "sagittarius",
    "capricorn",
    "aquarius",
    "pisces",
    "bélier",
    "taureau",
    "gémeaux",
    "lion",
    "vierge",
    "balance",
    "scorpion",
    "sagittaire",
    "capricorne",
    "verseau",
    "poissons",
    "widder",
    "stier",
    "zwillinge",
    "krebs",
    "löwe",
    "jungfrau",
    "waage",
    "skorpion",
    "schütze",
    "steinbock",
    "wassermann",
    "fische",
    "ariete",
    "toro",
    "gemelli",
    "cancro",
    "leone",
    "vergine",
    "bilancia",
    "scorpione",
    "sagittario",
    "capricorno",
    "acquario",
    "pesci",
    "baran",
    "byk",
    "bliźnięta",
    "rak",
    "lew",
    "panna",
    "waga",
    "strzelec",
    "koziorożec",
    "wodnik",
    "ryby",
    "овен",
    "телец",
    "близнецы",
    "рак",
    "лев",
    "дева",
    "весы",
    "скорпион",
    "стрелец",
    "козерог",
    "водолей",
    "рыбы",
    "телець",
    "близнюки",
    "терези",
    "козоріг",
    "водолій",
    "риби",
    "tauro",
    "géminis",
    "cáncer",
    "virgo",
    "escorpio",
    "capricornio",
    "acuario",
    "piscis",
    "κριός",
    "ταύρος",
    "δίδυμοι",
    "καρκίνος",
    "λέων",
    "παρθένος",
    "ζυγός",
    "σκορπιός",
    "τοξότης",
    "αιγόκερως",
    "υδροχόος",
    "ιχθύες",
    "ვერძი",
    "კურო",
    "ტყუპები",
    "კირჩხიბი",
    "ლომი",
    "ქალწული",
    "სასწორი",
    "მორიელი",
    "მშვილდოსანი",
    "თხის რქა",
    "მერწყული",
    "თევზები",
];

/// "Horoscope du jour Bélier : une proposition inattendue… Taureau : ménagez votre dos…": a
/// horoscope widget flattened into one line, told by three signs or more each opening a
/// forecast with a colon. An article names a sign or two; a page's widget runs through them.
fn is_horoscope(line: &str) -> bool {
    // (Asked of every line: three signs need three colons, told before lower-casing the line.)
    if line.matches(':').nth(2).is_none() {
        return false;
    }
    let lower = line.to_lowercase();
    let mut found = 0;
    let mut rest = lower.as_str();
    while let Some(colon) = rest.find(':') {
        let before = rest[..colon].trim_end();
        let sign = ZODIAC_SIGNS.iter().any(|z| {
            before.ends_with(z)
                && before[..before.len() - z.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        found += usize::from(sign);
        if found >= 3 {
            return true;
        }
        rest = &rest[colon + 1..];
    }
    false
}

#[cfg(test)]
mod tests {

    #[test]
    fn readings_between_bars_are_no_menu_but_prayer_times_are_a_widget_row() {
        assert!(!is_menu(
            "12h00 : 21 | 13h00 : 29 | 14h00 : 36 | 14h20 : 38"
        ));
        assert!(is_menu("Accueil | Politique | Monde | Sport | Culture"));
        assert!(!is_menu(
            "🕯️ DISPARITION | Marcel « Ti-Marcel » Lauréat s'en est allé"
        ));
    }

    #[test]
    fn a_lifespan_is_no_dateline_but_an_archive_range_is() {
        assert!(!is_bare_date(&normalize("March 2, 1931 - April 11, 2019")));
        assert!(is_bare_date(&normalize("15 Apr 2019 - 08 Jan 2023")));
    }
    use super::*;

    /// A line's place: ranks from the start and the end, and whether it is outside the body.
    fn pos(from_start: usize, from_end: usize, outside_body: bool) -> Position {
        Position {
            from_start,
            from_end,
            outside_body,
            near_body_start: false,
        }
    }

    fn reason(line: &str) -> Option<&'static str> {
        let mid = pos(5, 5, false);
        chrome_reason(line, mid, &CleanOptions::default())
    }

    #[test]
    fn a_question_shared_by_share_and_plea_boxes_takes_the_next_sentences_kind() {
        // Short (the phrase rule) and long (the opening-phrase rule) alike.
        assert_eq!(
            reason("Vous avez aimé cet article ? Abonnez-vous à notre newsletter"),
            Some("newsletter plea")
        );
        assert_eq!(
            reason(
                "Vous avez aimé cet article ? Abonnez-vous à notre newsletter pour recevoir \
                 chaque matin l'essentiel de l'actualité."
            ),
            Some("newsletter plea")
        );
        assert_eq!(
            reason("Vous avez aimé cet article ? Faites un don pour soutenir notre rédaction."),
            Some("donation plea")
        );
        // Alone, or followed by a share button's words, it stays a share prompt.
        assert_eq!(reason("Vous avez aimé cet article ?"), Some("share prompt"));
        assert_eq!(
            reason("Vous avez aimé cet article ? Partagez-le !"),
            Some("share prompt")
        );
    }

    #[test]
    fn round_28_obituaries_radio_items_and_strips() {
        assert!(is_death_notice(
            "Monsieur Albert DETHIER, époux de Madame Lucienne Collard, né à Fosses-la-Ville le 3 \
             mars 1938 et décédé à Charleroi le 12 janvier 2025."
        ));
        // An article about a death does not spell the surname in capitals.
        assert!(!is_death_notice(
            "Monsieur Dethier, né à Fosses-la-Ville en 1938, est décédé dimanche à Charleroi."
        ));
        assert!(is_media_item(
            "▶ Logement: des saisonniers dorment dans leur voiture / Forum / 4 min. / 3 février 2025"
        ));
        assert!(!is_media_item("Lausanne / Genève / Berne"));
        assert!(is_widget(&normalize(
            "🌦 Saint-Denis 27°C | Saint-Pierre 29°C | Le Tampon 21°C"
        )));
        assert!(is_widget(&normalize(
            "CAC 40 7 412,35 ▼ -0,84 % | SBF 120 5 581,20 ▼ -0,77 % | EUR/USD 1,0842 ▲ +0,12 %"
        )));
        assert!(!is_person_name("DERNIERS AVIS DE DÉCÈS"));
        assert!(is_person_name("JEAN DUPONT"));
    }

    #[test]
    fn round_38_poster_stamps_footers_with_the_name_first_and_spaced_units() {
        assert_eq!(
            reason("Oksana_M » 12.02.2025, 09:40"),
            Some("forum post header")
        );
        assert_eq!(reason("Kyiv » 12.02.2025"), None);
        assert!(is_menu(
            "Le Courrier du Port | Mentions légales | CGV | Gestion des cookies | Nous contacter"
        ));
        assert!(!is_menu(
            "Notre échelle de notation : Vrai | Plutôt vrai | Trompeur | Manque de contexte | Faux"
        ));
        assert_eq!(reason("248 K abonnés"), Some("counter or timestamp"));
    }

    #[test]
    fn round_54_share_labels_bank_accounts_and_embed_links() {
        assert_eq!(
            reason("Partager ce direct : Facebook · WhatsApp · Copier le lien"),
            Some("share buttons")
        );
        // A label that is no share verb does not make a row of buttons.
        assert_ne!(
            reason("Nos partenaires : Facebook, Google et Meta ont refusé de répondre."),
            Some("share buttons")
        );
        // Belgium's IBANs are 16 long; the label may sit right before.
        assert!(has_bank_account(
            "IBAN BE71 0689 4523 1169 – communication « Don »"
        ));
        assert!(has_bank_account("FR76 3000 6000 0112 3456 7890 189"));
        assert!(!has_bank_account(
            "Le vol AF1234 a atterri à 18 h 05 à Roissy."
        ));
        assert_eq!(reason("Voir sur X"), Some("account/search link"));
    }

    #[test]
    fn round_55_another_owners_channel_and_a_plea_quoted_as_words() {
        assert_eq!(
            reason("Подписывайтесь на канал администрации, чтобы первыми узнавать о графике подключения."),
            None
        );
        assert_eq!(
            reason("Подписывайтесь на наш канал, чтобы первыми узнавать новости"),
            Some("follow/subscribe prompt")
        );
        assert_eq!(
            reason("Faites un don, même petit : c'est la phrase qui termine chaque numéro."),
            None
        );
        assert_eq!(
            reason("Faites un don : chaque euro compte."),
            Some("donation plea")
        );
    }

    #[test]
    fn round_55_pickers_board_quotes_and_panels() {
        assert_eq!(reason("1x | 1,5x | 2x"), Some("video player control"));
        assert_eq!(reason("A A A"), Some("video player control"));
        assert_ne!(reason("2x 3"), Some("video player control"));
        assert_eq!(
            reason("BretelleNord a écrit : ↑mar. 11 mars 2025 21:47"),
            Some("forum post header")
        );
        assert!(is_forum_panel(&normalize(
            "Dołączył: 14 sty 2011 | Posty: 3218 | Skąd: Kornatów"
        )));
        assert!(!is_forum_panel(&normalize("Publié le 14 janvier 2011")));
    }

    #[test]
    fn round_57_obituary_boxes_comment_headers_polls_and_clips() {
        assert_eq!(
            reason("M. Gérard Bonnin – Cerizay – 78 ans"),
            Some("obituary notice")
        );
        assert_eq!(
            reason("Luigi Mauri – anni 84 – Corvasco"),
            Some("obituary notice")
        );
        // A sentence with an age between dashes is prose.
        assert_ne!(
            reason("Le doyen – 104 ans – a soufflé ses bougies dimanche."),
            Some("obituary notice")
        );
        assert_eq!(
            reason("kostas_xania · πριν από 1 ώρα"),
            Some("comment thread")
        );
        assert_eq!(
            reason("Dominique R. – il y a 2 heures"),
            Some("comment thread")
        );
        assert_ne!(
            reason("Le maire – il y a deux semaines encore – promettait l'inverse."),
            Some("comment thread")
        );
        assert_eq!(reason("👁 1 846 переглядів"), Some("counter or timestamp"));
        assert_eq!(reason("○ Sans avis"), Some("comment form"));
        assert_ne!(reason("⚪ wstrzymało się: 1"), Some("comment form"));
        assert_eq!(
            reason("▶ ვიდეოს ნახვა (3:12)"),
            Some("video player control")
        );
    }

    #[test]
    fn round_58_network_names_spaced_hyphens_and_reaction_labels() {
        let top = pos(0, 40, true);
        assert_eq!(
            chrome_reason("Facebook", top, &CleanOptions::default()),
            Some("site name")
        );
        // Further down, a network's name alone is left to the share-row rules.
        assert_ne!(reason("Facebook"), Some("site name"));
        assert_eq!(
            reason("⟳ 3 nouveaux posts - Cliquez pour actualiser"),
            Some("account/search link")
        );
        // A hyphen inside a word starts nothing.
        assert_eq!(reason("Saint-Cliquez pour actualiser"), None);
        assert_eq!(reason("Μου αρέσει"), Some("comment notice"));
        assert!(is_dateline(&normalize("Data publikacji: 7 kwietnia 2025")));
    }

    #[test]
    fn round_59_board_rows_and_panels() {
        assert_eq!(
            reason("👍 J'aime (14)   💬 Citer   ⚠ Signaler"),
            Some("share buttons")
        );
        assert!(is_forum_panel(&normalize(
            "Kouame_Yao225 – Membre actif – Messages : 1 208 – Inscription : mars 2017"
        )));
        assert!(is_forum_panel(&normalize(
            "Rejestracja: śr 11 mar 2015, 20:02"
        )));
        assert_eq!(
            reason("Re: Cacao : le prix bord champ fixé à 2 400 FCFA le kilo pour la campagne principale"),
            Some("forum post header")
        );
    }

    #[test]
    fn round_61_board_headers_leaders_labels_and_widgets() {
        // phpBB's longer label before the poster.
        assert_eq!(
            reason("Message non lu par bucheron_lac » 3 oct. 2024, 07:42"),
            Some("forum post header")
        );
        // Five words before the mark with no "by" before the last is no header.
        assert_eq!(reason("La séance a été levée » 3 oct. 2024, 07:42"), None);
        // A short dot leader up to a page number; not dots before a figure inside a sentence.
        assert!(is_dot_leader_line(
            "Filière banane : point sur la cercosporiose noire ...... 5"
        ));
        assert!(!is_dot_leader_line(
            "Il a attendu..... puis il est reparti à 5"
        ));
        assert!(is_read_more_teaser(&normalize(
            "LIRE AUSSI. Fédérale 1 : Tyrosse arrache le nul face à Saint-Sever"
        )));
        // A widget's figures that end with a colon introduce the table below.
        let outside = pos(0, 40, true);
        assert_eq!(
            chrome_reason(
                "Τιμές παραγωγού (€/κιλό, 12/11):",
                outside,
                &CleanOptions::default()
            ),
            None
        );
        assert_eq!(
            chrome_reason(
                "Τιμές παραγωγού €/κιλό 4,80 5,10",
                outside,
                &CleanOptions::default()
            ),
            Some("widget")
        );
        assert_eq!(
            reason("Kommentare sind für diesen Artikel deaktiviert."),
            Some("comment notice")
        );
        assert_eq!(
            reason("Neueste Einträge zuerst | Älteste Einträge zuerst"),
            Some("account/search link")
        );
        assert_eq!(
            reason("Listen back to the full interview below:"),
            Some("video player control")
        );
    }

    #[test]
    fn round_62_a_headline_in_capitals_is_no_bank_account() {
        assert!(!has_bank_account(
            "🛵 DOUALA 7e : LES BENDSKINEURS ONT JUSQU'AU 31 MARS POUR SE METTRE EN RÈGLE"
        ));
        assert!(has_bank_account("IBAN BE71 0689 4523 1169"));
        assert!(has_bank_account("IBAN : CH00 0900 0000 1234 5678 9"));
    }

    #[test]
    fn round_63_a_local_trades_advert() {
        for ad in [
            "Garage Lambotte & Fils – Entretien toutes marques, pneus hiver/été – Rue Large 12",
            "Almazara Virgen de la Cabeza – Venta directa de AOVE en garrafas de 5 litros",
            "Skład Budowlany „Bugbud” – pustaki, cement, pokrycia dachowe. Transport gratis",
        ] {
            assert_eq!(reason(ad), Some("advertisement"), "{ad}");
        }
        // A headline about a bakery names it and says what happened to it.
        assert_eq!(
            reason("Bäckerei Kemmler stellt Insolvenzantrag – Zukunft von 38 Filialen ungewiss"),
            None
        );
        assert_eq!(
            reason("Hôtel de Ville – Le conseil municipal se réunira jeudi à 19 heures"),
            None
        );
    }

    #[test]
    fn round_71_part_markers_and_emoji_dividers() {
        assert_eq!(reason("(2/3)"), Some("counter or timestamp"));
        assert_eq!(
            reason("Accepter les cookies n'est donc pas une obligation."),
            None
        );
        assert_eq!(reason("Accepter les cookies"), Some("cookie notice"));
        // A fraction in a sentence is no part marker.
        assert_eq!(
            reason("Le vote a été acquis à la majorité des (2/3) des membres présents."),
            None
        );
        assert_eq!(reason("➖➖➖➖➖"), Some("separator line"));
        // A question to the reader with an address is the article's too: a live blog asks
        // its readers to write in ("Racontez-nous votre journée en écrivant à …").
        assert_eq!(
            reason("Vous êtes en grève ? Racontez-nous votre journée en écrivant à temoignages@courrier-republique.fr."),
            None
        );
    }

    #[test]
    fn round_70_wire_disclaimers_and_subscribers_thanks() {
        assert_eq!(
            reason("Les dépêches de l'agence APB sont publiées automatiquement et n'ont pas été relues par la rédaction."),
            Some("opinion disclaimer")
        );
        // One of the phrases alone, in a report, is no disclaimer.
        assert_eq!(
            reason("Les résultats du scrutin sont publiés automatiquement sur le site de la préfecture dès 20 heures, a rappelé le maire."),
            None
        );
        assert_eq!(
            reason("Vous lisez votre 3e article gratuit sur 5 ce mois-ci."),
            Some("paywall notice")
        );
        assert_eq!(
            reason("Dalsza część artykułu pod reklamą"),
            Some("advertisement label")
        );
    }

    #[test]
    fn round_69_archive_banners_in_more_languages() {
        assert_eq!(
            reason("Captura del 14 de mayo de 2024, 09:12:45 UTC"),
            Some("archive banner")
        );
        assert_eq!(
            reason("Capture du 3 février 2024 à 14:22:07 (UTC)"),
            Some("archive banner")
        );
        // A capture in the article's sense is no banner.
        assert_eq!(
            reason("La police a annoncé la capture du fugitif dans la nuit de lundi à mardi, après trois semaines de recherches."),
            None
        );
    }

    #[test]
    fn round_68_a_newsletter_named_before_a_dash() {
        assert_eq!(
            reason("Newsletter Les Vérificateurs – Chaque vendredi, les intox de la semaine décryptées."),
            Some("newsletter plea")
        );
        // Without the dash the name is a headline's subject.
        assert_eq!(
            reason("Newsletter Les Vérificateurs : la rédaction répond à vos questions"),
            None
        );
    }

    #[test]
    fn round_67_breadcrumbs_tickers_handles_pleas_and_ads() {
        let opts = CleanOptions::default();
        let outside = |l: &str| chrome_reason(l, pos(5, 20, true), &opts);
        assert_eq!(outside("Agroalimentaire › Lait"), Some("navigation menu"));
        // A headline with an arrow goes on in lower case; inside the body nothing is a crumb.
        assert_eq!(outside("Coupures d'eau › la ville promet un plan"), None);
        assert_eq!(reason("Agroalimentaire › Lait"), None);
        // Below a menu of one item per line, a ticker of several items sits lower.
        let ticker = "DERNIÈRE MINUTE ▸ Kaolack : un incendie ravage le marché ▸ CAN U20 : les \
                      Lionceaux en demi-finale";
        assert_eq!(
            chrome_reason(ticker, pos(12, 30, true), &opts),
            Some("news ticker")
        );
        assert_eq!(
            reason("Главные новости района. Предложить новость: @sevbereg_bot. Реклама: @sevbereg_ads."),
            Some("channel description")
        );
        // One account named in a sentence is the article's.
        assert_eq!(
            reason(
                "Le maire a répondu sur son compte @MairieThies : la coupure durera deux jours."
            ),
            None
        );
        assert_eq!(
            reason("Pour nous envoyer vos infos et vidéos, écrivez à @ThiesInfoRedac. Pas d'appel svp."),
            Some("feedback widget")
        );
        assert_eq!(
            reason("The Fact Desk is an independent charity. We rely on donations from people like you. Donate today"),
            Some("donation plea")
        );
        assert_eq!(
            reason("Dieser Artikel wurde automatisch von nordheider-kurier.de übernommen. newsfeld.de ist für den Inhalt nicht verantwortlich."),
            Some("opinion disclaimer")
        );
        assert_eq!(
            reason("Moov Money : envoyez de l'argent partout en Côte d'Ivoire sans frais jusqu'au 28 février"),
            Some("advertisement")
        );
        assert_eq!(
            reason("Jetzt Sommerreifen-Check sichern – Autohaus Weber, Künzelsau"),
            Some("advertisement")
        );
        // "jetzt" inside a sentence is no call.
        assert_eq!(
            reason("Die Gemeinde muss jetzt 480 € sparen, sagt der Kämmerer."),
            None
        );
    }

    #[test]
    fn round_66_bare_counts_and_attachments() {
        assert_eq!(reason("3   12   88"), Some("counter or timestamp"));
        // Years in a table's header, or counts with their label, are the article's.
        assert_eq!(reason("2022   2023   2024"), None);
        assert_eq!(reason("3 12 88"), None);
        assert_eq!(
            reason("Uchwała nr XII-87-2024.pdf (245 KB)"),
            Some("video player control")
        );
    }

    #[test]
    fn round_65_galleries_and_a_contracts_term() {
        assert_eq!(
            reason("📷 DIAPORAMA · Les halles avant et après les travaux (14 photos)"),
            Some("video player control")
        );
        assert_eq!(reason("◀ 1 / 23 ▶"), Some("counter or timestamp"));
        // A count of something else closing a line is no gallery.
        assert_eq!(
            reason("Les halles rouvrent après deux ans de travaux (14 commerces)"),
            None
        );
        assert_eq!(reason("Durée : cinq hivers (2025-2026 à 2029-2030)"), None);
        assert_eq!(reason("Durée : 02:14"), Some("video player control"));
        assert_eq!(reason("1 a J'aime Répondre 23"), Some("share buttons"));
    }

    #[test]
    fn round_64_a_report_names_a_banners_buttons() {
        assert_eq!(
            reason("Dans ce dernier cas, il faut en moyenne neuf clics pour tout refuser, contre un seul pour tout accepter."),
            None
        );
        // The banner itself names what it stores.
        assert_eq!(
            reason("Ce site dépose des cookies de mesure d'audience : tout accepter ou tout refuser en un clic, à tout moment."),
            Some("cookie notice")
        );
    }

    #[test]
    fn round_63_thanks_for_following_the_live() {
        assert_eq!(reason("Merci de nous suivre."), None);
        assert_eq!(
            reason("Merci de nous suivre sur Facebook et Instagram"),
            Some("follow/subscribe prompt")
        );
        assert_eq!(reason("Nous suivre"), Some("follow/subscribe prompt"));
    }

    #[test]
    fn round_61_a_social_posts_page_is_its_own() {
        let lines: Vec<String> = [
            "Facebook",
            "Se connecter",
            "Radio Sud Horizon 98.6 FM",
            "14 juin, 10:32 · 🌍",
            "Texte",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let nonempty: Vec<usize> = (0..lines.len()).collect();
        assert_eq!(
            social_poster(&lines, &nonempty).as_deref(),
            Some("Radio Sud Horizon 98.6 FM")
        );
        // A stamp without the audience icon names no page.
        let mut plain = lines.clone();
        plain[3] = "14 juin, 10:32".into();
        assert_eq!(social_poster(&plain, &nonempty), None);
    }

    #[test]
    fn round_55_datelines_after_a_credit() {
        let norm = |s: &str| normalize(s);
        assert!(is_dateline(&norm(
            "Rédaction avec Belga — Publié le 18/11/2025 à 18:05, mis à jour le 19/11/2025"
        )));
        // Where the original appeared is no dateline of this page.
        assert!(!is_dateline(&norm(
            "Par Jonas Verhaeghe – paru le 2 septembre 2025 dans Gazet van de Leie"
        )));
        assert_eq!(
            dateline_author("Tomasz Krawiec — mis en ligne le 24 avril 2025").as_deref(),
            Some("Tomasz Krawiec")
        );
        assert_eq!(
            dateline_author("Par Thomas Gendron — publié le 3 mars 2025").as_deref(),
            Some("Thomas Gendron")
        );
        assert_eq!(
            dateline_author("La rédaction — publié le 3 mars 2025"),
            None
        );
    }

    #[test]
    fn round_55_players_page_numbers_quote_headers_and_gauges() {
        // A box's title and its button on one line, parted by a spaced dash.
        assert_eq!(
            reason("Soutenez le journalisme local – Faites un don"),
            Some("donation plea")
        );
        // An unspaced dash is part of a word, not a new start.
        assert_ne!(
            reason("Le village de Saint-Faites-un-don fête ses cent ans."),
            Some("donation plea")
        );
        assert_eq!(reason("Page 1 / 2"), Some("navigation menu"));
        assert_eq!(reason("Seite 2 von 3"), Some("navigation menu"));
        assert_eq!(reason("Strona 1 z 4"), Some("navigation menu"));
        assert_ne!(reason("Page 12 du rapport"), Some("navigation menu"));
        assert_eq!(
            reason("00:00 / 18:42   ⏪ 15s   ⏩ 30s   Velocità 1x"),
            Some("video player control")
        );
        assert_eq!(reason("0:00 / 3:26   HD   ⛶"), Some("video player control"));
        assert_eq!(
            reason("▶ WIDEO: Tak wygląda ul. Kolejowa z drona (1:12)"),
            Some("video player control")
        );
        // A sentence ending on a time in brackets is no clip.
        assert_ne!(
            reason("La vidéo : le maire a parlé à 18 h (heure locale 17:30)"),
            Some("video player control")
        );
        assert_eq!(
            reason("8.1K views  edited  Jan 4 at 10:02"),
            Some("counter or timestamp")
        );
        assert_eq!(
            reason("👁 34,7K   изм.   11 марта в 09:48"),
            Some("counter or timestamp")
        );
        assert_eq!(reason("souss_lover a dit :"), Some("forum post header"));
        assert_eq!(
            reason("kierowca_z_podgórza pisze:"),
            Some("forum post header")
        );
        // A colon after a quoted speaker inside the article is prose.
        assert_ne!(
            reason("Le ministre de l'Agriculture a dit :"),
            Some("forum post header")
        );
        assert_eq!(
            reason("████████████░░░░ 69% of $10,000"),
            Some("donation plea")
        );
        assert_eq!(reason("عربي | Français"), Some("navigation menu"));
        assert_eq!(reason("FR | عربي"), Some("navigation menu"));
        assert_eq!(
            reason("Peut être une image de pont, rivière et arbre"),
            Some("image caption")
        );
        assert_eq!(
            reason("💬 12 commentaires | Partager ↗ | 🔖 Sauvegarder"),
            Some("share buttons")
        );
        assert_eq!(
            reason("2 εβδ  Μου αρέσει  Απάντηση  48"),
            Some("share buttons")
        );
        assert_eq!(
            reason("PUBLICITÉ ▶ Ouvrez votre compte épargne en 5 minutes. Sans frais !"),
            Some("advertisement label")
        );
        // Inside the body a path is chrome only from the home page.
        assert_eq!(
            reason("Accueil / Économie / Agriculture"),
            Some("navigation menu")
        );
        assert_eq!(
            reason("Головна → Світ → Переклади"),
            Some("navigation menu")
        );
        assert_ne!(reason("Lyon → Genève → Zurich"), Some("navigation menu"));
    }

    #[test]
    fn round_37_forum_headers_widgets_handles_post_links_and_newsletter_boxes() {
        assert_eq!(
            reason("Message par velo71 » mar. 11 mars 2025 09:34"),
            Some("forum post header")
        );
        assert_eq!(
            reason("Re: La voie verte attendra encore un an..."),
            Some("forum post header")
        );
        assert_eq!(reason("Re: the minister said yes."), None);
        assert_eq!(reason("🌡 58° Pawnee Ridge, OK"), Some("widget"));
        assert_eq!(reason("Il faisait 38° à l'ombre à midi."), None);
        assert_eq!(
            chrome_reason("@jdupont", pos(20, 5, false), &CleanOptions::default()),
            Some("social media handle")
        );
        assert_eq!(
            chrome_reason(
                "← Grèce : les saisonniers s'organisent",
                pos(30, 2, true),
                &CleanOptions::default()
            ),
            Some("read-more link")
        );
        assert_eq!(
            reason("Newsletter «Le Matin» Recevez chaque matin l'essentiel de l'actualité. Se connecter"),
            Some("newsletter plea")
        );
        assert_eq!(
            reason(
                "Newsletters are how the club keeps its 300 members informed, the treasurer said."
            ),
            None
        );
        // A slogan quoted whole is somebody's words, whatever it asks for.
        assert_eq!(
            reason("« Chaque euro compte. Rejoignez la coopérative ! »"),
            None
        );
        assert_eq!(
            reason("👁 1 284 vues | 💬 0 commentaire"),
            Some("counter or timestamp")
        );
    }

    #[test]
    fn round_36_forum_panels_end_marks_donation_links_and_long_banners() {
        assert_eq!(reason("Mensajes: 6.214"), Some("forum user panel"));
        assert_eq!(
            reason("Inscription : 12 mars 2019"),
            Some("forum user panel")
        );
        assert_eq!(reason("Messages : le maire répond aux habitants"), None);
        assert_eq!(reason("-30-"), Some("separator line"));
        assert_eq!(reason("30"), None);
        assert_eq!(
            reason("We report what others won't. Keep us going: patreon.com/ourpaper | PayPal"),
            Some("donation plea")
        );
        assert_eq!(
            reason("The company's shares on PayPal's platform rose 4 % on Tuesday, analysts said."),
            None
        );
        assert_eq!(
            reason("Απαγορεύεται η αναδημοσίευση του περιεχομένου χωρίς την άδεια του εκδότη."),
            Some("legal/copyright notice")
        );
        let banner = "Avec votre accord, nous et nos 600 partenaires utilisons des cookies ou \
            technologies similaires pour stocker et accéder à des informations personnelles comme \
            votre visite sur ce site. Vous pouvez retirer votre consentement ou vous opposer aux \
            traitements basés sur l'intérêt légitime à tout moment en cliquant sur « En savoir \
            plus » ou dans notre politique de confidentialité sur ce site, et vos choix seront \
            conservés pendant six mois.";
        assert_eq!(reason(banner), Some("cookie notice"));
        let report = "La Commission nationale de l'informatique et des libertés a rappelé mardi \
            que les sites qui utilisent des cookies doivent recueillir le consentement des \
            internautes avant tout dépôt, et qu'un refus doit être aussi simple qu'une \
            acceptation ; elle a sanctionné trois éditeurs de presse en ligne pour des bandeaux \
            trompeurs, des amendes allant de 50 000 à 300 000 euros, et annoncé de nouveaux \
            contrôles au printemps auprès des sites de commerce en ligne et des applications.";
        assert_eq!(reason(report), None);
    }

    #[test]
    fn round_27_tips_pagers_print_footers_and_hours() {
        let tip = |l: &str| is_tip_line(l, &normalize(l));
        assert!(tip(
            "Do you have a story to share? Email us at news@dailybeacon.co.uk"
        ));
        assert!(tip(
            "📲 ¿Te llegó algo dudoso? Mandanos un WhatsApp al +54 9 11 5555-0199"
        ));
        // An address in the story asks nobody to write to "us".
        assert!(!tip(
            "Renseignements : 02 41 55 30 12 – mediatheque@sainthilairedespres.fr"
        ));
        assert!(is_pager("‹ Précédent   Suivant ›"));
        assert!(is_pager("← Попередній випуск   Наступний випуск →"));
        assert!(!is_pager("« Oui. »"));
        assert!(is_page_url(
            "https://www.example.de/region/bad-id48812.html 1/2"
        ));
        assert!(!is_page_url(
            "https://www.example.de/region/bad-id48812.html"
        ));
        assert!(is_gallery_counter("1/12"));
        assert!(!is_gallery_counter("3/2"));
        assert!(is_time_range("mardi : 14 h – 18 h 30"));
        assert!(!is_time_range("03/12/2026 - 10:15"));
        assert!(!is_time_range("12 mars 2025 – 14 h"));
        // A name opening with an article is a title's, not a writer's.
        assert!(!is_person_name("The North Atlantic Review"));
        assert!(is_person_name("Tomas Lindqvist"));
    }

    #[test]
    fn author_bios_under_the_article() {
        assert!(is_author_bio(
            "Helen Carrow is a Clarion columnist who writes about transport, cities and the cost of living."
        ));
        assert!(is_author_bio(
            "Marisol Tennant is a national correspondent for The Ledger, covering the Great Plains."
        ));
        assert!(is_author_bio(
            "Marie Dupont est journaliste au service Économie."
        ));
        // A sentence about someone else, or no newsroom role.
        assert!(!is_author_bio(
            "The mayor said the new reporter would start on Monday."
        ));
        assert!(!is_author_bio(
            "Anna Rao is a teacher at the village school."
        ));
    }

    #[test]
    fn a_plea_box_that_ends_with_the_ask() {
        let reason = |l: &str| plea_sentence_reason(&normalize(l), l.split_whitespace().count());
        assert_eq!(
            reason(
                "The Westmore Herald has covered the people, places and stories of Westmore for \
                 127 years. If you value our reporting, please consider a digital subscription."
            ),
            Some("donation plea")
        );
        // The ask opens the last sentence, not the middle of one.
        assert_eq!(
            reason("The charity said that if you value our work you should write to the council."),
            None
        );
        assert_eq!(last_sentence("costs rose 3.5 percent"), None);
        assert_eq!(
            last_sentence("it rose. then it fell."),
            Some("then it fell.")
        );
    }

    #[test]
    fn wire_reporting_credits_and_glued_teasers() {
        assert_eq!(
            reporting_credit(
                "(Reporting by Megan Ostrowski in Harlan Falls, Ohio; Editing by Tom Reyes)"
            )
            .as_deref(),
            Some("Megan Ostrowski")
        );
        assert_eq!(
            reporting_credit("Reporting by the county's own staff"),
            None
        );
        assert!(is_glued_teaser(
            "À lire aussiAu Cameroun, la sécheresse fait chuter la production"
        ));
        assert!(!is_glued_teaser("À lire aussi au Cameroun, la sécheresse"));
        assert!(!is_glued_teaser(
            "Lire aussi le rapport de la Cour des comptes"
        ));
    }

    #[test]
    fn round_22_footers_meters_downloads_and_embeds() {
        let mid = |l: &str| reason(l);
        // A footer with the site's name before a dash, or one long link among many.
        assert_eq!(
            mid("Abidjan Éco – Qui sommes-nous | Annonceurs | Contact | Mentions légales"),
            Some("navigation menu")
        );
        assert_eq!(
            mid("About Us | Contact | Careers | Advertise | Terms of Use | Privacy Policy | Do Not Sell or Share My Personal Information"),
            Some("navigation menu")
        );
        // Slashes of dates part no links: still a dateline, not a menu.
        assert_ne!(
            mid("Le 21/01/2025 à 17:05 | mis à jour le 21/01/2025 à 19:40"),
            Some("navigation menu")
        );
        assert!(is_paywall_meter(
            "hai letto 3 articoli su 5 gratuiti questo mese"
        ));
        assert!(is_paywall_meter("you have read 2 of 4 free articles"));
        assert!(!is_paywall_meter("hai letto 3 libri su 5 quest'anno?"));
        assert!(!is_paywall_meter("3 articles of the law were amended"));
        assert!(is_file_download(&normalize(
            "Arrêté préfectoral n° 2025-DDT-0418 - format : PDF - 312,45 Ko - 18/07/2025"
        )));
        assert!(is_file_download(&normalize(
            "⬇ Télécharger l'épisode (MP3, 10,7 Mo)"
        )));
        assert!(!is_file_download(&normalize(
            "Le rapport de 40 pages, publié en PDF, a été lu 3 000 fois"
        )));
        assert_eq!(
            mid("— SWC Railway (@SWCRailway) February 9, 2025"),
            Some("embedded post")
        );
        // A post's own text is what the article quotes.
        assert_eq!(
            mid("Protest at the stadium tonight pic.twitter.com/lu5VsGQByv"),
            None
        );
        assert_eq!(mid("— Et vous, qu'en pensez-vous (@ici) ?"), None);
        assert_eq!(
            mid("💛 Ce blog est tenu par des bénévoles. Soutenez-nous sur Tipeee ou HelloAsso. Merci !"),
            Some("donation plea")
        );
        assert_eq!(mid("USD 92,41 ▲ EUR 99,87 ▼"), None, "inside the body");
        assert_eq!(
            chrome_reason(
                "USD 92,41 ▲ EUR 99,87 ▼",
                pos(2, 40, true),
                &CleanOptions::default()
            ),
            Some("widget")
        );
        // A ticker's label in capitals needs no colon; in sentence case it is the news itself.
        assert!(opens_with_ticker_label(
            &normalize("ULTIM'ORA Incidente sulla provinciale 12"),
            "ULTIM'ORA Incidente sulla provinciale 12"
        ));
        assert!(!opens_with_ticker_label(
            &normalize("Ultim'ora incidente sulla provinciale 12"),
            "Ultim'ora incidente sulla provinciale 12"
        ));
        // A long role in lower case after a person's name; not prose glued to a byline.
        assert_eq!(
            byline_name("Par Aminata Kéita-Rousseau, politologue, chercheuse associée à l'Institut des études sahéliennes").as_deref(),
            Some("Aminata Kéita-Rousseau")
        );
        assert_eq!(
            byline_name("Par Claude Meunier, enseignante, essayiste ♦ La nomination du ministre a surpris tout le monde"),
            None
        );
    }

    #[test]
    fn newsletter_titles_and_subheadings() {
        assert!(is_newsletter_title(&normalize("NEWSLETTER FAITS DIVERS")));
        assert!(is_newsletter_title(&normalize("Der Oberland-Newsletter")));
        assert!(!is_newsletter_title(&normalize(
            "Une newsletter interne embarrassante"
        )));
    }

    #[test]
    fn round_23_tables_counters_and_georgian_names() {
        let outside = pos(40, 3, true);
        let at = |l: &str| chrome_reason(l, outside, &CleanOptions::default());
        assert_eq!(at("1 | AS Tanger | 23 | 46 | +19"), Some("widget"));
        // Inside the article a table is the article's own.
        assert_eq!(reason("1 | AS Tanger | 23 | 46 | +19"), None);
        assert!(!is_table_row("Paris | Lyon | Marseille | Lille"));
        assert_eq!(reason("♡ 214   💬 37   ↻ 18"), Some("counter or timestamp"));
        assert_eq!(
            reason("214 J'aime · 18 Restacks"),
            Some("counter or timestamp")
        );
        // A dash and a number are no counter.
        assert_eq!(reason("— 1944"), None);
        assert_eq!(reason("TVW Info ☰"), Some("page label"));
        // Georgian names have no capitals.
        assert!(is_person_name("ნინო ბერიძე"));
        assert_eq!(
            byline_name("ავტორი: ნინო ბერიძე").as_deref(),
            Some("ნინო ბერიძე")
        );
        // A Greek woman's name in the genitive of a byline, in the nominative.
        assert_eq!(
            byline_name("Της Ελένης Γεωργίου").as_deref(),
            Some("Ελένη Γεωργίου")
        );
        assert_eq!(
            byline_name("Της Κατερίνας Παππά").as_deref(),
            Some("Κατερίνα Παππά")
        );
        assert!(!is_person_name("le maire de la ville"));
    }

    #[test]
    fn channel_counters_ads_and_tickers() {
        assert_eq!(reason("👁 9,8 tys.  09:12"), Some("counter or timestamp"));
        assert_eq!(
            reason("❤️ 312  😡 1.1K  😢 87"),
            Some("counter or timestamp")
        );
        assert_eq!(reason("48 213 subskrybentów"), Some("counter or timestamp"));
        // A number with a pictograph and words is a post, not a counter.
        assert_eq!(reason("🔴 12 blessés dans l'accident de la R-17"), None);
        assert_eq!(
            reason("Puls Pomorza | Subskrybuj 👉 t.me/pulspomorza"),
            Some("follow/subscribe prompt")
        );
        assert_eq!(
            reason("Kanał t.me/pulspomorza opublikował nagranie z miejsca zdarzenia."),
            None
        );
        assert_eq!(
            reason("Sponsorisé · Ce retraité a trouvé une astuce simple pour diviser sa facture par deux"),
            Some("advertisement label")
        );
        assert_eq!(
            reason("Publicité : les annonceurs boudent la chaîne depuis la polémique de mars"),
            None
        );
        let top = pos(1, 20, true);
        let opts = CleanOptions::default();
        assert_eq!(
            chrome_reason(
                "Flash info : coupure d'électricité samedi dans les quartiers nord",
                top,
                &opts
            ),
            Some("news ticker")
        );
        // Inside the article a live update may open with the same words.
        assert_eq!(
            chrome_reason(
                "Flash info : coupure d'électricité samedi dans les quartiers nord",
                pos(8, 8, false),
                &opts
            ),
            None
        );
        assert_eq!(without_title("Dr. Harald Wenzel"), "Harald Wenzel");
        assert_eq!(without_title("Prof. Dr. Anna Weber"), "Anna Weber");
        assert_eq!(without_title("Drew Barrymore"), "Drew Barrymore");
    }

    #[test]
    fn writer_and_date_lines_give_author_and_date() {
        assert_eq!(
            name_date("Rachel Donnelly – 5 avril 2025"),
            Some(("Rachel Donnelly".to_string(), "2025-04-05".to_string()))
        );
        assert_eq!(
            name_date("Agnieszka Wróbel · 15 March 2024 · 6 min read").map(|x| x.1),
            Some("2024-03-15".to_string())
        );
        // A place is not a writer, nor is a number a date.
        assert_eq!(name_date("Paris, 5 avril 2025"), None);
        assert_eq!(name_date("Green Party Leaders – 5 more seats"), None);
    }

    #[test]
    fn short_breadcrumbs_outside_the_article() {
        assert!(is_breadcrumb("Régions > Basse-Sambre"));
        assert!(is_breadcrumb("International / Health / Poland"));
        assert!(is_breadcrumb(
            "Vous êtes ici : Accueil / Traductions / Comment une ville a perdu son eau"
        ));
        assert!(is_breadcrumb(
            "Accueil | International | Qui sommes-nous ? | Faire un don"
        ));
        assert!(!is_breadcrumb("Ukraine / Russia: what the talks changed"));
        assert!(!is_breadcrumb(
            "Prices rose in 3 / 4 of the towns / regions surveyed"
        ));
    }

    #[test]
    fn quoted_words_greek_capitals_and_bracketed_outlets() {
        // Somebody's words reported are not the site's plea.
        assert!(is_reported_quote(
            "« Faites un don à la pharmacie », plaisante un retraité."
        ));
        assert!(!is_reported_quote("« Faites un don »"));
        // Greek capitals carry no accents; the table's rows do.
        assert_eq!(normalize("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ"), normalize("Διαβάστε επίσης"));
        assert_eq!(
            byline_name("Par Hannah Pryce (The Northern Ledger)").as_deref(),
            Some("Hannah Pryce")
        );
        assert_eq!(
            name_date("Tomasz Krawiec — mis en ligne le 24 avril 2025"),
            Some(("Tomasz Krawiec".to_string(), "2025-04-24".to_string()))
        );
    }

    #[test]
    fn appeals_are_told_from_reports_of_appeals() {
        assert_eq!(
            appeal_reason("Recevez chaque vendredi nos meilleures traductions : inscrivez-vous à la lettre du Fil, c'est gratuit et sans publicité."),
            Some("newsletter plea")
        );
        // Quoted words, a report on somebody else's fundraiser, one phrase alone.
        assert_eq!(
            appeal_reason("« Soutenez-nous, faites un don, nous avons besoin de vous », scandaient les grévistes."),
            None
        );
        assert_eq!(
            appeal_reason("The strikers' fund asked supporters to make a donation before Friday, the union said."),
            None
        );
        assert_eq!(
            appeal_reason(
                "Le quotidien, qui ne vit que grâce à ses lecteurs, a lancé mardi un appel."
            ),
            None
        );
        assert_eq!(
            appeal_reason("The statements, views and opinions expressed in this column are solely those of the author and do not necessarily represent those of NSI."),
            Some("opinion disclaimer")
        );
    }

    #[test]
    fn menus_and_separators() {
        assert_eq!(
            reason("TV / Infos / A La Une / Asie / Europe / Afrique"),
            Some("navigation menu")
        );
        assert_eq!(reason("Accueil › Monde › Europe"), Some("navigation menu"));
        assert_eq!(
            reason("Home | News | Sport | Business | Culture"),
            Some("navigation menu")
        );
        assert_eq!(reason("------------"), Some("separator line"));
        assert_eq!(reason("* * *"), Some("separator line"));
        // Not menus: a sentence with a slash, a date, a score.
        assert_eq!(
            reason("The 24/7 news cycle and/or the rise of social media changed politics."),
            None
        );
        assert_ne!(reason("12/03/2024"), Some("navigation menu"));
        assert_eq!(
            reason("Le match s'est terminé 2/1 / 3/0 selon les sources officielles du club."),
            None
        );
        // A chronology's year is no clock time: its entries are no timed headlines.
        assert!(!is_timed_headline(
            "2004: Erste Machbarkeitsstudie, damals noch mit nur einer Trasse im Norden"
        ));
        assert!(!is_feed_headline(
            "2012: Aufnahme in den Landesstraßenbedarfsplan, Kategorie „weiterer Bedarf“"
        ));
        assert!(is_timed_headline(
            "14:32 Brand in Lagerhalle: Feuerwehr mit Großaufgebot im Einsatz"
        ));
        // A read-more label followed by a comma opens a sentence; with a colon it heads a link.
        assert_eq!(
            reason("Pour mémoire, la crue historique de décembre 1982 avait atteint 6,84 m."),
            None
        );
        assert_eq!(
            reason("Pour mémoire : la crue de 1982 en images"),
            Some("read-more link")
        );
        // A court report's sentence, each item a label and a figure with its unit.
        assert!(!is_menu(
            "Fine: £480 | Costs: £85 | Victim surcharge: £192 | Ban: 16 months"
        ));
        // A hard-wrapped line that closes a quotation: the » is no breadcrumb's.
        assert!(!is_menu("καρδιά», δήλωσε στο «Βήμα» ο πρόεδρος της"));
        assert!(is_menu("Accueil » Monde » Europe"));
    }

    #[test]
    fn phrases_only_on_short_lines() {
        assert_eq!(reason("Partager cet article"), Some("share prompt"));
        assert_eq!(reason("Teilen"), Some("share prompt"));
        assert_eq!(reason("Подпишитесь на рассылку"), Some("newsletter plea"));
        assert_eq!(
            reason("Soutenez-nous : faites un don"),
            Some("donation plea")
        );
        let long = "Le ministre a refusé de partager cet article de loi avec les députés, \
                    estimant que le texte devait encore être discuté avec les partenaires sociaux.";
        assert_eq!(reason(long), None);
        assert_eq!(
            reason("Teilen sich Bund und Länder die Kosten, wird es teuer."),
            None
        );
    }

    #[test]
    fn datelines_bylines_and_share_rows_need_their_shape() {
        let top = pos(1, 9, true);
        let opts = CleanOptions::default();
        let at_top = |l: &str| chrome_reason(l, top, &opts);
        assert_eq!(
            at_top("Published: 3 December 2026, 09:40"),
            Some("dateline")
        );
        assert_eq!(at_top("Stand: 20. April 2020, 14:57 Uhr"), Some("dateline"));
        assert_eq!(
            at_top("Published figures show exports fell 12 % in November."),
            None
        );
        assert_eq!(at_top("By Jane Holloway"), Some("byline"));
        assert_eq!(at_top("Par la rédaction"), Some("byline"));
        assert_eq!(at_top("By Monday the storm had passed"), None);
        // Inside the body near its top, a newsroom's byline as well as a person's.
        let body_top = pos(2, 9, false);
        assert_eq!(
            chrome_reason("di Redazione | 21 ottobre 2024", body_top, &opts),
            Some("byline")
        );
        assert_eq!(chrome_reason("Di Maio risponde", body_top, &opts), None);
        assert_eq!(
            byline_name("Von Roland Brockmann und Sebastian Drescher").as_deref(),
            Some("Roland Brockmann und Sebastian Drescher")
        );
        // Inside the article a capitalised heading is not a byline.
        assert_eq!(reason("Von Risiken und Nebenwirkungen"), None);
        assert_eq!(
            at_top("Facebook | X | WhatsApp | Email"),
            Some("share buttons")
        );
        assert_eq!(at_top("x x x"), None);
        assert_eq!(at_top("Facebook Twitter"), Some("share buttons"));
        assert_eq!(at_top("Facebook Twitter Instagram Ads"), None);
        assert_eq!(at_top("02.12.2026, 18:40"), Some("dateline"));
        assert_eq!(at_top("Wed 2 Dec 2026 18.12 GMT"), Some("dateline"));
        assert_eq!(at_top("03/12/2026 - 10:15"), Some("dateline"));
        // The place it was filed from, then the date.
        for l in [
            "Madrid, 5 de diciembre de 2024 - 09:15 h",
            "Paris, le 12 mars 2025",
            "Berlin, 14. November 2024",
        ] {
            assert_eq!(at_top(l), Some("dateline"), "{l}");
        }
        assert_eq!(at_top("Madrid, el martes pasado llovió"), None);
        assert_eq!(at_top("Our readers, 12 March 2025"), None);
        assert_eq!(
            at_top("Обновлено в 08:30: в микрорайоне начали подавать воду, давление пока низкое."),
            None
        );
        assert_eq!(at_top("1."), None);
        assert_eq!(at_top("2020"), None);
        assert_eq!(at_top("Lecture : 4 min"), Some("reading time"));
        assert_eq!(at_top("5 min read"), Some("reading time"));
        assert_eq!(at_top("Follow the money, says the report"), None);
        assert_eq!(
            at_top("Suivez RT en français sur X et Telegram"),
            Some("follow/subscribe prompt")
        );
        assert_eq!(
            at_top("© 2026 Example Media"),
            Some("legal/copyright notice")
        );
        assert_eq!(at_top("Copyright law is changing fast"), None);
    }

    #[test]
    fn caps_labels_only_at_edges() {
        let top = pos(0, 9, true);
        let opts = CleanOptions::default();
        assert_eq!(
            chrome_reason("EXCLUSIVE", top, &opts),
            Some("all-caps label")
        );
        assert_eq!(reason("EXCLUSIVE"), None);
        assert_eq!(
            chrome_reason("NATO", top, &opts),
            None,
            "short acronym is kept"
        );
    }

    #[test]
    fn counters_widgets_word_menus_and_long_pleas() {
        let outside = pos(3, 20, true);
        let opts = CleanOptions::default();
        let at = |l: &str| chrome_reason(l, outside, &opts);
        // Counters with their words anywhere, bare figures only outside the body.
        assert_eq!(reason("142 comments"), Some("counter or timestamp"));
        assert!(
            reason("02:31").is_some(),
            "a video duration or live-blog time"
        );
        assert_eq!(reason("1245"), None);
        assert_eq!(at("1245"), Some("counter or timestamp"));
        assert_eq!(at("2020"), None, "a year heading");
        assert_eq!(
            reason("Share Facebook Twitter WhatsApp 142 comments"),
            Some("share buttons")
        );
        // Widgets: figures with units; a Chinese sentence with a percentage is not one.
        assert_eq!(at("USD 89,52 EUR 97,31 −18 °C"), Some("widget"));
        assert_eq!(at("桃江竹凉席销售额占全国线上销售额60%以上"), None);
        // One-line menus of section names, but not headlines in Title Case or capitals.
        assert_eq!(
            at("Новости Происшествия Общество Экономика Спорт Афиша Видео"),
            Some("navigation menu")
        );
        assert_eq!(
            at("Al Franken Is Just The Beginning As The Curtain Is Pulled Back"),
            None
        );
        assert_eq!(at("MATTEO SALVINI DOPO L'INCONTRO CON MARIO DRAGHI"), None);
        // A plea written as one long sentence; an article sentence that mentions a newsletter.
        assert_eq!(
            reason("Ne manquez plus aucun article : inscrivez-vous à notre lettre d'information quotidienne et recevez chaque matin une sélection de textes que vous ne lirez nulle part ailleurs, sans publicité."),
            Some("newsletter plea")
        );
        assert_eq!(
            reason("The council said residents could sign up to the new newsletter, which will report every week on the state of the roads and the budget."),
            None
        );
        // Copyright with the holder first, or the rights notice anywhere.
        assert_eq!(
            reason("© La Gazette mosane 2024 - Tous droits réservés"),
            Some("legal/copyright notice")
        );
        assert_eq!(
            reason("Diario El Mirador © 2024 Todos los derechos reservados"),
            Some("legal/copyright notice")
        );
        // A byline with the writer's role after a comma names the writer.
        assert_eq!(
            byline_name("Par Anatole Verkine, politologue et chroniqueur").as_deref(),
            Some("Anatole Verkine")
        );
        assert_eq!(reason("pic.twitter.com/hL4qZr82Tn"), Some("embedded post"));
        // The signature under an embedded post goes with it (session 13: every labelled batch
        // marks it as chrome); the post's own text stays.
        assert_eq!(
            reason("— Maïté Corvisart (@mcorvisart) 12 mars 2024"),
            Some("embedded post")
        );
    }

    /// A two-item breadcrumb opened by the home page's name, its second item written with
    /// letters whose lower case is longer than they are ("İ"): read from the line itself.
    #[test]
    fn home_breadcrumbs_with_any_letters() {
        let outside = pos(3, 20, true);
        let opts = CleanOptions::default();
        let at = |l: &str| chrome_reason(l, outside, &opts);
        assert_eq!(at("Accueil Économie"), Some("navigation menu"));
        assert_eq!(at("Αρχική İstanbul"), Some("navigation menu"));
        assert_eq!(
            at("Accueil İİİİ İİİİ İİİİ"),
            None,
            "three items after the home word"
        );
        assert_eq!(
            at("Accueil des réfugiés"),
            None,
            "a lower-case word is prose"
        );
    }

    #[test]
    fn round_73_admission_prices_and_a_reviewers_tip() {
        let outside = pos(20, 20, true);
        let opts = CleanOptions::default();
        for l in [
            "Εισιτήρια: 18 € (κανονικό), 12 € (φοιτητικό, ανέργων)",
            "Karten: € 28,– / ermäßigt € 19,–",
        ] {
            assert_eq!(chrome_reason(l, outside, &opts), None, "{l}");
        }
        // A market widget is still one.
        assert_eq!(
            chrome_reason("Brent: 82,10 $ +1,2 %", outside, &opts),
            Some("widget")
        );
        assert!(!is_business_ad("Un conseil : réservez."));
        assert!(is_business_ad(
            "Pizzeria Da Marco : réservez au 02 40 00 00 00"
        ));
    }

    #[test]
    fn round_76_a_verb_with_its_object_and_a_quoted_button() {
        assert_eq!(reason("Partager les reines"), None);
        assert_eq!(reason("Partager la page"), Some("share prompt"));
        assert_eq!(reason("Partager"), Some("share prompt"));
        assert_eq!(
            reason("Cliquer sur « Continuer sans accepter » quand ce lien existe."),
            None
        );
        assert_eq!(reason("Continuer sans accepter"), Some("cookie notice"));
    }

    #[test]
    fn round_77_labelled_links_in_guillemets() {
        assert!(is_adjacent_post_link(
            "« Προηγούμενο: Κοπή πρωτοχρονιάτικης πίτας"
        ));
        assert!(is_adjacent_post_link(
            "Article suivant : Le carnaval des écoles »"
        ));
        // A quotation in guillemets has no label.
        assert!(!is_adjacent_post_link(
            "« Nous avons tout perdu, la maison et les bêtes"
        ));
        assert!(!is_adjacent_post_link(
            "« Le maire : un homme seul », titrait le journal."
        ));
    }

    #[test]
    fn round_80_an_embedded_posts_stamp_and_counts() {
        let inside = |l: &str| chrome_reason(l, pos(30, 30, false), &CleanOptions::default());
        assert_eq!(inside("4:52 PM · Feb 6, 2024"), Some("embedded post"));
        assert_eq!(inside("5:01 PM · 18 août 2024"), Some("embedded post"));
        assert_eq!(inside("4 juin, 23:41 · 🌍"), Some("embedded post"));
        assert_eq!(
            inside("112 Reposts 38 Quotes 401 Likes"),
            Some("counter or timestamp")
        );
        assert_eq!(inside("♡ 1,2 k · 🔁 864"), Some("counter or timestamp"));
        assert_eq!(inside("Lire les 97 réponses"), Some("counter or timestamp"));
        // A date and a place, or a date without a time, is no post's stamp; figures with other
        // words between them are a sentence.
        assert_eq!(inside("18 août 2024 · Pointe-à-Pitre"), None);
        assert_eq!(inside("112 blessés 38 morts 401 évacués"), None);
        assert!(!is_post_stamp("18 août · 19 août"));
    }

    #[test]
    fn round_81_a_shops_deal_with_its_name_and_figure() {
        assert!(is_business_ad(
            "Cantina Sociale dei Masi – Teroldego in offerta, 6 bottiglie a 39 €"
        ));
        assert!(is_business_ad(
            "Ottica Rossetti – Occhiali da sole -30% fino al 28 febbraio"
        ));
        assert!(is_business_ad(
            "Frühjahrsaktion bei Gartencenter Hinterberger – 20 % auf alle Balkonpflanzen"
        ));
        // A deal without a name or without a figure, a table's row and a market's fall are
        // no ads.
        assert!(!is_business_ad(
            "Les soldes d'hiver ont commencé mercredi dans toute la région."
        ));
        assert!(!is_business_ad("Malbec: -21%"));
        assert!(!is_business_ad(
            "Soldes – les commerçants du centre-ville inquiets"
        ));
        assert!(!is_business_ad(
            "Bourse de Paris – le CAC 40 termine à -0,84 % après la décision"
        ));
    }

    #[test]
    fn round_98_numbered_forum_post_headers() {
        for line in [
            "#1 Ср, 08 окт 2025, 09:14",
            "#3 Сообщение 18 апр 2024, 22:04",
        ] {
            assert!(is_forum_post_header(line), "{line}");
        }
        // A hashtag with a date, a list's number with a time alone.
        for line in [
            "#Marseille 14 juillet 2024",
            "#2 à 18:30 au stade",
            "#1 Le programme",
        ] {
            assert!(!is_forum_post_header(line), "{line}");
        }
    }

    #[test]
    fn round_94_a_page_heads_strip_of_date_weather_and_rates() {
        for line in [
            "Lunes 8 de abril de 2024 | Dólar: $16.52 | San Juan de las Tunas 29°C",
            "Oran 34°C · Euro 148,92 DA · Dollar 135,60 DA",
            "1 € = 145,62 DA | 1 $ = 134,71 DA (cours officiel)",
            "Dólar oficial $1.438,50 | Dólar blue $1.475 | Riesgo país 612 | Buenos Aires 27° \
             Parcialmente nublado",
        ] {
            assert!(is_header_strip(line), "{line}");
        }
        // A weather report's table row; a price list in a sentence's parts.
        for line in [
            "Lyon | 34°C | 21°C | orages en soirée",
            "Le litre de gazole coûte 1,85 € · le sans-plomb 1,92 € · le GPL 0,99 €",
        ] {
            assert!(!is_header_strip(line), "{line}");
        }
    }

    #[test]
    fn round_93_embedded_content_notices() {
        for line in [
            "Le contenu de YouTube est masqué",
            "Treść zablokowana",
            "Questo contenuto è ospitato da Instagram. Per visualizzarlo devi accettare i cookie \
             di terze parti. Gestisci preferenze",
            "Ten wpis pochodzi z serwisu Facebook. Aby go wyświetlić, zaakceptuj pliki cookie \
             dostawców zewnętrznych.",
            "Le contenu de X est masqué. Autorisez les cookies tiers pour afficher ce contenu.",
        ] {
            assert_eq!(reason(line), Some("embedded content notice"), "{line}");
        }
        // A site's own banner (ads, not a post: "Anzeigen" are ads), a report quoting what a
        // site asks, a headline with "bloqué".
        for line in [
            "Wir und unsere 143 Partner nutzen Cookies und vergleichbare Technologien, um Inhalte \
             und Anzeigen zu personalisieren. Mit „Alle akzeptieren“ stimmen Sie zu.",
            "Selon l'enquête, le site demande « acceptez les cookies pour afficher cette vidéo » \
             à chaque visite, ce que la Cnil juge abusif.",
            "Le port de Dakar est bloqué par la grève",
        ] {
            assert_ne!(reason(line), Some("embedded content notice"), "{line}");
        }
    }

    #[test]
    fn round_92_comma_counts_and_media_placeholders() {
        assert_eq!(
            reason("3 replies, 14 reposts, 52 likes, 5.1K views"),
            Some("counter or timestamp")
        );
        // Round 95: counts parted by runs of spaces.
        assert_eq!(
            reason("👁 3 187 wyświetleń   💬 42 komentarze"),
            Some("counter or timestamp")
        );
        for line in [
            "[image]",
            "[iframe]",
            "[Photo 1280×853]",
            "[Видео]",
            "[Image: Vue aérienne du carrefour du Motty]",
        ] {
            assert_eq!(reason(line), Some("video player control"), "{line}");
        }
        // A bracketed editor's note, and a long bracket without the colon of an alt text.
        assert_eq!(
            reason("[NdT : en Belgique, la question relève de l'APD.]"),
            None
        );
        assert_eq!(
            reason("[Photo prise par un lecteur le soir de la crue du 14 juillet]"),
            None
        );
    }

    #[test]
    fn round_89_commenters_first_names_and_initials() {
        for name in [
            "Martine R.",
            "Jean-Marc D.",
            "Алексей М.",
            "Στέλιος Κ.",
            "ლაშა მ.",
        ] {
            assert!(is_commenter_name(name), "{name}");
        }
        // An agency's signature, an initial alone, a sentence's two words, a lower-case pair.
        for line in ["AFP R.", "R. Martin", "Fin.", "voir p.", "Martine Rousseau"] {
            assert!(!is_commenter_name(line), "{line}");
        }
    }

    #[test]
    fn round_85_more_from_labels() {
        assert_eq!(
            reason("More from The Prairie Ledger"),
            Some("read-more link")
        );
        assert_eq!(reason("MORE FROM OPINIONS"), Some("read-more link"));
        assert_eq!(reason("And here is more from the BBC."), None);
        assert_eq!(reason("More from the Washington Times:"), None);
    }

    #[test]
    fn round_46_to_48_platform_furniture() {
        let outside = pos(2, 30, true);
        let opts = CleanOptions::default();
        let at = |l: &str| chrome_reason(l, outside, &opts);
        // A result line is not a word menu; the same words without the scores are.
        assert_eq!(at("Ashworth Miners 24 Kelby Rovers 18"), None);
        assert_eq!(
            at("Ashworth Miners Kelby Rovers Sport News"),
            Some("navigation menu")
        );
        // A social network's buttons, with counts and ages; a sentence with the same words is not.
        assert_eq!(
            reason("J'aime   Commenter   Partager"),
            Some("share buttons")
        );
        assert_eq!(
            reason("J'aime   Répondre   2 h   👍 86"),
            Some("share buttons")
        );
        assert_eq!(reason("J'aime répondre aux questions"), None);
        // Printed contents and forms; a table of amounts with dot leaders is the article's.
        assert_eq!(
            reason("Le mot du curé .............................. p. 1"),
            Some("table of contents or form")
        );
        assert_eq!(
            reason("Nom : ............................ Prénom : ............................"),
            Some("table of contents or form")
        );
        assert_eq!(
            reason("Région ....................................... 95 000 €"),
            None
        );
        assert_eq!(reason("— 2 —"), Some("separator line"));
        // A chat export's header over each message.
        assert_eq!(
            reason("Oran Actu 24, [12.06.2024 08:15]"),
            Some("counter or timestamp")
        );
        assert!(!is_export_stamp("Voir le rapport, [p. 12]"));
        // The site's own cookie notice at the top; a report on cookies is prose.
        let top = pos(0, 40, false);
        let banner = "Ce site utilise des témoins (cookies) pour améliorer votre expérience et \
                      analyser la fréquentation, conformément à la Loi 25 sur la protection des \
                      renseignements personnels.";
        assert_eq!(chrome_reason(banner, top, &opts), Some("cookie notice"));
        let report = "Selon la CNIL, un site sur trois utilise encore des cookies publicitaires \
                      sans recueillir le consentement de ses visiteurs, un chiffre en baisse.";
        assert_eq!(chrome_reason(report, pos(12, 20, false), &opts), None);
        // A forum's user panel on one line, and a join date with its weekday.
        assert!(is_forum_stat_row(&normalize(
            "Użytkownik | Dołączył: 02 mar 2016 | Posty: 541"
        )));
        assert!(is_forum_stat_row(&normalize(
            "Iscritto il: ven 3 mar 2017, 18:22"
        )));
        assert!(!is_forum_stat_row(&normalize(
            "Posty: 541 | Bardzo dobry artykuł, dziękuję"
        )));
        assert!(is_reading_time(&normalize("Temps de lecture : 5 min")));
        assert!(is_reading_time(&normalize("Χρόνος ανάγνωσης: 14'")));
    }

    #[test]
    fn a_business_ad_between_paragraphs_but_not_service_information() {
        let ad = "Garage Rivest & Fils – Pneus d'hiver installés en 30 minutes. Prenez rendez-vous en ligne!";
        assert_eq!(reason(ad), Some("advertisement"));
        let rate = "Banque Cantonale – Votre hypothèque à taux fixe dès 1,69%. Simulez maintenant.";
        assert_eq!(reason(rate), Some("advertisement"));
        // A call to act in the article's own service information, a business named in the
        // news, a quoted slogan: no ads.
        for line in [
            "Pour signaler une panne ou un fil tombé, composez le 1 888 555-0142.",
            "Banque Cantonale – La direction annonce la suppression de 40 postes d'ici à 2026.",
            "« Réservez vos vacances en France », a lancé le ministre du Tourisme lors du salon.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }

    #[test]
    fn a_line_given_up_by_its_first_word_is_no_share_row() {
        let lines = [
            "Partager sur Facebook",
            "Copier le lien",
            "• Facebook | Twitter | Email",
            "FACEBOOK Twitter",
            "142 comments Facebook Twitter",
            "Share: Facebook WhatsApp",
            "f 𝕏 ✉ Facebook",
            "(Facebook) Telegram",
            "Copier",
            "The council voted on Facebook",
            "Le conseil a voté",
            "Поделиться: Telegram",
            "Σχόλια 3 Facebook",
            "| | |",
            "",
        ];
        let mut given_up = 0;
        for line in lines {
            let some = share_labels(&normalize(line)).is_some();
            assert!(may_be_share_row(line) || !some, "{line}");
            given_up += usize::from(!may_be_share_row(line));
        }
        // The prose lines are given up without normalising them whole.
        assert!(given_up >= 2, "{given_up}");
    }
}
