using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// The report as one message: the text (all the numbers, for screen readers and channels without cards) and an Adaptive
/// Card (1.5, as Teams renders) with the chart as a data-URL image above the same text; channels without cards keep
/// the text (see Channels/ChannelCapabilities).
/// </summary>
public static class ReportCard
{
    public static Activity Build(string title, string text, byte[] png)
    {
        var dataUrl = "data:" + ReportChart.ContentType + ";base64," + Convert.ToBase64String(png);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "Image", ["url"] = dataUrl, ["altText"] = title + ": cases by category, time to apologise and recovered rate, week by week", ["size"] = "Stretch" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = text.Replace("\n", "\n\n", StringComparison.Ordinal), ["wrap"] = true },
        };
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = title + "\n\n" + text,
            Summary = title,
            Attachments = [new Attachment
            {
                ContentType = Attachment.AdaptiveCardContentType,
                Content = JsonSerializer.SerializeToElement(new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json", ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = body,
                }),
            }],
        };
    }

    /// <summary>A file as an attachment with a data URL (Web Chat offers it as a download) and its name.</summary>
    public static Activity File(string text, string name, string contentType, byte[] content) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [new Attachment { ContentType = contentType, Name = name, ContentUrl = "data:" + contentType + ";base64," + Convert.ToBase64String(content) }],
    };

    /// <summary>The chart's PNG back out of a report message (for tests and channels that upload images as files).</summary>
    public static byte[]? ChartOf(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is not { ValueKind: JsonValueKind.Object } card || !card.TryGetProperty("body", out var body)) continue;
            foreach (var element in body.EnumerateArray())
                if (element.TryGetProperty("type", out var type) && type.GetString() == "Image" && element.GetProperty("url").GetString() is { } url
                    && url.StartsWith("data:" + ReportChart.ContentType + ";base64,", StringComparison.Ordinal))
                    return Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        }
        return null;
    }
}
