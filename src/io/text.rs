//! Byte-level text helpers shared by the readers: BOMs, UTF-16, and decoding lines that
//! are not valid UTF-8 (read as Windows-1252, the usual encoding of such exports, so
//! no character is lost).

use std::borrow::Cow;

/// Encodings found at the start of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// Detects a byte-order mark; returns the encoding and the BOM's length.
pub fn sniff_bom(bytes: &[u8]) -> (Encoding, usize) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, 3)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, 2)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, 2)
    } else if bytes.len() >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 && bytes[2] != 0 {
        // UTF-16 LE without BOM ("PT\tAU" → 50 00 54 00 ...).
        (Encoding::Utf16Le, 0)
    } else {
        (Encoding::Utf8, 0)
    }
}

/// Decodes UTF-16 (without its BOM) to a UTF-8 string; unpaired surrogates become
/// U+FFFD. Returns the string and whether any replacement happened.
pub fn decode_utf16(bytes: &[u8], enc: Encoding) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|c| match enc {
        Encoding::Utf16Be => u16::from_be_bytes([c[0], c[1]]),
        _ => u16::from_le_bytes([c[0], c[1]]),
    });
    let mut lossy = bytes.len() % 2 == 1;
    let s = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (s, lossy)
}

/// Windows-1252 code points for bytes 0x80–0x9F (the rest of the high half is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes a line: UTF-8 when valid, else Windows-1252. The flag says whether the
/// fallback was used.
pub fn decode_line(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => {
            let s = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                    _ => b as char,
                })
                .collect();
            (Cow::Owned(s), true)
        }
    }
}

/// True when the bytes look binary (NUL bytes outside UTF-16).
pub fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms() {
        assert_eq!(sniff_bom(b"\xEF\xBB\xBFFN x"), (Encoding::Utf8, 3));
        assert_eq!(sniff_bom(b"\xFF\xFEP\0T\0"), (Encoding::Utf16Le, 2));
        assert_eq!(sniff_bom(b"P\0T\0"), (Encoding::Utf16Le, 0));
        assert_eq!(sniff_bom(b"FN Clarivate"), (Encoding::Utf8, 0));
    }

    #[test]
    fn utf16_decoding() {
        let bytes: Vec<u8> = "PT\tAU\nJ\tMüller"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(
            decode_utf16(&bytes, Encoding::Utf16Le),
            ("PT\tAU\nJ\tMüller".to_string(), false)
        );
        assert!(decode_utf16(&[0x00, 0xD8], Encoding::Utf16Le).1);
    }

    #[test]
    fn latin1_fallback() {
        let (s, lossy) = decode_line(b"M\xfcller \x93quoted\x94");
        assert!(lossy);
        assert_eq!(s, "Müller “quoted”");
        assert_eq!(
            decode_line("Müller".as_bytes()),
            (Cow::Borrowed("Müller"), false)
        );
    }
}
