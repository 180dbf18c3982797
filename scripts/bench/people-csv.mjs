// Writes the member file of the import benchmarks (benches/support/people_csv.rs, the same rows)
// for scripts/bench/feel.mjs: `node scripts/bench/people-csv.mjs OUT.csv`, then
// `zirkel --db STORE import members OUT.csv` gives a store with 10,000 people.

import { writeFileSync } from 'node:fs';

const PEOPLE = 10_000;
const FIRST = ['Anna', 'Şükrü', 'Łukasz', 'Thị Lan', 'Jürgen', 'Clara', 'Kim', 'İlkay'];
const LAST = ['Schmidt', 'Özdemir', 'Wiśniewski', 'Nguyễn', 'Weiß', 'Richter', 'Meyer'];
const STATES = ['Bayern', 'Sachsen', 'Hessen', 'Nordrhein-Westfalen', 'Thüringen'];
const pad = (n, width) => String(n).padStart(width, '0');

let out =
  '\ufeffAnrede;Titel;Vorname;Nachname;Organisation;Rolle;Funktion;E-Mail;Telefon;' +
  'Bundesland;Mitglied seit\r\n';
for (let i = 0; i < PEOPLE; i++) {
  const org = i % 250;
  const role = i < 250 ? 'Ständige Vertretung' : i % 2 === 0 ? 'Stellvertretung' : 'Gast';
  out +=
    `${i % 3 === 0 ? 'Frau' : 'Herr'};${i % 10 === 0 ? 'Dr.' : ''};${FIRST[i % FIRST.length]};` +
    `${LAST[i % LAST.length]} ${i};Stadt Beispiel ${org};${role};Referentin für Integration;` +
    `person${i}@stadt-${org}.de;0711 216-${pad(i, 5)};${STATES[org % STATES.length]};` +
    `${pad(1 + (i % 28), 2)}.${pad(1 + (i % 12), 2)}.${2009 + (i % 15)}\r\n`;
}
writeFileSync(process.argv[2] ?? 'mitglieder-10000.csv', out);
