using System.Buffers;
using System.Collections.Frozen;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// A C# port of the VADER sentiment algorithm (Hutto and Gilbert, ICWSM 2014; reference vaderSentiment.py):
/// lexicon valences, boosters and dampeners, negation, "no", "least", the "but" shift, ALL-CAPS and punctuation
/// emphasis, special idioms, compound normalisation (alpha 15). In <see cref="SentimentMode.Service"/> our own
/// service-domain layer is applied on top (see <see cref="ServiceLexicon"/>). The rules' own words (negations,
/// boosters, "but", idioms) come from a <see cref="VaderLanguage"/>: English by default, or another language's with its
/// own lexicon (Spanish, see <see cref="Languages.SpanishTone"/>).
/// Stateless and thread-safe; scoring a text allocates nothing (buffers come from <see cref="ArrayPool{T}"/>).
/// Emoji in <see cref="EmojiTone"/> count as words of their own valence when they stand apart (see
/// <see cref="EmojiTone.Pad"/>); the reference's emoji-to-name lexicon is not in the npm package.
/// </summary>
public sealed class VaderAnalyzer
{
    private readonly VaderLexicon _lexicon;
    private readonly ServiceLexicon? _service;
    private readonly VaderLanguage _language;
    private readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _words;

    /// <summary>A faithful VADER analyzer over <paramref name="lexicon"/>.</summary>
    public VaderAnalyzer(VaderLexicon lexicon)
        : this(lexicon, SentimentMode.Vader)
    {
    }

    /// <summary>An analyzer in the given mode; service mode layers <see cref="ServiceLexicon"/> over the lexicon.</summary>
    public VaderAnalyzer(VaderLexicon lexicon, SentimentMode mode)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Mode = mode;
        _language = VaderLanguage.English;
        if (mode == SentimentMode.Service)
        {
            _service = new ServiceLexicon();
            _lexicon = _service.Apply(lexicon);
        }
        else
        {
            _lexicon = lexicon;
        }

