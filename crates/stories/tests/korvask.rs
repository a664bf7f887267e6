//! The team-written example in `examples/stories/`: three outlets in three languages report one
//! invented event, a fourth outlet posts a translation, and an unrelated story sits beside them.

use newsprism_core::{article::split_lines, Article, Lang};
use newsprism_stories::reposts::RepostKind;
use newsprism_stories::story::{build_stories, Options, Story};

fn articles() -> Vec<Article> {
    let src = include_str!("../../../examples/stories/korvask-clashes.jsonl");
    src.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("example JSONL is valid");
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            Article {
                id: s("id").unwrap_or_default(),
                path: "examples/stories/korvask-clashes.jsonl".into(),
                title: s("title"),
                lines: split_lines(&s("text").unwrap_or_default()),
                url: s("url"),
                source: s("source"),
                declared_lang: s("lang").as_deref().and_then(Lang::parse),
                published: s("published"),
                ..Article::default()
            }
        })
        .collect()
}

fn stories() -> Vec<Story> {
    let opts = Options {
        compare: true,
        ..Options::default()
    };
    build_stories(&articles(), None, &opts)
}

#[test]
fn one_story_across_three_languages() {
    let s = stories();
    assert_eq!(s.len(), 2, "{s:#?}");
    let ids: Vec<&str> = s[0].members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "northwind-0302",
            "courrier-0302",
            "vestnik-0302",
            "express-0302"
        ]
    );
    assert_eq!(s[0].languages, ["en", "fr", "ru"]);
    assert_eq!(s[1].members[0].id, "northwind-0303-rates");
    assert!(
        s[0].label
            .iter()
            .any(|l| l.contains("Korvask") || l.contains("Корваск")),
        "{:?}",
        s[0].label
    );
}

#[test]
fn translated_repost_is_not_independent() {
    let s = &stories()[0];
    let express = s.members.iter().find(|m| m.id == "express-0302").unwrap();
    let repost = express.repost.as_ref().expect("translation detected");
    assert_eq!(repost.of, "northwind-0302");
    assert_eq!(repost.kind, RepostKind::Translation);
    assert_eq!(s.outlets.len(), 4);
    assert_eq!(
        s.independent_outlets.len(),
        3,
        "{:?}",
        s.independent_outlets
    );
    assert!(!s
        .independent_outlets
        .iter()
        .any(|o| o == "Северный экспресс"));
    // The independent Russian report is not mistaken for a translation.
    assert!(s
        .members
        .iter()
        .find(|m| m.id == "vestnik-0302")
        .unwrap()
        .repost
        .is_none());
}

#[test]
fn corroborated_single_source_and_conflicting_claims() {
    let s = &stories()[0];
    let c = s.comparison.as_ref().expect("compared");
    let corroborated: Vec<&str> = c.corroborated.iter().map(|c| c.claim.as_str()).collect();
    assert!(
        corroborated.contains(&"killed/police = 8"),
        "{corroborated:?}"
    );
    assert!(corroborated.contains(&"injured = 317"), "{corroborated:?}");
    let eight = c
        .corroborated
        .iter()
        .find(|c| c.claim == "killed/police = 8")
        .unwrap();
    assert_eq!(eight.outlets.len(), 3, "{:?}", eight.outlets);
    // The minister's quote is reported by all three independent outlets.
    let quote = c
        .corroborated
        .iter()
        .find(|c| c.kind == "quote" && c.claim.contains("Aldan Serik"))
        .expect("minister's quote corroborated");
    assert_eq!(quote.outlets.len(), 3, "{:?}", quote.outlets);
    let single: Vec<&str> = c.single_source.iter().map(|c| c.claim.as_str()).collect();
    assert!(single.contains(&"killed/civilians = 12"), "{single:?}");
    let arrested = c
        .conflicts
        .iter()
        .find(|k| k.quantity == "arrested")
        .expect("conflict on arrests");
    let values: Vec<f64> = arrested.values.iter().map(|v| v.value).collect();
    assert_eq!(values, [1200.0, 2000.0]);
}

#[test]
fn copies_and_credited_reposts_link_to_the_original() {
    let mut arts = articles();
    let mut copy = arts[0].clone();
    copy.id = "copy".into();
    copy.source = Some("Aggregator One".into());
    copy.url = None;
    copy.published = Some("2026-03-02T20:00:00Z".into());
    let mut credited = arts[1].clone();
    credited.id = "credited".into();
    credited.source = Some("Blog Two".into());
    credited.url = None;
    credited.published = Some("2026-03-02T21:00:00Z".into());
    credited.lines.push("Source : Le Courrier du Matin".into());
    credited.attribution = Some(newsprism_core::Attribution {
        source: Some("Le Courrier du Matin".into()),
        republished: true,
        ..Default::default()
    });
    arts.push(copy);
    arts.push(credited);
    let s = &build_stories(&arts, None, &Options::default())[0];
    let find = |id: &str| s.members.iter().find(|m| m.id == id).unwrap();
    let copy = find("copy").repost.as_ref().expect("copy detected");
    assert_eq!(
        (copy.of.as_str(), copy.kind),
        ("northwind-0302", RepostKind::Duplicate)
    );
    let credited = find("credited")
        .repost
        .as_ref()
        .expect("credited repost detected");
    assert_eq!(
        (credited.of.as_str(), credited.kind),
        ("courrier-0302", RepostKind::Attributed)
    );
    assert_eq!(s.members.len(), 6);
    assert_eq!(
        s.independent_outlets.len(),
        3,
        "{:?}",
        s.independent_outlets
    );
}

#[test]
fn two_articles_side_by_side() {
    let arts = articles();
    let r = newsprism_stories::pairwise::compare_two(&arts[0], &arts[1], None);
    assert!(r.same_story >= 0.5, "{}", r.same_story);
    assert!(r.repost.is_none());
    assert!(
        r.shared_actors.iter().any(|a| a == "Korvask"),
        "{:?}",
        r.shared_actors
    );
    assert!(r
        .comparison
        .conflicts
        .iter()
        .any(|c| c.quantity == "arrested"));
    let unrelated = newsprism_stories::pairwise::compare_two(&arts[0], &arts[4], None);
    assert!(unrelated.same_story < 0.5 && unrelated.similarity > r.similarity);
    let translation = newsprism_stories::pairwise::compare_two(&arts[0], &arts[3], None);
    assert_eq!(
        translation.repost,
        Some(("b".into(), RepostKind::Translation, "a".into()))
    );
}
