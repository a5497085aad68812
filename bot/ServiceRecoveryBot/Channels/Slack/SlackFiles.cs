using System.Text.Json;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>A file a message carries inline, as a <c>data:</c> URL: an export's CSV or a card's chart.</summary>
public sealed record SlackFile(string Name, string Title, byte[] Content)
{
    private const string Base64Marker = ";base64,";

    /// <summary>
    /// The files of an activity: attachments whose content URL is inline data, and the inline images of its Adaptive
    /// Cards (Slack shows no cards, so their charts travel as files).
    /// </summary>
    public static IReadOnlyList<SlackFile> Of(Activity activity)
    {
        var files = new List<SlackFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (Decode(attachment.ContentUrl) is { } bytes)
                files.Add(new SlackFile(attachment.Name ?? "file", attachment.Name ?? "file", bytes));
            if (attachment.Content is { ValueKind: JsonValueKind.Object } card && card.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in body.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.GetString() != "Image"
                        || !element.TryGetProperty("url", out var url) || Decode(url.GetString()) is not { } image) continue;
                    var title = element.TryGetProperty("altText", out var alt) && alt.GetString() is { Length: > 0 } text ? text : "chart";
                    files.Add(new SlackFile($"chart-{files.Count + 1}.png", title, image));
                }
            }
        }
        return files;
    }

    private static byte[]? Decode(string? url)
    {
        if (url is null || !url.StartsWith("data:", StringComparison.Ordinal)) return null;
        var marker = url.IndexOf(Base64Marker, StringComparison.Ordinal);
        if (marker < 0) return null;
        try
        {
            return Convert.FromBase64String(url[(marker + Base64Marker.Length)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
