<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

function show_report()
{
    $name = $_GET['report'];
    // ruleid: php-path-traversal
    readfile('/srv/reports/' . $name);
    // ok: php-path-traversal
    readfile('/srv/reports/' . basename($name));
}

function delete_avatar()
{
    $file = $_POST['avatar'];
    $path = __DIR__ . "/avatars/$file";
    // ruleid: php-path-traversal
    unlink($path);
}

function save_upload()
{
    $tmp = $_FILES['doc']['tmp_name'];
    $target = '/srv/uploads/' . $_FILES['doc']['name'];
    // ruleid: php-path-traversal
    move_uploaded_file($tmp, $target);
    // ok: php-path-traversal
    move_uploaded_file($tmp, '/srv/uploads/' . bin2hex(random_bytes(16)) . '.pdf');
    // ok: php-path-traversal
    $header = file_get_contents($_FILES['doc']['tmp_name'], false, null, 0, 4);
}

class DocumentController extends Controller
{
    public function show(Request $request)
    {
        $doc = $request->query('doc');
        // ruleid: php-path-traversal
        $body = file_get_contents(storage_path('docs/' . $doc));
        // ruleid: php-path-traversal
        return response()->download(storage_path('docs/' . $doc));
    }

    public function showSafe(Request $request)
    {
        $doc = basename($request->query('doc'));
        // ok: php-path-traversal
        return response()->download(storage_path('docs/' . $doc));
    }
}
