using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Testing;

namespace ServiceRecoveryBot.Tests.Reminders;

public sealed class ReminderServiceCollectionTests
{
    [Fact]
    public void The_scheduler_is_one_singleton_serving_as_scheduler_and_hosted_service()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Reminders:TickInterval"] = "00:00:10", ["Reminders:InstanceId"] = "bot-1" });
        var scheduler = provider.GetRequiredService<IReminderScheduler>();
        Assert.IsType<ReminderScheduler>(scheduler);
        Assert.Same(scheduler, provider.GetServices<IHostedService>().OfType<ReminderScheduler>().Single());
        Assert.Equal("bot-1", ((ReminderScheduler)scheduler).InstanceId);
        Assert.Equal(TimeSpan.FromSeconds(10), provider.GetRequiredService<IOptions<ReminderOptions>>().Value.TickInterval);
    }

    [Fact]
    public void Defaults_are_thirty_seconds_two_minutes_and_a_unique_instance_id()
    {
        using var provider = Build([]);
        var options = provider.GetRequiredService<IOptions<ReminderOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.TickInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), options.LeaseDuration);
        Assert.StartsWith(Environment.MachineName + "-", options.InstanceId, StringComparison.Ordinal);
        Assert.NotEqual(options.InstanceId, new ReminderOptions().InstanceId);
    }

    [Fact]
    public void The_handler_is_left_to_the_caller()
    {
        var services = new ServiceCollection().AddReminders();
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IReminderHandler));
    }

    [Theory]
    [InlineData("Reminders:TickInterval", "00:00:00")]
    [InlineData("Reminders:LeaseDuration", "00:00:20")]
    [InlineData("Reminders:InstanceId", "")]
    public void Bad_settings_fail_validation(string key, string value)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReminderOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true";
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddTableStorage()
            .AddReminders();
        services.AddSingleton<IReminderHandler>(new RecordingReminderHandler());
        return services.BuildServiceProvider();
    }
}
