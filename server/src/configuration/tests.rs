use super::*;

#[test]
fn base_paths_are_normalised() {
    assert_eq!(normalise_base_path("").unwrap(), "");
    assert_eq!(normalise_base_path("/").unwrap(), "");
    assert_eq!(normalise_base_path("/tools/sms/").unwrap(), "/tools/sms");
    assert_eq!(normalise_base_path("tools/sms").unwrap(), "/tools/sms");
    assert!(normalise_base_path("/tools/../etc").is_err());
    assert!(normalise_base_path("/tools sms").is_err());
    assert!(normalise_base_path("/a//b").is_err());
}

fn octopush(login: Option<&str>, key: Option<&str>) -> OctopushSettings {
    OctopushSettings {
        api_login: login.map(str::to_owned),
        api_key: key.map(|k| SecretString::from(k.to_owned())),
        base_url: format!("{OCTOPUSH_API_URL}/"),
        timeout_seconds: 15,
        balance_cache_seconds: 60,
        premium_price: None,
        low_cost_price: None,
    }
}

#[test]
fn octopush_is_real_with_both_credentials_and_a_sandbox_with_neither() {
    assert!(matches!(
        octopush(None, None).mode(),
        Ok(OctopushMode::Sandbox)
    ));
    match octopush(Some("me@example.com"), Some("k")).mode().unwrap() {
        OctopushMode::Real {
            base_url,
            api_login,
            api_key,
        } => {
            assert_eq!(base_url, OCTOPUSH_API_URL);
            assert_eq!(api_login, "me@example.com");
            assert_eq!(api_key.expose_secret(), "k");
        }
        OctopushMode::Sandbox => panic!("expected the real service"),
    }
    assert!(matches!(
        octopush(Some("me@example.com"), None).mode(),
        Err(ConfigurationError::OctopushHalfConfigured)
    ));
}

#[test]
fn infobip_needs_both_base_url_and_key() {
    let infobip = |url: Option<&str>, key: Option<&str>| InfobipSettings {
        base_url: url.map(str::to_owned),
        api_key: key.map(|k| SecretString::from(k.to_owned())),
        timeout_seconds: 15,
        balance_cache_seconds: 60,
        report_poll_seconds: 60,
        part_price: None,
        currency: "EUR".into(),
        stop_mention: None,
    };
    assert!(matches!(
        infobip(None, None).mode(),
        Ok(InfobipMode::Sandbox)
    ));
    assert!(
        matches!(infobip(Some("https://x.api.infobip.com/"), Some("k")).mode(),
        Ok(InfobipMode::Real { base_url, .. }) if base_url == "https://x.api.infobip.com")
    );
    assert!(matches!(
        infobip(None, Some("k")).mode(),
        Err(ConfigurationError::InfobipHalfConfigured)
    ));
}

#[test]
fn the_embedded_default_uses_both_sandboxes() {
    let configuration = Settings::embedded_default().unwrap().parse().unwrap();
    assert!(configuration.sandbox_mounted());
    assert!(matches!(configuration.infobip, InfobipMode::Sandbox));
    assert_eq!(
        configuration.settings.database.url,
        "sqlite://data/sms-scheduler.db"
    );
}

#[test]
fn webhook_secrets_must_be_long_and_url_safe() {
    let webhooks = |secret: &str, url: Option<&str>| WebhookSettings {
        secret: Some(SecretString::from(secret.to_owned())),
        previous_secret: None,
        public_url: url.map(str::to_owned),
    };
    let mut good = webhooks(
        "abcdefghijklmnopqrstuvwx-_1",
        Some("https://portal.example.com/tools/sms/"),
    );
    good.validate().unwrap();
    assert_eq!(
        good.public_url.as_deref(),
        Some("https://portal.example.com/tools/sms")
    );
    assert!(matches!(
        webhooks("short", None).validate(),
        Err(ConfigurationError::WebhookSecret("secret"))
    ));
    assert!(matches!(
        webhooks("abcdefghijklmnopqrstuvwx/../x", None).validate(),
        Err(ConfigurationError::WebhookSecret("secret"))
    ));
    let mut rotating = webhooks("abcdefghijklmnopqrstuvwx-_1", None);
    rotating.previous_secret = Some(SecretString::from("too-short".to_owned()));
    assert!(matches!(
        rotating.validate(),
        Err(ConfigurationError::WebhookSecret("previous_secret"))
    ));
    rotating.previous_secret = Some(SecretString::from("zyxwvutsrqponmlkjihgfedcba".to_owned()));
    rotating.validate().unwrap();
    rotating.secret = None;
    assert!(matches!(
        rotating.validate(),
        Err(ConfigurationError::PreviousSecretAlone)
    ));
    assert!(matches!(
        webhooks("abcdefghijklmnopqrstuvwxyz", Some("portal.example.com")).validate(),
        Err(ConfigurationError::PublicUrl(_))
    ));
}

#[test]
fn the_example_file_is_valid_and_spells_out_the_built_in_rules() {
    let example = include_str!("../../../sms-scheduler.example.toml");
    let configuration = Settings::defaults()
        .unwrap()
        .add_source(config::File::from_str(example, config::FileFormat::Toml))
        .build()
        .unwrap()
        .try_deserialize::<Settings>()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(configuration.policies, SendingPolicies::defaults());
    assert_eq!(configuration.frequency_cap, FrequencyCap::default());
    assert_eq!(configuration.settings.infobip.report_poll_seconds, 60);
}

#[test]
fn the_api_key_never_shows_in_debug_output() {
    let settings = octopush(Some("me@example.com"), Some("very-secret-key"));
    assert!(!format!("{settings:?}").contains("very-secret-key"));
}

#[test]
fn an_unknown_key_under_auth_stops_the_start_with_its_name() {
    for (toml, key) in [
        ("[auth.roles]\nboss = \"it\"\n", "boss"),
        ("[auth]\nmod = \"oidc\"\n", "mod"),
        (
            "[auth.oidc]\nissuer_url = \"https://sso.example.com\"\n",
            "issuer_url",
        ),
    ] {
        let error = Settings::defaults()
            .unwrap()
            .add_source(config::File::from_str(toml, config::FileFormat::Toml))
            .build()
            .unwrap()
            .try_deserialize::<Settings>()
            .unwrap_err()
            .to_string();
        assert!(error.contains(&format!("unknown field `{key}`")), "{error}");
    }
}
