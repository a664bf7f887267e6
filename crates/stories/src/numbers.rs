//! Number words and scale words in the project's languages, folded to ASCII (see
//! [`crate::translit`]), so that "huit", "восемь" and "8" are the same figure and "1.5 million",
//! "1,5 Mio." and "1,5 млн" the same amount.

/// Value of a folded number word ("eight", "huit", "vosem", "osiem"), if it is one.
pub fn word_value(w: &str) -> Option<f64> {
    let v = match w {
        "one" | "un" | "une" | "eins" | "ein" | "eine" | "uno" | "una" | "jeden" | "jedna"
        | "odin" | "odna" => 1.0,
        "two" | "deux" | "zwei" | "due" | "dwa" | "dwie" | "dva" | "dve" | "dos" => 2.0,
        "three" | "trois" | "drei" | "tre" | "trzy" | "tri" => 3.0,
        "four" | "quatre" | "vier" | "quattro" | "cztery" | "chetyre" | "cuatro" => 4.0,
        "five" | "cinq" | "funf" | "cinque" | "piec" | "pyat" | "cinco" => 5.0,
        "six" | "sechs" | "sei" | "szesc" | "shest" | "seis" => 6.0,
        "seven" | "sept" | "sieben" | "sette" | "siedem" | "sem" | "siete" => 7.0,
        "eight" | "huit" | "acht" | "otto" | "osiem" | "vosem" | "ocho" => 8.0,
        "nine" | "neuf" | "neun" | "nove" | "dziewiec" | "devyat" | "nueve" => 9.0,
        "ten" | "dix" | "zehn" | "dieci" | "dziesiec" | "desyat" | "diez" => 10.0,
        "eleven" | "onze" | "elf" | "undici" | "jedenascie" | "odinnadtsat" | "once" => 11.0,
        "twelve" | "douze" | "zwolf" | "dodici" | "dwanascie" | "dvenadtsat" | "doce" => 12.0,
        "fifteen" | "quinze" | "funfzehn" | "quindici" | "pietnascie" | "pyatnadtsat"
        | "quince" => 15.0,
        "twenty" | "vingt" | "zwanzig" | "venti" | "dwadziescia" | "dvadtsat" | "veinte" => 20.0,
        "thirty" | "trente" | "dreissig" | "trenta" | "trzydziesci" | "tridtsat" | "treinta" => {
            30.0
        }
        "forty" | "quarante" | "vierzig" | "quaranta" | "czterdziesci" | "sorok" | "cuarenta" => {
            40.0
        }
        "fifty" | "cinquante" | "funfzig" | "cinquanta" | "piecdziesiat" | "pyatdesyat"
        | "cincuenta" => 50.0,
        "hundred" | "cent" | "hundert" | "cento" | "sto" | "cien" | "ciento" => 100.0,
        _ => return None,
    };
    Some(v)
}

/// Multiplier of a folded scale word ("thousand", "mille", "tysyach", "million", "mln",
/// "milliard", "mrd"), if it is one.
pub fn scale_of(w: &str) -> Option<f64> {
    let v = match w {
        "thousand" | "thousands" | "mille" | "tausend" | "tsd" | "mila" | "tys" | "tysiac"
        | "tysiace" | "tysiecy" | "tysyacha" | "tysyachi" | "tysyach" | "mil" => 1e3,
        "million" | "millions" | "mio" | "millionen" | "milione" | "milioni" | "milion"
        | "miliony" | "milionow" | "mln" | "milliona" | "millionov" | "millon" | "millones" => 1e6,
        "billion" | "billions" | "bn" | "milliard" | "milliards" | "milliarde" | "milliarden"
        | "mrd" | "miliardo" | "miliardi" | "miliard" | "miliardy" | "miliardow" | "mlrd"
        | "milliarda" | "milliardov" => 1e9,
        _ => return None,
    };
    Some(v)
}

/// Hedges in front of a figure ("more than 200", "au moins 8", "свыше 200").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// The figure is a lower bound.
    AtLeast,
    /// The figure is an upper bound.
    AtMost,
    /// The figure is approximate.
    About,
}

/// The hedge carried by the one or two folded words before a figure, if any.
pub fn hedge_before(prev2: Option<&str>, prev1: Option<&str>) -> Option<Hedge> {
    let pair = (prev2.unwrap_or(""), prev1.unwrap_or(""));
    match pair {
        ("more", "than")
        | ("plus", "de")
        | ("mehr", "als")
        | ("piu", "di")
        | ("mas", "de")
        | ("at", "least")
        | ("au", "moins")
        | ("ne", "menee")
        | ("al", "meno") => return Some(Hedge::AtLeast),
        ("less", "than")
        | ("moins", "de")
        | ("weniger", "als")
        | ("meno", "di")
        | ("menos", "de")
        | ("ne", "bolee") => return Some(Hedge::AtMost),
        _ => {}
    }
    match pair.1 {
        "over" | "mindestens" | "uber" | "oltre" | "ponad" | "bolee" | "bolshe" | "svyshe"
        | "co" | "najmniej" => Some(Hedge::AtLeast),
        "under" | "fewer" | "menee" | "mniej" | "hochstens" => Some(Hedge::AtMost),
        "about" | "around" | "nearly" | "almost" | "some" | "environ" | "pres" | "quelque"
        | "etwa" | "rund" | "fast" | "circa" | "okolo" | "prawie" | "blisko" | "pochti"
        | "primerno" | "poryadka" | "casi" | "unos" | "unas" | "cerca" | "quasi" => {
            Some(Hedge::About)
        }
        _ => None,
    }
}
