// Reads one execution record with Auth0's Node SDK (client.actions.executions.get) and prints it as JSON.
// Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET and EXECUTION_ID.
const { ManagementClient } = require("auth0");

const client = new ManagementClient({
  domain: process.env.AUTH0_DOMAIN,
  clientId: process.env.AUTH0_CLIENT_ID,
  clientSecret: process.env.AUTH0_CLIENT_SECRET,
});

client.actions.executions.get(process.env.EXECUTION_ID).then(
  (execution) => console.log(JSON.stringify(execution)),
  (error) => {
    console.error(error.stack ?? error);
    process.exitCode = 1;
  },
);
