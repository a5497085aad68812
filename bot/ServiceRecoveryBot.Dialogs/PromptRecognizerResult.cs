namespace ServiceRecoveryBot.Dialogs;

public readonly record struct PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Fail => default;
    public static PromptRecognizerResult<T> Of(T value) => new(true, value);
}

/// <summary>What a validator sees: the recognised value (if any), the attempt number and the options.</summary>
public sealed record PromptValidatorContext<T>(Protocol.TurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount)
{
    /// <summary>Set by the validator to explain why the answer was refused; shown instead of the retry prompt.</summary>
    public string? Reason { get; set; }
}

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken ct);
