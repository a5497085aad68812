using System.Net;
using System.Text.Json;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>
/// Every row of <see cref="HostileActivities"/> through the real host on Azurite: refused with its status and a clear
/// error body, nothing sent, and the conversation it named still answers a normal message afterwards.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileActivityTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    public static TheoryData<HostileActivities.Change> Changes() => [.. HostileActivities.All];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_hostile_activity_is_refused_with_a_reason_and_the_conversation_still_answers(HostileActivities.Change change)
    {
        var client = new BotClient(Http, Connector, "a:hostile-" + Guid.NewGuid().ToString("N")[..8]);
        var hostile = client.Message("help");

        var response = await Http.PostAsync("/api/messages", HostileActivities.Content(HostileActivities.Apply(hostile, change)));

        Assert.Equal(change.Status, (int)response.StatusCode);
        using (var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("error").GetString()));
        Assert.Empty(client.RepliesTo(hostile.Id!));
        Assert.NotEmpty(await client.SayAsync("help"));
    }

    [Fact]
    public async Task A_long_conversation_id_on_a_long_channel_id_gets_a_row_key_within_the_limit()
    {
        var client = new BotClient(Http, Connector, new string('v', 1024));
        var message = client.Message("help") with { ChannelId = new string('c', 64) };

        var response = await client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(client.RepliesTo(message.Id!));
    }
}
