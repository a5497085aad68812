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
}

/// <summary>One option of a choice prompt. <see cref="Value"/> is what the dialog receives.</summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null)
{
    public string Display => Title ?? Value;
}
