using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Sentiment;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>
    /// Tone analysis: <see cref="SentimentOptions"/> from section "Sentiment" (validated at start), the VADER lexicon
    /// (loaded once), <see cref="ToneFlagDetector"/>, <see cref="LocalToneAnalyzer"/>, <see cref="AzureLanguageToneAnalyzer"/>
    /// on an Azure.Core pipeline over the named HttpClient <see cref="AzureLanguageToneAnalyzer.HttpClientName"/>, and
    /// <see cref="ISentimentAnalyzer"/> = the one <c>Sentiment:Analyzer</c> names (local by default).
    /// </summary>
    public static IServiceCollection AddToneAnalysis(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SentimentOptions>().BindConfiguration(SentimentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SentimentOptions>, SentimentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(AzureLanguageToneAnalyzer.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan); // Azure.Core times each attempt

        services.TryAddSingleton(sp => VaderLexicon.Load(VaderLexicon.ResolvePath(sp.GetRequiredService<IOptions<SentimentOptions>>().Value.LexiconPath)));
        services.TryAddSingleton<ToneFlagDetector>();
        services.TryAddSingleton(sp => new LocalToneAnalyzer(
            new VaderAnalyzer(sp.GetRequiredService<VaderLexicon>(), sp.GetRequiredService<IOptions<SentimentOptions>>().Value.Mode),
            sp.GetRequiredService<ToneFlagDetector>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SentimentOptions>>();
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureLanguageToneAnalyzer.HttpClientName);
            return new AzureLanguageToneAnalyzer(
                AzureLanguageToneAnalyzer.CreatePipeline(options.Value.Azure, new HttpClientTransport(http)),
                options,
                sp.GetRequiredService<LocalToneAnalyzer>(),
                sp.GetRequiredService<ToneFlagDetector>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AzureLanguageToneAnalyzer>>());
        });
        services.TryAddSingleton<ISentimentAnalyzer>(sp =>
            sp.GetRequiredService<IOptions<SentimentOptions>>().Value.Analyzer == SentimentAnalyzerKind.Azure
                ? sp.GetRequiredService<AzureLanguageToneAnalyzer>()
                : sp.GetRequiredService<LocalToneAnalyzer>());
        return services;
    }
}
