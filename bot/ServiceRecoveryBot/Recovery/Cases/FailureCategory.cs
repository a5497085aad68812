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
