class ApplicationController < ActionController::Base
  # ok: rb-csrf-protection-disabled
  protect_from_forgery with: :exception
end

class WebhooksController < ApplicationController
  # ruleid: rb-csrf-protection-disabled
  skip_before_action :verify_authenticity_token, only: [:create]

  def create
    head :ok
  end
end

class LegacyApiController < ApplicationController
  # ruleid: rb-csrf-protection-disabled
  protect_from_forgery with: :null_session
  # ok: rb-csrf-protection-disabled
  skip_before_action :authenticate_user!, only: [:index]

  def index
    render json: []
  end
end

class PartnerController < ApplicationController
  # ruleid: rb-csrf-protection-disabled
  skip_forgery_protection
end
