//! Item keys the networks count on: keyword, cited-author, journal and thesaurus keys,
//! DOI normalisation, author keys and address parsing, and the cited-reference parsers
//! of the RIS and Scopus readers (which build keys through `CitedRef::from_parts`). Keys must be idempotent where
//! their definition says so (a key of a key is the key).
#![no_main]

use cocite::io::{ris, scopus};
use cocite::model::cited_ref::{author_key, normalize_doi, source_key};
use cocite::model::record::parse_address;
use cocite::network::items::{cited_author_key, journal_key, keyword_key, read_thesaurus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let k = keyword_key(s);
    assert_eq!(k.trim(), k);
    let j = journal_key(s);
    assert_eq!(journal_key(&j), j);
    let _ = cited_author_key(s);
    let _ = author_key(s);
    let _ = source_key(s);
    if let Some(d) = normalize_doi(s) {
        assert_eq!(normalize_doi(&d).as_deref(), Some(d.as_str()));
    }
    let a = parse_address(s);
    assert!(a.authors.iter().all(|n| !n.is_empty()));
    let _ = read_thesaurus(s);
    for r in [ris::parse_cited(s), scopus::parse_reference(s)] {
        let _ = (r.author(), r.source(), r.volume(), r.page());
        if let Some(d) = &r.doi {
            assert!(d.starts_with("10."));
        }
    }
    let _ = scopus::split_references(s);
});
