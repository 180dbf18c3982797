//! Reading the file: the bytes of a CSV (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
//! "Unicode-Text", or Windows-1252 as German Excel writes it; `;`, `,` or tab) or of an XLSX
//! workbook (calamine, first sheet) become rows of cells. Anything else gets a German error naming
//! what the file seems to be; nothing here may panic on hostile input.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use crate::error::{Error, Result};

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (CSV cells are always text).
    Text(String),
    /// A number from a spreadsheet.
    Number(f64),
    /// A real spreadsheet date.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text: numbers without a needless ".0", dates as TT.MM.JJJJ.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(date) => crate::model::date::german(*date),
        }
    }

    /// True when the cell holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }
}

/// An integer-valued number without decimals ("4971121680410", not "4971121680410.0").
pub fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// One row of the file with its number as the user sees it (first row = 1).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// Row number in the file.
    pub row: usize,
    /// Cells from the left.
    pub cells: Vec<Cell>,
}

/// The rows of a file and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// All rows, blank ones included (they are skipped later, but keep the numbering).
    pub rows: Vec<SourceRow>,
    /// "CSV, Windows-1252, Trennzeichen ;" — for the preview.
    pub description: String,
}

/// Most columns a header row may have; a longer "header" is not a member list.
pub const MAX_COLUMNS: usize = 500;

fn file_error(message: impl Into<String>) -> Error {
    Error::validation(crate::model::Field::File, message)
}

/// Reads a CSV or XLSX file.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Table> {
    let name = file_name.to_lowercase();
    let content = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        return Err(file_error(format!(
            "„{file_name}“ ist leer. Bitte eine Datei mit einer Kopfzeile und Datenzeilen wählen."
        )));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(file_name, bytes);
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(file_error(format!(
            "„{file_name}“ ist im alten Excel-Format (.xls). Bitte in Excel als „Excel-Arbeitsmappe \
             (.xlsx)“ oder „CSV UTF-8“ speichern und erneut importieren."
        )));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(file_error(format!(
            "„{file_name}“ ist ein PDF-Dokument, keine Tabelle. Bitte eine CSV- oder Excel-Datei \
             (.xlsx) wählen."
        )));
    }
    if name.ends_with(".xlsx") || name.ends_with(".xlsm") {
        return Err(file_error(format!(
            "„{file_name}“ ist keine gültige Excel-Arbeitsmappe (die Datei ist beschädigt oder \
             unvollständig). Bitte die Datei in Excel öffnen und neu speichern."
        )));
    }
    let (text, encoding) = decode(file_name, bytes)?;
    read_csv(&crate::model::text::nfc(&text), encoding)
}

/// Turns the bytes of a text file into text: BOMs decide, else valid UTF-8 is UTF-8 and anything
/// else is taken as Windows-1252 — unless it holds bytes that Windows-1252 does not use or control
/// characters, which text files never do.
pub fn decode(file_name: &str, bytes: &[u8]) -> Result<(String, &'static str)> {
    let unknown = || {
        file_error(format!(
            "„{file_name}“ ist keine Textdatei in einer bekannten Zeichenkodierung (erwartet: UTF-8 \
             oder Windows-1252) und keine Excel-Arbeitsmappe. Bitte in Excel als „CSV UTF-8 \
             (durch Trennzeichen getrennt)“ oder als .xlsx speichern."
        ))
    };
    if bytes.starts_with(b"\x00\x00\xfe\xff") || bytes.starts_with(b"\xff\xfe\x00\x00") {
        return Err(unknown());
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()) {
        match std::str::from_utf8(rest) {
            Ok(text) => (text.to_owned(), "UTF-8"),
            Err(_) => return Err(unknown()),
        }
    } else if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let encoding = if bytes.starts_with(b"\xff\xfe") {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            return Err(unknown());
        }
        (text.into_owned(), "UTF-16")
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), "UTF-8")
    } else {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D unused; encoding_rs maps them to C1
        // controls. A file containing them was written in some other encoding.
        if text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
            return Err(unknown());
        }
        (text.into_owned(), "Windows-1252")
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if text.contains('\0') || controls * 100 > text.chars().count().max(1) {
        return Err(unknown());
    }
    Ok((text, encoding))
}

