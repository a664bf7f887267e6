//! Behaviour of the embedded store: idempotence, search with stemming, filters and facets,
//! profiles, reopening and index catch-up.

mod common;

use common::{analysis, new};
use newsprism_core::Lang;
use newsprism_store::{
    ArticleStore, EmbeddedStore, OpenMode, PutOutcome, SearchQuery, SortOrder, StoreError,
};

fn sample_store(dir: &std::path::Path) -> EmbeddedStore {
    let s = EmbeddedStore::open(dir, OpenMode::ReadWrite).unwrap();
    let batch = vec![
        new(analysis(
            "a1",
            Lang::EN,
            Some("Daily Bugle"),
            Some("2022-03-04"),
            &[
                "The elections were rigged, say critics.",
                "Voters are angry.",
            ],
            &[Some("Loaded_Language"), None],
        )),
        new(analysis(
            "a2",
            Lang::FR,
            Some("Le Canard"),
            Some("2022-04-10T08:00:00Z"),
            &[
                "Les élections municipales approchent.",
                "Le maire promet tout.",
            ],
            &[None, Some("Doubt")],
        )),
        new(analysis(
            "a3",
            Lang::EN,
            Some("Daily Bugle"),
            None,
            &["An election is a contest.", "Nothing else here."],
            &[Some("Doubt"), Some("Loaded_Language")],
        )),
    ];
    let r = s.put_batch(&batch).unwrap();
    assert!(r.index_warning.is_none(), "{:?}", r.index_warning);
    assert!(r
        .outcomes
        .iter()
        .all(|o| matches!(o, PutOutcome::Stored { .. })));
    s
}

#[test]
fn same_article_twice_is_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let again = analysis(
        "other-id",
        Lang::EN,
        Some("Daily Bugle"),
        Some("2022-03-04"),
        &[
            "The elections  were rigged, say critics.",
            "Voters are angry.",
        ],
        &[None, None],
    );
    let mut same_title = again.clone();
    same_title.title = Some("Title of a1".into());
    let r = s
        .put_batch(&[new(same_title.clone()), new(same_title)])
        .unwrap();
    assert!(matches!(r.outcomes[0], PutOutcome::Duplicate { .. }));
    assert!(matches!(r.outcomes[1], PutOutcome::Duplicate { .. }));
    assert_eq!(s.stats().unwrap().articles, 3);

    // Same URL, different text: still one record.
    let mut u1 = analysis("u1", Lang::EN, None, None, &["one"], &[]);
    u1.url = Some("https://example.com/story/".into());
    let mut u2 = analysis("u2", Lang::EN, None, None, &["two"], &[]);
    u2.url = Some("HTTPS://EXAMPLE.com/story#top".into());
    let r = s.put_batch(&[new(u1), new(u2)]).unwrap();
    assert!(matches!(r.outcomes[0], PutOutcome::Stored { .. }));
    assert_eq!(r.outcomes[1].id(), r.outcomes[0].id());
    assert!(matches!(r.outcomes[1], PutOutcome::Duplicate { .. }));
}

#[test]
fn stemmed_search_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let q = |text: &str| {
        s.search(&SearchQuery {
            q: text.into(),
            ..Default::default()
        })
        .unwrap()
    };
    // English stemming: "elections" also finds "election".
    let r = q("elections");
    assert_eq!(r.total, 2, "{:?}", r.hits);
    // French stemming: "élection" finds "élections".
    let r = q("élection");
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].lang, "fr");
    let hl = &r.hits[0].snippet;
    assert!(!hl.highlights.is_empty(), "{hl:?}");
    let [a, b] = hl.highlights[0];
    assert!(hl.text[a..b].to_lowercase().starts_with("élection"));
    // Nonsense finds nothing; broken syntax is tolerated.
    assert_eq!(q("zzzqqq").total, 0);
    let r = q("\"unbalanced AND (");
    assert!(r.total <= 3);
}

