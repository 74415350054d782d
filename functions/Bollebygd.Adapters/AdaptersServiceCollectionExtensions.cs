using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Bollebygd.Adapters.Access;
using Bollebygd.Adapters.Audit;
using Bollebygd.Adapters.Cases;
using Bollebygd.Adapters.Events;
using Bollebygd.Adapters.Http;
using Bollebygd.Adapters.Intake;
using Bollebygd.Adapters.Knowledge;
using Bollebygd.Adapters.Mail;
using Bollebygd.Adapters.Operations;
using Bollebygd.Adapters.Registry;
using Bollebygd.Adapters.Remiss;
using Bollebygd.Adapters.Routing;
using Bollebygd.Adapters.Sla;
using Bollebygd.Adapters.Sms;
using Bollebygd.Adapters.Storage;
using Bollebygd.Adapters.Utility;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Knowledge;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Remiss;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Sms;
using Bollebygd.Core.Utility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Adapters;

public static class AdaptersServiceCollectionExtensions
{
    /// <summary>Binds Core's ports to their Azure Storage adapters.</summary>
    public static IServiceCollection AddBollebygdAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBollebygdStorage(configuration);
        services.AddSingleton<StorageResources>();
        services.AddSingleton<IHealthProbe>(sp => StorageHealthProbe.Tables(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IHealthProbe>(sp => StorageHealthProbe.Queues(sp.GetRequiredService<QueueServiceClient>()));
        services.AddSingleton<IHealthProbe>(sp => StorageHealthProbe.Blobs(sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IAuditTrail, QueueAuditTrail>();
        services.AddSingleton<IOperatorAlerts, TableOperatorAlerts>();
        services.AddSingleton<ITableBackups, BlobTableBackups>();
        services.AddSingleton<IPoisonQueueInspector, StoragePoisonQueueInspector>();
        services.AddSingleton<ICaseReferences, TableCaseReferences>();
        services.AddSingleton<ICaseSignals, QueueCaseSignals>();
        services.AddCaseEvents(configuration);
        services.AddSingleton<TableCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        services.AddSingleton<ICaseLists>(sp => sp.GetRequiredService<TableCaseStore>());
        services.AddSingleton<ITrackingLinks, TableTrackingLinks>();
        services.AddSingleton<ISubmissionClaims, TableSubmissionClaims>();
        services.AddSingleton<ISubmissionArchive, BlobSubmissionArchive>();
        services.AddSingleton<IUploadStore, BlobUploadStore>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<IOutgoingMailQueue, QueueOutgoingMailQueue>();
        services.AddSingleton(sp => new MailboxDirectory(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<MailboxDirectory>().Mailboxes);
        services.AddSingleton<IMailboxReader, ImapMailboxReader>();
        services.AddSingleton<IMailboxLeases, BlobMailboxLeases>();
        services.AddSingleton<IRawMailStore, BlobRawMailStore>();
        services.AddSingleton<IInboundMailQueue, QueueInboundMailQueue>();
        services.AddSingleton<IInboundMailParser, MimeInboundMailParser>();
        services.AddSingleton<IReceiptAllowance, TableReceiptAllowance>();
        services.AddSingleton<IKnowledgeBase, TableKnowledgeBase>();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section));
        // One client for the process; connections are renewed so a gateway's DNS change is seen.
        services.AddSingleton<ISmsSender>(sp => ActivatorUtilities.CreateInstance<HttpSmsGateway>(sp,
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) }));
        services.AddSingleton<ISmsQueue, QueueSmsQueue>();
        services.AddSingleton<IRoutingModels, BlobRoutingModels>();
        services.AddSingleton<IRoutingExamples, TableRoutingExamples>();
        services.AddOptions<StaffAuthOptions>().Bind(configuration.GetSection(StaffAuthOptions.Section)).PostConfigure(o => o.AddGroupMapping());
        services.AddSingleton<IStaffDirectory, TableStaffDirectory>();
        services.AddSingleton<ICaseSlaRecords, TableCaseSlaRecords>();
        services.AddSingleton<IRemisser, TableRemisser>();
        services.AddSingleton<IRemissKeys, BlobRemissKeys>();
        services.AddOptions<PlatinaOptions>().Bind(configuration.GetSection(PlatinaOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatinaOptions>>().Value;
            return ActivatorUtilities.CreateInstance<PlatinaClient>(sp, ExternalHttpClient(options.BaseUrl, options.TimeoutSeconds));
        });
        services.AddSingleton<IPlatina>(sp => sp.GetRequiredService<PlatinaClient>());
        services.AddOptions<EdpOptions>().Bind(configuration.GetSection(EdpOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdpOptions>>().Value;
            return ActivatorUtilities.CreateInstance<EdpClient>(sp, ExternalHttpClient(options.BaseUrl, options.TimeoutSeconds));
        });
        services.AddSingleton<IEdpFuture>(sp => sp.GetRequiredService<EdpClient>());
        // Reported in /api/health when configured; an outage there degrades, never stops, the app.
        if (configuration[$"{PlatinaOptions.Section}:BaseUrl"] is { Length: > 0 })
        {
            services.AddSingleton<IHealthProbe>(sp => new ExternalSystemProbe("platina", sp.GetRequiredService<PlatinaClient>().PingAsync));
        }
        if (configuration[$"{EdpOptions.Section}:BaseUrl"] is { Length: > 0 })
        {
            services.AddSingleton<IHealthProbe>(sp => new ExternalSystemProbe("edp-future", sp.GetRequiredService<EdpClient>().PingAsync));
        }
        services.AddSingleton<IUtilityQueue, QueueUtilityQueue>();
        services.AddSingleton<IRegistryWriterLease, BlobRegistryWriterLease>();
        services.AddSingleton<IRegistrationQueue, QueueRegistrationQueue>();
        services.AddSingleton<IStaffTokenValidator>(sp => ActivatorUtilities.CreateInstance<OidcStaffTokenValidator>(sp));
        return services;
    }

    /// <summary>One client per external system for the process; connections renewed so a DNS change is seen.</summary>
    private static HttpClient ExternalHttpClient(string? baseUrl, int timeoutSeconds) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUrl is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null,
            Timeout = TimeSpan.FromSeconds(Math.Max(5, timeoutSeconds * 4)),
        };
}
