using System.ComponentModel.DataAnnotations;

namespace ServiceRecoveryBot.Recovery.Compensation;

/// <summary>What frontline staff may offer without a manager (configuration section "Recovery:Authority").</summary>
public sealed class AuthorityOptions
{
    public const string Section = "Recovery:Authority";

    /// <summary>
    /// Highest atonement-ladder level staff may give on their own: 3 (a partial refund, credit or upgrade), so the
    /// playbook's suggestion for a major failure can be given at once; a full refund (4) or more asks a manager.
    /// </summary>
    [Range(0, 5)]
    public int StaffMaxLevel { get; set; } = 3;

    /// <summary>Highest amount staff may give on their own, in the site's currency.</summary>
    [Range(0, 100_000)]
    public decimal StaffMaxAmount { get; set; } = 50;

    [Required, MaxLength(4)]
    public string CurrencySymbol { get; set; } = "$";
}
