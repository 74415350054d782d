using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Mail;

/// <summary>Turns each stored arriving mail on the <c>mail-inbound</c> queue into a case or a timeline entry.</summary>
public sealed class InboundMailFunction(InboundMailService intake)
{
    public const string Name = "InboundMail";

    [Function(Name)]
    public async Task Run([QueueTrigger(QueueNames.InboundMail)] InboundMailMessage message, CancellationToken cancellationToken)
    {
        if (await intake.ProcessAsync(message, cancellationToken) is InboundMailOutcome.InProgress)
        {
            // Another handler is opening the case for this Message-ID: let the queue bring the message back later,
            // when that one has finished (or can be taken over).
            throw new InvalidOperationException($"Mail {message.Key} is being handled by another invocation; it will be retried.");
        }
    }
}
