namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// One turn: the inbound activity and the replies the bot has decided on. Replies are buffered, not sent:
/// the pipeline sends them only after the state that produced them has been committed.
/// A turn that loses a race is thrown away whole and re-run on a fresh context.
/// </summary>
public sealed class TurnContext(Activity activity, DateTimeOffset receivedAt)
{
    private readonly List<Activity> replies = [];
    private bool repliesTaken;
    private Dictionary<Type, object>? parts;

    public Activity Activity { get; } = activity;

    /// <summary>When the turn started, from the injected clock.</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>The replies the turn has decided on so far, in order.</summary>
    public IReadOnlyList<Activity> Replies => replies;

    /// <summary>Set by an invoke handler: the synchronous HTTP answer.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public string Locale => Activity.Locale ?? "en-US";

    /// <summary>
    /// Buffers a reply. A message without an input hint is a statement (<see cref="InputHints.AcceptingInput"/>); prompts
    /// come with <see cref="InputHints.ExpectingInput"/> already set.
    /// </summary>
    public void Send(Activity reply)
    {
        if (repliesTaken)
            throw new InvalidOperationException("This turn's replies have gone already; work that runs after the commit sends proactively.");
        replies.Add(reply is { IsMessage: true, InputHint: null } ? reply with { InputHint = InputHints.AcceptingInput } : reply);
    }

    /// <summary>Sends text: a statement unless told otherwise, as Bot Builder's <c>SendActivityAsync(text, speak, inputHint)</c>.</summary>
    public void SendText(string text, string inputHint = InputHints.AcceptingInput) => Send(Activity.CreateReply(text) with { InputHint = inputHint });

    /// <summary>The replies, for the pipeline to commit and send; after this the turn takes no more.</summary>
    public IReadOnlyList<Activity> TakeReplies()
    {
        repliesTaken = true;
        return replies;
    }

    /// <summary>
    /// This turn's part of type <typeparamref name="T"/>, made on first use: per-turn data a layer above attaches (the
    /// effects the turn commits, for one), typed and never persisted here.
    /// </summary>
    public T Part<T>() where T : class, new()
    {
        parts ??= [];
        if (!parts.TryGetValue(typeof(T), out var part)) parts[typeof(T)] = part = new T();
        return (T)part;
    }
}
