using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

public sealed class SentimentServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Sentiment:LexiconPath", SentimentTestPaths.LexiconPath())))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddToneAnalysis();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_local_analyzer_in_service_mode_is_the_default()
    {
        await using var provider = Build();
        var analyzer = Assert.IsType<LocalToneAnalyzer>(provider.GetRequiredService<ISentimentAnalyzer>());
        Assert.Equal(SentimentMode.Service, analyzer.Mode);
        Assert.Same(provider.GetRequiredService<VaderLexicon>(), provider.GetRequiredService<VaderLexicon>());
    }

    [Fact]
    public async Task Configuration_chooses_vader_mode_and_the_azure_analyzer()
    {
        await using var provider = Build(("Sentiment:Mode", "vader"), ("Sentiment:Analyzer", "azure"),
            ("Sentiment:Azure:Endpoint", "https://example.cognitiveservices.azure.com"), ("Sentiment:Azure:ApiKey", "k"), ("Sentiment:Azure:TurnBudget", "00:00:01.5"));
        Assert.IsType<AzureLanguageToneAnalyzer>(provider.GetRequiredService<ISentimentAnalyzer>());
        Assert.Equal(SentimentMode.Vader, provider.GetRequiredService<LocalToneAnalyzer>().Mode);
        var options = provider.GetRequiredService<IOptions<SentimentOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Azure.TurnBudget);
        Assert.Equal("2025-11-01", options.Azure.ApiVersion);
    }

    [Theory]
    [InlineData("Sentiment:Analyzer", "azure")]
    [InlineData("Sentiment:Azure:TurnBudget", "00:00:00")]
    [InlineData("Sentiment:Azure:ApiVersion", " ")]
    public async Task Invalid_settings_fail_validation(string key, string value)
    {
        await using var provider = Build((key, value));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SentimentOptions>>().Value);
    }

    [Fact]
    public void Plain_http_endpoints_are_refused_unless_loopback()
    {
        var validator = new SentimentOptionsValidator();
        var options = new SentimentOptions { Analyzer = SentimentAnalyzerKind.Azure, Azure = { Endpoint = new Uri("http://example.com") } };
        Assert.True(validator.Validate(null, options).Failed);
        options.Azure.Endpoint = new Uri("http://127.0.0.1:5000");
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_lexicon_is_found_by_walking_up_from_a_directory()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(SentimentTestPaths.LexiconPath())))!;
        var nested = Path.Combine(root, "bot", "ServiceRecoveryBot", "Sentiment");
        Assert.NotNull(VaderLexicon.FindNpmLexicon([nested]));
        Assert.Null(VaderLexicon.FindNpmLexicon([Path.GetTempPath()]));
    }
}
