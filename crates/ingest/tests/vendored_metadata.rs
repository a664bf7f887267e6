//! The vendored extractor takes the page's metadata from its caller for a second run on the
//! same page, and can skip categories, tags and licence (vendor/trafilatura/NEWSPRISM.md,
//! change 3). These tests hold both to what the unpatched path gives.

use trafilatura::{dom::Document, metadata::extract_metadata, ExtractionFocus, Options};

const PAGE: &str = r#"<html lang="fr"><head>
<title>Le conseil vote le budget | La Gazette</title>
<meta property="og:title" content="Le conseil vote le budget">
<meta name="author" content="Marie Dupont">
<meta property="og:site_name" content="La Gazette">
<meta property="article:published_time" content="2024-03-12T08:00:00Z">
<meta name="keywords" content="budget, conseil">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Le conseil vote le budget",
"author":{"@type":"Person","name":"Marie Dupont"},"datePublished":"2024-03-12"}</script>
</head><body><nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article><h1>Le conseil vote le budget</h1>
<p>Le conseil municipal a voté mardi soir le budget de l'année, après trois heures de débat
et une suspension de séance demandée par l'opposition.</p>
<p>Le texte prévoit une hausse de deux pour cent des dépenses d'investissement, consacrées pour
l'essentiel à la rénovation des écoles et de la piscine municipale.</p>
<p class="tags"><a rel="tag" href="/tag/budget">budget</a></p>
<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>
</article><footer>© La Gazette</footer></body></html>"#;

fn runs() -> Vec<Options> {
    let base = Options::default().with_exclude_comments(true);
    vec![
        base.clone(),
        base.clone().with_fallback(true),
        base.with_fallback(true)
            .with_focus(ExtractionFocus::FavorRecall),
    ]
}

#[test]
fn given_metadata_gives_the_same_result_as_metadata_read_again() {
    let parsed = scraper::Html::parse_document(PAGE);
    let first = runs()[0].clone();
    let meta = extract_metadata(&Document::from_html(parsed.clone()), &first);
    assert_eq!(meta.author, "Marie Dupont");
    for opts in runs() {
        let own = trafilatura::extract_document(Document::from_html(parsed.clone()), &opts);
        let given = trafilatura::extract_document_with_metadata(
            Document::from_html(parsed.clone()),
            &opts,
            Some(meta.clone()),
        );
        let (own, given) = (own.expect("extracts"), given.expect("extracts"));
        assert_eq!(own.content_html, given.content_html);
        assert_eq!(
            format!("{:?}", own.metadata),
            format!("{:?}", given.metadata)
        );
    }
}

#[test]
fn skipping_categories_tags_and_licence_leaves_the_other_fields_as_they_were() {
    let parsed = scraper::Html::parse_document(PAGE);
    let opts = runs()[0].clone();
    let all = extract_metadata(&Document::from_html(parsed.clone()), &opts);
    let some = extract_metadata(
        &Document::from_html(parsed),
        &opts.with_categories_tags_license(false),
    );
    assert!(!all.tags.is_empty() || !all.categories.is_empty() || !all.license.is_empty());
    assert!(some.tags.is_empty() && some.categories.is_empty() && some.license.is_empty());
    assert_eq!(
        (
            &all.title,
            &all.author,
            &all.url,
            &all.sitename,
            all.date,
            &all.language
        ),
        (
            &some.title,
            &some.author,
            &some.url,
            &some.sitename,
            some.date,
            &some.language
        )
    );
}
