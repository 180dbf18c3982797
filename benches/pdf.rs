//! PDF generation speed (release build): the member list of 10,000 people, and minutes of about
//! 20 pages. Targets: under 0.1 s and under 20 ms; the member list file under 1 MB.

use criterion::{criterion_group, criterion_main, Criterion};
use zirkel::model::MemberStatus;
use zirkel::pdf::{self, Document, Grouping, MemberColumn, MemberListOptions};

#[path = "support/pdf_data.rs"]
mod pdf_data;

fn members_10k() -> Document {
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
    Document::Members(options)
}

fn benches(c: &mut Criterion) {
    let store = pdf_data::store_with_people(10_000 - 60);
    let now = pdf_data::stamp().at;
    let document = members_10k();
    let rendered = pdf::render(&store, &document, now).expect("member list");
    println!(
        "member list: {} pages, {} bytes ({:.2} MB)",
        rendered.pages,
        rendered.bytes.len(),
        rendered.bytes.len() as f64 / 1_048_576.0
    );
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("members_10000_rows", |b| {
        b.iter(|| pdf::render(&store, &document, now).expect("member list"))
    });

    let store = pdf_data::store_with_long_minutes(300);
    let minutes = Document::Minutes { session: 38 };
    let rendered = pdf::render(&store, &minutes, now).expect("minutes");
    println!(
        "minutes: {} pages, {} bytes",
        rendered.pages,
        rendered.bytes.len()
    );
    group.bench_function("minutes_20_pages", |b| {
        b.iter(|| pdf::render(&store, &minutes, now).expect("minutes"))
    });
    group.finish();
}

criterion_group!(pdf_benches, benches);
criterion_main!(pdf_benches);
