//! The whole loader on one file: format sniffing (BOMs, UTF-16, binary), block cutting
//! with tiny blocks (so records straddle blocks), parsing, merging, reconciliation.
//! Every problem must name the file; a load either keeps records or says why not.
#![no_main]

use cocite::io::{LoadError, LoadOptions, load_with};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("cocite-fuzz-load-{}.txt", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let opts = LoadOptions {
        block_bytes: 64 + usize::from(data.first().copied().unwrap_or(0)),
        ..Default::default()
    };
    let shown = path.display().to_string();
    match load_with(&[PathBuf::from(&path)], &opts, &|_| {}) {
        Ok((c, _)) => {
            assert!(!c.records.is_empty());
            assert!(
                c.problems
                    .iter()
                    .all(|p| p.file == shown && !p.message().is_empty())
            );
            for r in &c.records {
                for &id in &r.refs {
                    assert!((id as usize) < c.refs.len());
                }
            }
        }
        Err(LoadError::NothingLoaded { problems, .. }) => {
            assert!(
                !problems.is_empty(),
                "nothing loaded and no problem said why"
            );
            assert!(problems.iter().all(|p| p.file == shown));
        }
        Err(e) => panic!("unexpected error {e}"),
    }
});
