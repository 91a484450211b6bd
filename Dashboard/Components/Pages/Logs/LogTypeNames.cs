using Flowgate.Runtime.Monitoring;

namespace Flowgate.Dashboard.Components.Pages.Logs;

/// <summary>Auth0's names for the log event types Flowgate writes.</summary>
internal static class LogTypeNames
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("s", "Success Login"), ("f", "Failed Login"), ("fp", "Failed Login (Incorrect Password)"), ("fu", "Failed Login (Invalid Email/Username)"),
        ("limit_wc", "Blocked Account"), ("ss", "Success Signup"), ("fs", "Failed Signup"), ("scpr", "Success Change Password Request"),
        ("scp", "Success Change Password"), ("fcp", "Failed Change Password"), ("seccft", "Success Exchange (Client Credentials)"),
        ("feccft", "Failed Exchange (Client Credentials)"), ("gd_auth_succeed", "MFA Authentication Success"),
        ("gd_auth_failed", "MFA Authentication Failed"), ("gd_enrollment_complete", "MFA Enrollment Complete"),
        ("actions_execution_failed", "Action Execution Failed"),
        ("gd_send_sms", "MFA SMS Sent"), ("gd_send_sms_failure", "MFA SMS Failed"), ("gd_unenroll", "MFA Unenrolled"),
    ];

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code).Label ?? code;

    /// <summary>The failed Action's <c>error_class</c> (details.error_class), for Action failure events.</summary>
    public static string? ErrorClass(TenantLogEvent logEvent) => ActionFailureEvent.ErrorClassOf(logEvent);

    public static bool IsFailure(string code) =>
        code.StartsWith('f') || code.StartsWith("limit", StringComparison.Ordinal) || code.EndsWith("_failed", StringComparison.Ordinal)
        || code.EndsWith("_failure", StringComparison.Ordinal);
}
