namespace Flowgate.Tests.Login.Mfa;

/// <summary>The post-login Actions the MFA tests deploy.</summary>
internal static class MfaActions
{
    /// <summary>The seed tutorial's "MFA for Role" Action, verbatim.</summary>
    public const string MfaForRole = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.authorization != undefined && event.authorization.roles.includes("Admin")) {
              api.multifactor.enable("any");
          };
        };
        """;

    public const string RememberAllowed = """
        exports.onExecutePostLogin = async (event, api) => {
          api.multifactor.enable('any', { allowRememberBrowser: true });
        };
        """;

    public const string RememberNotAllowed = """
        exports.onExecutePostLogin = async (event, api) => {
          api.multifactor.enable('any');
        };
        """;

    /// <summary>The second seed's pattern, with the authenticator app: enrol once, challenge after.</summary>
    public const string EnrolThenChallenge = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.user.enrolledFactors && event.user.enrolledFactors.some(f => f.type === 'otp')) {
            api.authentication.challengeWith({ type: 'otp' });
          } else {
            api.authentication.enrollWith({ type: 'otp' });
          }
        };
        """;

    /// <summary>Runs after the challenge: what the event says about factors and methods goes into the ID token.</summary>
    public const string ReportEvent = """
        exports.onExecutePostLogin = async (event, api) => {
          api.idToken.setCustomClaim('https://flowgate.test/methods', event.authentication.methods.map(m => m.name).join(','));
          api.idToken.setCustomClaim('https://flowgate.test/factors', (event.user.enrolledFactors || []).map(f => f.type).join(','));
          api.idToken.setCustomClaim('https://flowgate.test/multifactor', (event.user.multifactor || []).join(','));
        };
        """;

    public const string ChallengeOnly = """
        exports.onExecutePostLogin = async (event, api) => {
          api.authentication.challengeWith({ type: 'otp' });
        };
        """;

    /// <summary>Enrol a phone once, be challenged by SMS after.</summary>
    public const string EnrolThenChallengePhone = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.user.enrolledFactors.some(f => f.type === 'phone')) {
            api.authentication.challengeWith({ type: 'phone' });
          } else {
            api.authentication.enrollWith({ type: 'phone' });
          }
        };
        """;

    public const string ChallengeWithAny = """
        exports.onExecutePostLogin = async (event, api) => {
          api.authentication.challengeWithAny([{ type: 'otp' }, { type: 'phone' }, { type: 'webauthn-roaming' }]);
        };
        """;

    /// <summary>An SMS provider: the message goes to the tests' <see cref="SmsGateway"/> over fetch, as to Twilio's API.</summary>
    public static string SendToGateway => $$"""
        exports.onExecuteSendPhoneMessage = async (event, api) => {
          console.log('sending', event.message_options.text, 'to', event.message_options.recipient);
          await fetch('{{SmsGateway.Url}}', {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ user_id: event.user.user_id, ...event.message_options }),
          });
        };
        """;
}
