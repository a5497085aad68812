using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceRecoveryBot.Operations;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.FollowUp;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Understanding;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The recovery domain and the dialogs.</summary>
    public static IServiceCollection AddRecoveryConversations(this IServiceCollection services)
    {
        services.AddOptions<RecoveryOptions>().BindConfiguration(RecoveryOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Recovery:TimeZone must be an IANA time zone id.")
            .ValidateOnStart();
        services.AddOptions<AuthorityOptions>().BindConfiguration(AuthorityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddGuidance(); // the playbook, and the guidance RecoveryBot answers questions with
        services.AddUnderstanding(); // what staff's messages say: recovery start, guidance and tone all ask it
        services.AddSingleton<SeverityAdvisor>();
        services.AddSingleton<CompensationPolicy>();
        services.AddOptions<ManagerOptions>().BindConfiguration(ManagerOptions.Section)
            .Validate(o => o.EscalateApprovalAfter > TimeSpan.Zero && o.EscalateFollowUpAfter > TimeSpan.Zero && o.EscalatePromiseAfter > TimeSpan.Zero,
                "Managers: escalation delays must be positive.")
            .ValidateOnStart();
        services.AddSingleton<FreshCaseIds>();
        services.AddSingleton<CaseOpening>();
        services.AddSingleton<MessageKinds>();
        services.AddSingleton<RecoveryDialog>();
        services.AddSingleton<QuickRecoveryDialog>();
        services.TryAddSingleton<IQuickCaptureRenderer, TextQuickCaptureRenderer>();
        services.AddSingleton<FollowUpDialog>();
        services.AddSingleton(_ => Practice.PracticeScenarios.LoadDefault());
        services.AddSingleton<Practice.PracticeDialog>();
        services.AddSingleton<CaseLookup>();
        services.AddSingleton<ManagerCommands>();
        services.AddSingleton<Home.HomeQuery>();
        services.AddSingleton<Home.HomeCommands>();
        services.AddSingleton<CaseFollowThrough>();
        services.AddSingleton<ManagerChannelNotifier>();
        services.AddSingleton<IReminderHandler, RecoveryReminderHandler>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RecoveryOptions>>().Value;
            Dialog[] dialogs =
            [
                provider.GetRequiredService<RecoveryDialog>(),
                provider.GetRequiredService<QuickRecoveryDialog>(),
                new QuickCapturePrompt(provider.GetRequiredService<IQuickCaptureRenderer>(), provider.GetRequiredService<RecoveryPlaybook>()),
                provider.GetRequiredService<FollowUpDialog>(),
                provider.GetRequiredService<Practice.PracticeDialog>(),
                new TextPrompt(DialogIds.Text),
                new ChoicePrompt(DialogIds.Choice),
                new ChoiceOrTextPrompt(DialogIds.ChoiceOrText),
                new ConfirmPrompt(DialogIds.Confirm),
                new NumberPrompt(DialogIds.Number),
                new DateTimePrompt(DialogIds.DateTime, options.Zone, options.FollowUpTime),
                new ChoiceOrTextPrompt(DialogIds.FollowUp, RecoveryDialog.FollowUpValidator(options)),
                new TierPrompt(),
            ];
            return new DialogSet(dialogs, provider.GetService<IPromptRenderer>(), provider.GetService<IPromptWords>());
        });
        services.AddMetrics();
        services.TryAddSingleton<BotTelemetry>();
        services.AddSingleton<RecoveryBot>();
        services.TryAddSingleton<IPromptWords, Text.CatalogPromptWords>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
