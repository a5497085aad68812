namespace ServiceRecoveryBot.Dialogs;

/// <summary>Where the dialog stack stands after a call (Bot Builder semantics).</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty.</summary>
    Empty,
    /// <summary>The active dialog is waiting for the user.</summary>
    Waiting,
    /// <summary>The last dialog on the stack ended with a result.</summary>
    Complete,
    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
}

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
    BackCalled,
}
