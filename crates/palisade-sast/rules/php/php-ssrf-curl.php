<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

function fetch_preview()
{
    $url = $_GET['url'];
    $ch = curl_init();
    // ruleid: php-ssrf-curl
    curl_setopt($ch, CURLOPT_URL, $url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $html = curl_exec($ch);
    curl_close($ch);
    return $html;
}

function fetch_user()
{
    $id = $_GET['id'];
    // ok: php-ssrf-curl
    $ch = curl_init('https://api.example.com/users/' . rawurlencode($id));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch);
}

class WebhookController extends Controller
{
    public function test(Request $request)
    {
        $target = $request->input('webhook_url');
        // ruleid: php-ssrf-curl
        $response = Http::post($target, ['event' => 'ping']);
        // ruleid: php-ssrf-curl
        $ch = curl_init($target);
        // ok: php-ssrf-curl
        $status = Http::get(config('services.status.url'));
        return response()->json(['status' => $response->status()]);
    }
}
