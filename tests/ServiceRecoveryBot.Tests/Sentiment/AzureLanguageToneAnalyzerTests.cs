using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>The Azure AI Language client against recorded real responses served from a loopback HTTP server.</summary>
public sealed class AzureLanguageToneAnalyzerTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>, IAsyncLifetime
{
    private LoopbackLanguageServer _server = null!;
    private readonly CapturingLogger<AzureLanguageToneAnalyzer> _logger = new();

    public async Task InitializeAsync() => _server = await LoopbackLanguageServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AzureLanguageToneAnalyzer Analyzer(TimeSpan? budget = null, int maxRetries = 2, TimeProvider? clock = null)
    {
        var options = Options.Create(new SentimentOptions
        {
            Analyzer = SentimentAnalyzerKind.Azure,
            Azure = new SentimentAzureOptions
            {
                Endpoint = _server.Endpoint,
                ApiKey = "test-key",
                TurnBudget = budget ?? TimeSpan.FromSeconds(10),
                MaxRetries = maxRetries,
            },
        });
        return new AzureLanguageToneAnalyzer(
            AzureLanguageToneAnalyzer.CreatePipeline(options.Value.Azure), options, fixture.Local(SentimentMode.Service), fixture.Detector,
            clock ?? TimeProvider.System, _logger);
    }

    private static ToneDocument[] RecordedDocuments(string file) =>
        [.. LoopbackLanguageServer.Fixture(file).GetProperty("request").GetProperty("body").GetProperty("analysisInput").GetProperty("documents")
            .EnumerateArray().Select(d => new ToneDocument(d.GetProperty("id").GetString()!, d.GetProperty("text").GetString()!, d.GetProperty("language").GetString()))];

