using Microsoft.IdentityModel.Tokens;

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// One fetch of an issuer's OpenID metadata and key set: the signing keys by key id and, for Bot Framework keys,
/// the channels each key is endorsed for (the non-standard <c>endorsements</c> array of the JWKS).
/// </summary>
internal sealed record SigningMetadata(
    IReadOnlyDictionary<string, SecurityKey> KeysById,
    IReadOnlyDictionary<string, IReadOnlySet<string>> EndorsementsByKeyId,
    DateTimeOffset FetchedAt)
{
    public bool IsEndorsed(string keyId, string channelId) =>
        EndorsementsByKeyId.TryGetValue(keyId, out var channels) && channels.Contains(channelId);
}
