using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>
/// Asks one question and ends with the recognised answer. An answer not understood is re-asked in one line, with the
/// choices (if any) shown again below it: the validator's reason, the question's retry prompt, or else a short hint of
/// what this kind of prompt understands (<see cref="RetryHint"/>). A skippable prompt ends with null on "skip". Every prompt
/// and retry prompt goes out with <c>inputHint: expectingInput</c>, as Bot Builder's <c>Prompt&lt;T&gt;</c> sends them.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    private const string AttemptsKey = "attempts";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken ct)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var frame = dc.ActiveDialog!;
        frame.Write(PromptFrame.OptionsKey, promptOptions);
        frame.Write(AttemptsKey, 0);
        Ask(dc.Context, dc.Dialogs.Renderer.Render(dc.Context, promptOptions, isRetry: false));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken ct)
    {
        if (!dc.Context.Activity.IsMessage) return DialogTurnResult.Waiting;

        var frame = dc.ActiveDialog!;
        var options = ReadOptions(frame);
        var attempts = frame.Read<int>(AttemptsKey) + 1;
        frame.Write(AttemptsKey, attempts);

        var text = PromptInput.TextOf(dc.Context.Activity);
        if (options.Skippable && PromptInput.IsSkip(text))
            return await dc.EndDialogAsync(null, ct);

        var recognized = text is null ? PromptRecognizerResult<T>.Fail : Recognize(dc.Context, text, options);
        var check = new PromptValidatorContext<T>(dc.Context, recognized, options, attempts);
        var valid = validator is null ? recognized.Succeeded : await validator(check, ct);
        if (valid)
            return await dc.EndDialogAsync(recognized.Value, ct);

        var retryText = (check.Reason, options.RetryPrompt) switch
        {
            ({ } reason, { } retryPrompt) => reason + "\n\n" + retryPrompt,
            ({ } reason, null) => reason,
            (null, { } retryPrompt) => retryPrompt,
            _ => RetryHint(options, dc.Dialogs.WordsFor(dc.Context)),
        };
        Ask(dc.Context, dc.Dialogs.Renderer.Render(dc.Context, options with { RetryPrompt = retryText }, isRetry: true));
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken ct)
    {
        Ask(dc.Context, dc.Dialogs.Renderer.Render(dc.Context, ReadOptions(instance), isRetry: false));
        return Task.CompletedTask;
    }

    /// <summary>Sends a rendered prompt marked as waiting for an answer, unless the renderer chose a hint itself.</summary>
    private static void Ask(TurnContext turn, Activity prompt) =>
        turn.Send(string.IsNullOrEmpty(prompt.InputHint) ? prompt with { InputHint = InputHints.ExpectingInput } : prompt);

    /// <summary>The options this frame was begun with (for help and status).</summary>
    public static PromptOptions ReadOptions(DialogInstance frame) =>
        PromptFrame.TryReadOptions(frame) ?? throw new InvalidOperationException("The prompt frame has no options.");

    protected abstract PromptRecognizerResult<T> Recognize(TurnContext turn, string text, PromptOptions options);

    /// <summary>
    /// Said instead of the whole question again when an answer was not understood and the question has no retry prompt
    /// of its own: one line on a phone, with the choices (if any) shown again below it.
    /// </summary>
    protected virtual string RetryHint(PromptOptions options, PromptWords words) => words.Retry;
}
