using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

public sealed class ToneCommandTests
{
    private static readonly string Lexicon = SentimentTestPaths.LexiconPath();

    private static async Task<(int Code, string[] Lines)> RunAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        int code = await ToneCommand.RunAsync([.. args, "--lexicon", Lexicon], reader, writer, null, CancellationToken.None);
        return (code, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Writes_compound_label_and_flags_per_line_in_order()
    {
        var (code, lines) = await RunAsync("The book was good.\nI'm done. Just cancel it right now!\n\n", "tone", "--mode", "vader");
        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        Assert.Equal("0.4404\tpositive\t", lines[0]);
        Assert.EndsWith("\tChurnRisk,Urgent", lines[1]);
        Assert.Equal("0.0000\tneutral\t", lines[2]);
    }

    [Fact]
    public async Task Service_mode_is_the_default()
    {
        var (_, service) = await RunAsync("The breakfast arrived cold.");
        var (_, vader) = await RunAsync("The breakfast arrived cold.", "--mode", "vader");
        Assert.StartsWith("-", service[0]);
        Assert.StartsWith("0.0000\tneutral", vader[0]);
    }

    [Fact]
    public async Task Streams_many_lines_in_order()
    {
        var input = string.Join('\n', Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? "good" : "bad"));
        var (_, lines) = await RunAsync(input, "--mode", "vader");
        Assert.Equal(5000, lines.Length);
        Assert.All(lines.Where((_, i) => i % 2 == 0), l => Assert.StartsWith("0.4404\tpositive", l));
        Assert.All(lines.Where((_, i) => i % 2 == 1), l => Assert.StartsWith("-0.5423\tnegative", l));
    }

    [Fact]
    public async Task Lines_scored_on_every_core_come_out_in_their_order()
    {
        // Three kinds of line in turn: a block (512 lines) written out of place would shift the pattern.
        string[] kinds = ["good", "bad", "fine"];
        var input = string.Join('\n', Enumerable.Range(0, 10_000).Select(i => kinds[i % 3]));
        var (_, lines) = await RunAsync(input, "--mode", "vader");
        var expected = new Dictionary<string, string>();
        foreach (var kind in kinds) expected[kind] = (await RunAsync(kind, "--mode", "vader")).Lines.Single();
        Assert.Equal(10_000, lines.Length);
        for (var i = 0; i < lines.Length; i++) Assert.Equal(expected[kinds[i % 3]], lines[i]);
    }

    [Theory]
    [InlineData("--mode", "loud")]
    [InlineData("--bogus")]
    public async Task Bad_arguments_exit_with_2(params string[] args) => Assert.Equal(2, (await RunAsync("x", args)).Code);

    [Fact]
    public async Task Azure_without_configuration_exits_with_2() => Assert.Equal(2, (await RunAsync("x", "--analyzer", "azure")).Code);
}
