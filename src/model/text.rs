//! Text helpers shared by validation and sorting: trimming optional fields, German sort keys.

/// Trims `value`; an empty result becomes `None`.
pub fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
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
