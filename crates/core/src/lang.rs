//! Languages as ISO 639-1 codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A two-letter ISO 639-1 language code, always lower case.
///
/// Stored inline (two bytes) rather than as a `String` because every paragraph of every article
/// carries one through the pipeline; the constructor rejects anything that is not two ASCII letters,
/// so a `Lang` in hand is always printable as a code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 2]);

impl Lang {
    pub const EN: Lang = Lang(*b"en");
    pub const FR: Lang = Lang(*b"fr");
    pub const DE: Lang = Lang(*b"de");
    pub const IT: Lang = Lang(*b"it");
    pub const PL: Lang = Lang(*b"pl");
    pub const RU: Lang = Lang(*b"ru");
    pub const ES: Lang = Lang(*b"es");
    pub const EL: Lang = Lang(*b"el");
    pub const KA: Lang = Lang(*b"ka");

    /// Parses a code such as `"en"`, `"EN"` or `"en-GB"` (the region is dropped).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        let b = primary.as_bytes();
        if b.len() != 2 || !b.iter().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(Lang([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()]))
    }

    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

/// Error for a string that is not a language code.
#[derive(Debug, thiserror::Error)]
#[error("not an ISO 639-1 language code: {0:?}")]
pub struct BadLang(pub String);

impl FromStr for Lang {
    type Err = BadLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| BadLang(s.to_string()))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Lang::parse(&s).ok_or_else(|| serde::de::Error::custom(BadLang(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_regions() {
        assert_eq!(Lang::parse("EN"), Some(Lang::EN));
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::FR));
        assert_eq!(Lang::parse("pt_BR").unwrap().as_str(), "pt");
        assert_eq!(Lang::parse("eng"), None);
        assert_eq!(Lang::parse("é1"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&Lang::RU).unwrap();
        assert_eq!(json, "\"ru\"");
        let back: Lang = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Lang::RU);
        assert!(serde_json::from_str::<Lang>("\"russian\"").is_err());
    }
}
