//! Outlet lists and persuasion profiles, computed with SQL aggregates over `articles` and `labels`.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::types::{FacetCount, LabelShare, OutletProfile, OutletSummary};

fn density(techniques: i64, words: i64) -> f64 {
    if words <= 0 {
        0.0
    } else {
        techniques as f64 * 1000.0 / words as f64
    }
}

/// All outlets with article counts, most articles first. Unknown outlet is `None`.
pub fn outlets(conn: &Connection) -> Result<Vec<OutletSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT outlet, COUNT(*), SUM(word_count), SUM(technique_count) FROM articles \
         GROUP BY outlet ORDER BY COUNT(*) DESC, outlet",
    )?;
    let rows: Vec<(Option<String>, i64, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut langs = conn.prepare_cached(
        "SELECT outlet, lang, COUNT(*) FROM articles GROUP BY outlet, lang ORDER BY COUNT(*) DESC",
    )?;
    let lang_rows: Vec<(Option<String>, String, i64)> = langs
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(outlet, n, words, techs)| OutletSummary {
            languages: lang_rows
                .iter()
                .filter(|(o, _, _)| *o == outlet)
                .map(|(_, l, c)| FacetCount {
                    value: l.clone(),
                    count: *c as usize,
                })
                .collect(),
            outlet,
            articles: n as usize,
            words: words.max(0) as u64,
            technique_density: density(techs, words),
        })
        .collect())
}

/// The profile of one outlet (`None` = articles of unknown outlet); `Ok(None)` if it has no articles.
pub fn outlet_profile(conn: &Connection, outlet: Option<&str>) -> Result<Option<OutletProfile>> {
    let (n, words, paras, techs, first, last): (
        i64,
        i64,
        i64,
        i64,
        Option<String>,
        Option<String>,
    ) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(word_count),0), COALESCE(SUM(paragraphs),0), \
             COALESCE(SUM(technique_count),0), MIN(published), MAX(published) \
             FROM articles WHERE outlet IS ?1",
        params![outlet],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        },
    )?;
    if n == 0 {
        return Ok(None);
    }
    let (all_n, all_words, all_paras, all_techs): (i64, i64, i64, i64) = conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(word_count),0), COALESCE(SUM(paragraphs),0), \
         COALESCE(SUM(technique_count),0) FROM articles",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut langs = conn.prepare_cached(
        "SELECT lang, COUNT(*) FROM articles WHERE outlet IS ?1 GROUP BY lang ORDER BY COUNT(*) DESC",
    )?;
    let languages = langs
        .query_map(params![outlet], |r| {
            Ok(FacetCount {
                value: r.get(0)?,
                count: r.get::<_, i64>(1)? as usize,
            })
        })?
        .collect::<Result<_, _>>()?;

    // Genres: share of articles.
    let genres = shares(
        conn,
        "SELECT genre, COUNT(*) FROM articles WHERE outlet IS ?1 GROUP BY genre",
        "SELECT genre, COUNT(*) FROM articles GROUP BY genre",
        outlet,
        n,
        all_n,
    )?;
    let frames = shares(
        conn,
        "SELECT l.label, COUNT(*) FROM labels l JOIN articles a ON a.seq = l.seq \
         WHERE l.kind = 'frame' AND a.outlet IS ?1 GROUP BY l.label",
        "SELECT label, COUNT(*) FROM labels WHERE kind = 'frame' GROUP BY label",
        outlet,
        n,
        all_n,
    )?;
    // Techniques: share of paragraphs carrying the technique.
    let techniques = shares(
        conn,
        "SELECT l.label, SUM(l.n) FROM labels l JOIN articles a ON a.seq = l.seq \
         WHERE l.kind = 'technique' AND a.outlet IS ?1 GROUP BY l.label",
        "SELECT label, SUM(n) FROM labels WHERE kind = 'technique' GROUP BY label",
        outlet,
        paras,
        all_paras,
    )?;
    Ok(Some(OutletProfile {
        summary: OutletSummary {
            outlet: outlet.map(str::to_string),
            articles: n as usize,
            words: words.max(0) as u64,
            technique_density: density(techs, words),
            languages,
        },
        paragraphs: paras as usize,
        archive_technique_density: density(all_techs, all_words),
        genres,
        frames,
        techniques,
        first_published: first,
        last_published: last,
    }))
}

fn shares(
    conn: &Connection,
    own_sql: &str,
    all_sql: &str,
    outlet: Option<&str>,
    denom: i64,
    all_denom: i64,
) -> Result<Vec<LabelShare>> {
    let mut own = conn.prepare_cached(own_sql)?;
    let own: Vec<(String, i64)> = own
        .query_map(params![outlet], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut all = conn.prepare_cached(all_sql)?;
    let all: Vec<(String, i64)> = all
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let ratio = |a: i64, b: i64| if b <= 0 { 0.0 } else { a as f64 / b as f64 };
    let mut out: Vec<LabelShare> = own
        .into_iter()
        .map(|(label, c)| {
            let archive = all.iter().find(|(l, _)| *l == label).map_or(0, |x| x.1);
            LabelShare {
                share: ratio(c, denom),
                archive_share: ratio(archive, all_denom),
                count: c as usize,
                label,
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    Ok(out)
}
