require "open3"
require "shellwords"

class ToolsController < ApplicationController
  def ping
    host = params[:host]
    # ruleid: rb-command-injection
    output = `ping -c 1 #{host}`
    # ok: rb-command-injection
    uptime = `uptime`
    render plain: output + uptime
  end

  def convert
    src = params[:file]
    # ruleid: rb-command-injection
    system("convert #{src} /tmp/out.png")
    # ok: rb-command-injection
    system("convert", "--", File.basename(src), "/tmp/out.png")
    # ok: rb-command-injection
    system("convert #{Shellwords.escape(src)} /tmp/out2.png")
    head :ok
  end

  def log
    # ruleid: rb-command-injection
    out, status = Open3.capture2("git log --author=#{params[:author]}")
    # ruleid: rb-command-injection
    listing = %x(ls -la #{request.headers['X-Dir']})
    # ruleid: rb-command-injection
    IO.popen("grep #{cookies[:term]} /var/log/app.log") { |io| io.read }
    render plain: out + listing + status.to_s
  end

  def fetch_export
    name = params[:name]
    # ruleid: rb-command-injection
    data = open(name).read
    # ok: rb-command-injection
    data2 = File.open(Rails.root.join("exports", File.basename(name))).read
    render plain: data + data2
  end

  def archive
    dir = params[:dir]
    # ruleid: rb-command-injection
    system "tar czf /tmp/archive.tgz #{dir}"
    # ok: rb-command-injection
    system "tar", "czf", "/tmp/archive.tgz", "--", File.basename(dir)
    head :ok
  end
end
