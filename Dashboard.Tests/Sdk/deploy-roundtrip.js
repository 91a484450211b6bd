// Auth0's Deploy CLI (auth0-deploy-cli, pinned in package-lock.json) against Flowgate, with its default configuration:
// STEP=export writes the tenant to DIR/tenant.yaml, STEP=import reads it back. The CLI calls https://<AUTH0_DOMAIN>.
// Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, STEP, DIR; exits non-zero with the CLI's error.
const path = require("node:path");
const { dump, deploy } = require("auth0-deploy-cli");

// Every refused call goes to stderr, so a failure names the endpoint the CLI needed.
const fetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.ok)
    console.error(`${init?.method ?? "GET"} ${input.url ?? input} -> ${response.status}`);
  return response;
};

const config = {
  AUTH0_DOMAIN: process.env.AUTH0_DOMAIN,
  AUTH0_CLIENT_ID: process.env.AUTH0_CLIENT_ID,
  AUTH0_CLIENT_SECRET: process.env.AUTH0_CLIENT_SECRET,
  AUTH0_ALLOW_DELETE: false,
};

async function main() {
  const dir = process.env.DIR;
  if (process.env.STEP === "export")
    await dump({ output_folder: dir, format: "yaml", config });
  else
    await deploy({ input_file: path.join(dir, "tenant.yaml"), config });
}

main().catch((error) => {
  console.error(error && (error.stack || error.message || error));
  process.exit(1);
});
