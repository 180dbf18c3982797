//! The members list as an Excel workbook (rust_xlsxwriter only here): one sheet "Mitglieder" with
//! a bold, frozen header row and an autofilter, column widths from the content, dates as real
//! Excel dates shown as TT.MM.JJJJ, and everything else, phone numbers and postcodes included, as
//! text so leading zeros survive.

use std::path::PathBuf;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{ExportColumn, Record, Value};
use crate::error::{Error, Result};

/// Name of the sheet.
pub const SHEET_NAME: &str = "Mitglieder";

/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The workbook as bytes.
pub fn workbook(records: &[Record<'_>], columns: &[ExportColumn]) -> Result<Vec<u8>> {
    build(records, columns).map_err(|e| Error::Io {
        path: PathBuf::from(format!("{SHEET_NAME}.xlsx")),
        source: std::io::Error::other(e),
    })
}

fn build(records: &[Record<'_>], columns: &[ExportColumn]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let mut widths: Vec<usize> = columns.iter().map(|c| c.label().chars().count()).collect();
    for (index, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col(index), column.label(), &bold)?;
    }
    for (row_index, record) in records.iter().enumerate() {
        let row = u32::try_from(row_index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (index, column) in columns.iter().enumerate() {
            let width = match record.value(*column) {
                Value::Text(text) => {
                    let text: String = text.chars().take(MAX_CELL_CHARS).collect();
                    let width = text.chars().count();
                    sheet.write_string(row, col(index), text)?;
                    width
                }
                Value::Date(day) => {
                    let cell = excel_date(day)?;
                    sheet.write_datetime_with_format(row, col(index), &cell, &date)?;
                    10
                }
                Value::Empty => 0,
            };
            if let Some(max) = widths.get_mut(index) {
                *max = (*max).max(width);
            }
        }
    }
    finish(sheet, records.len(), &widths)?;
    workbook.save_to_buffer()
}

/// The header row's filter, the frozen header and the column widths.
fn finish(
    sheet: &mut rust_xlsxwriter::Worksheet,
    rows: usize,
    widths: &[usize],
) -> Result<(), XlsxError> {
    let last_row = u32::try_from(rows).map_err(|_| XlsxError::RowColumnLimitError)?;
    if !widths.is_empty() {
        sheet.autofilter(0, 0, last_row, col(widths.len() - 1))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (index, width) in widths.iter().enumerate() {
        // Room for the filter button; very long texts (notes) are capped and wrap on demand.
        let width = u32::try_from((*width).clamp(6, 60) + 3).unwrap_or(60);
        sheet.set_column_width(col(index), width)?;
    }
    Ok(())
}

/// A sheet of text cells under a bold header, laid out like the member list (e.g. a session's
/// attendance list).
pub fn table(sheet_name: &str, header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name)?;
        let bold = Format::new().set_bold();
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for (index, label) in header.iter().enumerate() {
            sheet.write_string_with_format(0, col(index), label, &bold)?;
        }
        for (row_index, row) in rows.iter().enumerate() {
            let at = u32::try_from(row_index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (index, text) in row.iter().enumerate() {
                let text: String = text.chars().take(MAX_CELL_CHARS).collect();
                if let Some(max) = widths.get_mut(index) {
                    *max = (*max).max(text.chars().count());
                }
                if !text.is_empty() {
                    sheet.write_string(at, col(index), text)?;
                }
            }
        }
        finish(sheet, rows.len(), &widths)?;
        workbook.save_to_buffer()
    };
    build().map_err(|e| Error::Io {
        path: PathBuf::from(format!("{sheet_name}.xlsx")),
        source: std::io::Error::other(e),
    })
}

fn excel_date(day: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year =
        u16::try_from(day.year()).map_err(|_| XlsxError::DateTimeRangeError(day.to_string()))?;
    let month =
        u8::try_from(day.month()).map_err(|_| XlsxError::DateTimeRangeError(day.to_string()))?;
    let dom =
        u8::try_from(day.day()).map_err(|_| XlsxError::DateTimeRangeError(day.to_string()))?;
    ExcelDateTime::from_ymd(year, month, dom)
}

/// Column index for rust_xlsxwriter; there are far fewer columns than `u16::MAX`.
fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}
