using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using ServiceRecoveryBot.Sentiment.Languages;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// Tone from Azure AI Language (<c>POST {endpoint}/language/:analyze-text</c>, kind SentimentAnalysis, opinion mining on,
/// UTF-16 offsets, service logging opted out) over an Azure.Core pipeline. At most 10 documents go in one request.
/// A rejected document gets no score; <see cref="AnalyzeAsync"/> then, and whenever the service fails or the turn budget
/// (<see cref="SentimentAzureOptions.TurnBudget"/>, which also caps 429 Retry-After waits) runs out, answers with the
/// local analyzer and logs a warning. Flags always come from our <see cref="ToneFlagDetector"/>; opinion-mining targets
/// become <see cref="ToneAssessment.Targets"/>.
/// </summary>
public sealed class AzureLanguageToneAnalyzer : ISentimentAnalyzer
{
    /// <summary>Documents per synchronous request (service limit).</summary>
    public const int MaxDocumentsPerRequest = 10;

    /// <summary>Entra ID token scope of Cognitive Services.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Name of the <see cref="System.Net.Http.HttpClient"/> the pipeline's transport uses.</summary>
    public const string HttpClientName = "AzureLanguage";

    private readonly HttpPipeline _pipeline;
    private readonly SentimentAzureOptions _options;
    private readonly LocalToneAnalyzer _fallback;
    private readonly ToneFlagDetector _flags;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public AzureLanguageToneAnalyzer(
        HttpPipeline pipeline,
        IOptions<SentimentOptions> options,
        LocalToneAnalyzer fallback,
        ToneFlagDetector flags,
        TimeProvider clock,
        ILogger<AzureLanguageToneAnalyzer> logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _pipeline = pipeline;
        _options = options.Value.Azure;
        _fallback = fallback;
        _flags = flags;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The Azure.Core pipeline: retries (429 honouring Retry-After, 408/5xx with back-off), then the key header
    /// <c>Ocp-Apim-Subscription-Key</c> when <see cref="SentimentAzureOptions.ApiKey"/> is set, otherwise a bearer token for
    /// <see cref="TokenScope"/> from <paramref name="credential"/> (default: <see cref="Operations.AzureIdentity.For"/> the
    /// configured managed identity).
    /// </summary>
    public static HttpPipeline CreatePipeline(SentimentAzureOptions options, HttpPipelineTransport? transport = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new AzureLanguageClientOptions(options);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy auth = !string.IsNullOrWhiteSpace(options.ApiKey)
            ? new SubscriptionKeyPolicy(new AzureKeyCredential(options.ApiKey))
            : new BearerTokenAuthenticationPolicy(credential ?? Operations.AzureIdentity.For(options.ManagedIdentityClientId), TokenScope);
        return HttpPipelineBuilder.Build(clientOptions, [], [auth], new ThrottlingAwareClassifier());
    }

    /// <summary>
    /// Scores one chat text within the turn budget; falls back to the local analyzer on any failure. The service is told
    /// the words' own language when they show it clearly (a guest's Spanish typed into an English chat), else the chat's.
    /// </summary>
    public async Task<ToneAssessment> AnalyzeAsync(string text, string? language, CancellationToken ct)
    {
        var detected = LanguageDetector.Detect(text);
        using var budget = new CancellationTokenSource(_options.TurnBudget, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        AzureToneResult result;
        try
        {
            var deadline = _clock.GetUtcNow() + _options.TurnBudget;
            result = (await SendAsync([new ToneDocument("0", text ?? string.Empty, detected ?? language)], deadline, linked.Token).ConfigureAwait(false))[0];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            ToneLog.TurnBudgetExceeded(_logger, _options.TurnBudget.TotalMilliseconds);
            return _fallback.Analyze(text, language);
        }

        if (result.Assessment is { } assessment)
        {
            return assessment with { Language = detected ?? LanguageDetector.LanguageOf(language) };
        }

        // Request-level failures were logged where they happened; a document the service rejected is logged here.
        if (result.ErrorCode is not { } code || (!code.StartsWith("Http", StringComparison.Ordinal) && code != "Network"))
        {
            ToneLog.DocumentNotScored(_logger, result.ErrorCode, result.RequestId);
        }

        return _fallback.Analyze(text, language);
    }

    /// <summary>
    /// Scores many texts, 10 per request, in order. No turn budget applies (use <paramref name="ct"/>); a document the
    /// service could not score comes back without an assessment and with its error code.
    /// </summary>
    public async Task<IReadOnlyList<AzureToneResult>> AnalyzeBatchAsync(IReadOnlyList<ToneDocument> documents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new List<AzureToneResult>(documents.Count);
        for (int start = 0; start < documents.Count; start += MaxDocumentsPerRequest)
        {
            int count = Math.Min(MaxDocumentsPerRequest, documents.Count - start);
            var chunk = new ToneDocument[count];
            for (int i = 0; i < count; i++)
            {
                chunk[i] = documents[start + i];
            }

            results.AddRange(await SendAsync(chunk, null, ct).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// One request of at most 10 documents, joined back by id (the caller's ids when unique, else the positions).
    /// A 429 is retried here rather than in Azure.Core so its Retry-After can be weighed against the turn
    /// <paramref name="deadline"/>: a wait that would pass the deadline is not started (without a deadline, waits are capped at
    /// <see cref="MaxRetryAfterWithoutBudget"/>). Other transient failures are retried by the pipeline.
    /// </summary>
    private async Task<AzureToneResult[]> SendAsync(ToneDocument[] chunk, DateTimeOffset? deadline, CancellationToken ct)
    {
        var wireIds = WireIds(chunk);
        var body = WriteBody(chunk, wireIds);
        for (int attempt = 0; ; attempt++)
        {
            using var message = _pipeline.CreateMessage();
            var request = message.Request;
            request.Method = RequestMethod.Post;
            request.Uri.Reset(_options.Endpoint ?? throw new InvalidOperationException("Sentiment:Azure:Endpoint is not set."));
            request.Uri.AppendPath("/language/:analyze-text", escape: false);
            request.Uri.AppendQuery("api-version", _options.ApiVersion, escapeValue: true);
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            request.Headers.Add(HttpHeader.Names.Accept, "application/json");
            request.Content = RequestContent.Create(body);

            try
            {
                await _pipeline.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex)
            {
                // Network failures after the pipeline's retries (no HTTP response at all).
                ToneLog.Unreachable(_logger, ex.ErrorCode ?? ex.GetType().Name);
                return Failed(chunk, "Network", null);
            }

            var response = message.Response;
            string? requestId = response.Headers.TryGetValue("apim-request-id", out var id) ? id : null;
            if (response.Status == 429 && attempt < _options.MaxRetries)
            {
                var wait = RetryAfter(response);
                if (deadline is { } due && _clock.GetUtcNow() + wait > due)
                {
                    ToneLog.ThrottledBeyondBudget(_logger, wait.TotalSeconds, requestId);
                    return Failed(chunk, "Http429", requestId);
                }

                if (deadline is null && wait > MaxRetryAfterWithoutBudget)
                {
                    ToneLog.RequestFailed(_logger, 429, "RetryAfterTooLong", requestId, chunk.Length);
                    return Failed(chunk, "Http429", requestId);
                }

                await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
                continue;
            }

            if (response.Status != 200)
            {
                ToneLog.RequestFailed(_logger, response.Status, ReadErrorCode(response.Content), requestId, chunk.Length);
                return Failed(chunk, "Http" + response.Status.ToString(CultureInfo.InvariantCulture), requestId);
            }

            return Map(chunk, wireIds, response.Content, requestId);
        }
    }

    /// <summary>The longest Retry-After honoured by batch calls, which have no turn budget.</summary>
    public static readonly TimeSpan MaxRetryAfterWithoutBudget = TimeSpan.FromSeconds(60);

    /// <summary>Retry-After in seconds or as an HTTP date; one second when absent or unreadable.</summary>
    private TimeSpan RetryAfter(Response response)
    {
        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - _clock.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return TimeSpan.FromSeconds(1);
    }

    private static AzureToneResult[] Failed(ToneDocument[] chunk, string code, string? requestId) =>
        Array.ConvertAll(chunk, d => new AzureToneResult(d.Id, null, code, requestId));

    private static string[] WireIds(ToneDocument[] chunk)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        bool usable = true;
        foreach (var document in chunk)
        {
            usable &= !string.IsNullOrEmpty(document.Id) && ids.Add(document.Id);
        }

        return usable ? Array.ConvertAll(chunk, d => d.Id) : Enumerable.Range(0, chunk.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private BinaryData WriteBody(ToneDocument[] chunk, string[] wireIds)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "SentimentAnalysis");
            json.WriteStartObject("analysisInput");
            json.WriteStartArray("documents");
            for (int i = 0; i < chunk.Length; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", wireIds[i]);
                json.WriteString("text", chunk[i].Text);
                if (ServiceLanguage(chunk[i].Language) is { } language)
                {
                    json.WriteString("language", language);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("parameters");
            if (!string.IsNullOrWhiteSpace(_options.ModelVersion))
            {
                json.WriteString("modelVersion", _options.ModelVersion);
            }

            json.WriteBoolean("opinionMining", true);
            json.WriteString("stringIndexType", "Utf16CodeUnit");
            json.WriteBoolean("loggingOptOut", true);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    /// <summary>Chat locales ("en-US", "es-ES") become the service's codes ("en", "es"); script and Portuguese variants stay.</summary>
    internal static string? ServiceLanguage(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        if (locale.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) || locale.Equals("pt-BR", StringComparison.OrdinalIgnoreCase)
            || locale.Equals("pt-PT", StringComparison.OrdinalIgnoreCase))
        {
            return locale;
        }

        int dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).ToLowerInvariant();
    }

    private static string? ReadErrorCode(BinaryData content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content.ToMemory());
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.TryGetProperty("innererror", out var inner) && inner.TryGetProperty("code", out var innerCode))
                {
                    return innerCode.GetString();
                }

                return error.TryGetProperty("code", out var code) ? code.ToString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway page); the status says enough.
        }

        return null;
    }

    private AzureToneResult[] Map(ToneDocument[] chunk, string[] wireIds, BinaryData content, string? requestId)
    {
        var results = new AzureToneResult?[chunk.Length];
        using var json = JsonDocument.Parse(content.ToMemory());
        var root = json.RootElement;
        var body = root.TryGetProperty("results", out var r) ? r : root; // analyze-text wraps; v3.x does not
        string modelVersion = body.TryGetProperty("modelVersion", out var mv) ? mv.GetString() ?? "unknown" : "unknown";
        var documents = body.TryGetProperty("documents", out var docs) && docs.ValueKind == JsonValueKind.Array ? docs : default;

        if (documents.ValueKind == JsonValueKind.Array)
        {
            foreach (var document in documents.EnumerateArray())
            {
                if (IndexOf(document, wireIds) is int index)
                {
                    results[index] = new AzureToneResult(chunk[index].Id, ToAssessment(document, documents, chunk[index].Text, modelVersion), null, requestId);
                }
            }
        }

        if (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (IndexOf(error, wireIds) is int index && error.TryGetProperty("error", out var detail))
                {
                    string? code = detail.TryGetProperty("innererror", out var inner) && inner.TryGetProperty("code", out var ic)
                        ? ic.GetString()
                        : detail.TryGetProperty("code", out var c) ? c.ToString() : null;
                    results[index] = new AzureToneResult(chunk[index].Id, null, code ?? "Unknown", requestId);
                }
            }
        }

        for (int i = 0; i < results.Length; i++)
        {
            results[i] ??= new AzureToneResult(chunk[i].Id, null, "Missing", requestId);
        }

        return results!;
    }

