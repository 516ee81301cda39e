//! Adding a batch of parsed records to the corpus with every step in parallel
//! ([`Corpus::push_batch`]), giving the same corpus as adding them one by one with
//! [`Corpus::push`] — the same records, the same [`RefId`]s and [`Sym`]s — whatever
//! the number of threads.
//!
//! Steps (each parallel over records, occurrences or shards; `super::index` has the
//! sharded interning):
//! 1. accession numbers: interned; a record whose number occurred before (in an
//!    earlier batch or earlier in this one) is a duplicate and dropped;
//! 2. cited references of the kept records: interned by key, new works numbered in
//!    the order of their first citation;
//! 3. strings (authors, sources, keywords, ...): interned likewise;
//! 4. records built from their parsed form and the ids of steps 2 and 3.
//!
//! Only records that cannot be cross-database duplicates take this path (a load of
//! one database, the usual case); from the first record of a second database on,
//! records are added one by one, since whether a record merges into an earlier one
//! depends on every record before it ([`crate::model::merge`]).

use super::CitedRef;
use super::corpus::{Corpus, build_record, record_strings, unique_refs};
use super::index::{hash_key, resolve};
use super::intern::Sym;
use super::record::{ParsedRecord, RefId};
use rayon::prelude::*;

impl Corpus {
    /// Adds parsed records with the index of their file, in order; returns how many
    /// were kept. The result is the corpus [`Corpus::push`] would build one by one.
    pub fn push_batch(&mut self, mut batch: Vec<(u32, ParsedRecord)>) -> usize {
        let (fast, db) = self.single_database_prefix(&batch);
        let rest = batch.split_off(fast);
        let mut kept = self.push_one_database(batch, db);
        for (file, p) in rest {
            kept += usize::from(self.push(p, file));
        }
        kept
    }

    /// Step 1: drops records whose accession number occurred before; the others get
    /// their number noted with the index their record will have.
    fn drop_duplicates(&mut self, batch: Vec<(u32, ParsedRecord)>) -> Vec<(u32, ParsedRecord)> {
        let with_uid: Vec<(usize, &str)> = batch
            .iter()
            .enumerate()
            .filter_map(|(i, (_, p))| Some((i, p.uid.as_deref()?)))
            .collect();
        let hashes: Vec<u64> = with_uid.par_iter().map(|(_, u)| hash_key(u)).collect();
        let first_id = self.uid_owner.len() as u32;
        let mut index = std::mem::take(&mut self.uids);
        let found = {
            let this = &*self;
            resolve(
                &mut index,
                &hashes,
                first_id,
                &|i, j| with_uid[i].1 == with_uid[j].1,
                &|id, i| this.uid_text(id) == with_uid[i].1,
            )
        };
        self.uids = index;
        // A record is kept when it has no number or brought a new one.
        let mut keep = vec![true; batch.len()];
        for (k, &(i, _)) in with_uid.iter().enumerate() {
            keep[i] = found.new.binary_search(&(k as u32)).is_ok();
        }
        let kept: Vec<(u32, ParsedRecord)> = batch
            .into_iter()
            .zip(&keep)
            .filter_map(|(r, &k)| k.then_some(r))
            .collect();
        self.duplicates += keep.iter().filter(|&&k| !k).count();
        // New numbers are in record order, as are the kept records that have one.
        let base = self.records.len() as u32;
        self.uid_owner.extend(
            kept.iter()
                .enumerate()
                .filter(|(_, (_, p))| p.uid.is_some())
                .map(|(k, _)| base + k as u32),
        );
        kept
    }

    /// Adds records that cannot be cross-database duplicates (module docs, steps 1–4).
    fn push_one_database(
        &mut self,
        batch: Vec<(u32, ParsedRecord)>,
        db: Option<(String, u32)>,
    ) -> usize {
        if batch.is_empty() {
            return 0;
        }
        let kept = self.drop_duplicates(batch);
        if kept.is_empty() {
            return 0;
        }
        self.note_single_database(db);
        let refs: Vec<&CitedRef> = kept.iter().flat_map(|(_, p)| &p.cited_refs).collect();
        self.cited_lines += refs.len();
        let ref_ids = self.refs.intern_batch(&refs);
        drop(refs);
        // The strings of all records, and where each record's references and
        // strings start.
        let mut strs: Vec<&str> = Vec::new();
        let mut starts = Vec::with_capacity(kept.len());
        let mut r = 0;
        for (_, p) in &kept {
            starts.push((r, strs.len()));
            r += p.cited_refs.len();
            record_strings(p, &mut strs);
        }
        let syms = self.strings.intern_batch(&strs);
        drop(strs);
        let n = kept.len();
        let built: Vec<_> = kept
            .into_par_iter()
            .zip(starts)
            .map(|((file, p), (r, s))| {
                let ids: &[RefId] = &ref_ids[r..r + p.cited_refs.len()];
                let refs = unique_refs(ids);
                let syms: &[Sym] = &syms[s..];
                build_record(p, file, refs, syms)
            })
            .collect();
        self.records.extend(built);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParsedAddress, SourceFile};

