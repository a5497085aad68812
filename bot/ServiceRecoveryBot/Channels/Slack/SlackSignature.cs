using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Slack's request signature (<c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body))</c>),
/// checked over the body's bytes exactly as received, in constant time, with the timestamp within the allowed skew of
/// now so that a captured request cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || !signature.StartsWith("v0=", StringComparison.Ordinal))
            return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > maxSkew.TotalSeconds)
            return false;

        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
