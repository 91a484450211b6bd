// What the Management API scripts share: Auth0's ManagementClient configured from AUTH0_DOMAIN, AUTH0_CLIENT_ID and
// AUTH0_CLIENT_SECRET, how a failed call looked to its caller, and printing one JSON result (or the error, exit code 1).
const { ManagementClient } = require("auth0");

exports.client = () =>
  new ManagementClient({
    domain: process.env.AUTH0_DOMAIN,
    clientId: process.env.AUTH0_CLIENT_ID,
    clientSecret: process.env.AUTH0_CLIENT_SECRET,
  });

// A failed call as the SDK's caller sees it: its error class and status (null when the call succeeded).
exports.failure = async (call) => {
  try {
    await call();
    return null;
  } catch (error) {
    return { name: error.name, statusCode: error.statusCode, message: error.body?.message ?? error.message };
  }
};

exports.print = (promise) =>
  promise.then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error.stack ?? error);
      if (error.body) console.error(JSON.stringify(error.body));
      process.exitCode = 1;
    },
  );
