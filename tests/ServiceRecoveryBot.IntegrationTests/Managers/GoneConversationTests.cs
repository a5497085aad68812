using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// A manager's decision reaches the staff member although the chat the case was opened in is gone (the connector
/// answers 404, or 403 BotNotInConversationRoster): that chat is forgotten and the next live one gets the notice; with
/// none left, the managers do. Through the real host and Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GoneConversationTests(AzuriteFixture azurite) : TeamsManagersHost(azurite)
{
    /// <summary>Before: the notice went to the case's chat only; the 404 was the end of it.</summary>
    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    public async Task The_decision_goes_to_the_staff_members_live_chat_when_the_cases_chat_is_gone(int status)
    {
        var (staff, manager, id) = await OfferAboveAuthorityAsync();
        var phone = new BotClient(Http, Connector, "a:staff-phone");          // the same person, in a newer chat
        await phone.SayAsync("hi");
        await SettledAsync(phone);
        Connector.Gone[staff.ConversationId] = status;

        await manager.SayAsync($"approve {id}");
        await SettledAsync(manager);

        Assert.Contains(Connector.Received, r => r.ConversationId == phone.ConversationId && r.Activity.Text?.StartsWith("Good news: Maria approved", StringComparison.Ordinal) == true);
        var known = await Factory.Services.GetRequiredService<IConversationReferenceStore>().ListAsync("local", CancellationToken.None);
        Assert.DoesNotContain(known, r => r.ConversationId == staff.ConversationId);
        Assert.Contains(known, r => r.ConversationId == phone.ConversationId);
    }

    [Fact]
    public async Task With_every_chat_of_the_staff_member_gone_the_managers_get_the_message_to_pass_on()
    {
        var (staff, manager, id) = await OfferAboveAuthorityAsync();
        Connector.Gone[staff.ConversationId] = 404;

        await manager.SayAsync($"decline {id}");
        await SettledAsync(manager);

        var passed = Assert.Single(Connector.Received, r => r.ConversationId == manager.ConversationId && r.Activity.Text?.StartsWith("I couldn't reach", StringComparison.Ordinal) == true);
        Assert.Contains($"Maria declined", passed.Activity.Text, StringComparison.Ordinal);
        Assert.Contains(id.Value, passed.Activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await Factory.Services.GetRequiredService<IConversationReferenceStore>().ListAsync("local", CancellationToken.None), r => r.ConversationId == staff.ConversationId);
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
