using Azure.Data.Tables;

namespace ServiceRecoveryBot.Storage;

/// <summary>Azure Table Storage's limits, enforced before anything is sent.</summary>
public static class TableLimits
{
    /// <summary>64 KiB of UTF-16.</summary>
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxBatchActions = 100;
    public const int MaxCustomProperties = 252;
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Splits a long string across numbered properties (Name0, Name1, ...) within the entity limit.</summary>
    public static void WriteChunked(TableEntity entity, string name, string value)
    {
        foreach (var (index, range) in Chunks(entity, name, value.Length, MaxStringChars, wireBytes: value.Length * 2L, unit: "characters"))
            entity[name + index] = value[range];
    }

    public static string ReadChunked(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        return chunks <= 1 ? entity.GetString(name + "0") ?? "" : string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)));
    }

    /// <summary>Splits binary data across numbered properties (Name0, Name1, ...) of at most 64 KiB each.</summary>
    public static void WriteChunked(TableEntity entity, string name, byte[] value)
    {
        foreach (var (index, range) in Chunks(entity, name, value.Length, MaxBinaryBytes, wireBytes: value.Length * 4L / 3, unit: "bytes"))
            entity[name + index] = range.Equals(Range.All) ? value : value[range];
    }

    /// <summary>Checks the whole value fits an entity, records the chunk count, and gives each chunk's range.</summary>
    private static IEnumerable<(int Index, Range Range)> Chunks(TableEntity entity, string name, int length, int perChunk, long wireBytes, string unit)
    {
        if (wireBytes > MaxEntityBytes - 64 * 1024)
            throw new TableLimitException($"'{name}' is {length} {unit}; an entity holds at most 1 MiB.");
        var chunks = Math.Max((length + perChunk - 1) / perChunk, 1);
        entity[name + "Chunks"] = chunks;
        if (chunks == 1) return [(0, Range.All)];
        return Enumerable.Range(0, chunks).Select(i => (i, new Range(i * perChunk, Math.Min(length, (i + 1) * perChunk))));
    }

    public static byte[] ReadChunkedBytes(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        if (chunks <= 1) return entity.GetBinary(name + "0") ?? [];
        return Enumerable.Range(0, chunks).SelectMany(i => entity.GetBinary(name + i) ?? []).ToArray();
    }

    /// <summary>Checks a batch against Azure's rules: at most 100 actions, one partition, each row once, strings within 64 KiB.</summary>
    public static void EnsureValidBatch(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new TableLimitException("A batch needs at least one action.");
        if (actions.Count > MaxBatchActions) throw new TableLimitException($"A batch holds at most {MaxBatchActions} actions, not {actions.Count}.");
        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
                throw new TableLimitException("Every action in a batch must share one PartitionKey.");
            if (!rows.Add(action.Entity.RowKey))
                throw new TableLimitException($"The batch touches row '{action.Entity.RowKey}' twice.");
            if (action.Entity is TableEntity entity) EnsureValidEntity(entity);
        }
    }

    public static void EnsureValidEntity(TableEntity entity)
    {
        TableKeys.EnsureValidKey(entity.PartitionKey);
        TableKeys.EnsureValidKey(entity.RowKey);
        if (entity.Count - 2 > MaxCustomProperties) throw new TableLimitException($"An entity holds at most {MaxCustomProperties} properties.");
        foreach (var (name, value) in entity)
        {
            if (value is string text && text.Length > MaxStringChars)
                throw new TableLimitException($"Property '{name}' is {text.Length} characters; a string holds at most {MaxStringChars}.");
            if (value is byte[] bytes && bytes.Length > MaxBinaryBytes)
                throw new TableLimitException($"Property '{name}' is {bytes.Length} bytes; a binary property holds at most {MaxBinaryBytes}.");
        }
    }
}
