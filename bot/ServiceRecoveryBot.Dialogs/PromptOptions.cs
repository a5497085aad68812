namespace ServiceRecoveryBot.Dialogs;

/// <summary>What a prompt asks, how it re-asks, and the choices it offers.</summary>
public sealed record PromptOptions
{
    public required string Prompt { get; init; }

    /// <summary>Said when the answer was not understood; defaults to the prompt's short hint (<c>Prompt.RetryHint</c>).</summary>
    public string? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>Said when the user asks for help at this question.</summary>
    public string? Help { get; init; }

    /// <summary>When true, "skip" answers the prompt with a null result.</summary>
    public bool Skippable { get; init; }

    /// <summary>Pre-selected answer shown on cards (for example a suggested category).</summary>
    public string? Suggested { get; init; }

    /// <summary>
    /// Names this question (its wording and choice values) so a card answer can say which question it answers: a click on
    /// a card whose question is no longer the one asked is stale, not an answer to the next question.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key
    {
        get
        {
            var text = Prompt + "\n" + string.Join("\n", (Choices ?? []).Select(c => c.Value));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
        }
    }
}

/// <summary>
/// One option of a choice prompt. <see cref="Value"/> is what the dialog receives; <see cref="Urgent"/> ones (safety)
/// come first where a channel shows only some buttons at once.
/// </summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null, bool Urgent = false)
{
    public string Display => Title ?? Value;
}
