using System.Buffers;
using System.Collections.Frozen;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// Raises <see cref="ToneFlag"/>s from phrases in the customer's words and records the words that raised them
/// (see <see cref="ToneFlagPatterns"/>). A negation up to three words before a phrase cancels it for every flag except
/// <see cref="ToneFlag.Hostile"/> ("I won't leave a review" raises nothing, "it's not urgent" is not urgent), and a
/// churn threat told in the past ("I was ready to never fly with you again") is not a churn risk now.
/// Stateless and thread-safe.
/// </summary>
public sealed class ToneFlagDetector
{
    private static readonly FrozenSet<string> NumberWords = new[]
    {
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "twenty",
        "thirty", "forty", "forty-five", "fifty", "sixty", "ninety", "few", "couple", "noon", "midnight",
        "una", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "quince",
        "veinte", "treinta", "cuarenta", "media",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly SearchValues<string> Profanity = SearchValues.Create(
        ["fuck", "shit", "bitch", "bastard", "wanker", "asshole", "arsehole", "crap", "bollocks", "dickhead"], StringComparison.Ordinal);

    private readonly FrozenDictionary<string, Pattern[]> _byFirstWord;
    private readonly FrozenDictionary<string, Pattern[]>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
    private readonly FrozenDictionary<string, Pattern[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefixStart;
    private readonly Pattern[] _otherPatterns;

    public ToneFlagDetector()
    {
        var exact = new Dictionary<string, List<Pattern>>(StringComparer.Ordinal);
        var byPrefixStart = new Dictionary<string, List<Pattern>>(StringComparer.Ordinal);
        var other = new List<Pattern>();
        foreach (var (flag, negationCancels, patterns) in ToneFlagPatterns.All)
        {
            foreach (var text in patterns)
            {
                bool cancels = negationCancels && !text.StartsWith('!');
                var items = text.TrimStart('!').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(PatternItem.Parse).ToArray();
                var pattern = new Pattern(flag, cancels, items);
                if (items[0].IsExactOnly)
                {
                    foreach (var word in items[0].Alternatives)
                    {
                        if (!exact.TryGetValue(word, out var list))
                        {
                            exact[word] = list = [];
                        }

                        list.Add(pattern);
                    }
                }
                else if (items[0].IsWordsOnly && items[0].AllWords.All(w => w.Length >= 2))
                {
                    // Prefix patterns are indexed by their first two letters; a token is checked against those sharing its own.
                    foreach (var start in items[0].AllWords.Select(w => w[..2]).Distinct(StringComparer.Ordinal))
                    {
                        if (!byPrefixStart.TryGetValue(start, out var list))
                        {
                            byPrefixStart[start] = list = [];
                        }

                        list.Add(pattern);
                    }
                }
                else
                {
                    other.Add(pattern);
                }
            }
        }

        _byFirstWord = exact.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _firstWordLookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefixStart = byPrefixStart.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _otherPatterns = [.. other];
    }

    /// <summary>The flags raised by <paramref name="text"/>, in <see cref="ToneFlag"/> order, each with its distinct triggers.</summary>
    public IReadOnlyList<ToneFlagHit> Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        char[] lower = ArrayPool<char>.Shared.Rent(text.Length);
        Range[] tokenArray = ArrayPool<Range>.Shared.Rent((text.Length / 2) + 1);
        List<(ToneFlag Flag, string Trigger)>? found = null;
        try
        {
            int n = Tokenize(text, lower, tokenArray);
            var tokens = tokenArray.AsSpan(0, n);
            ReadOnlySpan<char> lowered = lower.AsSpan(0, text.Length);
            for (int i = 0; i < n; i++)
            {
                if (_firstWordLookup.TryGetValue(lowered[tokens[i]], out var candidates))
                {
                    foreach (var pattern in candidates)
                    {
                        TryMatch(pattern, text, lowered, tokens, i, ref found);
                    }
                }

                var token = lowered[tokens[i]];
                if (token.Length >= 2 && _byPrefixStart.TryGetValue(token[..2], out var prefixed))
                {
                    foreach (var pattern in prefixed)
                    {
                        TryMatch(pattern, text, lowered, tokens, i, ref found);
                    }
                }

                foreach (var pattern in _otherPatterns)
                {
                    TryMatch(pattern, text, lowered, tokens, i, ref found);
                }
            }
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(tokenArray);
            ArrayPool<char>.Shared.Return(lower);
        }

        if (found is null)
        {
            return [];
        }

        var hits = new List<ToneFlagHit>();
        foreach (var flag in Enum.GetValues<ToneFlag>())
        {
            List<string>? triggers = null;
            foreach (var (f, trigger) in found)
            {
                if (f == flag && (triggers is null || !triggers.Contains(trigger, StringComparer.OrdinalIgnoreCase)))
                {
                    (triggers ??= []).Add(trigger);
                }
            }

            if (triggers is not null)
            {
                hits.Add(new ToneFlagHit(flag, triggers));
            }
        }

        return hits;
    }

    private static void TryMatch(Pattern pattern, string text, ReadOnlySpan<char> lower, ReadOnlySpan<Range> tokens, int start, ref List<(ToneFlag, string)>? found)
    {
        int end = MatchFrom(pattern.Items, 0, lower, tokens, start);
        if (end < 0)
        {
            return;
        }

        if (pattern.NegationCancels && (IsNegatedBefore(lower, tokens, start) || (pattern.Flag == ToneFlag.ChurnRisk && IsToldInThePast(lower, tokens, start))))
        {
            return;
        }

        var trigger = text[tokens[start].Start.Value..tokens[end - 1].End.Value];
        (found ??= []).Add((pattern.Flag, trigger));
    }

    /// <summary>Matches items from <paramref name="item"/> at token <paramref name="at"/>; returns the token index after the match, or -1.</summary>
    private static int MatchFrom(PatternItem[] items, int item, ReadOnlySpan<char> lower, ReadOnlySpan<Range> tokens, int at)
    {
        if (item == items.Length)
        {
            return at;
        }

        if (items[item].IsGap)
        {
            for (int skip = 0; skip <= 3 && at + skip <= tokens.Length; skip++)
            {
                int end = MatchFrom(items, item + 1, lower, tokens, at + skip);
                if (end >= 0)
                {
                    return end;
                }
            }

            return -1;
        }

        if (at >= tokens.Length || !items[item].Matches(lower[tokens[at]]))
        {
            return -1;
        }

        return MatchFrom(items, item + 1, lower, tokens, at + 1);
    }

    private static bool IsNegatedBefore(ReadOnlySpan<char> lower, ReadOnlySpan<Range> tokens, int start)
    {
        for (int k = Math.Max(0, start - 3); k < start; k++)
        {
            var word = lower[tokens[k]];
            if (VaderRules.NegateLookup.Contains(word) || word.EndsWith("n't") || word is "no" or "nobody" or "noone" or "nunca" or "jamas" or "tampoco" or "ningun" or "ninguna" or "ninguno")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsToldInThePast(ReadOnlySpan<char> lower, ReadOnlySpan<Range> tokens, int start)
    {
        bool was = false, intent = false;
        for (int k = Math.Max(0, start - 4); k < start; k++)
        {
            var word = lower[tokens[k]];
            was |= word is "was" or "were" or "had" or "almost" or "nearly";
            intent |= word is "ready" or "going" or "about" or "thinking" or "almost" or "nearly" or "gonna";
        }

        return was && intent;
    }

    /// <summary>
    /// Words are runs of letters, digits, apostrophes, hyphens, '&amp;' and '*' (masked swearing); lower-cased, accents
    /// taken off (not ñ), curly apostrophes straightened.
    /// </summary>
    private static int Tokenize(string text, char[] lower, Range[] tokens)
    {
        int n = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                lower[i] = ' ';
                i++;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                char c = text[i];
                lower[i] = c == '\u2019' ? '\'' : LanguageDetector.FoldAccent(char.ToLowerInvariant(c));
                i++;
            }

            // Trim apostrophes and hyphens at the edges ('quoted' words, dashes).
            int a = start, b = i;
            while (a < b && lower[a] is '\'' or '-')
            {
                a++;
            }

            while (b > a && lower[b - 1] is '\'' or '-')
            {
                b--;
            }

            if (b > a)
            {
                tokens[n++] = new Range(a, b);
            }
        }

        return n;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019' or '-' or '&' or '*';

    private sealed record Pattern(ToneFlag Flag, bool NegationCancels, PatternItem[] Items);

    private sealed class PatternItem
    {
        private readonly string[] _prefixes;

        private PatternItem(string[] alternatives, string[] prefixes, bool isGap, bool isNumber, bool isProfanity)
        {
            Alternatives = alternatives;
            _prefixes = prefixes;
            IsGap = isGap;
            IsNumber = isNumber;
            IsProfanity = isProfanity;
        }

        public string[] Alternatives { get; }

        public bool IsGap { get; }

        public bool IsNumber { get; }

        public bool IsProfanity { get; }

        public bool IsExactOnly => _prefixes.Length == 0 && IsWordsOnly;

        public bool IsWordsOnly => !IsGap && !IsNumber && !IsProfanity;

        /// <summary>The exact words and the prefixes.</summary>
        public IEnumerable<string> AllWords => Alternatives.Concat(_prefixes);

        public static PatternItem Parse(string item)
        {
            if (item == "...")
            {
                return new PatternItem([], [], true, false, false);
            }

            if (item == "#")
            {
                return new PatternItem([], [], false, true, false);
            }

            if (item == "<profanity>")
            {
                return new PatternItem([], [], false, false, true);
            }

            var parts = item.Split('|');
            return new PatternItem(
                parts.Where(p => !p.EndsWith('*')).ToArray(),
                parts.Where(p => p.EndsWith('*')).Select(p => p[..^1]).ToArray(), false, false, false);
        }

        public bool Matches(ReadOnlySpan<char> word)
        {
            if (IsNumber)
            {
                return (word.Length > 0 && char.IsAsciiDigit(word[0])) || NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            }

            if (IsProfanity)
            {
                // A swear word anywhere in the token, or a masked one ("f***", "s**t", "f*cking").
                return word.IndexOfAny(Profanity) >= 0
                    || (word.Length >= 3 && (word.Contains("**", StringComparison.Ordinal) || (word[0] is 'f' or 's' && word[1] == '*')));
            }

            foreach (var alternative in Alternatives)
            {
                if (word.SequenceEqual(alternative))
                {
                    return true;
                }
            }

            foreach (var prefix in _prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
