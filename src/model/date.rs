//! Dates as the user types them: TT.MM.JJJJ (also T.M.JJJJ) or ISO 8601. Stored as ISO.

use chrono::NaiveDate;

use super::field::{Field, FieldError};

/// Parses a German or ISO date; `label` is the field as the user sees it, `field` its name.
pub fn parse(field: Field, label: &str, value: &str) -> Result<NaiveDate, FieldError> {
    let value = value.trim();
    let parsed = if value.contains('.') {
        NaiveDate::parse_from_str(value, "%d.%m.%Y")
            .ok()
            .filter(|_| has_four_digit_year(value))
    } else {
        NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
    };
    parsed.ok_or_else(|| {
        FieldError::new(
            field,
            format!("{label}: „{value}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ angeben."),
        )
    })
}

/// Like [`parse`], but an empty value is `None`.
pub fn parse_optional(
    field: Field,
    label: &str,
    value: &str,
) -> Result<Option<NaiveDate>, FieldError> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        parse(field, label, value).map(Some)
    }
}

/// A day as the store writes it, "2026-09-21" (ten characters, zero-padded), read without
/// chrono's format parser (the 10,000-row member list reads 20,000 of them); `None` for any
/// other text, a real day in another form included.
pub fn iso_day(text: &[u8]) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0_u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&[m0, m1])?, number(&[d0, d1])?)
}

/// Formats a date as TT.MM.JJJJ.
pub fn german(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// "21.09.2026" or "21.–22.09.2026" or "30.09.–01.10.2026": the days of a session.
pub fn german_range(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    if first == last {
        german(first)
    } else if first.year() == last.year() && first.month() == last.month() {
        format!("{:02}.–{}", first.day(), german(last))
    } else if first.year() == last.year() {
        format!("{:02}.{:02}.–{}", first.day(), first.month(), german(last))
    } else {
        format!("{} – {}", german(first), german(last))
    }
}

fn has_four_digit_year(value: &str) -> bool {
    value.rsplit('.').next().is_some_and(|year| year.len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_is_read_and_anything_else_left_to_chrono() {
        assert_eq!(iso_day(b"2026-09-21"), NaiveDate::from_ymd_opt(2026, 9, 21));
        assert_eq!(iso_day(b"0999-01-01"), NaiveDate::from_ymd_opt(999, 1, 1));
        assert_eq!(iso_day(b"2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for other in [
            &b"2026-02-29"[..], // no such day
            b"2026-13-01",
            b"2026-9-21",
            b"2026-09-21 ",
            b"2026/09/21",
            b"20a6-09-21",
            b"21.09.2026",
            b"",
        ] {
            assert_eq!(iso_day(other), None, "{}", String::from_utf8_lossy(other));
        }
    }

    #[test]
    fn parses_german_and_iso() {
        let expected = NaiveDate::from_ymd_opt(2025, 9, 21).expect("valid date");
        assert_eq!(
            parse(Field::Argument, "Datum", "21.09.2025").expect("german"),
            expected
        );
        assert_eq!(
            parse(Field::Argument, "Datum", "21.9.2025").expect("short german"),
            expected
        );
        assert_eq!(
            parse(Field::Argument, "Datum", "2025-09-21").expect("iso"),
            expected
        );
    }

    #[test]
    fn refuses_impossible_dates_with_the_label() {
        let err = parse(Field::StartDate, "Beginn", "31.02.2025").expect_err("no 31 February");
        assert!(
            err.message.starts_with("Beginn:"),
            "message names the field"
        );
        assert!(
            parse(Field::Argument, "Datum", "1.1.25").is_err(),
            "two-digit years are ambiguous"
        );
    }
}
