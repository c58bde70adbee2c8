//! The identity provider as the app's OpenID Connect client sees it: `[auth.oidc]` read, the
//! client types (every claim of the ID token kept, for the configured name and roles claims), and
//! discovery.

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreRevocableToken,
    CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::url::Url;
use openidconnect::{
    AdditionalClaims, Client, ClientId, ClientSecret, EmptyExtraTokenFields, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl, ProviderMetadataWithLogout, RedirectUrl,
    StandardErrorResponse, StandardTokenResponse,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::sessions::Lifetimes;
use super::RoleMap;

/// `[auth.oidc]` read (see `configuration::auth_oidc`).
#[derive(Debug, Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<SecretString>,
    /// Without a trailing slash.
    pub public_url: String,
    pub secure_cookies: bool,
    pub roles_claim: String,
    pub name_claim: String,
    pub scopes: Vec<String>,
    pub lifetimes: Lifetimes,
    pub roles: RoleMap,
}

impl OidcConfig {
    pub fn callback_url(&self) -> String {
        format!("{}/auth/callback", self.public_url)
    }

    pub fn signed_out_url(&self) -> String {
        format!("{}/auth/signed-out", self.public_url)
    }

    /// The issuer's origin (`https://sso.example.com`), where its sign-out is expected to be.
    pub fn issuer_origin(&self) -> String {
        Url::parse(&self.issuer)
            .map(|url| url.origin().ascii_serialization())
            .unwrap_or_default()
    }
}

/// Every claim of the ID token, for the configured name and roles claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProviderClaims {
    #[serde(flatten)]
    pub all: serde_json::Map<String, serde_json::Value>,
}
impl AdditionalClaims for ProviderClaims {}

type ProviderTokenResponse = StandardTokenResponse<
    IdTokenFields<
        ProviderClaims,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;

pub type ProviderClient = Client<
    ProviderClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    ProviderTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The provider, once discovered: the client, and its sign-out endpoint when it has one.
pub struct Discovered {
    pub client: ProviderClient,
    pub end_session: Option<Url>,
}

/// Reads the provider's `/.well-known/openid-configuration` and makes the client.
pub async fn discover(config: &OidcConfig, http: &reqwest::Client) -> Result<Discovered, String> {
    let issuer = IssuerUrl::new(config.issuer.clone()).map_err(|error| with_causes(&error))?;
    let metadata = ProviderMetadataWithLogout::discover_async(issuer, http)
        .await
        .map_err(|error| with_causes(&error))?;
    let end_session = metadata
        .additional_metadata()
        .end_session_endpoint
        .as_ref()
        .map(|url| url.url().clone());
    let secret = config
        .client_secret
        .as_ref()
        .map(|secret| ClientSecret::new(secret.expose_secret().to_owned()));
    let redirect = RedirectUrl::new(config.callback_url()).map_err(|error| with_causes(&error))?;
    let client = ProviderClient::from_provider_metadata(
        metadata,
        ClientId::new(config.client_id.clone()),
        secret,
    )
    .set_redirect_uri(redirect);
    Ok(Discovered {
        client,
        end_session,
    })
}

/// An error and what caused it, for the page and the log (the crate's own words are short).
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut words = error.to_string();
    let mut cause = error.source();
    while let Some(source) = cause {
        words.push_str(": ");
        words.push_str(&source.to_string());
        cause = source.source();
    }
    words
}
