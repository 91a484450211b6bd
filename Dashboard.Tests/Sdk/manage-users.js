// Drives Flowgate's user, role, application, API, MFA factor and log endpoints with Auth0's own Node SDK, unchanged, the way
// provisioning scripts do. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET; prints one JSON object.
const { client: managementClient, failure, print } = require("./management-script");

const client = managementClient();

async function main() {
  const role = await client.roles.create({ name: "Admin", description: "Can do everything" });
  const user = await client.users.create({
    connection: "Username-Password-Authentication",
    email: "sdk.user@example.com",
    password: "a long enough passphrase 1!",
    user_metadata: { color: "blue" },
    app_metadata: { plan: "free" },
  });
  await client.users.roles.assign(user.user_id, { roles: [role.id] });
  const updated = await client.users.update(user.user_id, { app_metadata: { plan: "pro" }, user_metadata: { color: null, size: "L" } });
  const fetched = await client.users.get(user.user_id);
  const byEmail = await client.users.listUsersByEmail({ email: "SDK.User@example.com" });
  const userRoles = await client.users.roles.list(user.user_id);
  const roles = await client.roles.list();
  const users = await client.users.list({ per_page: 50, page: 0 });
  const api = await client.resourceServers.create({ name: "Orders", identifier: "https://orders.example.com", scopes: [{ value: "read:orders", description: "Read orders" }] });
  const app = await client.clients.create({ name: "Orders web", app_type: "regular_web", callbacks: ["https://orders.example.com/callback"] });
  const logs = await client.logs.list({ per_page: 10, page: 0 });
  const missingUser = await failure(() => client.users.get("auth0|no-such-user"));
  const duplicate = await failure(() => client.users.create({ connection: "Username-Password-Authentication", email: "sdk.user@example.com", password: "another long passphrase 2!" }));
  const weak = await failure(() => client.users.create({ connection: "Username-Password-Authentication", email: "weak@example.com", password: "123" }));
  const smsOff = await client.guardian.factors.set("sms", { enabled: false });
  const factors = await client.guardian.factors.list();
  const push = await failure(() => client.guardian.factors.set("push-notification", { enabled: true }));
  await client.users.delete(user.user_id);
  const deleted = await failure(() => client.users.get(user.user_id));

  return {
    role: { id: role.id, name: role.name },
    created: { user_id: user.user_id, email: user.email, user_metadata: user.user_metadata, app_metadata: user.app_metadata },
    updated: { app_metadata: updated.app_metadata, user_metadata: updated.user_metadata },
    fetched: { email: fetched.email, email_verified: fetched.email_verified, identities: fetched.identities?.map((i) => i.connection) },
    by_email: byEmail.map((u) => u.user_id),
    user_roles: userRoles.data.map((r) => r.name),
    roles: roles.data.map((r) => r.name),
    users: users.data.map((u) => u.email),
    api: { identifier: api.identifier, scopes: api.scopes?.map((s) => s.value) },
    app: { client_id: app.client_id, has_secret: typeof app.client_secret === "string", app_type: app.app_type, callbacks: app.callbacks },
    logs: logs.data.map((l) => `${l.type} ${l.client_id}`),
    sms_off: smsOff.enabled,
    factors: Object.fromEntries(factors.map((f) => [f.name, f.enabled])),
    push,
    missing_user: missingUser,
    duplicate,
    weak,
    deleted,
  };
}

print(main());
