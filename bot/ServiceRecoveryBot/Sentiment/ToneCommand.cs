using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// <c>tone [--mode vader|service] [--analyzer local|azure] [--lexicon PATH]</c>: reads one text per line and writes
/// <c>compound&lt;TAB&gt;label&lt;TAB&gt;flags</c> per line, in order (compound with 4 decimals, invariant culture; label
/// lower case; flags as comma-separated <see cref="ToneFlag"/> names, empty when none). Streams with constant memory;
/// output is written in blocks. With <c>--analyzer azure</c>, lines go 10 per request and a line Azure cannot score is
/// scored locally. A line clearly in another language than English is read in it (<see cref="LanguageDetector"/>), and
/// emoji count (<see cref="EmojiTone"/>):
/// Spanish with the Spanish lexicon, others not scored locally (0, neutral); Azure is told the language.
/// Local scoring runs on every core, the output still in the input's order. Exit codes: 0 done, 2 bad arguments.
/// </summary>
public static class ToneCommand
{
    private const int FlushEvery = 512;

    /// <summary>
    /// The command as a process: a host with only configuration (appsettings in <paramref name="contentRoot"/>, user
    /// secrets in Development, environment)
    /// and tone analysis, no web server, so a run costs the scoring rather than the bot's start-up. Stdin to stdout.
    /// </summary>
    public static async Task<int> RunProcessAsync(string[] args, string contentRoot, CancellationToken ct)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = contentRoot });
        builder.Configuration.SetBasePath(builder.Environment.ContentRootPath)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddUserSecrets(typeof(ToneCommand).Assembly, optional: true);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddToneAnalysis();
        using var host = builder.Build();
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        return await RunAsync(args, input, output, host.Services, ct).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, IServiceProvider? services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var configured = services?.GetService<IOptions<SentimentOptions>>()?.Value ?? new SentimentOptions();
        SentimentMode mode = configured.Mode;
        SentimentAnalyzerKind kind = SentimentAnalyzerKind.Local;
        string? lexiconPath = configured.LexiconPath;
        int i = args.Length > 0 && args[0] == "tone" ? 1 : 0;
        for (; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mode" when i + 1 < args.Length && Enum.TryParse(args[i + 1], ignoreCase: true, out SentimentMode m) && Enum.IsDefined(m):
                    mode = m;
                    i++;
                    break;
                case "--analyzer" when i + 1 < args.Length && Enum.TryParse(args[i + 1], ignoreCase: true, out SentimentAnalyzerKind k) && Enum.IsDefined(k):
                    kind = k;
                    i++;
                    break;
                case "--lexicon" when i + 1 < args.Length:
                    lexiconPath = args[++i];
                    break;
                default:
                    await output.WriteLineAsync("usage: tone [--mode vader|service] [--analyzer local|azure] [--lexicon PATH] < lines").ConfigureAwait(false);
                    return 2;
            }
        }

        var lexicon = services?.GetService<VaderLexicon>() ?? VaderLexicon.Load(VaderLexicon.ResolvePath(lexiconPath));
        var detector = services?.GetService<ToneFlagDetector>() ?? new ToneFlagDetector();
        var local = new LocalToneAnalyzer(new VaderAnalyzer(lexicon, mode), detector);

        if (kind == SentimentAnalyzerKind.Azure)
        {
            var azure = services?.GetService<AzureLanguageToneAnalyzer>();
            if (azure is null || configured.Azure.Endpoint is null)
            {
                await output.WriteLineAsync("tone: --analyzer azure needs Sentiment:Azure:Endpoint (and a key or Entra ID) configured").ConfigureAwait(false);
                return 2;
            }

            await RunAzureAsync(input, output, azure, local, ct).ConfigureAwait(false);
        }
        else
        {
            await RunLocalAsync(input, output, local, ct).ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Lines go in blocks to every core at once and come out in their order: a batch of blocks is read, scored in
    /// parallel, written, and the next one read, so memory stays constant.
    /// </summary>
    private static async Task RunLocalAsync(TextReader input, TextWriter output, LocalToneAnalyzer analyzer, CancellationToken ct)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        var slots = workers * 2;
        var lines = new string[slots][];
        var counts = new int[slots];
        var blocks = new StringBuilder[slots];
        for (int b = 0; b < slots; b++)
        {
            lines[b] = new string[FlushEvery];
            blocks[b] = new StringBuilder(FlushEvery * 32);
        }

        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = workers };
        bool ended = false;
        while (!ended)
        {
            int filled = 0;
            while (filled < slots && !ended)
            {
                int n = 0;
                while (n < FlushEvery && await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    lines[filled][n++] = line;
                }

                counts[filled++] = n;
                ended = n < FlushEvery;
            }

            Parallel.For(0, filled, parallel, b =>
            {
                var block = blocks[b].Clear();
                for (int i = 0; i < counts[b]; i++)
                {
                    AppendScored(block, analyzer, lines[b][i]);
                }
            });
            for (int b = 0; b < filled; b++)
            {
                await output.WriteAsync(blocks[b], ct).ConfigureAwait(false);
            }
        }
    }

    private static void AppendScored(StringBuilder block, LocalToneAnalyzer analyzer, string line)
    {
        if (EmojiTone.MayHaveEmoji(line) || LanguageDetector.Detect(line) is { } language && language != "en")
        {
            var tone = analyzer.Analyze(line);
            Append(block, tone.Compound, tone.Label, tone.Flags);
        }
        else
        {
            var (compound, label) = analyzer.Score(line);
            Append(block, compound, label, analyzer.DetectFlags(line));
        }
    }

    private static async Task RunAzureAsync(TextReader input, TextWriter output, AzureLanguageToneAnalyzer azure, LocalToneAnalyzer local, CancellationToken ct)
    {
        var block = new StringBuilder(AzureLanguageToneAnalyzer.MaxDocumentsPerRequest * 32);
        var batch = new List<ToneDocument>(AzureLanguageToneAnalyzer.MaxDocumentsPerRequest);
        while (true)
        {
            batch.Clear();
            while (batch.Count < AzureLanguageToneAnalyzer.MaxDocumentsPerRequest && await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                batch.Add(new ToneDocument(batch.Count.ToString(CultureInfo.InvariantCulture), line, LanguageDetector.Detect(line)));
            }

            if (batch.Count == 0)
            {
                return;
            }

            var results = await azure.AnalyzeBatchAsync(batch, ct).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                var tone = results[i].Assessment ?? local.Analyze(batch[i].Text);
                Append(block, tone.Compound, tone.Label, tone.Flags);
            }

            await output.WriteAsync(block, ct).ConfigureAwait(false);
            block.Clear();
        }
    }

    /// <summary>One output line: compound (4 decimals), label, flags.</summary>
    public static string FormatLine(double compound, ToneLabel label, IReadOnlyList<ToneFlagHit> flags)
    {
        var sb = new StringBuilder(32);
        Append(sb, compound, label, flags);
        return sb.ToString(0, sb.Length - 1);
    }

    private static void Append(StringBuilder sb, double compound, ToneLabel label, IReadOnlyList<ToneFlagHit> flags)
    {
        sb.Append(compound.ToString("0.0000", CultureInfo.InvariantCulture)).Append('\t').Append(LabelText(label)).Append('\t');
        for (int i = 0; i < flags.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(FlagText(flags[i].Flag));
        }

        sb.Append('\n');
    }

    private static string LabelText(ToneLabel label) => label switch
    {
        ToneLabel.Positive => "positive",
        ToneLabel.Negative => "negative",
        ToneLabel.Mixed => "mixed",
        _ => "neutral",
    };

    private static string FlagText(ToneFlag flag) => flag switch
    {
        ToneFlag.ChurnRisk => nameof(ToneFlag.ChurnRisk),
        ToneFlag.PublicComplaint => nameof(ToneFlag.PublicComplaint),
        ToneFlag.LegalOrRegulatory => nameof(ToneFlag.LegalOrRegulatory),
        ToneFlag.SafetyOrHealth => nameof(ToneFlag.SafetyOrHealth),
        ToneFlag.Urgent => nameof(ToneFlag.Urgent),
        ToneFlag.Hostile => nameof(ToneFlag.Hostile),
        _ => flag.ToString(),
    };
}
