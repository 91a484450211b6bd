using Flowgate.Bench;
using Flowgate.Bench.Requests;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;

// Measures the seeds' post-login Actions in Flowgate (in-process and through a worker, warm and
// cold), Jint and Node's vm module, all in one run. `--quick` cuts the iteration counts.
// `logs` instead measures the Logs page's query on 100,000 events (see LogQueryBench); `parking`, what a
// login waiting for the browser costs in the database (see ParkingBench); `pool`, a tenant's concurrent
// CPU-bound executions over one isolate and over one per core (see PoolBench); `fault`, 1,000 parallel
// executions while a worker is killed (see FaultBench); `requests`, whole requests against the real server:
// client_credentials grants with 0 and 3 Actions, hosted password logins beside the hash, in interleaved slices, with
// `--baseline <Flowgate.Dashboard.dll>` beside another build's server (see RequestBench);
// `two-instances`, 200 concurrent logins over two servers on one PostgreSQL (see TwoInstanceBench); `limits`, one
// counted hit of a request limit on SQLite and PostgreSQL (see LimitsBench).
// `import`, a 10,000-user users-imports job against the real server, POST to completed, with the server's peak working
// set, optionally beside `--baseline <Flowgate.Dashboard.dll>` (see ImportBench).
// `login-steps`, logins one at a time with the server's CPU per step (see ProfileLoop.StepsAsync).
// `login-loop`, `grant-loop` and `bound-grant-loop`: one kind of request in rounds of 15 s, to profile its path (see ProfileLoop).
// `hop-parts`, the worker pipe's framing and JSON per execution (see HopParts).
// `--busy` measures the sandbox table with every core half busy hashing passwords, as a login server under load (see BackgroundLoad).
var quick = args.Contains("--quick");
var scale = quick ? 10 : 1;
if (args.Contains("hop-parts"))
{
    HopParts.Run(Scenario.All[1].EventJson);
    return;
}
if (args.Contains("logs"))
{
    await LogQueryBench.RunAsync(100_000, quick ? 10 : 50);
    return;
}
if (args.Contains("requests"))
{
    var baseline = Array.IndexOf(args, "--baseline") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await RequestBench.RunAsync(FindDashboard(FindRepositoryRoot()), baseline, quick);
    return;
}
if (args.Contains("import"))
{
    var baseline = Array.IndexOf(args, "--baseline") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await Flowgate.Bench.Imports.ImportBench.RunAsync(FindDashboard(FindRepositoryRoot()), baseline, quick ? 2_000 : 10_000);
    return;
}
if (args.Contains("login-steps"))
{
    await ProfileLoop.StepsAsync(FindDashboard(FindRepositoryRoot()), quick ? 2 : 4, quick ? 40 : 150);
    return;
}
if (args.FirstOrDefault(a => a is "login-loop" or "grant-loop" or "bound-grant-loop") is { } loop)
{
    var kind = loop switch { "login-loop" => ProfileLoop.Kind.Logins, "grant-loop" => ProfileLoop.Kind.BareGrants, _ => ProfileLoop.Kind.BoundGrants };
    await ProfileLoop.RunAsync(FindDashboard(FindRepositoryRoot()), kind, quick ? 2 : 6, TimeSpan.FromSeconds(15));
    return;
}
if (args.Contains("two-instances"))
{
    await TwoInstanceBench.RunAsync(FindDashboard(FindRepositoryRoot()), quick ? 40 : 200);
    return;
}
if (args.Contains("limits"))
{
    await LimitsBench.RunAsync(quick ? 500 : 5_000);
    return;
}
if (args.Contains("parking"))
{
    await ParkingBench.RunAsync(quick ? 200 : 2_000);
    return;
}
var root = FindRepositoryRoot();
var workerDll = FindDashboard(root);
if (args.Contains("pool"))
{
    await PoolBench.RunAsync(workerDll, quick ? 5 : 20);
    return;
}
if (args.Contains("fault"))
{
    await FaultBench.RunAsync(workerDll, quick ? 100 : 1_000, quick ? 5 : 10);
    return;
}

var table = new ResultTable();
using var load = args.Contains("--busy") ? new BackgroundLoad(Environment.ProcessorCount) : null;
if (load is not null)
{
    Console.Out.WriteLine($"measured with {Environment.ProcessorCount} background threads hashing passwords half of the time (--busy)");
}
await using var inProcess = new V8ActionSandbox();
var workerOptions = SandboxWorkerOptions.ForAssembly(workerDll);
workerOptions.WorkerCount = 1;
await using var worker = new SandboxSupervisor(workerOptions);
var local = new FlowgateRunner(inProcess);
var remote = new FlowgateRunner(worker);

foreach (var scenario in Scenario.All)
{
    table.Add(scenario.Name, "Flowgate in-process warm", await local.WarmAsync(scenario, 50_000 / scale));
    table.Add(scenario.Name, "Flowgate in-process warm, one-Action flow", await local.WarmFlowAsync(scenario, 50_000 / scale));
    table.Add(scenario.Name, "Flowgate worker warm", await remote.WarmAsync(scenario, 20_000 / scale));
    table.Add(scenario.Name, "Flowgate worker warm, one-Action flow", await remote.WarmFlowAsync(scenario, 20_000 / scale));
    table.Add(scenario.Name, "Flowgate in-process cold: deploy + 1st run", await local.DeployAndFirstRunAsync(scenario, 40 / Math.Min(scale, 4)));
    table.Add(scenario.Name, "Flowgate in-process cold: new tenant 1st run", await local.NewTenantFirstRunAsync(scenario, 20 / Math.Min(scale, 4)));
    table.Add(scenario.Name, "Flowgate worker cold: deploy + 1st run", await remote.DeployAndFirstRunAsync(scenario, 40 / Math.Min(scale, 4)));
    var jint = new JintRunner(scenario);
    table.Add(scenario.Name, "Jint 4.18 reused engine", Timings.Measure(2_000 / scale, 20_000 / scale, () => jint.Execute(scenario.EventJson)));
    table.Add(scenario.Name, "Jint 4.18 reused engine, frozen event", Timings.Measure(2_000 / scale, 20_000 / scale, () => jint.ExecuteFrozen(scenario.EventJson)));
}

var node = await NodeRunner.RunAsync(root, 2_000 / scale, 50_000 / scale);
foreach (var ((scenario, mode), timings) in node)
{
    table.Add(scenario, mode switch
    {
        "fresh" => "Node vm, fresh context per execution",
        "reused-frozen" => "Node vm, reused context, frozen event",
        _ => "Node vm, reused context",
    }, timings);
}
table.Print(Console.Out);

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
}

static string FindDashboard(string root) => new[] { "Release", "Debug" }
    .Select(c => Path.Combine(root, "Dashboard", "bin", c, "net10.0", "Flowgate.Dashboard.dll"))
    .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("Build Dashboard first: Flowgate.Dashboard.dll hosts the sandbox worker and the server.");
