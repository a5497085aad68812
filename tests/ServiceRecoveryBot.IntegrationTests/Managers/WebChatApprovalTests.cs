using System.Text.Json;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.IntegrationTests.DirectLine;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// The local Web Chat page acting as a manager with its one setting (<c>Managers:LocalChatIsManager</c>): the approval
/// card arrives with Action.Submit buttons and an amount box Web Chat submits even when empty, and Approve works
/// without an amount. Through the real host's Direct Line and Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebChatApprovalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotFactory factory = null!;
    private HttpClient http = null!;
    private int sequence;

    public Task InitializeAsync()
    {
        factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?> { ["Managers:LocalChatIsManager"] = "true" });
        http = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Approve_works_with_the_amount_box_left_empty_and_the_staff_member_hears_it()
    {
        var manager = new DirectLineClient(http);
        await manager.StartAsync("local-staff");
        await SayAsync(manager, "local-staff", "hi");
        var staff = new DirectLineClient(http);
        await staff.StartAsync("dev-user");
        await SayAsync(staff, "dev-user", "No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        foreach (var answer in new[] { "1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1" })
            await SayAsync(staff, "dev-user", answer);
        await SayAsync(staff, "dev-user", "$120 credit for a night elsewhere");
        Assert.Contains(await TextsAsync(staff), t => t.StartsWith("I've asked ", StringComparison.Ordinal));

        var card = (await UntilAsync(manager, staff, a => a.TryGetProperty("attachments", out _))).GetProperty("attachments")[0].GetProperty("content");
        var raw = card.GetRawText();
        Assert.DoesNotContain("Action.Execute", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"refresh\"", raw, StringComparison.Ordinal);
        var amountBox = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Input.Number");
        Assert.False(amountBox.TryGetProperty("min", out _), "Web Chat does not submit an empty number box that has a minimum");
        var approve = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "ActionSet").GetProperty("actions")[0];
        Assert.Equal("Action.Submit", approve.GetProperty("type").GetString());
        var id = CaseId.TryParse(approve.GetProperty("data").GetProperty("caseId").GetString())!.Value;

        // What Web Chat posts for Approve with the box empty: the button's data and the input's empty value.
        await PostAsync(manager, "local-staff", null, new Dictionary<string, object?> { ["command"] = "approve", ["caseId"] = id.Value, ["amount"] = "" });
        Assert.Contains(await TextsAsync(manager), t => t.StartsWith("Approved by local-staff: $120", StringComparison.Ordinal));
        var told = (await UntilAsync(staff, manager, a => a.TryGetProperty("text", out var t) && t.GetString()!.StartsWith("Good news", StringComparison.Ordinal))).GetProperty("text").GetString();
        Assert.Contains($"approved $120 credit for a night elsewhere ($120) for {id}", told, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Approved, (await factory.Services.GetRequiredService<ICaseStore>().FindAsync("local", id, CancellationToken.None))?.Atonement?.Approval);
    }

    private Task SayAsync(DirectLineClient chat, string user, string text) => PostAsync(chat, user, text, null);

    private async Task PostAsync(DirectLineClient chat, string user, string? text, Dictionary<string, object?>? value)
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new { id = user, role = "user" },
            ["locale"] = "en-US",
            ["text"] = text,
            ["value"] = value,
            ["channelData"] = new { clientActivityID = $"client-{Interlocked.Increment(ref sequence)}" },
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
        (await chat.PostAsync(JsonSerializer.Serialize(activity))).EnsureSuccessStatusCode();
    }

    private static async Task<IReadOnlyList<string>> TextsAsync(DirectLineClient chat) =>
        [.. (await chat.PollAsync()).Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString() ?? "")];

    /// <summary>
    /// Once the effects of <paramref name="from"/>'s last turn have run (proactive sends land after the turn), polls
    /// <paramref name="chat"/> once for the bot's activity that matches.
    /// </summary>
    private async Task<JsonElement> UntilAsync(DirectLineClient chat, DirectLineClient from, Func<JsonElement, bool> matches)
    {
        await factory.Services.GetRequiredService<ServiceRecoveryBot.Turns.Outbox>().SettledAsync(new ConversationKey("directline", from.ConversationId)).WaitAsync(TimeSpan.FromSeconds(30));
        return (await chat.PollAsync()).FirstOrDefault(a => a.TryGetProperty("from", out var f) && f.TryGetProperty("role", out var role) && role.GetString() == "bot" && matches(a)) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new Xunit.Sdk.XunitException("The bot sent no such activity.");
    }
}
