//! Imports of people and organisations from CSV and XLSX, with a preview and an all-or-nothing commit.
