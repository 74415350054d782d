using Bollebygd.Core.Access;
using Bollebygd.Core.Routing;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Staff;

/// <summary>
/// <c>GET /api/staff/me</c>: who the signed-in staff member is, with roles and competence groups — recorded in the
/// staff directory as seen now.
/// </summary>
public sealed class StaffProfileFunction(StaffAccess access, CompetenceGroups groups, IStaffDirectory directory)
{
    public const string Name = "StaffProfile";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/me")] HttpRequest request, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(request, StaffAction.ReadOwnProfile, cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }
        var user = check.User!;
        // The agent app asks this when someone signs in: that is how reminders know their address and what they lead.
        await directory.RecordAsync(user, cancellationToken);
        return new OkObjectResult(new
        {
            id = user.Id,
            name = user.Name,
            email = user.Email,
            roles = user.Roles.Select(r => r.ToString().ToLowerInvariant()).Order(),
            groups = groups.All.Where(g => user.CanWorkIn(g.Id)).Select(g => new { id = g.Id, name = g.Name }),
            allGroups = groups.All.Select(g => new { id = g.Id, name = g.Name }),
        });
    }
}
