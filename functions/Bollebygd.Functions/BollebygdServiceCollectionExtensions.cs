using Bollebygd.Adapters;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Remiss;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Sms;
using Bollebygd.Functions.Catalog;
using Bollebygd.Functions.Http;
using Bollebygd.Functions.Knowledge;
using Bollebygd.Core.Knowledge;
using Bollebygd.Functions.Routing;
using Bollebygd.Functions.Registry;
using Bollebygd.Functions.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bollebygd.Functions;

public static class BollebygdServiceCollectionExtensions
{
    /// <summary>
    /// Everything the Function App's classes need, registered once: used by Program.cs under the Functions host and by
    /// Bollebygd.LocalHost on a developer's machine, so both run the same object graph.
    /// </summary>
    public static IServiceCollection AddBollebygd(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBollebygdAdapters(configuration);

        services.AddSingleton<HealthService>();
        services.AddSingleton<PoisonQueueMonitor>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<DurableProbeRecorder>();

        services.AddSingleton(_ => CatalogDefinitions.Load());
        services.AddSingleton(_ => GroupDefinitions.Load());
        services.AddSingleton(sp => GroupDefinitions.LoadPolicy(sp.GetRequiredService<CompetenceGroups>()));
        services.AddSingleton(_ => GroupDefinitions.LoadSeed());
        services.AddSingleton<CaseRouter>();
        services.AddSingleton(_ => SlaPolicyDefinitions.Load(configuration[SlaPolicyDefinitions.FileSetting]));
        services.AddSingleton(_ => SlaCalendarSettings.Load(configuration));
        services.AddSingleton(_ => SlaCalendarSettings.Supervisors(configuration));
        services.AddSingleton<CaseSlaEvaluator>();
        services.AddSingleton<CaseSlaService>();
        services.AddSingleton<SlaReconciler>();
        services.AddSingleton<Core.Events.CaseEventPublisher>();
        services.AddSingleton<Core.Operations.OutboxSweeper>();
        services.AddSingleton<CaseSlaInstances>();
        services.AddSingleton<RemissService>();
        services.AddSingleton(sp => RegistryDefinitions.Load(sp.GetRequiredService<Core.Catalog.ServiceCatalog>()));
        services.AddSingleton<RegistrationService>();
        services.AddSingleton<Core.Utility.UtilityService>();
        services.AddSingleton<Core.Utility.CustomerContextService>();
        services.AddSingleton(sp => KnowledgeSeedDefinitions.Load(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<StaffAccess>();
        services.AddSingleton(new PublicLinks(new Uri(configuration[PublicLinks.SettingName] ?? "http://localhost:7071")));
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<ClaimGate>();
        services.AddSingleton<CaseOpener>();
        services.AddSingleton<OutgoingMailService>();
        services.AddSingleton<InboundMailService>();
        services.AddSingleton<MailboxPoller>();
        services.AddSingleton<CaseReplyService>();
        services.AddSingleton<SmsDeliveryService>();
        services.AddSingleton<CaseListService>();
        services.AddSingleton<CaseWorkService>();
        services.AddSingleton<QuickRegistrationService>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<CaseTrackingService>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<ClientRateLimiter>();
        return services;
    }
}
