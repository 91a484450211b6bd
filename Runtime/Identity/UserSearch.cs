using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The part of Auth0's Lucene user search (<c>q</c>) Flowgate understands: one term, either free text
/// (found in email, name, nickname or username) or <c>field:value</c> on email, name, nickname, username or user_id, where
/// a quoted value matches exactly and a trailing <c>*</c> matches a prefix. Case-insensitive.
/// </summary>
internal static partial class UserSearch
{
    private const char Escape = '\\';

    public static IQueryable<TenantUser> Apply(IQueryable<TenantUser> users, string? q)
    {
        q = q?.Trim();
        if (string.IsNullOrEmpty(q))
            return users;
        if (FieldTerm().Match(q) is not { Success: true } term)
        {
            var anywhere = "%" + Literal(Unquote(q)) + "%";
            return users.Where(u => EF.Functions.Like(u.Email, anywhere, Escape.ToString())
                || EF.Functions.Like(u.Name, anywhere, Escape.ToString())
                || EF.Functions.Like(u.Nickname, anywhere, Escape.ToString())
                || EF.Functions.Like(u.DatabaseUsername, anywhere, Escape.ToString()));
        }

        var value = term.Groups["value"].Value;
        var pattern = value.StartsWith('"') ? Literal(Unquote(value))
            : value.EndsWith('*') ? Literal(value.TrimEnd('*')) + "%"
            : Literal(value);
        return term.Groups["field"].Value switch
        {
            "email" => users.Where(u => EF.Functions.Like(u.Email, pattern, Escape.ToString())),
            "name" => users.Where(u => EF.Functions.Like(u.Name, pattern, Escape.ToString())),
            "nickname" => users.Where(u => EF.Functions.Like(u.Nickname, pattern, Escape.ToString())),
            // Compared in normalized form: usernames are case-insensitive on every provider.
            "username" => users.Where(u => EF.Functions.Like(u.NormalizedDatabaseUsername, UsernamePolicy.Normalize(pattern), Escape.ToString())),
            "user_id" => users.Where(u => EF.Functions.Like(u.Id, pattern, Escape.ToString())),
            var field => throw new OperationRejectedException(RejectionKind.Invalid,
                $"Unsupported search field '{field}': Flowgate searches email, name, nickname, username and user_id."),
        };
    }

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    // LIKE's wildcards in what the admin typed are literal characters.
    private static string Literal(string value) =>
        value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    [GeneratedRegex("""^(?<field>[a-z_]+):(?<value>"[^"]*"|\S+)$""")]
    private static partial Regex FieldTerm();
}
