//! Downloading pages and feeds over HTTP(S).
//!
//! ureq with rustls (no system TLS library, nothing downloaded at build time). Every request has
//! a global timeout, a cap on the body size and on redirects, and a User-Agent that says what is
//! asking, so site operators can recognise and contact the tool.

use std::time::Duration;

use newsprism_core::Article;
use ureq::ResponseExt;

use crate::sniff::{read_bytes_with_charset, Format};
use crate::{IngestError, Problem};

/// How downloads behave.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Whole request, connect to last byte.
    pub timeout: Duration,
    /// Largest body read; bigger responses are an error for that URL.
    pub max_bytes: u64,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "newsprism/{} (news analysis research tool)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// A downloaded response body.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    pub bytes: Vec<u8>,
}

/// Reusable HTTP client (connection pooling across URLs).
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Fetcher {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .max_redirects(opts.max_redirects)
            .user_agent(opts.user_agent.as_str())
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, opts }
    }

    /// Downloads one URL; non-2xx statuses, timeouts and oversize bodies are errors naming it.
    pub fn get(&self, url: &str) -> Result<Fetched, IngestError> {
        let fail = |msg: String| IngestError::new(url, Problem::Other(msg));
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(fail("only http:// and https:// URLs can be fetched".into()));
        }
        let mut resp = self
            .agent
            .get(url)
            .call()
            .map_err(|e| fail(format!("download failed: {e}")))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(fail(format!("HTTP status {status}")));
        }
        let final_url = resp.get_uri().to_string();
        let body = resp.body_mut();
        let content_type = body.mime_type().map(str::to_string);
        let charset = body.charset().map(str::to_string);
        let bytes = body
            .with_config()
            .limit(self.opts.max_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => IngestError::new(
                    url,
                    Problem::TooLarge {
                        bytes: self.opts.max_bytes + 1,
                        limit: self.opts.max_bytes,
                    },
                ),
                e => fail(format!("download failed: {e}")),
            })?;
        Ok(Fetched {
            final_url,
            content_type,
            charset,
            bytes,
        })
    }

    /// Downloads a page or feed and reads it into articles (a feed gives one per item).
    pub fn fetch_articles(&self, url: &str) -> Vec<Result<Article, IngestError>> {
        let f = match self.get(url) {
            Ok(f) => f,
            Err(e) => return vec![Err(e)],
        };
        let hint = match f.content_type.as_deref() {
            Some(t) if t.contains("html") => Some(Format::Html),
            Some(t) if t.contains("rss") || t.contains("atom") => Some(Format::Feed),
            Some("text/plain") => Some(Format::Text),
            _ => None,
        };
        let id = url_id(&f.final_url);
        read_bytes_with_charset(
            url,
            &id,
            &f.bytes,
            hint,
            None,
            Some(&f.final_url),
            f.charset.as_deref(),
        )
    }

    /// Downloads a feed and returns the links of its items, in feed order.
    pub fn feed_links(&self, url: &str) -> Result<Vec<String>, IngestError> {
        let f = self.get(url)?;
        let feed = feed_rs::parser::parse(&f.bytes[..]).map_err(|e| {
            IngestError::new(
                url,
                Problem::Other(format!("not a readable RSS/Atom feed: {e}")),
            )
        })?;
        Ok(feed
            .entries
            .iter()
            .filter_map(|e| e.links.first().map(|l| l.href.clone()))
            .collect())
    }
}

/// An article id from a URL: its last non-empty path segment, else the host.
fn url_id(url: &str) -> String {
    let u = url::Url::parse(url).ok();
    let seg = u.as_ref().and_then(|u| {
        u.path_segments()
            .and_then(|mut s| s.rfind(|x| !x.is_empty()).map(str::to_string))
    });
    seg.or_else(|| u.as_ref().and_then(|u| u.host_str().map(str::to_string)))
        .unwrap_or_else(|| "page".into())
}
