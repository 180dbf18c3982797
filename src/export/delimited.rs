//! CSV text: RFC 4180 quoting, CRLF line ends, the German Excel dialect (`;`, BOM, formula guard)
//! and the plain UTF-8 dialect (`,`).

use super::{ExportColumn, Record};

/// The UTF-8 byte order mark: German Excel reads a CSV as UTF-8 only when it starts with it.
pub const BOM: &str = "\u{feff}";

/// How a CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// Field separator.
    pub separator: char,
    /// Start with a UTF-8 byte order mark.
    pub bom: bool,
    /// Prefix cells that Excel would run as a formula with `'`.
    pub guard_formulas: bool,
}

/// German Excel: `;`, BOM, formula guard.
pub const EXCEL: Dialect = Dialect {
    separator: ';',
    bom: true,
    guard_formulas: true,
};

/// Plain UTF-8 with `,`.
pub const PLAIN: Dialect = Dialect {
    separator: ',',
    bom: false,
    guard_formulas: false,
};

/// The members CSV for German Excel.
pub fn excel(records: &[Record<'_>], columns: &[ExportColumn]) -> Vec<u8> {
    table(records, columns, EXCEL)
}

/// The members CSV in plain UTF-8 with `,`.
pub fn plain(records: &[Record<'_>], columns: &[ExportColumn]) -> Vec<u8> {
    table(records, columns, PLAIN)
}

fn table(records: &[Record<'_>], columns: &[ExportColumn], dialect: Dialect) -> Vec<u8> {
    let mut out = Writer::new(dialect, records.len() * columns.len() * 12);
    out.row(columns.iter().map(|c| c.label()));
    for record in records {
        let values: Vec<String> = columns.iter().map(|c| record.value(*c).to_text()).collect();
        out.row(values.iter().map(String::as_str));
    }
    out.finish()
}

/// Builds CSV text row by row.
#[derive(Debug)]
pub struct Writer {
    dialect: Dialect,
    text: String,
}

impl Writer {
    /// A writer for `dialect`, with room for about `capacity` bytes.
    pub fn new(dialect: Dialect, capacity: usize) -> Writer {
        let mut text = String::with_capacity(capacity);
        if dialect.bom {
            text.push_str(BOM);
        }
        Writer { dialect, text }
    }

    /// Appends one row, ended with CRLF.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.text.push(self.dialect.separator);
            }
            push_field(&mut self.text, cell, self.dialect);
        }
        self.text.push_str("\r\n");
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

/// True when Excel would read the cell as a formula.
pub fn looks_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends one field, quoted (RFC 4180) when it holds the separator, a quote, a line break or
/// leading/trailing spaces that a reader might trim.
pub fn push_field(out: &mut String, value: &str, dialect: Dialect) {
    let guarded;
    let value = if dialect.guard_formulas && looks_like_formula(value) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    let needs_quotes = value
        .chars()
        .any(|c| c == dialect.separator || c == '"' || c == '\n' || c == '\r')
        || value.starts_with(' ')
        || value.ends_with(' ');
    if needs_quotes {
        out.push('"');
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(value: &str, dialect: Dialect) -> String {
        let mut out = String::new();
        push_field(&mut out, value, dialect);
        out
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(field("Stadt Herten", EXCEL), "Stadt Herten");
        assert_eq!(
            field("Richter; Clara", EXCEL),
            "\"Richter; Clara\"",
            "the separator must be quoted"
        );
        assert_eq!(
            field("Richter, Clara", EXCEL),
            "Richter, Clara",
            "a comma is plain text when ; separates"
        );
        assert_eq!(field("Richter, Clara", PLAIN), "\"Richter, Clara\"");
        assert_eq!(
            field("Sie sagte \"ja\"", EXCEL),
            "\"Sie sagte \"\"ja\"\"\"",
            "quotes are doubled inside quotes"
        );
        assert_eq!(field("Zeile 1\r\nZeile 2", EXCEL), "\"Zeile 1\r\nZeile 2\"");
    }

    #[test]
    fn guards_formulas_for_excel_only() {
        assert_eq!(
            field("=HYPERLINK(\"x\")", EXCEL),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(field("+49 711 216", EXCEL), "'+49 711 216");
        assert_eq!(field("+49 711 216", PLAIN), "+49 711 216");
        assert_eq!(field("0711 216-80410", EXCEL), "0711 216-80410");
    }

    #[test]
    fn rows_end_with_crlf_and_the_excel_file_starts_with_a_bom() {
        let mut writer = Writer::new(EXCEL, 0);
        writer.row(["Vorname", "Nachname"]);
        writer.row(["Şükrü", "Özdemir"]);
        let text = String::from_utf8(writer.finish()).expect("utf-8");
        assert_eq!(text, "\u{feff}Vorname;Nachname\r\nŞükrü;Özdemir\r\n");
    }
}
