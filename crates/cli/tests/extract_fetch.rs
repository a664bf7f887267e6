//! `newsprism extract` and `newsprism fetch` end to end; fetch talks only to a server on
//! 127.0.0.1 started by the test.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsprism"));
    c.env_remove("NEWSPRISM_NO_CLEAN");
    c
}

const PAGE_UTF8: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Storm hits the coast | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<link rel="canonical" href="https://daily.example/storm"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm hits the coast</h1>
<p>A powerful storm swept across the coast on Monday, leaving more than 40,000 homes without power and closing several roads.</p>
<p>Officials said repair crews would work through the night and asked residents to stay indoors until the wind drops.</p>
<p>Share this story</p>
<p>Source: Coastal Wire</p>
</article></body></html>"#;

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSONL line"))
        .collect()
}

/// Runs a command that must succeed and returns its JSONL records.
fn ok_jsonl(cmd: &mut Command) -> Vec<serde_json::Value> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    jsonl(&out.stdout)
}

#[test]
fn extract_html_and_cp1251_text_as_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("storm.html");
    std::fs::write(&page, PAGE_UTF8).unwrap();
    let ru = "Госдума приняла закон о бюджете.\nДокумент предусматривает рост расходов.\n";
    let (bytes, _, _) = encoding_rs_compat(ru);
    std::fs::write(tmp.path().join("ru.txt"), bytes).unwrap();
    std::fs::write(tmp.path().join("junk.html"), b"\x00\x01\x02\x00binary").unwrap();
    let out = bin()
        .args(["extract", "--format", "jsonl"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let recs = jsonl(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "partial: the binary file fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("junk.html"));
    assert_eq!(recs.len(), 2, "{recs:?}");
    let ru_rec = recs
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("ru.txt"))
        .unwrap();
    assert!(ru_rec["text"]
        .as_str()
        .unwrap()
        .starts_with("Госдума приняла"));
    let s = recs
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("storm.html"))
        .unwrap();
    let text = s["text"].as_str().unwrap();
    assert!(
        text.contains("A powerful storm swept across the coast"),
        "{text}"
    );
    assert!(!text.contains("Share this story"), "{text}");
    assert_eq!(s["source"], "Daily Example");
    assert_eq!(s["url"], "https://daily.example/storm");
    assert_eq!(s["declared_lang"], "en");
    assert_eq!(s["attribution"]["source"], "Coastal Wire");
    assert!(s["removed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reason"] == "share prompt"));
}

/// A page whose lead is printed as a teaser above the headline and again as the first
/// paragraph: `text` holds the body once, without the headline, and the copy is in the audit trail.
#[test]
fn extract_text_is_the_body_once_without_the_headline() {
    let lead = "Rescue teams reached the flooded villages in the valley late on Tuesday after two days of heavy rain.";
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Floods cut off valley villages</title></head><body><main><article>
<p class="teaser">{lead}</p>
<h1>Floods cut off valley villages</h1>
<p>{lead}</p>
<p>The regional authority said about 1,200 people had been moved to schools and sports halls, and that the river was still rising near the bridge.</p>
<p>Forecasters expect the rain to ease on Thursday, but warned that the ground was saturated and that landslides remained possible on the northern slopes.</p>
</article></main></body></html>"#
    );
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("floods.html");
    std::fs::write(&path, page).unwrap();
    let recs = ok_jsonl(bin().args(["extract", "--format", "jsonl"]).arg(&path));
    let rec = &recs[0];
    let text = rec["text"].as_str().unwrap();
    assert_eq!(text.matches("Rescue teams reached").count(), 1, "{text}");
    assert!(text.contains("landslides remained possible"), "{text}");
    assert!(!text.contains("Floods cut off valley villages"), "{text}");
    let removed = rec["removed"].as_array().expect("audit trail");
    assert!(
        removed.iter().any(|r| r["text"] == lead
            && r["reason"]
                .as_str()
                .unwrap()
                .starts_with("repeated paragraph")),
        "{removed:?}"
    );
    // Line numbers hold: the blanked copy is still a (now empty) line.
    let lines = rec["lines"].as_array().unwrap();
    assert!(lines.iter().any(|l| l == ""), "{lines:?}");
}

/// Windows-1251 bytes of a Russian string, built by hand so the test needs no encoder crate.
fn encoding_rs_compat(s: &str) -> (Vec<u8>, (), ()) {
    let bytes = s
        .chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
            'ё' => 0xB8,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect();
    (bytes, (), ())
}

