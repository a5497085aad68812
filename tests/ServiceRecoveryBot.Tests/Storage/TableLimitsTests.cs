using Azure.Data.Tables;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Tests.Storage;

/// <summary>Azure's limits, enforced by our code because Azurite does not enforce them.</summary>
public sealed class TableLimitsTests
{
    private static TableTransactionAction Add(string partition, string row) => new(TableTransactionActionType.Add, new TableEntity(partition, row));

    [Fact]
    public void A_batch_of_more_than_100_actions_is_refused_before_sending() =>
        Assert.Throws<TableLimitException>(() => TableLimits.EnsureValidBatch(Enumerable.Range(0, 101).Select(i => Add("p", "r" + i)).ToList()));

    [Fact]
    public void A_batch_across_partitions_is_refused() =>
        Assert.Throws<TableLimitException>(() => TableLimits.EnsureValidBatch([Add("p1", "r"), Add("p2", "r")]));

    [Fact]
    public void A_batch_touching_a_row_twice_is_refused() =>
        Assert.Throws<TableLimitException>(() => TableLimits.EnsureValidBatch([Add("p", "r"), Add("p", "r")]));

    [Fact]
    public void A_string_over_64_KiB_is_refused() =>
        Assert.Throws<TableLimitException>(() => TableLimits.EnsureValidEntity(new TableEntity("p", "r") { ["Big"] = new string('x', TableLimits.MaxStringChars + 1) }));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    public void Forbidden_key_characters_are_refused(string key) =>
        Assert.Throws<TableLimitException>(() => TableKeys.EnsureValidKey(key));

    [Fact]
    public void Encoded_ids_are_always_valid_keys_even_when_long()
    {
        TableKeys.EnsureValidKey(TableKeys.Encode("19:abc@thread.tacv2;messageid=1/#?\\\t'%"));
        TableKeys.EnsureValidKey(TableKeys.Encode(new string('x', 5000)));
    }

    [Fact]
    public void A_long_document_is_split_across_properties_and_read_back_whole()
    {
        var entity = new TableEntity("p", "r");
        var text = string.Concat(Enumerable.Range(0, 80_000).Select(i => (char)('a' + i % 26)));
        TableLimits.WriteChunked(entity, "Json", text);
        TableLimits.EnsureValidEntity(entity);
        Assert.Equal(3, entity.GetInt32("JsonChunks"));
        Assert.Equal(text, TableLimits.ReadChunked(entity, "Json"));
    }

    [Fact]
    public void Binary_data_is_split_into_64_KiB_properties_and_read_back_whole()
    {
        var entity = new TableEntity("p", "r");
        var data = Enumerable.Range(0, 150_000).Select(i => (byte)(i * 7)).ToArray();
        TableLimits.WriteChunked(entity, "State", data);
        TableLimits.EnsureValidEntity(entity);
        Assert.Equal(3, entity.GetInt32("StateChunks"));
        Assert.Equal(data, TableLimits.ReadChunkedBytes(entity, "State"));
    }

    [Fact]
    public void A_binary_property_over_64_KiB_is_refused() =>
        Assert.Throws<TableLimitException>(() => TableLimits.EnsureValidEntity(new TableEntity("p", "r") { ["State0"] = new byte[70_000] }));

    [Fact]
    public void A_document_over_one_MiB_is_refused() =>
        Assert.Throws<TableLimitException>(() => TableLimits.WriteChunked(new TableEntity("p", "r"), "Json", new string('x', 600_000)));
}
