//! The campaign list's query: newest first, a page at a time, narrowed by state, provider, words
//! of the message or of its name, or a recipient's number.

use app::models::{Approval, CampaignState, ProviderId, RecipientStatus};

use super::campaigns::{campaign_from_row, CAMPAIGN_COLUMNS};
use super::stored::stored;
use super::{CampaignRecord, Store, StoreError};

/// Which campaigns to list; every field narrows the list further.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignListQuery {
    /// Only campaigns created before this `created_at` (the previous page's last).
    pub before: Option<String>,
    pub state: Option<CampaignState>,
    pub provider: Option<ProviderId>,
    /// Campaigns whose message contains these words, in any case…
    pub text: Option<String>,
    /// …or (when the search reads as a number) that have a recipient with this E.164 number.
    pub phone: Option<String>,
}

/// `status IN (…)` of the statuses a recipient can still leave, from the one definition of it.
fn live_statuses() -> String {
    statuses(|s| !s.is_final())
}

/// The statuses of recipients on their way now (not waiting for a later send time), for SQL.
fn moving_statuses() -> String {
    statuses(RecipientStatus::is_moving)
}

/// The statuses of recipients a message went to, or may still go to, for SQL.
fn not_withheld_statuses() -> String {
    statuses(|s| !s.is_withheld())
}

fn statuses(which: fn(RecipientStatus) -> bool) -> String {
    let names: Vec<String> = RecipientStatus::ALL
        .into_iter()
        .filter(|s| which(*s))
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    names.join(", ")
}

