using Bollebygd.Core.Access;
using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Functions.Http;

/// <summary>The signed-in staff member, or the answer that refuses the request (401 or 403).</summary>
public sealed record StaffAccessResult(StaffUser? User, IActionResult? Refusal)
{
    public bool Allowed => User is not null && Refusal is null;
}
