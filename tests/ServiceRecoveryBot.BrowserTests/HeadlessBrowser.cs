using Microsoft.Playwright;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>What every browser test shares: Debian's chromium launched headless and quiet, and where screenshots go.</summary>
internal static class HeadlessBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>TestResults/browser/<paramref name="name"/> at the repository root, or under BROWSER_TEST_RESULTS when set.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("BROWSER_TEST_RESULTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AzuriteFixture.RepoRoot(), "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>A README screenshot: written when missing, or refreshed when UPDATE_DOCS_SCREENSHOT=1, so test runs leave the tree clean.</summary>
    public static void PublishToDocs(string screenshot, string name)
    {
        var docs = Path.Combine(AzuriteFixture.RepoRoot(), "docs", "screenshots", name);
        if (File.Exists(docs) && Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOT") != "1") return;
        Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
        File.Copy(screenshot, docs, overwrite: true);
    }
}
