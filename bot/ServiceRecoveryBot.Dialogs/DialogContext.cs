using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn.</summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext turn, DialogState state)
{
    public DialogSet Dialogs { get; } = dialogs;

    public TurnContext Context { get; } = turn;

    public IReadOnlyList<DialogInstance> Stack => state.DialogStack;

    public DialogInstance? ActiveDialog => state.DialogStack.Count == 0 ? null : state.DialogStack[^1];

    /// <summary>The dialog that owns the active one, or null.</summary>
    public DialogInstance? ParentOfActive => state.DialogStack.Count < 2 ? null : state.DialogStack[^2];

    /// <summary>
    /// True when the stack named a dialog that no longer exists or whose version changed; the stack was cleared.
    /// The caller tells the user politely and starts again.
    /// </summary>
    public bool DiscardStaleStack()
    {
        var stale = state.DialogStack.Any(frame => Dialogs.Find(frame.Id) is not { } dialog || dialog.Version != frame.Version);
        if (stale) state.DialogStack.Clear();
        return stale;
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken ct)
    {
        var dialog = Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered.");
        state.DialogStack.Add(new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return dialog.BeginDialogAsync(this, options, ct);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken ct) =>
        BeginDialogAsync(dialogId, options, ct);

    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken ct) =>
        ActiveDialog is { } active ? Resolve(active).ContinueDialogAsync(this, ct) : Task.FromResult(DialogTurnResult.Empty);

    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken ct)
    {
        if (state.DialogStack.Count > 0) state.DialogStack.RemoveAt(state.DialogStack.Count - 1);
        if (ActiveDialog is { } parent)
            return await Resolve(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, ct);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken ct)
    {
        if (state.DialogStack.Count > 0) state.DialogStack.RemoveAt(state.DialogStack.Count - 1);
        return BeginDialogAsync(dialogId, options, ct);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken ct)
    {
        var hadDialogs = state.DialogStack.Count > 0;
        state.DialogStack.Clear();
        return Task.FromResult(hadDialogs ? new DialogTurnResult(DialogTurnStatus.Cancelled) : DialogTurnResult.Empty);
    }

    public Task RepromptDialogAsync(CancellationToken ct) =>
        ActiveDialog is { } active ? Resolve(active).RepromptDialogAsync(this, active, ct) : Task.CompletedTask;

    /// <summary>
    /// "Back": leave the active prompt and let the nearest dialog below it re-ask its previous question.
    /// Returns false (and changes nothing) when no dialog can go back.
    /// </summary>
    public async Task<bool> GoBackAsync(CancellationToken ct)
    {
        for (var depth = state.DialogStack.Count - 1; depth >= 0; depth--)
        {
            var frame = state.DialogStack[depth];
            if (!Resolve(frame).CanGoBack(frame)) continue;
            state.DialogStack.RemoveRange(depth + 1, state.DialogStack.Count - depth - 1);
            return await Resolve(frame).GoBackAsync(this, ct);
        }
        return false;
    }

    /// <summary>Descriptions of the stack from the outermost dialog in, for "status".</summary>
    public IReadOnlyList<string> DescribeStack() =>
        state.DialogStack.Select(frame => Resolve(frame).Describe(frame, Context)).OfType<string>().ToList();

    internal Dialog Resolve(DialogInstance frame) =>
        Dialogs.Find(frame.Id) ?? throw new InvalidOperationException($"The stack names an unknown dialog '{frame.Id}'.");
}
