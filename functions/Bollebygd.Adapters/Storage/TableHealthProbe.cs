using Azure.Data.Tables;
using Bollebygd.Core.Operations;

namespace Bollebygd.Adapters.Storage;

public sealed class TableHealthProbe(TableServiceClient tables) : IHealthProbe
{
    public string Name => "tables";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
