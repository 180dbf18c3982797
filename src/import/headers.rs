//! Recognising column headers: German and English names, as people write them ("E-Mail",
//! "Email-Adresse", "Straße", "Strasse", "PLZ", "Name, Vorname" …). Case, whitespace, punctuation
//! and umlauts are ignored.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    /// Anrede: Frau / Herr / divers (may carry a title: "Frau Dr.").
    Salutation,
    /// Titel.
    Title,
    /// Vorname.
    FirstName,
    /// Namenszusatz (von, van, de).
    NameParticle,
    /// Nachname (may carry the particle: "von Richter").
    LastName,
    /// One column "Nachname, Vorname" (also Zirkel's list form "Richter, Clara von, Dr.").
    LastFirstName,
    /// One column with the whole name: "Prof. Dr. Anna von Schmidt".
    FullName,
    /// Funktion.
    Function,
    /// Organisation / Kommune / Institution.
    Organisation,
    /// Art der Organisation (Stadt, Landkreis …); guessed from the name when missing.
    OrganisationKind,
    /// E-Mail.
    Email,
    /// Telefon.
    Phone,
    /// Mobil.
    Mobile,
    /// The person's own street.
    Street,
    /// The person's own postcode.
    PostalCode,
    /// The person's own city.
    City,
    /// Street of the organisation (used when it is created).
    OrganisationStreet,
    /// Postcode of the organisation.
    OrganisationPostalCode,
    /// City of the organisation.
    OrganisationCity,
    /// Bundesland of the organisation.
    State,
    /// Start of the mandate ("Mitglied seit").
    MemberSince,
    /// End of the mandate ("Mitglied bis").
    MemberUntil,
    /// Rolle.
    Role,
    /// Einwilligung (ja / nein, or the date it was given).
    Consent,
    /// Date of the consent.
    ConsentDate,
    /// Notizen.
    Notes,
}

impl ImportField {
    /// All fields in the order the mapping dialog offers them.
    pub const ALL: [ImportField; 26] = [
        Self::Salutation,
        Self::Title,
        Self::FirstName,
        Self::NameParticle,
        Self::LastName,
        Self::LastFirstName,
        Self::FullName,
        Self::Function,
        Self::Organisation,
        Self::OrganisationKind,
        Self::Email,
        Self::Phone,
        Self::Mobile,
        Self::Street,
        Self::PostalCode,
        Self::City,
        Self::OrganisationStreet,
        Self::OrganisationPostalCode,
        Self::OrganisationCity,
        Self::State,
        Self::MemberSince,
        Self::MemberUntil,
        Self::Role,
        Self::Consent,
        Self::ConsentDate,
        Self::Notes,
    ];

    /// German label for the mapping dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::Salutation => "Anrede",
            Self::Title => "Titel",
            Self::FirstName => "Vorname",
            Self::NameParticle => "Namenszusatz",
            Self::LastName => "Nachname",
            Self::LastFirstName => "Name, Vorname",
            Self::FullName => "Name (vollständig)",
            Self::Function => "Funktion",
            Self::Organisation => "Organisation",
            Self::OrganisationKind => "Art der Organisation",
            Self::Email => "E-Mail",
            Self::Phone => "Telefon",
            Self::Mobile => "Mobil",
            Self::Street => "Straße",
            Self::PostalCode => "PLZ",
            Self::City => "Ort",
            Self::OrganisationStreet => "Straße (Organisation)",
            Self::OrganisationPostalCode => "PLZ (Organisation)",
            Self::OrganisationCity => "Ort (Organisation)",
            Self::State => "Bundesland",
            Self::MemberSince => "Mitglied seit",
            Self::MemberUntil => "Mitglied bis",
            Self::Role => "Rolle",
            Self::Consent => "Einwilligung",
            Self::ConsentDate => "Einwilligung am",
            Self::Notes => "Notizen",
        }
    }

    /// True for the fields that can carry a person's name.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Self::FirstName | Self::LastName | Self::LastFirstName | Self::FullName
        )
    }
}

