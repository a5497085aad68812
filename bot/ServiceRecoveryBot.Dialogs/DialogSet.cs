namespace ServiceRecoveryBot.Dialogs;

/// <summary>The dialogs a bot knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs, IPromptRenderer? renderer = null, IPromptWords? words = null)
    {
        foreach (var dialog in dialogs)
        {
            if (!this.dialogs.TryAdd(dialog.Id, dialog))
                throw new ArgumentException($"Two dialogs share the id '{dialog.Id}'.", nameof(dialogs));
        }
        Words = words;
        Renderer = renderer ?? new TextPromptRenderer(words);
    }

    public IPromptRenderer Renderer { get; }

    private IPromptWords? Words { get; }

    /// <summary>The engine's words in the turn's locale (English without a catalog).</summary>
    public PromptWords WordsFor(Protocol.TurnContext turn) => Words?.For(turn) ?? PromptWords.English;

    public Dialog? Find(string id) => dialogs.GetValueOrDefault(id);

    public DialogContext CreateContext(Protocol.TurnContext turn, DialogState state) => new(this, turn, state);
}
