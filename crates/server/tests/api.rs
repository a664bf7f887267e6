//! The HTTP API and pages through tower's `oneshot`: routes, status codes, token checks, body
//! limit, and that article content is always escaped.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use newsprism_core::{Article, ArticleAnalysis, Lang, LangGuess, ParagraphAnalysis, Prediction};
use newsprism_server::{router, Analyzer, AppState};
use newsprism_store::{ArticleStore, EmbeddedStore, OpenMode};
use tower::ServiceExt;

/// Marks paragraphs containing "traitor" as Name_Calling-Labeling with that cue.
struct StubAnalyzer;

impl Analyzer for StubAnalyzer {
    fn analyze(&self, a: &Article) -> ArticleAnalysis {
        let pred = |l: &str, cues: Vec<String>| Prediction {
            label: l.into(),
            confidence: 0.7,
            cues,
        };
        let paragraphs: Vec<ParagraphAnalysis> = a
            .paragraphs()
            .map(|(line, text)| ParagraphAnalysis {
                line,
                text: text.to_string(),
                techniques: if text.to_lowercase().contains("traitor") {
                    vec![pred("Name_Calling-Labeling", vec!["traitor".into()])]
                } else {
                    vec![]
                },
            })
            .collect();
        ArticleAnalysis {
            id: a.id.clone(),
            path: a.path.clone(),
            lang: LangGuess {
                code: a.declared_lang.or(Some(Lang::EN)),
                confidence: 0.9,
            },
            title: a.title.clone(),
            url: a.url.clone(),
            source: a.source.clone(),
            published: a.published.clone(),
            word_count: a.word_count(),
            genre: pred("opinion", vec![]),
            genre_scores: vec![pred("opinion", vec![])],
            frames: vec![pred("Political", vec![])],
            paragraphs,
            removed: vec![],
            attribution: None,
        }
    }
}

const TOKEN: &str = "s3cret-token";

fn app(dir: &std::path::Path, writes: bool) -> Router {
    let store: Arc<dyn ArticleStore> =
        Arc::new(EmbeddedStore::open(dir, OpenMode::ReadWrite).unwrap());
    let mut st = AppState::new(store);
    if writes {
        st = st.with_writes(TOKEN, Arc::new(StubAnalyzer));
    }
    router(st)
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post(body: impl Into<Body>, token: Option<&str>) -> Request<Body> {
    let mut b = Request::post("/api/articles").header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(body.into()).unwrap()
}

const MALICIOUS: &str = r#"{"id":"evil","title":"<script>alert('title')</script>Breaking",
 "source":"<b onmouseover=alert(1)>Evil Outlet</b>","url":"javascript:alert(document.cookie)",
 "published":"2023-05-01",
 "text":"The traitor <script>alert('xss')</script> speaks.\n<img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">click</a>\n\"><svg onload=alert(4)>"}"#;

#[tokio::test]
async fn openapi_lists_the_stable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), false);
    let (s, _, body) = send(&app, get("/openapi.json")).await;
    assert_eq!(s, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/api/search",
        "/api/articles",
        "/api/articles/{id}",
        "/api/outlets/{name}",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p} missing");
    }
}

