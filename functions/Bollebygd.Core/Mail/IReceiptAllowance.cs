namespace Bollebygd.Core.Mail;

/// <summary>
/// Port: how many receipts one sender may get. Someone (or something) writing to a function mailbox in a loop must
/// not be answered in a loop.
/// </summary>
public interface IReceiptAllowance
{
    /// <summary>Takes one receipt from the sender's allowance for the hour; false when it is used up.</summary>
    Task<bool> TryTakeAsync(string address, DateTimeOffset now, int perHour, CancellationToken cancellationToken);
}
