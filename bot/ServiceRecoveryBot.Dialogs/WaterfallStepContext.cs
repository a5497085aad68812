using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>What a waterfall step sees: the turn, its typed state, the previous step's result, and the moves it can make.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> dialog;
    private bool moved;

    internal WaterfallStepContext(WaterfallDialog<TState> dialog, DialogContext dc, TState state, int index, DialogReason reason, object? result, object? options)
    {
        this.dialog = dialog;
        DialogContext = dc;
        State = state;
        Index = index;
        Reason = reason;
        Result = result;
        Options = options;
    }

    public DialogContext DialogContext { get; }

    public TurnContext Context => DialogContext.Context;

    /// <summary>The dialog's typed state; changes are persisted after the step.</summary>
    public TState State { get; set; }

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The result of the previous step or of the prompt it started.</summary>
    public object? Result { get; }

    /// <summary>The options the dialog was begun with (only on the first step of a turn that began it).</summary>
    public object? Options { get; }

    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken ct)
    {
        EnsureOneMove();
        return dialog.RunNextStepAsync(DialogContext, this, result, ct);
    }

    /// <summary>True when this step handed the turn to a prompt or child dialog.</summary>
    internal bool StartedChild { get; private set; }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken ct)
    {
        EnsureOneMove();
        StartedChild = true;
        dialog.Save(DialogContext, this);
        return DialogContext.PromptAsync(promptId, options, ct);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken ct)
    {
        EnsureOneMove();
        StartedChild = true;
        dialog.Save(DialogContext, this);
        return DialogContext.BeginDialogAsync(dialogId, options, ct);
    }

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken ct)
    {
        EnsureOneMove();
        dialog.Save(DialogContext, this);
        return DialogContext.EndDialogAsync(result, ct);
    }

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken ct)
    {
        EnsureOneMove();
        return DialogContext.ReplaceDialogAsync(dialogId, options, ct);
    }

    private void EnsureOneMove()
    {
        if (moved) throw new InvalidOperationException("A waterfall step can make one move (next, prompt, begin, end or replace).");
        moved = true;
    }
}
