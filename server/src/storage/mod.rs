//! Persistence through sqlx: SQLite (WAL) as the embedded default, PostgreSQL for several instances.
//! Queries are written once in portable SQL and run on either through sqlx's `Any` driver.

mod approvals;
mod audit;
mod campaign_changes;
mod campaign_list;
mod campaign_list_parts;
mod campaign_recording;
mod campaigns;
mod checkpoints;
mod claims;
mod inbound;
mod ledger;
mod opt_outs;
mod recipient_counts;
mod recipient_file_reread;
mod recipient_files;
mod recipient_inserts;
mod recipient_moves;
mod recipient_pages;
mod recipients;
mod request_bodies;
mod schema;
mod sessions;
mod stored;
mod submissions;

use checkpoints::Checkpointer;
use sqlx::any::AnyPoolOptions;
use sqlx::AnyConnection;
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

pub use audit::AuditQuery;
pub use campaign_changes::{ActionRecord, CampaignSubmission, WaitingRequests};
pub use campaign_list::CampaignListQuery;
pub use campaign_list_parts::kept_part_text;
pub use campaign_recording::{CampaignRecording, EncodedPart, PartEncoder};
pub use campaigns::{CampaignOptions, CampaignRecord, NewCampaign};
pub use checkpoints::Checkpointed;
pub use claims::{Claim, Claims, UnfinishedSubmission};
pub use inbound::InboundMessage;
pub use ledger::{Acceptance, ReportKey, ReportOutcome, StatusReport};
pub use opt_outs::{HeldRecipient, OptOut, OptOutChange, OptOutMark};
pub use recipient_file_reread::StoredFileReader;
pub use recipient_files::{FileRepeats, NewRecipientFile, RecipientFileHead, StoredRecipientFile};
pub use recipient_inserts::ROWS_PER_VALUES;
pub use recipient_moves::OwnStatusMoves;
pub use recipient_pages::{page_sql, PageRead};
pub use recipients::{
    place_condition, NewRecipient, RecipientPlace, RecipientRecord, MARKETING_SENDS_BETWEEN,
};
pub use schema::SchemaState;
pub use sessions::{SignInAttempt, StoredSession, SIGN_IN_PATIENCE};
pub use stored::stored_instant;
pub use submissions::{NewSubmission, SubmissionRecord, SubmissionStatus};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not migrate the database: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error(
        "the database was migrated by a newer version of sms-scheduler (migration {0}, unknown to \
         this one): run that version or a later one, or restore a backup made before it ran"
    )]
    NewerDatabase(i64),
    #[error("could not create the data directory {path}: {source}")]
    DataDirectory {
        path: String,
        source: std::io::Error,
    },
    #[error("unsupported database URL (expected sqlite:… or postgres:…)")]
    UnsupportedUrl,
    #[error("the write was interrupted before it was done")]
    Interrupted,
    /// A part of a campaign made ready to write did not come next: nothing of it was written.
    #[error("a part of campaign {campaign} came out of order: {detail}")]
    PartOutOfOrder { campaign: String, detail: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Store {
    /// Reads.
    pool: AnyPool,
    /// Writes (`writes`).
    writer: AnyPool,
    /// On SQLite, what copies the write-ahead log into the database (`checkpoints`).
    checkpointer: Option<Checkpointer>,
    backend: Backend,
}

impl Store {
    /// Opens (creating an SQLite file and its directory if needed) and migrates the database.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let connections = if url.starts_with("sqlite:") { 4 } else { 10 };
        Self::connect_with(url, connections).await
    }

    /// `connect` with at most `connections` connections at once for reads (on SQLite, writes
    /// have one more of their own).
    pub async fn connect_with(url: &str, connections: u32) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let is_sqlite = url.starts_with("sqlite:");
        if !is_sqlite && !url.starts_with("postgres:") && !url.starts_with("postgresql:") {
            return Err(StoreError::UnsupportedUrl);
        }
        let url = if is_sqlite {
            prepare_sqlite(url)?
        } else {
            url.to_owned()
        };
        let pool = open_pool(&url, connections, is_sqlite, Use::Reads).await?;
        // SQLite takes one writer at a time, and a writer that finds the database locked sleeps
        // in its busy handler (1, 2, 5, 10… ms) before it tries again: four hand-over requests
        // answered at once spent most of their time asleep. Writes queue here instead, on one
        // connection, and each goes as soon as the one before commits; reads keep the others.
        let writer = if is_sqlite {
            open_pool(&url, 1, is_sqlite, Use::Writes).await?
        } else {
            pool.clone()
        };
        schema::MIGRATOR
            .run(&writer)
            .await
            .map_err(|error| match error {
                sqlx::migrate::MigrateError::VersionMissing(version) => {
                    StoreError::NewerDatabase(version)
                }
                other => StoreError::Migration(other),
            })?;
        let (backend, checkpointer) = if is_sqlite {
            let checkpointer = Checkpointer {
                pool: open_pool(&url, 1, is_sqlite, Use::Checkpoints).await?,
                due: Default::default(),
            };
            (Backend::Sqlite, Some(checkpointer))
        } else {
            (Backend::Postgres, None)
        };
        Ok(Self {
            pool,
            writer,
            checkpointer,
            backend,
        })
    }

    /// The pool reads go through.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The pool every write goes through: on SQLite, one connection of its own (see `connect_with`).
    pub fn writes(&self) -> &AnyPool {
        &self.writer
    }

    /// Closes every connection, the reads', the writes' and the checkpoints'.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.pool.close().await;
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }
}