#[test]
fn filters_and_facets() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let all = s.search(&SearchQuery::default()).unwrap();
    assert_eq!(all.total, 3);
    // Undated last when newest first.
    assert_eq!(all.hits[0].lang, "fr");
    assert_eq!(all.hits[2].published, None);
    let en = all.facets.lang.iter().find(|f| f.value == "en").unwrap();
    assert_eq!(en.count, 2);

    let r = s
        .search(&SearchQuery {
            lang: vec!["en".into()],
            technique: vec!["Doubt".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.total, 1);
    // Language facet counts ignore the language filter itself: fr with Doubt is 1.
    let fr = r.facets.lang.iter().find(|f| f.value == "fr").unwrap();
    assert_eq!(fr.count, 1);

    let r = s
        .search(&SearchQuery {
            from: Some("2022-04".into()),
            to: Some("2022".into()),
            sort: SortOrder::Newest,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].outlet.as_deref(), Some("Le Canard"));

    let bad = s.search(&SearchQuery {
        from: Some("yesterday".into()),
        ..Default::default()
    });
    assert!(matches!(bad, Err(StoreError::BadQuery(_))));

    let none = s
        .search(&SearchQuery {
            outlet: vec!["No Such Outlet".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(none.total, 0);
}

#[test]
fn outlet_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let outlets = s.outlets().unwrap();
    assert_eq!(outlets[0].outlet.as_deref(), Some("Daily Bugle"));
    assert_eq!(outlets[0].articles, 2);
    let p = s.outlet_profile(Some("Daily Bugle")).unwrap().unwrap();
    let ll = p
        .techniques
        .iter()
        .find(|t| t.label == "Loaded_Language")
        .unwrap();
    assert_eq!(ll.count, 2);
    assert!((ll.share - 0.5).abs() < 1e-9, "{}", ll.share);
    assert!(s.outlet_profile(Some("Nobody")).unwrap().is_none());
}

#[test]
fn reopen_and_get() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let s = sample_store(dir.path());
        let all = s.search(&SearchQuery::default()).unwrap();
        all.hits[0].id.clone()
    };
    let ro = EmbeddedStore::open(dir.path(), OpenMode::ReadOnly).unwrap();
    let a = ro.get(&id).unwrap().unwrap();
    assert_eq!(a.analysis.paragraphs.len(), 2);
    assert!(ro.get("0000000000000000").unwrap().is_none());
    assert!(matches!(ro.put_batch(&[]), Err(StoreError::ReadOnly)));
    // Only one writer at a time.
    let _w = EmbeddedStore::open(dir.path(), OpenMode::ReadWrite).unwrap();
    assert!(matches!(
        EmbeddedStore::open(dir.path(), OpenMode::ReadWrite),
        Err(StoreError::Locked(_))
    ));
}

#[test]
fn index_is_rebuilt_when_lost() {
    let dir = tempfile::tempdir().unwrap();
    drop(sample_store(dir.path()));
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    std::fs::create_dir_all(dir.path().join("index")).unwrap();
    std::fs::write(dir.path().join("index/meta.json"), b"{ broken").unwrap();
    let s = EmbeddedStore::open(dir.path(), OpenMode::ReadWrite).unwrap();
    assert_eq!(s.stats().unwrap().index_lag, 0);
    let r = s
        .search(&SearchQuery {
            q: "critics".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.total, 1);
}

#[test]
fn missing_store_read_only_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let e = EmbeddedStore::open(dir.path().join("nope"), OpenMode::ReadOnly)
        .err()
        .unwrap();
    assert!(e.to_string().contains("no newsprism store"), "{e}");
}

#[test]
fn reader_catches_up_a_lagging_index_when_no_writer_runs() {
    let dir = tempfile::tempdir().unwrap();
    drop(sample_store(dir.path()));
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let ro = EmbeddedStore::open(dir.path(), OpenMode::ReadOnly).unwrap();
    assert_eq!(ro.stats().unwrap().index_lag, 0);
    let r = ro
        .search(&SearchQuery {
            q: "critics".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.total, 1);
}

#[test]
fn all_articles_in_storage_order() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let all = s.all_articles().unwrap();
    let ids: Vec<&str> = all.iter().map(|a| a.analysis.id.as_str()).collect();
    assert_eq!(ids, vec!["a1", "a2", "a3"]);
}

#[test]
fn inputs_that_were_duplicates_are_known_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample_store(dir.path());
    let mut dup = analysis(
        "copy",
        Lang::EN,
        Some("Daily Bugle"),
        Some("2022-03-04"),
        &[
            "The elections were rigged, say critics.",
            "Voters are angry.",
        ],
        &[None, None],
    );
    dup.title = Some("Title of a1".into());
    let item = newsprism_store::NewArticle {
        analysis: dup,
        fingerprint: Some("fp-of-the-copy".into()),
    };
    assert!(s.known_inputs(&["fp-of-the-copy".into()]).unwrap() == vec![false]);
    let r = s.put_batch(&[item]).unwrap();
    assert!(matches!(r.outcomes[0], PutOutcome::Duplicate { .. }));
    assert_eq!(
        s.known_inputs(&["fp-of-the-copy".into(), "other".into()])
            .unwrap(),
        vec![true, false]
    );
}
