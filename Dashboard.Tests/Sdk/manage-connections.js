// Connections, account linking, tickets and mail templates with Auth0's own Node SDK, unchanged: an OIDC connection
// created with a client secret, listed, read, enabled for applications (both ways the SDK offers) and deleted; an
// upstream user (PRIMARY_USER_ID and LINKED_* from the test) linked and unlinked; verification and password-change
// tickets; the verify_email template written, then a verification mail sent with it. Prints one JSON object.
const { client: managementClient, failure, print } = require("./management-script");

const client = managementClient();
const all = async (page) => {
  const items = [];
  for await (const item of await page) items.push(item);
  return items;
};

async function main() {
  const primary = process.env.PRIMARY_USER_ID;
  const linked = { provider: process.env.LINKED_PROVIDER, user_id: process.env.LINKED_USER_ID };
  const created = await client.connections.create({
    name: "sdk-oidc",
    strategy: "oidc",
    display_name: "SDK OIDC",
    options: { client_id: "sdk-upstream-client", client_secret: "sdk-upstream-secret-0123456789", issuer: "https://idp.example.com", type: "back_channel" },
  });
  const listed = await all(client.connections.list({ strategy: ["oidc"] }));
  const fetched = await client.connections.get(created.id);
  const updated = await client.connections.update(created.id, { enabled_clients: [process.env.SPA_CLIENT_ID], display_name: "SDK OIDC login" });
  await client.connections.clients.update(created.id, [
    { client_id: process.env.SPA_CLIENT_ID, status: false },
    { client_id: process.env.AUTH0_CLIENT_ID, status: true },
  ]);
  const enabled = await all(client.connections.clients.get(created.id));
  const noClients = await failure(() => client.connections.clients.update(created.id, []));

  const afterLink = await client.users.identities.link(primary, linked);
  const afterUnlink = await client.users.identities.delete(primary, linked.provider, linked.user_id);

  const verifyTicket = await client.tickets.verifyEmail({ user_id: primary, result_url: "https://app.example.com/verified", ttl_sec: 3600 });
  const passwordTicket = await client.tickets.changePassword({ user_id: primary, mark_email_as_verified: true });

  const template = await client.emailTemplates.create({
    template: "verify_email", syntax: "liquid", enabled: true, from: "accounts@example.com", subject: "Confirm {{ user.email }}",
    body: "<p>Hello {{ user.email }}, confirm here: {{ url }}</p>",
  });
  const templateRead = await client.emailTemplates.get("verify_email");
  const templateUpdated = await client.emailTemplates.update("verify_email", { subject: "Please confirm your address", urlLifetimeInSeconds: 7200 });
  const job = await client.jobs.verificationEmail.create({ user_id: primary });

  await client.connections.delete(created.id);
  return {
    created: { id: created.id, strategy: created.strategy, secret: created.options?.client_secret },
    listed: listed.map((c) => ({ name: c.name, strategy: c.strategy, secret: c.options?.client_secret })),
    fetched: { name: fetched.name, display_name: fetched.display_name, secret: fetched.options?.client_secret },
    updated: { display_name: updated.display_name, enabled_clients: updated.enabled_clients },
    enabled: enabled.map((c) => c.client_id),
    no_clients: noClients,
    after_link: afterLink.map((i) => `${i.provider}|${i.user_id}`),
    after_unlink: afterUnlink.map((i) => `${i.provider}|${i.user_id}`),
    tickets: { verify: verifyTicket.ticket, password: passwordTicket.ticket },
    template: { created: template.subject, read: templateRead.body, updated: templateUpdated.subject, lifetime: templateUpdated.urlLifetimeInSeconds },
    job: { status: job.status, type: job.type, id: job.id },
    deleted: await failure(() => client.connections.get(created.id)),
  };
}

print(main());
