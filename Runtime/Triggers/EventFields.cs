namespace Flowgate.Runtime.Triggers;

/// <summary>Event fields several triggers share (reference §1.1).</summary>
internal static class EventFields
{
    public static EventField User(string type = "User") => new("user", type, "The user the transaction is about.");

    public static EventField Client { get; } = new("client", "Client", "The application the user is logging in to.");

    public static EventField Connection { get; } = new("connection", "Connection", "The connection used to authenticate.");

    public static EventField Request { get; } = new("request", "RequestDetails", "The HTTP request that triggered the flow. A new request is issued each time the trigger resumes.");

    public static EventField Tenant { get; } = new("tenant", "{ id: string }", "The tenant.");

    public static EventField Transaction(bool optional = true) => new("transaction", "Transaction", "Details of the login transaction.", optional);

    public static EventField Secrets { get; } = new("secrets", "Secrets", "The Action's secrets, by name.");

    public static EventField Organization { get; } = new("organization", "Organization", "The organization of the login.", Optional: true);

    public static EventField CustomDomain { get; } = new("custom_domain", "{ domain: string; domain_metadata: Record<string, string> }", "The custom domain of the request.", Optional: true);

    public static EventField SecurityContext { get; } = new("security_context", "{ ja3?: string; ja4?: string }", "TLS fingerprints, when the client comes through Cloudflare.", Optional: true);

    public static EventField Authorization { get; } = new("authorization", "{ roles: string[] }", "The user's roles.", Optional: true);

    public static EventField Stats { get; } = new("stats", "{ logins_count: number }", "Login statistics of the user.");

    public static EventField Prompt { get; } = new("prompt", "{ id: string; fields?: Record<string, unknown>; vars?: Record<string, unknown> }", "The prompt being rendered.", Optional: true);
}
