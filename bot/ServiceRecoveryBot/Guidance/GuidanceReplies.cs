using System.Globalization;
using ServiceRecoveryBot.Recovery.Compensation;
using System.Text;

namespace ServiceRecoveryBot.Guidance;

/// <summary>Everything guidance says, as short chat lines staff can read on a phone.</summary>
public static class GuidanceReplies
{
    public const string WalkCommands = "next / back / all steps / stop";
    public const string Stopped = "Guide closed.";
    public const string UnknownModel = "That guide isn't available any more. Say \"guide\" to start the playbook again.";
    public const string AlreadyFirst = "That's the first step.";

    /// <summary>What people can ask for guidance: for Help and the README.</summary>
    public static readonly IReadOnlyList<string> ExampleQuestions =
    [
        "guide",
        "how do I handle a double charge?",
        "steps for a late delivery",
        "ahern",
        "the 4 steps",
        "5 phases",
        "booklet",
        "fair fix list",
        "tips",
        "models",
        "how do I apologise?",
        "what is the recovery paradox?",
        "how much can I give without asking my manager?",
        "when should I follow up?",
        "what do I do if a customer is abusive to staff?",
    ];

    public static string WhatYouCanAsk =>
        "Ask me for guidance any time, even mid-case:\n" + string.Join("\n", ExampleQuestions.Select(q => $"- \"{q}\"")) +
        "\nIn a guide: " + WalkCommands + ".";

    public const string Unknown =
        "I don't have an answer for that. You can ask things like \"how do I apologise?\", \"what is the recovery paradox?\", " +
        "\"steps for a double charge\", or say \"guide\" for the recovery playbook and \"models\" for the other step lists.";

    /// <summary>"Step 2/6 · Listen with empathy", what to do, the wording, what to avoid, and the walk commands.</summary>
    public static string Step(RecoveryModel model, PlaybookWalk walk, bool withHeader = false)
    {
        var index = Math.Clamp(walk.Step, 0, model.Steps.Count - 1);
        var step = model.Steps[index];
        var text = new StringBuilder();
        if (withHeader) text.Append(Header(model)).Append("\n\n");
        text.Append($"Step {index + 1}/{model.Steps.Count} · {step.Title}\n");
        text.Append(step.Do).Append('\n');
        if (step.Say.Length > 0) text.Append($"Say: \"{step.Say}\"\n");
        text.Append($"Avoid: {step.Avoid}\n\n");
        text.Append(index == model.Steps.Count - 1 ? "back / all steps / stop" : WalkCommands);
        return text.ToString();
    }

    public static string Whole(RecoveryModel model)
    {
        var text = new StringBuilder(Header(model)).Append("\n\n");
        for (var i = 0; i < model.Steps.Count; i++)
        {
            var step = model.Steps[i];
            text.Append($"{i + 1}. {step.Title}: {step.Do}");
            if (step.Say.Length > 0) text.Append($" Say: \"{step.Say}\"");
            text.Append($" Avoid: {step.Avoid}\n");
        }
        return text.Append("\nnext / back / stop").ToString();
    }

    public static string Header(RecoveryModel model) =>
        $"**{model.Name}** · {model.Steps.Count} steps · {model.Source}" + (model.Note is { } note ? $"\n{note}" : "");

    public static string Finished(RecoveryModel model) => $"That was the last step of {model.Name}. Say \"guide\" any time to start again.";

    public static string ModelList(IReadOnlyList<RecoveryModel> models)
    {
        var text = new StringBuilder("Step lists I can walk you through:\n");
        foreach (var model in models) text.Append($"- **{model.Name}** ({model.Steps.Count} steps): say \"guide{(model.Id == ModelCatalog.MergedId ? "" : " " + (model.Aliases.FirstOrDefault() ?? model.Id))}\"\n");
        return text.Append("Or ask for a problem: \"guide double charge\", \"steps for a late delivery\".").ToString();
    }

    public static string Knowledge(KnowledgeEntry entry) => $"**{entry.Title}**\n{entry.Answer}";

    /// <summary>An entry's answer; the ones about authority and fair compensation also say what this site allows staff (<c>Recovery:Authority</c>).</summary>
    public static string Knowledge(KnowledgeEntry entry, AuthorityOptions authority) => entry.Id is AuthorityEntryId or CompensationEntryId
        ? Knowledge(entry) + "\n" + string.Create(CultureInfo.InvariantCulture,
            $"**Here:** you can give up to {authority.CurrencySymbol}{authority.StaffMaxAmount:0.##} (up to ladder level {authority.StaffMaxLevel}) on your own; above that, the bot asks a manager for approval.")
        : Knowledge(entry);

    /// <summary>The knowledge entry on staff's authority to compensate.</summary>
    public const string AuthorityEntryId = "authority";

    /// <summary>The knowledge entry on fair compensation ("how much can I comp" lands here as often as on authority).</summary>
    public const string CompensationEntryId = "fair-compensation";

    public static string ClosestTopics(IReadOnlyList<string> titles) =>
        "I'm not sure what you mean. Closest topics:\n" + string.Join("\n", titles.Select(t => $"- {t}")) + "\nAsk about one of them, or say \"guide\" for the playbook.";
}
