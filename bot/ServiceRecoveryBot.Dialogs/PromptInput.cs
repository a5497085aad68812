using System.Text.Json;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>The answer an activity carries: its text, or a card submit's "answer" value.</summary>
public static class PromptInput
{
    public const string AnswerKey = "answer";

    /// <summary>The key of the question a card answer was given to (<see cref="PromptOptions.Key"/>).</summary>
    public const string QuestionKey = "question";

    /// <summary>The question a card answer names, or null for typed text and for cards that name none.</summary>
    public static string? QuestionOf(Activity activity) =>
        CardAnswer(activity) is not null && activity.Value!.Value.TryGetProperty(QuestionKey, out var question) && question.ValueKind == JsonValueKind.String
            ? question.GetString()
            : null;

    public static string? TextOf(Activity activity) => CardAnswer(activity) ?? activity.Text?.Trim();

    /// <summary>True when the answer came from a card button (its value), not from typing.</summary>
    public static bool IsCardAnswer(Activity activity) => CardAnswer(activity) is not null;

    /// <summary>The "answer" string of a card submit's value, if the activity is one.</summary>
    public static string? CardAnswer(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(AnswerKey, out var answer) && answer.ValueKind == JsonValueKind.String
            ? answer.GetString()
            : null;

    /// <summary>"skip" and its kin, in English or Spanish ("saltar", "ninguno", "nada").</summary>
    public static bool IsSkip(string? text) =>
        text is not null && text.Trim().TrimEnd('.', '!').ToLowerInvariant() is "skip" or "none" or "n/a" or "no one" or "nothing" or "-"
            or "saltar" or "omitir" or "ninguno" or "ninguna" or "nada" or "nadie" or "paso";
}
