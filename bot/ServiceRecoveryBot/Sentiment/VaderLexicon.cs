using System.Collections.Frozen;
using System.Globalization;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The VADER word valences, read once from <c>vader_lexicon.txt</c> (npm package <c>vader-sentiment</c>, Apache-2.0).
/// Immutable and thread-safe; look-ups take a span so the hot path never allocates a string.
/// </summary>
public sealed class VaderLexicon
{
    /// <summary>The path of the lexicon inside an npm install.</summary>
    public const string NpmRelativePath = "node_modules/vader-sentiment/vader_lexicon.txt";

    /// <summary>
    /// Entries where the npm package differs from the original VADER lexicon (cjhutto/vaderSentiment), restored so
    /// <see cref="SentimentMode.Vader"/> agrees with the reference: the npm copy lacks <c>heart</c>, <c>hearts</c> and
    /// <c>flawed</c> and gives <c>badass</c> the opposite sign (-0.6 instead of 1.4).
    /// </summary>
    public static IReadOnlyDictionary<string, double> ReferenceOverrides { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["heart"] = 3.2,
        ["hearts"] = 3.3,
        ["flawed"] = -2.1,
        ["badass"] = 1.4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, double> _valences;
    private readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private VaderLexicon(FrozenDictionary<string, double> valences)
    {
        _valences = valences;
        _lookup = valences.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of entries.</summary>
    public int Count => _valences.Count;

    /// <summary>All entries, lower-case word to mean valence (-4..4).</summary>
    public IReadOnlyDictionary<string, double> Valences => _valences;

    /// <summary>Looks up a lower-case word.</summary>
    public bool TryGetValence(ReadOnlySpan<char> lowerCaseWord, out double valence) => _lookup.TryGetValue(lowerCaseWord, out valence);

    /// <summary>Parses the lexicon text (word TAB mean TAB ...), then applies <paramref name="overrides"/>.</summary>
    public static VaderLexicon Parse(TextReader reader, IEnumerable<KeyValuePair<string, double>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = new Dictionary<string, double>(8192, StringComparer.Ordinal);
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.AsSpan().Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            int tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                throw new FormatException($"Lexicon line without a tab: '{raw}'.");
            }

            var rest = line[(tab + 1)..];
            int tab2 = rest.IndexOf('\t');
            var measure = tab2 < 0 ? rest : rest[..tab2];
            map[line[..tab].ToString()] = double.Parse(measure, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (overrides is not null)
        {
            foreach (var (word, valence) in overrides)
            {
                map[word] = valence;
            }
        }

        return new VaderLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Reads the lexicon file with the <see cref="ReferenceOverrides"/> applied.</summary>
    public static VaderLexicon Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader, ReferenceOverrides);
    }

    /// <summary>A new lexicon with extra or replaced entries (the service-domain layer).</summary>
    public VaderLexicon With(IEnumerable<KeyValuePair<string, double>> entries, IEnumerable<string>? removals = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, double>(_valences, StringComparer.Ordinal);
        foreach (var (word, valence) in entries)
        {
            map[word] = valence;
        }

        foreach (var word in removals ?? [])
        {
            map.Remove(word);
        }

        return new VaderLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Finds <see cref="NpmRelativePath"/> by walking up from each start directory (e.g. <see cref="AppContext.BaseDirectory"/>
    /// and the current directory). Returns null when no directory on the way has it.
    /// </summary>
    public static string? FindNpmLexicon(IEnumerable<string?> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            if (string.IsNullOrEmpty(start))
            {
                continue;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, NpmRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The configured path when given, else the npm install found from the app and current directories.</summary>
    public static string ResolvePath(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath)
                ? configuredPath
                : throw new FileNotFoundException($"Sentiment:LexiconPath points to a missing file.", configuredPath);
        }

        return FindNpmLexicon([AppContext.BaseDirectory, Directory.GetCurrentDirectory()])
            ?? throw new FileNotFoundException(
                $"VADER lexicon not found: no {NpmRelativePath} above {AppContext.BaseDirectory} or the current directory. Run 'npm ci' in the repository root or set Sentiment:LexiconPath.");
    }
}
