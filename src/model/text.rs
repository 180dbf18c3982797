//! Text helpers shared by validation and sorting: trimming optional fields, Unicode NFC, German
//! sort keys.

use unicode_normalization::UnicodeNormalization;

/// Trims `value` and stores it in Unicode normalisation form C; an empty result becomes `None`.
/// "Nguyễn" typed or pasted with combining marks (as macOS and some web forms deliver it) is
/// then the same text as the precomposed one: the same person, search hit and PDF glyphs.
pub fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| nfc(trimmed))
}

/// `value` in Unicode normalisation form C.
pub fn nfc(value: &str) -> String {
    if unicode_normalization::is_nfc_quick(value.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        value.to_owned()
    } else {
        value.nfc().collect()
    }
}

/// A key that sorts like a German phone book (DIN 5007-1): case and diacritics are ignored,
/// "ß" sorts as "ss", and letters such as "Ł" or "Ş" sort with their base letter.
pub fn sort_key(value: &str) -> String {
    deunicode::deunicode(value).to_lowercase()
}

/// Folded form for search as you type: "sukru" finds "Şükrü", "lodz" finds "Łódź".
pub fn fold(value: &str) -> String {
    sort_key(value)
}

/// FNV-1a (64 bit) of some bytes: a fingerprint that is stable across runs, Rust versions and
/// platforms (the std hasher is not), for telling whether a text or a preview changed.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.add(bytes);
    hasher.finish()
}

/// [`fnv1a`] of bytes written piece by piece, e.g. a value serialised straight into it: the
/// import's preview of 10,000 rows is fingerprinted without holding its JSON (megabytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn add(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        });
    }

    /// The hash of everything written so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

impl std::io::Write for Fnv1a {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.add(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_of_pieces_is_the_fingerprint_of_the_whole() {
        use std::io::Write as _;
        let whole = "Nguyễn Thị Lan;Şükrü Özdemir;Łukasz".as_bytes();
        // Known FNV-1a 64 values: nothing hashed, and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        for cut in [0, 1, 7, whole.len()] {
            let mut hasher = Fnv1a::default();
            hasher.write_all(&whole[..cut]).expect("hashes");
            hasher.write_all(&whole[cut..]).expect("hashes");
            assert_eq!(hasher.finish(), fnv1a(whole), "cut at {cut}");
        }
        assert_ne!(fnv1a(whole), fnv1a(&whole[1..]));
    }

    #[test]
    fn decomposed_input_is_stored_precomposed() {
        let decomposed = "Nguye\u{302}\u{303}n Thi\u{323}";
        assert_ne!(decomposed, "Nguyễn Thị");
        assert_eq!(
            optional(&format!("  {decomposed} ")).as_deref(),
            Some("Nguyễn Thị")
        );
        assert_eq!(nfc("Şükrü Özdemir"), "Şükrü Özdemir");
    }

    #[test]
    fn sort_key_ignores_diacritics_and_case() {
        assert_eq!(
            sort_key("Özdemir"),
            "ozdemir",
            "umlauts sort with their base letter"
        );
        assert_eq!(sort_key("Łukasz"), "lukasz", "Polish Ł sorts as L");
        assert_eq!(sort_key("Weiß"), "weiss", "ß sorts as ss");
        assert!(
            sort_key("Ärger") < sort_key("Bauer"),
            "Ä must not sort after Z"
        );
    }

    #[test]
    fn optional_trims_and_drops_empty() {
        assert_eq!(optional("  "), None);
        assert_eq!(optional(" Dr. "), Some("Dr.".to_owned()));
    }
}
