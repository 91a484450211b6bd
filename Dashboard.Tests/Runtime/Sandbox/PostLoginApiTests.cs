using System.Text.Json.Nodes;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>Every post-login api method records the command Auth0's would, and returns what Auth0's does.</summary>
public sealed class PostLoginApiTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private async Task<ActionExecutionResult> Run(string body, string? eventJson = null, string? handler = null)
    {
        var code = $"exports.onExecutePostLogin = async (event, api) => {{ {body} }};\nexports.onContinuePostLogin = exports.onExecutePostLogin;";
        return await fixture.Sandbox.ExecuteAsync(ActionRequests.PostLogin(code, eventJson, tenant: "api", handler: handler), CancellationToken.None);
    }

    public static TheoryData<string, string, string> Recorded => new()
    {
        { "api.access.deny('nope')", "access.deny", """["nope"]""" },
        { "api.accessToken.setCustomClaim('https://x/a', {b: 1})", "accessToken.setCustomClaim", """["https://x/a",{"b":1}]""" },
        { "api.accessToken.addScope('read:xyz')", "accessToken.addScope", """["read:xyz"]""" },
        { "api.accessToken.removeScope('write:xyz')", "accessToken.removeScope", """["write:xyz"]""" },
        { "api.idToken.setCustomClaim('https://x/roles', ['Admin'])", "idToken.setCustomClaim", """["https://x/roles",["Admin"]]""" },
        { "api.multifactor.enable('duo', { allowRememberBrowser: true })", "multifactor.enable", """["duo",{"allowRememberBrowser":true}]""" },
        { "api.authentication.challengeWith({ type: 'otp' }, { additionalFactors: [{ type: 'email' }] })", "authentication.challengeWith", """[{"type":"otp"},{"additionalFactors":[{"type":"email"}]}]""" },
        { "api.authentication.challengeWithAny([{ type: 'otp' }, { type: 'webauthn-roaming' }])", "authentication.challengeWithAny", """[[{"type":"otp"},{"type":"webauthn-roaming"}]]""" },
        { "api.authentication.enrollWith({ type: 'webauthn-roaming' })", "authentication.enrollWith", """[{"type":"webauthn-roaming"}]""" },
        { "api.authentication.enrollWithAny([{ type: 'otp' }, { type: 'phone' }])", "authentication.enrollWithAny", """[[{"type":"otp"},{"type":"phone"}]]""" },
        { "api.authentication.setPrimaryUser('auth0|primary')", "authentication.setPrimaryUser", """["auth0|primary"]""" },
        { "api.redirect.sendUserTo('https://x.example', { query: { a: 'b' } })", "redirect.sendUserTo", """["https://x.example",{"query":{"a":"b"}}]""" },
        { "api.user.setAppMetadata('plan', 'gold')", "user.setAppMetadata", """["plan","gold"]""" },
        { "api.user.setUserMetadata('color', null)", "user.setUserMetadata", """["color",null]""" },
        { "api.transaction.setMetadata('risk', 7)", "transaction.setMetadata", """["risk",7]""" },
        { "api.validation.error('invalid_email', 'Use your work email')", "validation.error", """["invalid_email","Use your work email"]""" },
        { "api.session.revoke('stolen', { preserveRefreshTokens: true })", "session.revoke", """["stolen",{"preserveRefreshTokens":true}]""" },
        { "api.session.setExpiresAt(1700000000000)", "session.setExpiresAt", "[1700000000000]" },
        { "api.session.setIdleExpiresAt(1700000000000)", "session.setIdleExpiresAt", "[1700000000000]" },
        { "api.session.setCookieMode('persistent')", "session.setCookieMode", """["persistent"]""" },
        { "api.session.setMetadata('k', 'v')", "session.setMetadata", """["k","v"]""" },
        { "api.session.deleteMetadata('k')", "session.deleteMetadata", """["k"]""" },
        { "api.session.evictMetadata()", "session.evictMetadata", "[]" },
        { "api.refreshToken.revoke('rotated')", "refreshToken.revoke", """["rotated"]""" },
        { "api.prompt.render('ap_123', { vars: { a: 1 } })", "prompt.render", """["ap_123",{"vars":{"a":1}}]""" },
        { "api.samlResponse.setAttribute('email', 'a@b.c')", "samlResponse.setAttribute", """["email","a@b.c"]""" },
        { "api.samlResponse.setLifetimeInSeconds(600)", "samlResponse.setLifetimeInSeconds", "[600]" },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public async Task Each_method_records_its_command(string call, string method, string args)
    {
        var result = await Run(call + ";");

        Assert.Null(result.Error);
        var command = Assert.Single(result.Commands);
        Assert.Equal(method, command.Method);
        Assert.Equal(args, command.Args());
    }

    [Fact]
    public async Task A_metadata_write_of_undefined_changes_nothing_and_a_key_must_be_a_string()
    {
        var skipped = await Run("api.user.setUserMetadata('color', undefined).user.setAppMetadata('plan', 'gold');");
        var badKey = await Run("api.user.setAppMetadata(42, 'gold');");

        Assert.Equal(["user.setAppMetadata"], skipped.Commands.Select(c => c.Method));
        Assert.Equal("TypeError", badKey.Error!.Name);
        Assert.Empty(badKey.Commands);
    }

    [Fact]
    public async Task Chained_methods_return_api_and_void_methods_return_undefined()
    {
        var result = await Run("""
            const same = [api.access.deny('x'), api.accessToken.setCustomClaim('a', 1), api.idToken.setCustomClaim('b', 2), api.multifactor.enable('any'),
              api.redirect.sendUserTo('https://x'), api.user.setAppMetadata('c', 3), api.user.setUserMetadata('d', 4), api.validation.error('e', 'f')].every(r => r === api);
            const voids = [api.accessToken.addScope('s'), api.accessToken.removeScope('t'), api.transaction.setMetadata('u', 'v')].every(r => r === undefined);
            console.log(same, voids, api.rules.wasExecuted('rul_1'), api.redirect.canRedirect());
            """);

        Assert.Null(result.Error);
        Assert.Equal(["true true false true"], result.Logs);
    }

    [Fact]
    public async Task Invalid_scopes_factors_and_providers_throw()
    {
        foreach (var call in new[] { "api.accessToken.addScope('two words')", "api.authentication.challengeWith({ type: 'carrier-pigeon' })", "api.multifactor.enable('sms')", "api.authentication.recordMethod('https://x')" })
        {
            var result = await Run(call + ";");
            Assert.True(result.Error is not null, call);
            Assert.Empty(result.Commands);
        }
        var recorded = await Run("api.authentication.recordMethod('https://idp.example/mfa');", handler: "onContinuePostLogin");
        Assert.Equal("authentication.recordMethod", recorded.Commands.Single().Method);
    }

    [Fact]
    public async Task Transaction_metadata_is_visible_at_once_and_the_event_is_read_only()
    {
        var result = await Run("""
            api.transaction.setMetadata('step', 'one');
            event.user.email = 'evil@example.com';
            event.transaction.metadata.forged = true;
            console.log(event.transaction.metadata.step, event.user.email, event.transaction.metadata.forged, Object.isFrozen(event.user.identities[0]));
            """);

        Assert.Null(result.Error);
        Assert.Equal(["one j+smith@example.com undefined true"], result.Logs);
    }

    [Fact]
    public async Task Cache_follows_Auth0s_limits_and_result_shapes()
    {
        var result = await Run("""
            const set = api.cache.set('k', 'v', { ttl: 1000 });
            const got = api.cache.get('k');
            const bigKey = api.cache.set('k'.repeat(65), 'v');
            const bigValue = api.cache.set('v', 'x'.repeat(4097));
            const badTtl = api.cache.set('t', 'v', { ttl: -5 });
            const removed = api.cache.delete('k');
            const missing = api.cache.delete('k');
            for (let i = 0; i < 20; i++) api.cache.set('n' + i, 'v');
            const full = api.cache.set('overflow', 'v');
            console.log(JSON.stringify([set.type, typeof set.record.expires_at, got.value, bigKey.code, bigValue.code, badTtl.code, removed.type, missing.code, full.code, api.cache.get('nope')]));
            """);

        Assert.Null(result.Error);
        Assert.Equal(["""["success","number","v","CacheKeySizeExceeded","CacheValueSizeExceeded","InvalidExpiry","success","CacheKeyDoesNotExist","CacheSizeExceeded",null]"""], result.Logs);
    }

    [Fact]
    public async Task Redirect_tokens_are_HS256_and_validate_signature_subject_and_state()
    {
        var token = SessionTokens.Sign("shh", new { iss = "flowgate.example.com", sub = "auth0|5f7c8ec7c33c6c004bbafe82", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state = "st", color = "green" });
        var eventJson = ActionRequests.PostLoginEvent(e => e["request"]!["query"] = new JsonObject { ["session_token"] = token, ["state"] = "st" });
        var result = await Run("""
            const issued = api.redirect.encodeToken({ secret: 'shh', payload: { email: event.user.email }, expiresInSeconds: 60 });
            const [header, body] = issued.split('.').slice(0, 2).map(s => JSON.parse(Buffer.from(s, 'base64url').toString()));
            const payload = api.redirect.validateToken({ secret: 'shh' });
            let wrongSecret;
            try { api.redirect.validateToken({ secret: 'other' }); } catch (e) { wrongSecret = e.message; }
            console.log(header.alg, body.sub, body.iss, body.exp - body.iat, body.email, payload.color, wrongSecret);
            """, eventJson);

        Assert.Null(result.Error);
        Assert.Equal(["HS256 auth0|5f7c8ec7c33c6c004bbafe82 flowgate.example.com 60 j+smith@example.com green The session token signature is invalid"], result.Logs);
    }

    [Fact]
    public async Task Node_builtins_crypto_url_util_and_buffer_work()
    {
        var result = await Run("""
            const crypto = require('crypto');
            const { URL, URLSearchParams } = require('url');
            const util = require('node:util');
            const { Buffer } = require('buffer');
            const u = new URL('https://example.com/a/b?x=1&y=two#h');
            u.searchParams.set('z', 'a b');
            console.log(
              crypto.createHash('sha256').update('abc').digest('hex'),
              crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('base64'),
              crypto.randomUUID().length, crypto.randomBytes(8).length,
              u.hostname, u.searchParams.get('y'), u.toString(),
              util.format('%s=%d', 'n', 42), Buffer.from('héllo').toString('base64'), new URLSearchParams({ a: 1 }).toString());
            """);

        Assert.Null(result.Error);
        Assert.Equal(["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8".Split(' ')[0]
            + " 97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg= 36 8 example.com two https://example.com/a/b?x=1&y=two&z=a+b#h n=42 aMOpbGxv a=1"], result.Logs);
    }
}
