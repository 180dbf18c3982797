//! Exports of the members list: CSV for German Excel, plain CSV, XLSX, vCard, e-mail list, mail merge.
