// A real OpenID Connect provider for the tests (`oidc-provider`, OpenID-certified), on loopback.
// Its own login form accepts any password; each login name below has the groups the tests give
// it, and any other name has none. Started by Playwright (playwright.config.ts) and by the Rust
// API tests (server/tests/api/oidc.rs):
//   node oidc/provider.mjs <port> <client_id> <client_secret> <app public URL>
// Port 0 takes a free port. It prints "listening on http://127.0.0.1:<port>" once it takes
// requests.
import http from 'node:http';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, appUrl] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !appUrl) {
  console.error('usage: provider.mjs <port> <client_id> <client_secret> <app public URL>');
  process.exit(2);
}
const server = http.createServer();
await new Promise((listening) => server.listen(Number(port), '127.0.0.1', listening));
const issuer = `http://127.0.0.1:${server.address().port}`;

/// The people of the tests' directory and their groups.
const PEOPLE = {
  sam: { name: 'Sam Sender', groups: ['sms-senders'] },
  ada: { name: 'Ada Approver', groups: ['sms-approvers'] },
  root: { name: 'Root Admin', groups: ['sms-admins'] },
  vic: { name: 'Vic Viewer', groups: ['staff'] },
  // Another account that calls itself sam at the provider.
  'sam-twin': { name: 'Sam Twin', groups: ['sms-approvers'], username: 'sam' },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/auth/callback`],
      post_logout_redirect_uris: [`${appUrl}/auth/signed-out`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email'],
    groups: ['groups'],
  },
  // The groups in the ID token itself, as Entra ID and Keycloak (with a mapper) put them.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Signs out of the provider at once (the answer "yes" of its confirmation page, given by
      // the page itself) and goes back to the app.
      logoutSource: async (ctx, form) => {
        const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
        ctx.body = `<!DOCTYPE html><html><body>${confirmed}<script>document.forms[0].submit()</script></body></html>`;
      },
    },
  },
  async findAccount(_ctx, id) {
    const person = PEOPLE[id] ?? { name: id, groups: [] };
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          name: person.name,
          preferred_username: person.username ?? id,
          email: `${id}@example.com`,
          groups: person.groups,
        };
      },
    };
  },
  // The app is the portal's own: nobody is asked to consent to it.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email groups');
    await grant.save();
    return grant;
  },
  cookies: { keys: ['tests-only-cookie-key'] },
  ttl: { Session: 3600, Interaction: 3600, Grant: 3600, AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600 },
});
// Quiet: the tests read only the line below.
provider.on('server_error', (_ctx, error) => console.error(error));

server.on('request', provider.callback());
console.log(`listening on ${issuer}`);
