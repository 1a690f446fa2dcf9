class UsersController < ApplicationController
  def create
    # ruleid: rb-mass-assignment
    @user = User.new(params[:user])
    @user.save!
    redirect_to @user
  end

  def update
    @user = User.find(params[:id])
    # ruleid: rb-mass-assignment
    @user.update(params.require(:user))
    redirect_to @user
  end

  def safe_update
    @user = User.find(params[:id])
    # ok: rb-mass-assignment
    @user.update(user_params)
    redirect_to @user
  end

  def import
    # ruleid: rb-mass-assignment
    attrs = params.require(:account).permit!
    # ok: rb-mass-assignment
    Account.create(params.require(:account).permit(:name, :plan))
    # ruleid: rb-mass-assignment
    Account.create! params[:account]
    Account.create(attrs)
    head :ok
  end

  private

  def user_params
    params.require(:user).permit(:name, :email)
  end
end
