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
