namespace ServiceRecoveryBot.Dialogs;

/// <summary>
/// A unit of conversation with a stable id. Bump <see cref="Version"/> whenever the persisted shape or step list
/// changes, so a conversation paused on an older version restarts politely instead of resuming in the wrong place.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    public virtual int Version => 1;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken ct);

    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken ct) => dc.EndDialogAsync(null, ct);

    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken ct) =>
        dc.EndDialogAsync(result, ct);

    public virtual Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Re-ask the previous question. Returns false when there is nothing to go back to.</summary>
    public virtual Task<bool> GoBackAsync(DialogContext dc, CancellationToken ct) => Task.FromResult(false);

    /// <summary>Whether <see cref="GoBackAsync"/> has a previous question to return to from this frame.</summary>
    public virtual bool CanGoBack(DialogInstance instance) => false;

    /// <summary>A short description of where this dialog stands, for the "status" command.</summary>
    public virtual string? Describe(DialogInstance instance, Protocol.TurnContext turn) => null;
}
