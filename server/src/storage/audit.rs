//! The audit trail's lines: appended, read a page at a time or whole for an export.

use app::models::{AuditAction, AuditEntry, AuditOutcome, AuditSubject, Right, Role};
use app::services::AuditRecord;
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::stored::stored;
use super::{Store, StoreError};

/// Which lines to read; bounds are instants as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    /// Lines whose campaign id begins with this (the page shows ids by their first characters).
    pub campaign_prefix: Option<String>,
    /// At or after.
    pub from: Option<DateTime<Utc>>,
    /// Strictly before.
    pub before: Option<DateTime<Utc>>,
}

/// Instants of the trail: to the microsecond, so that lines of one second keep their order.
fn audit_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl AuditQuery {
    /// The `WHERE` clause and its values, in placeholder order.
    fn condition(&self) -> (String, Vec<String>) {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        // `clause` with `?` where its value goes.
        let mut add = |clause: &str, value: String| {
            values.push(value);
            clauses.push(clause.replace('?', &format!("${}", values.len())));
        };
        if let Some(actor) = &self.actor {
            add("actor = ?", actor.clone());
        }
        if let Some(action) = self.action {
            add("action = ?", action.as_str().to_owned());
        }
        if let Some(prefix) = &self.campaign_prefix {
            let escaped = prefix
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            add("campaign_id LIKE ? ESCAPE '\\'", format!("{escaped}%"));
        }
        if let Some(from) = self.from {
            add("at >= ?", audit_instant(from));
        }
        if let Some(before) = self.before {
            add("at < ?", audit_instant(before));
        }
        let condition = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        (condition, values)
    }
}

impl Store {
    pub async fn append_audit_event(
        &self,
        record: &AuditRecord,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let refused_right = match record.outcome {
            AuditOutcome::Done | AuditOutcome::ProviderRefused => None,
            AuditOutcome::Refused(right) => Some(right.as_str()),
        };
        let subject = &record.subject;
        sqlx::query(
            "INSERT INTO audit_events (id, at, actor, role, action, outcome, refused_right, \
             campaign_id, phone, count, detail, address) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(audit_instant(at))
        .bind(&record.actor.name)
        .bind(record.actor.role.as_str())
        .bind(record.action.as_str())
        .bind(record.outcome.as_str())
        .bind(refused_right)
        .bind(subject.campaign_id.as_deref())
        .bind(subject.phone.as_deref())
        .bind(
            subject
                .count
                .map(|count| i64::try_from(count).unwrap_or(i64::MAX)),
        )
        .bind(subject.detail.as_deref())
        .bind(record.actor.address.as_deref())
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// Lines `query` names, newest first: `limit` of them from `offset` (all when `None`).
    pub async fn audit_events(
        &self,
        query: &AuditQuery,
        offset: u64,
        limit: Option<u64>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let (condition, values) = query.condition();
        let page = match limit {
            Some(limit) => format!(" LIMIT {limit} OFFSET {offset}"),
            None => String::new(),
        };
        let sql = format!(
            "SELECT at, actor, role, action, outcome, refused_right, campaign_id, phone, count, \
             detail, address FROM audit_events {condition} ORDER BY at DESC, id DESC{page}"
        );
        let mut statement = sqlx::query(&sql);
        for value in values {
            statement = statement.bind(value);
        }
        let rows = statement.fetch_all(self.pool()).await?;
        rows.iter()
            .map(audit_entry)
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

fn audit_entry(row: &AnyRow) -> Result<AuditEntry, sqlx::Error> {
    let refused_right = row.try_get::<Option<String>, _>("refused_right")?;
    let outcome = match (row.try_get::<String, _>("outcome")?.as_str(), refused_right) {
        ("refused", Some(right)) => AuditOutcome::Refused(stored(right, "right", Right::parse)?),
        ("provider-refused", None) => AuditOutcome::ProviderRefused,
        ("done", None) => AuditOutcome::Done,
        (outcome, right) => {
            return Err(sqlx::Error::Decode(
                format!("an audit outcome {outcome:?} with the refused right {right:?}").into(),
            ))
        }
    };
    let count: Option<i64> = row.try_get("count")?;
    Ok(AuditEntry {
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        role: stored(row.try_get("role")?, "role", Role::parse)?,
        action: stored(row.try_get("action")?, "audit action", AuditAction::parse)?,
        outcome,
        subject: AuditSubject {
            campaign_id: row.try_get("campaign_id")?,
            phone: row.try_get("phone")?,
            count: count.and_then(|count| u64::try_from(count).ok()),
            detail: row.try_get("detail")?,
        },
        address: row.try_get("address")?,
    })
}
