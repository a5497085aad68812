using BenchmarkDotNet.Running;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.ToneBenchmarks;

// dotnet run -c Release -- agreement [mismatches.tsv]   agreement with the reference VADER scores, both fixture sets
// dotnet run -c Release -- complaints                    service vs vader mode on the service-complaint set
// dotnet run -c Release -- cli [lines]                   ToneCommand over N fixture lines (default 100,000), timed
// dotnet run -c Release -- --filter '*'                  BenchmarkDotNet
var lexicon = VaderLexicon.Load(VaderLexicon.ResolvePath(Environment.GetEnvironmentVariable("Sentiment__LexiconPath")));
switch (args.FirstOrDefault())
{
    case "agreement":
    {
        using var mismatches = args.Length > 1 ? new StreamWriter(args[1]) : null;
        foreach (var mode in new[] { SentimentMode.Vader, SentimentMode.Service })
        {
            var analyzer = new VaderAnalyzer(lexicon, mode);
            foreach (var file in new[] { "amazonReviewSnippets.vader.tsv", "movieReviewSnippets.vader.tsv" })
            {
                var path = Path.Combine(SharedPaths.SharedDirectory(), "fixtures", "sentiment", file);
                Console.WriteLine($"{mode}\t{Agreement.Measure(path, analyzer, mode == SentimentMode.Vader ? mismatches : null)}");
            }
        }

        return 0;
    }

    case "quick":
        return QuickTiming.Run(lexicon, Console.Out);
    case "complaints":
        return ComplaintComparison.Run(lexicon, Console.Out);
    case "cli":
        return await CliThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Agreement).Assembly).Run(args);
        return 0;
}
