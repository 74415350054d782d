using System.Text;

namespace Bollebygd.Simulators.Utility;

/// <summary>
/// The state of the EDP Future stand-in: a few made-up customers of Bollebygd's water and waste utility with their
/// subscriptions, invoices, meter readings and collection days; a couple of building cases with documents; the requests
/// received; and the faults a test asked for.
/// </summary>
public sealed class EdpSimulator
{
    /// <summary>A reported reading further than this from the expected one needs a comment.</summary>
    public const double MaxDeviation = 0.30;

    private readonly object _gate = new();
    private readonly List<EdpCustomer> _customers = [];
    private readonly List<EdpSubscription> _subscriptions = [];
    private readonly List<EdpInvoice> _invoices = [];
    private readonly List<EdpMeterReading> _readings = [];
    private readonly Dictionary<string, EdpRequest> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EdpCase> _cases = new(StringComparer.Ordinal);

    public EdpSimulator(string apiKey)
    {
        ApiKey = apiKey;
        Seed();
    }

    public string ApiKey { get; }

    public InjectedFaults Faults { get; } = new();

    public IReadOnlyList<EdpCustomer> FindCustomers(string? identityNumber, string? customerNumber)
    {
        lock (_gate)
        {
            return _customers.Where(c => identityNumber is { Length: > 0 } ? c.IdentityNumber == identityNumber : c.CustomerNumber == customerNumber).ToList();
        }
    }

    public EdpCustomer? Customer(string customerNumber)
    {
        lock (_gate)
        {
            return _customers.FirstOrDefault(c => c.CustomerNumber == customerNumber);
        }
    }

    public IReadOnlyList<EdpSubscription> Subscriptions(string customerNumber)
    {
        lock (_gate)
        {
            return _subscriptions.Where(s => s.CustomerNumber == customerNumber).ToList();
        }
    }

    public IReadOnlyList<EdpInvoice> Invoices(string customerNumber)
    {
        lock (_gate)
        {
            return _invoices.Where(i => i.CustomerNumber == customerNumber).OrderByDescending(i => i.DueDate).ToList();
        }
    }

    public IReadOnlyList<EdpMeterReading> Readings(string customerNumber)
    {
        lock (_gate)
        {
            var meters = _subscriptions.Where(s => s.CustomerNumber == customerNumber && s.MeterId is not null).Select(s => s.MeterId).ToHashSet();
            return _readings.Where(r => meters.Contains(r.MeterId)).OrderBy(r => r.ReadOn).ToList();
        }
    }

    /// <summary>The collection days of the customer's waste subscriptions over the next <paramref name="weeks"/> weeks.</summary>
    public IReadOnlyList<EdpPickup> PickupSchedule(string customerNumber, DateOnly from, int weeks)
    {
        lock (_gate)
        {
            var paused = _requests.Values.Where(r => r.Kind == "pickup-pause" && r.CustomerNumber == customerNumber).ToList();
            return _subscriptions.Where(s => s.CustomerNumber == customerNumber && s.Kind == "avfall")
                .SelectMany(s => Enumerable.Range(0, weeks * 7).Select(d => from.AddDays(d))
                    .Where(d => d.DayOfWeek == DayOfWeek.Tuesday && (s.Description.Contains("varannan") ? d.DayNumber / 7 % 2 == 0 : true))
                    .Where(d => !paused.Any(p => p.SubscriptionId == s.Id && d >= p.From && d <= (p.To ?? DateOnly.MaxValue)))
                    .Select(d => new EdpPickup(s.Id, d, s.Description.Contains("matavfall") ? "Mat- och restavfall" : "Restavfall")))
                .OrderBy(p => p.Date).ToList();
        }
    }

    /// <summary>
    /// A reported reading: refused unless it is at least the last one, and — when it is more than
    /// <see cref="MaxDeviation"/> away from what the meter's yearly consumption leads one to expect — it has a comment.
    /// </summary>
    public (EdpMeterReading? Stored, Dictionary<string, string[]> Errors) Report(string meterId, DateOnly readOn, double value, string? comment,
        string? reference = null)
    {
        lock (_gate)
        {
            var errors = new Dictionary<string, string[]>();
            if (reference is { Length: > 0 } && _readings.FirstOrDefault(r => r.Reference == reference) is { } again)
            {
                return (again, errors); // the same reading sent again
            }
            var subscription = _subscriptions.FirstOrDefault(s => s.MeterId == meterId);
            if (subscription is null)
            {
                errors["meterId"] = ["Mätaren finns inte."];
                return (null, errors);
            }
            var last = _readings.Where(r => r.MeterId == meterId).MaxBy(r => r.ReadOn);
            if (last is not null && value < last.Value)
            {
                errors["value"] = [$"Ställningen kan inte vara lägre än förra avläsningen ({last.Value} m³)."];
                return (null, errors);
            }
            if (last is not null && subscription.YearlyConsumption is { } yearly)
            {
                var expected = yearly * Math.Max(1, readOn.DayNumber - last.ReadOn.DayNumber) / 365.0;
                var used = value - last.Value;
                if (Math.Abs(used - expected) > MaxDeviation * expected && comment is not { Length: > 0 })
                {
                    errors["comment"] = [$"Förbrukningen avviker mer än 30 % från den väntade ({expected:0} m³). Skriv en kommentar."];
                    return (null, errors);
                }
            }
            var reading = new EdpMeterReading(meterId, readOn, value, "Kund", comment, reference);
            _readings.Add(reading);
            return (reading, errors);
        }
    }

