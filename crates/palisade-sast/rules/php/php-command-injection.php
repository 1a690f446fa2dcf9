<?php

use Illuminate\Http\Request;

function ping_host()
{
    $host = $_GET['host'];
    // ruleid: php-command-injection
    system("ping -c 3 " . $host);
    // ok: php-command-injection
    system("ping -c 3 " . escapeshellarg($host));
}

function thumbnail()
{
    $file = $_FILES['image']['name'];
    $size = $_POST['size'];
    // ruleid: php-command-injection
    exec("convert /tmp/uploads/$file -resize {$size} /tmp/thumbs/$file", $out, $rc);
    // ok: php-command-injection
    exec('convert ' . escapeshellarg('/tmp/uploads/' . $file) . ' -resize ' . intval($size) . ' out.png', $out, $rc);
    return $rc;
}

class GitController
{
    public function log(Request $request)
    {
        $ref = $request->input('ref');
        // ruleid: php-command-injection
        $log = shell_exec('git log --oneline ' . $ref);
        // ruleid: php-command-injection
        $diff = `git diff $ref`;
        // ok: php-command-injection
        $status = shell_exec('git status --short');
        return response($log . $diff . $status);
    }
}
