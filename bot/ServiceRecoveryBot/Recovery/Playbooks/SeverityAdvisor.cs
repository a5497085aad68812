using System.Text.RegularExpressions;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Recovery.Playbooks;

/// <summary>
/// Suggests severity 1-4 from the category, what staff wrote, the customer's words and tier, following the domain's
/// scale: harm to health or safety, privacy, discrimination or legal exposure is S4; modifiers (repeat failure, broken
/// promise, a vulnerable person, and a safety, legal or public-complaint flag on the customer's words) add one but lift
/// a case to S3 at most; a VIP is never handled as minor (S2 at least). The signs are English plus the Spanish a guest's
/// own words may be in, compared without accents.
/// </summary>
public sealed partial class SeverityAdvisor(RecoveryPlaybook playbook)
{
    private static readonly string[] CriticalSigns =
    [
        "ambulance", "allergic reaction", "anaphylaxis", "injured", "injury", "hospital", "medication", "heart tablets", "tablets", "pills",
        "food poisoning", "someone else's", "other patient", "data", "privacy", "discriminat", "racist", "shoplifting", "lawyer", "sue ",
        "wheelchair", "mobility", "i'd be in an", "severe",
        // A guest's Spanish (compared without accents).
        "ambulancia", "reaccion alergica", "urgencias", "herido", "herida", "intoxicacion", "abogado", "denuncia", "discrimina", "racista",
        "silla de ruedas",
    ];
    private static readonly string[] MajorSigns =
    [
        "chargeback", "review", "instagram", "tripadvisor", "social media", "posting", "tagged", "wedding", "birthday", "anniversary",
        "midnight", "sold out", "cancelled", "missed", "lost income", "day of annual leave",
        "reseña", "redes sociales", "boda", "cumpleaños", "aniversario", "cancelado", "cancelaron", "perdi el", "perdimos el",
    ];
    private static readonly string[] RepeatSigns =
    [
        "again", "third", "fourth", "twice", "second time", "every time", "3rd", "4th", "third time",
        "otra vez", "de nuevo", "tercer", "tercera", "cuarta vez", "segunda vez", "dos veces", "cada vez", "siempre lo mismo",
    ];
    private static readonly string[] BrokenPromiseSigns =
    [
        "promised", "you said", "told me it", "confirmed", "was supposed to",
        "prometieron", "prometido", "me dijeron que", "nos dijeron que", "me aseguraron", "confirmaron",
    ];
    private static readonly string[] VulnerableSigns =
    [
        "child", "daughter", "son", "baby", "infant", "elderly", "disabled", "pregnant", "asthma", "five-year-old", "5-year-old", "kid", "wheelchair",
        "niño", "niña", "hijo", "hija", "embarazada", "anciano", "anciana", "discapacidad", "asma",
    ];

    public SeverityAdvice Suggest(FailureCategory category, string whatHappened, string? customerWords, CustomerTier tier, ToneReading? tone = null)
    {
        var text = " " + PlaybookText.Normalize(whatHappened + " " + customerWords) + " ";
        var reasons = new List<string>();
        var severity = playbook.For(category).BaseSeverity;

        if (Matches(text, CriticalSigns) is { } critical && (category == FailureCategory.SafetyOrHealth || category == FailureCategory.StaffBehaviour || critical is not "severe"))
        {
            reasons.Add($"\"{critical.Trim()}\" points to harm, privacy or legal exposure");
            return new SeverityAdvice(4, reasons);
        }
        if (Matches(text, MajorSigns) is { } major && severity < 3)
        {
            severity = 3;
            reasons.Add($"\"{major.Trim()}\" makes it a major failure");
        }
        if (tone is not null && severity < 3 && tone.Flags.FirstOrDefault(f => f is "SafetyOrHealth" or "LegalOrRegulatory" or "PublicComplaint") is { } flag)
        {
            severity++;
            reasons.Add($"the customer's words raise a {FlagWords(flag)} flag");
        }
        var modifiers = 0;
        if (Matches(NeverAgain().Replace(text, " "), RepeatSigns) is { } repeat) { modifiers++; reasons.Add($"repeat failure (\"{repeat.Trim()}\")"); }
        if (Matches(text, BrokenPromiseSigns) is { } promise) { modifiers++; reasons.Add($"a promise was broken (\"{promise.Trim()}\")"); }
        if (Matches(text, VulnerableSigns) is { } vulnerable) { modifiers++; reasons.Add($"a vulnerable person is affected (\"{vulnerable.Trim()}\")"); }
        severity = Math.Min(Math.Max(severity, Math.Min(3, severity + modifiers)), 3);
        if (tier == CustomerTier.Vip && severity < 2)
        {
            severity = 2;
            reasons.Add("VIP guest");
        }
        if (reasons.Count == 0) reasons.Add($"usual level for {playbook.For(category).Title.ToLowerInvariant()}");
        return new SeverityAdvice(Math.Clamp(severity, 1, 4), reasons);
    }

    private static string FlagWords(string flag) => flag switch
    {
        "SafetyOrHealth" => "safety",
        "LegalOrRegulatory" => "legal",
        _ => "public-complaint",
    };

    /// <summary>"never stay here again", "won't be back again": a threat to leave, not a failure that happened again.</summary>
    [GeneratedRegex(@" (?:never|not|won't|wont|no|nunca) (?:\S+ ){0,4}(?:again|otra vez|de nuevo) ")]
    private static partial Regex NeverAgain();

    private static string? Matches(string text, string[] signs) =>
        signs.FirstOrDefault(sign => text.Contains(sign.EndsWith(' ') ? " " + sign : " " + sign, StringComparison.Ordinal));
}

public sealed record SeverityAdvice(int Severity, IReadOnlyList<string> Reasons);
