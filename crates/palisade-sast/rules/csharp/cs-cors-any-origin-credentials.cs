using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Api
{
    public static class CorsSetup
    {
        public static void AddOpenCors(IServiceCollection services)
        {
            services.AddCors(options =>
            {
                options.AddPolicy("frontend", policy =>
                    // ruleid: cs-cors-any-origin-credentials
                    policy.SetIsOriginAllowed(_ => true)
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .AllowCredentials());

                options.AddPolicy("legacy", policy =>
                    // ruleid: cs-cors-any-origin-credentials
                    policy.AllowCredentials().AllowAnyHeader().AllowAnyOrigin());
            });
        }

        public static void AddStrictCors(IServiceCollection services)
        {
            services.AddCors(options =>
            {
                options.AddPolicy("frontend", policy =>
                    // ok: cs-cors-any-origin-credentials
                    policy.WithOrigins("https://app.example.com")
                        .AllowAnyHeader()
                        .AllowCredentials());

                options.AddPolicy("public", policy =>
                    // ok: cs-cors-any-origin-credentials
                    policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET"));
            });
        }
    }
}
