<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

function restore_cart()
{
    $raw = $_COOKIE['cart'];
    // ruleid: php-unserialize-request
    $cart = unserialize(base64_decode($raw));
    // ok: php-unserialize-request
    $cart = unserialize(base64_decode($raw), ['allowed_classes' => false]);
    // ok: php-unserialize-request
    $cart = json_decode(base64_decode($raw), true);
    return $cart;
}

class PreferencesController extends Controller
{
    public function update(Request $request)
    {
        $prefs = $request->input('prefs');
        // ruleid: php-unserialize-request
        $data = unserialize($prefs, ['allowed_classes' => true]);
        return response()->json($data);
    }
}
