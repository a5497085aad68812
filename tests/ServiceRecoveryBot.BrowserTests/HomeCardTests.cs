using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Recovery.Cases;
using static Microsoft.Playwright.Assertions;

namespace ServiceRecoveryBot.BrowserTests;

/// <summary>
/// The personal home card ("home") as Web Chat renders it on a 390 x 844 phone, for a manager: their own open case and
/// next promise, the team's pending approval and overdue follow-up, each with its buttons. Its screenshot is the README's.
/// </summary>
public sealed class HomeCardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const float StepTimeout = 30_000;

    [ChromiumFact]
    public async Task A_managers_home_card_shows_their_cases_and_the_teams_approvals_and_overdue_follow_ups_with_buttons()
    {
        using var server = new ManagerServer(azurite);
        var address = server.Start();
        var (own, approval, overdue) = await SeedAsync(server.Services.GetRequiredService<ICaseStore>());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(playwright);
        SetDefaultExpectTimeout(StepTimeout);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2 });
        page.SetDefaultTimeout(StepTimeout);
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator(".webchat__basic-transcript__transcript").GetByText("Tell me what went wrong", new() { Exact = false }).Last).ToBeVisibleAsync();

        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync("home");
        await input.PressAsync("Enter");

        var card = page.Locator(".ac-adaptiveCard", new() { HasTextString = "Your open cases" }).Last;
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(own.Value);
        await Expect(card).ToContainTextAsync("Promise on " + own.Value);
        await Expect(card).ToContainTextAsync(approval.Value);
        await Expect(card).ToContainTextAsync(overdue.Value);
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Record follow-up", Exact = true }).First).ToBeVisibleAsync();
        await card.ScrollIntoViewIfNeededAsync();
        var shot = HeadlessBrowser.ScreenshotPath("home-card.png");
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = shot });
        HeadlessBrowser.PublishToDocs(shot, "home-card.png");
    }

    /// <summary>The local chat's own case with a promise, and another staff member's approval and overdue follow-up, in team "local".</summary>
    private static async Task<(CaseId Own, CaseId Approval, CaseId Overdue)> SeedAsync(ICaseStore cases)
    {
        var now = DateTimeOffset.UtcNow;
        var own = RecoveryCase.Open(CaseId.New(), "local", "local-staff", "Maria", "Room 305: no hot water since 7am, guest furious", now.AddMinutes(-40)) with
        {
            Severity = 3,
            Promise = new Promise("call back with a new room by 6pm", now.AddHours(2)),
        };
        var approval = RecoveryCase.Open(CaseId.New(), "local", "dev-lee", "Lee", "Double charge on the minibar, wants the night refunded", now.AddHours(-2)) with
        {
            Severity = 2,
            Atonement = new Atonement("a free night", 4, 180m, ApprovalState.Pending),
        };
        var overdue = RecoveryCase.Open(CaseId.New(), "local", "dev-lee", "Lee", "Lost luggage at the desk, promised a call today", now.AddDays(-1)) with
        {
            Status = CaseStatus.AwaitingFollowUp,
            Severity = 2,
            FollowUpAt = now.AddHours(-3),
        };
        foreach (var c in new[] { own, approval, overdue }) Assert.True(await cases.TryCreateAsync(c, CancellationToken.None));
        return (own.Id, approval.Id, overdue.Id);
    }

    private sealed class ManagerServer(AzuriteFixture azurite) : LiveBotServer(azurite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Managers:LocalChatIsManager", "true");
        }
    }
}
