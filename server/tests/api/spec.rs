//! The providers' specifications kept in the repository (`docs/specs`), and a JSON Schema check of
//! an answer against the schema the Infobip spec gives it: the subset of JSON Schema the spec uses
//! (`$ref`, `type`, `properties`, `required`, `items`, `enum`, `allOf`, `oneOf`, `anyOf`,
//! `additionalProperties`, `minLength`/`maxLength`, `minimum`/`maximum`). A missing file fails the
//! test that needs it.

use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

/// `docs/specs/<provider>`, asserted to exist.
pub fn specs(provider: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/specs")
        .join(provider);
    assert!(
        dir.is_dir(),
        "the {provider} specs are missing from {}: they are part of the repository",
        dir.display()
    );
    dir
}

/// A spec file's path, asserted to exist.
pub fn spec_file(provider: &str, name: &str) -> PathBuf {
    let path = specs(provider).join(name);
    assert!(
        path.is_file(),
        "{} is missing: the tests read the specs from the repository",
        path.display()
    );
    path
}

/// Infobip's SMS OpenAPI, parsed once.
pub fn infobip_sms_spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = spec_file("infobip", "sms-openapi.json");
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// Every `(method, path)` the SMS spec declares, in its order.
pub fn operations() -> Vec<(String, String)> {
    let paths = infobip_sms_spec()["paths"].as_object().unwrap();
    paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|m| ["get", "post", "put", "delete", "patch"].contains(&m.as_str()))
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect()
}

fn resolve<'a>(spec: &'a Value, mut schema: &'a Value) -> &'a Value {
    while let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        schema = spec
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("unresolved {reference}"));
    }
    schema
}

/// The JSON schema the spec gives `method path`'s answer with `status` (its own status, else its
/// `4XX`/`5XX` range); `None` when the operation declares neither.
pub fn response_schema(method: &str, path: &str, status: u16) -> Option<&'static Value> {
    let spec = infobip_sms_spec();
    let operation = &spec["paths"][path][method.to_lowercase()];
    let responses = &operation["responses"];
    let range = format!("{}XX", status / 100);
    let response = responses
        .get(status.to_string())
        .or_else(|| responses.get(&range))?;
    let response = resolve(spec, response);
    response.pointer("/content/application~1json/schema")
}

/// The schema named `name` in the spec's components (`ApiError`, `ApiException`).
pub fn component(name: &str) -> &'static Value {
    &infobip_sms_spec()["components"]["schemas"][name]
}

/// Every way `value` breaks `schema`, as `path: problem` lines; empty when it conforms.
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    check(infobip_sms_spec(), schema, value, "$", &mut found);
    found
}

fn type_matches(expected: &str, value: &Value) -> bool {
    match expected {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("a type the spec does not use: {other}"),
    }
}

fn check(spec: &Value, schema: &Value, value: &Value, at: &str, found: &mut Vec<String>) {
    let schema = resolve(spec, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            check(spec, part, value, at, found);
        }
    }
    for (keyword, need_one) in [("oneOf", true), ("anyOf", false)] {
        if let Some(options) = schema.get(keyword).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|option| {
                    let mut inner = Vec::new();
                    check(spec, option, value, at, &mut inner);
                    inner.is_empty()
                })
                .count();
            if passing == 0 || (need_one && passing > 1) {
                found.push(format!("{at}: matches {passing} of the {keyword} schemas"));
            }
        }
    }
    if let Some(expected) = schema.get("type") {
        let types: Vec<&str> = match expected {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            other => panic!("odd type {other}"),
        };
        if !types.iter().any(|t| type_matches(t, value)) {
            found.push(format!("{at}: {value} is not {types:?}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            found.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    if let Some(text) = value.as_str() {
        let length = text.chars().count() as u64;
        if schema
            .get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|max| length > max)
        {
            found.push(format!("{at}: longer than maxLength"));
        }
        if schema
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|min| length < min)
        {
            found.push(format!("{at}: shorter than minLength"));
        }
    }
    if let Some(number) = value.as_f64() {
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|max| number > max)
        {
            found.push(format!("{at}: above maximum"));
        }
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|min| number < min)
        {
            found.push(format!("{at}: below minimum"));
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap();
            if !object.contains_key(name) {
                found.push(format!("{at}: required {name} is missing"));
            }
        }
        for (name, field) in object {
            let path = format!("{at}.{name}");
            match properties.and_then(|p| p.get(name)) {
                Some(property) => check(spec, property, field, &path, found),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => found.push(format!("{path}: not allowed")),
                    Some(extra @ Value::Object(_)) => check(spec, extra, field, &path, found),
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(spec, items, item, &format!("{at}[{i}]"), found);
        }
    }
}

#[test]
fn the_checker_finds_what_breaks_the_schema() {
    let api_error = component("ApiError");
    assert!(violations(
        api_error,
        &serde_json::json!({"errorCode": "E400", "description": "d", "action": "a", "violations": [], "resources": []})
    )
    .is_empty());
    let broken = violations(
        api_error,
        &serde_json::json!({"errorCode": 400, "violations": [{"property": 1}]}),
    );
    assert!(broken.iter().any(|v| v.contains("errorCode")), "{broken:?}");
    assert!(
        broken.iter().any(|v| v.contains("required description")),
        "{broken:?}"
    );
    assert!(
        broken.iter().any(|v| v.contains("violations[0].property")),
        "{broken:?}"
    );
}
