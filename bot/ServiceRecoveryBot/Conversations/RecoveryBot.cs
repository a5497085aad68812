using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Understanding;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations;

/// <summary>
/// Routes one turn: greetings on join, global interruptions (help, cancel/pause, back, status) while a dialog is
/// active, commands (my cases, show, resume, new case, search, summary, practice) when none is, and anything else as a
/// new incident.
/// </summary>
public sealed class RecoveryBot(
    DialogSet dialogs,
    RecoveryDialog recovery,
    QuickRecoveryDialog quick,
    ManagerCommands caseCommands,
    GuidanceService guidance,
    IUnderstanding understanding,
    ICaseStore cases,
    CaseLookup lookup,
    Insights.ReportCommands reports,
    MessageKinds kinds,
    CaseOpening opening,
    RecoveryPlaybook playbook,
    IOptions<RecoveryOptions> options,
    IChannelCapabilities channels,
    ITeamDirectory directory,
    Home.HomeCommands home)
{
    public async Task OnTurnAsync(TurnContext turn, ConversationState state, CancellationToken ct)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                if (activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true) Forget(turn, state);
                else if (activity.MembersAdded?.Count > 0) await JoinAsync(turn, state, installed: false, ct);
                return;
            case ActivityTypes.InstallationUpdate:
                if (activity.Action is "remove" or "remove-upgrade") Forget(turn, state);
                else await JoinAsync(turn, state, installed: true, ct);
                return;
            case ActivityTypes.Message:
                if (!state.ReferenceStored) Remember(turn, state);
                break;
            default:
                return;
        }

        var dc = dialogs.CreateContext(turn, state.Dialogs);
        var unreadable = state.Dialogs.DialogStack.Any(frame => frame.Id == DialogState.UnreadableFrameId);
        if (dc.DiscardStaleStack())
        {
            var stale = CaseId.TryParse(state.ActiveCaseId);
            turn.SendText(unreadable
                ? stale is { } id ? turn.Replies().StateUnreadableWithCase(id) : turn.Replies().StateUnreadable
                : stale is { } old ? turn.Replies().RestartedWithCase(old) : turn.Replies().Restarted);
            state.ActiveCaseId = null;
            return;
        }

        if (await home.TryHandleAsync(turn, ct)) return;
        if (await caseCommands.TryHandleAsync(dc, ct)) return;
        if (PromptInput.QuestionOf(activity) is { } question && !IsAsking(dc, question))
        {
            await StaleCardAsync(dc, ct);
            return;
        }
        var text = PromptInput.TextOf(activity) ?? "";
        if (text.Length == 0 && activity.Value is null && activity.Attachments is { Count: > 0 })
        {
            // A photo or a file and no words: say what the bot can take, and ask the question again.
            turn.SendText(turn.Replies().FilesNotRead);
            if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(ct);
            return;
        }
        if (await GuideAsync(dc, text, state, ct)) return;
        var command = Commands.Parse(text);
        if (dc.ActiveDialog is not null)
        {
            if (await InterruptAsync(dc, command, state, ct)) return;
            if (await MidCaseCommandAsync(dc, command, text, state, ct)) return;
            if (await NewIncidentMidQuestionAsync(dc, text, ct)) return;
            var result = await dc.ContinueDialogAsync(ct);
            AfterDialog(result, state, dc);
            return;
        }
        await RouteAsync(dc, command, text, state, ct);
    }

    /// <summary>
    /// Guidance never interrupts a recovery: a walk in progress takes next/back/all/stop; a guidance question is answered
    /// and the current question is asked again. Free-text answers (what happened, the customer's words) are never taken
    /// for questions.
    /// </summary>
    private async Task<bool> GuideAsync(DialogContext dc, string text, ConversationState state, CancellationToken ct)
    {
        if (text.Length == 0 || dc.Context.Activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object }) return false;
        if (state.GuidancePlaybook is { } model)
        {
            if (guidance.Continue(new PlaybookWalk(model, state.GuidanceStep), text, out var next) is { } step)
            {
                (state.GuidancePlaybook, state.GuidanceStep) = next is null ? (null, 0) : (next.ModelId, next.Step);
                dc.Context.SendText(step, next is not null && dc.ActiveDialog is null ? InputHints.ExpectingInput : InputHints.AcceptingInput);
                await dc.RepromptDialogAsync(ct);
                return true;
            }
        }
        if (dc.ActiveDialog?.Id == DialogIds.Text || Commands.Parse(text).Kind == CommandKind.Walk || !guidance.IsGuidanceQuestion(text)) return false;

        var answer = guidance.Answer(text, understanding.Understand(text, UnderstandingPurpose.GuidanceQuestion, ct).Topics);
        if (answer.Walk is { } walk) (state.GuidancePlaybook, state.GuidanceStep) = (walk.ModelId, walk.Step);
        dc.Context.SendText(Sentiment.Languages.LanguageDetector.Detect(text) is "es" ? answer.Text + "\n\n" + dc.Context.Replies().GuidanceInEnglish : answer.Text, answer.Walk is not null && dc.ActiveDialog is null ? InputHints.ExpectingInput : InputHints.AcceptingInput);
        if (dc.ActiveDialog is not null)
        {
            dc.Context.SendText(dc.Context.Replies().BackToCase);
            await dc.RepromptDialogAsync(ct);
        }
        return true;
    }

    /// <summary>
    /// A message typed at a choice question that answers none of its choices but reads as a new incident is not taken
    /// for a wrong answer: the bot asks whether it is a new case (one press opens it, this one is paused) and asks the
    /// question again.
    /// </summary>
    private const int NewIncidentWords = 6;

    private async Task<bool> NewIncidentMidQuestionAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var turn = dc.Context;
        if (turn.Activity.Value is not null || text.Length == 0 || dc.ActiveDialog is not { Id: DialogIds.Choice or DialogIds.Tier or DialogIds.Confirm } frame) return false;
        if (PromptFrame.TryReadOptions(frame) is { Choices: { Count: > 0 } choices } && Dialogs.Prompts.ChoiceRecognizer.Recognize(text, choices) is not null) return false;
        // A few words ("table 12", "the customer is waiting") are an unclear answer, asked again as before; an incident is told in a sentence.
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < NewIncidentWords || kinds.Classify(text, ct) != RouteKind.Incident) return false;
        turn.Send(turn.Activity.CreateReply(turn.Replies().NewIncidentOrAnswer) with
        {
            InputHint = InputHints.AcceptingInput,
            SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = "imBack", Title = turn.Replies().NewCaseButton, Value = "new case: " + text }] },
        });
        await dc.RepromptDialogAsync(ct);
        return true;
    }

    /// <summary>True when <paramref name="question"/> (a card answer's <see cref="PromptOptions.Key"/>) is the question being asked now.</summary>
    private static bool IsAsking(DialogContext dc, string question) =>
        dc.ActiveDialog is { } frame && PromptFrame.TryReadOptions(frame)?.Key == question;

    /// <summary>
    /// A button pressed on a card whose question is over (answered, or the case moved on or ended) answers nothing: the
    /// card says it is closed (Teams' Action.Execute) or the reply does, and the question being asked now, if any, comes again.
    /// </summary>
    private async Task StaleCardAsync(DialogContext dc, CancellationToken ct)
    {
        var turn = dc.Context;
        if (channels.AnswersWithCard(turn.Activity)) turn.InvokeResponse = channels.ClosedCardAnswer(turn.Replies().CardClosed);
        if (dc.ActiveDialog is null)
        {
            turn.SendText(turn.Replies().CardClosedNothingAsked);
            return;
        }
        turn.SendText(turn.Replies().CardClosedAskingNow);
        await dc.RepromptDialogAsync(ct);
    }

    /// <summary>The bot was installed or someone joined: keep the conversation reference and say hello once.</summary>
    /// <summary>
    /// The bot was installed or someone joined: keep the conversation reference and say hello once. On a team with no
    /// managers yet, whoever installed the bot (Teams' installationUpdate names them) becomes its first manager, and the hello says what to do next
    /// (register the channel, add managers: in either order).
    /// </summary>
    private async Task JoinAsync(TurnContext turn, ConversationState state, bool installed, CancellationToken ct)
    {
        Remember(turn, state);
        if (state.Greeted) return;
        state.Greeted = true;
        var activity = turn.Activity;
        var hello = activity.Conversation?.ConversationType is "channel" or "groupChat" ? turn.Replies().HelloTeam : turn.Replies().Welcome;
        var team = TeamKey.Of(activity, options.Value.DefaultTeam);
        if (installed && activity.From?.Id is { Length: > 0 } installer
            && (await directory.ManagersAsync(team, ct)).Count == 0)
        {
            turn.Effects.Add(new AddManager(team, installer, installer));
            hello += "\n\n" + turn.Replies().FirstManager;
        }
        turn.SendText(hello);
    }

    private void Remember(TurnContext turn, ConversationState state)
    {
        state.ReferenceStored = true;
        var reference = StoredReference.From(turn.Activity, TeamKey.Of(turn.Activity, options.Value.DefaultTeam), channels.TeamOf(turn.Activity), turn.ReceivedAt);
        turn.Effects.Add(new RememberConversation(reference));
    }

    private void Forget(TurnContext turn, ConversationState state)
    {
        state.ReferenceStored = false;
        state.Greeted = false;
        var reference = StoredReference.From(turn.Activity, TeamKey.Of(turn.Activity, options.Value.DefaultTeam), channels.TeamOf(turn.Activity), turn.ReceivedAt);
        turn.Effects.Add(new ForgetConversation(reference.TeamKey, reference.ConversationId));
    }

    private async Task<bool> InterruptAsync(DialogContext dc, Command command, ConversationState state, CancellationToken ct)
    {
        switch (command.Kind)
        {
            case CommandKind.Help:
                var help = dc.ActiveDialog is { } prompt && dc.ParentOfActive is not null && PromptFrame.TryReadOptions(prompt) is { Help: { } specific }
                    ? specific + "\n\n" + dc.Context.Replies().Help
                    : dc.Context.Replies().Help;
                dc.Context.SendText(help);
                await dc.RepromptDialogAsync(ct);
                return true;
            case CommandKind.Cancel:
                await PauseAsync(dc, state, ct);
                return true;
            case CommandKind.Back:
                if (!await dc.GoBackAsync(ct))
                {
                    dc.Context.SendText(dc.Context.Replies().NothingToGoBackTo);
                    await dc.RepromptDialogAsync(ct);
                }
                return true;
            case CommandKind.Status:
                dc.Context.SendText(dc.Context.Replies().Status(dc.DescribeStack(), CurrentCase(dc)));
                await dc.RepromptDialogAsync(ct);
                return true;
            default:
                return false;
        }
    }

    private async Task RouteAsync(DialogContext dc, Command command, string text, ConversationState state, CancellationToken ct)
    {
        var turn = dc.Context;
        var team = TeamKey.Of(turn.Activity, options.Value.DefaultTeam);
        switch (command.Kind)
        {
            case CommandKind.Greeting:
                turn.SendText(turn.Replies().Welcome);
                return;
            case CommandKind.Help:
                turn.SendText(turn.Replies().Help);
                return;
            case CommandKind.Cancel or CommandKind.Back or CommandKind.Status:
                turn.SendText(turn.Replies().NothingInProgress);
                return;
            case CommandKind.MyCases:
                turn.SendText(turn.Replies().CaseList(await MyOpenCasesAsync(team, turn, ct)));
                return;
            case CommandKind.MyFollowUps:
                turn.SendText(turn.Replies().FollowUpList(await MyFollowUpsAsync(team, turn, ct), turn.ReceivedAt));
                return;
            case CommandKind.Show:
                turn.SendText(await FindAsync(team, command.Argument, ct) is { } shown ? turn.Replies().Summary(shown, playbook) : turn.Replies().CaseNotFound(command.Argument ?? ""));
                return;
            case CommandKind.Resume when command.Argument is null && state.ActiveCaseId is null:
                // "resume" alone: the staff member's one paused case, or the list to pick from.
                var paused = (await MyOpenCasesAsync(team, turn, ct)).Where(c => c.Status == CaseStatus.Paused).ToList();
                if (paused.Count == 1) await ResumeAsync(dc, team, paused[0].Id.Value, state, ct);
                else turn.SendText(paused.Count == 0 ? turn.Replies().NothingInProgress : turn.Replies().PickPaused(paused));
                return;
            case CommandKind.Resume:
                await ResumeAsync(dc, team, command.Argument ?? state.ActiveCaseId, state, ct);
                return;
            case CommandKind.NewCase:
                AfterDialog(await dc.BeginDialogAsync(NewCaseDialog, new RecoveryStart(command.Argument, null), ct), state, dc);
                return;
            case CommandKind.Walk:
                AfterDialog(await dc.BeginDialogAsync(recovery.Id, new RecoveryStart(command.Argument, null), ct), state, dc);
                return;
            case CommandKind.Search:
                turn.SendText(turn.Replies().SearchResults(command.Argument!, await lookup.SearchAsync(team, command.Argument!, ct)));
                return;
            case CommandKind.Summary:
                await reports.SummaryAsync(turn, team, int.Parse(command.Argument!, System.Globalization.CultureInfo.InvariantCulture), ct);
                return;
            case CommandKind.MyFigures:
                await reports.OwnFiguresAsync(turn, team, int.Parse(command.Argument!, System.Globalization.CultureInfo.InvariantCulture), ct);
                return;
            case CommandKind.ExportCases:
                await reports.ExportAsync(turn, team, ct);
                return;
            case CommandKind.RebuildFigures:
                await reports.RebuildAsync(turn, team, ct);
                return;
            case CommandKind.Practice:
                AfterDialog(await dc.BeginDialogAsync(DialogIds.Practice, state.LastPracticeId, ct), state, dc);
                return;
            case CommandKind.Discard:
                await DiscardAsync(dc, team, command.Argument!, state, ct);
                return;
            case CommandKind.Close:
                turn.SendText(turn.Replies().CloseByFollowUp(command.Argument!));
                return;
            case CommandKind.Ask:
                Answer(turn, command.Argument!);
                return;
            default:
                await RouteByKindAsync(dc, text, state, ct);
                return;
        }
    }

    /// <summary>
    /// A message that is no command: an incident opens a case; a question is answered; a threat gets the safety steps and
    /// is recorded for the duty manager; greetings, emoji and mashing open nothing; the unclear get "did you mean".
    /// </summary>
    private async Task RouteByKindAsync(DialogContext dc, string text, ConversationState state, CancellationToken ct)
    {
        var turn = dc.Context;
        switch (kinds.Classify(text, ct))
        {
            case RouteKind.Incident:
                AfterDialog(await dc.BeginDialogAsync(NewCaseDialog, new RecoveryStart(text, null), ct), state, dc);
                return;
            case RouteKind.Threat:
                var recorded = await opening.RecordThreatAsync(turn, text, ct);
                turn.SendText(turn.Replies().SafetySteps(recorded.Id));
                return;
            case RouteKind.Question:
                Answer(turn, text);
                return;
            case RouteKind.Command:
                turn.SendText(turn.Replies().Help);
                return;
            case RouteKind.Smalltalk:
                turn.SendText(turn.Replies().Smalltalk);
                return;
            case RouteKind.Junk:
                turn.SendText(turn.Replies().NotUnderstood);
                return;
            default:
                turn.Send(turn.Activity.CreateReply(turn.Replies().DidYouMean) with
                {
                    InputHint = "expectingInput",
                    SuggestedActions = new SuggestedActions
                    {
                        Actions =
                        [
                            new CardAction { Type = "imBack", Title = turn.Replies().NewCaseButton, Value = "new case: " + text },
                            new CardAction { Type = "imBack", Title = turn.Replies().QuestionButton, Value = "question: " + text },
                            new CardAction { Type = "imBack", Title = turn.Replies().MyCasesButton, Value = "my cases" },
                        ],
                    },
                });
                return;
        }
    }

    /// <summary>A guidance answer; questions in Spanish are told the guidance is English for now.</summary>
    private void Answer(TurnContext turn, string question)
    {
        var answer = guidance.Answer(question);
        turn.SendText(Sentiment.Languages.LanguageDetector.Detect(question) is "es" ? answer.Text + "\n\n" + turn.Replies().GuidanceInEnglish : answer.Text);
    }

    /// <summary>
    /// Commands said during a case: lists and lookups are answered and the question asked again; "new case" and
    /// "resume" another pause this one first; "discard" drops this case or another. Plain answers ("new", "list") stay answers.
    /// </summary>
    private async Task<bool> MidCaseCommandAsync(DialogContext dc, Command command, string text, ConversationState state, CancellationToken ct)
    {
        var turn = dc.Context;
        var team = TeamKey.Of(turn.Activity, options.Value.DefaultTeam);
        var t = text.Trim().ToLowerInvariant();
        switch (command.Kind)
        {
            case CommandKind.MyCases when t.StartsWith("my ", StringComparison.Ordinal) || t.Contains("cases", StringComparison.Ordinal) && t.Contains(' '):
                turn.SendText(turn.Replies().CaseList(await MyOpenCasesAsync(team, turn, ct)));
                break;
            case CommandKind.MyFollowUps:
                turn.SendText(turn.Replies().FollowUpList(await MyFollowUpsAsync(team, turn, ct), turn.ReceivedAt));
                break;
            case CommandKind.Show when CaseId.TryParse(command.Argument) is not null:
                turn.SendText(await FindAsync(team, command.Argument, ct) is { } shown ? turn.Replies().Summary(shown, playbook) : turn.Replies().CaseNotFound(command.Argument!));
                break;
            case CommandKind.Summary:
                var days = int.Parse(command.Argument!, System.Globalization.CultureInfo.InvariantCulture);
                await reports.SummaryAsync(turn, team, days, ct);
                break;
            case CommandKind.NewCase when t.StartsWith("new case", StringComparison.Ordinal):
                await PauseAsync(dc, state, ct);
                AfterDialog(await dc.BeginDialogAsync(NewCaseDialog, new RecoveryStart(command.Argument, null), ct), state, dc);
                return true;
            case CommandKind.Resume when command.Argument is not null && CaseId.TryParse(command.Argument) is { } id:
                if (CurrentCase(dc)?.Id == id) break;
                await PauseAsync(dc, state, ct);
                await ResumeAsync(dc, team, command.Argument, state, ct);
                return true;
            case CommandKind.Discard when CaseId.TryParse(command.Argument) is { } id:
                if (CurrentCase(dc)?.Id == id)
                {
                    var current = CurrentCase(dc)!;
                    await dc.CancelAllDialogsAsync(ct);
                    state.ActiveCaseId = null;
                    var discarded = current.Discard(turn.ReceivedAt, turn.Activity.From?.Id ?? "unknown");
                    turn.Effects.SaveCase(discarded);
                    turn.SendText(turn.Replies().Discarded(discarded.Id));
                    return true;
                }
                await DiscardAsync(dc, team, command.Argument!, state, ct);
                break;
            default:
                return false;
        }
        turn.SendText(turn.Replies().BackToCase);
        await dc.RepromptDialogAsync(ct);
        return true;
    }

    private async Task DiscardAsync(DialogContext dc, string team, string idText, ConversationState state, CancellationToken ct)
    {
        var turn = dc.Context;
        var found = await FindAsync(team, idText, ct);
        if (found is null) turn.SendText(turn.Replies().CaseNotFound(idText));
        else if (found.StaffId != turn.Activity.From?.Id) turn.SendText(turn.Replies().NotYours(found.Id));
        else if (found.Status is not (CaseStatus.InProgress or CaseStatus.Paused)) turn.SendText(turn.Replies().CannotDiscard(found));
        else
        {
            var discarded = found.Discard(turn.ReceivedAt, turn.Activity.From?.Id ?? "unknown");
            turn.Effects.SaveCase(discarded);
            if (state.ActiveCaseId == discarded.Id.Value) state.ActiveCaseId = null;
            turn.SendText(turn.Replies().Discarded(discarded.Id));
        }
    }

    /// <summary>The staff member's cases that are not closed, newest first (at most 10).</summary>
    private async Task<List<CaseSummary>> MyOpenCasesAsync(string team, TurnContext turn, CancellationToken ct) =>
        [.. (await MineAsync(team, turn, ct)).Where(c => c.Status is not (CaseStatus.Closed or CaseStatus.Discarded)).Take(10)];

    /// <summary>The staff member's cases among the team's 200 newest, newest first.</summary>
    private async Task<IEnumerable<CaseSummary>> MineAsync(string team, TurnContext turn, CancellationToken ct) =>
        (await cases.ListAsync(team, 200, ct)).Where(c => c.StaffId == turn.Activity.From?.Id);

    /// <summary>The staff member's cases awaiting a follow-up, soonest due first (at most 10).</summary>
    private async Task<List<CaseSummary>> MyFollowUpsAsync(string team, TurnContext turn, CancellationToken ct) =>
        [.. (await MineAsync(team, turn, ct)).Where(c => c.Status == CaseStatus.AwaitingFollowUp).OrderBy(c => c.FollowUpAt ?? DateTimeOffset.MaxValue).Take(10)];

    private async Task ResumeAsync(DialogContext dc, string team, string? idText, ConversationState state, CancellationToken ct)
    {
        var found = await FindAsync(team, idText, ct);
        if (found is null)
        {
            dc.Context.SendText(idText is null ? dc.Context.Replies().NothingInProgress : dc.Context.Replies().CaseNotFound(idText));
            return;
        }
        if (found.Status is not (CaseStatus.Paused or CaseStatus.InProgress))
        {
            dc.Context.SendText(dc.Context.Replies().CannotResume(found));
            return;
        }
        var resumed = found.Resume(dc.Context.ReceivedAt, dc.Context.Activity.From?.Id ?? "unknown");
        dc.Context.Effects.SaveCase(resumed);
        dc.Context.SendText(dc.Context.Replies().Resuming(resumed));
        AfterDialog(await dc.BeginDialogAsync(recovery.Id, new RecoveryStart(null, resumed), ct), state, dc);
    }

    private async Task PauseAsync(DialogContext dc, ConversationState state, CancellationToken ct)
    {
        var current = CurrentCase(dc);
        await dc.CancelAllDialogsAsync(ct);
        state.ActiveCaseId = null;
        if (current is null)
        {
            dc.Context.SendText(dc.Context.Replies().CancelledBeforeCase);
            return;
        }
        var paused = current.Pause(dc.Context.ReceivedAt, dc.Context.Activity.From?.Id ?? "unknown");
        dc.Context.Effects.SaveCase(paused);
        dc.Context.SendText(dc.Context.Replies().Paused(paused.Id));
    }

    private void AfterDialog(DialogTurnResult result, ConversationState state, DialogContext dc)
    {
        state.ActiveCaseId = result.Status == DialogTurnStatus.Waiting ? CurrentCase(dc)?.Id.Value : null;
        if (result is { Status: DialogTurnStatus.Complete, Result: Practice.PracticeDone done }) state.LastPracticeId = done.ScenarioId;
    }

    /// <summary>The dialog a new case runs in: the quick capture, or the coached walk where the team set it.</summary>
    private string NewCaseDialog => options.Value.Walk == RecoveryWalk.Coached ? recovery.Id : quick.Id;

    private RecoveryCase? CurrentCase(DialogContext dc) => dc.Stack.FirstOrDefault(frame => frame.Id == recovery.Id || frame.Id == quick.Id) switch
    {
        { } frame when frame.Id == quick.Id => quick.ReadState(frame).Case,
        { } frame => recovery.ReadState(frame).Case,
        null => null,
    };

    private async Task<RecoveryCase?> FindAsync(string team, string? idText, CancellationToken ct) =>
        CaseId.TryParse(idText) is { } id ? await cases.FindAsync(team, id, ct) : null;
}
