using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Channels;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>The real conversation pipeline with in-memory stores and a fake clock.</summary>
public sealed class BotHarness : IDisposable
{
    private readonly ServiceProvider provider;

    /// <param name="configure">Further registrations, after the harness's own (a capturing logger, say).</param>
    public BotHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        // These transcripts walk the coached walk question by question unless a test asks for the quick path.
        var all = new Dictionary<string, string?> { ["Recovery:Walk"] = "Coached" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddToneAnalysis().AddRecoveryConversations().AddTurns().AddBotChannels();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IConversationStateStore>(States);
        services.AddSingleton<ICaseStore>(Cases);
        services.AddSingleton<IConversationReferenceStore>(References);
        services.AddSingleton<ITeamDirectory, InMemoryTeamDirectory>();
        services.AddSingleton<IReminderScheduler>(Reminders);
        services.AddSingleton<IAggregateStore>(Figures);
        services.AddSingleton<ICaseArchive>(new InMemoryCaseArchive(Cases));
        services.AddInsights();
        configure?.Invoke(services);
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero));
    public InMemoryConversationStateStore States { get; } = new();
    public InMemoryCaseStore Cases { get; } = new();
    public InMemoryConversationReferenceStore References { get; } = new();
    public RecordingReminderScheduler Reminders { get; } = new();
    public InMemoryAggregateStore Figures { get; } = new();

    public TurnProcessor Turns => provider.GetRequiredService<TurnProcessor>();

    /// <param name="channelId">"test" gets text prompts; a card channel ("webchat", "msteams") gets Adaptive Cards.</param>
    /// <param name="locale">The activity's locale, as Teams and Web Chat send it ("es-ES" gets the Spanish catalog).</param>
    public ChatDriver Chat(string conversationId = "conv-1", string user = "staff-1", string channelId = "test", string locale = "en-US") =>
        new(Turns, provider.GetRequiredService<LocalChannel>(), conversationId, user, channelId, locale);

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public void Dispose() => provider.Dispose();
}
