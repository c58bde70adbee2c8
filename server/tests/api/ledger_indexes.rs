//! The ledger's lookups by number and the frequency cap's read of marketing sends go through
//! their indexes rather than reading every recipient (SQLite's plan for the storage's queries).

use sms_scheduler_server::storage::Store;

use crate::helpers::temp_sqlite_url;

/// SQLite's plan for `sql`, one line a step.
async fn plan(store: &Store, sql: &str) -> String {
    let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
        .fetch_all(store.pool())
        .await
        .unwrap();
    rows.into_iter()
        .map(|(_, _, _, step)| step)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn numbers_and_marketing_sends_are_read_through_indexes() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    // The frequency cap (storage::recipients::marketing_sends_between).
    let cap = plan(
        &store,
        "SELECT phone, send_at FROM recipients WHERE marketing = 1 AND send_at >= '2026-12-01' \
         AND send_at <= '2026-12-15' AND status NOT IN ('excluded', 'failed', 'canceled', \
         'expired', 'simulated')",
    )
    .await;
    assert!(
        cap.contains("USING INDEX recipients_marketing_send_at"),
        "{cap}"
    );
    // The campaign list's search by number (storage::campaign_list).
    let search = plan(
        &store,
        "SELECT campaign_id FROM recipients WHERE phone = '+33612345678'",
    )
    .await;
    assert!(
        search.contains("USING INDEX recipients_phone (phone=?)"),
        "{search}"
    );
    // The campaigns an opt-out still reaches (storage::opt_outs).
    let reached = plan(
        &store,
        "SELECT r.phone FROM recipients r WHERE r.status = 'scheduled' \
         AND r.phone IN ('+33612345678', '+33698765432') ORDER BY r.send_at, r.campaign_id",
    )
    .await;
    assert!(
        reached.contains("USING INDEX recipients_phone (phone=?)"),
        "{reached}"
    );
    store.pool().close().await;
}
