namespace Flowgate.Runtime.Sandbox;

/// <summary>Limits and policies of the Action sandbox (configuration section <c>Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    /// <summary>Deadline of one execution when the request names none; Auth0 gives a whole trigger 20 s.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long an execution may stay inside V8 after its deadline's interrupt. V8 cannot interrupt some builtins
    /// (a huge sparse array's sort), so such an execution would hold its isolate for good: past this grace its
    /// worker reports it and the supervisor ends the worker (SIGKILL). The supervisor also ends a worker that
    /// leaves a request unanswered for twice its deadline plus this grace (a worker that cannot even report).
    /// </summary>
    public TimeSpan WatchdogGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Soft heap cap of one tenant's isolate, in MiB; a breach fails the execution and rebuilds the isolate.</summary>
    public int MaxHeapMegabytes { get; set; } = 128;

    /// <summary>ArrayBuffer memory one isolate may allocate, in bytes (ArrayBuffers live outside the V8 heap).</summary>
    public ulong MaxArrayBufferBytes { get; set; } = 64UL << 20;

    /// <summary>Stack an execution may use, in bytes; deeper recursion throws <c>RangeError</c>.</summary>
    public int MaxStackBytes { get; set; } = 512 << 10;

    /// <summary>Largest Action source accepted, in UTF-8 bytes (Auth0: 100 kB).</summary>
    public int MaxCodeBytes { get; set; } = 100 * 1024;

    /// <summary>Console output kept per execution, in characters.</summary>
    public int MaxLogCharacters { get; set; } = 64 * 1024;

    /// <summary>
    /// Isolates one tenant's executions may spread over, in each process (default: the core count), so one
    /// slow Action does not hold up the tenant's other logins while a core is free. Isolates are created only
    /// when executions overlap. Memory: each has its own heap cap, so a tenant may use up to
    /// <c>IsolatesPerTenant × (MaxHeapMegabytes + MaxArrayBufferBytes)</c> in a busy moment; the product is
    /// capped at <see cref="MaxTenantMegabytes"/>.
    /// </summary>
    public int IsolatesPerTenant { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>Ceiling on <c>IsolatesPerTenant × (MaxHeapMegabytes + MaxArrayBufferBytes)</c>, in MiB, checked at start (default 4 GiB).</summary>
    public int MaxTenantMegabytes { get; set; } = 4096;

    /// <summary>Warm contexts kept per deployed version and tenant.</summary>
    public int ContextsPerVersion { get; set; } = 4;

    /// <summary>Let <c>fetch</c> reach loopback, private and link-local addresses (development only).</summary>
    public bool AllowPrivateNetworkFetch { get; set; }

    /// <summary>
    /// A forward proxy every <c>fetch</c> goes through (e.g. <c>http://egress.internal:3128</c>). It is trusted: the
    /// address check then sees only the proxy, so the proxy must apply its own egress policy. Unset (the default),
    /// <c>fetch</c> uses no proxy at all, not even one named by <c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c> in the environment.
    /// </summary>
    public Uri? FetchProxy { get; set; }

    /// <summary>Timeout of one <c>fetch</c> when the Action sets none (Auth0 advises under 10 s).</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest <c>fetch</c> response body read, in bytes.</summary>
    public int MaxFetchResponseBytes { get; set; } = 5 << 20;

    /// <summary>
    /// The host's data directory; Actions' npm packages are cached under its <c>npm/</c> folder. The
    /// host passes its own absolute path to workers, so every process shares one cache.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The npm registry packages missing from the cache are installed from (the host passes <c>Dependencies:Registry</c>).</summary>
    public Uri NpmRegistry { get; set; } = new("https://registry.npmjs.org/");

    /// <summary>
    /// Package source one Action version may load, in bytes: the .js and .json files its requires
    /// reach, counted as they load (a package's unused files cost nothing). 5 MB holds lodash (~0.5 MB)
    /// many times over while keeping each context's compile and heap cost bounded.
    /// </summary>
    public long MaxPackageSourceBytes { get; set; } = 5L << 20;

    /// <summary>Throws when a value is out of range (called on start).</summary>
    public void Validate()
    {
        if (DefaultTimeout <= TimeSpan.Zero) throw new InvalidOperationException("Sandbox:DefaultTimeout must be positive.");
        if (WatchdogGrace <= TimeSpan.Zero || WatchdogGrace > TimeSpan.FromMinutes(1)) throw new InvalidOperationException("Sandbox:WatchdogGrace must be between 0 and 1 minute.");
        if (MaxHeapMegabytes < 16) throw new InvalidOperationException("Sandbox:MaxHeapMegabytes must be at least 16.");
        if (MaxStackBytes < 64 << 10) throw new InvalidOperationException("Sandbox:MaxStackBytes must be at least 64 KiB.");
        if (IsolatesPerTenant is < 1 or > 64) throw new InvalidOperationException("Sandbox:IsolatesPerTenant must be between 1 and 64.");
        var tenantMegabytes = (long)IsolatesPerTenant * (MaxHeapMegabytes + (long)(MaxArrayBufferBytes >> 20));
        if (tenantMegabytes > MaxTenantMegabytes)
            throw new InvalidOperationException($"Sandbox:IsolatesPerTenant × (MaxHeapMegabytes + MaxArrayBufferBytes) is {tenantMegabytes} MiB, above Sandbox:MaxTenantMegabytes ({MaxTenantMegabytes}); lower one of them.");
        if (ContextsPerVersion < 1) throw new InvalidOperationException("Sandbox:ContextsPerVersion must be at least 1.");
        if (MaxCodeBytes < 1) throw new InvalidOperationException("Sandbox:MaxCodeBytes must be positive.");
        if (FetchProxy is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
            throw new InvalidOperationException("Sandbox:FetchProxy must be an absolute http(s) URL.");
        if (MaxPackageSourceBytes < 1) throw new InvalidOperationException("Sandbox:MaxPackageSourceBytes must be positive.");
    }
}
