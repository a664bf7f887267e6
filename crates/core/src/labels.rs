//! The closed label sets of SemEval-2023 Task 3 (genre, 14 framing dimensions, 23 persuasion
//! techniques), spelled exactly as in the task files so that outputs are submission-ready.

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A label from one of the task's closed sets.
///
/// The trait gives every label a dense index, which is what the models use to address weight
/// columns and what [`LabelSet`] uses as a bit position.
pub trait Label: Copy + Eq + fmt::Debug + 'static {
    /// Every label of the set, in index order.
    const ALL: &'static [Self];
    /// Name of the set, for messages and model files (`"genre"`, `"frame"`, `"technique"`).
    const SET_NAME: &'static str;
    /// Dense index in `0..ALL.len()`.
    fn index(self) -> usize;
    /// The task's spelling, e.g. `Loaded_Language`.
    fn name(self) -> &'static str;
    /// Human-readable form, e.g. `Loaded language`.
    fn display_name(self) -> String {
        let s = self.name().replace(['_', '-'], " ");
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
            None => s,
        }
    }
    /// Parses the task's spelling (case-insensitive, `-`/`_`/space interchangeable).
    fn from_name(s: &str) -> Option<Self> {
        let norm = |x: &str| {
            x.trim()
                .chars()
                .map(|c| match c {
                    '-' | ' ' => '_',
                    c => c.to_ascii_lowercase(),
                })
                .collect::<String>()
        };
        let want = norm(s);
        Self::ALL.iter().copied().find(|l| norm(l.name()) == want)
    }
}

macro_rules! label_enum {
    ($(#[$meta:meta])* $name:ident, $set:literal, [$($variant:ident => $text:literal),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum $name { $($variant),+ }

        impl Label for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const SET_NAME: &'static str = $set;
            fn index(self) -> usize { self as usize }
            fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.name()) }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, UnknownLabel> {
                <$name as Label>::from_name(s).ok_or_else(|| UnknownLabel { set: $set, name: s.to_string() })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.name()) }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A name that is not in the label set it was parsed for.
#[derive(Debug, thiserror::Error)]
#[error("unknown {set} label {name:?}")]
pub struct UnknownLabel {
    pub set: &'static str,
    pub name: String,
}

label_enum!(
    /// Subtask 1: what kind of text an article is.
    Genre, "genre", [
    Opinion => "opinion",
    Reporting => "reporting",
    Satire => "satire",
]);

label_enum!(
    /// Subtask 2: the Media Frames Corpus framing dimensions.
    Frame, "frame", [
    Economic => "Economic",
    CapacityAndResources => "Capacity_and_resources",
    Morality => "Morality",
    FairnessAndEquality => "Fairness_and_equality",
    Legality => "Legality_Constitutionality_and_jurisprudence",
    PolicyPrescription => "Policy_prescription_and_evaluation",
    CrimeAndPunishment => "Crime_and_punishment",
    SecurityAndDefense => "Security_and_defense",
    HealthAndSafety => "Health_and_safety",
    QualityOfLife => "Quality_of_life",
    CulturalIdentity => "Cultural_identity",
    PublicOpinion => "Public_opinion",
    Political => "Political",
    ExternalRegulation => "External_regulation_and_reputation",
]);

label_enum!(
    /// Subtask 3: persuasion techniques, annotated per paragraph (line).
    Technique, "technique", [
    AppealToAuthority => "Appeal_to_Authority",
    AppealToPopularity => "Appeal_to_Popularity",
    AppealToValues => "Appeal_to_Values",
    AppealToFearPrejudice => "Appeal_to_Fear-Prejudice",
    FlagWaving => "Flag_Waving",
    CausalOversimplification => "Causal_Oversimplification",
    FalseDilemma => "False_Dilemma-No_Choice",
    ConsequentialOversimplification => "Consequential_Oversimplification",
    StrawMan => "Straw_Man",
    RedHerring => "Red_Herring",
    Whataboutism => "Whataboutism",
    Slogans => "Slogans",
    AppealToTime => "Appeal_to_Time",
    ConversationKiller => "Conversation_Killer",
    LoadedLanguage => "Loaded_Language",
    Repetition => "Repetition",
    ExaggerationMinimisation => "Exaggeration-Minimisation",
    ObfuscationVagueness => "Obfuscation-Vagueness-Confusion",
    NameCallingLabeling => "Name_Calling-Labeling",
    Doubt => "Doubt",
    GuiltByAssociation => "Guilt_by_Association",
    AppealToHypocrisy => "Appeal_to_Hypocrisy",
    QuestioningTheReputation => "Questioning_the_Reputation",
]);

