//! Built-in sign-in (`auth.mode = "oidc"`): the authorization code flow with PKCE against an
//! OpenID Connect provider (`openidconnect`), and server-side sessions in the app's database.
//! The provider is discovered at the first sign-in, so the app starts while it is away.

use app::models::{AuditAction, AuditOutcome, AuditSubject, Right, Role};
use app::services::{Actor, AuditRecord, AuditTrail};
use axum::http::HeaderMap;
use chrono::Utc;
use openidconnect::core::{CoreAuthenticationFlow, CoreGenderClaim};
use openidconnect::{
    AuthorizationCode, CsrfToken, IdTokenClaims, Nonce, PkceCodeChallenge, PkceCodeVerifier, Scope,
    TokenResponse,
};
use std::net::IpAddr;
use std::sync::Arc;

pub use super::oidc_provider::OidcConfig;
use super::oidc_provider::{discover, with_causes, Discovered, ProviderClaims};
use super::sessions::{self, session_token, Lifetimes};
use super::NotSignedIn;
use crate::storage::{SignInAttempt, Store, StoreError, StoredSession, SIGN_IN_PATIENCE};

/// Why a sign-in did not end with a session.
#[derive(Debug, thiserror::Error)]
pub enum SignInFailure {
    #[error("the identity provider at {issuer} could not be reached or read: {why}")]
    Provider { issuer: String, why: String },
    #[error("this sign-in has expired or was already used")]
    Expired,
    #[error("the identity provider did not sign you in: {0}")]
    Refused(String),
    #[error("the identity provider's answer could not be checked: {0}")]
    Answer(String),
    #[error("{0} is signed in, but none of their groups gives a role in this app")]
    NoRole(String),
    #[error(
        "the name {0} belongs to another account at the identity provider: ask an administrator"
    )]
    NameTaken(String),
    #[error("too many sign-ins are under way: try again in a few minutes")]
    Busy,
    #[error("the app's database failed: {0}")]
    Store(#[from] StoreError),
}

/// A sign-in begun: where to send the browser, and the state its cookie keeps.
pub struct Begun {
    pub authorize_url: String,
    pub state: String,
}

/// A sign-in finished: the session's token for its cookie, and where to go.
pub struct Finished {
    pub token: String,
    pub return_to: String,
}

pub struct SignIn {
    config: Arc<OidcConfig>,
    base_path: String,
    store: Store,
    audit: Arc<dyn AuditTrail>,
    http: reqwest::Client,
    /// The provider as last discovered; discovered again when its keys no longer check a token.
    provider: tokio::sync::RwLock<Option<Arc<Discovered>>>,
}

/// Sign-ins under way beyond which more are refused (each is a row, kept 15 minutes).
const MOST_SIGN_INS_UNDER_WAY: i64 = 10_000;

impl SignIn {
    pub fn new(
        config: Arc<OidcConfig>,
        base_path: &str,
        store: Store,
        audit: Arc<dyn AuditTrail>,
    ) -> Self {
        let http = reqwest::Client::builder()
            // The provider's answers are read as they are (the spec forbids following redirects).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(15))
            .build()
            .expect("an HTTP client with rustls");
        Self {
            config,
            base_path: base_path.to_owned(),
            store,
            audit,
            http,
            provider: tokio::sync::RwLock::new(None),
        }
    }

    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    async fn provider(&self) -> Result<Arc<Discovered>, SignInFailure> {
        if let Some(known) = self.provider.read().await.clone() {
            return Ok(known);
        }
        self.rediscover().await
    }

    async fn rediscover(&self) -> Result<Arc<Discovered>, SignInFailure> {
        let fresh =
            discover(&self.config, &self.http)
                .await
                .map_err(|why| SignInFailure::Provider {
                    issuer: self.config.issuer.clone(),
                    why,
                })?;
        let fresh = Arc::new(fresh);
        *self.provider.write().await = Some(fresh.clone());
        Ok(fresh)
    }

