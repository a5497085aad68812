namespace ServiceRecoveryBot.Conversations;

/// <summary>Stable dialog and prompt ids. Never change one once shipped.</summary>
public static class DialogIds
{
    public const string Recovery = "recovery";
    public const string QuickRecovery = "recovery.quick";
    public const string QuickCapture = "prompt.quickCapture";
    public const string FollowUpCase = "followUp";
    public const string Practice = "practice";
    public const string Text = "prompt.text";
    public const string Choice = "prompt.choice";
    public const string ChoiceOrText = "prompt.choiceOrText";
    public const string Tier = "prompt.tier";
    public const string Confirm = "prompt.confirm";
    public const string Number = "prompt.number";
    public const string DateTime = "prompt.dateTime";
    public const string FollowUp = "prompt.followUp";
}
