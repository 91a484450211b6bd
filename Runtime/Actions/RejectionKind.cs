namespace Flowgate.Runtime.Actions;

/// <summary>Why an operation on Actions or flows was refused; the Management API maps it to a status code.</summary>
public enum RejectionKind
{
    /// <summary>The input is malformed or breaks a rule (400).</summary>
    Invalid,
    /// <summary>The thing does not exist in this tenant (404).</summary>
    NotFound,
    /// <summary>The current state forbids it: bound Action, concurrent change (409).</summary>
    Conflict,
}
