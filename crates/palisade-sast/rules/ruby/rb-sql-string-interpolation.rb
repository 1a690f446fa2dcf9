class ReportService
  TABLE = "monthly_reports".freeze

  def initialize(account)
    @account = account
  end

  def for_user(user)
    # ruleid: rb-sql-string-interpolation
    Report.where("account_id = #{@account.id} AND owner = '#{user.name}'")
  end

  def by_status(status)
    # ok: rb-sql-string-interpolation
    Report.where("status = ?", status)
  end

  def purge(days)
    # ruleid: rb-sql-string-interpolation
    ActiveRecord::Base.connection.execute("DELETE FROM reports WHERE age > #{days}")
  end

  def count_all
    # ok: rb-sql-string-interpolation
    ActiveRecord::Base.connection.execute("SELECT COUNT(*) FROM #{TABLE}")
  end

  def raw(owner)
    # ruleid: rb-sql-string-interpolation
    Report.find_by_sql("SELECT * FROM reports WHERE owner = '#{owner}' ORDER BY id")
  end

  def recent
    # ok: rb-sql-string-interpolation
    Report.where("created_at > ?", 1.week.ago).where('archived = false')
  end
end

class LegacyImporter
  def load(batch)
    # ruleid: rb-sql-string-interpolation
    ActiveRecord::Base.connection.execute "UPDATE imports SET done = 1 WHERE batch = '#{batch}'"
  end
end
