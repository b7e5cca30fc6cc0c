namespace Petitions.Core.Cases;

/// <summary>A file attached to a case. The content is in private blob storage under <see cref="Id"/>.</summary>
/// <param name="Id">The attachment's id, which is also its blob's name (random, unguessable).</param>
/// <param name="SealedName">The file's name as uploaded, sealed like the citizen's identity (it may name people).</param>
/// <param name="Size">Size in bytes as stored (after location metadata was removed from a photo).</param>
/// <param name="ContentType">image/jpeg, image/png or application/pdf, recognised from the content.</param>
/// <param name="AddedBy">"citizen" or the staff id who attached it.</param>
/// <param name="AddedAt">When.</param>
public sealed record CaseAttachment(string Id, string SealedName, long Size, string ContentType, string AddedBy, DateTimeOffset AddedAt);
