// Moves users in with Auth0's own Node SDK, unchanged: an import job whose file carries password hashes made here with
// Node's crypto (pbkdf2 and salted sha512) and one bad row, its summary and errors, then an export job. Prints one JSON object.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { client: managementClient, print } = require("./management-script");

const client = managementClient();
const b64 = (bytes) => bytes.toString("base64").replace(/=+$/, "");

function pbkdf2(password) {
  const salt = crypto.randomBytes(16);
  const key = crypto.pbkdf2Sync(password, salt, 10000, 32, "sha256");
  return { algorithm: "pbkdf2", hash: { value: `$pbkdf2-sha256$i=10000,l=32$${b64(salt)}$${b64(key)}`, encoding: "utf8" } };
}

function sha512(password) {
  const salt = crypto.randomBytes(8).toString("hex");
  const value = crypto.createHash("sha512").update(password + salt).digest("hex");
  return { algorithm: "sha512", hash: { value, encoding: "hex" }, salt: { value: salt, encoding: "utf8", position: "suffix" } };
}

async function finished(id) {
  for (;;) {
    const job = await client.jobs.get(id);
    if (job.status !== "pending" && job.status !== "processing") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flowgate-sdk-")), "users.json");
  fs.writeFileSync(file, JSON.stringify([
    { email: "node.pbkdf2@example.com", email_verified: true, user_metadata: { team: "blue" }, custom_password_hash: pbkdf2("node pbkdf2 password") },
    { email: "node.sha512@example.com", email_verified: true, custom_password_hash: sha512("node sha512 password") },
    { email: "not an address" },
  ]));
  const started = await client.jobs.usersImports.create({
    users: fs.createReadStream(file),
    connection_id: process.env.CONNECTION_ID,
    upsert: false,
    send_completion_email: false,
  });
  const imported = await finished(started.id);
  const errors = await client.jobs.errors.get(started.id);
  const exportStarted = await client.jobs.usersExports.create({
    connection_id: process.env.CONNECTION_ID,
    format: "json",
    fields: [{ name: "email" }, { name: "user_metadata.team", export_as: "team" }],
  });
  const exported = await finished(exportStarted.id);
  fs.rmSync(path.dirname(file), { recursive: true });
  return {
    started: { status: started.status, type: started.type, id: started.id, connection_id: started.connection_id },
    imported: { status: imported.status, summary: imported.summary },
    errors: errors.map((e) => ({ email: e.user?.email, codes: e.errors?.map((x) => x.code) })),
    exported: { status: exported.status, type: exported.type, format: exported.format, location: exported.location },
  };
}

print(main());
