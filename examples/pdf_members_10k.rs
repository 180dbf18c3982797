//! Writes the member list of 10,000 people as a PDF and prints how long the PDF took:
//! `cargo run --release --example pdf_members_10k -- OUT.pdf`. Used by
//! `scripts/bench-pdf-vs-chromium.sh`; the data match `benches/pdf.rs`.

use std::time::Instant;

use zirkel::model::MemberStatus;
use zirkel::pdf::{self, Document, Grouping, MemberColumn, MemberListOptions};

#[path = "../benches/support/pdf_data.rs"]
mod pdf_data;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "members-10k.pdf".to_owned());
    let store = pdf_data::store_with_people(10_000 - 60);
    let mut options = MemberListOptions {
        columns: vec![
            MemberColumn::Name,
            MemberColumn::Organisation,
            MemberColumn::Role,
            MemberColumn::Function,
            MemberColumn::Email,
            MemberColumn::Phone,
        ],
        consent_only: false,
        grouping: Grouping::Organisation,
        ..Default::default()
    };
    options.filter.status = MemberStatus::All;
    let document = Document::Members(options);
    let start = Instant::now();
    let rendered = pdf::render_to_file(&store, &document, pdf_data::stamp().at, out.as_ref())?;
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "zirkel_seconds={seconds:.3} pages={} bytes={}",
        rendered.pages,
        rendered.bytes.len()
    );
    Ok(())
}
