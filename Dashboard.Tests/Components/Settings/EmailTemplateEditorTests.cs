using Bunit;
using Flowgate.Dashboard.Components.Pages.Settings.EmailTemplates;
using Flowgate.Runtime.Email.Templates;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Components.Settings;

/// <summary>The e-mail template editor on the real template store: the preview with sample data, and a bad template refused.</summary>
public sealed class EmailTemplateEditorTests(FlowgateAppFixture fixture) : MudComponentContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_preview_renders_the_draft_with_sample_data_encoded_and_saves_nothing()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var editor = Render<EmailTemplateEditor>(p => p.Add(e => e.Name, EmailTemplateNames.WelcomeEmail));

        editor.WaitForElement("textarea[data-test=template-body]").Change("<p>Hi {{ user.name }} from {{ application.name }}</p>");
        editor.Find("[data-test=template-preview-button]").Click();

        var frame = editor.WaitForElement("[data-test=template-preview-frame]");
        Assert.Equal("<p>Hi Jane &lt;b&gt;Doe&lt;/b&gt; from My App</p>", frame.GetAttribute("srcdoc"));
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<EmailTemplateService>().FindAsync(EmailTemplateNames.WelcomeEmail, CancellationToken.None));
    }

    [Fact]
    public async Task A_syntax_error_is_shown_in_the_preview_and_on_save_and_nothing_is_saved()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var editor = Render<EmailTemplateEditor>(p => p.Add(e => e.Name, EmailTemplateNames.MfaOobCode));

        editor.WaitForElement("textarea[data-test=template-body]").Change("<p>{{ code </p>");
        editor.Find("[data-test=template-preview-button]").Click();
        Assert.Contains("not valid Liquid", editor.WaitForElement("[data-test=template-error]").TextContent);
        Assert.Empty(editor.FindAll("[data-test=template-preview-frame]"));

        editor.Find("[data-test=template-save]").Click();

        editor.WaitForAssertion(() => Assert.Contains("The body is not valid Liquid", editor.Find("[data-test=template-error]").TextContent));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<EmailTemplateService>().FindAsync(EmailTemplateNames.MfaOobCode, CancellationToken.None));
    }
}
