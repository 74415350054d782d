using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Bollebygd.Simulators.Registry;

/// <summary>
/// The state of the Platina stand-in: its reference data, the journalized cases and their documents, the access tokens
/// it issued — and what tests ask of it: failures and slowness to inject, and a record of overlapping writes (the real
/// API assumes no concurrent access, so the simulator refuses a write while another is in flight, and counts it).
/// </summary>
public sealed class PlatinaSimulator
{
    public static readonly IReadOnlyList<PlatinaReference> Diaries =
    [
        new(1, "KS", "Kommunstyrelsen"),
        new(2, "BMN", "Bygg- och miljönämnden"),
        new(3, "TN", "Tekniska nämnden"),
    ];

    public static readonly IReadOnlyList<PlatinaReference> CaseTypes =
    [
        new(10, "ALLM", "Allmänt ärende"),
        new(20, "BYGG", "Bygglov"),
        new(21, "GRÄV", "Grävtillstånd"),
        new(30, "VA", "Vatten och avlopp"),
        new(31, "AVF", "Avfall"),
    ];

    public static readonly IReadOnlyList<PlatinaReference> Statuses =
    [
        new(1, "P", "Pågående"),
        new(2, "A", "Avslutat"),
    ];

    private readonly object _gate = new();
    private readonly Dictionary<int, PlatinaCase> _cases = [];
    private readonly Dictionary<int, PlatinaDeed> _deeds = [];
    private readonly Dictionary<(int Diary, int Year), int> _serials = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _nextCaseId = 1000;
    private int _nextDeedId = 5000;
    private int _nextFileId = 9000;
    private int _writers;

    public PlatinaSimulator(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Writes refused because another was in flight.</summary>
    public int Overlaps { get; private set; }

    /// <summary>Writes that got through (cases and documents created).</summary>
    public int Writes { get; private set; }

    /// <summary>Failures and slowness a test asked for.</summary>
    public InjectedFaults Faults { get; } = new();

    public string IssueToken(TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = DateTimeOffset.UtcNow + lifetime;
        return token;
    }

    public bool IsValidToken(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    /// <summary>Enters a write; false (and counted) when another write is in flight.</summary>
    public bool EnterWrite()
    {
        if (Interlocked.Increment(ref _writers) == 1)
        {
            return true;
        }
        Interlocked.Decrement(ref _writers);
        lock (_gate)
        {
            Overlaps++;
        }
        return false;
    }

    public void LeaveWrite() => Interlocked.Decrement(ref _writers);

    public PlatinaCase Create(int diaryId, NewPlatinaCase c, DateOnly today)
    {
        lock (_gate)
        {
            var diary = Diaries.Single(d => d.Id == diaryId);
            var number = c.DiaryNumber is { Length: > 0 } given ? given : NextNumber(diary, today.Year);
            var created = new PlatinaCase(_nextCaseId++, diaryId, number, c.RegistrationDate ?? today, c.InOutDate ?? today, c.StatusId!.Value,
                c.Origin!, c.CaseTypeId!.Value, c.PulLevel ?? 0, c.SecrecyLevel ?? 0, c.ConfidentialParagraphs ?? [], c.Title!, c.Description,
                c.Initiators ?? [], c.ExternalReference, DateTimeOffset.UtcNow);
            _cases[created.Id] = created;
            Writes++;
            return created;
        }
    }

    public bool NumberTaken(int diaryId, string number)
    {
        lock (_gate)
        {
            return _cases.Values.Any(c => c.DiaryId == diaryId && c.DiaryNumber == number);
        }
    }

    public PlatinaCase? Find(int id)
    {
        lock (_gate)
        {
            return _cases.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<PlatinaCase> ByExternalReference(string reference)
    {
        lock (_gate)
        {
            return _cases.Values.Where(c => c.ExternalReference == reference).OrderBy(c => c.Id).ToList();
        }
    }

    public IReadOnlyList<PlatinaCase> All()
    {
        lock (_gate)
        {
            return _cases.Values.OrderBy(c => c.Id).ToList();
        }
    }

    public PlatinaDeed AddDeed(int caseId, NewPlatinaDeed deed, DateOnly today)
    {
        lock (_gate)
        {
            var created = new PlatinaDeed(_nextDeedId++, caseId, deed.Title!, deed.Direction ?? "In", deed.InOutDate ?? today, []);
            _deeds[created.Id] = created;
            Writes++;
            return created;
        }
    }

    public PlatinaDeed? FindDeed(int id)
    {
        lock (_gate)
        {
            return _deeds.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<PlatinaDeed> DeedsOf(int caseId)
    {
        lock (_gate)
        {
            return _deeds.Values.Where(d => d.CaseId == caseId).OrderBy(d => d.Id).ToList();
        }
    }

    public PlatinaFile AddFile(int deedId, string name, string contentType, byte[] content)
    {
        lock (_gate)
        {
            var file = new PlatinaFile(_nextFileId++, name, contentType, content.Length, Convert.ToHexString(SHA256.HashData(content)));
            _deeds[deedId].Files.Add(file);
            Writes++;
            return file;
        }
    }

    /// <summary>Forgets everything written and every injected fault (between tests).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _cases.Clear();
            _deeds.Clear();
            _serials.Clear();
            Overlaps = 0;
            Writes = 0;
            Faults.Clear();
        }
    }

    private string NextNumber(PlatinaReference diary, int year)
    {
        var serial = _serials.TryGetValue((diary.Id, year), out var last) ? last + 1 : 1;
        _serials[(diary.Id, year)] = serial;
        return $"{diary.Code} {year}/{serial}";
    }
}
