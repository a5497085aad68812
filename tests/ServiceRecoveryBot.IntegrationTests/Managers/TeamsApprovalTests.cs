using System.Text.Json.Nodes;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// A manager approves in Teams with Universal Actions (an <c>adaptiveCard/action</c> invoke answered with the card
/// that replaces the clicked one), through the real host and Azurite, while the staff member is still in the recovery.
/// No managers' channel: the request goes to the manager's personal chat.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsApprovalTests(AzuriteFixture azurite) : TeamsManagersHost(azurite)
{
    [Fact]
    public async Task Approval_made_mid_recovery_survives_its_end()
    {
        var (staff, manager, id) = await OfferAboveAuthorityAsync();

        // Approve with the amount box left empty, as Teams sends it.
        var decided = await manager.InvokeAsync(manager.Execute("approve", new { command = "approve", caseId = id.Value, amount = "" }));
        Assert.StartsWith("Approved by Maria: $120", (string?)decided["body"]![0]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("Action.", decided.ToJsonString(), StringComparison.Ordinal);
        await SettledAsync(manager);
        Assert.Contains(Connector.Received, r => r.ConversationId == staff.ConversationId
            && r.Activity.Text == $"Good news: Maria approved $120 credit for a night elsewhere ($120) for {id}. You can offer it now.");

        await staff.SayAsync("skip");                                    // no promise
        var end = staff.Message("ok");                                   // the default follow-up: the recovery ends
        (await staff.PostAsync(end)).EnsureSuccessStatusCode();

        var summary = Assert.Single(Connector.Received, r => r.ReplyToId == end.Id && r.Activity.Attachments is { Count: > 0 });
        var card = summary.Activity.Attachments![0].Content!.Value.GetRawText();
        Assert.Contains("$120 credit for a night elsewhere (approved by Maria: $120,", card, StringComparison.Ordinal);
        Assert.DoesNotContain("pending approval", card, StringComparison.Ordinal);
        var stored = await Factory.Services.GetRequiredService<ICaseStore>().FindAsync("local", id, CancellationToken.None);
        Assert.Equal(ApprovalState.Approved, stored?.Atonement?.Approval);
        Assert.Equal(("Maria", 120m), (stored?.Atonement?.Decision?.ByName, stored?.Atonement?.Decision?.Amount));
        Assert.Contains(await staff.SayAsync($"show {id}"), r => r.Contains("- Atonement: $120 credit for a night elsewhere (approved by Maria: $120,", StringComparison.Ordinal));

        // Decided once: a second click, or a decline typed after, is answered with who decided and when.
        var again = await manager.InvokeAsync(manager.Execute("decline", new { command = "decline", caseId = id.Value }));
        Assert.StartsWith("Approved by Maria: $120", (string?)again["body"]![0]!["text"], StringComparison.Ordinal);
        var at = stored!.Atonement!.Decision!.At;
        Assert.Contains(await manager.SayAsync($"decline {id}"), r => r == $"{id} was already approved by Maria at {at:HH:mm} ($120).");
        Assert.Equal(ApprovalState.Approved, (await Factory.Services.GetRequiredService<ICaseStore>().FindAsync("local", id, CancellationToken.None))?.Atonement?.Approval);
    }

    [Fact]
    public async Task The_card_refreshes_to_buttons_for_managers_and_to_the_status_for_anyone_else()
    {
        var (staff, manager, id) = await OfferAboveAuthorityAsync();

        var sent = Assert.Single(Connector.Received, r => r.ConversationId == manager.ConversationId && r.Activity.Attachments is { Count: > 0 });
        var card = JsonNode.Parse(sent.Activity.Attachments![0].Content!.Value.GetRawText())!;
        Assert.Equal([ManagerId], card["refresh"]!["userIds"]!.AsArray().Select(u => (string)u!).ToArray());
        Assert.Equal("Action.Execute", (string?)card["refresh"]!["action"]!["type"]);
        // A manager's personal chat is seen by that manager alone: the buttons are there before any refresh (the Agents
        // Playground has no user-specific views, and showed no buttons).
        var sentApprove = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "ActionSet")!["actions"]![0]!;
        Assert.Equal(("Action.Execute", "approve"), ((string?)sentApprove["type"], (string?)sentApprove["verb"]));

        var forManager = await manager.InvokeAsync(manager.Execute("refresh", new { command = "refresh", caseId = id.Value }));
        var approve = forManager["body"]!.AsArray().Single(e => (string?)e!["type"] == "ActionSet")!["actions"]![0]!;
        Assert.Equal(("Action.Execute", "approve", "Action.Submit"), ((string?)approve["type"], (string?)approve["verb"], (string?)approve["fallback"]!["type"]));
        var amount = forManager["body"]!.AsArray().Single(e => (string?)e!["type"] == "Input.Number")!.AsObject();
        Assert.False(amount.ContainsKey("min"), "an empty number box with a minimum is not submitted");

        var forStaff = await staff.InvokeAsync(staff.Execute("refresh", new { command = "refresh", caseId = id.Value }));
        Assert.DoesNotContain("Action.", forStaff.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith("Approval needed", (string?)forStaff["body"]![0]!["text"], StringComparison.Ordinal);
    }

    /// <summary>Before: the update carried the text and the card, which Teams refuses (400 "multiple skype activities").</summary>
    [Fact]
    public async Task Approve_pressed_as_a_submit_updates_the_card_with_the_card_alone()
    {
        var (_, manager, id) = await OfferAboveAuthorityAsync();

        var submit = manager.Message("") with { Text = null, ReplyToId = "approval-card-1", Value = System.Text.Json.JsonSerializer.SerializeToElement(new { command = "approve", caseId = id.Value }) };
        (await manager.PostAsync(submit)).EnsureSuccessStatusCode();
        await SettledAsync(manager);

        var update = Assert.Single(Connector.Updated, u => u.ReplyToId == "approval-card-1");
        Assert.Null(update.Activity.Text);
        Assert.Null(update.Activity.SuggestedActions);
        var card = Assert.Single(update.Activity.Attachments!);
        Assert.Contains("Approved by Maria", card.Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>The manager has talked to the bot once; the staff member walks a recovery up to a $120 offer (above the $50 authority).</summary>
    private async Task<(BotClient Staff, BotClient Manager, CaseId Id)> OfferAboveAuthorityAsync()
    {
        var manager = new BotClient(Http, Connector, "a:manager-chat", ManagerId, "Maria");
        await manager.SayAsync("hi");
        var staff = new BotClient(Http, Connector, "a:staff-chat");
        var opened = await staff.SayAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        var id = CaseId.TryParse(opened.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"SR-\w{4}").Value).First(v => v.Length > 0))!.Value;
        foreach (var answer in new[] { "1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1" })
            await staff.SayAsync(answer);
        var offered = await staff.SayAsync("$120 credit for a night elsewhere");
        Assert.Contains(offered, r => r == "I've asked Maria for approval; you'll hear the decision here.");
        await SettledAsync(staff);
        return (staff, manager, id);
    }

}
