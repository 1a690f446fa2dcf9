using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Billing.Controllers
{
    [ApiController]
    [Route("api/invoices")]
    public class InvoicesController : ControllerBase
    {
        private readonly BillingContext _context;

        public InvoicesController(BillingContext context)
        {
            _context = context;
        }

        public IActionResult ForCustomer(int customerId, string status)
        {
            // ruleid: cs-ef-raw-sql-built
            var invoices = _context.Invoices.FromSqlRaw($"SELECT * FROM Invoices WHERE CustomerId = {customerId} AND Status = '{status}'").ToList();
            return Ok(invoices);
        }

        public IActionResult Archive(string year)
        {
            // ruleid: cs-ef-raw-sql-built
            _context.Database.ExecuteSqlRaw("UPDATE Invoices SET Archived = 1 WHERE Year = " + year);
            return NoContent();
        }

        public IActionResult ForCustomerSafe(int customerId, string status)
        {
            // ok: cs-ef-raw-sql-built
            var invoices = _context.Invoices.FromSqlInterpolated($"SELECT * FROM Invoices WHERE CustomerId = {customerId} AND Status = {status}").ToList();
            return Ok(invoices);
        }

        public IActionResult ArchiveSafe(string year)
        {
            // ok: cs-ef-raw-sql-built
            _context.Database.ExecuteSqlRaw("UPDATE Invoices SET Archived = 1 WHERE Year = {0}", year);
            return NoContent();
        }

        public IActionResult Cleanup(string table)
        {
            // ruleid: cs-ef-raw-sql-built
            _context.Database.ExecuteSqlRaw(string.Format("DELETE FROM {0} WHERE Expired = 1", table));
            return NoContent();
        }
    }
}
