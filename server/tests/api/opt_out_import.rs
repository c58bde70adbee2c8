//! The opt-out list imported from another tool's export.

use app::models::{AppError, Field, OptOutImport, Problem};
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn an_opt_out_export_from_another_tool_gives_its_phone_column_and_nothing_else() {
    let app = spawn_app().await;
    // A CRM's export: the numbers under "Phone Number", among columns the list does not read.
    let export = "email;Phone Number;Unsubscribed at;first_name\n\
                  ann@example.com;06 12 34 56 78;2026-11-02;Ann\n\
                  bo@example.com;not a number;2026-11-03;Bo\n";
    match app
        .call(
            "add_opt_outs",
            json!({"numbers": export, "source": "import"}),
        )
        .await
        .error()
    {
        // Its number is still read, and an error still names its line.
        AppError::Invalid(errors) => assert_eq!(
            (errors.len(), errors[0].field, errors[0].line),
            (1, Field::OptOutNumbers, Some(3))
        ),
        other => panic!("expected a line error, got {other:?}"),
    }
    let fixed = export.replace("not a number", "+33 6 98 76 54 32");
    let added: OptOutImport = app
        .call(
            "add_opt_outs",
            json!({"numbers": fixed, "source": "import"}),
        )
        .await
        .ok();
    assert_eq!(
        (added.added, added.already_listed, added.repeated),
        (2, 0, 0)
    );
    // A column named as people name it ("Téléphone", "Mobile") is the phone column too, as the
    // composer's column mapping would guess it.
    for header in ["Nom;Téléphone;Email", "Nom;Mobile;Email"] {
        let export = format!("{header}\nAnn;06 11 22 33 44;ann@example.com\n");
        let added: OptOutImport = app
            .call(
                "add_opt_outs",
                json!({"numbers": export, "source": "import"}),
            )
            .await
            .ok();
        assert_eq!(added.added + added.already_listed, 1, "{header}");
    }
    // A typed line is still a number, refused as one, whatever words it holds.
    // Nor is one of two columns that may both be phones chosen: nothing is dropped unsaid.
    for typed in [
        "not a number",
        "mobile;06 11 22 33 45\n06 11 22 33 46",
        "Mobile;Téléphone fixe\n06 11 22 33 47;01 23 45 67 89",
    ] {
        let AppError::Invalid(errors) = app
            .call(
                "add_opt_outs",
                json!({"numbers": typed, "source": "operator"}),
            )
            .await
            .error()
        else {
            panic!("{typed:?} is refused")
        };
        assert_eq!(errors[0].line, Some(1), "{typed:?}");
    }
    // Two phone columns are still one too many: which one holds the numbers is not guessed.
    let two = "phone;number\n0612345678;0698765432\n";
    let AppError::Invalid(errors) = app
        .call("add_opt_outs", json!({"numbers": two, "source": "import"}))
        .await
        .error()
    else {
        panic!("two phone columns are refused")
    };
    assert_eq!(errors[0].problem, Problem::RepeatedColumn("number".into()));
}
