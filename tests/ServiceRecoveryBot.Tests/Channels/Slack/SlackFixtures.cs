using System.Text.Json;

using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Channels.Slack;

/// <summary>The recorded Slack payloads of shared/fixtures/slack.</summary>
internal static class SlackFixtures
{
    public static JsonElement Read(string name) => JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(SharedFixtures.Fixture("slack", name)));
}
