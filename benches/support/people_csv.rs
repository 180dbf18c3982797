//! The member file of the import benchmarks, shared by `benches/exports.rs` and
//! `benches/import_cli.rs` through `#[path]`.

/// People in the file.
pub const PEOPLE: usize = 10_000;

/// A German-Excel CSV of 10,000 people in 250 organisations: one permanent seat per organisation,
/// everybody else a deputy or guest.
pub fn people_csv() -> Vec<u8> {
    let first = [
        "Anna",
        "Şükrü",
        "Łukasz",
        "Thị Lan",
        "Jürgen",
        "Clara",
        "Kim",
        "İlkay",
    ];
    let last = [
        "Schmidt",
        "Özdemir",
        "Wiśniewski",
        "Nguyễn",
        "Weiß",
        "Richter",
        "Meyer",
    ];
    let states = [
        "Bayern",
        "Sachsen",
        "Hessen",
        "Nordrhein-Westfalen",
        "Thüringen",
    ];
    let mut out = String::from(
        "\u{feff}Anrede;Titel;Vorname;Nachname;Organisation;Rolle;Funktion;E-Mail;Telefon;\
         Bundesland;Mitglied seit\r\n",
    );
    for i in 0..PEOPLE {
        let org = i % 250;
        let role = if i < 250 {
            "Ständige Vertretung"
        } else if i % 2 == 0 {
            "Stellvertretung"
        } else {
            "Gast"
        };
        out.push_str(&format!(
            "{};{};{};{} {i};Stadt Beispiel {org};{role};Referentin für Integration;\
             person{i}@stadt-{org}.de;0711 216-{:05};{};{:02}.{:02}.{}\r\n",
            if i % 3 == 0 { "Frau" } else { "Herr" },
            if i % 10 == 0 { "Dr." } else { "" },
            first[i % first.len()],
            last[i % last.len()],
            i,
            states[org % states.len()],
            1 + i % 28,
            1 + i % 12,
            2009 + i % 15,
        ));
    }
    out.into_bytes()
}
