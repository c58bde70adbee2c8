import { defineConfig } from '@playwright/test';
import { APPROVAL, DIST, ELSEWHERE, EMBEDDED, OIDC, PORTAL, SECRET_KEY, SECRET_LOGIN, UNDERPRICED } from './tests/servers';

// Debian's Chromium: Playwright downloads no browser here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const server = '../target/release/sms-scheduler';
const common = {
  SMS_SCHEDULER__SERVER__SITE_ROOT: '../target/site',
  RUST_LOG: 'warn',
  // Every test acts as the same person, two at a time: far more than one person's allowance.
  SMS_SCHEDULER__LIMITS__PREVIEWS_PER_MINUTE: '100000',
  SMS_SCHEDULER__LIMITS__SCHEDULES_PER_MINUTE: '100000',
  // Two workers' uploads at once, and one cut upload still being cleaned up.
  SMS_SCHEDULER__SENDING__UPLOADS_AT_ONCE: '8',
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: EMBEDDED.url,
    timezoneId: 'Europe/Paris',
    locale: 'en-GB',
    // What the portal's proxy adds to every request it forwards (the embedded server, without
    // sign-in, ignores them).
    extraHTTPHeaders: { 'X-Forwarded-User': PORTAL.user, 'X-Forwarded-Groups': PORTAL.groups },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        // The iframe tests serve a portal page at a made-up origin (http://portal.test); Chrome's
        // local-network checks would block it from framing the app on 127.0.0.1.
        '--disable-features=PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests,LocalNetworkAccessChecks',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // The embedded default: SQLite and the sandboxes, as `make run` serves it.
      command: `rm -rf .data/embedded && ${server}`,
      url: `${EMBEDDED.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER__SERVER__LISTEN: EMBEDDED.listen,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/embedded/sms-scheduler.db',
        // Small enough for a test to pick a file over it (large-recipient-file.spec.ts).
        SMS_SCHEDULER__SENDING__MAX_FILE_MEGABYTES: '8',
      },
    },
    {
      // Behind a portal: a sub-path, sign-in by the portal's proxy (the tests' own address is the
      // proxy's), and real credentials (pointed at the sandbox, which is told to accept them), so
      // tests can look for the key in what the browser gets.
      command: `rm -rf .data/portal && ${server}`,
      url: `${PORTAL.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER__SERVER__LISTEN: PORTAL.listen,
        SMS_SCHEDULER__SERVER__BASE_PATH: PORTAL.basePath,
        SMS_SCHEDULER__AUTH__MODE: 'trusted_header',
        SMS_SCHEDULER__AUTH__USER_HEADER: 'X-Forwarded-User',
        SMS_SCHEDULER__AUTH__GROUPS_HEADER: 'X-Forwarded-Groups',
        SMS_SCHEDULER__AUTH__TRUSTED_PROXIES: '127.0.0.1 ::1',
        SMS_SCHEDULER__AUTH__ROLES__ADMIN: PORTAL.groups,
        SMS_SCHEDULER__AUTH__ROLES__VIEWER: PORTAL.viewers,
        SMS_SCHEDULER__AUTH__ROLES__SENDER: PORTAL.senders,
        SMS_SCHEDULER__AUTH__ROLES__APPROVER: PORTAL.approvers,
        SMS_SCHEDULER__SERVER__FRAME_ANCESTORS: PORTAL.frameAncestor,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/portal/sms-scheduler.db',
        SMS_SCHEDULER__OCTOPUSH__API_LOGIN: SECRET_LOGIN,
        SMS_SCHEDULER__OCTOPUSH__API_KEY: SECRET_KEY,
        SMS_SCHEDULER__OCTOPUSH__BASE_URL: `${PORTAL.url}sandbox/octopush/v1/public`,
        SMS_SCHEDULER__SANDBOX__ENABLED: 'true',
        SMS_SCHEDULER__SANDBOX__OCTOPUSH__API_LOGIN: SECRET_LOGIN,
        SMS_SCHEDULER__SANDBOX__OCTOPUSH__API_KEY: SECRET_KEY,
      },
    },
    {
      command: `rm -rf .data/underpriced && ${server}`,
      url: `${UNDERPRICED.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER__SERVER__LISTEN: UNDERPRICED.listen,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/underpriced/sms-scheduler.db',
        SMS_SCHEDULER__OCTOPUSH__PREMIUM_PRICE: '0.001',
        SMS_SCHEDULER__SANDBOX__INFOBIP__INITIAL_BALANCE: '1',
      },
    },
    {
      // The release archive (`make dist`) unpacked into an empty directory and run from there with
      // an empty environment: no toolchain, no checkout, nothing but what the archive holds.
      command:
        'rm -rf .data/dist && mkdir -p .data/dist && tar -xzf ../dist/sms-scheduler.tar.gz -C .data/dist && ' +
        `cd .data/dist/sms-scheduler-*-linux && exec env -i PATH=/usr/bin:/bin RUST_LOG=warn ` +
        `SMS_SCHEDULER__SERVER__LISTEN=${DIST.listen} SMS_SCHEDULER__SERVER__SITE_ROOT=site ./sms-scheduler`,
      url: `${DIST.url}health/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Four-eyes approval behind a portal's proxy (the rules in approval.toml).
      command: `rm -rf .data/approval && ${server}`,
      url: `${APPROVAL.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER_CONFIG: 'approval.toml',
        SMS_SCHEDULER__SERVER__LISTEN: APPROVAL.listen,
        SMS_SCHEDULER__AUTH__MODE: 'trusted_header',
        SMS_SCHEDULER__AUTH__USER_HEADER: 'X-Forwarded-User',
        SMS_SCHEDULER__AUTH__GROUPS_HEADER: 'X-Forwarded-Groups',
        SMS_SCHEDULER__AUTH__TRUSTED_PROXIES: '127.0.0.1 ::1',
        SMS_SCHEDULER__AUTH__ROLES__ADMIN: PORTAL.groups,
        SMS_SCHEDULER__AUTH__ROLES__SENDER: PORTAL.senders,
        SMS_SCHEDULER__AUTH__ROLES__APPROVER: PORTAL.approvers,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/approval/sms-scheduler.db',
      },
    },
    {
      // Behind a portal whose proxy is elsewhere (10.0.0.5): the tests' requests are not the proxy's.
      command: `rm -rf .data/elsewhere && ${server}`,
      url: `${ELSEWHERE.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER__SERVER__LISTEN: ELSEWHERE.listen,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/elsewhere/sms-scheduler.db',
        SMS_SCHEDULER__AUTH__MODE: 'trusted_header',
        SMS_SCHEDULER__AUTH__USER_HEADER: 'X-Forwarded-User',
        SMS_SCHEDULER__AUTH__GROUPS_HEADER: 'X-Forwarded-Groups',
        SMS_SCHEDULER__AUTH__TRUSTED_PROXIES: '10.0.0.5',
        SMS_SCHEDULER__AUTH__ROLES__ADMIN: PORTAL.groups,
      },
    },
    {
      // A real OpenID Connect provider (oidc-provider) for built-in sign-in.
      command: `node oidc/provider.mjs ${OIDC.issuerPort} ${OIDC.clientId} ${OIDC.clientSecret} ${OIDC.publicUrl}`,
      url: `${OIDC.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Built-in sign-in through that provider, under a sub-path.
      command: `rm -rf .data/oidc && ${server}`,
      url: `${OIDC.url}health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...common,
        SMS_SCHEDULER__SERVER__LISTEN: OIDC.listen,
        SMS_SCHEDULER__SERVER__BASE_PATH: OIDC.basePath,
        SMS_SCHEDULER__DATABASE__URL: 'sqlite://.data/oidc/sms-scheduler.db',
        SMS_SCHEDULER__AUTH__MODE: 'oidc',
        SMS_SCHEDULER__AUTH__OIDC__ISSUER: OIDC.issuer,
        SMS_SCHEDULER__AUTH__OIDC__CLIENT_ID: OIDC.clientId,
        SMS_SCHEDULER__AUTH__OIDC__CLIENT_SECRET: OIDC.clientSecret,
        SMS_SCHEDULER__AUTH__OIDC__PUBLIC_URL: OIDC.publicUrl,
        SMS_SCHEDULER__AUTH__OIDC__SCOPES: 'profile email groups',
        SMS_SCHEDULER__AUTH__ROLES__ADMIN: PORTAL.groups,
        SMS_SCHEDULER__AUTH__ROLES__SENDER: PORTAL.senders,
        SMS_SCHEDULER__AUTH__ROLES__APPROVER: PORTAL.approvers,
        SMS_SCHEDULER__AUTH__ROLES__VIEWER: PORTAL.viewers,
      },
    },
  ],
});
