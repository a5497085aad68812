using BenchmarkDotNet.Running;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.ToneBenchmarks;

// dotnet run -c Release -- agreement [mismatches.tsv]   agreement with the reference VADER scores, both fixture sets
// dotnet run -c Release -- complaints                    service vs vader mode on the service-complaint set
// dotnet run -c Release -- cli [lines]                   ToneCommand over N fixture lines (default 100,000), timed
// dotnet run -c Release -- make-input 100000 lines.txt   write N fixture sentences, one per line
// dotnet run -c Release -- tone [--mode ...] < in > out  the tone command as a process (stdin/stdout, buffered)
// dotnet run -c Release -- --filter '*'                  BenchmarkDotNet
var lexicon = args.FirstOrDefault() is "tone" or "make-input" ? null! : VaderLexicon.Load(VaderLexicon.ResolvePath(Environment.GetEnvironmentVariable("Sentiment__LexiconPath")));
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

    case "make-input":
        await File.WriteAllTextAsync(args[2], CliThroughput.BuildInput(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
        return 0;
    case "tone":
    {
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        using var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8, false, 1 << 16);
        return await ToneCommand.RunAsync(args, stdin, stdout, null, CancellationToken.None);
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
