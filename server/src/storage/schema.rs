//! The schema this binary expects, and whether the database holds it (for readiness checks).

use sqlx::migrate::Migrator;
use std::collections::BTreeSet;

use super::Store;

pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// How the database's migrations compare with this binary's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaState {
    Current,
    /// Migrations this binary has that the database lacks.
    Behind {
        missing: Vec<i64>,
    },
    /// Migrations applied by a newer binary, unknown to this one.
    Ahead {
        unknown: Vec<i64>,
    },
}

impl Store {
    /// Reads the applied migrations (an error: the database does not answer).
    pub async fn schema_state(&self) -> Result<SchemaState, sqlx::Error> {
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(self.pool())
                .await?;
        let expected = MIGRATOR.iter().map(|migration| migration.version);
        Ok(compare(expected, applied))
    }
}

fn compare(expected: impl Iterator<Item = i64>, applied: Vec<i64>) -> SchemaState {
    let expected: BTreeSet<i64> = expected.collect();
    let applied: BTreeSet<i64> = applied.into_iter().collect();
    let unknown: Vec<i64> = applied.difference(&expected).copied().collect();
    if !unknown.is_empty() {
        return SchemaState::Ahead { unknown };
    }
    let missing: Vec<i64> = expected.difference(&applied).copied().collect();
    if missing.is_empty() {
        SchemaState::Current
    } else {
        SchemaState::Behind { missing }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_current_behind_or_ahead_of_the_binary() {
        assert_eq!(
            compare([1, 2].into_iter(), vec![2, 1]),
            SchemaState::Current
        );
        assert_eq!(
            compare([1, 2, 3].into_iter(), vec![1]),
            SchemaState::Behind {
                missing: vec![2, 3]
            }
        );
        assert_eq!(
            compare([1, 2].into_iter(), vec![1, 2, 4]),
            SchemaState::Ahead { unknown: vec![4] }
        );
    }
}
