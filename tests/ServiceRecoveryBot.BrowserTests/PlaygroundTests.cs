using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns.References;
using static Microsoft.Playwright.Assertions;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// Teams as Microsoft's own emulator shows it: the bot on Azurite, the Microsoft 365 Agents Playground (channel msteams)
/// in front of it, its web page driven in Debian's chromium. Personal chat only; the Playground's user (Alex Wilber,
/// user-id-0) is both the staff member and the team's manager. Nothing the page asks for beyond loopback is fetched.
/// </summary>
public sealed partial class PlaygroundTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const float StepTimeout = 20_000;
    private const string TeamKey = "msteams:00000000-0000-0000-0000-0000000000001";
    private const string UserId = "user-id-0";

    [PlaygroundFact]
    public async Task An_incident_walked_by_buttons_an_approval_and_a_question_in_the_playgrounds_personal_chat()
    {
        var started = Stopwatch.StartNew();
        using var server = new LiveBotServer(azurite, new Dictionary<string, string?>
        {
            ["Managers:Teams:0:TeamKey"] = TeamKey,
            ["Managers:Teams:0:UserIds:0"] = UserId,
        });
        using var playground = await PlaygroundProcess.StartAsync(server.Start(), CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(StepTimeout);
        SetDefaultExpectTimeout(StepTimeout);

        // The page asks for fonts on a CDN: nothing beyond loopback is fetched, and those refusals are the only errors allowed.
        var blocked = new List<string>();
        var pageErrors = new List<string>();
        var consoleErrors = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback) await route.ContinueAsync();
            else
            {
                lock (blocked) blocked.Add(url.AbsoluteUri);
                await route.AbortAsync();
            }
        });
        page.PageError += (_, error) => { lock (pageErrors) pageErrors.Add(error); };
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            var from = message.Location is { Length: > 0 } location && Uri.TryCreate(location, UriKind.Absolute, out var at) ? at : null;
            if (from is not null && !from.IsLoopback) return; // a CDN font or worklet refused above
            lock (consoleErrors) consoleErrors.Add(message.Text);
        };

        var screenshot = HeadlessBrowser.ScreenshotPath("playground.png");
        try
        {
            await page.GotoAsync(playground.Address.ToString());
            // Installed: the Playground sends installationUpdate and conversationUpdate, and the bot says hello once.
            await Expect(page.GetByText("Tell me what went wrong", new() { Exact = false }).First).ToBeVisibleAsync();

            await SayAsync(page, "guest at table 12 is furious, steak overcooked twice");
            await PressAsync(page, "Change what's wrong, then Log it", "Walk me through it");
            await PressAsync(page, "Looks like", "Product or food quality (suggested)");
            await Expect(Card(page, "✓ Product or food quality (suggested)")).ToBeVisibleAsync(); // the choice stays on the pressed card
            await PressAsync(page, "What kind of customer?", "Regular");
            await PressAsync(page, "What did the customer say", "Skip");
            await PressAsync(page, "Severity:", "S4 critical");
            await PressAsync(page, "1. Apologize", "Done, I apologised");
            await PressAsync(page, "2. Listen and empathize", "Skip");
            await PressAsync(page, "3. Fair fix", "Replace it straight away, prepared fresh");
            await PressAsync(page, "4. Atonement", "Dessert or a drink on the house (needs approval)");

            // The manager's approval card (in this same chat): Approve updates it, and the staff member hears in their live chat.
            await PressAsync(page, "Approval needed", "Approve");
            await Expect(Card(page, "Approved by Alex Wilber").Last).ToBeVisibleAsync();
            await Expect(page.GetByText("Good news: Alex Wilber approved Dessert or a drink on the house", new() { Exact = false }).First).ToBeVisibleAsync();

            await PressAsync(page, "5. Keep promises", "Skip");
            await PressAsync(page, "6. Follow up", DefaultFollowUp());
            var summary = Card(page, "Time to fix").Last;
            await Expect(summary).ToBeVisibleAsync();
            var caseId = CaseId.TryParse(CaseIdPattern().Match(await summary.InnerTextAsync()).Value) ?? throw new Xunit.Sdk.XunitException("No case id on the closing summary.");

            // A guidance question gets guidance (the billing playbook, step by step), not a case.
            await SayAsync(page, "how do I handle a double charge?");
            await Expect(page.GetByText("next / back", new() { Exact = false }).Last).ToBeVisibleAsync();

            var saved = await server.Services.GetRequiredService<ICaseStore>().FindAsync(TeamKey, caseId, CancellationToken.None);
            Assert.NotNull(saved);
            Assert.Equal(CaseStatus.AwaitingFollowUp, saved.Status);
            Assert.Equal((FailureCategory.ProductOrFoodQuality, CustomerTier.Regular, 4), (saved.Category!.Value, saved.Customer!.Tier, saved.Severity!.Value));
            Assert.Equal(ApprovalState.Approved, saved.Atonement?.Approval);
            Assert.Equal("Replace it straight away, prepared fresh", saved.FixDone);

            // Uninstalled (the Playground's mock installationUpdate remove): the bot forgets the chat.
            var references = server.Services.GetRequiredService<IConversationReferenceStore>();
            Assert.Contains(await references.ListAsync(TeamKey, CancellationToken.None), r => r.Kind == ReferenceKind.User && r.Reference.User?.Id == UserId);
            await MockAsync(page, "Uninstall application");
            await WaitUntilAsync(async () => !(await references.ListAsync(TeamKey, CancellationToken.None)).Any(r => r.Reference.User?.Id == UserId), "the chat's reference was forgotten");

            // Installed again: the chat is remembered, and the hello comes once more.
            var hello = page.GetByText("Tell me what went wrong", new() { Exact = false });
            var hellos = await hello.CountAsync();
            await MockAsync(page, "Install application");
            await WaitUntilAsync(async () => await hello.CountAsync() > hellos, "the hello came again"); // in the chat, and in the Playground's log
            await WaitUntilAsync(async () => (await references.ListAsync(TeamKey, CancellationToken.None)).Any(r => r.Reference.User?.Id == UserId), "the chat's reference was stored again");

            Assert.Empty(pageErrors);
            Assert.Empty(consoleErrors);
            Assert.All(blocked, url => Assert.False(new Uri(url).IsLoopback));
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }
        Console.WriteLine($"Playground test: {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The latest card showing <paramref name="text"/>.</summary>
    private static ILocator Card(IPage page, string text) => page.Locator(".ac-adaptiveCard").Filter(new() { HasText = text });

    /// <summary>Presses the choice on the latest card asking <paramref name="question"/> (a button, or a row whose text wraps).</summary>
    private static Task PressAsync(IPage page, string question, string choice) => PressAsync(page, question, new Regex("^" + Regex.Escape(choice) + "$"));

    private static async Task PressAsync(IPage page, string question, Regex choice)
    {
        var card = Card(page, question).Last;
        await Expect(card).ToBeVisibleAsync();
        var target = card.GetByText(choice).First;
        await target.ClickAsync();
        await Expect(card.GetByText(choice)).ToHaveCountAsync(0); // the pressed card shows the choice alone, or the next card came
    }

    /// <summary>Sends one of the Playground's mock activities ("Install application", "Uninstall application") as it is.</summary>
    private static async Task MockAsync(IPage page, string which)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Mock an Activity" }).ClickAsync();
        await page.GetByText(which, new() { Exact = true }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send activity" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox).First;
        await box.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(text, new() { Exact = true }).First).ToBeVisibleAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromMilliseconds(StepTimeout)) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"\(default\)$")]
    private static partial Regex DefaultFollowUp();

    [GeneratedRegex(@"SR-[0-9A-Z]{4}")]
    private static partial Regex CaseIdPattern();
}

/// <summary>A fact that needs Debian's chromium and the Agents Playground installed; skipped, saying how to get them, without.</summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public PlaygroundFactAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
            Skip = $"{ChromiumFactAttribute.ChromiumPath} is missing: install it with `apt-get install -y chromium` (scripts/test.sh does when run as root).";
        else if (!File.Exists(PlaygroundProcess.Cli))
            Skip = $"The Agents Playground is not installed: run `npm ci` in {PlaygroundProcess.PackageFolder} (scripts/test.sh does).";
    }
}
