namespace ServiceRecoveryBot.BrowserTests;

/// <summary>A fact that needs Debian's chromium; skipped, saying how to get it, when /usr/bin/chromium is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (scripts/test.sh does when run as root).";
    }
}
