namespace ServiceRecoveryBot.Dialogs;

/// <summary>The dialogs a bot knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs, IPromptRenderer? renderer = null)
    {
        foreach (var dialog in dialogs)
        {
            if (!this.dialogs.TryAdd(dialog.Id, dialog))
                throw new ArgumentException($"Two dialogs share the id '{dialog.Id}'.", nameof(dialogs));
        }
        Renderer = renderer ?? new TextPromptRenderer();
    }

    public IPromptRenderer Renderer { get; }

    public Dialog? Find(string id) => dialogs.GetValueOrDefault(id);

    public DialogContext CreateContext(Protocol.TurnContext turn, DialogState state) => new(this, turn, state);
}
