//! Integration tests: pdf.
