//! vCard 3.0 (RFC 2426) address book: one file with one card per person, as Outlook, Thunderbird
//! and phones import it. Lines end with CRLF, text values escape `\`, `,`, `;` and line breaks, and
//! lines longer than 75 octets are folded (continuation lines start with a space) without ever
//! splitting a UTF-8 sequence. Properties holding non-ASCII text carry `CHARSET=UTF-8`, which
//! Outlook needs to read umlauts and non-Latin names correctly; other readers ignore it.

use super::Record;

/// Longest line in octets, CRLF excluded (RFC 2426 §2.6 via RFC 2425 §5.8.1).
pub const MAX_LINE: usize = 75;

/// All cards, concatenated.
pub fn cards(records: &[Record<'_>]) -> Vec<u8> {
    let mut out = String::with_capacity(records.len() * 400);
    for record in records {
        card(&mut out, record);
    }
    out.into_bytes()
}

fn card(out: &mut String, record: &Record<'_>) {
    let person = record.person;
    let title = person.title.as_deref().unwrap_or("");
    let particle = person.name_particle.as_deref().unwrap_or("");
    out.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\n");
    // N: family; given; additional; prefix; suffix. The particle goes into "additional names" so
    // address books sort by "Richter" but show "Clara von Richter".
    let n = [
        escape(&person.last_name),
        escape(&person.first_name),
        escape(particle),
        escape(title),
        String::new(),
    ]
    .join(";");
    property(out, "N", &[], &n);
    property(out, "FN", &[], &escape(&person.full_name()));
    if let Some(org) = record.organisation {
        property(out, "ORG", &[], &escape(&org.name));
    }
    if let Some(function) = person.function.as_deref().filter(|f| !f.is_empty()) {
        property(out, "TITLE", &[], &escape(function));
    }
    if let Some(role) = record.row.role {
        property(out, "ROLE", &[], &escape(role.label()));
    }
    if let Some(email) = person.email.as_deref().filter(|e| !e.is_empty()) {
        property(out, "EMAIL", &["TYPE=INTERNET,WORK"], &escape(email));
    }
    if let Some(phone) = person.phone.as_deref().filter(|p| !p.is_empty()) {
        property(out, "TEL", &["TYPE=WORK,VOICE"], &escape(phone));
    }
    if let Some(mobile) = person.mobile.as_deref().filter(|p| !p.is_empty()) {
        property(out, "TEL", &["TYPE=CELL,VOICE"], &escape(mobile));
    }
    let (street, postal_code, city) = record.postal_address();
    if !(street.is_empty() && postal_code.is_empty() && city.is_empty()) {
        // ADR: post office box; extended; street; locality; region; postal code; country.
        let adr = [
            String::new(),
            String::new(),
            escape(&street),
            escape(&city),
            escape(record.row.state.as_deref().unwrap_or("")),
            escape(&postal_code),
            "Deutschland".to_owned(),
        ]
        .join(";");
        property(out, "ADR", &["TYPE=WORK,POSTAL"], &adr);
    }
    out.push_str("END:VCARD\r\n");
}

/// Appends one content line, folded.
fn property(out: &mut String, name: &str, params: &[&str], value: &str) {
    let mut line = String::from(name);
    for param in params {
        line.push(';');
        line.push_str(param);
    }
    if !value.is_ascii() {
        line.push_str(";CHARSET=UTF-8");
    }
    line.push(':');
    line.push_str(value);
    fold(out, &line);
}

/// Escapes a text value: backslash, comma, semicolon and line breaks.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so no physical line exceeds [`MAX_LINE`] octets; breaks fall
/// only on character boundaries.
pub fn fold(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_special_characters_of_text_values() {
        assert_eq!(escape("Stadt Herten, Rathaus"), "Stadt Herten\\, Rathaus");
        assert_eq!(escape("a;b\\c"), "a\\;b\\\\c");
        assert_eq!(escape("Zeile 1\r\nZeile 2"), "Zeile 1\\nZeile 2");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let value = "Ş".repeat(100);
        let mut out = String::new();
        fold(&mut out, &format!("FN:{value}"));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= MAX_LINE,
                "line of {} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("FN:{value}\r\n"),
            "unfolding restores the line"
        );
    }

    #[test]
    fn short_lines_stay_whole() {
        let mut out = String::new();
        fold(&mut out, "FN:Anna Schmidt");
        assert_eq!(out, "FN:Anna Schmidt\r\n");
        let mut exact = String::new();
        fold(&mut exact, &"x".repeat(MAX_LINE));
        assert_eq!(exact.len(), MAX_LINE + 2, "75 octets fit on one line");
    }
}
