using System.Security.Cryptography;
using System.Text;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Key-safe encodings. Azure forbids / \ # ? and control characters in keys and caps them at 1 KiB, and the SDK does
/// not escape them: ids become base64url (reversible), or a SHA-256 hex when they are too long.
/// </summary>
public static class TableKeys
{
    private const int MaxEncodedLength = 380;

    public static string Encode(string raw) => Encode(raw, MaxEncodedLength);

    /// <summary>
    /// The encoding within <paramref name="maxLength"/> characters (at least 65, a hash's length), so keys joined from
    /// several encoded parts stay within Azure's limit whatever the parts.
    /// </summary>
    public static string Encode(string raw, int maxLength)
    {
        var encoded = Base64Url(Encoding.UTF8.GetBytes(raw));
        return encoded.Length <= Math.Max(maxLength, 65) ? encoded : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }

    /// <summary>Rows sort newest first when keyed by inverted ticks.</summary>
    public static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static void EnsureValidKey(string key)
    {
        if (key.Length > 512) throw new TableLimitException($"A key of {key.Length} characters exceeds Azure's 512-character limit.");
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
                throw new TableLimitException($"The key contains the character U+{(int)c:X4}, which Azure Table Storage forbids.");
        }
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
