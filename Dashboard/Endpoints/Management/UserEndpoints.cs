using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/users</c>: search, create, read, change and delete end users.</summary>
internal static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users");
        users.MapGet("/", ListAsync).RequireScope("read:users");
        users.MapPost("/", CreateAsync).RequireScope("create:users");
        users.MapGet("/{id}", GetAsync).RequireScope("read:users");
        users.MapPatch("/{id}", UpdateAsync).RequireScope("update:users");
        users.MapDelete("/{id}", DeleteAsync).RequireScope("delete:users");
        api.MapGet("/users-by-email", ListByEmailAsync).RequireScope("read:users");
    }

    private static async Task<IResult> ListByEmailAsync(string? email, UserService service, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
            return ManagementError.Result(400, "Query validation error: 'email' is required.", "invalid_query_string");
        var users = await service.ListByEmailAsync(email, cancellationToken);
        return TypedResults.Ok(users.Select(UserJson.User));
    }

    private static async Task<IResult> ListAsync(string? q, int? page, int? per_page, bool? include_totals, UserService service, CancellationToken cancellationToken)
    {
        var result = await service.ListAsync(q, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "users", include_totals, UserJson.User);
    }

    private static async Task<IResult> CreateAsync(UserBody body, UserService service, Login.AccountMail mail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Connection))
            return ManagementError.Result(400, "Payload validation error: 'connection' is required.", "invalid_body");
        if (string.IsNullOrWhiteSpace(body.Email))
            return ManagementError.Result(400, "Payload validation error: 'email' is required.", "invalid_body");
        if (string.IsNullOrEmpty(body.Password))
            return ManagementError.Result(400, "Payload validation error: 'password' is required.", "invalid_body");
        var user = await service.CreateAsync(new NewUser
        {
            Connection = body.Connection,
            Email = body.Email,
            Password = body.Password,
            Username = body.Username,
            EmailVerified = body.EmailVerified ?? false,
            Name = body.Name,
            Nickname = body.Nickname,
            GivenName = body.GivenName,
            FamilyName = body.FamilyName,
            Picture = body.Picture,
            Blocked = body.Blocked ?? false,
            UserMetadata = body.UserMetadata,
            AppMetadata = body.AppMetadata,
        }, cancellationToken);
        // As on Auth0: an unverified user gets the verification mail unless verify_email says otherwise.
        if (body.VerifyEmail ?? !user.EmailConfirmed)
            await mail.SendVerificationAsync(user, null, cancellationToken);
        return TypedResults.Created($"/api/v2/users/{Uri.EscapeDataString(user.Id)}", UserJson.User(user));
    }

    private static async Task<IResult> GetAsync(string id, UserService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserJson.User(await service.GetAsync(id, cancellationToken)));

    private static async Task<IResult> UpdateAsync(string id, UserBody body, UserService service, Login.AccountMail mail, CancellationToken cancellationToken)
    {
        if (body.Connection is not null && body.Connection != UserIds.DatabaseConnection)
            return ManagementError.Result(400, $"The connection does not exist: {body.Connection}.", "invalid_body");
        if (body.Password is { Length: 0 })
            return ManagementError.Result(400, "Payload validation error: 'password' cannot be empty.", "invalid_body");
        var user = await service.UpdateAsync(id, new UserUpdate
        {
            Email = body.Email,
            EmailVerified = body.EmailVerified,
            Password = body.Password,
            Username = body.Username,
            Name = body.Name,
            Nickname = body.Nickname,
            GivenName = body.GivenName,
            FamilyName = body.FamilyName,
            Picture = body.Picture,
            Blocked = body.Blocked,
            UserMetadata = body.UserMetadata,
            AppMetadata = body.AppMetadata,
        }, cancellationToken);
        // A changed address is unverified (UserService); verify_email mails the new one its link.
        if (body is { VerifyEmail: true, Email: not null } && !user.EmailConfirmed)
            await mail.SendVerificationAsync(user, null, cancellationToken);
        return TypedResults.Ok(UserJson.User(user));
    }

    private static async Task<IResult> DeleteAsync(string id, UserService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
