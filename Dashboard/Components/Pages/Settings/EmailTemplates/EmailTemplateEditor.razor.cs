using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Email.Templates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Settings.EmailTemplates;

/// <summary>Edits one e-mail template: preview with sample data, and save (refused, with the reason, when the Liquid is invalid).</summary>
public sealed partial class EmailTemplateEditor
{
    private EmailTemplate? _draft;
    private RenderedMail? _preview;
    private string? _error;
    private bool _saving;

    [Inject] private EmailTemplateService Templates { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Auth0's template name, e.g. <c>verify_email</c>.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    private bool HasLink => Name is EmailTemplateNames.VerifyEmail or EmailTemplateNames.ResetEmail;

    protected override async Task OnParametersSetAsync() => _draft = await Templates.GetAsync(Name, CancellationToken.None);

    private async Task PreviewAsync()
    {
        try
        {
            _preview = await EmailTemplateService.PreviewAsync(_draft!.Subject ?? "", _draft.Body ?? "");
            _error = null;
        }
        catch (LiquidTemplateException e)
        {
            (_preview, _error) = (null, $"The template is not valid Liquid: {e.Message}");
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _draft!.ResultUrl = string.IsNullOrWhiteSpace(_draft.ResultUrl) ? null : _draft.ResultUrl.Trim();
            _draft.From = _draft.From?.Trim() ?? "";
            _draft = await Templates.SaveAsync(_draft, CancellationToken.None);
            _error = null;
            Snackbar.Add("Template saved.", Severity.Success);
        }
        catch (OperationRejectedException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void RevertToDefault()
    {
        var fallback = DefaultEmailTemplates.For(Name);
        (_draft!.Subject, _draft.Body, _preview) = (fallback.Subject, fallback.Body, null);
    }
}
