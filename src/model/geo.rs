//! The shipped table of German municipalities and districts with the centroid of their area
//! (`assets/geo/gemeinden.tsv`, from the BKG's VG250 © GeoBasis-DE / BKG), and the lookup that
//! fills in an organisation's coordinates from its town or name.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::fold;

const TABLE: &str = include_str!("../../assets/geo/gemeinden.tsv");

/// Coordinates found in the table, with the name they were found under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CoordinatesLookup {
    /// Latitude (WGS84).
    pub latitude: f64,
    /// Longitude (WGS84).
    pub longitude: f64,
    /// "Stadt Jena (Thüringen)".
    pub name: String,
}

#[derive(Debug)]
struct Place {
    district: bool,
    designation: &'static str,
    name: &'static str,
    folded: String,
    state: &'static str,
    latitude: f64,
    longitude: f64,
}

fn places() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("ags\t"))
            .filter_map(|line| {
                let mut f = line.split('\t');
                let _ags = f.next()?;
                let level = f.next()?;
                let designation = f.next()?;
                let name = f.next()?;
                let state = f.next()?;
                let latitude = f.next()?.parse().ok()?;
                let longitude = f.next()?.parse().ok()?;
                Some(Place {
                    district: level == "kreis",
                    designation,
                    name,
                    folded: fold(name),
                    state,
                    latitude,
                    longitude,
                })
            })
            .collect()
    })
}

/// Prefixes of organisation names that are not part of the place's name.
const PREFIXES: [&str; 9] = [
    "landeshauptstadt ",
    "bundesstadt ",
    "hansestadt ",
    "universitatsstadt ",
    "stadt ",
    "landkreis ",
    "kreis ",
    "gemeinde ",
    "markt ",
];

/// Finds the coordinates of a town or district by name ("Jena", "Stadt Herten", "Landkreis
/// Marburg-Biedenkopf", "Halle" for "Halle (Saale)"), preferring `state` when several places
/// share the name, a municipality over a district unless the name says "Kreis", and a town
/// ("Stadt") over a village.
pub fn lookup(name: &str, state: Option<&str>) -> Option<CoordinatesLookup> {
    let mut wanted = fold(name.trim());
    let wants_district = wanted.contains("kreis ") && !wanted.starts_with("kreisfreie");
    for prefix in PREFIXES {
        if let Some(rest) = wanted.strip_prefix(prefix) {
            wanted = rest.to_owned();
            break;
        }
    }
    if wanted.is_empty() {
        return None;
    }
    let qualified = |p: &Place| {
        p.folded.strip_prefix(wanted.as_str()).is_some_and(|rest| {
            rest.starts_with(" (") || rest.starts_with(" a") || rest.starts_with(" i")
        })
    };
    let best = places()
        .iter()
        .filter(|p| p.folded == wanted || qualified(p))
        .min_by_key(|p| {
            (
                state.is_some_and(|s| s != p.state),
                p.district != wants_district,
                p.folded != wanted,
                !p.designation.contains("Stadt"),
            )
        })?;
    Some(CoordinatesLookup {
        latitude: best.latitude,
        longitude: best.longitude,
        name: format!("{} {} ({})", best.designation, best.name, best.state),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(found: Option<CoordinatesLookup>, lat: f64, lon: f64) -> String {
        let found = found.expect("a place");
        assert!(
            (found.latitude - lat).abs() < 0.1 && (found.longitude - lon).abs() < 0.1,
            "{found:?} should be near {lat}, {lon}"
        );
        found.name
    }

    #[test]
    fn towns_are_found_by_their_name_or_the_organisation_name() {
        assert_eq!(
            near(lookup("Jena", None), 50.93, 11.59),
            "Stadt Jena (Thüringen)"
        );
        near(lookup("Landeshauptstadt Stuttgart", None), 48.78, 9.18);
        near(lookup("München", Some("Bayern")), 48.14, 11.58);
        near(
            lookup("Muenchen", None).or(lookup("München", None)),
            48.14,
            11.58,
        );
        near(lookup("Stadt Herten", None), 51.6, 7.13);
        assert!(
            near(lookup("Halle", Some("Sachsen-Anhalt")), 51.48, 11.97).contains("Halle (Saale)"),
            "a town's qualified name is found by its short name"
        );
    }

    #[test]
    fn a_district_is_found_when_the_name_says_so() {
        let name = near(lookup("Landkreis Marburg-Biedenkopf", None), 50.84, 8.74);
        assert!(name.starts_with("Landkreis"), "{name}");
    }

    #[test]
    fn the_state_decides_between_towns_of_one_name() {
        let hessen = lookup("Neustadt", Some("Hessen"));
        let sachsen = lookup("Neustadt", Some("Sachsen"));
        assert_ne!(hessen, sachsen);
        assert!(lookup("Atlantis", None).is_none());
    }
}
