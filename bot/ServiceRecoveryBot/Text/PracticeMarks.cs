namespace ServiceRecoveryBot.Text;

/// <summary>How a practice answer did: what it said, the excuses in it, and its score (3 is strong).</summary>
public sealed record PracticeMarks(bool SaidSorry, bool NamedFeelings, bool SaidWhatsNext, IReadOnlyList<string> Excuses, int Score);
