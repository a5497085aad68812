using System.Text.Json;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Channels.Cards;

/// <summary>The Adaptive Card 1.5 shape the cards must have for Teams and Web Chat.</summary>
public static class AdaptiveCardAssert
{
    public static JsonElement IsValidCard(Attachment attachment)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = Assert.NotNull(attachment.Content);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        Assert.Equal(JsonValueKind.Array, card.GetProperty("body").ValueKind);
        foreach (var element in card.GetProperty("body").EnumerateArray())
            Assert.False(string.IsNullOrEmpty(element.GetProperty("type").GetString()));
        if (card.TryGetProperty("actions", out var actions))
        {
            Assert.True(actions.GetArrayLength() > 0, "an empty actions array is left out");
            foreach (var action in actions.EnumerateArray())
            {
                Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
                Assert.False(string.IsNullOrEmpty(action.GetProperty("title").GetString()));
                Assert.Equal(JsonValueKind.Object, action.GetProperty("data").ValueKind);
                if (action.TryGetProperty("style", out var style)) Assert.Contains(style.GetString(), new[] { "default", "positive", "destructive" });
            }
        }
        return card;
    }

    /// <summary>The card's facts (<see cref="ServiceRecoveryBot.Channels.Cards.CardFacts"/>: one two-column row each), title to value.</summary>
    public static Dictionary<string, string> Facts(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Single(e => e.TryGetProperty("id", out var id) && id.GetString() == ServiceRecoveryBot.Channels.Cards.CardFacts.ContainerId)
            .GetProperty("items").EnumerateArray()
            .ToDictionary(
                row => row.GetProperty("columns")[0].GetProperty("items")[0].GetProperty("text").GetString()!,
                row => row.GetProperty("columns")[1].GetProperty("items")[0].GetProperty("text").GetString()!);

    /// <summary>The wire form survives a serialize/deserialize round trip unchanged.</summary>
    public static void RoundTrips(Attachment attachment)
    {
        var json = ActivityJson.Serialize(attachment);
        var back = JsonSerializer.Deserialize<Attachment>(json, ActivityJson.Options)!;
        Assert.Equal(json, ActivityJson.Serialize(back));
    }
}
