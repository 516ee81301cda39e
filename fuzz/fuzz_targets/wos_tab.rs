//! WoS tab-delimited parser on any bytes (BOM already removed, as the loader does).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = cocite::io::wos_tab::parse(data) {
        let rows = data.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        for (line, _) in &r.problems {
            assert!(*line <= rows, "problem line {line} beyond {rows} rows");
        }
        for rec in &r.records {
            assert!(u64::from(rec.line) >= 2 && u64::from(rec.line) <= rows);
        }
    }
});
