using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>Fails start-up on settings that would only break on the first message.</summary>
public sealed class SentimentOptionsValidator : IValidateOptions<SentimentOptions>
{
    public ValidateOptionsResult Validate(string? name, SentimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add("Sentiment:Mode must be 'service' or 'vader'.");
        }

        if (!string.IsNullOrWhiteSpace(options.LexiconPath) && !File.Exists(options.LexiconPath))
        {
            failures.Add($"Sentiment:LexiconPath '{options.LexiconPath}' does not exist.");
        }

        var azure = options.Azure;
        if (options.Analyzer == SentimentAnalyzerKind.Azure)
        {
            if (azure.Endpoint is not { IsAbsoluteUri: true } endpoint)
            {
                failures.Add("Sentiment:Azure:Endpoint is required (absolute URI) when Sentiment:Analyzer is 'azure'.");
            }
            else if (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
            {
                failures.Add("Sentiment:Azure:Endpoint must use https (plain http is accepted for loopback only).");
            }
        }
        else if (options.Analyzer != SentimentAnalyzerKind.Local)
        {
            failures.Add("Sentiment:Analyzer must be 'local' or 'azure'.");
        }

        if (string.IsNullOrWhiteSpace(azure.ApiVersion))
        {
            failures.Add("Sentiment:Azure:ApiVersion must not be empty.");
        }

        if (azure.TurnBudget <= TimeSpan.Zero || azure.TurnBudget > TimeSpan.FromSeconds(30))
        {
            failures.Add("Sentiment:Azure:TurnBudget must be between 0 and 30 seconds.");
        }

        if (azure.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Sentiment:Azure:Timeout must be positive.");
        }

        if (azure.MaxRetries is < 0 or > 10)
        {
            failures.Add("Sentiment:Azure:MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
