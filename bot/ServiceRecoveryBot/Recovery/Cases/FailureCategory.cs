namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>What kind of failure happened. Names are stored; never rename one.</summary>
public enum FailureCategory
{
    WaitOrDelay,
    ProductOrFoodQuality,
    BillingError,
    StaffBehaviour,
    BookingOrReservation,
    DeliveryOrLostItem,
    CleanlinessOrFacility,
    SafetyOrHealth,
    Communication,
    Other,
}

public static class FailureCategoryText
{
    /// <summary>The category as people read it ("Product or food quality"), the same as its playbook title.</summary>
    public static string Describe(this FailureCategory category)
    {
        var name = category.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4).Append(name[0]);
        foreach (var ch in name.AsSpan(1))
            text.Append(char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString());
        return text.ToString();
    }
}
