namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// Reads one message the way staff write it: its kind, failure category, facts, language, tone flags and guidance topic.
/// Recovery start, guidance and tone all ask it, so one improvement helps all three. Never blocks on the model.
/// </summary>
public interface IUnderstanding
{
    Understood Understand(string text, UnderstandingPurpose purpose, CancellationToken ct);
}
