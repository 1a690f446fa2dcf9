using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using System.Web.UI;
using Microsoft.AspNetCore.Mvc;

namespace Sessions.Controllers
{
    public class CartController : Controller
    {
        [HttpPost("cart/restore")]
        public IActionResult Restore()
        {
            // ruleid: cs-unsafe-deserializer
            var formatter = new BinaryFormatter();
            var cart = (Cart)formatter.Deserialize(Request.Body);
            return Ok(cart.Items.Count);
        }

        [HttpPost("cart/state")]
        public IActionResult State([FromForm] string state)
        {
            // ruleid: cs-unsafe-deserializer
            var los = new LosFormatter();
            var value = los.Deserialize(state);
            return Ok(value != null);
        }

        [HttpPost("cart/restore-json")]
        public IActionResult RestoreJson()
        {
            // ok: cs-unsafe-deserializer
            var cart = JsonSerializer.Deserialize<Cart>(new StreamReader(Request.Body).ReadToEnd());
            return Ok(cart.Items.Count);
        }
    }

    public class Cart
    {
        public System.Collections.Generic.List<string> Items { get; set; } = new();
    }
}
