namespace ServiceRecoveryBot.Dialogs;

/// <summary>The persisted dialog stack of one conversation. The last element is the active dialog.</summary>
public sealed class DialogState
{
    /// <summary>
    /// The frame a stack holds when the stored state could not be read back: no dialog has this id, so the stack is
    /// discarded as stale on the next message, and the bot can say why.
    /// </summary>
    public const string UnreadableFrameId = "state.unreadable";

    public List<DialogInstance> DialogStack { get; init; } = [];
}
