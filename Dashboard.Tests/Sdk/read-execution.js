// Reads one execution record with Auth0's Node SDK (client.actions.executions.get) and prints it as JSON.
// Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET and EXECUTION_ID.
const { client, print } = require("./management-script");

print(client().actions.executions.get(process.env.EXECUTION_ID));
