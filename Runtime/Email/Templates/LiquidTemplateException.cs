namespace Flowgate.Runtime.Email.Templates;

/// <summary>A template that does not parse or cannot be rendered; the message says why, for the administrator.</summary>
public sealed class LiquidTemplateException(string message) : Exception(message);
