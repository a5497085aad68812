using System.Reflection;
using System.Text.RegularExpressions;
using ServiceRecoveryBot.Protocol.Authentication;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.DeploymentTests.Infra;

/// <summary>Every app setting the Bicep gives the web app is read by something: a setting the bot ignores is a silent misconfiguration.</summary>
public sealed partial class InfraAppSettingsTests
{
    /// <summary>Read by the Azure SDKs and OpenTelemetry themselves, not by the bot's options.</summary>
    private static readonly HashSet<string> PlatformSettings = ["AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "OTEL_SERVICE_NAME"];

    /// <summary>Where each configuration section binds (the root is bound to the Bot Framework credentials).</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = typeof(BotAuthenticationOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [SentimentOptions.Section] = typeof(SentimentOptions),
    };

    [Fact]
    public void Every_app_setting_in_the_Bicep_binds_to_a_bot_option()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "modules", "appService.bicep"));
        var names = AppSettingName().Matches(bicep).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(names);

        var unbound = names.Where(name => !PlatformSettings.Contains(name) && !Binds(name)).ToList();

        Assert.Empty(unbound);
    }

    [Fact]
    public void The_check_notices_a_setting_nothing_reads()
    {
        Assert.False(Binds("Sentiment__Azure__NoSuchSetting"));
        Assert.False(Binds("NoSuchSection__Endpoint"));
        Assert.True(Binds("Sentiment__Azure__Endpoint"));
    }

    private static bool Binds(string setting)
    {
        var path = setting.Split("__");
        var (section, properties) = path.Length == 1 ? ("", path) : (path[0], path[1..]);
        if (!Sections.TryGetValue(section, out var type)) return false;
        foreach (var name in properties)
        {
            if (type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not { CanWrite: true } property) return false;
            type = property.PropertyType;
        }
        return true;
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[A-Za-z0-9_]+)'\s*,\s*value:")]
    private static partial Regex AppSettingName();
}