    /// <summary>A pause or change request, once per reference: the same reference again is the same request.</summary>
    public (EdpRequest Request, bool Created) Receive(string kind, string customerNumber, string subscriptionId, string reference, string details,
        DateOnly from, DateOnly? to)
    {
        lock (_gate)
        {
            if (_requests.TryGetValue(reference, out var existing))
            {
                return (existing, false);
            }
            var request = new EdpRequest($"R{_requests.Count + 70001}", kind, customerNumber, subscriptionId, reference, details, from, to,
                DateTimeOffset.UtcNow);
            _requests[reference] = request;
            return (request, true);
        }
    }

    public IReadOnlyList<EdpRequest> Requests()
    {
        lock (_gate)
        {
            return _requests.Values.OrderBy(r => r.ReceivedAt).ToList();
        }
    }

    public EdpCase? Case(string id)
    {
        lock (_gate)
        {
            return _cases.GetValueOrDefault(id);
        }
    }

    /// <summary>Records where the case went in Platina (both sides keep the link).</summary>
    public EdpCase? LinkToPlatina(string id, string platinaReference)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(id, out var found))
            {
                return null;
            }
            return _cases[id] = found with { PlatinaReference = platinaReference };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _customers.Clear();
            _subscriptions.Clear();
            _invoices.Clear();
            _readings.Clear();
            _requests.Clear();
            _cases.Clear();
            Faults.Clear();
            Seed();
        }
    }

    private void Seed()
    {
        _customers.Add(new EdpCustomer("100234", "198112189876", "Eva Exempel", "Hultavägen 3, 517 33 Bollebygd", "eva@example.se"));
        _customers.Add(new EdpCustomer("100587", "197010632391", "Karl Prov", "Töllsjövägen 12, 517 91 Bollebygd", null));
        _subscriptions.Add(new EdpSubscription("S-1", "100234", "va", "Vatten och avlopp, villa", "Bollebygd Hulta 1:23", new DateOnly(2015, 4, 1),
            "M-7781", 150));
        _subscriptions.Add(new EdpSubscription("S-2", "100234", "avfall", "Kärl 190 l, matavfall och restavfall, varannan vecka",
            "Bollebygd Hulta 1:23", new DateOnly(2015, 4, 1)));
        _subscriptions.Add(new EdpSubscription("S-3", "100587", "avfall", "Kärl 140 l, restavfall, varannan vecka", "Bollebygd Töllsjö 2:4",
            new DateOnly(2019, 9, 1)));
        _invoices.Add(new EdpInvoice("F-2026-3301", "100234", "2026 kvartal 3", 2314.50m, new DateOnly(2026, 10, 31), true));
        _invoices.Add(new EdpInvoice("F-2026-4410", "100234", "2026 kvartal 4", 2298.00m, new DateOnly(2027, 1, 31), false));
        _invoices.Add(new EdpInvoice("F-2026-4587", "100587", "2026 kvartal 4", 812.00m, new DateOnly(2027, 1, 31), false));
        _readings.Add(new EdpMeterReading("M-7781", new DateOnly(2025, 11, 15), 1820, "Avläst"));
        _readings.Add(new EdpMeterReading("M-7781", new DateOnly(2026, 5, 15), 1895, "Kund"));
        _cases["BMN-2026-0142"] = new EdpCase("BMN-2026-0142", "Bygglov för tillbyggnad, Bollebygd Hulta 1:23", "100234",
        [
            new EdpDocument("ansokan.txt", "text/plain", Convert.ToBase64String(Encoding.UTF8.GetBytes("Ansökan om bygglov för tillbyggnad av bostadshus."))),
            new EdpDocument("tjansteskrivelse.txt", "text/plain", Convert.ToBase64String(Encoding.UTF8.GetBytes("Förslag till beslut: bevilja bygglov."))),
        ]);
    }
}
