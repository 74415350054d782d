using System.Text;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Identity;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Operations;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Registry;

/// <summary>
/// Diarieföring in Platina through an outbox: a registration is asked for (by a registrator or lead, or on arrival
/// for the e-services that are always registered), written on the timeline and queued; the queue's handler registers
/// the case and attaches its documents — a readable rendering of the case, its files and its e-mails — strictly one
/// write at a time (<see cref="IRegistryWriterLease"/>), retrying for hours while Platina is away. Idempotent: a
/// registered case has its diary number; one whose answer was lost is found by our reference; each document is
/// recorded on the timeline once attached. When Platina refuses, or never comes back, the case is flagged and the
/// operators alerted.
/// </summary>
public sealed class RegistrationService(
    ICaseStore cases,
    IPlatina platina,
    IRegistryWriterLease writer,
    IRegistrationQueue queue,
    RegistryRules rules,
    IUploadStore uploads,
    IRawMailStore rawMail,
    Utility.IEdpFuture edp,
    IOperatorAlerts alerts,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<RegistrationService> logger)
{
    public const string RequestedEntryId = "registry-requested";
    public const string RegisteredEntryId = "registry-registered";
    public const string DocumentEntryPrefix = "registry-doc-";
    public const string DeedEntryPrefix = "registry-deed-";
    public const string FailedEntryPrefix = "registry-failed-";
    private const string FlagPrefix = "Diarieföringen";
    public const string AlreadyRegistered = "Ärendet är redan diariefört.";
    public const string EdpCaseInvalid = "Skriv ärendenumret i EDP Future, till exempel BMN-2026-0142.";
    public const string EdpLinkedEntryId = "edp-linked";

    /// <summary>A registrator's or lead's "Diarieför".</summary>
    public async Task<CaseWorkOutcome> RequestAsync(StaffUser user, string caseId, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Allows(user, StaffAction.RegisterCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!MayRegister(user, record.Case))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (record.Case.DiaryNumber is not null && Documents(record, null).All(d => record.Timeline.Any(e => e.Id == DocumentEntryPrefix + d.Key)))
        {
            return CaseWorkOutcome.Invalid.One("case", AlreadyRegistered);
        }
        var entryId = await RequestAsync(record.Case, user.Author, again: true, cancellationToken);
        await audit.RecordAsync(new AuditEntry($"{caseId}.{entryId}", time.GetUtcNow(), user.Id, "case.register", caseId, null), cancellationToken);
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
    }

    /// <summary>
    /// "Flytta till Platina": the case carries an EDP Future case (a bygglov ready for the nämnd) into Platina — its
    /// documents are attached there, and both systems keep the link — so nobody types it twice.
    /// </summary>
    public async Task<CaseWorkOutcome> MoveFromEdpAsync(StaffUser user, string caseId, string? edpCaseId, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Allows(user, StaffAction.RegisterCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        edpCaseId = edpCaseId?.Trim();
        if (edpCaseId is null || !System.Text.RegularExpressions.Regex.IsMatch(edpCaseId, @"^[A-Za-z0-9-]{3,40}\z"))
        {
            return CaseWorkOutcome.Invalid.One("edpCaseId", EdpCaseInvalid);
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!MayRegister(user, record.Case))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (record.Case.DiaryNumber is not null)
        {
            return CaseWorkOutcome.Invalid.One("edpCaseId", AlreadyRegistered);
        }
        // Until the case has its number, a mistyped EDP number can be put right.
        await cases.UpdateRetryingAsync(caseId, c => c.EdpCaseId != edpCaseId && c.DiaryNumber is null ? c with { EdpCaseId = edpCaseId } : null,
            new TimelineEntry("edp-move-" + edpCaseId, time.GetUtcNow(), TimelineEntryKind.Event, user.Author,
                $"Flyttas från EDP Future (ärende {edpCaseId}) till Platina, med handlingarna.", []), cancellationToken);
        return await RequestAsync(user, caseId, cancellationToken);
    }

    /// <summary>On arrival: registered when its e-service always is.</summary>
    public async Task RequestOnArrivalAsync(Case @case, CancellationToken cancellationToken)
    {
        if (rules.RegistersOnArrival(@case.ServiceId) && await cases.GetAsync(@case.Id, cancellationToken) is { } stored)
        {
            await RequestAsync(stored.Case, "system", again: false, cancellationToken);
        }
    }

    /// <summary>
    /// On the case first (what is asked is never lost; the registrators' list shows it), then into the outbox. The first
    /// request has the entry <see cref="RequestedEntryId"/>; a person's later one (after a refusal or a give-up, or with
    /// a corrected EDP number) is a request of its own, with its own entry and time, so the outbox sweep sees it. On
    /// arrival, asking again (a retried intake) is the same request. Returns the entry's id.
    /// </summary>
    private async Task<string> RequestAsync(Case @case, string author, bool again, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var repeated = again && @case.RegistrationRequestedAt is not null;
        var entryId = repeated ? $"{RequestedEntryId}-{now.UtcTicks}" : RequestedEntryId;
        await cases.UpdateRetryingAsync(@case.Id, c => repeated || c.RegistrationRequestedAt is null ? c with { RegistrationRequestedAt = now } : null,
            new TimelineEntry(entryId, now, TimelineEntryKind.Event, author,
                repeated ? "Diarieföring i Platina begärd igen." : "Diarieföring i Platina begärd.", []), cancellationToken);
        await queue.EnqueueAsync(new RegistrationRequest(@case.Id), null, cancellationToken);
        return entryId;
    }

    /// <summary>The queue's handler. Returns the request to queue again and when, or null when done.</summary>
    public async Task<(RegistrationRequest Next, TimeSpan Delay)?> HandleAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(request.CaseId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("Registration of case {CaseId} dropped: the case does not exist", request.CaseId);
            return null;
        }
        if (record.Case.DiaryNumber is not null && record.Case.EdpCaseId is null
            && Documents(record, null).All(d => record.Timeline.Any(e => e.Id == DocumentEntryPrefix + d.Key)))
        {
            return null; // registered with all its documents: a redelivery
        }
        await using var lease = await writer.TryAcquireAsync(cancellationToken);
        if (lease is null)
        {
            return (request, OutboxRetryPolicy.WhileBusy);
        }
        // The lease is renewed while held; if it is lost, the writing stops rather than overlap another writer.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        cancellationToken = held.Token;
        try
        {
            // Read again under the lease: another handler of the same case may just have written.
            record = (await cases.GetAsync(request.CaseId, cancellationToken))!;
            await RegisterAsync(record, cancellationToken);
            return null;
        }
        catch (RegistryRejectedException ex)
        {
            await FlagAsync(record.Case, $"{FlagPrefix} gick inte: {ex.Message}", cancellationToken);
            logger.LogError("Platina refused case {CaseReference}: {Reason}", record.Case.Reference.ToString(), ex.Message);
            return null;
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
        {
            logger.LogWarning("Registration of case {CaseReference} stopped: the writer's lease was lost", record.Case.Reference.ToString());
            return (request, OutboxRetryPolicy.WhileBusy);
        }
        catch (Exception ex) when (ex is not RegistryRejectedException and not OperationCanceledException)
        {
            // Platina away — or anything unexpected (storage, a malformed answer): waited out, then flagged, never lost.
            if (OutboxRetryPolicy.DelayAfter(request.Attempt) is { } delay)
            {
                logger.LogWarning(ex is RegistryUnavailableException ? null : ex,
                    "Registration of case {CaseReference} failed (attempt {Attempt}); trying again in {Delay}: {Reason}",
                    record.Case.Reference.ToString(), request.Attempt + 1, delay, ex.Message);
                return (request with { Attempt = request.Attempt + 1 }, delay);
            }
            await FlagAsync(record.Case, $"Diarieföringen i Platina misslyckades efter flera timmars försök ({ex.Message}). "
                + "Tryck på Diarieför i Platina för att försöka igen, eller diarieför för hand.", cancellationToken);
            var now = time.GetUtcNow();
            await alerts.RaiseAsync(new OperatorAlert($"registry-{record.Case.Id}", OperatorAlertKinds.RegistryFailed,
                $"Case {record.Case.Reference} could not be registered in Platina after {OutboxRetryPolicy.MaxAttempts} attempts: {ex.Message}",
                1, now, now), cancellationToken);
            return null;
        }
    }

    private async Task RegisterAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var @case = record.Case;
        var export = @case.EdpCaseId is { } edpCaseId ? await ExportAsync(edpCaseId, cancellationToken) : null;
        var entry = @case.DiaryNumber is { } known && @case.PlatinaId is { } id
            ? new RegistryEntry(id, known)
            : await platina.FindAsync(@case.Reference.ToString(), cancellationToken) ?? await platina.RegisterAsync(Draft(record, export), cancellationToken);
        if (@case.DiaryNumber is null)
        {
            await cases.UpdateRetryingAsync(@case.Id, c => c.DiaryNumber is null ? c with { DiaryNumber = entry.DiaryNumber, PlatinaId = entry.Id, Attention = IsOurFlag(c.Attention) ? null : c.Attention } : null,
                new TimelineEntry(RegisteredEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system", $"Diariefört i Platina som {entry.DiaryNumber}.", []),
                cancellationToken);
            logger.LogInformation("Case {CaseReference} registered in Platina as {DiaryNumber}", @case.Reference.ToString(), entry.DiaryNumber);
            record = (await cases.GetAsync(@case.Id, cancellationToken))!;
        }
        foreach (var document in Documents(record, export).Where(d => record.Timeline.All(e => e.Id != DocumentEntryPrefix + d.Key)))
        {
            // The document is created once (its id kept on the timeline), then its file uploaded: a retry finishes it.
            var created = record.Timeline.FirstOrDefault(e => e.Id.StartsWith(DeedEntryPrefix + document.Key + "-", StringComparison.Ordinal));
            var withContent = await WithContentAsync(record, document, cancellationToken);
            var documentId = created is not null ? int.Parse(created.Id[(DeedEntryPrefix + document.Key + "-").Length..], System.Globalization.CultureInfo.InvariantCulture)
                : await platina.CreateDocumentAsync(entry.Id, withContent, cancellationToken);
            if (created is null)
            {
                await cases.AppendRetryingAsync(record.Case, new TimelineEntry($"{DeedEntryPrefix}{document.Key}-{documentId}", time.GetUtcNow(),
                    TimelineEntryKind.Event, "system", $"Handlingen \"{document.Title}\" skapad i Platina.", []), null, cancellationToken);
            }
            await platina.UploadFileAsync(documentId, withContent, cancellationToken);
            await cases.AppendRetryingAsync(record.Case, new TimelineEntry(DocumentEntryPrefix + document.Key, time.GetUtcNow(), TimelineEntryKind.Event,
                "system", $"Handlingen \"{document.Title}\" bifogad i Platina.", []), null, cancellationToken);
        }
        if (export is not null && record.Timeline.All(e => e.Id != EdpLinkedEntryId))
        {
            try
            {
                await edp.LinkToPlatinaAsync(export.CaseId, entry.DiaryNumber, cancellationToken);
            }
            catch (Utility.UtilityUnavailableException ex)
            {
                throw new RegistryUnavailableException($"EDP Future did not take the link: {ex.Message}", ex);
            }
            await cases.AppendRetryingAsync(record.Case, new TimelineEntry(EdpLinkedEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
                $"EDP Future-ärendet {export.CaseId} visar nu diarienumret {entry.DiaryNumber}.", []), null, cancellationToken);
        }
    }

    /// <summary>The EDP case to carry; EDP away waits like Platina away, a case EDP does not have is a person's to sort out.</summary>
    private async Task<Utility.UtilityCaseExport> ExportAsync(string edpCaseId, CancellationToken cancellationToken)
    {
        try
        {
            return await edp.ExportCaseAsync(edpCaseId, cancellationToken)
                ?? throw new RegistryRejectedException($"EDP Future har inget ärende {edpCaseId}. Rätta ärendenumret och flytta igen.");
        }
        catch (Utility.UtilityUnavailableException ex)
        {
            throw new RegistryUnavailableException($"EDP Future did not answer: {ex.Message}", ex);
        }
    }

    private PlatinaCaseDraft Draft(CaseRecord record, Utility.UtilityCaseExport? export)
    {
        var c = record.Case with { Title = export?.Title ?? record.Case.Title };
        var received = record.Timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.Received);
        var description = IdentityNumbersInText.Mask(received?.Text ?? c.Title);
        return new PlatinaCaseDraft(export is null ? rules.DiaryFor(c.Group) : rules.MovedFromEdpDiary,
            export is null ? rules.CaseTypeFor(c.ServiceId) : rules.MovedFromEdpCaseType, Truncate(c.Title, 200),
            Truncate(description, 4000), SwedishTime.DateOf(c.CreatedAt),
            $"Kontaktcenter ({ChannelName(c.Channel)})", c.Parties.Select(p => new RegistryInitiator(p.Name, p.Email)).ToList(),
            c.Secret ? 1 : 0, c.Secret ? ["OSL 21 kap. 1 §"] : [], c.Reference.ToString());
    }

    /// <summary>
    /// The documents a registered case carries: a readable rendering of the case, every file of the citizen's messages,
    /// and the e-mails as they came. Their keys are stable, so each is attached once.
    /// </summary>
    private static IReadOnlyList<RegistryDocument> Documents(CaseRecord record, Utility.UtilityCaseExport? export)
    {
        var today = SwedishTime.DateOf(record.Case.CreatedAt);
        var documents = new List<RegistryDocument> { new("case", $"Ärende {record.Case.Reference}", "In", today, $"{record.Case.Reference}.txt",
            "text/plain; charset=utf-8", ReadOnlyMemory<byte>.Empty) };
        foreach (var entry in record.Timeline.Where(e => e.Kind is TimelineEntryKind.Received or TimelineEntryKind.CitizenMessage))
        {
            documents.AddRange(entry.Attachments.Where(a => !UploadService.IsMessageHtml(a)).Select(a =>
                new RegistryDocument("file-" + a.Id, a.Name, "In", today, a.Name, a.ContentType, ReadOnlyMemory<byte>.Empty)));
            if (entry.MessageId is { } messageId && !MessageIds.IsOurs(messageId))
            {
                documents.Add(new RegistryDocument("mail-" + InboundMailKey.For(messageId, default).Key[..16], "E-post från den som skrev", "In", today,
                    "meddelande.eml", "message/rfc822", ReadOnlyMemory<byte>.Empty));
            }
        }
        // The EDP case's own documents, carried over with it.
        documents.AddRange((export?.Documents ?? []).Select((d, i) =>
            new RegistryDocument($"edp-{i}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(d.Name)))[..8].ToLowerInvariant()}", d.Name, "In", today, d.Name, d.ContentType, d.Content)));
        return documents;
    }

    private async Task<RegistryDocument> WithContentAsync(CaseRecord record, RegistryDocument document, CancellationToken cancellationToken)
    {
        if (!document.Content.IsEmpty)
        {
            return document;
        }
        if (document.Key == "case")
        {
            return document with { Content = Encoding.UTF8.GetBytes(Render(record)) };
        }
        if (document.Key.StartsWith("file-", StringComparison.Ordinal))
        {
            return document with { Content = await uploads.ReadAsync(document.Key["file-".Length..], cancellationToken)
                ?? throw new RegistryRejectedException($"Filen {document.FileName} finns inte längre.") };
        }
        var entry = record.Timeline.First(e => e.MessageId is { } id && document.Key == "mail-" + InboundMailKey.For(id, default).Key[..16]);
        return document with { Content = await rawMail.ReadAsync(InboundMailKey.For(entry.MessageId!, default).Key, cancellationToken)
            ?? Encoding.UTF8.GetBytes(entry.Text) };
    }

    /// <summary>The case as a person reads it: reference, what it is about, who wrote, and its public messages.</summary>
    public static string Render(CaseRecord record)
    {
        var c = record.Case;
        var text = new StringBuilder();
        text.AppendLine($"Ärende {c.Reference}: {c.Title}");
        text.AppendLine($"Inkom {SwedishText(c.CreatedAt)} via {ChannelName(c.Channel)}.");
        foreach (var party in c.Parties)
        {
            text.AppendLine($"{party.Role}: {party.Name}{(party.Email is null ? "" : ", " + party.Email)}{(party.Phone is null ? "" : ", " + party.Phone)}");
        }
        foreach (var entry in record.Timeline.Where(e => e.IsPublic))
        {
            text.AppendLine();
            text.AppendLine($"{SwedishText(entry.At)} {(entry.Kind == TimelineEntryKind.MunicipalityMessage ? "Kommunen" : "Den som skrev")}:");
            text.AppendLine(entry.Text);
            foreach (var file in entry.Attachments)
            {
                text.AppendLine($"Bifogad fil: {file.Name}");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// On the timeline always (an entry starting <see cref="FailedEntryPrefix"/>); as the case's flag unless another flag
    /// is there already (a registration's flag replaces only an earlier registration flag).
    /// </summary>
    public async Task FlagAsync(Case @case, string why, CancellationToken cancellationToken)
    {
        var entry = new TimelineEntry(FailedEntryPrefix + Guid.NewGuid().ToString("N")[..8], time.GetUtcNow(), TimelineEntryKind.Event, "system", why, []);
        if (!await cases.UpdateRetryingAsync(@case.Id, c => c.Attention is null || IsOurFlag(c.Attention) ? c with { Attention = why } : null, entry,
                cancellationToken))
        {
            await cases.AppendRetryingAsync((await cases.GetAsync(@case.Id, cancellationToken))!.Case, entry, null, cancellationToken);
        }
    }

    private static bool IsOurFlag(string? attention) => attention?.StartsWith(FlagPrefix, StringComparison.Ordinal) == true;

    private static bool MayRegister(StaffUser user, Case @case) =>
        user.CanWorkIn(@case.Group) || user.Has(StaffRole.Registrator) && !@case.Secret;

    private static string SwedishText(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, SwedishTime.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Web => "e-tjänst",
        Channel.Email => "e-post",
        Channel.Phone => "telefon",
        Channel.Visit => "besök",
        Channel.Letter => "brev",
        _ => "sms",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
