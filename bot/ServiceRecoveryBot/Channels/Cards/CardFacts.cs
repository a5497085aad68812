using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.Channels.Cards;

/// <summary>
/// Title-and-value rows laid out for a phone: each row a ColumnSet whose title column has a fixed width that fits the
/// longest title's words, so no title breaks inside a word at 390 px (a FactSet squeezes its title column instead).
/// </summary>
public static class CardFacts
{
    public const string ContainerId = "facts";

    /// <summary>Wide enough for "Satisfaction" or "apologise" in bold at the default size; titles wrap only between words.</summary>
    public const string TitleWidth = "104px";

    public static JsonObject Build(IEnumerable<(string Title, string? Value)> facts)
    {
        var rows = new JsonArray();
        foreach (var (title, value) in facts)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            rows.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JsonArray(
                    new JsonObject { ["type"] = "Column", ["width"] = TitleWidth, ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true }) },
                    new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = value, ["wrap"] = true }) }),
            });
        }
        return new JsonObject { ["type"] = "Container", ["id"] = ContainerId, ["items"] = rows };
    }
}
