using System.Data.SqlClient;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;

namespace Reports.Data
{
    public class ReportRepository
    {
        // ruleid: cs-hardcoded-credential
        private const string ConnectionString = "Server=db01.internal;Database=Reports;User Id=reports_app;Password=Winter2024!;";

        private readonly IConfiguration _config;

        public ReportRepository(IConfiguration config)
        {
            _config = config;
        }

        public SqlConnection Open()
        {
            // ok: cs-hardcoded-credential
            var conn = new SqlConnection(_config.GetConnectionString("Reports"));
            conn.Open();
            return conn;
        }

        public SmtpClient Mailer()
        {
            var client = new SmtpClient("smtp.example.com", 587);
            // ruleid: cs-hardcoded-credential
            client.Credentials = new NetworkCredential("reports@example.com", "s3cr3t-Mail");
            return client;
        }

        public SmtpClient MailerFromConfig()
        {
            var client = new SmtpClient("smtp.example.com", 587);
            // ok: cs-hardcoded-credential
            client.Credentials = new NetworkCredential(_config["Smtp:User"], _config["Smtp:Password"]);
            return client;
        }

        public SqlConnection Legacy()
        {
            // ruleid: cs-hardcoded-credential
            return new SqlConnection(@"Data Source=legacy;Initial Catalog=Reports;User ID=sa;Pwd=P@ssw0rd");
        }

        public string Template(string password)
        {
            // ok: cs-hardcoded-credential
            return string.Format("Server=db01;Database=Reports;User Id=app;Password={0};", password);
        }
    }
}
