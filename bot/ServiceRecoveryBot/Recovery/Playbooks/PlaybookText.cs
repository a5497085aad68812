using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Recovery.Playbooks;

/// <summary>The playbook's way of comparing words: lower case, accents off, punctuation to spaces (the category itself is read by Understanding).</summary>
public static class PlaybookText
{
    public static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal).Select(c => char.IsLetterOrDigit(c) || c == '\'' ? LanguageDetector.FoldAccent(c) : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
