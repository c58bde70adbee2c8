//! Replies from recipients, stored once each, newest first when read.

use app::models::ProviderId;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::stored::{stored, stored_instant};
use super::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundMessage {
    /// The provider's id for the reply, or one built from its content when it has none.
    pub id: String,
    pub provider: ProviderId,
    pub phone: String,
    pub text: String,
    /// The campaign the reply answers, in the provider's words, when known.
    pub reference: Option<String>,
    /// Whether the reply asked to stop.
    pub opt_out: bool,
    pub received_at: DateTime<Utc>,
}

impl Store {
    /// Stores a reply; returns false when the same reply was stored before.
    pub async fn record_inbound(
        &self,
        message: &InboundMessage,
        recorded_at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO inbound_messages (id, provider, phone, text, reference, opt_out, received_at, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
        )
        .bind(&message.id)
        .bind(message.provider.as_str())
        .bind(&message.phone)
        .bind(&message.text)
        .bind(&message.reference)
        .bind(i64::from(message.opt_out))
        .bind(stored_instant(message.received_at))
        .bind(stored_instant(recorded_at))
        .execute(self.writes())
        .await?
        .rows_affected();
        Ok(inserted > 0)
    }

    pub async fn inbound_messages(
        &self,
        offset: u64,
        limit: u32,
    ) -> Result<Vec<InboundMessage>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, provider, phone, text, reference, opt_out, received_at FROM inbound_messages \
             ORDER BY received_at DESC, id LIMIT $1 OFFSET $2",
        )
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let received_at: String = row.try_get("received_at")?;
                Ok(InboundMessage {
                    id: row.try_get("id")?,
                    provider: stored(row.try_get("provider")?, "provider", ProviderId::parse)?,
                    phone: row.try_get("phone")?,
                    text: row.try_get("text")?,
                    reference: row.try_get("reference")?,
                    opt_out: row.try_get::<i64, _>("opt_out")? != 0,
                    received_at: DateTime::parse_from_rfc3339(&received_at)
                        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?
                        .with_timezone(&Utc),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}
