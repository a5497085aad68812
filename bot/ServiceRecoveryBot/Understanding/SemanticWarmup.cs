using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// Loads the sentence model and encodes the examples once, on a low-priority background thread, so that start-up and
/// turns never wait for it: the seam answers lexically until <see cref="SemanticMatcher.IsReady"/>.
/// </summary>
public sealed partial class SemanticWarmup(SemanticMatcher matcher, IOptions<UnderstandingOptions> options, TimeProvider clock, ILogger<SemanticWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Model == UnderstandingModel.None) return Task.CompletedTask;
        var thread = new Thread(Load) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "sentence-model" };
        thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Load()
    {
        var started = clock.GetTimestamp();
        try
        {
            matcher.Load();
            Loaded(logger, clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TypeInitializationException or DllNotFoundException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            Failed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Sentence model loaded and examples encoded in {Milliseconds:0} ms")]
    private static partial void Loaded(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Sentence model failed to load; understanding stays lexical")]
    private static partial void Failed(ILogger logger, Exception exception);
}
