using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>
/// Single-threaded throughput over all 14,313 sentences of the two VADER fixture sets, three passes per invocation
/// (one operation = one sentence).
/// Sentences/s = 1 / Mean; "Allocated" is bytes per sentence.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class ToneBenchmarks
{
    private const int Sentences = 14_313;
    private const int Operations = Sentences * 3;
    private string[] _sentences = [];
    private VaderAnalyzer _vader = null!;
    private VaderAnalyzer _service = null!;
    private ToneFlagDetector _flags = null!;
    private LocalToneAnalyzer _local = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sentences = CliThroughput.BuildInput(Operations).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lexicon = VaderLexicon.Load(VaderLexicon.ResolvePath(null));
        _vader = new VaderAnalyzer(lexicon, SentimentMode.Vader);
        _service = new VaderAnalyzer(lexicon, SentimentMode.Service);
        _flags = new ToneFlagDetector();
        _local = new LocalToneAnalyzer(_service, _flags);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public double VaderMode()
    {
        double sum = 0;
        foreach (var s in _sentences)
        {
            sum += _vader.Score(s).Compound;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public double ServiceMode()
    {
        double sum = 0;
        foreach (var s in _sentences)
        {
            sum += _service.Score(s).Compound;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int FlagDetector()
    {
        int sum = 0;
        foreach (var s in _sentences)
        {
            sum += _flags.Detect(s).Count;
        }

        return sum;
    }

    /// <summary>What the CLI computes per line: compound, label (with the mixed check) and flags.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public int CliLine()
    {
        int sum = 0;
        foreach (var s in _sentences)
        {
            sum += (int)_local.Score(s).Label + _local.DetectFlags(s).Count;
        }

        return sum;
    }

    /// <summary>The full assessment a chat turn gets (sentences, proportions, flags).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public int FullAssessment()
    {
        int sum = 0;
        foreach (var s in _sentences)
        {
            sum += _local.Analyze(s).Sentences.Count;
        }

        return sum;
    }
}
