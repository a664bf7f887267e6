//! Horizontal bar charts as inline SVG: one bar per label for the outlet, with a tick for the
//! archive-wide figure, so "more than usual" is visible at a glance. No JS, no external library.

use maud::{html, Markup};
use newsprism_store::LabelShare;

use super::pretty;

const LABEL_W: f64 = 230.0;
const VALUE_W: f64 = 64.0;
const ROW_H: f64 = 26.0;
/// Longest label drawn in full (the tooltip always has the whole name).
const LABEL_CHARS: usize = 30;

/// Chart widths in CSS pixels: drawn at this size, shrunk (never enlarged) on narrow screens.
pub const WIDE: f64 = 760.0;
pub const NARROW: f64 = 540.0;

fn short(label: &str) -> String {
    let p = pretty(label);
    if p.chars().count() <= LABEL_CHARS {
        p
    } else {
        let mut s: String = p.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// `class_of` gives each row's colour class (e.g. the technique colour); `W` the width in pixels.
#[allow(non_snake_case)]
pub fn bars(title: &str, rows: &[LabelShare], W: f64, class_of: impl Fn(&str) -> String) -> Markup {
    let max = rows
        .iter()
        .flat_map(|r| [r.share, r.archive_share])
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let bar_w = W - LABEL_W - VALUE_W;
    let h = ROW_H * rows.len() as f64 + 30.0;
    html! {
        figure.chart {
            figcaption { (title) }
            svg viewBox={ "0 0 " (W) " " (h) } width=(W) height=(h) role="img" aria-label=(title) xmlns="http://www.w3.org/2000/svg" {
                @for (i, r) in rows.iter().enumerate() {
                    @let y = i as f64 * ROW_H;
                    @let w = (r.share / max * bar_w).max(1.0);
                    @let ax = LABEL_W + r.archive_share / max * bar_w;
                    g.(class_of(&r.label)) {
                        title { (pretty(&r.label)) ": " (format!("{:.1}%", r.share * 100.0)) " (archive " (format!("{:.1}%", r.archive_share * 100.0)) ")" }
                        text.lbl x=(LABEL_W - 8.0) y=(y + 17.0) text-anchor="end" { (short(&r.label)) }
                        rect.track x=(LABEL_W) y=(y + 5.0) width=(bar_w) height="16" rx="3" {}
                        rect.bar x=(LABEL_W) y=(y + 5.0) width=(format!("{w:.1}")) height="16" rx="3" {}
                        line.avg x1=(format!("{ax:.1}")) x2=(format!("{ax:.1}")) y1=(y + 2.0) y2=(y + 24.0) {}
                        text.val x=(W - VALUE_W + 8.0) y=(y + 17.0) { (format!("{:.1}%", r.share * 100.0)) }
                    }
                }
                g.legend-row {
                    rect.bar.neutral x=(LABEL_W) y=(h - 20.0) width="14" height="10" rx="2" {}
                    text.val x=(LABEL_W + 20.0) y=(h - 11.0) { "this outlet" }
                    line.avg x1=(LABEL_W + 120.0) x2=(LABEL_W + 120.0) y1=(h - 22.0) y2=(h - 8.0) {}
                    text.val x=(LABEL_W + 128.0) y=(h - 11.0) { "whole archive" }
                }
            }
        }
    }
}
