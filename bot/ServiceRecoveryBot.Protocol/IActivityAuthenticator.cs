using System.Security.Claims;

namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// Decides whether an inbound request may be processed. The endpoint parses the body first (the channel path
/// checks the activity's channelId and serviceUrl against the token), then asks this seam.
/// </summary>
public interface IActivityAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(InboundRequest request, Activity activity, CancellationToken ct);
}

/// <summary>What the authenticator may look at from the HTTP request.</summary>
public sealed record InboundRequest(string? AuthorizationHeader, bool IsLoopback);

public sealed record AuthenticationResult(bool Succeeded, string? Failure = null, ClaimsIdentity? Identity = null)
{
    public static AuthenticationResult Success(ClaimsIdentity? identity = null) => new(true, null, identity);
    public static AuthenticationResult Fail(string why) => new(false, why);
}

/// <summary>
/// Local development only: with no app id configured, an activity without an Authorization header is accepted
/// when it comes from loopback and its serviceUrl is on loopback; anything else is refused.
/// </summary>
public sealed class LocalOnlyAuthenticator : IActivityAuthenticator
{
    public Task<AuthenticationResult> AuthenticateAsync(InboundRequest request, Activity activity, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(request.AuthorizationHeader))
            return Task.FromResult(AuthenticationResult.Fail("A token was presented but no app id is configured to validate it."));
        if (!request.IsLoopback)
            return Task.FromResult(AuthenticationResult.Fail("Unauthenticated requests are accepted from loopback only."));
        if (!IsLoopbackUrl(activity.ServiceUrl))
            return Task.FromResult(AuthenticationResult.Fail("Unauthenticated activities must name a loopback serviceUrl."));
        return Task.FromResult(AuthenticationResult.Success());
    }

    /// <summary>An http(s) URL on this machine (<c>file://localhost/…</c> names this machine too, but is no service).</summary>
    public static bool IsLoopbackUrl(string? serviceUrl) =>
        ActivityRules.IsHttpUrl(serviceUrl)
        && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));
}
