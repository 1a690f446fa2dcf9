<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

function finish_login()
{
    $next = $_GET['next'];
    // ruleid: php-open-redirect
    header('Location: ' . $next);
    exit;
}

function finish_logout()
{
    $lang = $_GET['lang'];
    // ok: php-open-redirect
    header('Location: /goodbye');
    // ok: php-open-redirect
    header('Location: /search?q=' . urlencode($_GET['q']));
    // ok: php-open-redirect
    header('Content-Language: ' . $lang);
    exit;
}

class LoginController extends Controller
{
    public function login(Request $request)
    {
        $returnTo = $request->input('return_to');
        if (auth()->attempt($request->only('email', 'password'))) {
            // ruleid: php-open-redirect
            return redirect($returnTo);
        }
        // ruleid: php-open-redirect
        return redirect()->to($request->query('back'));
    }

    public function logout(Request $request)
    {
        auth()->logout();
        // ok: php-open-redirect
        return redirect()->route('home');
    }
}
