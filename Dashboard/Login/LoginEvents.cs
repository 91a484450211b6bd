using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;

namespace Flowgate.Dashboard.Login;

/// <summary>Auth0's tenant log event types that Flowgate writes.</summary>
internal static class LogTypes
{
    public const string SuccessLogin = "s";
    public const string FailedLogin = "f";
    public const string WrongPassword = "fp";
    public const string UnknownUser = "fu";
    public const string TooManyAttempts = "limit_wc";
    public const string SuccessSignup = "ss";
    public const string FailedSignup = "fs";
    public const string PasswordResetRequested = "scpr";
    public const string PasswordChanged = "scp";
    public const string PasswordChangeFailed = "fcp";
    public const string VerificationEmailSent = "sv_request";
    public const string EmailVerified = "sv";
    public const string EmailVerificationFailed = "fv";
    public const string ClientCredentialsExchanged = "seccft";
    public const string ClientCredentialsFailed = "feccft";
    public const string MfaPassed = "gd_auth_succeed";
    public const string MfaFailed = "gd_auth_failed";
    public const string MfaEnrolled = "gd_enrollment_complete";
    public const string MfaSmsSent = "gd_send_sms";
    public const string MfaSmsFailed = "gd_send_sms_failure";
    public const string MfaUnenrolled = "gd_unenroll";
    public const string RefreshTokenExchanged = "sertft";
    public const string RefreshTokenFailed = "fertft";
}

/// <summary>
/// Writes tenant log events for what end users and applications do (logins, signups, password changes,
/// token exchanges), linked to the execution of the flow that ran. Written in the background: never a delay.
/// </summary>
internal sealed class LoginEvents(ExecutionRecorder recorder, CurrentTenant tenant)
{
    public void Write(HttpContext context, string type, string description,
        TenantUser? user = null, string? userName = null, string? clientId = null, string? clientName = null, string? executionId = null) =>
        recorder.Log(new TenantLogEvent
        {
            Id = TenantLogEvent.NewId(),
            TenantId = tenant.Id,
            Type = type,
            Date = DateTimeOffset.UtcNow,
            Description = description,
            ClientId = clientId,
            ClientName = clientName,
            UserId = user?.Id,
            UserName = user?.Email ?? userName,
            Ip = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), 512),
            ExecutionId = executionId,
        });

    private static string? Truncate(string value, int max) => value.Length == 0 ? null : value.Length <= max ? value : value[..max];
}