/// The separator of a CSV: the most frequent of `;`, tab and `,` outside quotes in the first
/// line; `;` wins ties (German Excel's choice).
pub fn detect_separator(text: &str) -> char {
    let first_line = first_record_text(text);
    let mut counts = [(';', 0usize), ('\t', 0), (',', 0)];
    let mut in_quotes = false;
    for c in first_line.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            for (separator, count) in &mut counts {
                if c == *separator {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .fold((';', 0), |best, &(separator, count)| {
            if count > best.1 {
                (separator, count)
            } else {
                best
            }
        })
        .0
}

/// The first non-blank line (up to a line break outside quotes).
fn first_record_text(text: &str) -> &str {
    let text = text.trim_start_matches(['\r', '\n', '\u{feff}']);
    let mut in_quotes = false;
    for (index, c) in text.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => return text.get(..index).unwrap_or(text),
            _ => {}
        }
    }
    text
}

fn read_csv(text: &str, encoding: &str) -> Result<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = detect_separator(text);
    let rows = parse_csv(text, separator)?;
    let separator_name = match separator {
        '\t' => "Tabulator".to_owned(),
        other => other.to_string(),
    };
    Ok(Table {
        rows,
        description: format!("CSV, {encoding}, Trennzeichen {separator_name}"),
    })
}

/// Parses CSV text (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks;
/// CRLF, LF or CR end a row). Blank lines become rows without cells so numbering stays as in the
/// file. A cell that Zirkel's Excel export protected against formula execution (`'=…`, `'+…`)
/// gets its value back.
pub fn parse_csv(text: &str, separator: char) -> Result<Vec<SourceRow>> {
    let mut rows = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, was_quoted: &mut bool, cells: &mut Vec<Cell>| {
        let mut value = std::mem::take(field);
        if value.starts_with('\'')
            && crate::export::delimited::looks_like_formula(value.get(1..).unwrap_or(""))
        {
            value.remove(0);
        }
        cells.push(if value.is_empty() && !*was_quoted {
            Cell::Empty
        } else {
            Cell::Text(value)
        });
        *was_quoted = false;
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if cells.is_empty() && field.is_empty() && !was_quoted {
                    rows.push(SourceRow {
                        row: rows.len() + 1,
                        cells: Vec::new(),
                    });
                } else {
                    finish_field(&mut field, &mut was_quoted, &mut cells);
                    rows.push(SourceRow {
                        row: rows.len() + 1,
                        cells: std::mem::take(&mut cells),
                    });
                }
            }
            c if c == separator => finish_field(&mut field, &mut was_quoted, &mut cells),
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(file_error(format!(
            "Zeile {}: Ein Anführungszeichen (\") wird bis zum Ende der Datei nicht geschlossen. \
             Die Datei ist vermutlich beschädigt oder unvollständig.",
            rows.len() + 1
        )));
    }
    if !cells.is_empty() || !field.is_empty() || was_quoted {
        finish_field(&mut field, &mut was_quoted, &mut cells);
        rows.push(SourceRow {
            row: rows.len() + 1,
            cells,
        });
    }
    Ok(rows)
}

