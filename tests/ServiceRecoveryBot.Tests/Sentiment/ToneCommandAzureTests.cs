using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>The tone command with --analyzer azure, through DI, against the loopback server.</summary>
public sealed class ToneCommandAzureTests : IAsyncLifetime
{
    private LoopbackLanguageServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackLanguageServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sends_ten_lines_per_request_and_scores_rejected_lines_locally()
    {
        // Synthetic: every document negative except id "3", which the service rejects (shape of recording 04).
        _server.Respond(request => new RecordedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            JsonSerializer.Serialize(new
            {
                kind = "SentimentAnalysisResults",
                results = new
                {
                    documents = request.Documents.Where(d => d.GetProperty("id").GetString() != "3").Select(d => new
                    {
                        id = d.GetProperty("id").GetString(),
                        sentiment = "negative",
                        confidenceScores = new { positive = 0.1, neutral = 0.1, negative = 0.8 },
                        sentences = Array.Empty<object>(),
                        warnings = Array.Empty<object>(),
                    }),
                    errors = request.Documents.Where(d => d.GetProperty("id").GetString() == "3").Select(d => new
                    {
                        id = "3",
                        error = new { code = "InvalidArgument", message = "Invalid Document in request.", innererror = new { code = "InvalidDocument", message = "Document text is empty." } },
                    }),
                    modelVersion = "2022-10-01",
                },
            })));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sentiment:Analyzer"] = "azure",
            ["Sentiment:Azure:Endpoint"] = _server.Endpoint.ToString(),
            ["Sentiment:Azure:ApiKey"] = "test-key",
            ["Sentiment:LexiconPath"] = SentimentTestPaths.LexiconPath(),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddToneAnalysis();
        await using var provider = services.BuildServiceProvider();

        var input = string.Join('\n', Enumerable.Range(0, 23).Select(i => i == 3 ? "The book was good." : $"line {i}, I'm done with you"));
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        int code = await ToneCommand.RunAsync(["tone", "--analyzer", "azure"], reader, writer, provider, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal([10, 10, 3], _server.Requests.Select(r => r.Documents.Length));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(23, lines.Length);
        Assert.Equal("-0.7000\tnegative\tChurnRisk", lines[0]);
        Assert.StartsWith("0.4404\tpositive", lines[3]);
    }
}
