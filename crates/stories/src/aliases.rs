//! The alias table that makes `OTSC`, `CSTO` and `ОДКБ` one actor (`data/aliases.tsv`).
//!
//! Kept in a data file, not in code, so that analysts can extend it without touching the matcher;
//! the file is embedded at build time so the binary has no runtime data dependency.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::translit::fold;

/// What kind of actor an alias names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Org,
    Place,
    /// Not known from the alias table or the cheap heuristics.
    Unknown,
}

/// A resolved alias.
#[derive(Clone, Debug)]
pub struct Canonical {
    pub kind: ActorKind,
    pub name: &'static str,
}

/// Parsed alias table: folded exact forms and folded stems.
pub struct Aliases {
    exact: HashMap<String, Canonical>,
    /// Stems grouped by their first four letters, for a cheap prefix lookup.
    stems: HashMap<String, Vec<(String, Canonical)>>,
}

static TABLE: &str = include_str!("../data/aliases.tsv");

impl Aliases {
    /// The built-in table.
    pub fn builtin() -> &'static Aliases {
        static CELL: OnceLock<Aliases> = OnceLock::new();
        CELL.get_or_init(|| Aliases::parse(TABLE))
    }

    /// Parses the TSV format documented at the top of `data/aliases.tsv`. Malformed lines are
    /// skipped: the table is compiled in and covered by a test.
    pub fn parse(src: &'static str) -> Aliases {
        let mut exact = HashMap::new();
        let mut stems: HashMap<String, Vec<(String, Canonical)>> = HashMap::new();
        for line in src.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(name), Some(list)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let kind = match kind {
                "org" => ActorKind::Org,
                "place" => ActorKind::Place,
                "person" => ActorKind::Person,
                _ => ActorKind::Unknown,
            };
            let canon = Canonical { kind, name };
            for alias in list.split('|') {
                if let Some(stem) = alias.strip_suffix('*') {
                    let f = fold(stem);
                    if f.len() >= 5 {
                        stems
                            .entry(f[..4].to_string())
                            .or_default()
                            .push((f, canon.clone()));
                    }
                } else {
                    let f = fold(alias);
                    if !f.is_empty() {
                        exact.entry(f).or_insert_with(|| canon.clone());
                    }
                }
            }
        }
        Aliases { exact, stems }
    }

    /// Looks up a folded name (one or more words).
    pub fn lookup(&self, folded: &str) -> Option<&Canonical> {
        if let Some(c) = self.exact.get(folded) {
            return Some(c);
        }
        if folded.len() < 5 || !folded.is_char_boundary(4) {
            return None;
        }
        self.stems
            .get(&folded[..4])?
            .iter()
            .find(|(stem, _)| folded.starts_with(stem.as_str()))
            .map(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_language_aliases() {
        let a = Aliases::builtin();
        let name = |s: &str| a.lookup(&fold(s)).map(|c| c.name);
        assert_eq!(name("ОДКБ"), Some("CSTO"));
        assert_eq!(name("OTSC"), Some("CSTO"));
        assert_eq!(name("России"), Some("Russia"));
        assert_eq!(name("Etats-Unis"), Some("United States"));
        assert_eq!(name("Москве"), Some("Moscow"));
        assert_eq!(name("Tokayev"), None);
    }
}
