//! PDF handouts: a layout engine (`pdf/layout.rs`) that turns documents into positioned pages, and one writer (`pdf/writer.rs`) on printpdf.
