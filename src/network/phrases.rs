//! Noun-phrase terms of a record, CiteSpace's *Term* node type: "noun phrases that
//! consist of two, three, or four words", drawn from titles, abstracts, author keywords
//! and Keywords Plus; phrases outside that range are dropped (CiteSpace 101, §6.8
//! "Edit project properties"; Chen 2006, JASIST 57(3)).
//!
//! CiteSpace finds noun phrases with a part-of-speech tagger. cocite has none: it uses a
//! POS-free heuristic, the candidate-phrase rule of RAKE (Rose et al. 2010, "Automatic
//! keyword extraction from individual documents"):
//! 1. The text is lower-cased; hyphens become spaces (`brain-computer` → two words) and a
//!    trailing `'s` is dropped.
//! 2. It is cut at every character that is not a letter, digit, space or apostrophe
//!    (punctuation, brackets, slashes), at every stop word ([`STOP_WORDS`]: English
//!    function words, auxiliary and reporting verbs, and the boilerplate of abstracts)
//!    and at every word that does not start with a letter or is a single character.
//! 3. Each remaining run of words is one candidate phrase; a run of 2–4 words
//!    ([`MIN_WORDS`]–[`MAX_WORDS`]) is a term, shorter and longer runs are dropped.
//! 4. The term's key is the phrase with its last word singularised as keywords are
//!    ([`super::items::keyword_key`]: `eeg signals` → `eeg signal`).
//!
//! Each keyword is its own text (a two-word author keyword is a term as written). A
//! record counts a term once, however often it occurs in the record.

use super::items::keyword_key;
use crate::model::{Corpus, Record};

/// Fewest words in a term (CiteSpace's default minimum).
pub const MIN_WORDS: usize = 2;
/// Most words in a term (CiteSpace's default maximum).
pub const MAX_WORDS: usize = 4;

/// Words that end a candidate phrase, separated by white space: English function
/// words, auxiliary and modal verbs, common reporting verbs and adverbs of abstracts,
/// and publisher boilerplate.
pub const STOP_WORDS: &str = "
a about above across after again against all along also although among amongst an
and another any around as at because before behind below beside besides between
beyond both but by despite down during each either et etc every few for from further
he her here hers herein him his how however i if in inside into it its itself less
many me more most much my neither no nor not of off on once only onto or other
others our ours out over own per same several she since so some such than that the
their theirs them themselves then there therefore these they this those though
through throughout thus to together too toward towards under unlike until up upon us
versus very via vs we what whatever when where whereas whether which while who whom
whose why with within without yet you your
am are be been being can cannot could did do does doing done had has have having is
may might must shall should was were will would
achieve achieved achieves aim aims allow allows applied argue argues based become
becomes called carried compared conclude concluded conducted consider considered
contribute demonstrate demonstrated demonstrates describe described describes
develop developed develops discuss discussed discusses examine examined examines
explore explored explores find finds found furthermore given help helps highlight
highlights identified identify identifies improve improved improves include included
includes including increase increased increases indicate indicated indicates
introduce introduced introduces investigate investigated investigates known led make
makes moreover namely obtained offer offers often perform performed present
presented presents propose proposed proposes provide provided provides reported
reveal revealed reveals seen show showed shown shows suggest suggested suggests take
taken use used uses using well
abstract article copyright elsevier inc ltd paper reserved rights springer study
studies wiley
";

fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.split_whitespace().collect())
        .contains(w)
}

/// True for a word that may sit in a phrase: two characters or more, starting with a
/// letter, not a stop word.
fn is_content(w: &str) -> bool {
    w.chars().nth(1).is_some() && w.chars().next().is_some_and(char::is_alphabetic) && !is_stop(w)
}

/// Appends the term keys of `text` (module docs) to `out`.
pub fn noun_phrases(text: &str, out: &mut Vec<String>) {
    let lower = text
        .to_lowercase()
        .replace(['-', '\u{2010}', '\u{2013}'], " ");
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        if (MIN_WORDS..=MAX_WORDS).contains(&run.len()) {
            out.push(keyword_key(&run.join(" ")));
        }
        run.clear();
    };
    for segment in lower.split(|c: char| {
        !(c.is_alphanumeric() || c.is_whitespace() || c == '\'' || c == '\u{2019}')
    }) {
        for raw in segment.split_whitespace() {
            let w = raw
                .trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .trim_matches(|c| c == '\'' || c == '\u{2019}');
            if is_content(w) && !w.contains(['\'', '\u{2019}']) {
                run.push(w);
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
}

/// The term keys of a record, each once, sorted: from its title, abstract, author
/// keywords and Keywords Plus.
pub fn record_terms(corpus: &Corpus, r: &Record) -> Vec<String> {
    let mut out = Vec::new();
    noun_phrases(&r.title, &mut out);
    if let Some(a) = &r.abstract_text {
        noun_phrases(a, &mut out);
    }
    for &k in r.author_keywords.iter().chain(&r.keywords_plus) {
        noun_phrases(corpus.strings.get(k), &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        noun_phrases(text, &mut out);
        out
    }

    #[test]
    fn runs_of_two_to_four_content_words() {
        // Cut at stop words ("this paper describes the", "on", "and", "for", "the")
        // and brackets, the runs are [secondary research], [feature extraction],
        // [selection], [decoding], [brain electroencephalograph], [eeg], [signals]:
        // three of 2–4 words.
        assert_eq!(
            terms(
                "This paper describes the secondary research on feature extraction and \
                 selection for decoding the brain electroencephalograph (EEG) signals"
            ),
            [
                "secondary research",
                "feature extraction",
                "brain electroencephalograph"
            ]
        );
        // Hyphens split words, the last word is singularised, a number cuts a run (a
        // word starting with a letter may hold digits).
        assert_eq!(
            terms("Brain-Computer Interfaces: P300 spellers, 2 motor imagery tasks"),
            [
                "brain computer interface",
                "p300 speller",
                "motor imagery task"
            ]
        );
        // Five content words in a row are outside 2–4 and dropped; a possessive 's goes.
        assert_eq!(
            terms("deep convolutional recurrent neural network; Parkinson's disease"),
            ["parkinson disease"]
        );
        assert!(
            terms("Principal Component Analysis")
                .contains(&"principal component analysis".to_string())
        );
        assert!(terms("EEG").is_empty());
    }
}
