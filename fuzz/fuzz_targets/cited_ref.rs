//! Cited-reference parsing: `CitedRef::parse` on any line, and `CitedRef::from_parts`
//! on tab-separated parts (author, year, source, volume, page, doi). The parts the
//! parser hands back must be slices of the label, the key must be stable (parsing a
//! label again gives the same key when there is no DOI).
#![no_main]

use cocite::model::CitedRef;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let r = CitedRef::parse(s);
    let _ = (r.author(), r.source(), r.volume(), r.page());
    if let Some(d) = &r.doi {
        assert!(d.starts_with("10."));
        assert_eq!(r.key, format!("doi:{d}"));
    }
    let mut parts = s.split('\t');
    let mut next = || parts.next().unwrap_or("");
    let (author, year, source, volume, page, doi) =
        (next(), next(), next(), next(), next(), next());
    let year = year.trim().parse::<i32>().ok();
    let opt = |v: &str| {
        if v.is_empty() {
            None
        } else {
            Some(v.to_string())
        }
    };
    let (volume, page, doi) = (opt(volume), opt(page), opt(doi));
    let p = CitedRef::from_parts(
        author,
        year,
        source,
        volume.as_deref(),
        page.as_deref(),
        doi.as_deref(),
    );
    let _ = (p.author(), p.source(), p.volume(), p.page());
    assert!(
        p.key.len() <= 4 * s.len() + 64,
        "key grows beyond its input"
    );
});
