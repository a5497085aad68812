using System.ComponentModel.DataAnnotations;

namespace ServiceRecoveryBot.Recovery.Compensation;

/// <summary>What frontline staff may offer without a manager (configuration section "Recovery:Authority").</summary>
public sealed class AuthorityOptions
{
    public const string Section = "Recovery:Authority";

    /// <summary>Highest atonement-ladder level staff may give on their own.</summary>
    [Range(0, 5)]
    public int StaffMaxLevel { get; set; } = 2;

    /// <summary>Highest amount staff may give on their own, in the site's currency.</summary>
    [Range(0, 100_000)]
    public decimal StaffMaxAmount { get; set; } = 50;

    [Required, MaxLength(4)]
    public string CurrencySymbol { get; set; } = "$";
}
