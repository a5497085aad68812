using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.IntegrationTests.Teams;

/// <summary>
/// Question cards pressed in Teams (Universal Actions: <c>adaptiveCard/action</c> invokes), through the real host and
/// Azurite: the pressed card shows the choice, and a card whose question is over says so instead of answering another.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsCardActionTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    [Fact]
    public async Task A_pressed_question_card_shows_the_choice_and_the_next_question_follows()
    {
        var staff = new BotClient(Http, Connector, "a:press-chat");
        var category = await AskedAsync(staff, () => staff.SayAsync("walk me through it: guest at table 12 furious, steak overcooked twice"), "Looks like");

        var pressed = await staff.InvokeAsync(staff.Execute("answer", Press(category, "(suggested)")));

        Assert.Equal("✓ Product or food quality (suggested)", (string?)pressed["body"]![0]!["text"]);
        Assert.DoesNotContain("Action.", pressed.ToJsonString(), StringComparison.Ordinal);
        var tier = LatestCard(staff);
        Assert.Equal("What kind of customer?", (string?)tier["body"]![0]!["text"]);
    }

    /// <summary>Before: the old card's answer ("ProductOrFoodQuality") was taken as the answer to whatever was asked next.</summary>
    [Fact]
    public async Task A_card_whose_question_is_over_says_it_is_closed_and_the_current_question_comes_again()
    {
        var staff = new BotClient(Http, Connector, "a:stale-chat");
        var category = await AskedAsync(staff, () => staff.SayAsync("walk me through it: guest at table 12 furious, steak overcooked twice"), "Looks like");
        await staff.InvokeAsync(staff.Execute("answer", Press(category, "(suggested)")));
        var tier = LatestCard(staff);
        var before = Connector.Received.Count;

        var stale = await staff.InvokeAsync(staff.Execute("answer", Press(category, "Billing error")));

        Assert.Equal("This question is closed: it was answered, or the case moved on.", (string?)stale["body"]![0]!["text"]);
        Assert.DoesNotContain("Action.", stale.ToJsonString(), StringComparison.Ordinal);
        var after = Connector.Received.Skip(before).ToList();
        Assert.Contains(after, r => r.Activity.Text == "That card's question is closed. Here is the one I'm asking now:");
        Assert.Equal("What kind of customer?", (string?)LatestCard(staff)["body"]![0]!["text"]);

        // The question being asked still takes its own card's answer.
        var regular = await staff.InvokeAsync(staff.Execute("answer", Press(tier, "Regular")));
        Assert.Equal("✓ Regular", (string?)regular["body"]![0]!["text"]);
        Assert.StartsWith("What did the customer say", (string?)LatestCard(staff)["body"]![0]!["text"], StringComparison.Ordinal);
    }

    /// <summary>Before: an old card's answer with nothing asked was read as a new message ("Regular" opened nothing useful, or a case).</summary>
    [Fact]
    public async Task A_card_pressed_when_nothing_is_asked_opens_nothing()
    {
        var staff = new BotClient(Http, Connector, "a:closed-chat");
        await AskedAsync(staff, () => staff.SayAsync("walk me through it: the room was not cleaned and the guest waited an hour"), "Looks like");
        var category = LatestCard(staff);
        await staff.SayAsync("pause");
        var before = Connector.Received.Count;

        var closed = await staff.InvokeAsync(staff.Execute("answer", Press(category, "Safety or health")));

        Assert.Equal("This question is closed: it was answered, or the case moved on.", (string?)closed["body"]![0]!["text"]);
        var after = Connector.Received.Skip(before).Select(r => r.Activity.Text).ToList();
        Assert.Equal(["That card's question is closed, and nothing is being asked now. Say \"my cases\" to see your cases."], after);
    }

    /// <summary>Before: a new incident typed at a choice question was a wrong answer ("Pick a number from the list"), and lost.</summary>
    [Fact]
    public async Task A_new_incident_typed_at_a_question_asks_whether_it_is_a_new_case_and_one_press_opens_it()
    {
        var staff = new BotClient(Http, Connector, "a:second-incident");
        await AskedAsync(staff, () => staff.SayAsync("walk me through it: guest at table 12 furious, steak overcooked twice"), "Looks like");
        const string incident = "Another guest in room 40 is angry, the shower has been cold for two days";

        var message = staff.Message(incident);
        (await staff.PostAsync(message)).EnsureSuccessStatusCode();

        var asked = Assert.Single(Connector.Received, r => r.ReplyToId == message.Id && r.Activity.Text is { Length: > 0 });
        Assert.StartsWith("That sounds like a new incident. Is it a new case?", asked.Activity.Text, StringComparison.Ordinal);
        var press = Assert.Single(asked.Activity.SuggestedActions!.Actions);
        Assert.Equal("new case: " + incident, press.Value);
        Assert.StartsWith("Looks like", (string?)LatestCard(staff)["body"]![0]!["text"], StringComparison.Ordinal); // the question again

        var opened = await staff.SayAsync((string)press.Value!);
        Assert.Contains(opened, r => r.Contains("opened", StringComparison.Ordinal) && r.Contains("SR-", StringComparison.Ordinal));
    }

    /// <summary>Before: "Say yes, or pick another" in a channel, where the bot hears only @mentions.</summary>
    [Fact]
    public async Task A_question_in_a_channel_says_to_mention_the_bot()
    {
        var channel = new BotClient(Http, Connector, "19:general@thread.tacv2;messageid=1");
        var mention = channel.Message("walk me through it: guest at table 12 furious, steak overcooked twice") with
        {
            Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1", ConversationType = "channel", IsGroup = true },
        };
        (await channel.PostAsync(mention)).EnsureSuccessStatusCode();

        var question = (string?)LatestCard(channel)["body"]![0]!["text"];
        Assert.Contains("@mention me with yes", question, StringComparison.Ordinal);
        Assert.DoesNotContain("Say yes", question, StringComparison.Ordinal);
    }

    private async Task<JsonNode> AskedAsync(BotClient chat, Func<Task> say, string startsWith)
    {
        await say();
        var card = LatestCard(chat);
        Assert.StartsWith(startsWith, (string?)card["body"]![0]!["text"], StringComparison.Ordinal);
        return card;
    }

    /// <summary>The last Adaptive Card the bot sent to <paramref name="chat"/>.</summary>
    private JsonNode LatestCard(BotClient chat) => JsonNode.Parse(Connector.Received
        .Last(r => r.ConversationId == chat.ConversationId && r.Activity.Attachments is { Count: > 0 }).Activity.Attachments![0].Content!.Value.GetRawText())!;

    /// <summary>The data of the card's Action.Execute whose title contains <paramref name="title"/> (a button or a pressable row).</summary>
    private static object Press(JsonNode card, string title)
    {
        var action = Executes(card).First(a => ((string?)a["title"] ?? "").Contains(title, StringComparison.Ordinal));
        return JsonSerializer.Deserialize<JsonElement>(action["data"]!.ToJsonString());
    }

    private static IEnumerable<JsonNode> Executes(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.Where(p => p.Key != "fallback").SelectMany(p => Executes(p.Value)),
        JsonArray a => a.SelectMany(Executes),
        _ => [],
    };
}
