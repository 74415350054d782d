using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.LocalHost.Configuration;
using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bollebygd.LocalHost.Queues;

/// <summary>
/// Polls one Storage queue for one queueTrigger function, as the Functions host's queue listener does: batches of
/// <c>batchSize</c>, back-off up to <c>maxPollingInterval</c> while idle, a failed message becomes visible again after
/// <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failures it moves to <c>&lt;queue&gt;-poison</c>.
/// Messages are read raw and decoded here (base64 by default) so that a message that is not valid base64 can be
/// moved to the poison queue unchanged.
/// </summary>
public sealed class QueueTriggerListener(
    HostedFunction function,
    QueueTriggerOptions options,
    IConfiguration configuration,
    IServiceProvider services,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    public string QueueName { get; } = AppSettingResolver.Resolve(
        FunctionEntry.BindingString(function.Trigger, "queueName") ?? throw new InvalidOperationException($"{function.Name} names no queue."),
        configuration).ToLowerInvariant();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = FunctionEntry.BindingString(function.Trigger, "connection") is { Length: > 0 } c ? c : StorageConnection.SectionName;
        var client = StorageEndpoints.From(configuration, connection)
            .CreateQueueServiceClient(QueueMessageEncoding.None, new DefaultAzureCredential());
        var queue = client.GetQueueClient(QueueName);
        var poison = client.GetQueueClient(Core.Storage.QueueNames.PoisonOf(QueueName));
        var delay = QueueTriggerOptions.MinPollingInterval;
        logger.LogInformation("Listening on queue {QueueName} for {FunctionName} (maxDequeueCount {MaxDequeueCount}, visibilityTimeout {VisibilityTimeout})",
            QueueName, function.Name, options.MaxDequeueCount, options.VisibilityTimeout);

        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(Math.Clamp(options.BatchSize, 1, 32), QueueTriggerOptions.ProcessingVisibility, stoppingToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                try
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                }
                catch (Exception createFailed) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Creating queue {QueueName} failed: {Error}", QueueName, createFailed.Message);
                    await Task.Delay(options.MaxPollingInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Polling queue {QueueName} failed: {Error}", QueueName, ex.Message);
                messages = [];
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (messages.Length == 0)
            {
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(options.MaxPollingInterval.Ticks, QueueTriggerOptions.MinPollingInterval.Ticks)));
                continue;
            }
            delay = QueueTriggerOptions.MinPollingInterval;
            await Task.WhenAll(messages.Select(m => ProcessSafelyAsync(queue, poison, m, stoppingToken)));
        }
    }

    private async Task ProcessSafelyAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(queue, poison, message, stoppingToken);
        }
        catch (Exception ex)
        {
            // Storage failed while settling the message; it reappears after its visibility runs out and is tried again.
            logger.LogWarning("Settling message {MessageId} on {QueueName} failed: {Error}", message.MessageId, QueueName, ex.Message);
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Received more often than allowed without a recorded failure (a host stopped mid-invocation).
            await MoveToPoisonAsync(queue, poison, message, "dequeue count above maxDequeueCount", stoppingToken);
            return;
        }
        var decoded = Decode(message);
        if (decoded is null)
        {
            await MoveToPoisonAsync(queue, poison, message, $"message is not valid {options.MessageEncoding}", stoppingToken);
            return;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var context = new InvocationContext(scope.ServiceProvider, stoppingToken)
            {
                TriggerValue = decoded,
                BindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["id"] = message.MessageId,
                    ["dequeueCount"] = message.DequeueCount,
                    ["insertionTime"] = message.InsertedOn,
                    ["expirationTime"] = message.ExpiresOn,
                    ["nextVisibleTime"] = message.NextVisibleOn,
                    ["popReceipt"] = message.PopReceipt,
                },
            };
            await invoker.InvokeAsync(function, context, $"New queue message detected on '{QueueName}'.");
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, $"failed {message.DequeueCount} time(s)", CancellationToken.None);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
            return;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its processing visibility runs out.
            return;
        }
        // Succeeded: outside the failure handling, so a failed delete is retried as a delivery, not counted as a failure.
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    private QueueMessage? Decode(QueueMessage message)
    {
        if (!options.MessageEncoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            return message;
        }
        var raw = message.Body.ToString();
        var buffer = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw, buffer, out var written))
        {
            return null;
        }
        return QueuesModelFactory.QueueMessage(
            message.MessageId, message.PopReceipt, new BinaryData(buffer.AsMemory(0, written)), message.DequeueCount,
            message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, string why, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        // The raw body is copied as it is, still in the queue's encoding, as the Functions host does.
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.LogError("Message {MessageId} from {QueueName} moved to {PoisonQueue}: {Reason}",
            message.MessageId, QueueName, poison.Name, why);
    }

}
