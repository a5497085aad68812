using System.Diagnostics;
using System.Globalization;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>A quick Stopwatch loop per component (BenchmarkDotNet gives the reported figures).</summary>
public static class QuickTiming
{
    public static int Run(VaderLexicon lexicon, TextWriter output)
    {
        var load = Stopwatch.StartNew();
        var fresh = VaderLexicon.Load(VaderLexicon.ResolvePath(null));
        _ = new LocalToneAnalyzer(new VaderAnalyzer(fresh, SentimentMode.Service), new ToneFlagDetector());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-up: lexicon load + service analyzer + flag detector {load.ElapsedMilliseconds} ms (JIT included)"));
        var sentences = CliThroughput.BuildInput(14_313).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var vader = new VaderAnalyzer(lexicon, SentimentMode.Vader);
        var service = new VaderAnalyzer(lexicon, SentimentMode.Service);
        var detector = new ToneFlagDetector();
        var local = new LocalToneAnalyzer(service, detector);
        Time("vader Score", () => { double s = 0; foreach (var t in sentences) s += vader.Score(t).Compound; return s; });
        Time("service Score", () => { double s = 0; foreach (var t in sentences) s += service.Score(t).Compound; return s; });
        Time("flags Detect", () => { double s = 0; foreach (var t in sentences) s += detector.Detect(t).Count; return s; });
        Time("local Score (compound+label)", () => { double s = 0; foreach (var t in sentences) s += local.Score(t).Compound; return s; });
        Time("language Detect", () => { double s = 0; foreach (var t in sentences) s += LanguageDetector.Detect(t)?.Length ?? 0; return s; });
        Time("local Analyze (chat turn, language detected)", () => { double s = 0; foreach (var t in sentences) s += local.Analyze(t).Compound; return s; });
        return 0;

        void Time(string name, Func<double> body)
        {
            for (int i = 0; i < 3; i++)
            {
                body();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int rounds = 10;
            for (int i = 0; i < rounds; i++)
            {
                body();
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            long n = (long)sentences.Length * rounds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {n / watch.Elapsed.TotalSeconds:N0} sentences/s wall, {n / cpu.TotalSeconds:N0} per CPU-second, {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)n:F1} B/sentence"));
        }
    }
}
