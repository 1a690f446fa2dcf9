class SessionsController < ApplicationController
  def create
    user = User.authenticate(params[:email], params[:password])
    if user
      session[:user_id] = user.id
      # ruleid: rb-open-redirect
      redirect_to params[:return_to]
    else
      # ok: rb-open-redirect
      redirect_to login_path, alert: "Invalid email or password"
    end
  end

  def back
    target = request.referer
    # ruleid: rb-open-redirect
    redirect_to target, status: :see_other
  end

  def continue
    # ok: rb-open-redirect
    redirect_to URI.parse(params[:next]).path
  end

  def follow
    # ruleid: rb-open-redirect
    redirect_to "#{params[:host]}/welcome"
  end

  def follow_local
    # ok: rb-open-redirect
    redirect_to params[:next], allow_other_host: false
  end
end

class ArticlesController < ApplicationController
  def publish
    @article = Article.find(params[:id])
    @article.publish!
    # ok: rb-open-redirect
    redirect_to @article, notice: "Published"
  end
end
