//! Several instances on one PostgreSQL database: two real server processes, the sandboxes as a
//! process of their own (`sms-scheduler sandbox`, which outlives them). Both serve the same
//! campaigns; one is killed with SIGKILL mid-hand-over, and the other settles the killed one's
//! provider requests once their claims lapse: every recipient reaches the sandbox exactly once.
//! Runs when SMS_SCHEDULER_TEST_POSTGRES_URL is set (CI starts PostgreSQL: `scripts/postgres.sh`).

use app::models::{CampaignDetail, RecipientStatus, ScheduleReceipt};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

use crate::handover_task::request_to;
use crate::processes::{SandboxProcess, ServerProcess};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

async fn call(server: &ServerProcess, endpoint: &str, arguments: serde_json::Value) -> Vec<u8> {
    let response = reqwest::Client::new()
        .post(format!("{}api/{endpoint}", server.url))
        .json(&arguments)
        .send()
        .await
        .expect("the instance answers");
    assert!(
        response.status().is_success(),
        "{endpoint}: {}",
        response.status()
    );
    response.bytes().await.unwrap().to_vec()
}

async fn campaign(server: &ServerProcess, id: &str) -> CampaignDetail {
    let bytes = call(server, "get_campaign", json!({"id": id, "offset": 0})).await;
    postcard::from_bytes(&bytes).expect("a campaign")
}

/// How many times the sandbox received each number of the campaign whose submissions are `keys`.
async fn received_for(sandbox: &SandboxProcess, keys: &HashSet<String>) -> HashMap<String, usize> {
    let mut times = HashMap::new();
    for message in sandbox.received().await.octopush {
        if message.key.as_ref().is_some_and(|key| keys.contains(key)) {
            *times.entry(message.to).or_insert(0) += 1;
        }
    }
    times
}

async fn submission_keys(database_url: &str, campaign_id: &str) -> HashSet<String> {
    let store = sms_scheduler_server::storage::Store::connect(database_url)
        .await
        .unwrap();
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT idempotency_key FROM submissions WHERE campaign_id = $1")
            .bind(campaign_id)
            .fetch_all(store.pool())
            .await
            .unwrap();
    store.close().await;
    keys.into_iter().collect()
}

#[tokio::test]
async fn two_instances_share_the_campaigns_and_one_settles_what_the_other_left_when_killed() {
    let Some((database_url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the two-instance test did not run");
        return;
    };
    let sandbox = SandboxProcess::start().await;
    let first = ServerProcess::start(&database_url, &sandbox).await;
    let second = ServerProcess::start(&database_url, &sandbox).await;

    // Scheduled through the second, read through both alike.
    let bytes = call(
        &second,
        "schedule_sms",
        json!({"request": request_to("Octopush", 1000)}),
    )
    .await;
    let settled: ScheduleReceipt = postcard::from_bytes(&bytes).unwrap();
    let (one, other) = (
        campaign(&first, &settled.campaign_id).await,
        campaign(&second, &settled.campaign_id).await,
    );
    assert_eq!(one.summary, other.summary);
    assert_eq!(one.summary.count(RecipientStatus::Scheduled), 1000);

    // Through the first, killed mid-hand-over.
    sandbox.set_latency(300).await;
    let campaign_id = uuid::Uuid::new_v4().to_string();
    let url = first.url.clone();
    let id = campaign_id.clone();
    let cut = tokio::spawn(async move {
        reqwest::Client::new()
            .post(format!("{url}api/schedule_sms"))
            .json(&json!({"request": request_to("Octopush", 2500), "campaign_id": id}))
            .send()
            .await
    });
    let before = sandbox.received().await.octopush.len();
    tokio::time::timeout(Duration::from_secs(30), async {
        while sandbox.received().await.octopush.len() == before {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the hand-over begins");
    first.kill().await;
    let _ = cut.await;
    sandbox.set_latency(0).await;

    // The second settles the rest once the killed instance's claims lapse (two seconds here).
    let detail = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let detail = campaign(&second, &campaign_id).await;
            if detail.summary.count(RecipientStatus::Scheduled) == 2500 {
                return detail;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    })
    .await
    .expect("the surviving instance settles every recipient");
    assert_eq!(detail.summary.recipient_count, 2500);
    let keys = submission_keys(&database_url, &campaign_id).await;
    let times = received_for(&sandbox, &keys).await;
    assert_eq!(times.len(), 2500, "every recipient reached the sandbox");
    assert!(times.values().all(|&n| n == 1), "none twice");
    let keys = submission_keys(&database_url, &settled.campaign_id).await;
    let times = received_for(&sandbox, &keys).await;
    assert_eq!((times.len(), times.values().sum::<usize>()), (1000, 1000));
    second.kill().await;
    drop_postgres(&name).await;
}
