using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Describes a JWT to mint; defaults are a valid channel token for <see cref="AppId"/> and the Teams service URL.</summary>
internal sealed record TestToken
{
    public const string AppId = "6a6a5f3a-1bd3-4d2c-9c4e-0f0d8c7b1e11";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public required SigningCredentials Signing { get; init; }
    public string? Issuer { get; init; } = ChannelIssuer;
    public string? Audience { get; init; } = AppId;
    public string? ServiceUrlClaim { get; init; } = ServiceUrl;
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public bool OmitExpiry { get; init; }
    public Dictionary<string, object> Claims { get; init; } = [];

    /// <summary>Signs the token; <paramref name="now"/> anchors the default nbf (now - 5 s) and exp (now + 1 h).</summary>
    public string Mint(DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>(Claims);
        if (ServiceUrlClaim is not null)
            claims["serviceurl"] = ServiceUrlClaim;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = (NotBefore ?? now.AddSeconds(-5)).UtcDateTime,
            Expires = OmitExpiry ? null : (Expires ?? now.AddHours(1)).UtcDateTime,
            IssuedAt = (NotBefore ?? now.AddSeconds(-5)).UtcDateTime,
            Claims = claims,
            SigningCredentials = Signing,
        });
    }

    /// <summary>An unsigned <c>alg: none</c> token with the given header extras and payload.</summary>
    public static string Unsigned(string kid, Dictionary<string, object> payload) =>
        $"{Segment(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid })}.{Segment(payload)}.";

    /// <summary>Replaces the payload of a signed token, keeping its header and signature.</summary>
    public static string WithPayload(string token, Func<Dictionary<string, JsonElement>, Dictionary<string, JsonElement>> change)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(change(payload)))}.{parts[2]}";
    }

    public static string Segment(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
