namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// A guidance topic a question may be about, with a score in 0..1: a knowledge entry's id, or "playbook:" and a failure
/// category for that category's playbook. Produced outside Guidance (by Understanding) and taken by <see cref="GuidanceService"/>.
/// </summary>
public sealed record TopicGuess(string Topic, double Score)
{
    public const string PlaybookPrefix = "playbook:";
}
