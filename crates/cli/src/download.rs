//! Streaming a large file over HTTP(S) to disk, for `newsprism model pull`.
//!
//! ureq with rustls, the same client `newsprism fetch` uses (crates/ingest), but streamed to a
//! file instead of read into memory: the checkpoint is ~470 MB. No overall deadline (a slow link
//! may need many minutes), but connecting, waiting for the response and every single read have
//! one, so a stalled download fails instead of hanging. The body is capped, and a body shorter
//! than its Content-Length is an error, never a silently truncated file.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context};

/// How long a connection attempt, the response headers, or any one read may take.
const STALL: Duration = Duration::from_secs(60);

/// An HTTP client for downloads: redirects followed (the hub redirects to its CDN), statuses
/// reported by us rather than as ureq errors.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(30)))
        .timeout_recv_response(Some(STALL))
        .timeout_per_read(Some(STALL))
        .max_redirects(10)
        .http_status_as_error(false)
        .user_agent(format!(
            "newsprism/{} (news analysis research tool; model pull)",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .into()
}

/// Downloads `url` into `to` (created or truncated), at most `max_bytes`, with a progress bar on
/// a terminal labelled `label`. Returns the byte count. On error `to` may hold part of the body;
/// the caller removes it.
pub fn to_file(
    agent: &ureq::Agent,
    url: &str,
    to: &Path,
    max_bytes: u64,
    label: &str,
) -> anyhow::Result<u64> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("{url}: only http:// and https:// URLs can be downloaded");
    }
    let mut resp = agent
        .get(url)
        .call()
        .with_context(|| format!("{url}: download failed"))?;
    let status = resp.status();
    if !status.is_success() {
        let hint = match status.as_u16() {
            404 => " (no such repository, revision or file: check --repo and --revision)",
            401 | 403 => " (a private or gated repository: not supported, download it yourself and use `model import`)",
            _ => "",
        };
        bail!("{url}: HTTP status {status}{hint}");
    }
    let declared = resp.body().content_length();
    if let Some(n) = declared.filter(|&n| n > max_bytes) {
        bail!("{url}: {n} bytes is more than the {max_bytes} this file may have");
    }
    let bar = progress(declared, label);
    let mut reader = resp
        .body_mut()
        .with_config()
        .limit(max_bytes.saturating_add(1))
        .reader();
    let file = std::fs::File::create(to).with_context(|| format!("{}", to.display()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut buf = vec![0u8; 1 << 16];
    let mut got: u64 = 0;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                bar.abandon();
                match declared {
                    Some(n) if got < n => {
                        bail!("{url}: truncated download: {got} of {n} bytes ({e})")
                    }
                    _ => bail!("{url}: download failed after {got} bytes: {e}"),
                }
            }
        };
        got += n as u64;
        if got > max_bytes {
            bar.abandon();
            bail!("{url}: more than the {max_bytes} bytes this file may have");
        }
        out.write_all(&buf[..n])
            .with_context(|| format!("{}", to.display()))?;
        bar.set_position(got);
    }
    bar.finish_and_clear();
    if let Some(n) = declared.filter(|&n| n != got) {
        bail!("{url}: truncated download: {got} of {n} bytes");
    }
    out.into_inner()
        .map_err(|e| e.into_error())
        .and_then(|f| f.sync_all())
        .with_context(|| format!("{}", to.display()))?;
    Ok(got)
}

/// A byte-count progress bar on stderr, hidden when stderr is not a terminal.
fn progress(len: Option<u64>, label: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::no_length(),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg:>18} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(label.to_string());
    bar
}

#[cfg(test)]
#[path = "../tests/common/http.rs"]
pub mod test_http;

#[cfg(test)]
mod tests {
    use super::test_http::{serve, Reply};
    use super::*;

    #[test]
    fn downloads_and_reports_statuses_truncation_and_oversize() {
        let body: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let server = serve(vec![
            ("/ok", Reply::Body(body.clone())),
            ("/moved", Reply::Redirect("/ok".into())),
            ("/cut", Reply::Truncated(body.clone(), 5_000)),
        ]);
        let tmp = tempfile::tempdir().unwrap();
        let to = tmp.path().join("f.partial");
        let a = agent();
        let url = |p: &str| format!("{}{p}", server.url);
        assert_eq!(
            to_file(&a, &url("/ok"), &to, 1 << 20, "x").unwrap(),
            100_000
        );
        assert_eq!(std::fs::read(&to).unwrap(), body);
        assert_eq!(
            to_file(&a, &url("/moved"), &to, 1 << 20, "x").unwrap(),
            100_000
        );

        let e = to_file(&a, &url("/missing"), &to, 1 << 20, "x").unwrap_err();
        let e = format!("{e:#}");
        assert!(e.contains("/missing") && e.contains("404"), "{e}");
        let e = format!(
            "{:#}",
            to_file(&a, &url("/cut"), &to, 1 << 20, "x").unwrap_err()
        );
        assert!(
            e.contains("/cut") && e.contains("truncated download: 5000 of 100000"),
            "{e}"
        );
        let e = format!(
            "{:#}",
            to_file(&a, &url("/ok"), &to, 1000, "x").unwrap_err()
        );
        assert!(e.contains("/ok") && e.contains("1000"), "{e}");
        let e = format!(
            "{:#}",
            to_file(&a, "ftp://x/y", &to, 1000, "x").unwrap_err()
        );
        assert!(e.contains("only http"), "{e}");
    }
}