    [Fact]
    public async Task Sends_analyze_text_with_opinion_mining_utf16_offsets_logging_opt_out_and_the_key_header()
    {
        _server.Respond("02-opinion-mining-single-positive.json");
        await Analyzer().AnalyzeAsync("It has a sleek premium aluminum design that makes it beautiful to look at.", "en-US", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("?api-version=2025-11-01", request.Query);
        Assert.Equal("test-key", request.Headers["Ocp-Apim-Subscription-Key"]);
        var body = request.Json;
        Assert.Equal("SentimentAnalysis", body.GetProperty("kind").GetString());
        var parameters = body.GetProperty("parameters");
        Assert.True(parameters.GetProperty("opinionMining").GetBoolean());
        Assert.True(parameters.GetProperty("loggingOptOut").GetBoolean());
        Assert.Equal("Utf16CodeUnit", parameters.GetProperty("stringIndexType").GetString());
        Assert.Equal("en", request.Documents.Single().GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_guests_Spanish_typed_into_an_English_chat_is_sent_as_Spanish()
    {
        _server.Respond("02-opinion-mining-single-positive.json");
        var tone = await Analyzer().AnalyzeAsync("¡Es el tercer día sin agua caliente y nadie me hace caso!", "en-US", CancellationToken.None);

        Assert.Equal("es", Assert.Single(_server.Requests).Documents.Single().GetProperty("language").GetString());
        Assert.Equal("es", tone.Language);
    }

    [Fact]
    public async Task Words_that_do_not_show_their_language_are_sent_in_the_chats()
    {
        _server.Respond("02-opinion-mining-single-positive.json");
        await Analyzer().AnalyzeAsync("¡Pésimo!", "es-MX", CancellationToken.None);

        Assert.Equal("es", Assert.Single(_server.Requests).Documents.Single().GetProperty("language").GetString());
    }

    [Fact]
    public async Task Recording_01_maps_three_documents_to_their_labels_and_sentences()
    {
        _server.Respond("01-batch-three-labels-showstats.json");
        var results = await Analyzer().AnalyzeBatchAsync(RecordedDocuments("01-batch-three-labels-showstats.json"), CancellationToken.None);

        Assert.Equal(["1", "2", "3"], results.Select(r => r.Id));
        Assert.Equal([ToneLabel.Neutral, ToneLabel.Negative, ToneLabel.Positive], results.Select(r => r.Assessment!.Label));
        Assert.All(results, r => Assert.InRange(r.Assessment!.Compound, -1, 1));
        Assert.True(results[1].Assessment!.Compound < 0);
        Assert.True(results.Sum(r => r.Assessment!.Sentences.Count) >= 3);
        Assert.All(results, r => Assert.StartsWith("azure-language:", r.Assessment!.Analyzer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recording_02_opinion_targets_carry_their_assessments()
    {
        _server.Respond("02-opinion-mining-single-positive.json");
        var tone = await Analyzer().AnalyzeAsync("It has a sleek premium aluminum design that makes it beautiful to look at.", "en", CancellationToken.None);

        Assert.Equal(ToneLabel.Positive, tone.Label);
        Assert.Equal(0.99, tone.Compound, 4);
        var target = Assert.Single(tone.Targets);
        Assert.Equal("design", target.Text);
        Assert.Equal(["sleek", "beautiful"], target.Assessments);
    }

    [Fact]
    public async Task Recording_03_negated_assessment_is_shared_by_two_targets_and_flags_come_from_our_detector()
    {
        _server.Respond("03-opinion-mining-negated.json");
        var tone = await Analyzer().AnalyzeAsync("The food and service are not good and I got food poisoning", "en", CancellationToken.None);

        Assert.Equal(ToneLabel.Negative, tone.Label);
        Assert.Equal(-1.0, tone.Compound);
        Assert.Equal(["food", "service"], tone.Targets.Select(t => t.Text));
        Assert.All(tone.Targets, t => Assert.Equal(["not good"], t.Assessments));
        Assert.True(tone.Has(ToneFlag.SafetyOrHealth));
    }

    [Fact]
    public async Task Recording_04_failed_documents_get_no_score_and_the_rest_are_scored()
    {
        _server.Respond("04-document-errors-empty-text-and-bad-language.json");
        var results = await Analyzer().AnalyzeBatchAsync(RecordedDocuments("04-document-errors-empty-text-and-bad-language.json"), CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.False(results[0].HasScore);
        Assert.Equal("InvalidDocument", results[0].ErrorCode);
        Assert.False(results[1].HasScore);
        Assert.Equal("UnsupportedLanguageCode", results[1].ErrorCode);
        Assert.Equal(ToneLabel.Positive, results[2].Assessment!.Label);
        Assert.Equal("1d4b7477-f9ea-4877-b21d-b866b330af57", results[2].RequestId);
    }

    [Fact]
    public async Task Recording_05_a_rejected_request_leaves_every_document_without_a_score_and_logs_the_request_id()
    {
        _server.Respond("05-request-error-too-many-documents.json");
        var results = await Analyzer().AnalyzeBatchAsync([new ToneDocument("a", "one"), new ToneDocument("b", "two")], CancellationToken.None);

        Assert.All(results, r => Assert.Equal("Http400", r.ErrorCode));
        var warning = Assert.Single(_logger.Entries, e => e.EventId.Id == 4102);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("InvalidDocumentBatch", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_06_a_document_error_on_a_chat_turn_falls_back_to_the_local_analyzer()
    {
        // Recording 06 (every document rejected), with its first error's id changed from "1" to "0", the id of a single-text call.
        _server.Respond("06-document-errors-too-long-empty-bad-language.json", body => body.Replace("\"id\":\"1\"", "\"id\":\"0\"", StringComparison.Ordinal));
        var tone = await Analyzer().AnalyzeAsync("The breakfast arrived cold and I'm done with you.", "en", CancellationToken.None);

        Assert.Equal("local-service", tone.Analyzer);
        Assert.Equal(ToneLabel.Negative, tone.Label);
        Assert.True(tone.Has(ToneFlag.ChurnRisk));
        var warning = Assert.Single(_logger.Entries, e => e.EventId.Id == 4103);
        Assert.Contains("InvalidDocument", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("breakfast", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_07_throttling_is_retried_after_Retry_After_within_the_budget()
    {
        _server.Respond("07-throttled-429.json").Respond("02-opinion-mining-single-positive.json");
        var tone = await Analyzer(budget: TimeSpan.FromSeconds(10)).AnalyzeAsync("It has a sleek premium aluminum design.", "en", CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.StartsWith("azure-language:", tone.Analyzer, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Recording_07_throttling_longer_than_the_turn_budget_falls_back_to_the_local_analyzer_at_once_with_a_warning()
    {
        // The clock does not move: the fallback comes from weighing Retry-After (1 s) against the budget, not from waiting.
        _server.Respond("07-throttled-429.json");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var tone = await Analyzer(budget: TimeSpan.FromMilliseconds(500), clock: clock).AnalyzeAsync("The room was filthy.", "en", CancellationToken.None);

        Assert.Equal("local-service", tone.Analyzer);
        Assert.Equal(ToneLabel.Negative, tone.Label);
        Assert.Single(_server.Requests);
        var warning = Assert.Single(_logger.Entries, e => e.EventId.Id == 4106);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("335f2f2b-627e-41d6-b5e9-f191dab9e79b", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("filthy", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_within_the_turn_budget_is_abandoned_for_the_local_analyzer()
    {
        var never = new TaskCompletionSource();
        _server.RespondAfter(never.Task, "02-opinion-mining-single-positive.json");
        var tone = await Analyzer(budget: TimeSpan.FromMilliseconds(200)).AnalyzeAsync("The room was filthy.", "en", CancellationToken.None);

        Assert.Equal("local-service", tone.Analyzer);
        var warning = Assert.Single(_logger.Entries, e => e.EventId.Id == 4101);
        Assert.Equal(LogLevel.Warning, warning.Level);
        never.SetResult();
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_the_budget()
    {
        _server.RespondAfter(new TaskCompletionSource().Task, "02-opinion-mining-single-positive.json");
        using var cts = new CancellationTokenSource();
        var call = Analyzer().AnalyzeAsync("hello", "en", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Recording_07_throttling_after_the_last_retry_leaves_documents_without_a_score()
    {
        _server.Respond("07-throttled-429.json");
        var results = await Analyzer(maxRetries: 0).AnalyzeBatchAsync([new ToneDocument("x", "hello")], CancellationToken.None);
        Assert.Equal("Http429", Assert.Single(results).ErrorCode);
        Assert.Equal("335f2f2b-627e-41d6-b5e9-f191dab9e79b", results[0].RequestId);
    }

    [Fact]
    public async Task Recording_08_resolves_refs_into_every_document_including_the_seventh()
    {
        _server.Respond("08-opinion-mining-batch-seven-docs.json");
        var results = await Analyzer().AnalyzeBatchAsync(RecordedDocuments("08-opinion-mining-batch-seven-docs.json"), CancellationToken.None);

        Assert.Equal(7, results.Count);
        var ac = Assert.Single(results[1].Assessment!.Targets, t => t.Text == "AC");
        Assert.Equal(["good", "quiet"], ac.Assessments);
        var toilet = Assert.Single(results[2].Assessment!.Targets, t => t.Text == "toilet");
        Assert.Equal(ToneLabel.Negative, toilet.Sentiment);
        Assert.Equal(["smelly"], toilet.Assessments);
        Assert.Equal(["smelled"], Assert.Single(results[6].Assessment!.Targets).Assessments);
        Assert.Equal("The AC was good and quiet.", results[1].Assessment!.Sentences[1].Text);
    }

    [Fact]
    public async Task Batches_are_sent_ten_documents_per_request_and_come_back_in_order()
    {
        // Synthetic responses: every document of the request scored positive (shape of recording 02).
        _server.Respond(request => new RecordedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            JsonSerializer.Serialize(new
            {
                kind = "SentimentAnalysisResults",
                results = new
                {
                    documents = request.Documents.Select(d => new
                    {
                        id = d.GetProperty("id").GetString(),
                        sentiment = "positive",
                        confidenceScores = new { positive = 0.9, neutral = 0.1, negative = 0.0 },
                        sentences = Array.Empty<object>(),
                        warnings = Array.Empty<object>(),
                    }),
                    errors = Array.Empty<object>(),
                    modelVersion = "2022-10-01",
                },
            })));
        var documents = Enumerable.Range(0, 23).Select(i => new ToneDocument($"d{i}", $"text {i}")).ToArray();
        var results = await Analyzer().AnalyzeBatchAsync(documents, CancellationToken.None);

        Assert.Equal([10, 10, 3], _server.Requests.Select(r => r.Documents.Length));
        Assert.Equal(documents.Select(d => d.Id), results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(ToneLabel.Positive, r.Assessment!.Label));
    }

    [Fact]
    public async Task Duplicate_caller_ids_are_replaced_by_positions_on_the_wire()
    {
        _server.Respond("08-opinion-mining-batch-seven-docs.json");
        var results = await Analyzer().AnalyzeBatchAsync([new ToneDocument("same", "a"), new ToneDocument("same", "b")], CancellationToken.None);

        Assert.Equal(["0", "1"], _server.Requests.Single().Documents.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(["same", "same"], results.Select(r => r.Id));
        Assert.Equal([ToneLabel.Negative, ToneLabel.Positive], results.Select(r => r.Assessment!.Label));
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("es_ES", "es")]
    [InlineData("zh-Hans", "zh-Hans")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData(null, null)]
    public void Chat_locales_become_service_language_codes(string? locale, string? expected) =>
        Assert.Equal(expected, AzureLanguageToneAnalyzer.ServiceLanguage(locale));
}
