using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Recovery.Playbooks;

/// <summary>
/// The apology to suggest: the playbook's wording for the category and severity, shaped by the customer's tone —
/// safety first when health or safety is involved, and anger acknowledged before anything else when they are very
/// upset or hostile.
/// </summary>
public static class ApologyWording
{
    public const string SafetyFirst = "First, is everyone all right? Do you need any help right now?";
    public const string AngerAcknowledged = "I can see how upset you are, and you're right to be.";

    public static string For(CategoryPlaybook playbook, int severity, ToneReading? tone)
    {
        var wording = playbook.ApologyFor(severity);
        if (tone is null) return wording;
        if (tone.Flags.Contains("SafetyOrHealth") && playbook.Category != FailureCategory.SafetyOrHealth) return SafetyFirst + " " + wording;
        if (tone.Flags.Contains("Hostile") || tone.Compound <= -0.6) return AngerAcknowledged + " " + wording;
        return wording;
    }
}