/// What an SQLite pool's connections are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Reads only: a write through them fails (`PRAGMA query_only`), so that none can skip the
    /// writes' queue.
    Reads,
    Writes,
    /// Copying the write-ahead log in (`checkpoints`): reads only, and never waiting on a lock.
    Checkpoints,
}

/// A pool of at most `connections` to `url`, each SQLite connection set up as the ledger needs.
async fn open_pool(
    url: &str,
    connections: u32,
    is_sqlite: bool,
    usage: Use,
) -> Result<AnyPool, sqlx::Error> {
    AnyPoolOptions::new()
        .max_connections(connections)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |connection: &mut AnyConnection, _| {
            Box::pin(async move {
                if is_sqlite {
                    // WAL lets readers work while a submission is written; wait rather than fail
                    // on a lock (another process's, since this one's writes queue in `writes`).
                    // FULL: every commit is on disk before the provider is called, so a power
                    // loss cannot forget a hand-over (and resend it); NORMAL only survives a
                    // killed process. The cost is in the README (scripts/sqlite-sync-cost.sh).
                    // The write-ahead log grows to hold a whole campaign's transaction (about
                    // 40 MB for 100,000 recipients); once copied into the database
                    // (`checkpoints`), the next write cuts it back to 4 MiB, unless the copying
                    // has emptied it already.
                    connection
                        .execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 4194304;")
                        .await?;
                    // The writer copies the log in only past 64 MiB (16,384 pages of 4 KiB):
                    // the checkpoints' worker does it otherwise (`checkpoints`).
                    let role = match usage {
                        Use::Reads => "PRAGMA query_only = 1;",
                        Use::Writes => "PRAGMA query_only = 0; PRAGMA wal_autocheckpoint = 16384;",
                        Use::Checkpoints => "PRAGMA query_only = 1; PRAGMA busy_timeout = 0;",
                    };
                    connection.execute(role).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
}

/// Creates the file's directory and asks SQLite to create the file.
fn prepare_sqlite(url: &str) -> Result<String, StoreError> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path != ":memory:" && !path.is_empty() {
        if let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::DataDirectory {
                path: parent.display().to_string(),
                source,
            })?;
        }
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}
