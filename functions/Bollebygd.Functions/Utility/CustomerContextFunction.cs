using Bollebygd.Core.Access;
using Bollebygd.Core.Utility;
using Bollebygd.Functions.Casework;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Utility;

/// <summary>
/// <c>GET /api/staff/cases/{id}/customer</c>: the citizen in EDP Future for the case card (each read audited). EDP away
/// is <c>{available: false}</c>, never a failure of the card; personnummer are masked.
/// </summary>
public sealed class CustomerContextFunction(StaffAccess access, CustomerContextService customers)
{
    public const string Name = "CaseCustomer";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/cases/{caseId}/customer")] HttpRequest request, string caseId,
        CancellationToken cancellationToken) =>
        await access.RunAsync(request, StaffAction.WorkCases, async user => await customers.GetAsync(user, caseId, cancellationToken) switch
        {
            CustomerContextOutcome.Found { Context: var c } => new JsonResult(new
            {
                available = true,
                customer = new { c.Customer.CustomerNumber, identityNumber = CaseCardView.Mask(c.Customer.IdentityNumber), c.Customer.Name, c.Customer.Address },
                subscriptions = c.Subscriptions,
                invoices = c.Invoices,
                readings = c.Readings,
                pickups = c.Pickups,
            }, CaseworkFunctions.Json),
            CustomerContextOutcome.NoCustomer => new JsonResult(new { available = true, customer = (object?)null }, CaseworkFunctions.Json),
            CustomerContextOutcome.Unavailable => new JsonResult(new { available = false }, CaseworkFunctions.Json),
            CustomerContextOutcome.Forbidden => StaffAccess.Forbidden(),
            _ => Problems.Status(StatusCodes.Status404NotFound, "Ärendet finns inte."),
        }, cancellationToken);
}
