//! The audit trail over the store: lines appended as actions end, read by filter.

use app::models::{
    AppError, AuditEntry, AuditFilter, AuditOutcome, AuditPage, Field, FieldError, Problem,
};
use app::services::{AuditRecord, AuditTrail};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::recipient_export::{csv_failed, inert};
use super::store_errors::read_failed;
use crate::clock::SharedClock;
use crate::domain::send_time::parse_zone;
use crate::storage::{AuditQuery, Store};

/// Lines a page shows.
pub const AUDIT_PAGE: u64 = 100;

const HEADER: [&str; 11] = [
    "at",
    "actor",
    "role",
    "action",
    "outcome",
    "refused_right",
    "campaign_id",
    "phone",
    "count",
    "detail",
    "address",
];

pub struct AuditLog {
    store: Store,
    clock: SharedClock,
}

impl AuditLog {
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self { store, clock }
    }
}

#[async_trait]
impl AuditTrail for AuditLog {
    async fn record(&self, record: AuditRecord) {
        if let Err(error) = self
            .store
            .append_audit_event(&record, self.clock.now())
            .await
        {
            tracing::error!(
                %error,
                actor = %record.actor.name,
                action = record.action.as_str(),
                "an action could not be written to the audit trail"
            );
        }
    }

    async fn entries(&self, filter: AuditFilter, offset: u64) -> Result<AuditPage, AppError> {
        let query = query_of(&filter)?;
        let mut entries = self
            .store
            .audit_events(&query, offset, Some(AUDIT_PAGE + 1))
            .await
            .map_err(read_failed)?;
        let has_more = entries.len() as u64 > AUDIT_PAGE;
        entries.truncate(AUDIT_PAGE as usize);
        Ok(AuditPage {
            entries,
            offset,
            has_more,
        })
    }

    async fn csv(&self, filter: AuditFilter) -> Result<String, AppError> {
        let query = query_of(&filter)?;
        let entries = self
            .store
            .audit_events(&query, 0, None)
            .await
            .map_err(read_failed)?;
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(HEADER).map_err(csv_failed)?;
        for entry in &entries {
            out.write_record(row(entry)).map_err(csv_failed)?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| csv_failed(e.into_error().into()))?;
        String::from_utf8(bytes).map_err(|_| AppError::Internal("the export is not UTF-8".into()))
    }
}

fn row(entry: &AuditEntry) -> [String; 11] {
    let refused_right = match entry.outcome {
        AuditOutcome::Done | AuditOutcome::ProviderRefused => String::new(),
        AuditOutcome::Refused(right) => right.as_str().to_owned(),
    };
    let subject = &entry.subject;
    [
        entry.at.clone(),
        entry.actor.clone(),
        entry.role.as_str().to_owned(),
        entry.action.as_str().to_owned(),
        entry.outcome.as_str().to_owned(),
        refused_right,
        subject.campaign_id.clone().unwrap_or_default(),
        subject.phone.clone().unwrap_or_default(),
        subject.count.map(|c| c.to_string()).unwrap_or_default(),
        subject.detail.clone().unwrap_or_default(),
        entry.address.clone().unwrap_or_default(),
    ]
    .map(inert)
}

/// The filter as the store reads it: blank fields are no filter; a period's days are whole days
/// in the filter's zone (UTC when none is given), `until` included.
fn query_of(filter: &AuditFilter) -> Result<AuditQuery, AppError> {
    let given = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    let mut errors = Vec::new();
    let zone = match given(&filter.time_zone) {
        None => Tz::UTC,
        Some(name) => parse_zone(&name).unwrap_or_else(|unknown| {
            errors.push(FieldError::new(Field::TimeZone, unknown));
            Tz::UTC
        }),
    };
    let mut day = |text: &str, field: Field| -> Option<NaiveDate> {
        let text = given(text)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|_| errors.push(FieldError::new(field, Problem::NotADay(text))))
            .ok()
    };
    let from = day(&filter.from, Field::AuditFrom);
    let until = day(&filter.until, Field::AuditUntil);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(AuditQuery {
        actor: given(&filter.actor),
        action: filter.action,
        // Ids are stored in lower case; PostgreSQL's LIKE minds the case.
        campaign_prefix: given(&filter.campaign_id).map(|id| id.to_lowercase()),
        from: from.map(|day| day_starts(day, zone)),
        before: until
            .and_then(|day| day.succ_opt())
            .map(|next| day_starts(next, zone)),
    })
}

/// When `day` starts in `zone`: at midnight, or when a clock change skips midnight, the first
/// instant of the day there.
fn day_starts(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    (0..24)
        .filter_map(|hour| day.and_hms_opt(hour, 0, 0))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map_or_else(
            || day.and_time(NaiveTime::MIN).and_utc(),
            |at| at.with_timezone(&Utc),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_is_filtered_by_its_id_in_lower_case_as_stored() {
        let query = query_of(&AuditFilter {
            campaign_id: " 5E3A8F0C ".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(query.campaign_prefix.as_deref(), Some("5e3a8f0c"));
    }

    #[test]
    fn blank_fields_filter_nothing_and_days_are_whole_utc_days() {
        let query = query_of(&AuditFilter {
            actor: "  ".into(),
            from: "2026-12-01".into(),
            until: "2026-12-02".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(query.actor, None);
        assert_eq!(
            query.from.unwrap().to_rfc3339(),
            "2026-12-01T00:00:00+00:00"
        );
        assert_eq!(
            query.before.unwrap().to_rfc3339(),
            "2026-12-03T00:00:00+00:00"
        );
    }

    #[test]
    fn days_are_read_in_the_browsers_zone() {
        let query = query_of(&AuditFilter {
            from: "2026-12-01".into(),
            until: "2026-12-01".into(),
            time_zone: "Pacific/Auckland".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            query.from.unwrap().to_rfc3339(),
            "2026-11-30T11:00:00+00:00"
        );
        assert_eq!(
            query.before.unwrap().to_rfc3339(),
            "2026-12-01T11:00:00+00:00"
        );
        // Santiago skips from midnight to 01:00 on 2026-09-06: the day starts at 01:00.
        let skipped = day_starts(
            NaiveDate::from_ymd_opt(2026, 9, 6).unwrap(),
            "America/Santiago".parse().unwrap(),
        );
        assert_eq!(skipped.to_rfc3339(), "2026-09-06T04:00:00+00:00");
        let unknown = query_of(&AuditFilter {
            time_zone: "Mars/Olympus".into(),
            ..Default::default()
        });
        assert!(
            matches!(unknown, Err(AppError::Invalid(errors)) if errors[0].field == Field::TimeZone)
        );
    }

    #[test]
    fn a_day_that_is_not_one_is_named_with_its_field() {
        let refused = query_of(&AuditFilter {
            from: "2026-02-30".into(),
            until: "yesterday".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            refused,
            AppError::Invalid(vec![
                FieldError::new(Field::AuditFrom, Problem::NotADay("2026-02-30".into())),
                FieldError::new(Field::AuditUntil, Problem::NotADay("yesterday".into())),
            ])
        );
    }
}
