//! `sendAt` and the other date-times as Infobip reads them.
//!
//! The documented form is `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`2022-07-18T14:27:00.000+0000`), but the
//! callers Infobip itself publishes send others: its scheduling guide reschedules with
//! `"sendAt": "2022-08-25T16:00:00"` and shows the answer `2022-08-25T16:00:00.000+0000`; its
//! older Python client sends `datetime.utcnow().isoformat()` (microseconds, no offset); its
//! Python SDK sends `…T16:00:00.000Z`. A date-time without an offset is read as UTC.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::providers::infobip::wire::parse_send_at;

pub fn read_send_at(raw: &str) -> Option<DateTime<Utc>> {
    if let Some(at) = parse_send_at(raw) {
        return Some(at.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .into_iter()
        .find_map(|form| NaiveDateTime::parse_from_str(raw, form).ok())
        .map(|naive| naive.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn reads_the_forms_infobips_own_callers_send() {
        let at = Utc.with_ymd_and_hms(2022, 8, 25, 16, 0, 0).unwrap();
        for raw in [
            "2022-08-25T16:00:00.000+0000",
            "2022-08-25T18:00:00.000+02:00",
            "2022-08-25T16:00:00.000Z",
            "2022-08-25T16:00:00",
            "2022-08-25T16:00:00.000000",
            "2022-08-25T16:00",
        ] {
            assert_eq!(read_send_at(raw), Some(at), "{raw}");
        }
        assert_eq!(read_send_at("tomorrow"), None);
        assert_eq!(read_send_at("2022-08-25"), None);
    }
}
