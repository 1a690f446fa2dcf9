require "yaml"
require "oj"
require "base64"

class SessionsRestoreController < ApplicationController
  def restore
    blob = Base64.decode64(cookies[:state])
    # ruleid: rb-unsafe-deserialization
    state = Marshal.load(blob)
    render json: state
  end

  def import
    # ruleid: rb-unsafe-deserialization
    settings = YAML.load(request.body.read)
    # ok: rb-unsafe-deserialization
    safe = YAML.safe_load(request.body.read, permitted_classes: [Date])
    render json: settings.merge(safe)
  end

  def config_file
    # ok: rb-unsafe-deserialization
    conf = YAML.load(File.read(Rails.root.join("config", "features.yml")))
    render json: conf
  end

  def oj_import
    # ruleid: rb-unsafe-deserialization
    obj = Oj.load(params[:payload], mode: :object)
    # ok: rb-unsafe-deserialization
    data = Oj.load(params[:payload], mode: :strict)
    render json: [obj, data]
  end
end
