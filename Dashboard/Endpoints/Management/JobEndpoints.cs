using Flowgate.Runtime.Jobs;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/jobs</c>: Auth0's user import (multipart upload) and export jobs, their state, their per-row errors,
/// and the export file the job's <c>location</c> points to.
/// </summary>
internal static class JobEndpoints
{
    public const string FileRouteName = "UserExportFile";

    public static void MapJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs");
        jobs.MapPost("/users-imports", ImportAsync).RequireScope("create:users");
        jobs.MapPost("/users-exports", ExportAsync).RequireScope("read:users");
        jobs.MapGet("/{id}", GetAsync).RequireScope("create:users", "read:users");
        jobs.MapGet("/{id}/errors", ErrorsAsync).RequireScope("create:users", "read:users");
        jobs.MapGet("/{id}/file", FileAsync).RequireScope("read:users").WithName(FileRouteName);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, UserJobService jobs, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return ManagementError.Result(400, "The body must be multipart/form-data with a 'users' file.", "invalid_body");
        // Files past a small size are buffered to disk by the form reader, never held whole in memory.
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("users") is not { } users)
            return ManagementError.Result(400, "Payload validation error: 'users' (the file of users) is required.", "invalid_body");
        if (Flag(form["upsert"], false) is not { } upsert)
            return ManagementError.Result(400, "Payload validation error: 'upsert' must be true or false.", "invalid_body");
        if (Flag(form["send_completion_email"], true) is not { } sendCompletionEmail)
            return ManagementError.Result(400, "Payload validation error: 'send_completion_email' must be true or false.", "invalid_body");
        await using var file = users.OpenReadStream();
        var job = await jobs.StartImportAsync(file, form["connection_id"].ToString(), upsert, NullIfEmpty(form["external_id"].ToString()),
            sendCompletionEmail, cancellationToken);
        return TypedResults.Json(JobJson.Job(job, null), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ExportAsync(UsersExportBody? body, HttpContext http, UserJobService jobs, LinkGenerator links,
        CancellationToken cancellationToken)
    {
        var fields = body?.Fields?.Select(f => new ExportField(f.Name ?? "", f.ExportAs)).ToList();
        var job = await jobs.StartExportAsync(body?.ConnectionId, body?.Format, body?.Limit, fields, cancellationToken);
        return TypedResults.Json(JobJson.Job(job, Location(http, links, job)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, UserJobService jobs, LinkGenerator links, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        return TypedResults.Ok(JobJson.Job(job, Location(http, links, job)));
    }

    // Auth0 answers the job itself (with status_details) for a job that failed as a whole rather than row by row.
    private static async Task<IResult> ErrorsAsync(string id, UserJobService jobs, CancellationToken cancellationToken)
    {
        var errors = await jobs.ErrorsAsync(id, cancellationToken);
        if (errors.Count == 0 && await jobs.GetAsync(id, cancellationToken) is { FailureMessage: not null } failed)
            return TypedResults.Ok(JobJson.Job(failed, null));
        return TypedResults.Ok(errors.Select(JobJson.Error));
    }

    private static async Task<IResult> FileAsync(string id, UserJobService jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is not { Type: UserJobTypes.Export, ExportFile: { } file })
            return ManagementError.Result(404, "The job has no export file (not an export, or not completed yet).", "inexistent_job_file");
        return TypedResults.File(file, "application/gzip", $"{job.Id}.{job.Format}.gz");
    }

    // Only a completed export has a file; its location is served here, to the same bearer tokens.
    private static string? Location(HttpContext http, LinkGenerator links, UserJob job) =>
        job is { Type: UserJobTypes.Export, Status: UserJobStatus.Completed }
            ? links.GetUriByName(http, FileRouteName, new { id = job.Id })
            : null;

    // An absent flag takes Auth0's default; anything other than true/false is refused.
    private static bool? Flag(Microsoft.Extensions.Primitives.StringValues value, bool absent) =>
        value.Count == 0 || string.IsNullOrEmpty(value[0]) ? absent : bool.TryParse(value[0], out var flag) ? flag : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
