using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.IntegrationTests.Entry;

/// <summary>
/// Teams' personal home card through the real host and Azurite (issue 26 points 3 and 4): "home" in the personal chat
/// shows the staff member's open cases and next promise, a manager also the team's approvals and overdue follow-ups,
/// the card refreshes itself for its owner (Universal Actions), and a channel gets no one's cases.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsHomeCardTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Team = "msteams:" + Tenant;
    private const string Staff = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Managers:Teams:0:TeamKey"] = Team,
        ["Managers:Teams:0:UserIds:0"] = "29:manager-maria",
    };

    private async Task<Activity> SayAsync(string text, string from = Staff, string conversation = "a:home-personal", Action<JsonObject>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", "teams-message-personal.json")))!.AsObject();
        json["serviceUrl"] = Connector.ServiceUrl;
        json["id"] = Guid.NewGuid().ToString("N");
        json["text"] = text;
        json["from"]!["id"] = from;
        json["conversation"]!["id"] = conversation;
        edit?.Invoke(json);
        Connector.Received.Clear();
        await Http.PostAsync("/api/messages", new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        return Connector.Received.Select(r => r.Activity).Last(a => a.Type == ActivityTypes.Message);
    }

    private static JsonObject CardOf(Activity activity) => JsonNode.Parse(Assert.Single(activity.Attachments!).Content!.Value.GetRawText())!.AsObject();

    private static string TextOf(JsonObject card) =>
        string.Join("\n", card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "TextBlock").Select(b => b!["text"]!.GetValue<string>()));

    private async Task<(CaseId Own, CaseId Approval, CaseId OtherTeam)> SeedAsync()
    {
        var cases = Factory.Services.GetRequiredService<ICaseStore>();
        var now = DateTimeOffset.UtcNow;
        var own = RecoveryCase.Open(CaseId.New(), Team, Staff, "Megan", "room 305 no hot water", now.AddHours(-1)) with
        {
            Status = CaseStatus.AwaitingFollowUp,
            FollowUpAt = now.AddHours(3),
        };
        var approval = RecoveryCase.Open(CaseId.New(), Team, "29:someone-else", "Lee", "double charge on the minibar", now.AddHours(-2)) with
        {
            Atonement = new Atonement("a free night", 4, 180m, ApprovalState.Pending),
        };
        var elsewhere = RecoveryCase.Open(CaseId.New(), "msteams:another-tenant", Staff, "Megan", "cold soup at another hotel", now);
        foreach (var c in new[] { own, approval, elsewhere }) Assert.True(await cases.TryCreateAsync(c, CancellationToken.None));
        return (own.Id, approval.Id, elsewhere.Id);
    }

    [Fact]
    public async Task Home_shows_the_staff_members_own_cases_and_next_follow_up_in_a_card_that_refreshes_for_them()
    {
        var (own, approval, otherTeam) = await SeedAsync();

        var card = CardOf(await SayAsync("home"));

        var text = TextOf(card);
        Assert.Contains(own.Value, text, StringComparison.Ordinal);
        Assert.Contains($"Follow-up on {own} due", text, StringComparison.Ordinal);
        Assert.DoesNotContain(approval.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam.Value, text, StringComparison.Ordinal);
        Assert.Equal([Staff], card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var buttons = card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(b => b!["actions"]!.AsArray()).Select(a => a!["data"]!["msteams"]!["value"]!.GetValue<string>()).ToList();
        Assert.Contains($"follow up {own}", buttons);
    }

    [Fact]
    public async Task A_managers_home_adds_the_teams_pending_approvals()
    {
        var (_, approval, otherTeam) = await SeedAsync();

        var text = TextOf(CardOf(await SayAsync("home", from: "29:manager-maria", conversation: "a:home-manager")));

        Assert.Contains("Waiting for your approval", text, StringComparison.Ordinal);
        Assert.Contains(approval.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam.Value, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cards_refresh_is_answered_with_the_home_as_it_stands_now()
    {
        var (own, _, _) = await SayAndSeedAsync();
        var invoke = JsonNode.Parse(File.ReadAllText(SharedFixtures.Fixture("teams", "teams-invoke-adaptivecard-action.json")))!.AsObject();
        invoke["serviceUrl"] = Connector.ServiceUrl;
        invoke["from"]!["id"] = Staff;
        invoke["conversation"]!["id"] = "a:home-personal";
        invoke["conversation"]!["tenantId"] = Tenant;
        invoke["channelData"]!["tenant"]!["id"] = Tenant;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "home", ["data"] = new JsonObject { ["home"] = "refresh" } },
            ["trigger"] = "automatic",
        };

        var response = await Http.PostAsync("/api/messages", new StringContent(invoke.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Attachment.AdaptiveCardContentType, answer["type"]!.GetValue<string>());
        Assert.Contains(own.Value, TextOf(answer["value"]!.AsObject()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_in_a_channel_shows_no_ones_cases()
    {
        await SeedAsync();

        var reply = await SayAsync("home", conversation: "19:channel@thread.tacv2", edit: j =>
        {
            j["conversation"]!["conversationType"] = "channel";
            j["conversation"]!["isGroup"] = true;
        });

        Assert.StartsWith("Your home lists your cases", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
    }

    private async Task<(CaseId Own, CaseId Approval, CaseId OtherTeam)> SayAndSeedAsync()
    {
        var seeded = await SeedAsync();
        await SayAsync("home");
        return seeded;
    }
}
