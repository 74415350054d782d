using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;

namespace Bollebygd.Core.Utility;

/// <summary>
/// The citizen as EDP Future knows them, for the case card: found by the case's kundnummer (from the form) or the
/// applicant's personnummer; their subscriptions, invoices, meter readings and the next eight weeks of collection days. Each read is
/// in the audit log (who looked at whose customer data, and why: the case). EDP being away is an answer, not an error.
/// </summary>
public sealed class CustomerContextService(ICaseStore cases, ISubmissionArchive submissions, IEdpFuture edp, IAuditTrail audit, TimeProvider time)
{
    public const int PickupWeeks = 8;

    public async Task<CustomerContextOutcome> GetAsync(StaffUser user, string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CustomerContextOutcome.CaseNotFound();
        }
        if (!StaffPermissions.Allows(user, StaffAction.WorkCases) || !user.CanWorkIn(record.Case.Group))
        {
            return new CustomerContextOutcome.Forbidden();
        }
        var customerNumber = await submissions.GetAsync(caseId, cancellationToken) is { } submission
            ? SubmissionValues.Text(submission.Values, "kundnummer")
            : null;
        var identity = record.Case.Applicant?.IdentityNumber;
        if (customerNumber is not { Length: > 0 } && identity is not { Length: > 0 })
        {
            return new CustomerContextOutcome.NoCustomer();
        }
        try
        {
            var found = customerNumber is { Length: > 0 } ? await edp.FindCustomersAsync(null, customerNumber, cancellationToken) : [];
            if (found.Count == 0 && identity is { Length: > 0 })
            {
                found = await edp.FindCustomersAsync(identity, null, cancellationToken);
            }
            if (found.Count == 0)
            {
                return new CustomerContextOutcome.NoCustomer();
            }
            var customer = found[0];
            await audit.RecordAsync(new AuditEntry($"{caseId}.customer.{Guid.NewGuid():N}", time.GetUtcNow(), user.Id, "case.customer.read", caseId,
                $"Läste kunduppgifter i EDP Future för kund {customer.CustomerNumber}."), cancellationToken);
            var subscriptions = edp.SubscriptionsAsync(customer.CustomerNumber, cancellationToken);
            var invoices = edp.InvoicesAsync(customer.CustomerNumber, cancellationToken);
            var readings = edp.MeterReadingsAsync(customer.CustomerNumber, cancellationToken);
            var pickups = edp.PickupScheduleAsync(customer.CustomerNumber, PickupWeeks, cancellationToken);
            return new CustomerContextOutcome.Found(new CustomerContext(customer, await subscriptions, await invoices, await readings, await pickups));
        }
        catch (UtilityUnavailableException)
        {
            return new CustomerContextOutcome.Unavailable();
        }
    }
}
