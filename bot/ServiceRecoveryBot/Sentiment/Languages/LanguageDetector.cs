using System.Collections.Frozen;

namespace ServiceRecoveryBot.Sentiment.Languages;

/// <summary>
/// Guesses the language of a customer's words from their most common words ("the", "and" against "el", "que", "nadie"
/// …) and a few letters only one language uses (¿ ¡ ñ for Spanish, ã õ for Portuguese, ß for German). It knows English,
/// Spanish, French, German, Portuguese and Italian, and answers only when one of them clearly leads. A word of three
/// letters or more counts two points, a shorter one ("de", "la") one, ¿ ¡ ñ ã õ ß four: a language leads with two
/// points and none for any other, or with four and half as many again as the next. Words several languages share with
/// English ("he", "son", "die", "as", "camera") are left out. A text without such words, or a mixed one, gets no
/// answer, and the chat's locale decides (<see cref="LanguageOf"/>). Staff often type a guest's words in the guest's
/// language while their own chat is in English, so the words, not the chat, say which lexicon and which service
/// language to use. Stateless and thread-safe.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Each language's common words, lower case without accents. The cue letters in <see cref="Detect"/> count by index: es 1, fr 2, de 3, pt 4.</summary>
    private static readonly (string Code, FrozenSet<string> Words)[] Profiles =
    [
        ("en", Set("the and is are was were it it's you your my to of this that with for have has been not i i'm we they what just at on don't can't didn't won't there here who would should could will our from about please")),
        ("es", Set("el la los las de del que y es en un una por con para se lo mi me muy pero esta estan estoy nadie nada hay tengo hace dia ya mas todo cuando porque como su le les fue sin otra vez ni nunca tambien aqui quiero este eso esto usted ustedes habitacion nos hemos")),
        ("fr", Set("le la les des est et je j'ai vous nous pas ne une un du que qui pour avec sur mon ma mes c'est il elle ce cette tres mais au aux depuis ai suis rien jamais personne chambre n'est votre")),
        ("de", Set("der das und ist nicht ich sie es ein eine mit zu auf fur von dem wir mein meine kein keine noch schon sehr aber auch wie bei nach seit immer niemand nichts zimmer habe")),
        ("pt", Set("o da dos das nao e um uma com para por que eu voce meu minha muito mas esta estou tem foi ninguem nada ja mais sem isso isto aqui quarto nos")),
        ("it", Set("il lo la gli le di del della che e non un una per con sono mi ho nessuno niente molto ma questo questa qui gia piu anche sempre perche ancora stato stata")),
    ];

    private static readonly int LongestWord = Profiles.Max(profile => profile.Words.Max(word => word.Length));

    /// <summary>Each profile word, with a bit per language that has it: one look-up per word of the text.</summary>
    private static readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> Languages = Profiles
        .SelectMany((profile, index) => profile.Words.Select(word => (word, bit: 1 << index)))
        .GroupBy(entry => entry.word, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => (byte)group.Aggregate(0, (mask, entry) => mask | entry.bit), StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The language of <paramref name="text"/> as an ISO 639-1 code, or null when the words do not say clearly. Words are
    /// compared in lower case without accents ("Está" as "esta"); allocates nothing.
    /// </summary>
    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        Span<int> scores = stackalloc int[Profiles.Length];
        Span<char> word = stackalloc char[LongestWord + 1];
        var length = 0;
        for (var at = 0; at <= text.Length; at++)
        {
            var c = at < text.Length ? text[at] : ' ';
            if (c > '\u007f')
            {
                switch (c)
                {
                    case '¿' or '¡' or 'ñ' or 'Ñ': scores[1] += 4; break;
                    case 'ã' or 'õ' or 'Ã' or 'Õ': scores[4] += 4; break;
                    case 'ß': scores[3] += 4; break;
                    case 'ç' or 'Ç': scores[2] += 2; scores[4] += 2; break;
                }
            }

            if (char.IsLetter(c) || (c is '\'' or '\u2019' && length > 0))
            {
                if (length < word.Length) word[length] = c == '\u2019' ? '\'' : FoldAccent(char.ToLowerInvariant(c));
                length++;
                continue;
            }

            var end = length;
            while (end > 0 && end <= LongestWord && word[end - 1] == '\'') end--;
            if (end > 0 && end <= LongestWord && Languages.TryGetValue(word[..end], out var mask))
            {
                for (var i = 0; i < Profiles.Length; i++)
                {
                    if ((mask & (1 << i)) != 0) scores[i] += end > 2 ? 2 : 1;
                }
            }

            length = 0;
        }

        int best = 0, second = -1;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                second = best;
                best = i;
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        var runnerUp = second < 0 ? 0 : scores[second];
        var clear = runnerUp == 0 ? scores[best] >= 2 : scores[best] >= 4 && scores[best] * 2 >= runnerUp * 3;
        return clear && scores[best] > runnerUp ? Profiles[best].Code : null;
    }

    /// <summary>The language part of a locale, lower case ("pt-BR" → "pt"); null for none.</summary>
    public static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).Trim().ToLowerInvariant();
    }

    /// <summary>The English name of a known language code ("es" → "Spanish"), or the code itself.</summary>
    public static string NameOf(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "it" => "Italian",
        _ => code,
    };

    /// <summary>
    /// A lower-case Latin letter without its accent ("á" → "a", "ü" → "u", "ç" → "c"); "ñ" stays, since it tells
    /// words apart ("año", "ano"). Any other character is returned as it is. (The bot runs with invariant
    /// globalization, so this does not lean on Unicode normalization.)
    /// </summary>
    internal static char FoldAccent(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ç' => 'c',
        _ => c,
    };

    private static FrozenSet<string> Set(string words) => words.Split(' ').ToFrozenSet(StringComparer.Ordinal);
}
