namespace ServiceRecoveryBot.Dialogs;

/// <summary>The persisted dialog stack of one conversation. The last element is the active dialog.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}
