//! The overview (Übersicht): where the group stands at a glance.

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::overview::Overview;
use crate::store::Reader;

/// How many recent changes the overview lists.
const RECENT: usize = 10;

/// The overview as of `today`.
pub fn get(r: Reader<'_>, today: NaiveDate) -> Result<Overview> {
    let data = r.overview();
    let (map, without_coordinates) = data.map(today)?;
    Ok(Overview {
        next_session: data.next_session(today)?,
        actions: data.actions(today)?,
        recent: data.recent(RECENT)?,
        map,
        without_coordinates,
        attendance: data.attendance(today)?,
    })
}
