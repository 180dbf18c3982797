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
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
