namespace Flowgate.Runtime.Email.Templates;

/// <summary>A template rendered for one recipient: the sender (empty for the configured one), subject, HTML body.</summary>
public sealed record RenderedMail(string From, string Subject, string Html);
