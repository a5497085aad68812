namespace ServiceRecoveryBot.Sentiment.Languages;

/// <summary>
/// What VADER needs to read Spanish: a lexicon of the words customers use about service (embedded
/// <c>spanish-lexicon.tsv</c>, keys without accents), Spanish negations ("no", "nunca", "nadie", "sin" …), boosters
/// ("muy", "demasiado" …) and dampeners ("poco", "apenas" …), "pero" for VADER's "but", and the text prepared for them:
/// accents taken off (customers type "dia" as often as "día"), ¡ ¿ « » made spaces, and idioms whose words mean little
/// alone joined into one token ("nadie me hace caso" → "nadie me hace_caso", negated like any word).
/// </summary>
public static class SpanishTone
{
    public static VaderLanguage Rules { get; } = VaderLanguage.Create(
        "es",
        ["no", "nunca", "jamas", "nadie", "nada", "ni", "tampoco", "sin", "ninguno", "ninguna", "ningun"],
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["muy"] = VaderRules.BIncr, ["tan"] = VaderRules.BIncr, ["tanto"] = VaderRules.BIncr, ["demasiado"] = VaderRules.BIncr,
            ["super"] = VaderRules.BIncr, ["realmente"] = VaderRules.BIncr, ["totalmente"] = VaderRules.BIncr,
            ["completamente"] = VaderRules.BIncr, ["absolutamente"] = VaderRules.BIncr, ["increiblemente"] = VaderRules.BIncr,
            ["extremadamente"] = VaderRules.BIncr, ["sumamente"] = VaderRules.BIncr, ["tremendamente"] = VaderRules.BIncr,
            ["bastante"] = VaderRules.BIncr, ["mucho"] = VaderRules.BIncr, ["muchisimo"] = VaderRules.BIncr,
            ["especialmente"] = VaderRules.BIncr, ["verdaderamente"] = VaderRules.BIncr,
            ["poco"] = VaderRules.BDecr, ["algo"] = VaderRules.BDecr, ["apenas"] = VaderRules.BDecr, ["casi"] = VaderRules.BDecr,
            ["ligeramente"] = VaderRules.BDecr,
        },
        ["pero", "sino"],
        []);

    /// <summary>Multiword idioms, joined with "_" before scoring (the lexicon holds them joined).</summary>
    private static readonly string[] Idioms =
    [
        "hace caso", "hacen caso", "hizo caso", "hicieron caso", "hacer caso", "tomando el pelo", "tomar el pelo",
    ];

    /// <summary>Reads the embedded lexicon.</summary>
    public static VaderLexicon LoadLexicon()
    {
        using var stream = typeof(SpanishTone).Assembly.GetManifestResourceStream("spanish-lexicon.tsv")
            ?? throw new InvalidOperationException("The embedded resource spanish-lexicon.tsv is missing.");
        using var reader = new StreamReader(stream);
        var entries = string.Join('\n', reader.ReadToEnd().Split('\n').Where(line => !line.StartsWith("# ", StringComparison.Ordinal)));
        return VaderLexicon.Parse(new StringReader(entries));
    }

    /// <summary>The text as the Spanish lexicon spells it: same length, accents off (case kept), ¡ ¿ « » as spaces, idioms joined.</summary>
    public static string Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (c is '¡' or '¿' or '«' or '»')
                {
                    span[i] = ' ';
                    continue;
                }

                var folded = LanguageDetector.FoldAccent(char.ToLowerInvariant(c));
                span[i] = folded == char.ToLowerInvariant(c) ? c : char.IsUpper(c) ? char.ToUpperInvariant(folded) : folded;
            }

            foreach (var idiom in Idioms)
            {
                for (var at = IndexOfWords(span, idiom, 0); at >= 0; at = IndexOfWords(span, idiom, at + idiom.Length))
                {
                    for (var k = 0; k < idiom.Length; k++)
                    {
                        if (idiom[k] == ' ') span[at + k] = '_';
                    }
                }
            }
        });
    }

    /// <summary>Where <paramref name="words"/> stand as whole words (any case, single spaces), from <paramref name="from"/>; -1 if nowhere.</summary>
    private static int IndexOfWords(ReadOnlySpan<char> text, string words, int from)
    {
        while (from <= text.Length - words.Length)
        {
            var found = text[from..].IndexOf(words, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return -1;
            var at = from + found;
            var end = at + words.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return at;
            from = at + 1;
        }

        return -1;
    }
}