    private static int? IndexOf(JsonElement element, string[] wireIds)
    {
        if (element.TryGetProperty("id", out var id) && id.GetString() is { } value)
        {
            int index = Array.IndexOf(wireIds, value);
            return index >= 0 ? index : null;
        }

        return null;
    }

    private ToneAssessment ToAssessment(JsonElement document, JsonElement allDocuments, string text, string modelVersion)
    {
        var (positive, neutral, negative) = Scores(document);
        var sentences = new List<SentenceTone>();
        var targets = new List<OpinionTarget>();
        if (document.TryGetProperty("sentences", out var sentenceArray) && sentenceArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var sentence in sentenceArray.EnumerateArray())
            {
                var (sp, _, sn) = Scores(sentence);
                sentences.Add(new SentenceTone(
                    (sentence.TryGetProperty("text", out var st) ? st.GetString() : null)?.Trim() ?? string.Empty,
                    Math.Round(sp - sn, 4), Label(sentence)));
                if (sentence.TryGetProperty("targets", out var targetArray) && targetArray.ValueKind == JsonValueKind.Array)
                {
                    foreach (var target in targetArray.EnumerateArray())
                    {
                        targets.Add(new OpinionTarget(
                            target.TryGetProperty("text", out var tt) ? tt.GetString() ?? string.Empty : string.Empty,
                            Label(target), ResolveAssessments(target, allDocuments)));
                    }
                }
            }
        }

