// Drives Flowgate's Management API with Auth0's own Node SDK, unchanged: ManagementClient gets its token with
// client credentials from https://<domain>/oauth/token and calls https://<domain>/api/v2/actions/...
// Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET; prints one JSON object of what the SDK returned.
const { client: managementClient, failure, print } = require("./management-script");

const client = managementClient();

const code = (claim) => `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim("https://example.com/sdk", "${claim}");
};
`;


async function main() {
  const triggers = await client.actions.triggers.list();
  const created = await client.actions.create({
    name: "Set a claim from the SDK",
    supported_triggers: [{ id: "post-login", version: "v3" }],
    code: code("v1"),
    secrets: [{ name: "API_KEY", value: "sdk-secret-value" }],
  });
  const first = await client.actions.deploy(created.id);
  await client.actions.update(created.id, { code: code("v2") });
  const second = await client.actions.deploy(created.id);
  const rollback = await client.actions.versions.deploy(created.id, first.id);
  const versions = await client.actions.versions.list(created.id);
  const bound = await client.actions.triggers.bindings.updateMany("post-login", {
    bindings: [{ ref: { type: "action_id", value: created.id }, display_name: "Claim from the SDK" }],
  });
  const bindings = await client.actions.triggers.bindings.list("post-login");
  const listed = await client.actions.list({ actionName: created.name });
  const fetched = await client.actions.get(created.id);

  return {
    triggers: triggers.triggers.map((t) => `${t.id}@${t.version}`),
    created: { id: created.id, name: created.name, secrets: created.secrets.map((s) => Object.keys(s).sort()) },
    deployed: [first, second, rollback].map((v) => ({ id: v.id, number: v.number, deployed: v.deployed })),
    versions: versions.data.map((v) => ({ number: v.number, deployed: v.deployed })),
    bound: bound.bindings.map((b) => b.display_name),
    bindings: bindings.data.map((b) => ({ display_name: b.display_name, action_id: b.action.id })),
    listed: listed.data.map((a) => ({ id: a.id, deployed_number: a.deployed_version?.number, all_changes_deployed: a.all_changes_deployed })),
    fetched: { code: fetched.code, deployed_code: fetched.deployed_version.code },
    missing_action: await failure(() => client.actions.get("no-such-action")),
    missing_execution: await failure(() => client.actions.executions.get("no-such-execution")),
    duplicate_name: await failure(() => client.actions.create({ name: created.name, supported_triggers: [{ id: "post-login" }] })),
  };
}

print(main());
