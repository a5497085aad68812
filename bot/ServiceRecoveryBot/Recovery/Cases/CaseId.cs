using System.Security.Cryptography;

namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>A short, speakable case id such as <c>SR-7K3Q</c>: four characters from an alphabet without look-alikes.</summary>
public readonly record struct CaseId(string Value)
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Prefix = "SR-";

    public static CaseId New()
    {
        Span<char> code = stackalloc char[4];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new CaseId(Prefix + new string(code));
    }

    /// <summary>Reads "SR-7K3Q", "sr 7k3q" or "7K3Q"; null when it is not a case id.</summary>
    public static CaseId? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = new string(text.Trim().ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (cleaned.StartsWith("SR", StringComparison.Ordinal) && cleaned.Length == 6) cleaned = cleaned[2..];
        return cleaned.Length == 4 && cleaned.All(c => Alphabet.Contains(c)) ? new CaseId(Prefix + cleaned) : null;
    }

    public override string ToString() => Value;
}
