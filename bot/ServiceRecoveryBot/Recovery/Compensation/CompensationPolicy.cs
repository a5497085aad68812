using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Recovery.Compensation;

/// <summary>
/// Sizes atonement to severity and customer value (the ladder), and decides whether an offer is within the staff
/// member's authority or needs a manager's approval.
/// </summary>
public sealed partial class CompensationPolicy(RecoveryPlaybook playbook, IOptions<AuthorityOptions> authority)
{
    public AuthorityOptions Authority => authority.Value;

    public AtonementSuggestion Suggest(FailureCategory category, int severity, CustomerTier tier)
    {
        var level = severity switch { <= 1 => 1, 2 => 2, 3 => 3, _ => 5 };
        var why = $"severity {severity}";
        if (tier == CustomerTier.Vip && level < 5)
        {
            level = Math.Min(level + 1, 4);
            why += ", VIP guest";
        }
        else if (tier == CustomerTier.Regular)
        {
            why += ", regular guest";
        }
        var rung = playbook.Ladder.First(r => r.Level == level);
        // Within authority first (in the playbook's order), then what needs approval: following the first suggestion
        // never has to wait for a manager when something within authority would do.
        var options = playbook.For(category).Atonement
            .Select(g => new AtonementOption(g, Assess(g, level, severity).Approval == ApprovalState.Pending))
            .OrderBy(o => o.NeedsApproval)
            .ToList();
        return new AtonementSuggestion(level, rung.Name, options, why);
    }

    /// <summary>Reads what staff offered: its ladder level (estimated from the words) and any amount named.</summary>
    public Atonement Assess(string offer, int suggestedLevel, int severity)
    {
        var amount = AmountIn(offer);
        var level = LevelOf(offer) ?? suggestedLevel;
        var needsApproval = severity >= 4 || level > Authority.StaffMaxLevel || amount > Authority.StaffMaxAmount;
        return new Atonement(offer, level, amount, needsApproval ? ApprovalState.Pending : ApprovalState.NotNeeded);
    }

    public static decimal? AmountIn(string text)
    {
        var match = AmountPattern().Match(text);
        return match.Success && decimal.TryParse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    private static int? LevelOf(string offer)
    {
        var text = offer.ToLowerInvariant();
        if (text.Contains("full refund", StringComparison.Ordinal)) return 4;
        if (ContainsAny(text, "refund", "credit", "upgrade", "discount", "voucher", "% off", "percent off", "comp the night", "free night")) return 3;
        if (ContainsAny(text, "waive", "off the bill", "remove", "on the house", "no charge", "free of charge", "honour", "honor")) return 2;
        if (ContainsAny(text, "drink", "dessert", "coffee", "starter", "note", "token", "chocolate", "flowers")) return 1;
        if (ContainsAny(text, "apolog", "nothing", "no gesture", "sorry")) return 0;
        return null;
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    [GeneratedRegex(@"(?:[$€£]\s*(?<n>\d[\d,]*(?:\.\d+)?))|(?:(?<n>\d[\d,]*(?:\.\d+)?)\s*(?:dollars|euros|pounds|usd|eur|gbp|\$|€|£))", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();
}
