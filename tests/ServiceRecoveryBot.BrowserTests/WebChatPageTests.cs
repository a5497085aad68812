using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using static Microsoft.Playwright.Assertions;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// A staff member chats through a whole recovery in the local page with Microsoft's Web Chat client, clicking the
/// Adaptive Card buttons (each press shows as their message), and the case lands in Table Storage. Waits only on
/// Playwright locators, never on sleeps.
/// </summary>
public sealed partial class WebChatPageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const float StepTimeout = 20_000;

    /// <summary>The quick path on a phone-sized page: the words to say first, then one card, changed and logged in one press.</summary>
    [ChromiumFact]
    public async Task A_quick_recovery_on_a_phone_sized_web_chat_page_is_logged_from_one_card()
    {
        using var server = new LiveBotServer(azurite);
        var address = server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2 });
        page.SetDefaultTimeout(StepTimeout);
        SetDefaultExpectTimeout(StepTimeout);
        var screenshot = HeadlessBrowser.ScreenshotPath("webchat.png");
        try
        {
            await page.GotoAsync(address.ToString());
            var transcript = page.Locator(".webchat__basic-transcript__transcript");
            await Expect(transcript.GetByText("ServiceRecoveryBot. Tell me what went wrong", new() { Exact = false }).Last).ToBeVisibleAsync();

            await SayAsync(page, "Guest at table 12 is furious: steak overcooked twice");
            await Expect(transcript.GetByText("Say this now", new() { Exact = false }).Last).ToBeVisibleAsync();
            var card = LatestCard(page, "then Log it");
            await Expect(card).ToBeVisibleAsync();
            await card.Locator("select").Nth(1).SelectOptionAsync("Regular");
            await card.GetByRole(AriaRole.Button, new() { Name = "Log it", Exact = true }).ClickAsync();

            var done = transcript.GetByText("Nice work.", new() { Exact = false }).Last;
            await Expect(done).ToBeVisibleAsync();
            var opened = await transcript.GetByText(OpenedPattern()).Last.InnerTextAsync();
            var caseId = CaseId.TryParse(OpenedPattern().Match(opened).Groups["id"].Value) ?? throw new Xunit.Sdk.XunitException($"No case id in \"{opened}\".");
            await Expect(page.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);

            var saved = await server.Services.GetRequiredService<ICaseStore>().FindAsync("local", caseId, CancellationToken.None);
            Assert.NotNull(saved);
            Assert.Equal(CaseStatus.AwaitingFollowUp, saved.Status);
            Assert.Equal(FailureCategory.ProductOrFoodQuality, saved.Category);
            Assert.Equal(CustomerTier.Regular, saved.Customer?.Tier);
            Assert.NotNull(saved.Apology);
            Assert.Equal("Replace it straight away, prepared fresh", saved.FixDone);
            Assert.NotNull(saved.FollowUpAt);
            await transcript.GetByText(OpenedPattern()).Last.ScrollIntoViewIfNeededAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }
        HeadlessBrowser.PublishToDocs(screenshot, "webchat.png");
    }

    [ChromiumFact]
    public async Task The_coached_walk_in_the_web_chat_page_saves_the_case()
    {
        using var server = new LiveBotServer(azurite);
        var address = server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1400 } });
        page.SetDefaultTimeout(StepTimeout);
        SetDefaultExpectTimeout(StepTimeout);
        var screenshot = HeadlessBrowser.ScreenshotPath("webchat-coached.png");
        try
        {
            await page.GotoAsync(address.ToString());
            await Expect(page.Locator("#page-title")).ToContainTextAsync("ServiceRecoveryBot — local chat");
            var transcript = page.Locator(".webchat__basic-transcript__transcript");
            await Expect(transcript.GetByText("ServiceRecoveryBot. Tell me what went wrong", new() { Exact = false }).Last).ToBeVisibleAsync();

            await SayAsync(page, "walk me through it: Guest at table 12 is furious: steak overcooked twice");
            await ClickAsync(page, "Looks like", LastButtonMatching("Product or food quality"));
            await ClickAsync(page, "What kind of customer?", "Regular");
            await ReplyToTextAsync(page, transcript, "What did the customer say", "skip");
            await ClickAsync(page, "Severity: I suggest", LastButtonMatching("(suggested)"));
            await ClickAsync(page, "Say something like", "Done, I apologised");
            await ReplyToTextAsync(page, transcript, "Anything more they told you?", "skip");
            await ClickAsync(page, "What did you do?", "Replace it straight away, prepared fresh");
            var atonement = await FirstButtonTitleAsync(page, "What did you offer?");
            await ClickAsync(page, "What did you offer?", atonement);
            await ReplyToTextAsync(page, transcript, "Did you promise them anything?", "skip");
            await ClickAsync(page, "When should we follow up?", LastButtonMatching("(default)"));

            var done = transcript.GetByText("Nice work.", new() { Exact = false }).Last;
            await Expect(done).ToBeVisibleAsync();
            await done.ScrollIntoViewIfNeededAsync();
            var opened = await transcript.GetByText(OpenedPattern()).Last.InnerTextAsync();
            var caseId = CaseId.TryParse(OpenedPattern().Match(opened).Groups["id"].Value) ?? throw new Xunit.Sdk.XunitException($"No case id in \"{opened}\".");
            await Expect(transcript.GetByText($"Case {caseId.Value}", new() { Exact = false }).Last).ToBeVisibleAsync();
            await Expect(page.GetByText("Send failed", new() { Exact = false })).ToHaveCountAsync(0);

            var saved = await server.Services.GetRequiredService<ICaseStore>().FindAsync("local", caseId, CancellationToken.None);
            Assert.NotNull(saved);
            Assert.Equal(CaseStatus.AwaitingFollowUp, saved.Status);
            Assert.Equal(FailureCategory.ProductOrFoodQuality, saved.Category);
            Assert.Equal(CustomerTier.Regular, saved.Customer?.Tier);
            Assert.NotNull(saved.Apology);
            Assert.Equal("Replace it straight away, prepared fresh", saved.FixDone);
            Assert.Equal(atonement, saved.Atonement?.Offer);
            Assert.NotNull(saved.FollowUpAt);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static async Task ReplyToTextAsync(IPage page, ILocator transcript, string question, string answer)
    {
        await Expect(transcript.GetByText(question, new() { Exact = false }).Last).ToBeVisibleAsync();
        await SayAsync(page, answer);
    }

    /// <summary>Waits for the newest card that asks <paramref name="question"/> and presses its button with this exact title.</summary>
    private static Task ClickAsync(IPage page, string question, string title) =>
        ClickAsync(page, question, card => card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }));

    private static async Task ClickAsync(IPage page, string question, Func<ILocator, ILocator> button)
    {
        var card = LatestCard(page, question);
        await Expect(card).ToBeVisibleAsync();
        var target = button(card);
        await Expect(target).ToBeEnabledAsync();
        var title = (await target.InnerTextAsync()).Trim();
        await target.ClickAsync();
        // What was pressed shows in the transcript as the staff member's own message, as in Teams.
        await Expect(page.Locator(".webchat__bubble--from-user").Last).ToContainTextAsync(title);
    }

    private static Func<ILocator, ILocator> LastButtonMatching(string part) =>
        card => card.Locator("button.ac-pushButton", new() { HasTextString = part }).Last;

    private static async Task<string> FirstButtonTitleAsync(IPage page, string question)
    {
        var card = LatestCard(page, question);
        await Expect(card).ToBeVisibleAsync();
        return (await card.Locator("button.ac-pushButton").First.InnerTextAsync()).Trim();
    }

    private static ILocator LatestCard(IPage page, string question) =>
        page.Locator(".ac-adaptiveCard", new() { HasTextString = question }).Last;

    [GeneratedRegex(@"Case (?<id>SR-[0-9A-Z]{4}) opened")]
    private static partial Regex OpenedPattern();
}
