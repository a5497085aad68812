namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// A ranked knowledge-base result: the entry, its BM25 score, the share of the question's weight it matched, and how many
/// of the question's distinct terms it matched out of how many.
/// </summary>
public sealed record KnowledgeHit(KnowledgeEntry Entry, double Score, double Coverage, int MatchedTerms, int QueryTerms);
