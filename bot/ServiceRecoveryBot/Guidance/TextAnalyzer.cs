using System.Text;

namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// Turns text into search terms: lower case, punctuation out, stop words out, a light stemmer (British and American
/// spellings meet), and synonym groups folded onto one term. The same analyzer runs on documents and questions.
/// </summary>
internal sealed class TextAnalyzer
{
    private readonly HashSet<string> stopWords;
    private readonly Dictionary<string, string> canonical = new(StringComparer.Ordinal);

    public TextAnalyzer(IEnumerable<string> stopWords, IEnumerable<IReadOnlyList<string>> synonymGroups)
    {
        this.stopWords = new HashSet<string>(stopWords.Select(w => w.Replace("'", "", StringComparison.Ordinal)), StringComparer.Ordinal);
        foreach (var group in synonymGroups)
        {
            var head = Stem(group[0]);
            foreach (var word in group.Where(w => !w.Contains(' ', StringComparison.Ordinal)))
                canonical.TryAdd(Stem(word.Replace("-", "", StringComparison.Ordinal)), head);
        }
    }

    /// <summary>Search terms, in order, repeats kept.</summary>
    public IReadOnlyList<string> Terms(string text) => StemsOf(text).Select(s => s.Term).ToList();

    /// <summary>Each non-stop word's stem and the search term it folds onto (they differ for synonyms).</summary>
    public IReadOnlyList<(string Stem, string Term)> StemsOf(string text)
    {
        var terms = new List<(string, string)>();
        foreach (var word in Words(text))
        {
            if (stopWords.Contains(word)) continue;
            var stem = Stem(word);
            terms.Add((stem, Canonical(stem)));
        }
        return terms;
    }

    /// <summary>Every synonym's stem and the term it folds onto.</summary>
    public IReadOnlyDictionary<string, string> SynonymStems => canonical;

    public string Canonical(string stem) => canonical.TryGetValue(stem, out var head) ? head : stem;

    /// <summary>Lower-case words with punctuation removed; "what's" becomes "whats", "follow-up" becomes "follow up".</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text.ToLowerInvariant())
        {
            var c = raw is '’' or '‘' ? '\'' : raw;
            if (c == '\'') continue;
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Words joined by single spaces, with number words as digits: the form aliases and cues are matched in.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text).Select(w => w switch
    {
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "apologise" => "apologize",
        _ => w,
    }));

    public static string Stem(string word)
    {
        var w = word;
        if (w.Length <= 3 || w.Any(char.IsDigit)) return w;
        if (w.Length > 5)
        {
            w = Replace(w, "isation", "ization");
            w = Replace(w, "isations", "izations");
            foreach (var (british, american) in new[] { ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("our", "or"), ("ours", "ors") })
                w = Replace(w, british, american);
        }
        w = StripSuffix(w);
        if (w.Length > 4 && w.EndsWith('e')) w = w[..^1];
        if (w.Length > 4 && w[^1] == w[^2] && !"slz".Contains(w[^1], StringComparison.Ordinal)) w = w[..^1];
        return w;
    }

    private static string Replace(string word, string suffix, string replacement) =>
        word.EndsWith(suffix, StringComparison.Ordinal) ? word[..^suffix.Length] + replacement : word;

    private static string StripSuffix(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        foreach (var suffix in new[] { "nesses", "ness", "ments", "ment", "ingly", "edly", "ings", "ing", "ly" })
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3) return w[..^suffix.Length];
        }
        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length - 2 >= 3 && w[^3] != 'e') return w[..^2];
        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)))
            return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            return w[..^1];
        return w;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