        _words = BuildWordTable(_lexicon, _language, _service is not null);
    }

    /// <summary>VADER's rules over another language's lexicon and words (no service layer: that one is English).</summary>
    public VaderAnalyzer(VaderLexicon lexicon, VaderLanguage language)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(language);
        Mode = SentimentMode.Vader;
        _language = language;
        _lexicon = lexicon;
        _words = BuildWordTable(_lexicon, _language, service: false);
    }

    /// <summary>Everything the rules know about a word, so each token costs one hash look-up.</summary>
    private readonly record struct WordInfo(bool InLexicon, double Valence, bool IsBooster, double Booster, bool IsNegation, VaderWord Word, ServiceWord Service, bool IsEmoji);

    private static FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> BuildWordTable(VaderLexicon lexicon, VaderLanguage language, bool service)
    {
        var kinds = new Dictionary<string, ServiceWord>(StringComparer.Ordinal);
        if (service)
        {
            foreach (var (word, kind) in ServiceLexicon.WordKinds())
            {
                kinds[word] = kinds.GetValueOrDefault(word) | kind;
            }
        }

        var keys = lexicon.Valences.Keys.Concat(language.Boosters.Keys).Concat(language.Negations).Concat(language.RuleWords.Keys)
            .Concat(kinds.Keys).Concat(EmojiTone.Valences.Keys)
            .Distinct(StringComparer.Ordinal);
        var table = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            bool isEmoji = EmojiTone.Valences.TryGetValue(key, out double emoji);
            bool inLexicon = lexicon.TryGetValence(key, out double valence) || isEmoji;
            if (isEmoji) valence = emoji;
            bool isBooster = language.Boosters.TryGetValue(key, out double booster);
            bool isNegation = language.Negations.Contains(key) || (language.ContractedNegations && key.Contains("n't", StringComparison.Ordinal));
            table[key] = new WordInfo(inLexicon, valence, isBooster, booster, isNegation, language.RuleWords.GetValueOrDefault(key), kinds.GetValueOrDefault(key), isEmoji);
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SentimentMode Mode { get; }

    /// <summary>Scores one text (VADER works best on one sentence at a time).</summary>
    public VaderScores Score(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return default;
        }

        int maxTokens = (text.Length / 2) + 1;
        char[] lower = ArrayPool<char>.Shared.Rent(text.Length);
        VaderToken[] tokenArray = ArrayPool<VaderToken>.Shared.Rent(maxTokens);
        double[] sentimentArray = ArrayPool<double>.Shared.Rent(maxTokens);
        try
        {
            int n = Tokenize(text, lower, tokenArray, out bool isCapDiff);
            if (n == 0)
            {
                return default;
            }

            var tokens = tokenArray.AsSpan(0, n);
            var sentiments = sentimentArray.AsSpan(0, n);
            ReadOnlySpan<char> lowered = lower;
            if (_service is not null) ServiceLexicon.Prepare(tokens, lowered);
            for (int i = 0; i < n; i++)
            {
                ref readonly var token = ref tokens[i];
                if (token.IsBooster || (i < n - 1 && token.Word == VaderWord.Kind && tokens[i + 1].Word == VaderWord.Of))
                {
                    sentiments[i] = 0;
                    continue;
                }

                // An emoji says how the writer feels as it stands: no word before it negates or boosts it.
                sentiments[i] = token.IsEmoji ? token.Valence : SentimentValence(tokens, lowered, i, isCapDiff);
            }

            _service?.Adjust(tokens, lowered, sentiments);
            ButCheck(tokens, sentiments);
            return ScoreValence(sentiments, text);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sentimentArray);
            ArrayPool<VaderToken>.Shared.Return(tokenArray);
            ArrayPool<char>.Shared.Return(lower);
        }
    }

    private int Tokenize(ReadOnlySpan<char> text, char[] lower, VaderToken[] tokens, out bool isCapDiff)
    {
        int n = 0, upper = 0, lowerPos = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && VaderRules.IsPythonWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            int start = i;
            while (i < text.Length && !VaderRules.IsPythonWhiteSpace(text[i]))
            {
                i++;
            }

            // _strip_punc_if_word: strip leading/trailing punctuation unless that leaves two characters or fewer.
            int a = start, b = i;
            while (a < b && VaderRules.IsAsciiPunctuation(text[a]))
            {
                a++;
            }

            while (b > a && VaderRules.IsAsciiPunctuation(text[b - 1]))
            {
                b--;
            }

            if (b - a <= 2)
            {
                a = start;
                b = i;
            }

            ref var token = ref tokens[n++];
            token = default;
            token.Start = a;
            token.Length = b - a;
            token.LowerStart = lowerPos;
            bool cased = false, anyLower = false;
            for (int k = a; k < b; k++)
            {
                char c = text[k];
                if (char.IsAsciiLetterLower(c))
                {
                    anyLower = true;
                    lower[lowerPos++] = c;
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    cased = true;
                    lower[lowerPos++] = (char)(c | 0x20);
                }
                else if (char.IsAscii(c))
                {
                    lower[lowerPos++] = c;
                }
                else
                {
                    anyLower |= char.IsLower(c);
                    cased |= char.IsUpper(c);
                    lower[lowerPos++] = char.ToLowerInvariant(c);
                }
            }

            token.IsUpper = cased && !anyLower;
            if (token.IsUpper)
            {
                upper++;
            }

            var word = lower.AsSpan(token.LowerStart, token.Length);
            if (_words.TryGetValue(word, out var info))
            {
                token.InLexicon = info.InLexicon;
                token.Valence = info.Valence;
                token.IsBooster = info.IsBooster;
                token.Booster = info.Booster;
                token.IsNegation = info.IsNegation;
                token.Word = info.Word;
                token.Service = info.Service;
                token.IsEmoji = info.IsEmoji;
            }
            else
            {
                token.IsNegation = _language.ContractedNegations && word.Length >= 3 && word.IndexOf("n't", StringComparison.Ordinal) >= 0;
            }
        }

        int differential = n - upper;
        isCapDiff = differential > 0 && differential < n;
        return n;
    }

    private double SentimentValence(ReadOnlySpan<VaderToken> t, ReadOnlySpan<char> lower, int i, bool isCapDiff)
    {
        ref readonly var item = ref t[i];
        if (!item.InLexicon)
        {
            return 0;
        }

        int n = t.Length;
        double valence = item.Valence;

        // "no" as a negation of an adjacent lexicon item rather than a lexicon item of its own.
        if (item.Word == VaderWord.No && i != n - 1 && t[i + 1].InLexicon)
        {
            valence = 0.0;
        }

        if ((i > 0 && t[i - 1].Word == VaderWord.No)
            || (i > 1 && t[i - 2].Word == VaderWord.No)
            || (i > 2 && t[i - 3].Word == VaderWord.No && t[i - 1].Word is VaderWord.Or or VaderWord.Nor))
        {
            valence = item.Valence * VaderRules.NScalar;
        }

        if (item.IsUpper && isCapDiff)
        {
            valence += valence > 0 ? VaderRules.CIncr : -VaderRules.CIncr;
        }

        for (int startI = 0; startI < 3; startI++)
        {
            int j = i - (startI + 1);
            if (i > startI && !t[j].InLexicon)
            {
                double s = ScalarIncDec(in t[j], valence, isCapDiff);
                if (startI == 1 && s != 0)
                {
                    s *= 0.95;
                }

                if (startI == 2 && s != 0)
                {
                    s *= 0.9;
                }

                valence += s;
                valence = NegationCheck(valence, t, startI, i);
                if (startI == 2)
                {
                    valence = SpecialIdiomsCheck(valence, t, lower, i);
                }
            }
        }

        return LeastCheck(valence, t, i);
    }

    private static double ScalarIncDec(in VaderToken word, double valence, bool isCapDiff)
    {
        if (!word.IsBooster)
        {
            return 0.0;
        }

        double scalar = word.Booster;
        if (valence < 0)
        {
            scalar *= -1;
        }

        if (word.IsUpper && isCapDiff)
        {
            scalar += valence > 0 ? VaderRules.CIncr : -VaderRules.CIncr;
        }

        return scalar;
    }

    private static double NegationCheck(double valence, ReadOnlySpan<VaderToken> t, int startI, int i)
    {
        switch (startI)
        {
            case 0:
                if (t[i - 1].IsNegation)
                {
                    valence *= VaderRules.NScalar;
                }

                break;
            case 1:
                if (t[i - 2].Word == VaderWord.Never && t[i - 1].Word is VaderWord.So or VaderWord.This)
                {
                    valence *= 1.25;
                }
                else if (t[i - 2].Word == VaderWord.Without && t[i - 1].Word == VaderWord.Doubt)
                {
                    // "without doubt" keeps the valence.
                }
                else if (t[i - 2].IsNegation)
                {
                    valence *= VaderRules.NScalar;
                }

                break;
            default:
                // The reference's operator precedence makes "so"/"this" right before the word boost it on its own.
                if ((t[i - 3].Word == VaderWord.Never && t[i - 2].Word is VaderWord.So or VaderWord.This)
                    || t[i - 1].Word is VaderWord.So or VaderWord.This)
                {
                    valence *= 1.25;
                }
                else if (t[i - 3].Word == VaderWord.Without && (t[i - 2].Word == VaderWord.Doubt || t[i - 1].Word == VaderWord.Doubt))
                {
                    // "without ... doubt" keeps the valence.
                }
                else if (t[i - 3].IsNegation)
                {
                    valence *= VaderRules.NScalar;
                }

                break;
        }

        return valence;
    }

    private double SpecialIdiomsCheck(double valence, ReadOnlySpan<VaderToken> t, ReadOnlySpan<char> lower, int i)
    {
        // Same order as the reference: onezero, twoonezero, twoone, threetwoone, threetwo; first match wins.
        if (TryIdiom(t, lower, i - 1, 2, out double v) || TryIdiom(t, lower, i - 2, 3, out v) || TryIdiom(t, lower, i - 2, 2, out v)
            || TryIdiom(t, lower, i - 3, 3, out v) || TryIdiom(t, lower, i - 3, 2, out v))
        {
            valence = v;
        }

        int n = t.Length;
        if (n - 1 > i && TryIdiom(t, lower, i, 2, out v))
        {
            valence = v;
        }

        if (n - 1 > i + 1 && TryIdiom(t, lower, i, 3, out v))
        {
            valence = v;
        }

        // Booster/dampener bigrams before the word ("kind of", "sort of", "just enough").
        if (IsBoosterBigram(t, lower, i - 3))
        {
            valence += VaderRules.BDecr;
        }

        if (IsBoosterBigram(t, lower, i - 2))
        {
            valence += VaderRules.BDecr;
        }

        return valence;
    }

    private bool TryIdiom(ReadOnlySpan<VaderToken> t, ReadOnlySpan<char> lower, int first, int count, out double valence)
    {
        foreach (var (words, value) in _language.Idioms)
        {
            if (words.Length != count)
            {
                continue;
            }

            bool match = true;
            for (int k = 0; k < count && match; k++)
            {
                match = Text(t[first + k], lower).SequenceEqual(words[k]);
            }

            if (match)
            {
                valence = value;
                return true;
            }
        }

        valence = 0;
        return false;
    }

    private static bool IsBoosterBigram(ReadOnlySpan<VaderToken> t, ReadOnlySpan<char> lower, int first)
    {
        var a = Text(t[first], lower);
        var b = Text(t[first + 1], lower);
        return (a.SequenceEqual("kind") && b.SequenceEqual("of"))
            || (a.SequenceEqual("sort") && b.SequenceEqual("of"))
            || (a.SequenceEqual("just") && b.SequenceEqual("enough"));
    }

    internal static ReadOnlySpan<char> Text(in VaderToken token, ReadOnlySpan<char> lower) => lower.Slice(token.LowerStart, token.Length);

    private static double LeastCheck(double valence, ReadOnlySpan<VaderToken> t, int i)
    {
        if (i > 1 && !t[i - 1].InLexicon && t[i - 1].Word == VaderWord.Least)
        {
            if (t[i - 2].Word != VaderWord.At && t[i - 2].Word != VaderWord.Very)
            {
                valence *= VaderRules.NScalar;
            }
        }
        else if (i > 0 && !t[i - 1].InLexicon && t[i - 1].Word == VaderWord.Least)
        {
            valence *= VaderRules.NScalar;
        }

        return valence;
    }

    /// <summary>
    /// The "but" shift: words before the first "but" count half, words after it one and a half times. Reproduces the
    /// reference exactly, including its list.index() look-up, which rescales the first equal value rather than the
    /// value's own position when a valence repeats.
    /// </summary>
    private static void ButCheck(ReadOnlySpan<VaderToken> t, Span<double> sentiments)
    {
        int bi = -1;
        for (int k = 0; k < t.Length; k++)
        {
            if (t[k].Word == VaderWord.But)
            {
                bi = k;
                break;
            }
        }

        if (bi < 0)
        {
            return;
        }

        for (int k = 0; k < sentiments.Length; k++)
        {
            double value = sentiments[k];
            if (value == 0)
            {
                continue;
            }

            int si = sentiments.IndexOf(value);
            if (si < bi)
            {
                sentiments[si] = value * 0.5;
            }
            else if (si > bi)
            {
                sentiments[si] = value * 1.5;
            }
        }
    }

    private static VaderScores ScoreValence(ReadOnlySpan<double> sentiments, ReadOnlySpan<char> text)
    {
        double sum = 0;
        foreach (double s in sentiments)
        {
            sum += s;
        }

        double amplifier = PunctuationEmphasis(text);
        if (sum > 0)
        {
            sum += amplifier;
        }
        else if (sum < 0)
        {
            sum -= amplifier;
        }

        double compound = Math.Clamp(sum / Math.Sqrt((sum * sum) + VaderRules.Alpha), -1.0, 1.0);

        double posSum = 0, negSum = 0;
        int neutral = 0;
        foreach (double s in sentiments)
        {
            if (s > 0)
            {
                posSum += s + 1;
            }

            if (s < 0)
            {
                negSum += s - 1;
            }

            if (s == 0)
            {
                neutral++;
            }
        }

        if (posSum > Math.Abs(negSum))
        {
            posSum += amplifier;
        }
        else if (posSum < Math.Abs(negSum))
        {
            negSum -= amplifier;
        }

        double total = posSum + Math.Abs(negSum) + neutral;
        return new VaderScores(compound, Math.Abs(posSum / total), Math.Abs(neutral / total), Math.Abs(negSum / total));
    }

    private static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        int ep = Math.Min(text.Count('!'), 4);
        int qm = text.Count('?');
        double qmAmplifier = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
        return (ep * 0.292) + qmAmplifier;
    }
}
