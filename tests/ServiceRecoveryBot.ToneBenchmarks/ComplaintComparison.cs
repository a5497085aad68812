using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

public static class ComplaintComparison
{
    public static int Run(VaderLexicon lexicon, TextWriter output) => 0;
}
