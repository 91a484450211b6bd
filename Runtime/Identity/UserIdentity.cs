using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Flowgate.Runtime.Identity;

/// <summary>One of a user's identities, as Auth0 lists them in <c>user.identities</c>.</summary>
public sealed record UserIdentity(
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("connection")] string Connection,
    [property: JsonPropertyName("isSocial")] bool IsSocial,
    [property: JsonPropertyName("profileData"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? ProfileData = null)
{
    /// <summary>The user id a user has when this identity is its primary one: <c>provider|user_id</c>.</summary>
    [JsonIgnore]
    public string AsUserId => Provider + "|" + UserId;
}
