//! The ledger's lookups by number and the frequency cap's read of marketing sends go through
//! their indexes rather than reading every recipient: SQLite's plans for the cap's own query and
//! for the shape of the lookups by number (storage::campaign_list, storage::opt_outs); a
//! provider's answer to a request finds the few recipients with a status of their own through
//! an index of those alone, not among the request's rows (storage::recipient_moves); rows named by
//! their request's or campaign's id are found through those keys (the `recipients` view, pages).

use app::models::RecipientStatus;
use sms_scheduler_server::domain::ledger_keys::RecipientPlaceKey;
use sms_scheduler_server::storage::{
    page_sql, place_condition, OwnStatusMoves, PageRead, Store, MARKETING_SENDS_BETWEEN,
};

use crate::helpers::temp_sqlite_url;

/// SQLite's plan for `sql`, one line a step, its parameters bound to `values`.
async fn plan(store: &Store, sql: &str, values: &[&str]) -> String {
    let sql = format!("EXPLAIN QUERY PLAN {sql}");
    let mut query = sqlx::query_as::<_, (i64, i64, i64, String)>(&sql);
    for value in values {
        query = query.bind(*value);
    }
    let rows = query.fetch_all(store.pool()).await.unwrap();
    rows.into_iter()
        .map(|(_, _, _, step)| step)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn numbers_and_marketing_sends_are_read_through_indexes() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    let cap = plan(
        &store,
        MARKETING_SENDS_BETWEEN,
        &["2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z"],
    )
    .await;
    // The marketing campaigns around then, and those without times, each through the index by
    // its bounds; then their recipients: no scan of either table.
    for campaigns in ["marketing_until>?", "marketing_until=?"] {
        let index = format!("INDEX campaigns_marketing (purpose=? AND {campaigns})");
        assert!(cap.contains(&index), "{cap}");
    }
    assert!(
        cap.contains("USING INDEX recipients_campaign_line (campaign_seq=?)"),
        "{cap}"
    );
    assert!(!cap.contains("SCAN"), "{cap}");
    // The campaign list's search by number (storage::campaign_list).
    let search = plan(
        &store,
        "SELECT id FROM campaigns WHERE id IN (SELECT campaign_id FROM recipients WHERE phone = $1)",
        &["+33612345678"],
    )
    .await;
    assert!(
        search.contains("USING INDEX recipients_phone (phone=?)"),
        "{search}"
    );
    // The campaigns an opt-out still reaches (storage::opt_outs).
    let reached = plan(
        &store,
        "SELECT r.phone, r.campaign_id, c.provider, r.send_at FROM recipients r \
         JOIN campaigns c ON c.id = r.campaign_id \
         WHERE r.status = 'scheduled' AND r.phone IN ($1, $2) ORDER BY r.send_at, r.campaign_id",
        &["+33612345678", "+33698765432"],
    )
    .await;
    assert!(
        reached.contains("USING INDEX recipients_phone (phone=?)"),
        "{reached}"
    );
    store.close().await;
}

#[tokio::test]
async fn an_answer_to_a_request_reads_only_its_recipients_with_a_status_of_their_own() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    for status in RecipientStatus::ALL {
        let moves = OwnStatusMoves::behind(status);
        let to_request = plan(&store, &moves.to_request, &["request"]).await;
        let to_status = plan(
            &store,
            &moves.to_status,
            &[status.as_str(), "why", "request"],
        )
        .await;
        for plan in [to_request, to_status] {
            assert!(
                plan.contains("USING INDEX recipients_own_status (request_seq=?)"),
                "{status:?}: {plan}"
            );
            assert!(!plan.contains("SCAN"), "{status:?}: {plan}");
        }
    }
    store.close().await;
}

#[tokio::test]
async fn rows_named_by_their_request_or_campaign_are_found_through_the_keys() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    // A report about one recipient, found through the view by its request and position, or, left
    // out, by its campaign, line and number.
    let in_request = RecipientPlaceKey::InRequest {
        submission_id: "request",
        position: 3,
    };
    let in_request = plan(
        &store,
        &format!(
            "SELECT 1 FROM recipients WHERE {}",
            place_condition(&in_request, 1)
        ),
        &["request", "3"],
    )
    .await;
    assert!(
        in_request
            .contains("USING INDEX recipients_submission_position (request_seq=? AND position=?)"),
        "{in_request}"
    );
    let left_out = RecipientPlaceKey::LeftOut {
        campaign_id: "campaign",
        line: 4,
        number: "+33612345678".to_owned(),
    };
    let left_out = plan(
        &store,
        &format!(
            "SELECT 1 FROM recipients WHERE {}",
            place_condition(&left_out, 1)
        ),
        &["campaign", "4", "+33612345678"],
    )
    .await;
    // The view's campaign and request ids are looked up by their keys, through their indexes.
    for plan in [&in_request, &left_out] {
        assert!(plan.contains("INDEX campaigns_seq (seq=?)"), "{plan}");
        assert!(!plan.contains("SCAN"), "{plan}");
    }
    // Every read of a page of the list (storage::recipient_pages): the campaign's rows in list
    // order, or the rows of the requests its counts name, or those with no request; never a
    // scan of every recipient.
    let by_list = "INDEX recipients_campaign_line (campaign_seq=?";
    let by_request = "INDEX recipients_submission_position (request_seq=?)";
    for (read, rows) in [
        (PageRead::WholeList, by_list),
        (PageRead::InListOrder, by_list),
        (PageRead::ThroughRequests, by_request),
        (PageRead::LeftOut, by_request),
    ] {
        let sql = page_sql(read).expect("a statement");
        let page = plan(&store, &sql, &["campaign", "50", "100", "delivered"]).await;
        assert!(page.contains(rows), "{read:?}: {page}");
        // In list order, the page's rows are read in the index's order, not sorted afterwards.
        if rows == by_list {
            assert!(
                !page.contains("TEMP B-TREE FOR ORDER BY"),
                "{read:?}: {page}"
            );
        }
        assert!(!page.contains("SCAN"), "{read:?}: {page}");
    }
    assert_eq!(page_sql(PageRead::Nothing), None);
    store.close().await;
}
