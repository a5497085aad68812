namespace ServiceRecoveryBot.Guidance;

/// <summary>What kind of reply a guidance question got.</summary>
public enum GuidanceAnswerKind
{
    Playbook,
    ModelList,
    KnowledgeEntry,
    ClosestTopics,
    Unknown,
}
