using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// The closing summary and the manager's approval card as Web Chat renders them on a 390 x 844 phone: every word of
/// every label stays on one line. Two pages on one live host: the staff member and the local-chat manager.
/// </summary>
public sealed partial class PhoneCardsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const float StepTimeout = 30_000;
    private const string StaffUser = "dev-user";

    /// <summary>Each word of the card's text that the browser laid out on more than one line.</summary>
    private const string WordsBrokenAcrossLines = """
        card => {
          const broken = [];
          const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.textContent.matchAll(/[^\s\-\u2013\u2014/]+/g)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size > 1) broken.push(word[0]);
            }
          }
          return broken;
        }
        """;

    [ChromiumFact]
    public async Task The_summary_and_approval_cards_keep_every_word_on_one_line_on_a_phone()
    {
        using var server = new ManagerLiveBotServer(azurite);
        var address = server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        SetDefaultExpectTimeout(StepTimeout);
        var phone = new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2 };
        var manager = await browser.NewPageAsync(phone);
        var staff = await browser.NewPageAsync(phone);
        manager.SetDefaultTimeout(StepTimeout);
        staff.SetDefaultTimeout(StepTimeout);
        // The local page always chats as the local-chat manager; the staff member's page is the same page as another user.
        await staff.RouteAsync("**/", async route =>
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = LocalUser().Replace(await response.TextAsync(), $"'{StaffUser}'") });
        });

        await OpenAsync(manager, address);
        await SayAsync(manager, "hi");
        await OpenAsync(staff, address);
        await SayAsync(staff, "walk me through it: No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        await WalkToTheSummaryAsync(staff);

        var summary = staff.Locator(".ac-adaptiveCard", new() { HasTextRegex = CaseHeading() }).Last;
        await Expect(summary).ToBeVisibleAsync();
        await summary.ScrollIntoViewIfNeededAsync();
        var summaryShot = HeadlessBrowser.ScreenshotPath("phone-summary-card.png");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = summaryShot });

        var approval = manager.Locator(".ac-adaptiveCard", new() { HasTextString = "$120" }).Last;
        await Expect(approval).ToBeVisibleAsync();
        await Expect(approval.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
        await approval.ScrollIntoViewIfNeededAsync();
        var approvalShot = HeadlessBrowser.ScreenshotPath("phone-approval-card.png");
        await manager.ScreenshotAsync(new PageScreenshotOptions { Path = approvalShot });

        Assert.Empty(await summary.EvaluateAsync<string[]>(WordsBrokenAcrossLines));
        Assert.Empty(await approval.EvaluateAsync<string[]>(WordsBrokenAcrossLines));
        HeadlessBrowser.PublishToDocs(summaryShot, "phone-summary-card.png");
        HeadlessBrowser.PublishToDocs(approvalShot, "phone-approval-card.png");
    }

    [ChromiumFact]
    public async Task The_word_check_finds_a_label_squeezed_until_it_breaks()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.SetContentAsync("""
            <div id="card"><span style="display:inline-block;width:40px;word-break:break-all">Customer</span> <span>Severity fits</span></div>
            """);

        var broken = await page.Locator("#card").EvaluateAsync<string[]>(WordsBrokenAcrossLines);

        Assert.Equal(["Customer"], broken);
    }

    private static async Task OpenAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator(".webchat__basic-transcript__transcript").GetByText("Tell me what went wrong", new() { Exact = false }).Last).ToBeVisibleAsync();
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await Expect(page.Locator(".webchat__bubble--from-user").Last).ToContainTextAsync(text);
    }

    /// <summary>Answers each question as it comes, by typing, until the closing summary shows; at most 16 answers.</summary>
    private static async Task WalkToTheSummaryAsync(IPage page)
    {
        (string Question, string Answer)[] answers =
        [
            ("What did you offer", "$120 credit for a night elsewhere"), ("Looks like", "1"), ("name or a reference", "skip"), ("What kind of customer", "regular"),
            ("What did the customer say", "We've been travelling for fourteen hours."), ("Severity", "1"),
            ("Say something like", "done"), ("Anything more they told you", "skip"), ("What did you do", "1"),
            ("promise them anything", "skip"),
            ("When should we follow up", "1"), ("How can we reach", "skip"),
        ];
        const string Done = "Nice work.";
        var expected = new Regex(string.Join('|', answers.Select(a => Regex.Escape(a.Question)).Append(Regex.Escape(Done))), RegexOptions.IgnoreCase);
        var latestActivity = page.Locator(".webchat__basic-transcript__activity").Last;
        for (var asked = 0; asked < 16; asked++)
        {
            await Expect(latestActivity.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(0);
            await Expect(latestActivity).ToHaveTextAsync(expected);
            var latest = await latestActivity.InnerTextAsync();
            if (latest.Contains(Done, StringComparison.Ordinal)) return;
            var (_, answer) = answers.FirstOrDefault(a => latest.Contains(a.Question, StringComparison.OrdinalIgnoreCase));
            if (answer is null) throw new Xunit.Sdk.XunitException($"An unexpected question: \"{latest}\"");
            await SayAsync(page, answer);
        }
        throw new Xunit.Sdk.XunitException("No closing summary after 16 answers.");
    }

    [GeneratedRegex("'local-staff'")]
    private static partial Regex LocalUser();

    [GeneratedRegex(@"Case SR-[0-9A-Z]{4}")]
    private static partial Regex CaseHeading();

    private sealed class ManagerLiveBotServer(AzuriteFixture azurite) : LiveBotServer(azurite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Managers:LocalChatIsManager", "true");
        }
    }
}
