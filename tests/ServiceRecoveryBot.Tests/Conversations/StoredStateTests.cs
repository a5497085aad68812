using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Dialogs;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>Conversation state documents as they are stored: what an earlier build wrote, this one reads and goes on from.</summary>
public sealed class StoredStateTests
{
    /// <summary>A recovery waiting at the atonement question, as stored by commit aeb9460 (frame values then held as JSON nodes).</summary>
    private static readonly string MidRecovery = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conversations", "StoredStates", "mid-recovery-at-atonement.json"));

    [Fact]
    public async Task A_recovery_stored_by_an_earlier_build_goes_on_from_the_question_it_was_waiting_at()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat("conv-restored");
        var stored = JsonSerializer.Deserialize<ConversationState>(MidRecovery, DialogJson.Options)!;
        Assert.True((await bot.States.TrySaveAsync(new ConversationKey("test", "conv-restored"), stored, null, CancellationToken.None)).Saved);

        Assert.Contains(await chat.SayAsync("1"), r => r.Contains("Keep promises", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("skip"), r => r.Contains("Follow up", StringComparison.Ordinal));
        var summary = await chat.SayAsync("ok");

        Assert.Contains(summary, r => r.Contains("SR-4SPX", StringComparison.Ordinal) && r.Contains("Drinks or a starter on the house", StringComparison.Ordinal));
        Assert.Equal("Room service to 1207 took 50 minutes and the breakfast arrived cold.", Assert.Single(bot.Cases.All).WhatHappened);
    }

    [Fact]
    public void A_stored_document_is_written_back_as_it_was_read_with_its_activity_ids_hashed()
    {
        var original = JsonNode.Parse(MidRecovery)!.AsObject();

        var read = JsonSerializer.Deserialize<ConversationState>(MidRecovery, DialogJson.Options)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(read, DialogJson.Options))!.AsObject();

        Assert.All(original["recentActivityIds"]!.AsArray(), id => Assert.True(read.HasProcessed(id!.GetValue<string>())));
        Assert.False(read.HasProcessed("conv-x|00010"));
        Assert.Equal(9 * 8, Convert.FromBase64String(again["recentActivities"]!.GetValue<string>()).Length);
        original.Remove("recentActivityIds");
        again.Remove("recentActivities");
        Assert.True(JsonNode.DeepEquals(original, again), again.ToJsonString());
    }

    [Fact]
    public void A_redelivery_is_recognized_among_the_last_32_activities_and_older_ones_are_forgotten()
    {
        var state = new ConversationState();

        for (var i = 1; i <= 40; i++) state.MarkProcessed($"activity-{i}");

        Assert.All(Enumerable.Range(9, 32), i => Assert.True(state.HasProcessed($"activity-{i}"), $"activity-{i}"));
        Assert.All(Enumerable.Range(1, 8), i => Assert.False(state.HasProcessed($"activity-{i}"), $"activity-{i}"));
        Assert.Equal(32 * 8, state.RecentActivities.Length);
    }
}
