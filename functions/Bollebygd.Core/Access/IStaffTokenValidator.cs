namespace Bollebygd.Core.Access;

/// <summary>Port: turns a bearer token into the staff member it was issued to, or null when it is not valid.</summary>
public interface IStaffTokenValidator
{
    Task<StaffUser?> ValidateAsync(string token, CancellationToken cancellationToken);
}
