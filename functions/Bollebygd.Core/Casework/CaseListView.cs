namespace Bollebygd.Core.Casework;

/// <summary>The lists of the agent workspace.</summary>
public enum CaseListView
{
    /// <summary>A group's open cases.</summary>
    Queue,

    /// <summary>The open cases assigned to the user.</summary>
    Mine,

    /// <summary>A group's open cases nobody has taken.</summary>
    Unassigned,

    /// <summary>Open cases in the user's groups whose next SLA target falls due within a day (or has passed).</summary>
    DueSoon,

    /// <summary>Open cases in every group whose registration in Platina was asked for and has no number yet: the registrators' list.</summary>
    ToRegister,
}
