use super::*;

fn portal(secret: Option<&str>) -> TrustedHeader {
    TrustedHeader {
        user: HeaderName::from_static("x-forwarded-user"),
        groups: Some(HeaderName::from_static("x-forwarded-groups")),
        proxies: vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()],
        secret: secret.map(|s| {
            (
                HeaderName::from_static("x-proxy-secret"),
                SecretString::from(s.to_owned()),
            )
        }),
        roles: RoleMap {
            by_group: vec![
                ("sms-senders".into(), Role::Sender),
                ("sms-admins".into(), Role::Admin),
                ("staff".into(), Role::Viewer),
            ],
            default: None,
        },
    }
}

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        headers.insert(*name, value.parse().unwrap());
    }
    headers
}

const PROXY: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 1, 2, 3)));

#[tokio::test]
async fn without_sign_in_everyone_is_the_local_operator_with_every_right() {
    let actor = Gate::Open
        .identify(
            None,
            &headers(&[("x-forwarded-user", "mallory")]),
            SessionUse::Use,
        )
        .await
        .unwrap();
    assert_eq!(
        (actor.name.as_str(), actor.role),
        (LOCAL_OPERATOR, Role::Admin)
    );
}

#[test]
fn the_proxy_names_the_user_and_their_groups_give_the_highest_role() {
    let sent = headers(&[
        ("x-forwarded-user", " alice@example.com "),
        ("x-forwarded-groups", "staff, sms-senders"),
    ]);
    let actor = portal(None).identify(PROXY, &sent).unwrap();
    assert_eq!(
        (actor.name.as_str(), actor.role),
        ("alice@example.com", Role::Sender)
    );
    let ipv6_proxy = Some("::1".parse().unwrap());
    assert_eq!(
        portal(None).identify(ipv6_proxy, &sent).unwrap().role,
        Role::Sender
    );
}

#[test]
fn identity_headers_from_anywhere_but_the_proxy_are_refused_not_ignored() {
    let forged = headers(&[
        ("x-forwarded-user", "admin"),
        ("x-forwarded-groups", "sms-admins"),
    ]);
    let elsewhere = Some("192.168.1.20".parse().unwrap());
    let refused = portal(None).identify(elsewhere, &forged).unwrap_err();
    assert_eq!(refused, NotSignedIn::UntrustedAddress(elsewhere));
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        portal(None).identify(elsewhere, &HeaderMap::new()),
        Err(NotSignedIn::NoUser)
    );
    assert_eq!(
        portal(None).identify(None, &forged).unwrap_err(),
        NotSignedIn::UntrustedAddress(None)
    );
}

#[test]
fn the_proxy_secret_must_match_exactly() {
    let with = |secret: &str| {
        headers(&[
            ("x-forwarded-user", "alice"),
            ("x-forwarded-groups", "staff"),
            ("x-proxy-secret", secret),
        ])
    };
    let auth = portal(Some("s3cret-of-the-proxy"));
    assert!(auth.identify(PROXY, &with("s3cret-of-the-proxy")).is_ok());
    for wrong in ["s3cret-of-the-prox", "s3cret-of-the-proxy!", "x"] {
        assert_eq!(
            auth.identify(PROXY, &with(wrong)),
            Err(NotSignedIn::WrongSecret)
        );
    }
    let unsent = headers(&[("x-forwarded-user", "alice")]);
    assert_eq!(auth.identify(PROXY, &unsent), Err(NotSignedIn::WrongSecret));
}

#[test]
fn a_user_whose_groups_give_no_role_is_refused_unless_a_default_is_set() {
    let sent = headers(&[
        ("x-forwarded-user", "bob"),
        ("x-forwarded-groups", "finance"),
    ]);
    let refused = portal(None).identify(PROXY, &sent).unwrap_err();
    assert_eq!(refused, NotSignedIn::NoRole("bob".into()));
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let mut trusted = portal(None);
    trusted.roles.default = Some(Role::Viewer);
    let actor = trusted.identify(PROXY, &sent).unwrap();
    assert_eq!(actor.role, Role::Viewer);
}
