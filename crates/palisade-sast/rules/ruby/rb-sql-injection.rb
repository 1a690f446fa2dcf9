class UsersController < ApplicationController
  SORTABLE = %w[name created_at email].freeze

  def index
    name = params[:name]
    # ruleid: rb-sql-injection, rb-sql-string-interpolation
    @users = User.where("name = '#{name}'")
    # ok: rb-sql-injection
    @same = User.where("name = ?", name)
    # ok: rb-sql-injection
    @also = User.where(name: params[:name])
    # ruleid: rb-sql-injection
    @sorted = User.order(params[:sort])
    col = SORTABLE.include?(params[:sort]) ? params[:sort] : "name"
    # ok: rb-sql-injection
    @fixed = User.order("created_at DESC")
    # ruleid: rb-sql-injection
    @names = User.pluck("#{params[:column]}")
    render json: @users
  end

  def search
    term = params.require(:q)
    # ruleid: rb-sql-injection
    rows = User.find_by_sql("SELECT * FROM users WHERE bio LIKE '%" + term + "%'")
    # ok: rb-sql-injection
    safe = User.find_by_sql(["SELECT * FROM users WHERE bio LIKE ?", "%#{term}%"])
    # ruleid: rb-sql-injection
    total = Order.calculate(:sum, params[:field])
    render json: { rows: rows, safe: safe, total: total }
  end

  def report
    id = params[:id].to_i
    # ok: rb-sql-injection
    # ruleid: rb-sql-string-interpolation
    ActiveRecord::Base.connection.execute("DELETE FROM sessions WHERE user_id = #{id}")
    # ruleid: rb-sql-injection, rb-sql-string-interpolation
    result = ActiveRecord::Base.connection.select_all("SELECT * FROM audit WHERE actor = '#{cookies[:actor]}'")
    # ruleid: rb-sql-injection
    exists = User.exists?("email = '#{request.headers['X-Email']}'")
    render json: { result: result.to_a, exists: exists }
  end
end

class ProjectsController < ApplicationController
  def index
    # ok: rb-sql-injection
    @projects = Project.where(owner_id: params[:owner], state: params[:state]).order(:created_at)
    # ruleid: rb-sql-injection, rb-sql-string-interpolation
    @archived = Project.where("state = '#{params[:state]}'", archived: true)
    # ok: rb-sql-injection
    @mine = Project.where("owner_id = :id", id: params[:owner])
    render json: @projects
  end
end

class TagsController < ApplicationController
  def index
    # ruleid: rb-sql-injection, rb-sql-string-interpolation
    @tags = Tag.where "label LIKE '%#{params[:q]}%'"
    # ok: rb-sql-injection
    @more = Tag.where "label LIKE ?", "%#{params[:q]}%"
    render json: @tags + @more
  end
end

class LookupController < ApplicationController
  DB = SQLite3::Database.new("lookup.db")

  def show
    # ruleid: rb-sql-injection, rb-sql-string-interpolation
    rows = DB.execute("SELECT * FROM codes WHERE code = '#{params[:code]}'")
    # ok: rb-sql-injection
    same = DB.execute("SELECT * FROM codes WHERE code = ?", [params[:code]])
    render json: rows + same
  end
end
