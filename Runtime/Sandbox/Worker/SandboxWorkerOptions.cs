namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// How the host starts and supervises sandbox worker processes (configuration section <c>Sandbox:Workers</c>).
/// The worker is the host's own build started with the <c>sandbox-worker</c> command.
/// </summary>
public sealed class SandboxWorkerOptions
{
    /// <summary>The program to start: the apphost, or <c>dotnet</c> with the assembly as first argument.</summary>
    public string WorkerFileName { get; set; } = "dotnet";

    /// <summary>Its arguments, e.g. <c>["/app/Flowgate.Dashboard.dll", "sandbox-worker"]</c>.</summary>
    public IList<string> WorkerArguments { get; set; } = [];

    /// <summary>Worker processes; tenants are spread over them by a stable hash, so isolates stay warm.</summary>
    public int WorkerCount { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Worker deaths during an Action version's executions before it is quarantined.</summary>
    public int QuarantineAfterCrashes { get; set; } = 3;

    /// <summary>Extra time the watchdog gives the first request of a version with npm dependencies (they may be installed from the registry).</summary>
    public TimeSpan PackageInstallAllowance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs a flow of several Actions in one trip to its worker (the flow executor's loop runs there) instead of one
    /// round trip per Action. Off: every Action is its own request, as before.
    /// </summary>
    public bool OneTripPerFlow { get; set; } = true;

    /// <summary>The limits each worker's sandbox applies.</summary>
    public SandboxOptions Sandbox { get; set; } = new();

    /// <summary>Workers started as <c>dotnet &lt;assemblyPath&gt; sandbox-worker</c> (tests point this at the copied Flowgate.Dashboard.dll).</summary>
    public static SandboxWorkerOptions ForAssembly(string assemblyPath, SandboxOptions? sandbox = null) => new()
    {
        WorkerFileName = "dotnet",
        WorkerArguments = [assemblyPath, "sandbox-worker"],
        Sandbox = sandbox ?? new SandboxOptions(),
    };

    /// <summary>Workers started from the running host's own executable (apphost or <c>dotnet host.dll</c>).</summary>
    public static SandboxWorkerOptions ForCurrentProcess(SandboxOptions? sandbox = null)
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry is not null
            ? ForAssembly(entry, sandbox)
            : new SandboxWorkerOptions { WorkerFileName = process, WorkerArguments = ["sandbox-worker"], Sandbox = sandbox ?? new SandboxOptions() };
    }

    /// <summary>Throws when a value is out of range (called on start).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(WorkerFileName)) throw new InvalidOperationException("Sandbox:Workers:WorkerFileName is required.");
        if (WorkerCount < 1) throw new InvalidOperationException("Sandbox:Workers:WorkerCount must be at least 1.");
        if (QuarantineAfterCrashes < 1) throw new InvalidOperationException("Sandbox:Workers:QuarantineAfterCrashes must be at least 1.");
        if (PackageInstallAllowance < TimeSpan.Zero) throw new InvalidOperationException("Sandbox:Workers:PackageInstallAllowance must not be negative.");
        Sandbox.Validate();
    }
}
