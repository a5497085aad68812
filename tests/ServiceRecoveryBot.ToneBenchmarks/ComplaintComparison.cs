using System.Globalization;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>
/// vader vs service mode on the service-complaint set (tests/ServiceRecoveryBot.Tests/Sentiment/Data/service-complaints.tsv):
/// label accuracy, polarity accuracy, and flag precision/recall (flags come from the same detector in both modes).
/// </summary>
public static class ComplaintComparison
{
    public static int Run(VaderLexicon lexicon, TextWriter output)
    {
        var rows = ServiceComplaint.Load(ServiceComplaint.FindFile());
        var detector = new ToneFlagDetector();
        output.WriteLine($"{rows.Count} texts");
        foreach (var mode in new[] { SentimentMode.Vader, SentimentMode.Service })
        {
            var analyzer = new LocalToneAnalyzer(new VaderAnalyzer(lexicon, mode), detector);
            int label = 0, polarity = 0;
            var byLabel = new Dictionary<ToneLabel, (int Hit, int Total)>();
            foreach (var row in rows)
            {
                var tone = analyzer.Analyze(row.Text);
                bool ok = tone.Label == row.Label;
                if (!ok && Environment.GetEnvironmentVariable("TONE_MISSES") is not null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  miss {mode}: expected {row.Label}, got {tone.Label} {tone.Compound:F3}: {row.Text}"));
                }

                label += ok ? 1 : 0;
                polarity += Math.Sign(Rounded(tone.Compound)) == Math.Sign(Expected(row.Label)) ? 1 : 0;
                var (h, t) = byLabel.GetValueOrDefault(row.Label);
                byLabel[row.Label] = (h + (ok ? 1 : 0), t + 1);
            }

            string perLabel = string.Join(", ", byLabel.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value.Hit}/{kv.Value.Total}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode}: label accuracy {label}/{rows.Count} = {(double)label / rows.Count:P1}; polarity accuracy {(double)polarity / rows.Count:P1}; per label {perLabel}"));
        }

        int tp = 0, fp = 0, fn = 0;
        var perFlag = Enum.GetValues<ToneFlag>().ToDictionary(f => f, _ => (Tp: 0, Fp: 0, Fn: 0));
        foreach (var row in rows)
        {
            var found = detector.Detect(row.Text).Select(h => h.Flag).ToHashSet();
            foreach (var flag in Enum.GetValues<ToneFlag>())
            {
                bool expected = row.Flags.Contains(flag), got = found.Contains(flag);
                var (a, b, c) = perFlag[flag];
                perFlag[flag] = (a + (expected && got ? 1 : 0), b + (!expected && got ? 1 : 0), c + (expected && !got ? 1 : 0));
                tp += expected && got ? 1 : 0;
                fp += !expected && got ? 1 : 0;
                fn += expected && !got ? 1 : 0;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flags (both modes): precision {tp}/{tp + fp} = {(double)tp / (tp + fp):P1}, recall {tp}/{tp + fn} = {(double)tp / (tp + fn):P1}"));
        foreach (var (flag, (a, b, c)) in perFlag)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {flag}: tp {a}, fp {b}, fn {c}"));
        }

        return 0;
    }

    private static double Rounded(double compound) => compound >= 0.05 ? 1 : compound <= -0.05 ? -1 : 0;

    private static int Expected(ToneLabel label) => label switch
    {
        ToneLabel.Positive => 1,
        ToneLabel.Negative => -1,
        _ => 0,
    };
}
