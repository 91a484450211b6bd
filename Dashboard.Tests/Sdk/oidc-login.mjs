// openid-client (panva's OpenID Certified relying party library) logs in to Flowgate as a public (SPA) client, unchanged.
// A login is two runs, because the test drives the hosted login page in between:
//   STEP=authorize: discovers ISSUER, prints { url, verifier, state, nonce } (the URL sends the browser to /authorize).
//   STEP=callback: redeems CALLBACK_URL, checking VERIFIER, STATE and NONCE (the ID token's signature against the JWKS,
//   iss, aud, nonce, and the response's state and iss), then reads userinfo; prints { claims, userinfo } or what the
//   library rejected as { rejected: { code, message, cause } }.
// Also reads CLIENT_ID and REDIRECT_URI.
import * as client from "openid-client";

const env = process.env;
const print = (value) => process.stdout.write(JSON.stringify(value));
const config = await client.discovery(new URL(env.ISSUER), env.CLIENT_ID, undefined, client.None());

if (env.STEP === "authorize") {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: env.REDIRECT_URI,
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  print({ url: url.href, verifier, state, nonce });
} else {
  let tokens;
  try {
    tokens = await client.authorizationCodeGrant(config, new URL(env.CALLBACK_URL), {
      pkceCodeVerifier: env.VERIFIER,
      expectedState: env.STATE,
      expectedNonce: env.NONCE,
      idTokenExpected: true,
    });
  } catch (e) {
    // Only the callback's checks are the test's to expect; anything else (discovery, userinfo) fails the run.
    // The library's message is generic ("invalid response encountered"); its cause names the check that failed.
    print({ rejected: { code: e.code, message: e.message, cause: e.cause?.message } });
    process.exit(0);
  }
  const claims = tokens.claims();
  print({ claims, userinfo: await client.fetchUserInfo(config, tokens.access_token, claims.sub) });
}
