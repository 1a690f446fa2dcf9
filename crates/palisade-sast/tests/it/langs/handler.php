<?php
function run() { $c = $_GET['c']; system("ls " . $c); }
class X { function show(Request $request) { $id = $request->input('id'); $db->query("select * from t where id=" . $id); } }
