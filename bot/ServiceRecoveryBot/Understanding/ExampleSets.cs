using System.Reflection;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The labelled examples the model compares a message with (Examples/*.tsv, embedded): incident messages by category,
/// guidance questions by topic, customer quotes by flags. Written in staff's own style; a held-back share lives in the tests only.
/// </summary>
public sealed record ExampleSets(
    IReadOnlyList<(FailureCategory Category, string Text)> Incidents,
    IReadOnlyList<(string Topic, string Text)> Questions,
    IReadOnlyList<(IReadOnlySet<ToneFlag> Flags, string Text)> Quotes)
{
    public static ExampleSets LoadDefault() => new(
        Rows("incidents.tsv").Select(r => (Enum.Parse<FailureCategory>(r.Label), r.Text)).ToList(),
        Rows("guidance.tsv").ToList(),
        Rows("quotes.tsv").Select(r => (ParseFlags(r.Label), r.Text)).ToList());

    /// <summary>Comma-separated flag names; empty for none.</summary>
    public static IReadOnlySet<ToneFlag> ParseFlags(string label) =>
        label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<ToneFlag>).ToHashSet();

    /// <summary>"label TAB text" rows of a TSV, '#' lines skipped.</summary>
    public static IEnumerable<(string Label, string Text)> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0) throw new FormatException($"Example row without a tab: \"{line}\"");
            yield return (line[..tab].Trim(), line[(tab + 1)..].Trim());
        }
    }

    private static List<(string Label, string Text)> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("understanding-" + name)
            ?? throw new InvalidOperationException($"Embedded examples understanding-{name} are missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader).ToList();
    }
}
