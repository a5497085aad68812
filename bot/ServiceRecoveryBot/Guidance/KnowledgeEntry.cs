namespace ServiceRecoveryBot.Guidance;

/// <summary>One answer in the knowledge base, with the ways people ask for it.</summary>
public sealed record KnowledgeEntry(string Id, string Title, string Answer, IReadOnlyList<string> Questions, IReadOnlyList<string> Synonyms);
