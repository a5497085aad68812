using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Tests.Storage;

public sealed class StateKeysTests
{
    [Fact]
    public void A_conversation_keeps_its_shard_across_processes()
    {
        // Pinned values: a per-process hash (string.GetHashCode) would move every conversation's state on restart.
        Assert.Equal("s01", PartitionOf("msteams", "a:1"));
        Assert.Equal("s00", PartitionOf("msteams", "C024BE91L-1700000000.000100"));
        Assert.Equal("s01", PartitionOf("msteams", "q"));
    }

    [Fact]
    public void The_earlier_layouts_partitions_stay_where_its_rows_are()
    {
        // Rows written with 8 shards are found there and moved on their first read.
        Assert.Equal("s05", PartitionOf("msteams", "a:1", TableConversationStateStore.PreviousShards));
        Assert.Equal("s02", PartitionOf("msteams", "C024BE91L-1700000000.000100", TableConversationStateStore.PreviousShards));
        Assert.Equal("s07", PartitionOf("msteams", "q", TableConversationStateStore.PreviousShards));
    }

    [Fact]
    public void The_row_key_alone_names_the_conversation()
    {
        var row = TableConversationStateStore.RowKeyFor(new ConversationKey("msteams", "19:abc@thread.tacv2"));

        Assert.Equal(TableKeys.Encode("msteams") + "_" + TableKeys.Encode("19:abc@thread.tacv2"), row);
        TableKeys.EnsureValidKey(row);
    }

    [Fact]
    public void Conversations_spread_over_every_shard()
    {
        var shards = Enumerable.Range(0, 1000).Select(i => PartitionOf("directline", $"conversation-{i}")).ToHashSet();

        Assert.Equal(TableConversationStateStore.Shards, shards.Count);
    }

    private static string PartitionOf(string channel, string conversation, int shards = TableConversationStateStore.Shards) =>
        TableConversationStateStore.PartitionKeyFor(TableConversationStateStore.RowKeyFor(new ConversationKey(channel, conversation)), shards);
}
