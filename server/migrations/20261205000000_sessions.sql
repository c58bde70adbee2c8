-- Built-in sign-in (`auth.mode = "oidc"`): sessions and sign-ins under way, in the app's own
-- database so that they survive a restart and every instance on one PostgreSQL shares them.

-- The people the identity provider has signed in: the name the app knows each by is fixed at
-- their first sign-in and belongs to their subject alone, so that renaming oneself at the
-- provider, or taking a colleague's name there, never makes one someone else in the app (its
-- audit trail, its four-eyes rule).
CREATE TABLE oidc_people (
    -- The provider's `sub`.
    subject TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    first_seen_at TEXT NOT NULL
);

-- A signed-in person. The cookie carries a random token; only its SHA-256 is kept here, so that
-- reading the database does not give anyone a session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Their groups at sign-in (a JSON list): the role is read from them with the roles
    -- configured at each request.
    groups TEXT NOT NULL,
    -- The provider's ID token, for its sign-out (id_token_hint).
    id_token TEXT,
    -- RFC 3339, UTC.
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

-- A sign-in sent to the identity provider and not back yet: what its answer must match (state,
-- nonce), the PKCE verifier, and where to go afterwards. Taken once by the callback.
CREATE TABLE sign_in_attempts (
    state TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX sign_in_attempts_created ON sign_in_attempts (created_at);
