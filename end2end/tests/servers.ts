// The servers Playwright starts (see playwright.config.ts).
export const EMBEDDED = { listen: '127.0.0.1:3100', url: 'http://127.0.0.1:3100/' };
export const PORTAL = {
  listen: '127.0.0.1:3101',
  basePath: '/tools/sms',
  url: 'http://127.0.0.1:3101/tools/sms/',
  /// The portal's origin, allowed to show the app in a frame (served by the tests themselves).
  frameAncestor: 'http://portal.test',
  /// Who the portal's proxy says is signed in, and their groups (which make them an admin there).
  user: 'portal-user@example.com',
  groups: 'sms-admins',
  /// A group that makes people viewers there.
  viewers: 'staff',
  /// Groups that make people senders, and approvers.
  senders: 'sms-senders',
  approvers: 'sms-approvers',
};
/// The embedded default with an Octopush price configured far below what the sandbox charges, so
/// that the credit check passes and Octopush refuses what the balance cannot cover; and an Infobip
/// balance of 1 EUR.
export const UNDERPRICED = { listen: '127.0.0.1:3102', url: 'http://127.0.0.1:3102/' };
/// Behind a portal's proxy (groups as on PORTAL), holding every campaign of more than one
/// recipient for another person's approval (approval.toml).
export const APPROVAL = { listen: '127.0.0.1:3103', url: 'http://127.0.0.1:3103/' };
/// The release archive, unpacked and run on its own defaults (see playwright.config.ts).
export const DIST = { listen: '127.0.0.1:3104', url: 'http://127.0.0.1:3104/' };
/// Built-in sign-in (`auth.mode = "oidc"`) under a sub-path, through a real OpenID provider on
/// loopback (oidc/provider.mjs) whose login form knows sam (sender), ada (approver), root (admin)
/// and vic (viewer); any other name signs in with no group.
export const OIDC = {
  listen: '127.0.0.1:3105',
  basePath: '/sms',
  url: 'http://127.0.0.1:3105/sms/',
  publicUrl: 'http://127.0.0.1:3105/sms',
  issuerPort: '3110',
  issuer: 'http://127.0.0.1:3110',
  clientId: 'sms-scheduler-e2e',
  clientSecret: 'e2e-client-secret-not-a-real-one',
};
/// Behind a portal whose proxy is at 10.0.0.5: the tests, on 127.0.0.1, are not its proxy, so the
/// identity headers they send are refused.
export const ELSEWHERE = { listen: '127.0.0.1:3106', url: 'http://127.0.0.1:3106/' };
export const SECRET_LOGIN = 'owner@portal.example';
export const SECRET_KEY = 'E2E-KEY-5c1f0a9d-NEVER-SENT-TO-THE-BROWSER';
