using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Testing;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.State;

namespace ServiceRecoveryBot.IntegrationTests.Managers;

/// <summary>
/// After the recovery, as a manager and a staff member use it in Teams (real host, Azurite, loopback connector):
/// reassigning by name in text, escalations that check the case as they fire and carry their buttons, and a
/// follow-up that asks how to reach the customer, drafts a message that names them, and closes with the whole outcome.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseFollowThroughTests(AzuriteFixture azurite) : TeamsManagersHost(azurite, Logs)
{
    /// <summary>Every entry the class's hosts log, at Trace.</summary>
    private static readonly CapturingLoggerProvider Logs = new();

    [Fact]
    public async Task Reassign_by_name_or_id_in_text_tells_the_new_owner_and_a_card_click_asks_for_the_name()
    {
        var maria = new BotClient(Http, Connector, "a:maria-chat", "29:maria", "Maria Lopez");
        await maria.SayAsync("hi");
        var manager = new BotClient(Http, Connector, "a:manager-chat", ManagerId, "Dana");
        await manager.SayAsync("hi");
        var (_, id) = await RecoveryAsync("$120 credit for a night elsewhere");

        Assert.Contains(await manager.SayAsync($"reassign {id} to nobody-here"), r => r.StartsWith("I don't know anyone called \"nobody-here\"", StringComparison.Ordinal));
        Assert.Contains(await manager.SayAsync($"reassign {id} to maria"), r => r == $"{id} is now with Maria Lopez.");
        await SettledAsync(manager);
        Assert.Contains(Connector.Received, r => r.ConversationId == maria.ConversationId && r.Activity.Text?.StartsWith($"Dana gave you case {id}:", StringComparison.Ordinal) == true);
        Assert.Equal("29:maria", (await FindAsync(id))?.StaffId);

        // By id, typed with an @ as in a chat without mentions.
        Assert.Contains(await manager.SayAsync($"reassign {id} @29:manager-1"), r => r == $"{id} is now with Dana.");

        // The Reassign button on a card: the card asks who, and its answer reassigns and shows who has it now.
        var asked = await manager.InvokeAsync(manager.Execute("reassign", new { command = "reassign", caseId = id.Value }));
        Assert.Contains(asked["body"]!.AsArray(), e => (string?)e!["type"] == "Input.Text" && (string?)e["id"] == "to");
        var done = await manager.InvokeAsync(manager.Execute("reassign", new { command = "reassign", caseId = id.Value, to = "Maria" }));
        Assert.StartsWith("Reassigned to Maria Lopez", (string?)done["body"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalations_are_dropped_once_decided_or_closed_and_carry_the_buttons_they_name()
    {
        var manager = new BotClient(Http, Connector, "a:manager-chat", ManagerId, "Dana");
        await manager.SayAsync("hi");
        var (_, id) = await RecoveryAsync("$120 credit for a night elsewhere", promise: "call them back by 6pm");
        var handler = Factory.Services.GetRequiredService<IReminderHandler>();
        var now = DateTimeOffset.UtcNow;

        var approval = new Reminder("apr-test", ReminderKind.ApprovalEscalation, "local", id.Value, now);
        Assert.Equal(ReminderOutcome.Delivered, await handler.HandleAsync(approval, 1, CancellationToken.None));
        Assert.Equal(["Approve", "Decline", "Reassign"], ButtonsOf(LastCardTo(manager)));

        var promise = new Reminder("esc-test", ReminderKind.Escalation, "local", id.Value, DateTimeOffset.MaxValue.AddYears(-1), Note: EscalationNotes.Promise);
        Assert.Equal(ReminderOutcome.Delivered, await handler.HandleAsync(promise, 1, CancellationToken.None));
        Assert.Equal(["Kept", "Reassign"], ButtonsOf(LastCardTo(manager)));

        await manager.SayAsync($"approve {id}");
        await SettledAsync(manager);
        Assert.Equal(ReminderOutcome.Obsolete, await handler.HandleAsync(approval, 2, CancellationToken.None));
        await manager.SayAsync($"kept {id}");
        await SettledAsync(manager);
        Assert.Equal(ReminderOutcome.Obsolete, await handler.HandleAsync(promise, 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_follow_up_asks_how_to_reach_the_customer_names_them_in_the_draft_and_show_gives_the_whole_outcome()
    {
        var (staff, id) = await RecoveryAsync(null, customer: "Mrs Patel");

        Assert.Contains(await staff.SayAsync($"follow up {id}"), r => r.StartsWith("How will you reach them?", StringComparison.Ordinal));
        var answer = staff.Message("+44 7700 900123");
        (await staff.PostAsync(answer)).EnsureSuccessStatusCode();
        var opening = TextsOf(answer.Id!);   // in Teams the question comes as a card
        Assert.Contains(opening, r => r.Contains("Reach them at: +44 7700 900123", StringComparison.Ordinal)
            && r.Contains("> Hello Mrs Patel, I'm following up on what went wrong on ", StringComparison.Ordinal)
            && r.Contains("(no reservation on file for the Okafor couple but they have our confirmation). We ", StringComparison.Ordinal));
        foreach (var reply in new[] { "yes", "5", "Lovely, thank you for sorting it.", "yes", "1", "skip" })
            await staff.SayAsync(reply);
        Assert.Contains(await staff.SayAsync("check the channel manager sync every evening"), r => r.StartsWith($"Recorded and closed {id}", StringComparison.Ordinal));

        var shown = Assert.Single(await staff.SayAsync($"show {id}"));
        Assert.Contains("satisfaction 5/5, recovered", shown, StringComparison.Ordinal);
        Assert.Contains("- They said: \"Lovely, thank you for sorting it.\"", shown, StringComparison.Ordinal);
        Assert.Contains("- Root cause: Process", shown, StringComparison.Ordinal);
        Assert.Contains("- Lesson: check the channel manager sync every evening", shown, StringComparison.Ordinal);
        Assert.Contains("- Closed ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Follow up:", shown, StringComparison.Ordinal);
        Assert.Null((await FindAsync(id))?.Contact);   // a closed case keeps no way to reach the customer
    }

    [Fact]
    public async Task The_customers_phone_and_email_stay_in_the_case_and_never_reach_the_logs()
    {
        var (staff, id) = await RecoveryAsync(null, customer: "Mrs Patel");

        Assert.Contains(await staff.SayAsync($"contact {id} +44 7700 900123"), r => r.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal("+44 7700 900123", (await FindAsync(id))?.Contact);
        await staff.SayAsync($"contact {id} patel.family@example.org");
        var answer = staff.Message($"follow up {id}");
        (await staff.PostAsync(answer)).EnsureSuccessStatusCode();
        Assert.Contains(TextsOf(answer.Id!), r => r.Contains("Reach them at: patel.family@example.org", StringComparison.Ordinal));
        await SettledAsync(staff);

        Assert.Contains(Logs.Lines(), line => line.Contains("a%3Astaff-chat/activities", StringComparison.Ordinal));   // the replies' sends are captured, at Trace
        Assert.DoesNotContain(Logs.Lines(), line => line.Contains("900123", StringComparison.Ordinal) || line.Contains("patel.family", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A staff member's recovery to its end: the offer (the first suggestion when null), a promise, the default follow-up.</summary>
    private async Task<(BotClient Staff, CaseId Id)> RecoveryAsync(string? offer, string? customer = null, string? promise = null)
    {
        var staff = new BotClient(Http, Connector, "a:staff-chat");
        var opened = await staff.SayAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        var id = CaseId.TryParse(opened.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"SR-\w{4}").Value).First(v => v.Length > 0))!.Value;
        foreach (var answer in new[] { "1", customer ?? "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1", offer ?? "1", promise ?? "skip" })
            await staff.SayAsync(answer);
        if (promise is not null && !Connector.Received.Any(r => r.Activity.Text?.Contains("When should we follow up", StringComparison.Ordinal) == true)) await staff.SayAsync("6pm");
        await staff.SayAsync("ok");
        await SettledAsync(staff);
        return (staff, id);
    }

    /// <summary>What the bot said in reply to an activity: each message's text, and every text of its cards.</summary>
    private List<string> TextsOf(string activityId)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o) { foreach (var (key, value) in o) { if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out var t)) texts.Add(t); else Walk(value); } }
            else if (node is JsonArray a) foreach (var item in a) Walk(item);
        }
        foreach (var r in Connector.Received.Where(r => r.ReplyToId == activityId))
        {
            if (r.Activity.Text is { } text) texts.Add(text);
            foreach (var attachment in r.Activity.Attachments ?? []) Walk(JsonNode.Parse(attachment.Content!.Value.GetRawText()));
        }
        return texts;
    }

    private JsonNode LastCardTo(BotClient chat) =>
        JsonNode.Parse(Connector.Received.Last(r => r.ConversationId == chat.ConversationId && r.Activity.Attachments is { Count: > 0 }).Activity.Attachments![0].Content!.Value.GetRawText())!;

    private static string[] ButtonsOf(JsonNode card) =>
        [.. card["body"]!.AsArray().Single(e => (string?)e!["type"] == "ActionSet")!["actions"]!.AsArray().Select(a => (string)a!["title"]!)];


}
