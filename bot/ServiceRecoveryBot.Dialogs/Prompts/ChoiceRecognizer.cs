using System.Globalization;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>
/// Finds which choice an answer means: its number, its value, title or a synonym, or a single choice that the
/// answer's words uniquely point at ("billing" for "Billing error").
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>The choice whose value is exactly <paramref name="value"/>: what a card button sends.</summary>
    public static FoundChoice? FindValue(IReadOnlyList<Choice> choices, string value)
    {
        for (var i = 0; i < choices.Count; i++)
            if (string.Equals(choices[i].Value, value, StringComparison.Ordinal)) return new FoundChoice(choices[i].Value, i);
        return null;
    }

    public static FoundChoice? Recognize(string text, IReadOnlyList<Choice> choices)
    {
        var answer = Normalize(text);
        if (answer.Length == 0) return null;

        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
            return new FoundChoice(choices[number - 1].Value, number - 1);
        if (OrdinalIndex(answer) is { } ordinal && ordinal < choices.Count)
            return new FoundChoice(choices[ordinal].Value, ordinal);

        for (var i = 0; i < choices.Count; i++)
        {
            if (Names(choices[i]).Any(name => Normalize(name) == answer))
                return new FoundChoice(choices[i].Value, i);
        }

        // Partial answers: pick the choice whose words the answer names, if exactly one does.
        var answerWords = Words(answer);
        var best = -1;
        var bestScore = 0;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var score = Names(choices[i]).Max(name => Words(Normalize(name)).Count(word => answerWords.Any(a => Matches(a, word))));
            if (score > bestScore) (best, bestScore, tie) = (i, score, false);
            else if (score == bestScore && score > 0) tie = true;
        }
        return best >= 0 && !tie ? new FoundChoice(choices[best].Value, best) : null;
    }

    private static bool Matches(string answerWord, string choiceWord) =>
        answerWord == choiceWord || (answerWord.Length >= 4 && choiceWord.StartsWith(answerWord, StringComparison.Ordinal))
        || (choiceWord.Length >= 4 && answerWord.StartsWith(choiceWord, StringComparison.Ordinal));

    private static IEnumerable<string> Names(Choice choice)
    {
        yield return choice.Value;
        if (choice.Title is { } title) yield return title;
        foreach (var synonym in choice.Synonyms ?? []) yield return synonym;
    }

    private static readonly HashSet<string> StopWords = ["a", "an", "the", "or", "and", "of", "to", "it", "is", "i", "my", "its"];

    private static string[] Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !StopWords.Contains(word)).ToArray();

    private static int? OrdinalIndex(string answer) => answer switch
    {
        "first" or "the first" or "first one" or "primero" or "primera" or "el primero" or "la primera" => 0,
        "second" or "the second" or "second one" or "segundo" or "segunda" or "el segundo" or "la segunda" => 1,
        "third" or "the third" or "third one" or "tercero" or "tercera" or "el tercero" or "la tercera" => 2,
        "fourth" or "the fourth" or "cuarto" or "cuarta" or "el cuarto" or "la cuarta" => 3,
        "last" => null,
        _ => null,
    };

    public static string Normalize(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
