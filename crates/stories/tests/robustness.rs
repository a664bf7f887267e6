//! Messy input must never panic or hang: random mixes of scripts, digits, separators, quotes and
//! combining marks go through every extractor.

use newsprism_core::{Article, ArticleAnalysis, LangGuess, ParagraphAnalysis, Prediction};
use newsprism_stories::claims::extract;
use newsprism_stories::compare::outlet_profiles;
use newsprism_stories::fingerprint::{prepare_all, Fingerprint};
use newsprism_stories::pairs::{score, PairRecord};
use newsprism_stories::similarity::PairModel;
use newsprism_stories::story::{build_stories, Options};

const POOL: &[&str] = &[
    "a",
    "É",
    "ß",
    "ł",
    "Д",
    "ы",
    "ь",
    "Ω",
    "ά",
    "ა",
    "ع",
    "中",
    "😀",
    "\u{301}",
    "\u{200b}",
    "0",
    "7",
    "1",
    " ",
    " ",
    "\u{a0}",
    "\u{202f}",
    ",",
    ".",
    "'",
    "’",
    ":",
    ";",
    "«",
    "»",
    "\"",
    "„",
    "“",
    "\n",
    "-",
    "%",
    "$",
    "€",
    "Tokayev",
    "OTSC",
    "ОДКБ",
    "million",
    "тысяч",
    "killed",
    "погибли",
    "said",
    "заявил",
    "more than",
    "2 000",
    "1,5",
    "12.345.678",
    "99999999999999999999999",
    "l'",
];

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| POOL[rng.below(POOL.len())]).collect()
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(7);
    let mut articles = Vec::new();
    for i in 0..200 {
        let len = rng.below(400);
        let text = random_text(&mut rng, len);
        let a = Article::from_text(i.to_string(), "random", &text);
        let c = extract(&a);
        for f in &c.figures {
            assert!(f.value.is_finite());
        }
        articles.push(a);
    }
    articles.push(Article::from_text("empty", "empty", ""));
    let stories = build_stories(
        &articles,
        None,
        &Options {
            compare: true,
            ..Options::default()
        },
    );
    assert_eq!(
        stories.iter().map(|s| s.members.len()).sum::<usize>(),
        articles.len()
    );
    let mut fps: Vec<Fingerprint> = articles.iter().map(Fingerprint::of_article).collect();
    prepare_all(&mut fps);
}

#[test]
fn pairs_with_empty_and_odd_texts_score_in_range() {
    let recs: Vec<PairRecord> = serde_json::from_str(
        r#"[{"pair_id": 1, "text1": "", "text2": ""},
            {"pair_id": "x", "text1": "Same words here.", "text2": "Same words here.", "lang1": "en", "lang2": "english"},
            {"pair_id": "y", "text1": "😀😀😀", "text2": "Δ", "title1": "", "lang1": "??"}]"#,
    )
    .unwrap();
    let out = score(&recs, PairModel::builtin());
    assert_eq!(out.len(), 3);
    for s in &out {
        assert!((1.0..=4.0).contains(&s.similarity), "{s:?}");
        assert!((0.0..=1.0).contains(&s.same_story), "{s:?}");
    }
    assert!(out[1].similarity < out[0].similarity.max(out[2].similarity));
}

fn analysis(
    source: &str,
    words: usize,
    techniques: &[&str],
    genre: &str,
    frames: &[&str],
) -> ArticleAnalysis {
    let pred = |l: &str| Prediction {
        label: l.to_string(),
        confidence: 0.8,
        cues: vec![],
    };
    ArticleAnalysis {
        id: source.to_string(),
        path: "x".into(),
        lang: LangGuess {
            code: None,
            confidence: 0.0,
        },
        title: None,
        url: None,
        source: Some(source.to_string()),
        published: None,
        word_count: words,
        genre: pred(genre),
        genre_scores: vec![],
        frames: frames.iter().map(|f| pred(f)).collect(),
        paragraphs: vec![ParagraphAnalysis {
            line: 1,
            text: String::new(),
            techniques: techniques.iter().map(|t| pred(t)).collect(),
        }],
        removed: vec![],
        attribution: None,
    }
}

#[test]
fn outlet_profiles_side_by_side() {
    let p = outlet_profiles(&[
        analysis(
            "A",
            500,
            &["Loaded_Language", "Doubt"],
            "opinion",
            &["Political"],
        ),
        analysis(
            "A",
            500,
            &["Loaded_Language"],
            "opinion",
            &["Political", "Morality"],
        ),
        analysis("B", 1000, &[], "reporting", &["Security_and_defense"]),
    ]);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].outlet, "A");
    assert_eq!(p[0].articles, 2);
    assert_eq!(p[0].genre, "opinion");
    assert!((p[0].techniques_per_1000_words - 3.0).abs() < 1e-6);
    assert_eq!(p[0].top_techniques[0], ("Loaded language".to_string(), 2));
    assert_eq!(p[0].top_frames[0].0, "Political");
    assert_eq!(p[1].techniques_per_1000_words, 0.0);
    assert_eq!(p[1].genre, "reporting");
}
