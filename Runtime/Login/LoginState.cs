namespace Flowgate.Runtime.Login;

/// <summary>Where a login transaction stands. A parked transaction carries its state, and each page or endpoint that takes it up checks that state.</summary>
public enum LoginState
{
    /// <summary>No user yet: the hosted login page identifies one (or signup creates one).</summary>
    Identify,

    /// <summary>A session exists; whether it may be used for this request (block, <c>prompt=login</c>, <c>max_age</c>) is being checked.</summary>
    Authenticate,

    /// <summary>The post-login flow runs (or resumes).</summary>
    PostLoginFlow,

    /// <summary>Parked: a factor the flow demanded must be passed on its page.</summary>
    FactorChallenge,

    /// <summary>Parked: a factor must be enrolled on its page (after passing an existing one, when the user has one).</summary>
    FactorEnrolment,

    /// <summary>Parked: an Action sent the browser away; <c>/continue</c> resumes the flow.</summary>
    RedirectAndContinue,

    /// <summary>The flow has finished (parked until the same authorization request comes back) or tokens are issued.</summary>
    Complete,

    /// <summary>Refused, with Auth0's error code.</summary>
    Denied,
}
