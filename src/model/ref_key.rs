//! The parts of a cited work's normalised key (rules in [`super::cited_ref`]): DOI,
//! author and source normalisation, and the key built from them. Other databases'
//! readers use the same functions, so a work cited in WoS and in Scopus gets one key.

/// `s.trim()`, faster on the ASCII text readers mostly see: ASCII whitespace is
/// stripped byte by byte, and [`str::trim`] (which also strips Unicode whitespace) only
/// runs when a non-ASCII byte is left at either end. Same result as `str::trim`.
pub(crate) fn trim(s: &str) -> &str {
    // `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r (`u8::is_ascii_whitespace`
    // leaves out \x0B).
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !ws(c)).unwrap_or(b.len());
    // All whitespace: no non-whitespace byte from the end either, so `end == start`.
    let end = b.iter().rposition(|&c| !ws(c)).map_or(start, |i| i + 1);
    // Both ends are ASCII-whitespace boundaries, so char boundaries.
    let t = &s[start..end];
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => t.trim(),
        _ => t,
    }
}

/// Normalises a DOI: strips `DOI `, `doi:`, resolver prefixes and trailing punctuation,
/// lower-cases. Returns `None` if nothing that looks like a DOI (`10.` prefix) remains.
pub fn normalize_doi(raw: &str) -> Option<String> {
    let mut s = trim(raw);
    // Every prefix below starts with `h` or `d` (either case): others skip the loop.
    while matches!(s.as_bytes().first(), Some(b'h' | b'H' | b'd' | b'D')) {
        let before = s;
        for p in [
            "https://doi.org/",
            "http://doi.org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "doi.org/",
            "doi:",
            "doi ",
        ] {
            if s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
                s = s[p.len()..].trim_start();
            }
        }
        if s == before {
            break;
        }
    }
    // Any whitespace too: a CR left by a CRLF line before the comma made "10.1/x\r" a
    // different key from "10.1/x" (found by fuzzing).
    let s = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    // The length is checked after lower-casing, which can shorten a string (the Kelvin
    // sign "K", 3 bytes, becomes "k"), so that a normalised DOI normalises to itself.
    let d = s.to_lowercase();
    if !d.starts_with("10.") || d.len() < 5 {
        return None;
    }
    Some(d)
}

/// The author part of a key: surname and first initial, lower case, no punctuation.
pub fn author_key(author: &str) -> String {
    let mut k = String::with_capacity(author.len());
    push_author_key(&mut k, author);
    k
}

fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the author key (readers build millions of keys: no intermediate strings).
pub(crate) fn push_author_key(out: &mut String, author: &str) {
    let mut word = 0; // 0: before surname, 1: in surname, 2: between words, 3: done
    for c in author.chars() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        match (word, alnum) {
            (0, true) | (1, true) => {
                push_lower(out, c);
                word = 1;
            }
            (1, false) => word = 2,
            (2, true) => {
                out.push(' ');
                push_lower(out, c);
                return;
            }
            _ => {}
        }
    }
}

/// The source part of a key (rule 3 in the module docs).
pub fn source_key(source: &str) -> String {
    let mut k = String::with_capacity(20);
    push_source_key(&mut k, source);
    k
}

/// Words WoS leaves out of cited sources (`The Theory of the Growth of the Firm` →
/// `THEORY GROWTH FIRM`).
const SOURCE_STOPWORDS: [&str; 14] = [
    "the", "of", "and", "for", "in", "on", "a", "an", "to", "at", "by", "with", "from", "und",
];

/// Word abbreviations WoS applies consistently in cited sources (its own, close to
/// ISO 4): `Structure of Scientific Revolutions` → `STRUCTURE SCI REVOLU`. Each full
/// word maps to the abbreviation WoS writes; abbreviations are not in the left column,
/// so the mapping leaves a WoS source unchanged.
const SOURCE_ABBREVIATIONS: [(&str, &str); 24] = [
    ("journal", "j"),
    ("review", "rev"),
    ("science", "sci"),
    ("sciences", "sci"),
    ("scientific", "sci"),
    ("analysis", "anal"),
    ("research", "res"),
    ("handbook", "hdb"),
    ("international", "int"),
    ("national", "natl"),
    ("foundations", "fdn"),
    ("behavior", "behav"),
    ("behaviour", "behav"),
    ("behavioral", "behav"),
    ("quarterly", "q"),
    ("proceedings", "p"),
    ("conference", "c"),
    ("american", "am"),
    ("academy", "acad"),
    ("business", "bus"),
    ("psychology", "psychol"),
    ("university", "u"),
    ("transactions", "t"),
    ("statistical", "stat"),
];

