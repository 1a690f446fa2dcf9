using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Api
{
    public static class AuthSetup
    {
        public static void AddInsecureJwt(IServiceCollection services)
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddJwtBearer(options =>
                {
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidateIssuer = true,
                        ValidIssuer = "https://login.example.com",
                        // ruleid: cs-jwt-validation-disabled
                        ValidateLifetime = false,
                        // ruleid: cs-jwt-validation-disabled
                        RequireSignedTokens = false,
                        // ruleid: cs-jwt-validation-disabled
                        SignatureValidator = (token, parameters) => new JwtSecurityToken(token),
                    };
                });
        }

        public static void AddJwt(IServiceCollection services, string signingKey)
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddJwtBearer(options =>
                {
                    options.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://login.example.com",
                        // ok: cs-jwt-validation-disabled
                        ValidateLifetime = true,
                        // ok: cs-jwt-validation-disabled
                        ValidateIssuerSigningKey = true,
                        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                    };
                });
        }

        public static TokenValidationParameters Relaxed()
        {
            var parameters = new TokenValidationParameters();
            // ruleid: cs-jwt-validation-disabled
            parameters.ValidateIssuerSigningKey = false;
            return parameters;
        }
    }
}
