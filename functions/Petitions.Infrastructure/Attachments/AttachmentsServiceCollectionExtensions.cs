using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Attachments;
using Petitions.Infrastructure.Cases;

namespace Petitions.Infrastructure.Attachments;

/// <summary>Registers attachments: the private container (<c>CaseHandling:Storage:AttachmentsContainer</c>) and their use cases.</summary>
public static class AttachmentsServiceCollectionExtensions
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IAttachmentStore>(sp => new BlobAttachmentStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<CaseStorageSettings>().AttachmentsContainer)));
        services.TryAddSingleton<AttachmentUploads>();
        services.TryAddSingleton<AttachFiles.Handler>();
        services.TryAddSingleton<GetAttachment.Handler>();
        return services;
    }
}
