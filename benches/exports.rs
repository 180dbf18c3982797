//! Member lists out and in at 10,000 people (release build). Targets: the import of 10,000 people
//! from CSV, preview included, under 1 s; the export to CSV and to XLSX under 0.5 s each.
//! The members list itself is measured too, as every export starts from it.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use zirkel::export::{self, ExportFormat, ExportOptions};
use zirkel::import;
use zirkel::model::{MemberFilter, MemberStatus, Stamp};
use zirkel::{ops, Store};

#[path = "support/people_csv.rs"]
mod people_csv;

use people_csv::{people_csv, PEOPLE};

fn stamp() -> Stamp {
    Stamp {
        user: "bench".into(),
        at: "2026-11-25T10:00:00".parse().expect("time"),
    }
}

fn benches(c: &mut Criterion) {
    let csv = people_csv();
    let mut store = Store::open_in_memory().expect("store");
    let summary =
        import::commit(&mut store, &stamp(), "bench.csv", &csv, None, &[], None).expect("import");
    assert_eq!(summary.created, PEOPLE);
    let options = ExportOptions {
        filter: MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        ..Default::default()
    };
    let today = stamp().today();
    let list = ops::members::list(store.read(), &options.filter, today).expect("list");
    assert_eq!(list.rows.len(), PEOPLE);
    for format in [ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Vcf] {
        let bytes = export::members(&store, format, &options, today).expect("export");
        println!("{format:?}: {} bytes", bytes.len());
    }

    let mut group = c.benchmark_group("exports");
    group.sample_size(10);
    group.bench_function("members_list_10000", |b| {
        b.iter(|| ops::members::list(store.read(), &options.filter, today).expect("list"))
    });
    group.bench_function("export_csv_10000", |b| {
        b.iter(|| export::members(&store, ExportFormat::Csv, &options, today).expect("csv"))
    });
    group.bench_function("export_xlsx_10000", |b| {
        b.iter(|| export::members(&store, ExportFormat::Xlsx, &options, today).expect("xlsx"))
    });
    group.bench_function("export_vcf_10000", |b| {
        b.iter(|| export::members(&store, ExportFormat::Vcf, &options, today).expect("vcf"))
    });
    group.bench_function("import_preview_csv_10000", |b| {
        let empty = Store::open_in_memory().expect("store");
        b.iter(|| import::preview(&empty, "bench.csv", &csv, None, today).expect("preview"))
    });
    group.bench_function("import_commit_csv_10000", |b| {
        b.iter_batched(
            || Store::open_in_memory().expect("store"),
            |mut empty| {
                import::commit(&mut empty, &stamp(), "bench.csv", &csv, None, &[], None)
                    .expect("import")
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(exports, benches);
criterion_main!(exports);
