//! Health for load balancers: live while the process answers, ready only while the database
//! answers and holds this binary's schema; neither asks anyone to sign in.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::access::{behind_portal, THE_TESTS_ARE_THE_PROXY};
use crate::helpers::{spawn_app_with, TestApp};

async fn ready(app: &TestApp) -> (StatusCode, Value) {
    let response = app
        .http
        .get(format!("{}health/ready", app.url))
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn ready_names_the_database_when_its_schema_is_not_this_binarys() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let live = app
        .http
        .get(format!("{}health/live", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(
        ready(&app).await,
        (
            StatusCode::OK,
            json!({"ready": true, "database": "ok",
                "providers": {"octopush": "sandbox", "infobip": "sandbox"}})
        )
    );

    let database = sqlx::AnyPool::connect(&app.database_url).await.unwrap();
    let (last,): (i64,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&database)
        .await
        .unwrap();
    sqlx::query("UPDATE _sqlx_migrations SET version = 99990101000000 WHERE version = $1")
        .bind(last)
        .execute(&database)
        .await
        .unwrap();
    let (status, report) = ready(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(report["ready"], false);
    assert_eq!(
        report["database"],
        "migrated by a newer version (unknown migrations [99990101000000])"
    );
    // An instance of this version started on it refuses to, and says why.
    let mut settings = crate::helpers::test_settings();
    settings.database.url = app.database_url.clone();
    let refused = sms_scheduler_server::startup::Application::build(settings)
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(
        refused.starts_with(
            "the database was migrated by a newer version of sms-scheduler (migration \
             99990101000000, unknown to this one)"
        ),
        "{refused}"
    );

    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 99990101000000")
        .execute(&database)
        .await
        .unwrap();
    let (status, report) = ready(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        report["database"],
        format!("migrations not applied: [{last}]")
    );
}
