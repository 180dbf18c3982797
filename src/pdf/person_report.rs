//! The report of everything stored about a person (DSGVO Art. 15, "Auskunft"): their record,
//! where they appear, the audit entries of their record and how long backups keep copies.

use crate::error::Result;
use crate::model::date;
use crate::model::privacy::PersonReport;

use super::layout::{Block, Column, Document, Row, Span, Table, Width};
use super::Context;

fn table(headers: &[(&str, Width)], rows: Vec<Vec<String>>) -> Block {
    let columns = headers
        .iter()
        .map(|(header, width)| Column::new(*header, *width))
        .collect();
    Block::Table(Table::new(
        columns,
        rows.into_iter().map(Row::Cells).collect(),
    ))
}

fn or_dash(value: Option<&str>) -> String {
    value
        .filter(|v| !v.trim().is_empty())
        .unwrap_or("–")
        .to_owned()
}

/// "01.12.2026 17:59" from a stored ISO time.
fn german_time(iso: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S")
        .map(|t| format!("{} {}", date::german(t.date()), t.format("%H:%M")))
        .unwrap_or_else(|_| iso.to_owned())
}

pub(super) fn build(ctx: &mut Context<'_>, report: &PersonReport) -> Result<(Document, String)> {
    let p = &report.person;
    let name = ctx.clean("Name", &p.full_name());
    let mut doc = ctx.document("Auskunft über gespeicherte Daten");
    doc.push(Block::heading(1, "Auskunft über gespeicherte Daten"));
    doc.push(Block::text(format!(
        "nach Art. 15 DSGVO über {name}, erstellt am {} um {} Uhr. Jede Angabe nennt die Tabelle \
         und die Nummer des Datensatzes, aus dem sie stammt.",
        date::german(report.made_at.date()),
        report.made_at.format("%H:%M")
    )));
    if let Some(at) = &p.anonymised_at {
        doc.push(Block::spans(vec![Span::bold(format!(
            "Die personenbezogenen Daten dieser Person wurden am {} entfernt (anonymisiert).",
            german_time(at)
        ))]));
    }

    doc.push(Block::heading(2, "Stammdaten"));
    let consent = if p.consent_shared_lists {
        match p.consent_date {
            Some(on) => format!("ja, erteilt am {}", date::german(on)),
            None => "ja".to_owned(),
        }
    } else {
        "nein".to_owned()
    };
    let fields: Vec<(&str, String)> = vec![
        ("Anrede", or_dash(Some(p.salutation.label()))),
        ("Titel", or_dash(p.title.as_deref())),
        ("Vorname", or_dash(Some(&p.first_name))),
        ("Namenszusatz", or_dash(p.name_particle.as_deref())),
        ("Nachname", or_dash(Some(&p.last_name))),
        ("Funktion", or_dash(p.function.as_deref())),
        ("E-Mail", or_dash(p.email.as_deref())),
        ("Telefon", or_dash(p.phone.as_deref())),
        ("Mobil", or_dash(p.mobile.as_deref())),
        ("Straße", or_dash(p.street.as_deref())),
        ("PLZ und Ort", {
            let place = [p.postal_code.as_deref(), p.city.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            or_dash(Some(&place))
        }),
        ("Einwilligung in geteilte Listen", consent),
        ("Notizen", or_dash(p.notes.as_deref())),
        (
            "Status",
            if p.active { "aktiv" } else { "ehemalig" }.to_owned(),
        ),
        (
            "Angelegt",
            format!(
                "{} von {}",
                p.history.created_at.replace('T', " "),
                p.history.created_by
            ),
        ),
        (
            "Zuletzt geändert",
            format!(
                "{} von {}",
                p.history.updated_at.replace('T', " "),
                p.history.updated_by
            ),
        ),
    ];
    let rows = fields
        .into_iter()
        .map(|(label, value)| vec![label.to_owned(), ctx.clean(label, &value)])
        .collect();
    doc.push(table(
        &[("Angabe", Width::Fixed(55.0)), ("Wert", Width::Share(1.0))],
        rows,
    ));
    doc.push(Block::text(format!(
        "Datensatz: {} Nr. {}",
        report.row.table, report.row.id
    )));

    let source = |table: &str, id: i64| format!("{table} {id}");
    if !report.mandates.is_empty() {
        doc.push(Block::heading(2, "Mandate"));
        let rows = report
            .mandates
            .iter()
            .map(|m| {
                vec![
                    ctx.clean("Organisation", &m.organisation),
                    m.role.clone(),
                    date::german(m.start_date),
                    m.end_date
                        .map(date::german)
                        .unwrap_or_else(|| "offen".to_owned()),
                    ctx.clean("Mandat", &or_dash(m.notes.as_deref())),
                    source(&m.row.table, m.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Organisation", Width::Share(2.0)),
                ("Rolle", Width::Share(1.2)),
                ("von", Width::Fixed(20.0)),
                ("bis", Width::Fixed(20.0)),
                ("Notiz", Width::Share(1.2)),
                ("Datensatz", Width::Fixed(24.0)),
            ],
            rows,
        ));
    }
    if !report.attendance.is_empty() {
        doc.push(Block::heading(2, "Teilnahme an Sitzungen"));
        let rows = report
            .attendance
            .iter()
            .map(|a| {
                let mut status = a.status.clone();
                if let Some(whom) = &a.represented {
                    status = format!("Vertretung für {whom}");
                }
                if let Some(by) = &a.represented_by {
                    status.push_str(&format!(", vertreten durch {by}"));
                }
                let mut extra = Vec::new();
                if a.joins_visit {
                    extra.push("Besuch".to_owned());
                }
                if a.joins_dinner {
                    extra.push("Abendessen".to_owned());
                }
                if let Some(notes) = &a.notes {
                    extra.push(notes.clone());
                }
                vec![
                    format!("{}. Sitzung, {}", a.session, date::german(a.first_day)),
                    ctx.clean("Teilnahme", &status),
                    ctx.clean("Teilnahme", &or_dash(a.organisation.as_deref())),
                    ctx.clean("Teilnahme", &or_dash(Some(&extra.join("; ")))),
                    source(&a.row.table, a.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Sitzung", Width::Share(1.4)),
                ("Status", Width::Share(1.4)),
                ("für", Width::Share(1.6)),
                ("Anmeldungen, Notiz", Width::Share(1.4)),
                ("Datensatz", Width::Fixed(24.0)),
            ],
            rows,
        ));
    }
    if !report.speakers.is_empty() {
        doc.push(Block::heading(2, "Vorträge und Beiträge"));
        let rows = report
            .speakers
            .iter()
            .map(|s| {
                vec![
                    format!("{}. Sitzung, {}", s.session, date::german(s.day)),
                    ctx.clean("Tagesordnungspunkt", &s.item),
                    source(&s.row.table, s.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Sitzung", Width::Share(1.0)),
                ("Tagesordnungspunkt", Width::Share(2.5)),
                ("Datensatz", Width::Fixed(40.0)),
            ],
            rows,
        ));
    }
    if !report.minutes_recorded.is_empty() {
        doc.push(Block::heading(2, "Protokollführung"));
        let rows = report
            .minutes_recorded
            .iter()
            .map(|m| {
                vec![
                    format!("{}. Sitzung, Fassung {}", m.session, m.version),
                    m.status.clone(),
                    source(&m.row.table, m.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Protokoll", Width::Share(2.0)),
                ("Status", Width::Share(1.0)),
                ("Datensatz", Width::Fixed(24.0)),
            ],
            rows,
        ));
    }
    if !report.action_items.is_empty() {
        doc.push(Block::heading(2, "Aufgaben"));
        let rows = report
            .action_items
            .iter()
            .map(|a| {
                vec![
                    format!("{}. Sitzung", a.session),
                    ctx.clean("Aufgabe", &a.text),
                    a.due_date
                        .map(date::german)
                        .unwrap_or_else(|| "–".to_owned()),
                    a.status.clone(),
                    source(&a.row.table, a.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("aus", Width::Fixed(22.0)),
                ("Aufgabe", Width::Share(3.0)),
                ("fällig", Width::Fixed(20.0)),
                ("Status", Width::Fixed(18.0)),
                ("Datensatz", Width::Fixed(26.0)),
            ],
            rows,
        ));
    }
    if !report.practice_examples.is_empty() {
        doc.push(Block::heading(2, "Ansprechperson für Praxisbeispiele"));
        let rows = report
            .practice_examples
            .iter()
            .map(|e| {
                vec![
                    ctx.clean("Praxisbeispiel", &e.title),
                    e.status.clone(),
                    source(&e.row.table, e.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Praxisbeispiel", Width::Share(3.0)),
                ("Freigabe", Width::Share(1.2)),
                ("Datensatz", Width::Fixed(30.0)),
            ],
            rows,
        ));
    }
    doc.push(Block::heading(2, "Erwähnungen in Texten"));
    if report.mentions.is_empty() {
        doc.push(Block::text(
            "Kein anderer Text (Notizen, Protokolle, Aufgaben, Beschreibungen, Einstellungen) \
             nennt den Namen, die E-Mail-Adresse oder eine Telefonnummer dieser Person.",
        ));
    } else {
        doc.push(Block::text(
            "Texte, die den Namen, die E-Mail-Adresse oder eine Telefonnummer nennen. Auch der \
             Nachname allein zählt; bei häufigen Namen kann eine andere Person gemeint sein.",
        ));
        let rows = report
            .mentions
            .iter()
            .map(|m| {
                let mut place = m.place.clone();
                if m.record {
                    place.push_str(" (genehmigt)");
                }
                vec![
                    ctx.clean("Fundstelle", &place),
                    ctx.clean("Fundstelle", &m.excerpt),
                    format!("{} {}", m.row.table, m.row.id),
                ]
            })
            .collect();
        doc.push(table(
            &[
                ("Fundstelle", Width::Share(1.4)),
                ("Auszug", Width::Share(3.0)),
                ("Datensatz", Width::Fixed(34.0)),
            ],
            rows,
        ));
    }
    doc.push(Block::heading(2, "Änderungsprotokoll des Datensatzes"));
    doc.push(Block::text(
        "Das Änderungsprotokoll hält fest, wer wann welche Felder geändert hat, nie die Werte.",
    ));
    let rows = report
        .audit
        .iter()
        .map(|e| {
            vec![
                format!("{} {}", date::german(e.at.date()), e.at.format("%H:%M")),
                ctx.clean("Benutzer", &e.user),
                e.action.clone(),
                e.fields.join(", "),
            ]
        })
        .collect();
    doc.push(table(
        &[
            ("Zeitpunkt", Width::Fixed(30.0)),
            ("Benutzer", Width::Fixed(30.0)),
            ("Vorgang", Width::Fixed(26.0)),
            ("Felder", Width::Share(1.0)),
        ],
        rows,
    ));
    doc.push(Block::heading(2, "Sicherungen und Aufbewahrung"));
    doc.push(Block::text(report.retention.text.clone()));
    Ok((doc, format!("Auskunft nach Art. 15 DSGVO: {name}")))
}
