using System.Data.SqlClient;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Controllers
{
    public class ProductsController : Controller
    {
        private readonly ShopContext _db;
        private readonly string _connString;

        public ProductsController(ShopContext db, string connString)
        {
            _db = db;
            _connString = connString;
        }

        [HttpGet("search")]
        public IActionResult Search()
        {
            string name = Request.Query["name"];
            using var conn = new SqlConnection(_connString);
            conn.Open();
            // ruleid: cs-tainted-sql
            var cmd = new SqlCommand("SELECT * FROM Products WHERE Name = '" + name + "'", conn);
            var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }

        [HttpGet("search2")]
        public IActionResult SearchSafe()
        {
            string name = Request.Query["name"];
            using var conn = new SqlConnection(_connString);
            // ok: cs-tainted-sql
            var cmd = new SqlCommand("SELECT * FROM Products WHERE Name = @name", conn);
            cmd.Parameters.AddWithValue("@name", name);
            return Ok(cmd.ExecuteScalar());
        }

        [HttpGet("by-category")]
        public IActionResult ByCategory([FromQuery] string category)
        {
            var cmd = new SqlCommand();
            // ruleid: cs-tainted-sql
            cmd.CommandText = $"SELECT * FROM Products WHERE Category = '{category}'";
            return Ok();
        }

        [HttpGet("ef")]
        public IActionResult Ef([FromQuery] string sort)
        {
            var sql = "SELECT * FROM Products ORDER BY " + sort;
            // ruleid: cs-tainted-sql
            var items = _db.Products.FromSqlRaw(sql).ToList();
            return Ok(items);
        }

        [HttpGet("ef-safe")]
        public IActionResult EfSafe([FromQuery] string name)
        {
            // ok: cs-tainted-sql
            var items = _db.Products.FromSqlRaw("SELECT * FROM Products WHERE Name = {0}", name).ToList();
            return Ok(items);
        }

        [HttpPost("dapper")]
        public IActionResult Dapper([FromForm] string owner)
        {
            using var conn = new SqlConnection(_connString);
            // ruleid: cs-tainted-sql
            var rows = conn.Query<Product>("SELECT * FROM Products WHERE Owner = '" + owner + "'");
            // ok: cs-tainted-sql
            var safeRows = conn.Query<Product>("SELECT * FROM Products WHERE Owner = @owner", new { owner });
            return Ok(rows);
        }
    }
}

namespace Shop.Handlers
{
    public class OrderEndpoint : ControllerBase
    {
        private readonly ICommandBus _bus;
        private readonly System.Data.IDbConnection _connection;

        [HttpPost("orders")]
        public IActionResult Create([FromBody] OrderDto dto)
        {
            // ok: cs-tainted-sql
            _bus.Execute(new CreateOrder(dto.Sku, dto.Quantity));
            // ruleid: cs-tainted-sql
            _connection.Execute("INSERT INTO Audit (Sku) VALUES ('" + dto.Sku + "')");
            return Ok();
        }
    }
}
