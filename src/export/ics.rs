//! A session as an iCalendar file (RFC 5545) for Outlook and other calendars: the meeting as an
//! all-day event over its days and each agenda item as a timed event in Europe/Berlin, with the
//! time zone's VTIMEZONE, the venue as LOCATION, METHOD:PUBLISH, UIDs that stay the same from
//! export to export, and a SEQUENCE that grows whenever the session or its agenda changed, so a
//! re-sent file updates the events instead of adding them again.

use chrono::{NaiveDateTime, NaiveTime};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike};

use crate::error::Result;
use crate::ops::sessions::SessionDetail;

/// Europe/Berlin as RFC 5545 wants it: CET in winter, CEST from the last Sunday of March to the
/// last Sunday of October (the EU rule since 1996). Written by hand: the writing crate has no
/// time zone component.
const VTIMEZONE_BERLIN: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

const TZID: &str = "Europe/Berlin";

/// The stable UID of the meeting.
pub fn session_uid(number: i64) -> String {
    format!("sitzung-{number}@zirkel.de.zirkel.desktop")
}

/// The stable UID of an agenda item.
pub fn item_uid(number: i64, item_id: i64) -> String {
    format!("sitzung-{number}-top-{item_id}@zirkel.de.zirkel.desktop")
}

/// The iCalendar text of a session with its timed agenda. `sequence` grows with every change
/// (the ops give the seconds since 2020 of the session's last change); `now` is DTSTAMP.
pub fn session(detail: &SessionDetail, group: &str, now: NaiveDateTime) -> Result<String> {
    let s = &detail.session;
    let sequence = sequence_of(&s.history.updated_at);
    let location = [s.venue.as_deref(), s.address.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let stamp = now.and_utc();
    let mut calendar = Calendar::new();
    calendar
        .name(&format!("{group}: {}", s.title))
        .append_property(("METHOD", "PUBLISH"))
        .timezone(TZID);
    let mut meeting = icalendar::Event::new();
    meeting
        .uid(&session_uid(s.number))
        .sequence(sequence)
        .timestamp(stamp)
        .summary(&s.title)
        .starts(s.first_day)
        .ends(s.last_day + chrono::Duration::days(1));
    if !location.is_empty() {
        meeting.location(&location);
    }
    if let Some(description) = &s.description {
        meeting.description(description);
    }
    calendar.push(meeting.done());
    for item in &detail.agenda {
        let at = |time: NaiveTime| CalendarDateTime::WithTimezone {
            date_time: item.day.and_time(time),
            tzid: TZID.to_owned(),
        };
        let summary = match item.number {
            Some(n) => format!("TOP {n}: {}", item.title),
            None => item.title.clone(),
        };
        let mut event = icalendar::Event::new();
        event
            .uid(&item_uid(s.number, item.id))
            .sequence(sequence)
            .timestamp(stamp)
            .summary(&summary)
            .starts(at(item.slot.start))
            .ends(at(item.slot.end));
        match item.item.place.as_deref() {
            Some(place) => event.location(place),
            None if !location.is_empty() => event.location(&location),
            None => &mut event,
        };
        if let Some(description) = &item.item.description {
            event.description(description);
        }
        calendar.push(event.done());
    }
    // The time zone goes in as written: before the first event, as RFC 5545 wants it.
    let text = calendar.done().to_string();
    Ok(match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{VTIMEZONE_BERLIN}{}", &text[..at], &text[at..]),
        None => text,
    })
}

/// Seconds from 2020-01-01 to the last change: grows with every change, fits SEQUENCE's range.
fn sequence_of(updated_at: &str) -> u32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    NaiveDateTime::parse_from_str(updated_at, "%Y-%m-%dT%H:%M:%S")
        .ok()
        .map(|at| (at - epoch).num_seconds().max(0))
        .and_then(|s| u32::try_from(s).ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sequence_grows_with_the_last_change() {
        assert!(
            super::sequence_of("2026-09-21T10:00:01") > super::sequence_of("2026-09-21T10:00:00")
        );
        assert_eq!(super::sequence_of("kaputt"), 0);
    }
}
