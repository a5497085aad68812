namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// One turn: the inbound activity and the replies the bot has decided on. Replies are buffered, not sent:
/// the pipeline sends them only after the state that produced them has been committed.
/// A turn that loses a race is thrown away whole and re-run on a fresh context.
/// </summary>
public sealed class TurnContext(Activity activity, DateTimeOffset receivedAt)
{
    private readonly List<Activity> outbox = [];
    private bool outboxTaken;

    public Activity Activity { get; } = activity;

    /// <summary>When the turn started, from the injected clock.</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public IReadOnlyList<Activity> Outbox => outbox;

    /// <summary>Set by an invoke handler: the synchronous HTTP answer.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public string Locale => Activity.Locale ?? "en-US";

    /// <summary>
    /// Buffers a reply. A message without an input hint is a statement (<see cref="InputHints.AcceptingInput"/>); prompts
    /// come with <see cref="InputHints.ExpectingInput"/> already set.
    /// </summary>
    public void Send(Activity reply)
    {
        if (outboxTaken)
            throw new InvalidOperationException("This turn's replies have gone already; work that runs after the commit sends proactively.");
        outbox.Add(reply is { IsMessage: true, InputHint: null } ? reply with { InputHint = InputHints.AcceptingInput } : reply);
    }

    /// <summary>Sends text: a statement unless told otherwise, as Bot Builder's <c>SendActivityAsync(text, speak, inputHint)</c>.</summary>
    public void SendText(string text, string inputHint = InputHints.AcceptingInput) => Send(Activity.CreateReply(text) with { InputHint = inputHint });

    /// <summary>The replies, for the pipeline to send once the state is committed; after this the turn takes no more.</summary>
    public IReadOnlyList<Activity> TakeOutbox()
    {
        outboxTaken = true;
        return outbox;
    }

    /// <summary>Scratch data for this turn only (never persisted), as Bot Builder's TurnState.</summary>
    public Dictionary<string, object> TurnState { get; } = new(StringComparer.Ordinal);
}