#[tokio::test]
async fn writes_are_off_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), false);
    let (s, _, body) = send(&app, post(r#"{"text":"hello"}"#, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("--token"));
}

#[tokio::test]
async fn token_is_checked_as_bearer() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), true);
    let doc = r#"{"id":"a1","text":"First line.\nThe traitor lies.","title":"T","source":"Daily"}"#;
    let (s, h, _) = send(&app, post(doc, None)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(h.get(header::WWW_AUTHENTICATE).is_some());
    let (s, _, _) = send(&app, post(doc, Some("wrong"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let basic = Request::post("/api/articles")
        .header(header::AUTHORIZATION, format!("Basic {TOKEN}"))
        .body(Body::from(doc))
        .unwrap();
    assert_eq!(send(&app, basic).await.0, StatusCode::UNAUTHORIZED);

    let (s, _, body) = send(&app, post(doc, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    assert_eq!(v["status"], "stored");
    let (s, _, body) = send(&app, post(doc, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::OK);
    assert!(body.contains("duplicate"));

    let (s, _, body) = send(&app, get(&format!("/api/articles/{id}"))).await;
    assert_eq!(s, StatusCode::OK);
    let a: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(a["analysis"]["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(
        a["analysis"]["paragraphs"][1]["techniques"][0]["label"],
        "Name_Calling-Labeling"
    );
    let (s, _, body) = send(&app, get("/api/search?q=traitors&outlet=Daily")).await;
    assert_eq!(s, StatusCode::OK);
    let r: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(r["total"], 1, "{body}");
    assert_eq!(r["hits"][0]["id"], id);
    assert_eq!(
        r["facets"]["technique"][0]["value"],
        "Name_Calling-Labeling"
    );
}

#[tokio::test]
async fn bad_requests_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), true);
    let (s, _, body) = send(&app, post("{not json", Some(TOKEN))).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(body.contains("malformed JSON"), "{body}");
    let (s, _, body) = send(&app, post(r#"{"title":"no text"}"#, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("text"), "{body}");
    let huge = format!(
        r#"{{"text":"{}"}}"#,
        "a".repeat(newsprism_server::MAX_BODY_BYTES + 10)
    );
    let (s, _, _) = send(&app, post(huge, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, _, body) = send(&app, get("/api/search?limit=lots")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(body.contains("limit"));
    let (s, _, _) = send(&app, get("/api/search?from=yesterday")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(
        send(&app, get("/api/articles/nope")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get("/articles/nope")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get("/no/such/page")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn article_content_is_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), true);
    let (s, _, body) = send(&app, post(MALICIOUS, Some(TOKEN))).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let outlet = "%3Cb%20onmouseover%3Dalert%281%29%3EEvil%20Outlet%3C%2Fb%3E";
    let pages = [
        format!("/articles/{id}"),
        "/?q=traitor".to_string(),
        "/?q=%3Cscript%3Ealert(9)%3C/script%3E".to_string(),
        "/outlets".to_string(),
        format!("/outlets/{outlet}"),
    ];
    for page in &pages {
        let (s, h, html) = send(&app, get(page)).await;
        assert_eq!(s, StatusCode::OK, "{page}: {html}");
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(csp.contains("script-src 'self'"), "{page}");
        let lower = html.to_lowercase();
        // The only script element is our own external file.
        assert_eq!(lower.matches("<script").count(), 1, "{page}");
        for bad in ["<img", "<svg onload", "<iframe", "<a href=\"javascript"] {
            assert!(!lower.contains(bad), "{page} contains {bad}");
        }
        for (tag, name, value) in attributes(&html) {
            assert!(!name.starts_with("on"), "{page}: <{tag} {name}=...>");
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "{page}: <{tag} {name}={value}>"
            );
        }
    }
    let (_, _, html) = send(&app, get(&format!("/articles/{id}"))).await;
    assert!(
        html.contains("&lt;script&gt;alert('xss')&lt;/script&gt;")
            || html.contains("&lt;script&gt;alert(&#39;xss&#39;)"),
        "text shown as text"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    // The cue word is highlighted inside the escaped text.
    assert!(html.contains("traitor</mark>"), "cue highlighted");
    let (_, _, html) = send(&app, get("/?q=%3Cscript%3Ealert(9)%3C/script%3E")).await;
    assert!(html.contains("&lt;script&gt;alert(9)&lt;/script&gt;"));
}

/// Every (tag, attribute name, value) of the real markup. Escaped text never contains a raw `<`,
/// so whatever sits between `<` and `>` is a tag the page really has.
fn attributes(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let tag_name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/')
            .collect();
        let mut chars = rest[tag_name.len()..].char_indices().peekable();
        let body = &rest[tag_name.len()..];
        let mut end = body.len();
        while let Some((i, c)) = chars.next() {
            match c {
                '>' => {
                    end = i;
                    break;
                }
                c if c.is_whitespace() || c == '/' => {}
                _ => {
                    let mut name = String::from(c);
                    while let Some(&(_, n)) = chars.peek() {
                        if n == '=' || n == '>' || n.is_whitespace() {
                            break;
                        }
                        name.push(n);
                        chars.next();
                    }
                    let mut value = String::new();
                    if chars.peek().map(|x| x.1) == Some('=') {
                        chars.next();
                        let quote = chars.peek().map(|x| x.1);
                        if quote == Some('"') || quote == Some('\'') {
                            chars.next();
                            for (_, v) in chars.by_ref() {
                                if Some(v) == quote {
                                    break;
                                }
                                value.push(v);
                            }
                        } else {
                            while let Some(&(_, v)) = chars.peek() {
                                if v.is_whitespace() || v == '>' {
                                    break;
                                }
                                value.push(v);
                                chars.next();
                            }
                        }
                    }
                    out.push((tag_name.to_lowercase(), name.to_lowercase(), value));
                }
            }
        }
        rest = &body[end.min(body.len())..];
    }
    out
}

#[tokio::test]
async fn pages_render() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), true);
    let (s, _, html) = send(&app, get("/")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("The archive is empty"));
    let doc = r#"{"text":"Patriots rally.\nThe traitor fled.","title":"Rally","source":"Le Monde","lang":"fr","published":"2022-03-04"}"#;
    assert_eq!(
        send(&app, post(doc, Some(TOKEN))).await.0,
        StatusCode::CREATED
    );
    let (_, _, html) = send(&app, get("/?lang=fr&technique=Name_Calling-Labeling")).await;
    assert!(html.contains("Rally"), "{html}");
    assert!(html.contains("checked"));
    let (s, _, html) = send(&app, get("/outlets/Le%20Monde")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<svg"), "chart rendered");
    assert!(html.contains("Name calling labeling"));
    let (s, h, css) = send(&app, get("/static/app.css")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert!(css.contains(".t22{"));
}

#[tokio::test]
async fn stories_group_the_same_event() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path(), true);
    let text = "Flooding in Valencia killed 12 people on Tuesday, said mayor Maria Lopez.\\nRescue teams from Madrid evacuated 3,400 residents of the Turia valley.\\nThe regional government of Carlos Mazon declared an emergency.";
    for (id, outlet) in [
        ("s1", "Iberia Daily"),
        ("s2", "<i onclick=alert(1)>Costa News</i>"),
    ] {
        let doc = format!(
            r#"{{"id":"{id}","title":"Valencia floods kill 12","source":"{}","published":"2024-10-29","lang":"en","text":"{text}"}}"#,
            outlet.replace('"', "\\\"")
        );
        let (s, _, body) = send(&app, post(doc, Some(TOKEN))).await;
        assert_eq!(s, StatusCode::CREATED, "{body}");
    }
    let lone = r#"{"id":"s3","title":"Chess final","source":"Board","text":"A quiet chess final in Oslo ended in a draw.","published":"2024-10-29"}"#;
    assert_eq!(
        send(&app, post(lone, Some(TOKEN))).await.0,
        StatusCode::CREATED
    );

    let (s, _, body) = send(&app, get("/api/stories")).await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["snapshot"], 3);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{body}");
    assert_eq!(stories[0]["articles"], 2);

    let (s, _, body) = send(&app, get("/api/stories/1")).await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let member = v["story"]["members"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        send(&app, get("/api/stories/2")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get("/api/stories/x")).await.0,
        StatusCode::NOT_FOUND
    );

    for page in [
        "/stories".to_string(),
        "/stories/1".to_string(),
        format!("/articles/{member}"),
    ] {
        let (s, _, html) = send(&app, get(&page)).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        assert!(html.contains("Valencia floods kill 12"), "{page}");
        for (tag, name, _) in attributes(&html) {
            assert!(!name.starts_with("on"), "{page}: <{tag} {name}>");
        }
        assert!(!html.contains("<i onclick"), "{page}");
    }
    let (_, _, html) = send(&app, get(&format!("/articles/{member}"))).await;
    assert!(html.contains("/stories/1"), "article links its story");
}
