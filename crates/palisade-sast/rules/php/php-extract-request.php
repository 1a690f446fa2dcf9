<?php

use Illuminate\Http\Request;

function update_settings()
{
    $is_admin = false;
    // ruleid: php-extract-request
    extract($_POST);
    if ($is_admin) {
        grant_admin($user_id);
    }
}

function legacy_router()
{
    // ruleid: php-extract-request
    parse_str($_SERVER['QUERY_STRING']);
    // ok: php-extract-request
    parse_str($_SERVER['QUERY_STRING'], $params);
    return $params['page'] ?? 'home';
}

function render_view(string $view, array $data)
{
    // ok: php-extract-request
    extract(['title' => 'Dashboard', 'items' => $data]);
    include __DIR__ . '/views/dashboard.php';
}

function search(Request $request)
{
    // ruleid: php-extract-request
    extract($request->all(), EXTR_SKIP);
    return compact('q', 'page');
}
