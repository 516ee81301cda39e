//! Candidate terms of cluster labels, drawn from the citing records' text: author
//! keywords and Keywords Plus as whole phrases (lower-cased), the 1–3-word n-grams of
//! the title and the 2–3-word n-grams of the abstract (single abstract words are
//! mostly verbs and adverbs without a part-of-speech tagger). Text is cut into phrases
//! at punctuation, words not starting with a letter and stop words ([`STOP_WORDS`]:
//! common English words plus the boilerplate of abstracts); n-grams never cross a cut.
//! Terms are interned in order of first occurrence; n-grams are built in one reused
//! buffer, so only a term not seen before is allocated. Ranking is in
//! [`super::labels`].

use rustc_hash::FxHashMap;

/// Words that never start, end or sit inside a candidate phrase.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "based",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "et",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    // Boilerplate of titles and abstracts.
    "abstract",
    "article",
    "copyright",
    "elsevier",
    "findings",
    "inc",
    "ltd",
    "paper",
    "present",
    "propose",
    "proposed",
    "reserved",
    "result",
    "results",
    "rights",
    "show",
    "shows",
    "study",
    "studies",
    "using",
    "wiley",
    "sons",
    "examines",
    "discussed",
    "discusses",
    "find",
    "argue",
    "develop",
    "identify",
    "test",
    "three",
    "two",
    "one",
    "new",
];

/// The candidate terms of all records, interned: `records[r]` lists record r's term
/// ids, each once, sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermTable {
    pub terms: Vec<String>,
    /// The best source each term was seen in ([`Source`]).
    pub sources: Vec<Source>,
    pub records: Vec<Vec<u32>>,
}

/// Where a candidate term was found; earlier variants win ties in
/// [`super::labels::rank`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    AuthorKeyword,
    KeywordPlus,
    Title,
    Abstract,
}

/// The text fields of one record used for labels.
#[derive(Debug, Clone, Default)]
pub struct RecordText<'a> {
    pub title: &'a str,
    pub abstract_text: &'a str,
    pub author_keywords: Vec<&'a str>,
    pub keywords_plus: Vec<&'a str>,
}

fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(w)
}

/// Appends the 1–3-word n-grams of `text` that cross no punctuation or stop word.
pub fn ngrams(text: &str, out: &mut Vec<String>) {
    ngrams_from(text, 1, out);
}

/// Appends the `shortest`–3-word n-grams of `text` (see [`ngrams`]).
pub fn ngrams_from(text: &str, shortest: usize, out: &mut Vec<String>) {
    visit_ngrams(text, shortest, &mut String::new(), &mut |t| {
        out.push(t.into())
    });
}

/// Calls `f` with each `shortest`–3-word n-gram of `text`, built in `buf` (so that
/// interning allocates only for terms not seen before).
fn visit_ngrams(text: &str, shortest: usize, buf: &mut String, f: &mut dyn FnMut(&str)) {
    let lower = text.to_lowercase();
    let mut run: Vec<&str> = Vec::new();
    for phrase in
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c.is_whitespace()))
    {
        let words = phrase
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '-' || c == '\''));
        for w in words.chain(std::iter::once("")) {
            let keep = w.chars().nth(1).is_some()
                && w.chars().next().is_some_and(char::is_alphabetic)
                && !is_stop(w);
            if keep {
                run.push(w);
                continue;
            }
            for len in shortest..=3 {
                for win in run.windows(len) {
                    buf.clear();
                    for (i, w) in win.iter().enumerate() {
                        if i > 0 {
                            buf.push(' ');
                        }
                        buf.push_str(w);
                    }
                    f(buf);
                }
            }
            run.clear();
        }
    }
}

/// Calls `f` with each candidate term of one record and where it was found, in the
/// order of [`record_terms`].
fn visit_record_terms(text: &RecordText, buf: &mut String, f: &mut dyn FnMut(&str, Source)) {
    for (kws, source) in [
        (&text.author_keywords, Source::AuthorKeyword),
        (&text.keywords_plus, Source::KeywordPlus),
    ] {
        for kw in kws {
            let k = kw.trim().to_lowercase();
            if !k.is_empty() && !is_stop(&k) {
                f(&k, source);
            }
        }
    }
    visit_ngrams(text.title, 1, buf, &mut |t| f(t, Source::Title));
    visit_ngrams(text.abstract_text, 2, buf, &mut |t| f(t, Source::Abstract));
}

/// Candidate terms of one record (duplicates included; [`TermTable::build`] dedups).
pub fn record_terms(text: &RecordText) -> Vec<String> {
    record_terms_with_source(text)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// [`record_terms`] with where each term was found.
pub fn record_terms_with_source(text: &RecordText) -> Vec<(String, Source)> {
    let mut out = Vec::new();
    visit_record_terms(text, &mut String::new(), &mut |t, s| {
        out.push((t.into(), s))
    });
    out
}

/// Terms interned in order of first occurrence, with each record's term ids.
#[derive(Default)]
pub(super) struct Interning {
    ids: FxHashMap<String, u32>,
    pub(super) terms: Vec<String>,
    /// The best source each term was seen in.
    pub(super) sources: Vec<Source>,
}

impl Interning {
    /// The id of term `t` seen in `source`.
    pub(super) fn id(&mut self, t: &str, source: Source) -> u32 {
        if let Some(&id) = self.ids.get(t) {
            let best = &mut self.sources[id as usize];
            *best = (*best).min(source);
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(t.to_string());
        self.sources.push(source);
        self.ids.insert(t.to_string(), id);
        id
    }

    /// The sorted, unique term ids of one record.
    pub(super) fn record(&mut self, text: &RecordText, buf: &mut String) -> Vec<u32> {
        let mut rec = Vec::new();
        visit_record_terms(text, buf, &mut |t, s| rec.push(self.id(t, s)));
        rec.sort_unstable();
        rec.dedup();
        rec
    }
}

impl TermTable {
    /// Interns the candidate terms of each record.
    pub fn build<'a>(texts: impl IntoIterator<Item = RecordText<'a>>) -> Self {
        let mut interning = Interning::default();
        let mut buf = String::new();
        let records = texts
            .into_iter()
            .map(|text| interning.record(&text, &mut buf))
            .collect();
        TermTable {
            terms: interning.terms,
            sources: interning.sources,
            records,
        }
    }
}