/// A set of labels of one kind, as a bitset.
///
/// Multi-label gold annotations and predictions are compared millions of times during threshold
/// calibration; a `u32` bitset makes that a popcount instead of a vector comparison. All label sets
/// here have at most 32 members (checked at compile time below).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LabelSet<L: Label> {
    bits: u32,
    _label: PhantomData<L>,
}

const _: () = assert!(Technique::COUNT <= 32 && Frame::COUNT <= 32 && Genre::COUNT <= 32);

impl Technique {
    pub const COUNT: usize = 23;
}
impl Frame {
    pub const COUNT: usize = 14;
}
impl Genre {
    pub const COUNT: usize = 3;
}

impl<L: Label> Default for LabelSet<L> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<L: Label> LabelSet<L> {
    pub const EMPTY: Self = LabelSet {
        bits: 0,
        _label: PhantomData,
    };

    pub fn insert(&mut self, l: L) {
        self.bits |= 1 << l.index();
    }
    pub fn contains(&self, l: L) -> bool {
        self.bits & (1 << l.index()) != 0
    }
    pub fn contains_index(&self, i: usize) -> bool {
        self.bits & (1 << i) != 0
    }
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
    pub fn bits(&self) -> u32 {
        self.bits
    }
    pub fn iter(&self) -> impl Iterator<Item = L> + '_ {
        L::ALL.iter().copied().filter(|l| self.contains(*l))
    }
    /// Parses a comma-separated list as in the task's label files; empty means no label.
    pub fn parse_list(s: &str) -> Result<Self, UnknownLabel> {
        let mut set = Self::EMPTY;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let l = L::from_name(part).ok_or_else(|| UnknownLabel {
                set: L::SET_NAME,
                name: part.to_string(),
            })?;
            set.insert(l);
        }
        Ok(set)
    }
    /// Comma-separated task spelling, as the submission format wants.
    pub fn to_list(&self) -> String {
        self.iter().map(|l| l.name()).collect::<Vec<_>>().join(",")
    }
}

impl<L: Label> FromIterator<L> for LabelSet<L> {
    fn from_iter<I: IntoIterator<Item = L>>(iter: I) -> Self {
        let mut s = Self::EMPTY;
        for l in iter {
            s.insert(l);
        }
        s
    }
}

impl<L: Label> fmt::Debug for LabelSet<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_enums() {
        assert_eq!(Technique::ALL.len(), Technique::COUNT);
        assert_eq!(Frame::ALL.len(), Frame::COUNT);
        assert_eq!(Genre::ALL.len(), Genre::COUNT);
        for (i, t) in Technique::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
        }
    }

    #[test]
    fn parses_task_spellings() {
        assert_eq!(
            "Appeal_to_Fear-Prejudice".parse::<Technique>().unwrap(),
            Technique::AppealToFearPrejudice
        );
        assert_eq!(
            "name calling labeling".parse::<Technique>().unwrap(),
            Technique::NameCallingLabeling
        );
        assert!("Propaganda".parse::<Technique>().is_err());
        assert_eq!(Technique::LoadedLanguage.display_name(), "Loaded language");
    }

    #[test]
    fn label_set_round_trip() {
        let s = LabelSet::<Frame>::parse_list("Political, Economic,").unwrap();
        assert_eq!(s.len(), 2);
        assert!(s.contains(Frame::Economic));
        assert_eq!(s.to_list(), "Economic,Political");
        assert!(LabelSet::<Frame>::parse_list("").unwrap().is_empty());
        assert!(LabelSet::<Frame>::parse_list("Economic,Nope").is_err());
    }
}