    /// Starts a sign-in that returns to `return_to` (a path of this app).
    pub async fn begin(&self, return_to: Option<&str>) -> Result<Begun, SignInFailure> {
        let now = Utc::now();
        let lifetimes = self.config.lifetimes;
        self.store
            .forget_expired_sessions(
                now - lifetimes.idle,
                now - lifetimes.absolute,
                now - SIGN_IN_PATIENCE,
            )
            .await?;
        if self.store.sign_ins_under_way().await? >= MOST_SIGN_INS_UNDER_WAY {
            return Err(SignInFailure::Busy);
        }
        let provider = self.provider().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = provider.client.authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        );
        for scope in &self.config.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.set_pkce_challenge(challenge).url();
        self.store
            .begin_sign_in(&SignInAttempt {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                return_to: sessions::return_to(&self.base_path, return_to),
                created_at: now,
            })
            .await?;
        Ok(Begun {
            authorize_url: url.to_string(),
            state: state.secret().clone(),
        })
    }

    /// Takes the provider's answer to the sign-in `state` names, begun in this browser
    /// (`browser_state`, from its cookie), and opens a session.
    pub async fn finish(
        &self,
        state: &str,
        code: &str,
        browser_state: Option<&str>,
        peer: Option<IpAddr>,
    ) -> Result<Finished, SignInFailure> {
        if browser_state != Some(state) {
            return Err(SignInFailure::Expired);
        }
        let attempt = self
            .store
            .take_sign_in(state)
            .await?
            .ok_or(SignInFailure::Expired)?;
        let now = Utc::now();
        if now - attempt.created_at > SIGN_IN_PATIENCE {
            return Err(SignInFailure::Expired);
        }
        let provider = self.provider().await?;
        let answer = |error: String| SignInFailure::Answer(error);
        let tokens = provider
            .client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|error| answer(error.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|error| answer(with_causes(&error)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| answer("no ID token".into()))?;
        let nonce = Nonce::new(attempt.nonce);
        let claims = match id_token.claims(&provider.client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            // The provider may have rotated its signing keys since it was discovered.
            Err(_) => {
                let fresh = self.rediscover().await?;
                let verifier = fresh.client.id_token_verifier();
                let claims = id_token
                    .claims(&verifier, &nonce)
                    .map_err(|error| answer(error.to_string()))?
                    .clone();
                claims
            }
        };
        let groups =
            sessions::claim_values(&claims.additional_claims().all, &self.config.roles_claim);
        let address = peer.map(|peer| peer.to_string());
        let wanted = self.name_of(&claims);
        let subject = claims.subject().to_string();
        let Some(name) = self.store.bind_person(&subject, &wanted, now).await? else {
            return Err(SignInFailure::NameTaken(wanted));
        };
        let Some(role) = self.role_of(&groups) else {
            // Recorded with the least role, and the groups that gave none.
            let actor = Actor {
                name: name.clone(),
                role: Role::Viewer,
                address,
            };
            let subject = AuditSubject {
                detail: Some(format!("groups: {}", groups.join(", "))),
                ..AuditSubject::default()
            };
            self.note(
                actor,
                AuditAction::SignIn,
                AuditOutcome::Refused(Right::Read),
                subject,
            )
            .await;
            return Err(SignInFailure::NoRole(name));
        };
        let token = sessions::new_token();
        self.store
            .create_session(
                &sessions::token_hash(&token),
                &StoredSession {
                    subject,
                    name: name.clone(),
                    groups,
                    id_token: Some(id_token.to_string()),
                    created_at: now,
                    last_seen_at: now,
                },
            )
            .await?;
        let actor = Actor {
            name,
            role,
            address,
        };
        self.note(
            actor,
            AuditAction::SignIn,
            AuditOutcome::Done,
            AuditSubject::default(),
        )
        .await;
        Ok(Finished {
            token,
            return_to: attempt.return_to,
        })
    }

    /// The role `groups` give with the roles configured now.
    fn role_of(&self, groups: &[String]) -> Option<Role> {
        self.config.roles.role_of(groups.iter().map(String::as_str))
    }

    fn name_of(&self, claims: &IdTokenClaims<ProviderClaims, CoreGenderClaim>) -> String {
        let configured =
            sessions::claim_values(&claims.additional_claims().all, &self.config.name_claim)
                .into_iter()
                .next();
        let username = claims.preferred_username().map(|name| name.to_string());
        // An address the provider has not checked could be anyone's.
        let email = claims
            .email()
            .filter(|_| claims.email_verified() == Some(true))
            .map(|email| email.to_string());
        let standard = match self.config.name_claim.as_str() {
            "email" => email.clone().or(username.clone()),
            _ => username.clone().or(email.clone()),
        };
        configured
            .or(standard)
            .unwrap_or_else(|| claims.subject().to_string())
    }

    /// The person a request's session cookie names. `touch`: the request counts as use (a
    /// page asking who is signed in does not keep a session alive).
    pub async fn identify(
        &self,
        peer: Option<IpAddr>,
        headers: &HeaderMap,
        touch: bool,
    ) -> Result<Actor, NotSignedIn> {
        let token = session_token(headers).ok_or(NotSignedIn::SignInNeeded)?;
        let hash = sessions::token_hash(token);
        let session = self
            .store
            .session(&hash)
            .await
            .map_err(|error| NotSignedIn::Unavailable(error.to_string()))?
            .ok_or(NotSignedIn::SessionEnded)?;
        let now = Utc::now();
        if !self
            .config
            .lifetimes
            .is_live(session.created_at, session.last_seen_at, now)
        {
            return Err(NotSignedIn::SessionEnded);
        }
        if touch && Lifetimes::needs_touch(session.last_seen_at, now) {
            if let Err(error) = self.store.touch_session(&hash, now).await {
                tracing::warn!(%error, "could not record a session's use");
            }
        }
        // The role as the roles configured now give it (a mapping changed since sign-in counts).
        let role = self
            .role_of(&session.groups)
            .ok_or_else(|| NotSignedIn::NoRole(session.name.clone()))?;
        Ok(Actor {
            name: session.name,
            role,
            address: peer.map(|peer| peer.to_string()),
        })
    }

    /// Ends the request's session (if any) and says where the browser goes next: the provider's
    /// own sign-out when it has one, which comes back to the app's "signed out" page.
    pub async fn sign_out(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> String {
        let signed_out = self.config.signed_out_url();
        let Some(token) = session_token(headers) else {
            return signed_out;
        };
        let hash = sessions::token_hash(token);
        let session = match self.store.session(&hash).await {
            Ok(session) => session,
            Err(error) => {
                tracing::error!(%error, "could not read the session being ended");
                None
            }
        };
        if let Err(error) = self.store.end_session(&hash).await {
            tracing::error!(%error, "could not end a session");
        }
        let Some(session) = session else {
            return signed_out;
        };
        let role = self.role_of(&session.groups).unwrap_or(Role::Viewer);
        let actor = Actor {
            name: session.name,
            role,
            address: peer.map(|peer| peer.to_string()),
        };
        self.note(
            actor,
            AuditAction::SignOut,
            AuditOutcome::Done,
            AuditSubject::default(),
        )
        .await;
        let Ok(provider) = self.provider().await else {
            return signed_out;
        };
        // Only on the issuer's origin: the page's policy lets its sign-out form lead nowhere else.
        let Some(mut end_session) = provider
            .end_session
            .clone()
            .filter(|url| url.origin().ascii_serialization() == self.config.issuer_origin())
        else {
            return signed_out;
        };
        {
            let mut query = end_session.query_pairs_mut();
            if let Some(id_token) = &session.id_token {
                query.append_pair("id_token_hint", id_token);
            }
            query
                .append_pair("post_logout_redirect_uri", &signed_out)
                .append_pair("client_id", &self.config.client_id);
        }
        end_session.to_string()
    }

    async fn note(
        &self,
        actor: Actor,
        action: AuditAction,
        outcome: AuditOutcome,
        subject: AuditSubject,
    ) {
        self.audit
            .record(AuditRecord {
                actor,
                action,
                outcome,
                subject,
            })
            .await;
    }
}
