using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Email;

public static class EmailRegistration
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set; the development outbox otherwise (it is always registered, for the dashboard).</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Email");
        services.Configure<EmailOptions>(section);
        services.AddSingleton<DevelopmentOutbox>();
        services.AddScoped<Templates.EmailTemplateService>();
        services.AddScoped<Tickets.EmailTickets>();
        services.AddSingleton<Tickets.EmailTicketSweep>();
        if (string.IsNullOrWhiteSpace(section["Smtp:Host"]))
            services.AddSingleton<IEmailDelivery>(sp => sp.GetRequiredService<DevelopmentOutbox>());
        else
        {
            services.AddSingleton<SmtpEmailDelivery>();
            services.AddSingleton<MailQueue>();
            services.AddSingleton<IEmailDelivery>(sp => sp.GetRequiredService<MailQueue>());
            services.AddHostedService(sp => sp.GetRequiredService<MailQueue>());
        }
        return services;
    }
}
