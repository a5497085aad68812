using System.Text.Json;

namespace ServiceRecoveryBot.Insights;

/// <summary>
/// Named counters that add up ("opened", "cat:BillingError", "apologise:3"): what one case adds to its day's figures, or
/// the sum over many cases. Sums and differences are exact, so a case's old share can be taken back and its new one added.
/// </summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, long> counts;

    public Tally() => counts = new(StringComparer.Ordinal);

    private Tally(SortedDictionary<string, long> counts) => this.counts = counts;

    public IReadOnlyDictionary<string, long> Counts => counts;

    public bool IsEmpty => counts.Count == 0;

    public long this[string key] => counts.GetValueOrDefault(key);

    public void Add(string key, long value)
    {
        if (value == 0) return;
        var sum = counts.GetValueOrDefault(key) + value;
        if (sum == 0) counts.Remove(key);
        else counts[key] = sum;
    }

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (1 to add, -1 to take back).</summary>
    public Tally Add(Tally other, int sign = 1)
    {
        foreach (var (key, value) in other.counts) Add(key, sign * value);
        return this;
    }

    /// <summary>The counters whose key starts with <paramref name="prefix"/>, keyed by the rest of the key.</summary>
    public IEnumerable<(string Key, long Value)> WithPrefix(string prefix) =>
        counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(c => (c.Key[prefix.Length..], c.Value));

    /// <summary>A copy without the counters whose key starts with one of <paramref name="prefixes"/>.</summary>
    public Tally Without(params string[] prefixes) =>
        new(new SortedDictionary<string, long>(counts.Where(c => !prefixes.Any(p => c.Key.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal));

    public Tally Copy() => new Tally().Add(this);

    public static Tally Sum(IEnumerable<Tally> tallies) => tallies.Aggregate(new Tally(), (sum, t) => sum.Add(t));

    public string ToJson() => JsonSerializer.Serialize(counts);

    public static Tally FromJson(string json) => json.Length == 0
        ? new Tally()
        : new Tally(new SortedDictionary<string, long>(JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [], StringComparer.Ordinal));

    public bool SameAs(Tally other) => counts.Count == other.counts.Count && counts.All(c => other.counts.TryGetValue(c.Key, out var v) && v == c.Value);

    public override string ToString() => ToJson();
}