    /// Record `i`: accession numbers repeat every 7 records (so 1 in 7 is a
    /// duplicate), references and authors overlap between records.
    fn rec(i: usize, uid_prefix: &str) -> ParsedRecord {
        let refs: Vec<CitedRef> = (0..(i % 5 + 1))
            .map(|k| {
                let j = (i * 3 + k * 11) % 17;
                let doi = if j.is_multiple_of(4) {
                    format!(", DOI 10.1/{j}")
                } else {
                    String::new()
                };
                CitedRef::parse(&format!("Au{j} X, {}, J {j}, V{j}, P{k}{doi}", 1990 + j))
            })
            .collect();
        let mut refs2 = refs.clone();
        refs2.extend(refs); // each cited twice: once in the record's list
        ParsedRecord {
            uid: (i % 9 != 4).then(|| format!("{uid_prefix}{}", i % 23)),
            title: format!("Title {i}"),
            year: Some(2000 + (i % 5) as i32),
            authors: vec![format!("Author {}", i % 6), format!("Author {}", i % 4)],
            author_keywords: vec![format!("kw {}", i % 3)],
            source: Some(format!("SOURCE {}", i % 2)),
            addresses: vec![ParsedAddress {
                authors: vec![format!("Author {}", i % 6)],
                institution: Some(format!("Univ {}", i % 5)),
                country: Some("USA".into()),
            }],
            cited_refs: refs2,
            ..Default::default()
        }
    }

    fn records() -> Vec<(u32, ParsedRecord)> {
        // Two WoS files, then a Scopus file (a second database: records one by one).
        let mut v: Vec<(u32, ParsedRecord)> =
            (0..60).map(|i| (i as u32 % 2, rec(i, "WOS:"))).collect();
        v.extend((0..20).map(|i| (2, rec(i + 3, "2-s2.0-"))));
        v
    }

    fn assert_same(a: &Corpus, b: &Corpus) {
        assert_eq!(a.records, b.records);
        assert_eq!(
            (a.duplicates, a.cross_duplicates),
            (b.duplicates, b.cross_duplicates)
        );
        assert_eq!(a.cited_lines, b.cited_lines);
        assert_eq!(a.refs.len(), b.refs.len());
        for id in 0..a.refs.len() as u32 {
            assert_eq!(a.refs.get(id), b.refs.get(id));
        }
        assert_eq!(a.strings.len(), b.strings.len());
        for i in 0..a.strings.len() as u32 {
            assert_eq!(a.strings.get(Sym(i)), b.strings.get(Sym(i)));
        }
    }

    #[test]
    fn batches_give_the_corpus_of_records_added_one_by_one() {
        let files = vec![
            SourceFile::for_test("wos"),
            SourceFile::for_test("wos"),
            SourceFile::for_test("scopus"),
        ];
        let mut one = Corpus::new();
        one.files = files.clone();
        for (f, p) in records() {
            one.push(p, f);
        }
        // Independent counts: 60 WoS records, 7 without a number (i % 9 == 4: i = 4,
        // 13, ..., 58), the other 53 with 23 distinct ones (i % 23): 30 kept.
        let wos_kept = one.records.iter().filter(|r| r.origin.file < 2).count();
        assert_eq!(wos_kept, 30);
        // 53 − 23 repeated WoS numbers; the 20 Scopus ones ((i + 3) % 23) are distinct.
        assert_eq!(one.duplicates, 30);
        assert!(one.cross_duplicates > 0, "Scopus records merge by title");
        for size in [1, 7, 30, 80] {
            let mut batched = Corpus::new();
            batched.files = files.clone();
            let all = records();
            let mut kept = 0;
            for chunk in all.chunks(size) {
                kept += batched.push_batch(chunk.to_vec());
            }
            assert_eq!(kept, batched.records.len());
            assert_same(&one, &batched);
        }
        // Without files (records added by hand) every record takes the parallel path.
        let mut by_hand = Corpus::new();
        let mut batch = Corpus::new();
        for (_, p) in records() {
            by_hand.push(p, 0);
        }
        batch.push_batch(records().into_iter().map(|(_, p)| (0, p)).collect());
        assert_same(&by_hand, &batch);
    }
}