        return new ToneAssessment(
            Math.Round(positive - negative, 4), Label(document), positive, neutral, negative, sentences, _flags.Detect(text), "azure-language:" + modelVersion)
        {
            Targets = targets,
        };
    }

    /// <summary>Follows "#/documents/{d}/sentences/{s}/assessments/{a}" refs (d is the position in results.documents); skips dangling ones.</summary>
    private static string[] ResolveAssessments(JsonElement target, JsonElement documents)
    {
        if (!target.TryGetProperty("relations", out var relations) || relations.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var words = new List<string>();
        foreach (var relation in relations.EnumerateArray())
        {
            if (!relation.TryGetProperty("relationType", out var type) || type.GetString() != "assessment"
                || !relation.TryGetProperty("ref", out var reference) || reference.GetString() is not { } pointer)
            {
                continue;
            }

            var parts = pointer.Split('/');
            if (parts.Length != 7 || parts[0] != "#" || parts[1] != "documents" || parts[3] != "sentences" || parts[5] != "assessments"
                || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out int d) || !int.TryParse(parts[4], CultureInfo.InvariantCulture, out int s)
                || !int.TryParse(parts[6], CultureInfo.InvariantCulture, out int a)
                || d < 0 || d >= documents.GetArrayLength())
            {
                continue;
            }

            if (documents[d].TryGetProperty("sentences", out var sentences) && s >= 0 && s < sentences.GetArrayLength()
                && sentences[s].TryGetProperty("assessments", out var assessments) && a >= 0 && a < assessments.GetArrayLength())
            {
                var assessment = assessments[a];
                string word = assessment.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                bool negated = assessment.TryGetProperty("isNegated", out var n) && n.ValueKind == JsonValueKind.True;
                words.Add(negated ? "not " + word : word);
            }
        }

        return [.. words];
    }

    private static (double Positive, double Neutral, double Negative) Scores(JsonElement element)
    {
        if (!element.TryGetProperty("confidenceScores", out var scores))
        {
            return (0, 0, 0);
        }

        static double Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetDouble(out double d) ? d : 0;
        return (Get(scores, "positive"), Get(scores, "neutral"), Get(scores, "negative"));
    }

    private static ToneLabel Label(JsonElement element) =>
        (element.TryGetProperty("sentiment", out var s) ? s.GetString() : null) switch
        {
            "positive" => ToneLabel.Positive,
            "negative" => ToneLabel.Negative,
            "mixed" => ToneLabel.Mixed,
            _ => ToneLabel.Neutral,
        };
}
