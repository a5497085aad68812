using System.Diagnostics;
using System.Globalization;
using System.Text;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>
/// Runs <see cref="ToneCommand"/> in-process over N lines (the VADER fixture sentences, repeated) from memory to a
/// null stream, single-threaded, and reports lines/s and bytes allocated per line, for each mode.
/// </summary>
public static class CliThroughput
{
    public static async Task<int> RunAsync(int lines, TextWriter output)
    {
        var input = BuildInput(lines);
        string lexicon = VaderLexicon.ResolvePath(null);
        foreach (var mode in new[] { "vader", "service" })
        {
            // Warm-up (JIT, tiering), then the measured run.
            await RunOnceAsync(input[..Math.Min(input.Length, 200_000)], mode, lexicon);
            var (elapsed, allocated) = await RunOnceAsync(input, mode, lexicon);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cli --mode {mode}: {lines:N0} lines in {elapsed.TotalMilliseconds:F0} ms = {lines / elapsed.TotalSeconds:N0} lines/s, {allocated / (double)lines:F0} bytes allocated/line (incl. input reading, output formatting, lexicon load {new FileInfo(lexicon).Length:N0} B)"));
        }

        return 0;
    }

    public static string BuildInput(int lines)
    {
        var sentences = new[] { "amazonReviewSnippets.vader.tsv", "movieReviewSnippets.vader.tsv" }
            .SelectMany(f => FixtureRow.Read(Path.Combine(SharedPaths.SharedDirectory(), "fixtures", "sentiment", f)))
            .Select(r => r.Text).ToArray();
        var sb = new StringBuilder(lines * 110);
        for (int i = 0; i < lines; i++)
        {
            sb.Append(sentences[i % sentences.Length]).Append('\n');
        }

        return sb.ToString();
    }

    private static async Task<(TimeSpan Elapsed, long Allocated)> RunOnceAsync(string input, string mode, string lexicon)
    {
        using var reader = new StringReader(input);
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        int code = await ToneCommand.RunAsync(["tone", "--mode", mode, "--lexicon", lexicon], reader, writer, null, CancellationToken.None);
        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return code == 0 ? (watch.Elapsed, allocated) : throw new InvalidOperationException($"tone exited with {code}");
    }
}