/// Lower case, umlauts spelled out (ä → ae, ß → ss), other letters without diacritics, and only
/// letters and digits kept: "E-Mail-Adresse" → "emailadresse", "Straße" → "strasse".
pub fn normalise(value: &str) -> String {
    let mut spelled = String::with_capacity(value.len());
    for c in value.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => spelled.push_str("ae"),
            'ö' => spelled.push_str("oe"),
            'ü' => spelled.push_str("ue"),
            'ß' => spelled.push_str("ss"),
            other => spelled.push(other),
        }
    }
    deunicode::deunicode(&spelled)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The field a header names, if any. A combined header ("Kommune/Institution", "Dienststelle /
/// Behörde") names a field when its parts agree; a city part beside an organisation part
/// ("Stadt/Gemeinde") names the organisation.
pub fn recognise(header: &str) -> Option<ImportField> {
    recognise_one(header).or_else(|| {
        let parts: Vec<Option<ImportField>> = header
            .split(['/', '|', '&', '+', ';'])
            .flat_map(|part| part.split(" und ").flat_map(|p| p.split(" oder ")))
            .filter(|part| !normalise(part).is_empty())
            .map(recognise_one)
            .collect();
        if parts.len() < 2 || parts.iter().any(Option::is_none) {
            return None;
        }
        let fields: Vec<ImportField> = parts.into_iter().flatten().collect();
        let first = *fields.first()?;
        if fields.iter().all(|f| *f == first) {
            Some(first)
        } else if fields
            .iter()
            .all(|f| matches!(f, ImportField::Organisation | ImportField::City))
        {
            Some(ImportField::Organisation)
        } else {
            None
        }
    })
}

fn recognise_one(header: &str) -> Option<ImportField> {
    use ImportField as F;
    let key = normalise(header);
    let key = key.as_str();
    let field = match key {
        "anrede" | "salutation" | "geschlecht" | "gender" | "sex" => F::Salutation,
        "titel" | "title" | "akademischertitel" | "akademischergrad" | "grad" | "academictitle"
        | "akadgrad" | "namenstitel" => F::Title,
        "vorname" | "vornamen" | "firstname" | "givenname" | "forename" | "first" => F::FirstName,
        "namenszusatz" | "namenspraefix" | "namensvorsatz" | "vorsatzwort" | "adelspraedikat"
        | "nameparticle" | "particle" | "prefix" | "zusatz" => F::NameParticle,
        "nachname" | "familienname" | "lastname" | "surname" | "familyname" | "zuname" | "last" => {
            F::LastName
        }
        "namevorname"
        | "nachnamevorname"
        | "lastnamefirstname"
        | "namefirstname"
        | "surnamefirstname"
        | "familiennamevorname" => F::LastFirstName,
        "name" | "vollername" | "vollstaendigername" | "fullname" | "person" | "kontakt"
        | "contact" | "teilnehmer" | "teilnehmerin" | "teilnehmende" | "mitglied" => F::FullName,
        "funktion"
        | "function"
        | "position"
        | "jobtitle"
        | "stelle"
        | "dienstbezeichnung"
        | "taetigkeit"
        | "berufsbezeichnung"
        | "amtsbezeichnung"
        | "funktionsbezeichnung"
        | "dienststellung"
        | "stellenbezeichnung" => F::Function,
        "organisation"
        | "organization"
        | "kommune"
        | "institution"
        | "einrichtung"
        | "behoerde"
        | "firma"
        | "company"
        | "mitgliedskommune"
        | "verwaltung"
        | "dienststelle"
        | "arbeitgeber"
        | "employer"
        | "org"
        | "gemeinde"
        | "landkreis"
        | "kreis"
        | "stadtlandkreis"
        | "stadtkreis"
        | "kreisstadt"
        | "gebietskoerperschaft"
        | "koerperschaft"
        | "mitgliedsorganisation"
        | "mitgliedsinstitution"
        | "traeger"
        | "amt"
        | "dezernat"
        | "ministerium"
        | "bundesbehoerde"
        | "verband"
        | "stiftung"
        | "kommuneinstitution"
        | "organisationinstitution"
        | "institutionorganisation" => F::Organisation,
        "artderorganisation" | "organisationsart" | "organisationstyp" | "organisationart"
        | "organisationkind" | "organisationtype" | "organizationtype" | "kindoforganisation"
        | "typ" | "art" => F::OrganisationKind,
        "email" | "emailadresse" | "mail" | "mailadresse" | "emailaddress" | "mailaddress"
        | "elektronischepost" | "emaildienstlich" | "dienstlicheemail" | "emailgeschaeftlich" => {
            F::Email
        }
        "telefon"
        | "tel"
        | "telefonnummer"
        | "phone"
        | "telephone"
        | "phonenumber"
        | "festnetz"
        | "telefondienstlich"
        | "telefongeschaeftlich"
        | "businessphone" => F::Phone,
        "mobil" | "mobiltelefon" | "handy" | "mobile" | "mobilnummer" | "handynummer"
        | "mobilephone" | "cell" | "cellphone" | "mobilfunk" => F::Mobile,
        "strasse"
        | "str"
        | "strassehausnummer"
        | "strasseundhausnummer"
        | "strassenr"
        | "anschrift"
        | "adresse"
        | "address"
        | "street"
        | "streetaddress" => F::Street,
        "plz" | "postleitzahl" | "postalcode" | "zip" | "zipcode" | "postcode" => F::PostalCode,
        "ort" | "wohnort" | "city" | "town" | "stadt" => F::City,
        "strasseorganisation"
        | "organisationstrasse"
        | "strassederorganisation"
        | "organisationsanschrift"
        | "organisationsadresse"
        | "organisationaddress" => F::OrganisationStreet,
        "plzorganisation" | "organisationplz" | "plzderorganisation" | "organisationpostalcode" => {
            F::OrganisationPostalCode
        }
        "ortorganisation" | "organisationort" | "ortderorganisation" | "organisationcity" => {
            F::OrganisationCity
        }
        "bundesland" | "land" | "state" | "federalstate" | "region" => F::State,
        "mitgliedseit" | "seit" | "since" | "membersince" | "beginn" | "start" | "startdate"
        | "mandatseit" | "eintritt" | "mandatsbeginn" | "von" | "from" => F::MemberSince,
        "mitgliedbis" | "bis" | "until" | "memberuntil" | "ende" | "end" | "enddate"
        | "mandatbis" | "austritt" | "mandatsende" | "to" => F::MemberUntil,
        "rolle" | "role" | "mandat" | "funktionimkreis" | "vertretung" => F::Role,
        "einwilligungam" | "einwilligungsdatum" | "einwilligungdatum" | "consentdate"
        | "datumeinwilligung" | "einwilligungvom" => F::ConsentDate,
        "notizen" | "notiz" | "bemerkung" | "bemerkungen" | "anmerkung" | "anmerkungen"
        | "notes" | "note" | "kommentar" | "comment" | "comments" | "hinweise" => F::Notes,
        _ if key.starts_with("einwilligung")
            || key.starts_with("consent")
            || key.starts_with("zustimmung")
            || key.starts_with("einverstaendnis") =>
        {
            if key.ends_with("am") || key.contains("datum") || key.ends_with("date") {
                F::ConsentDate
            } else {
                F::Consent
            }
        }
        _ => return None,
    };
    Some(field)
}

/// Maps a header row: each field goes to the first column that names it. A lone "Name" column next
/// to a "Vorname" column is the last name. A bare "Stadt" or "Ort" beside an organisation column
/// (and no column for the organisation's city) could be the person's city or the organisation's:
/// it is left unmapped, to be asked.
pub fn recognise_row(headers: &[String]) -> Vec<Option<ImportField>> {
    let mut fields: Vec<Option<ImportField>> = Vec::with_capacity(headers.len());
    for header in headers {
        let field = recognise(header).filter(|f| !fields.contains(&Some(*f)));
        fields.push(field);
    }
    let has = |fields: &[Option<ImportField>], f: ImportField| fields.contains(&Some(f));
    if has(&fields, ImportField::Organisation) && !has(&fields, ImportField::OrganisationCity) {
        for (field, header) in fields.iter_mut().zip(headers) {
            if is_ambiguous_city(header) {
                *field = None;
            }
        }
    }
    if has(&fields, ImportField::FirstName)
        && has(&fields, ImportField::FullName)
        && !has(&fields, ImportField::LastName)
    {
        for field in &mut fields {
            if *field == Some(ImportField::FullName) {
                *field = Some(ImportField::LastName);
            }
        }
    }
    fields
}

fn is_ambiguous_city(header: &str) -> bool {
    matches!(normalise(header).as_str(), "stadt" | "ort")
}

/// Why a column of a header row maps to no field, in German, for the preview.
pub fn unmapped_reason(headers: &[String], fields: &[Option<ImportField>], index: usize) -> String {
    let Some(header) = headers.get(index) else {
        return "nicht erkannt".to_owned();
    };
    if normalise(header).is_empty() {
        return "ohne Überschrift".to_owned();
    }
    match recognise(header) {
        Some(field) => match fields.iter().position(|f| *f == Some(field)) {
            Some(other) if other != index => format!(
                "„{}“ ist schon der Spalte „{}“ zugeordnet",
                field.label(),
                headers.get(other).map_or("", String::as_str)
            ),
            _ if is_ambiguous_city(header) => "mehrdeutig: Ort der Person oder Sitz der \
                 Organisation? Bitte zuordnen"
                .to_owned(),
            _ => "nicht erkannt".to_owned(),
        },
        None => "nicht erkannt".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_german_and_english_headers_loosely() {
        let cases = [
            ("Anrede", ImportField::Salutation),
            ("  VORNAME ", ImportField::FirstName),
            ("First name", ImportField::FirstName),
            ("Nachname", ImportField::LastName),
            ("Name, Vorname", ImportField::LastFirstName),
            ("Namenszusatz", ImportField::NameParticle),
            ("E-Mail", ImportField::Email),
            ("E-Mail-Adresse", ImportField::Email),
            ("Email", ImportField::Email),
            ("Straße", ImportField::Street),
            ("Strasse", ImportField::Street),
            ("PLZ", ImportField::PostalCode),
            ("Kommune", ImportField::Organisation),
            ("Institution", ImportField::Organisation),
            ("Mitglied seit", ImportField::MemberSince),
            ("Rolle", ImportField::Role),
            ("Einwilligung geteilte Listen", ImportField::Consent),
            ("Einwilligung am", ImportField::ConsentDate),
            ("Straße (Organisation)", ImportField::OrganisationStreet),
            ("Mobil", ImportField::Mobile),
            ("Bundesland", ImportField::State),
        ];
        for (header, expected) in cases {
            assert_eq!(recognise(header), Some(expected), "header „{header}“");
        }
        assert_eq!(recognise("Lieblingsfarbe"), None);
    }

    #[test]
    fn recognises_how_german_offices_name_the_organisation() {
        for header in [
            "Kommune/Institution",
            "Kommune / Institution",
            "Stadt/Landkreis",
            "Dienststelle/Behörde",
            "Behörde",
            "Dienststelle",
            "Institution",
            "Stadt / Gemeinde",
            "Gebietskörperschaft",
        ] {
            assert_eq!(
                recognise(header),
                Some(ImportField::Organisation),
                "header „{header}“"
            );
        }
        assert_eq!(recognise("Amtsbezeichnung"), Some(ImportField::Function));
        assert_eq!(recognise("E-Mail / Mail"), Some(ImportField::Email));
        assert_eq!(
            recognise("Vorname/Telefon"),
            None,
            "parts that disagree name nothing"
        );
    }

    #[test]
    fn a_bare_stadt_beside_kommune_is_asked_not_guessed() {
        let headers: Vec<String> = ["Nachname", "Vorname", "Kommune", "Stadt"]
            .map(str::to_owned)
            .to_vec();
        let fields = recognise_row(&headers);
        assert_eq!(fields[2], Some(ImportField::Organisation));
        assert_eq!(
            fields[3], None,
            "Stadt could be the person's or the organisation's city"
        );
        assert!(unmapped_reason(&headers, &fields, 3).starts_with("mehrdeutig"));
        let alone: Vec<String> = ["Name", "Stadt"].map(str::to_owned).to_vec();
        assert_eq!(recognise_row(&alone)[1], Some(ImportField::City));
    }

    #[test]
    fn every_export_label_is_recognised() {
        for column in crate::export::ExportColumn::ALL {
            assert!(
                recognise(column.label()).is_some(),
                "the import must read back the export's column „{}“",
                column.label()
            );
        }
    }

    #[test]
    fn name_beside_vorname_is_the_last_name() {
        let headers = ["Vorname".to_owned(), "Name".to_owned()];
        assert_eq!(
            recognise_row(&headers),
            vec![Some(ImportField::FirstName), Some(ImportField::LastName)]
        );
        let alone = ["Name".to_owned(), "E-Mail".to_owned(), "E-Mail".to_owned()];
        assert_eq!(
            recognise_row(&alone),
            vec![Some(ImportField::FullName), Some(ImportField::Email), None],
            "a field maps to its first column only"
        );
    }
}
