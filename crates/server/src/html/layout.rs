//! The page shell (header, navigation, footer) and the static CSS and JS.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{Html, IntoResponse};
use maud::{html, Markup, DOCTYPE};
use newsprism_core::{Label, Technique};

const CSS: &str = include_str!("../../assets/app.css");
const JS: &str = include_str!("../../assets/app.js");

/// One colour per technique, evenly spaced hues (generated so the palette follows the label set).
fn technique_palette() -> String {
    let mut s = String::new();
    for t in Technique::ALL {
        // Golden-angle hue steps keep any two labels' colours apart; three ink lightnesses
        // separate the few that still land close.
        let i = t.index();
        let h = (i as f64 * 137.508) % 360.0;
        let l = [40, 32, 47][i % 3];
        s.push_str(&format!(
            ".t{i}{{--tc:hsl({h:.0} 72% {l}%);--tb:hsl({h:.0} 85% 92%)}}\n"
        ));
    }
    s.push_str(".t-x{--tc:hsl(0 0% 40%);--tb:hsl(0 0% 92%)}\n");
    s
}

fn full_css() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| format!("{CSS}\n/* technique colours */\n{}", technique_palette()))
}

pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        full_css(),
    )
}

pub async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        JS,
    )
}

/// A complete page. `q` pre-fills the search box in the header; `None` leaves the box out (the
/// search page has its own).
pub fn page(title: &str, q: Option<&str>, body: Markup) -> Html<String> {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · newsprism" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                header.topbar {
                    a.brand href="/" {
                        span.logo aria-hidden="true" { "◩" }
                        "newsprism"
                    }
                    @if let Some(q) = q {
                        form.topsearch action="/" method="get" role="search" {
                            input type="search" name="q" value=(q) placeholder="Search articles…  (press / )"
                                aria-label="Search articles" autocomplete="off";
                            button type="submit" { "Search" }
                        }
                    }
                    nav.topnav {
                        a href="/" { "Search" }
                        a href="/stories" { "Stories" }
                        a href="/outlets" { "Outlets" }
                        a href="/openapi.json" { "API" }
                    }
                }
                main { (body) }
                footer.footer {
                    "newsprism — how online news persuades. Labels are model predictions with confidence; "
                    "check the cue words before quoting."
                }
            }
        }
    };
    Html(markup.into_string())
}
