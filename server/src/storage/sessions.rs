//! Built-in sign-in's sessions and sign-ins under way (see the `sessions` migration). Tokens are
//! looked up by their SHA-256; expiry is decided by `identity::session_times`.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use super::stored::{read_instant as instant, stored_instant};
use super::{Store, StoreError};

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub subject: String,
    pub name: String,
    /// Their groups at sign-in.
    pub groups: Vec<String>,
    pub id_token: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// A sign-in sent to the identity provider, taken back once by its callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInAttempt {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    pub created_at: DateTime<Utc>,
}

impl Store {
    pub async fn create_session(
        &self,
        token_hash: &str,
        session: &StoredSession,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, subject, name, groups, id_token, created_at, \
             last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token_hash)
        .bind(&session.subject)
        .bind(&session.name)
        .bind(serde_json::to_string(&session.groups).expect("a list of strings"))
        .bind(session.id_token.as_deref())
        .bind(stored_instant(session.created_at))
        .bind(stored_instant(session.last_seen_at))
        .execute(self.writes())
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<StoredSession>, StoreError> {
        let row = sqlx::query(
            "SELECT subject, name, groups, id_token, created_at, last_seen_at FROM sessions \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(StoredSession {
            subject: row.try_get("subject")?,
            name: row.try_get("name")?,
            groups: serde_json::from_str(&row.try_get::<String, _>("groups")?)
                .map_err(|error| sqlx::Error::Decode(error.into()))?,
            id_token: row.try_get("id_token")?,
            created_at: instant(&row.try_get::<String, _>("created_at")?)?,
            last_seen_at: instant(&row.try_get::<String, _>("last_seen_at")?)?,
        }))
    }

    /// Records that the session was used at `now`.
    pub async fn touch_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(stored_instant(now))
            .bind(token_hash)
            .execute(self.writes())
            .await?;
        Ok(())
    }

    /// Ends a session; whether there was one.
    pub async fn end_session(&self, token_hash: &str) -> Result<bool, StoreError> {
        let ended = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.writes())
            .await?;
        Ok(ended.rows_affected() > 0)
    }

    /// Forgets sessions idle since before `idle_before` or begun before `begun_before`, and
    /// sign-ins begun before `attempts_before`.
    pub async fn forget_expired_sessions(
        &self,
        idle_before: DateTime<Utc>,
        begun_before: DateTime<Utc>,
        attempts_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(stored_instant(idle_before))
            .bind(stored_instant(begun_before))
            .execute(self.writes())
            .await?;
        sqlx::query("DELETE FROM sign_in_attempts WHERE created_at < $1")
            .bind(stored_instant(attempts_before))
            .execute(self.writes())
            .await?;
        Ok(())
    }

    /// The name the app knows the person `subject` names by: the one bound to them at their first
    /// sign-in (`name` now, when this is it). `None` when `name` already belongs to someone else.
    pub async fn bind_person(
        &self,
        subject: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        sqlx::query(
            "INSERT INTO oidc_people (subject, name, first_seen_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(subject)
        .bind(name)
        .bind(stored_instant(now))
        .execute(self.writes())
        .await?;
        let bound = sqlx::query("SELECT name FROM oidc_people WHERE subject = $1")
            .bind(subject)
            .fetch_optional(&self.pool)
            .await?;
        Ok(bound.map(|row| row.try_get("name")).transpose()?)
    }

    /// Sign-ins under way: a bound on what anonymous requests can make the app keep.
    pub async fn sign_ins_under_way(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS under_way FROM sign_in_attempts")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("under_way")?)
    }

    pub async fn begin_sign_in(&self, attempt: &SignInAttempt) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sign_in_attempts (state, nonce, pkce_verifier, return_to, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&attempt.state)
        .bind(&attempt.nonce)
        .bind(&attempt.pkce_verifier)
        .bind(&attempt.return_to)
        .bind(stored_instant(attempt.created_at))
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// The sign-in `state` names, removed so that its answer is taken once (of two callbacks
    /// at once with the same state, one gets it).
    pub async fn take_sign_in(&self, state: &str) -> Result<Option<SignInAttempt>, StoreError> {
        let row = sqlx::query(
            "SELECT nonce, pkce_verifier, return_to, created_at FROM sign_in_attempts \
             WHERE state = $1",
        )
        .bind(state)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let taken = sqlx::query("DELETE FROM sign_in_attempts WHERE state = $1")
            .bind(state)
            .execute(self.writes())
            .await?;
        if taken.rows_affected() == 0 {
            return Ok(None);
        }
        Ok(Some(SignInAttempt {
            state: state.to_owned(),
            nonce: row.try_get("nonce")?,
            pkce_verifier: row.try_get("pkce_verifier")?,
            return_to: row.try_get("return_to")?,
            created_at: instant(&row.try_get::<String, _>("created_at")?)?,
        }))
    }
}

/// How long a sign-in may take at the identity provider.
pub const SIGN_IN_PATIENCE: Duration = Duration::minutes(15);
