namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// One turn: the inbound activity and the replies the bot has decided on. Replies are buffered, not sent:
/// the pipeline sends them only after the state that produced them has been committed.
/// </summary>
public sealed class TurnContext(Activity activity, DateTimeOffset receivedAt)
{
    private readonly List<Activity> outbox = [];

    public Activity Activity { get; } = activity;

    /// <summary>When the turn started, from the injected clock.</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public IReadOnlyList<Activity> Outbox => outbox;

    /// <summary>Set by an invoke handler: the synchronous HTTP answer.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public string Locale => Activity.Locale ?? "en-US";

    public void Send(Activity reply) => outbox.Add(reply);

    public void SendText(string text) => outbox.Add(Activity.CreateReply(text));

    /// <summary>Forget everything buffered: the turn is about to be re-run on fresh state.</summary>
    public void DiscardOutbox()
    {
        outbox.Clear();
        InvokeResponse = null;
    }
}
