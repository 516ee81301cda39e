//! WoS plain-text block parser: any bytes, any first line number. Checks that every
//! problem's line lies inside the block and every record's line too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let first = 1 + u64::from(data.first().copied().unwrap_or(0));
    let r = cocite::io::wos::parse_block(data, first);
    let lines = memchr_count(data) + 1;
    let last = first + lines;
    for (line, msg) in &r.problems {
        assert!(!msg.to_string().is_empty());
        assert!(
            *line >= first && *line < last,
            "problem line {line} outside {first}..{last}"
        );
    }
    for rec in &r.records {
        let l = u64::from(rec.line);
        assert!(
            l >= first && l < last,
            "record line {l} outside {first}..{last}"
        );
    }
    // Cutting at the split point never loses a byte.
    if let Some(cut) = cocite::io::wos::split_point(data) {
        assert!(cut <= data.len());
    }
});

fn memchr_count(data: &[u8]) -> u64 {
    data.iter().filter(|&&b| b == b'\n').count() as u64
}
