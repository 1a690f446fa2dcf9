using Newtonsoft.Json;
using Microsoft.AspNetCore.Mvc;

namespace Messaging
{
    public class MessageController : Controller
    {
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            // ruleid: cs-jsonnet-type-name-handling
            TypeNameHandling = TypeNameHandling.All,
        };

        private static readonly JsonSerializerSettings SafeSettings = new JsonSerializerSettings
        {
            // ok: cs-jsonnet-type-name-handling
            TypeNameHandling = TypeNameHandling.None,
        };

        [HttpPost("messages")]
        public IActionResult Post([FromBody] string payload)
        {
            var message = JsonConvert.DeserializeObject<Message>(payload, Settings);
            return Ok(message.Id);
        }

        public static JsonSerializer CreateSerializer()
        {
            var serializer = new JsonSerializer();
            // ruleid: cs-jsonnet-type-name-handling
            serializer.TypeNameHandling = TypeNameHandling.Auto;
            return serializer;
        }
    }

    public class Message
    {
        public int Id { get; set; }
    }
}
