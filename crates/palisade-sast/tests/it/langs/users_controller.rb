class UsersController < ApplicationController
  def index
    name = params[:name]
    respond_to do |format|
      @users = User.where("name = '#{name}'")
    end
    system("ls #{params[:dir]}")
  end
end
