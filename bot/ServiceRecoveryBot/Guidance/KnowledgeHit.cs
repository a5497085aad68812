namespace ServiceRecoveryBot.Guidance;

/// <summary>A ranked knowledge-base result: the entry, its BM25 score, and the share of the question's weight it matched.</summary>
public sealed record KnowledgeHit(KnowledgeEntry Entry, double Score, double Coverage);