/// Rule 3's source part: the source's words in lower case (letters and digits), WoS's
/// left-out words dropped and its abbreviations applied, joined by spaces and cut to
/// 20 characters as WoS cuts them, then the spaces removed. A WoS source and the full
/// title another database writes give the same part when WoS abbreviated only the
/// words in [`SOURCE_ABBREVIATIONS`].
fn push_source_key(out: &mut String, source: &str) {
    let mut len = 0usize; // characters of the spaced form written so far
    // Lower-cased words: ASCII ones (nearly all) in a buffer on the stack, others in
    // a string (a string per reference was a tenth of parsing one).
    let mut ascii = [0u8; 32];
    let mut other = String::new();
    let mut words = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    while len < 20 {
        let Some(w) = words.next() else { break };
        let word: &str = if w.len() <= ascii.len() && w.is_ascii() {
            let buf = &mut ascii[..w.len()];
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(buf).unwrap_or_default()
        } else {
            other.clear();
            for c in w.chars() {
                push_lower(&mut other, c);
            }
            &other
        };
        if SOURCE_STOPWORDS.contains(&word) {
            continue;
        }
        let w = SOURCE_ABBREVIATIONS
            .iter()
            .find(|(full, _)| *full == word)
            .map_or(word, |(_, abbr)| abbr);
        if len > 0 {
            len += 1; // the space
        }
        for c in w.chars() {
            if len == 20 {
                break;
            }
            out.push(c);
            len += 1;
        }
    }
}

fn push_upper(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
    }
}

/// Builds the normalised key from parsed parts (rules in the module docs). Volume and
/// page are upper-cased here.
pub fn make_key(
    author: &str,
    year: Option<i32>,
    source: &str,
    volume: Option<&str>,
    page: Option<&str>,
    doi: Option<&str>,
) -> String {
    if let Some(doi) = doi {
        let mut k = String::with_capacity(4 + doi.len());
        k.push_str("doi:");
        k.push_str(doi);
        return k;
    }
    let mut k = String::with_capacity(48);
    push_author_key(&mut k, author);
    k.push('|');
    match year {
        // Four-digit years (all that parsing gives) without the formatting machinery.
        Some(y @ 1000..=9999) => {
            let y = y as u32;
            for d in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
                k.push(char::from(b'0' + d as u8));
            }
        }
        Some(y) => {
            use std::fmt::Write;
            let _ = write!(k, "{y}");
        }
        None => {}
    }
    if volume.is_none() || page.is_none() {
        k.push('|');
        push_source_key(&mut k, source);
    }
    k.push_str("|v");
    push_upper(&mut k, volume.unwrap_or(""));
    k.push_str("|p");
    push_upper(&mut k, page.unwrap_or(""));
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_keys_follow_wos_abbreviation() {
        // WoS forms (real CR sources in ../shared/data) and the full titles.
        for (wos, full) in [
            (
                "STRUCTURE SCI REVOLU",
                "The Structure of Scientific Revolutions",
            ),
            ("THEORY GROWTH FIRM", "The Theory of the Growth of the Firm"),
            (
                "SOCIAL NETWORK ANAL",
                "Social Network Analysis: Methods and Applications",
            ),
            (
                "COMPETITIVE ADVANTAG",
                "Competitive Advantage: Creating and Sustaining Superior Performance",
            ),
            (
                "CASE STUDY RES DESIG",
                "Case Study Research: Design and Methods",
            ),
            ("J MARKETING", "Journal of Marketing"),
            ("HARVARD BUS REV", "Harvard Business Review"),
        ] {
            assert_eq!(source_key(wos), source_key(full), "{wos} / {full}");
        }
        assert_eq!(source_key("SOCIAL CONSTRUCTION"), "socialconstruction");
        // Non-ASCII words are lower-cased character by character; the spaced form
        // "zeitschrift für öffe" is 20 characters. A word longer than the stack
        // buffer of ASCII words takes the same path.
        assert_eq!(
            source_key("Zeitschrift für Öffentliche Wirtschaft"),
            "zeitschriftfüröffe"
        );
        assert_eq!(
            source_key("THE PNEUMONOULTRAMICROSCOPICSILICOVOLCANOCONIOSES JOURNAL"),
            "pneumonoultramicrosc"
        );
        assert_ne!(source_key("J MARKETING"), source_key("J MANAGEMENT"));
    }

    #[test]
    fn fast_trim_is_str_trim() {
        // ASCII whitespace (with the vertical tab `u8::is_ascii_whitespace` leaves out),
        // Unicode whitespace at either end (no-break space, ideographic space, NEL), and
        // non-ASCII text that is not whitespace.
        for s in [
            "",
            " ",
            "\x0B\t \r\n",
            "  Vargo SL ",
            "V68",
            "\u{a0}J MARKETING\u{3000}",
            " \u{85}",
            "\u{85} x \u{2003}",
            " é, 2004 ",
            "ü",
            "\x0Bx\x0C",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        // DOI prefixes are stripped only from the start, in any case and any number.
        assert_eq!(
            normalize_doi(" HTTPS://DOI.ORG/doi:10.1/X. ").as_deref(),
            Some("10.1/x")
        );
        assert_eq!(normalize_doi("hdl 10.1/x"), None);
    }

    #[test]
    fn author_keys() {
        assert_eq!(author_key("Vargo SL"), "vargo s");
        assert_eq!(author_key("VARGO S.L."), "vargo s");
        assert_eq!(author_key("Brumbaugh R. D."), "brumbaugh r");
        assert_eq!(author_key("[Anonymous]"), "anonymous");
        assert_eq!(author_key("Müller K"), "müller k");
        assert_eq!(author_key(""), "");
    }
}