fn read_xlsx(file_name: &str, bytes: &[u8]) -> Result<Table> {
    let broken = || {
        file_error(format!(
            "„{file_name}“ konnte nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden: Die Datei \
             ist beschädigt, unvollständig oder in einem anderen Format. Bitte in Excel öffnen und \
             als .xlsx oder „CSV UTF-8“ neu speichern."
        ))
    };
    // calamine parses untrusted ZIP and XML; a panic in it must not take the app down.
    let range = std::panic::catch_unwind(|| {
        let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).ok()?;
        workbook.worksheet_range_at(0)?.ok()
    })
    .ok()
    .flatten()
    .ok_or_else(broken)?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(index, cells)| SourceRow {
            row: first_row + index + 1,
            cells: cells.iter().map(cell).collect(),
        })
        .collect();
    Ok(Table {
        rows,
        description: "Excel-Arbeitsmappe (erstes Tabellenblatt)".to_owned(),
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(text) => Cell::Text(crate::model::text::nfc(text)),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "ja" } else { "nein" }.to_owned()),
        Data::DateTime(value) if value.is_datetime() => {
            let (year, month, day, ..) = value.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
                .map_or(Cell::Number(value.as_f64()), Cell::Date)
        }
        Data::DateTime(value) => Cell::Number(value.as_f64()),
        Data::DateTimeIso(text) => text
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(text.clone()), Cell::Date),
        Data::DurationIso(text) => Cell::Text(text.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[SourceRow]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn parses_quoted_separators_quotes_and_line_breaks() {
        let text = "Name;Notiz\r\n\"Richter; Clara\";\"Sie sagte \"\"ja\"\"\r\nzweite Zeile\"\r\n";
        let rows = parse_csv(text, ';').expect("valid csv");
        assert_eq!(
            texts(&rows),
            vec![
                vec!["Name".to_owned(), "Notiz".to_owned()],
                vec![
                    "Richter; Clara".to_owned(),
                    "Sie sagte \"ja\"\r\nzweite Zeile".to_owned()
                ]
            ]
        );
    }

    #[test]
    fn blank_lines_keep_the_numbering_and_the_last_line_needs_no_break() {
        let rows = parse_csv("a;b\n\n1;2", ';').expect("valid csv");
        assert_eq!(rows.len(), 3);
        assert!(
            rows[1].cells.is_empty(),
            "a blank line is a row without cells"
        );
        assert_eq!(
            rows[2].row, 3,
            "row numbers count blank lines as Excel does"
        );
    }

    #[test]
    fn an_unclosed_quote_is_a_german_error() {
        let err = parse_csv("a;b\n\"offen;2\n", ';').expect_err("unterminated");
        assert!(err.user_message().contains("Anführungszeichen"), "{err}");
    }

    #[test]
    fn removes_the_formula_guard_of_the_excel_export() {
        let rows = parse_csv("'+49 711 1;'=1+1;'Apostroph", ';').expect("valid csv");
        assert_eq!(
            texts(&rows),
            vec![vec![
                "+49 711 1".to_owned(),
                "=1+1".to_owned(),
                "'Apostroph".to_owned()
            ]]
        );
    }

    #[test]
    fn detects_the_separator_outside_quotes() {
        assert_eq!(detect_separator("Vorname;Nachname;E-Mail"), ';');
        assert_eq!(detect_separator("Vorname,Nachname,E-Mail"), ',');
        assert_eq!(detect_separator("Vorname\tNachname\tE-Mail"), '\t');
        assert_eq!(
            detect_separator("\"Name, Vorname\";Organisation"),
            ';',
            "a comma inside quotes does not count"
        );
        assert_eq!(detect_separator("Name"), ';');
    }

    #[test]
    fn decodes_utf8_windows_1252_and_refuses_unknown_encodings() {
        let (text, encoding) = decode("a.csv", "Straße;Öl".as_bytes()).expect("utf-8");
        assert_eq!((text.as_str(), encoding), ("Straße;Öl", "UTF-8"));
        let (text, encoding) = decode("a.csv", b"Stra\xdfe;\xd6l").expect("cp1252");
        assert_eq!((text.as_str(), encoding), ("Straße;Öl", "Windows-1252"));
        let (text, _) = decode("a.csv", b"\xff\xfeA\x00;\x00B\x00").expect("utf-16");
        assert_eq!(text, "A;B");
        assert!(
            decode("a.csv", b"Name\x81\x8d\x90").is_err(),
            "bytes Windows-1252 never uses"
        );
        assert!(decode("a.csv", b"\x00\x01\x02\x03binary").is_err());
    }

    #[test]
    fn numbers_lose_no_digits_and_gain_no_decimals() {
        assert_eq!(number_text(70173.0), "70173");
        assert_eq!(number_text(1.5), "1.5");
    }
}
