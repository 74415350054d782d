namespace Bollebygd.Core.Utility;

public enum UtilityRequestKind
{
    /// <summary>Uppehåll i avfallshämtning.</summary>
    PickupPause,

    /// <summary>Ändring av abonnemang.</summary>
    SubscriptionChange,
}