fn serve(max_conns: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let base = addr.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_conns) {
            let Ok(mut s) = stream else { continue };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 1024];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let req = String::from_utf8_lossy(&buf);
            let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, ctype, body): (&str, &str, Vec<u8>) = match path.as_str() {
                "/storm" => ("200 OK", "text/html; charset=utf-8", PAGE_UTF8.as_bytes().to_vec()),
                "/old" => ("301 Moved Permanently", "text/plain", Vec::new()),
                "/feed" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Daily Example</title>\
                         <item><title>Storm</title><link>{base}/storm</link><description>Short summary of the storm.</description></item>\
                         </channel></rss>"
                    )
                    .into_bytes(),
                ),
                "/big" => ("200 OK", "text/html", vec![b'a'; 300_000]),
                _ => ("404 Not Found", "text/plain", b"nope".to_vec()),
            };
            let mut head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            if path == "/old" {
                head.push_str(&format!("Location: {base}/storm\r\n"));
            }
            head.push_str("\r\n");
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    addr
}

#[test]
fn fetch_pages_feeds_redirects_and_failures() {
    let base = serve(16);
    let out = bin()
        .args([
            "fetch",
            "--format",
            "jsonl",
            "--timeout",
            "5",
            "--max-bytes",
            "100000",
            "--jobs",
            "1",
        ])
        .arg(format!("{base}/old"))
        .arg(format!("{base}/feed"))
        .arg(format!("{base}/missing"))
        .arg(format!("{base}/big"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("/missing") && err.contains("404"), "{err}");
    assert!(err.contains("/big") && err.contains("too large"), "{err}");
    let recs = jsonl(&out.stdout);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .contains("A powerful storm"));
    assert_eq!(recs[1]["title"], "Storm");
    assert_eq!(recs[1]["text"], "Short summary of the storm.");

    let recs = ok_jsonl(
        bin()
            .args(["fetch", "--format", "jsonl", "--jobs", "1", "--from-feed"])
            .arg(format!("{base}/feed")),
    );
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["text"].as_str().unwrap().contains("repair crews"));
}

#[test]
fn extract_text_format_and_no_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("a.txt");
    std::fs::write(&f, "Title here\n\nA real paragraph about the budget vote in parliament today.\nPartager cet article\n").unwrap();
    let out = bin()
        .args(["extract", "--format", "text"])
        .arg(&f)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("[share prompt] Partager cet article"),
        "{text}"
    );
    let out = bin()
        .args(["extract", "--format", "jsonl", "--no-clean"])
        .arg(&f)
        .output()
        .unwrap();
    let recs = jsonl(&out.stdout);
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .contains("Partager cet article"));
    assert!(recs[0].get("removed").is_none());
}

/// `newsprism extract --format jsonl` over a page in `tests/fixtures/`.
fn extract_fixture(name: &str) -> Vec<serde_json::Value> {
    let page = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    ok_jsonl(bin().args(["extract", "--format", "jsonl", &page]))
}

/// A team-written opinion page from an invented outlet, stored in Windows-1252 with a matching
/// `<meta charset>`: a republished translation with a byline, a share row and a donation box.
#[test]
fn republished_translation_page_comes_out_clean_and_attributed() {
    let recs = extract_fixture("republished-opinion.fr.cp1252.html");
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    let text = r["text"].as_str().unwrap();
    assert!(text.starts_with("Depuis le début de la crise"), "{text}");
    assert!(text.contains("Une souveraineté en trompe-l'œil"), "{text}");
    assert!(
        text.contains("de l'Élysée"),
        "decoded as Windows-1252: {text}"
    );
    for chrome in [
        "faites un don",
        "grâce à vos dons",
        "newsletter",
        "SOURCE",
        "Par Paul",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} left in {text}");
    }
    assert_eq!(r["author"], "Paul Girard");
    assert_eq!(r["published"], "2026-12-01");
    let att = &r["attribution"];
    assert_eq!(att["original_outlet"], "Global Affairs Review");
    assert_eq!(att["republished"], true);
    assert_eq!(att["translated"], true);
    let reasons: Vec<&str> = r["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons.iter().filter(|x| **x == "donation plea").count(),
        2,
        "{reasons:?}"
    );
}

/// A team-written Russian page: the tag line, the error-report prompt and the follow prompt go;
/// the quote with "так называемые" stays.
#[test]
fn russian_page_tags_and_prompts_removed_quotes_kept() {
    let recs = extract_fixture("expert-interview.ru.html");
    let text = recs[0]["text"].as_str().unwrap();
    assert!(
        text.contains("«Так называемые европейские ценности"),
        "{text}"
    );
    assert!(text.contains("выросли на 30 %"), "{text}");
    for chrome in ["Теги", "Ctrl+Enter", "Подписывайтесь"] {
        assert!(!text.contains(chrome), "{chrome:?} left in {text}");
    }
    assert_eq!(recs[0]["source"], "Новый Взгляд");
}