/// A LIKE pattern matching `words` anywhere, with LIKE's own characters taken literally.
fn contains_pattern(words: &str) -> String {
    let mut pattern = String::from("%");
    for c in words.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl CampaignListQuery {
    /// The WHERE clause and its text parameters, numbered from `$1`.
    fn conditions(&self) -> (String, Vec<String>) {
        let mut conditions = Vec::new();
        let mut binds = Vec::new();
        let mut bind = |value: String| {
            binds.push(value);
            format!("${}", binds.len())
        };
        conditions.push(format!(
            "created_at < {}",
            bind(self.before.clone().unwrap_or_else(|| "9999".into()))
        ));
        if let Some(provider) = &self.provider {
            conditions.push(format!("provider = {}", bind(provider.as_str().to_owned())));
        }
        let any_in = |statuses: String| {
            format!(
                "EXISTS (SELECT 1 FROM recipient_counts c WHERE c.campaign_id = campaigns.id \
                 AND c.status IN ({statuses}) AND c.recipients > 0)"
            )
        };
        let (live, moving) = (any_in(live_statuses()), any_in(moving_statuses()));
        let canceled = format!(
            "({} AND NOT {})",
            any_in(format!("'{}'", RecipientStatus::Canceled.as_str())),
            any_in(not_withheld_statuses())
        );
        let approval_is = |approval: Approval| format!("approval = '{}'", approval.as_str());
        // Held, rejected, withdrawn or expired: said as such whatever their recipients' statuses.
        let decided_by_approval = format!(
            "approval IN ('{}', '{}', '{}', '{}')",
            Approval::Awaiting.as_str(),
            Approval::Rejected.as_str(),
            Approval::Withdrawn.as_str(),
            Approval::Expired.as_str()
        );
        let going = format!("NOT {decided_by_approval} AND paused = 0");
        match self.state {
            Some(CampaignState::AwaitingApproval) => {
                conditions.push(approval_is(Approval::Awaiting));
            }
            Some(CampaignState::Rejected) => conditions.push(approval_is(Approval::Rejected)),
            Some(CampaignState::Withdrawn) => conditions.push(approval_is(Approval::Withdrawn)),
            Some(CampaignState::Expired) => conditions.push(approval_is(Approval::Expired)),
            Some(CampaignState::Paused) => {
                conditions.push(format!("NOT {decided_by_approval} AND paused = 1"));
            }
            Some(CampaignState::InProgress) => conditions.push(format!("{going} AND {moving}")),
            Some(CampaignState::Scheduled) => {
                conditions.push(format!("{going} AND {live} AND NOT {moving}"));
            }
            Some(CampaignState::Finished) => {
                conditions.push(format!("{going} AND NOT {live} AND NOT {canceled}"));
            }
            Some(CampaignState::Canceled) => {
                conditions.push(format!("{going} AND NOT {live} AND {canceled}"));
            }
            None => {}
        }
        let mut matches = Vec::new();
        if let Some(text) = self.text.as_deref().filter(|t| !t.is_empty()) {
            for column in ["message_text", "name"] {
                matches.push(format!(
                    "LOWER({column}) LIKE {} ESCAPE '\\'",
                    bind(contains_pattern(text))
                ));
            }
        }
        if let Some(phone) = &self.phone {
            matches.push(format!(
                "id IN (SELECT campaign_id FROM recipients WHERE phone = {})",
                bind(phone.clone())
            ));
        }
        if !matches.is_empty() {
            conditions.push(format!("({})", matches.join(" OR ")));
        }
        (conditions.join(" AND "), binds)
    }
}

impl Store {
    /// Up to `limit` campaigns the query names, the most recent first.
    pub async fn campaigns(
        &self,
        limit: u32,
        query: &CampaignListQuery,
    ) -> Result<Vec<CampaignRecord>, StoreError> {
        let (conditions, binds) = query.conditions();
        let sql = format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE {conditions} \
             ORDER BY created_at DESC, id DESC LIMIT ${}",
            binds.len() + 1
        );
        let mut statement = sqlx::query(&sql);
        for value in binds {
            statement = statement.bind(value);
        }
        let rows = statement
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(campaign_from_row)
            .collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_characters_in_the_words_are_taken_literally() {
        assert_eq!(contains_pattern("50% OFF_now"), "%50\\% off\\_now%");
    }

    #[test]
    fn only_statuses_a_recipient_can_leave_count_as_live() {
        assert_eq!(
            live_statuses(),
            "'pending', 'unknown', 'scheduled', 'accepted', 'sent'"
        );
    }

    #[test]
    fn a_search_matches_the_words_or_the_number() {
        let query = CampaignListQuery {
            text: Some("Promo".into()),
            phone: Some("+33612345678".into()),
            ..Default::default()
        };
        let (conditions, binds) = query.conditions();
        assert!(conditions.contains(
            "(LOWER(message_text) LIKE $2 ESCAPE '\\' OR LOWER(name) LIKE $3 ESCAPE '\\' \
             OR id IN (SELECT campaign_id FROM recipients WHERE phone = $4))"
        ));
        assert_eq!(binds, vec!["9999", "%promo%", "%promo%", "+33612345678"]);
    }
}

/// How big a provider's newest campaign was: what was handed (or tried) over, in SMS parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastCampaignSize {
    pub campaign_id: String,
    pub campaign_type: crate::domain::CampaignType,
    pub recipients: u64,
    pub parts: u64,
}

impl Store {
    /// The size of `provider`'s newest campaign that was not a simulation, if any.
    pub async fn last_campaign_size(
        &self,
        provider: ProviderId,
    ) -> Result<Option<LastCampaignSize>, StoreError> {
        let newest = sqlx::query_as::<_, (String, String)>(
            "SELECT id, campaign_type FROM campaigns WHERE provider = $1 AND simulation = 0 \
             AND approval IN ('not-needed', 'approved') ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind(provider.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some((campaign_id, campaign_type)) = newest else {
            return Ok(None);
        };
        let campaign_type = stored(
            campaign_type,
            "campaign type",
            crate::domain::CampaignType::from_stored,
        )?;
        // Those left out before submission were never going to cost anything.
        let (recipients, parts): (i64, Option<i64>) = sqlx::query_as(&format!(
            "SELECT COUNT(*), CAST(SUM(parts) AS BIGINT) FROM recipient_rows \
             WHERE campaign_seq = {} AND request_seq IS NOT NULL",
            super::recipients::campaign_seq(1)
        ))
        .bind(&campaign_id)
        .fetch_one(self.pool())
        .await?;
        Ok(Some(LastCampaignSize {
            campaign_id,
            campaign_type,
            recipients: u64::try_from(recipients).unwrap_or(0),
            parts: u64::try_from(parts.unwrap_or(0)).unwrap_or(0),
        }))
    }
}
