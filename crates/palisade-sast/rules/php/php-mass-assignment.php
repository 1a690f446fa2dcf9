<?php

namespace App\Http\Controllers;

use App\Http\Requests\StoreUserRequest;
use App\Models\User;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Http\Request;

class Invoice extends Model
{
    // ruleid: php-mass-assignment
    protected $guarded = [];
}

class Profile extends Model
{
    // ok: php-mass-assignment
    protected $guarded = ['id', 'is_admin'];

    protected $fillable = ['name', 'bio'];
}

class UserController extends Controller
{
    public function store(Request $request)
    {
        // ruleid: php-mass-assignment
        $user = User::create($request->all());
        return redirect()->route('users.show', $user);
    }

    public function update(Request $request, User $user)
    {
        // ruleid: php-mass-assignment
        $user->fill($request->all())->save();
        return redirect()->route('users.show', $user);
    }

    public function storeSafe(StoreUserRequest $request)
    {
        // ok: php-mass-assignment
        $user = User::create($request->validated());
        // ok: php-mass-assignment
        $user->update($request->only(['name', 'email']));
        return redirect()->route('users.show', $user);
    }
}
