using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>An RSA key generated for the test, published in a JWKS with optional Bot Framework endorsements.</summary>
internal sealed class TestSigningKey(string kid, params string[]? endorsements)
{
    private readonly RSA rsa = RSA.Create(2048);

    public string Kid => kid;

    public string[]? Endorsements => endorsements;

    public SecurityKey SecurityKey => new RsaSecurityKey(rsa) { KeyId = kid };

    public SigningCredentials SigningCredentials => new(SecurityKey, SecurityAlgorithms.RsaSha256);

    public Dictionary<string, object> ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
            jwk["endorsements"] = endorsements;
        return jwk;
    }
}
