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
    // ZIRKEL_STORE=PATH keeps the data in a store file there (made once; the CLI can then be
    // timed on the same data: `zirkel --db PATH pdf members --out FILE`).
    let store = match std::env::var_os("ZIRKEL_STORE") {
        Some(path) if std::path::Path::new(&path).exists() => zirkel::Store::open(&path)?,
        Some(path) => pdf_data::store_file_with_people(path.as_ref(), 10_000 - 60),
        None => pdf_data::store_with_people(10_000 - 60),
    };
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
    // ZIRKEL_REPEAT=N renders N times and reports the fastest (for profiling and steadier
    // figures on a busy machine).
    let repeat: usize = std::env::var("ZIRKEL_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut seconds = f64::MAX;
    let mut rendered = None;
    for _ in 0..repeat {
        let start = Instant::now();
        rendered = Some(pdf::render_to_file(
            &store,
            &document,
            pdf_data::stamp().at,
            out.as_ref(),
        )?);
        seconds = seconds.min(start.elapsed().as_secs_f64());
    }
    let rendered = rendered.ok_or("no run")?;
    println!(
        "zirkel_seconds={seconds:.3} pages={} bytes={}",
        rendered.pages,
        rendered.bytes.len()
    );
    Ok(())
}
